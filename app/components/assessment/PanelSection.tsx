import { Link } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { ShownText } from "~/components/ShownText";
import { TableScroll } from "~/components/TableScroll";
import { PanelEvidence, type PanelEvidenceProps } from "~/components/PanelEvidence";
import { FoldedSection } from "~/components/FoldedSection";
import type { TraitReliability } from "~/domain/agreement";
import type { PanelTrait } from "~/domain/panel";
import { RECOMMENDATIONS, type Recommendation } from "~/domain/scoring";
import type { ShownText as ShownTextValue } from "~/domain/shown-text";
import { TRAIT_KEYS, type TraitKey } from "~/domain/traits";
import { shownGap, useNumberFormats } from "~/utils/numbers";
import "~/locales/assessments";
import "~/locales/loop";

/** The submitted scorecards taken together, as the panel may see them. */
export type PanelView = {
  traits: Record<TraitKey, PanelTrait>;
  fit: { fit: number | null; coverage: number; gaps: Partial<Record<TraitKey, number>> } | null;
  recommendations: Record<Recommendation, number>;
  submittedCount: number;
  /** By interviewer id, in the order of the panel's tables. */
  interviewerNames: Record<string, string>;
  ratingRows: PanelEvidenceProps["ratingRows"];
  redFlagsSeen: { text: ShownTextValue; interviewerName: string; evidence: string | null }[];
  strengthsSeen: { count: number; text: ShownTextValue }[];
  notes: PanelEvidenceProps["notes"];
  /** The team's reliability of each trait flagged on this panel (docs/product.md, "Calibration"). */
  flaggedReliability: Partial<Record<TraitKey, TraitReliability>>;
};

/**
 * The panel's aggregate: fit and coverage, each trait's score, evidence,
 * interviewers' means, spread (flagged to calibrate) and gap to the ideal
 * band; recommendations, red flags and strengths seen; the ratings behind it
 * all and each interviewer's notes per question.
 */
export function PanelSection({
  panel,
  idealProfile,
  questions,
}: {
  panel: PanelView;
  /** null when the kit version froze no ideal profile. */
  idealProfile: Record<TraitKey, { low: number; high: number; weight: number }> | null;
  questions: PanelEvidenceProps["questions"];
}) {
  const { t } = useTranslation();
  const { score, twoDecimals, fitPercent, coveragePercent } = useNumberFormats();
  const interviewerIds = Object.keys(panel.interviewerNames);
  return (
    <section aria-labelledby="panel" data-testid="panel">
      <h2 id="panel">{t("assessments.panel")}</h2>
      <p className="muted">{t("assessments.panelIntro")}</p>
      {panel.submittedCount === 0 && <p>{t("assessments.noSubmission")}</p>}

      <h3>{t("assessments.fit")}</h3>
      <p data-testid="fit">
        {!idealProfile
          ? t("assessments.noProfile")
          : panel.fit && panel.fit.fit !== null
            ? t("assessments.fitValue", { fit: fitPercent(panel.fit.fit), coverage: coveragePercent(panel.fit.coverage) })
            : t("assessments.noFit")}
      </p>
      <p className="field-hint">{t("assessments.fitReading")}</p>

      <TableScroll label={t("assessments.panel")}>
        <table data-testid="trait-table">
          <thead>
            <tr>
              <th scope="col">{t("assessments.traitColumns.trait")}</th>
              <th scope="col" className="num">
                {t("assessments.traitColumns.score")}
              </th>
              <th scope="col" className="num">
                {t("assessments.traitColumns.evidence")}
              </th>
              <th scope="col">{t("assessments.traitColumns.means")}</th>
              <th scope="col" className="num">
                {t("assessments.traitColumns.spread")}
              </th>
              <th scope="col">{t("assessments.traitColumns.band")}</th>
              <th scope="col" className="num">
                {t("assessments.traitColumns.gap")}
              </th>
            </tr>
          </thead>
          <tbody>
            {TRAIT_KEYS.map((trait) => {
              const agg = panel.traits[trait];
              const band = idealProfile?.[trait];
              const gap = panel.fit?.gaps[trait];
              return (
                <tr key={trait} data-trait={trait}>
                  <th scope="row">{t(`traits.${trait}`)}</th>
                  {agg.status === "assessed" ? (
                    <>
                      <td className="num">{score(agg.score)}</td>
                      <td className="num">{agg.evidence}</td>
                      <td>
                        {agg.interviewers
                          .map((m) => `${panel.interviewerNames[m.interviewerId] ?? m.interviewerId}: ${twoDecimals(m.meanRating)}`)
                          .join("; ")}
                      </td>
                      <td className="num">
                        {twoDecimals(agg.spread)}
                        {agg.needsCalibration && (
                          <>
                            {" "}
                            <span className="badge badge-warning" title={t("assessments.calibrateHint")}>
                              {t("assessments.calibrate")}
                            </span>
                          </>
                        )}
                      </td>
                    </>
                  ) : (
                    <td colSpan={4} className="muted">
                      {agg.status === "not_in_kit" ? t("assessments.notInKit") : t("assessments.notAssessed")}
                    </td>
                  )}
                  <td>{band ? `${band.low}–${band.high} (×${band.weight})` : "—"}</td>
                  {/* From the score as shown, so score and gap add up to the band's edge. */}
                  <td className="num">
                    {gap === undefined || agg.status !== "assessed" || !band ? "—" : score(shownGap(agg.score, band))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <FlaggedTraitsInContext reliability={panel.flaggedReliability} />

      <div className="cards">
        <div className="card">
          <h3>{t("assessments.recommendations")}</h3>
          <ul className="compact" data-testid="recommendations">
            {RECOMMENDATIONS.map((rec) => (
              <li key={rec}>
                {t(`assessments.recommendation.${rec}`)}
                {t("app.colon")}
                {panel.recommendations[rec]}
              </li>
            ))}
          </ul>
        </div>
        <div className="card">
          <h3>{t("assessments.redFlagsSeen")}</h3>
          {panel.redFlagsSeen.length === 0 ? (
            <p>{t("assessments.none")}</p>
          ) : (
            <ul className="compact">
              {panel.redFlagsSeen.map((f, index) => (
                <li key={index}>
                  <ShownText value={f.text} /> — {f.interviewerName}
                  {f.evidence && <>: “{f.evidence}”</>}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="card">
          <h3>{t("assessments.strengthsSeen")}</h3>
          {panel.strengthsSeen.length === 0 ? (
            <p>{t("assessments.none")}</p>
          ) : (
            <ul className="compact">
              {panel.strengthsSeen.map((s, index) => (
                <li key={index}>
                  <ShownText value={s.text} /> ({s.count})
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>

      {panel.ratingRows.length > 0 && (
        <FoldedSection name="ratings" summary={t("assessments.ratingsBehind")} showLabel={t("assessments.fold.showRatings")}>
          {() => (
            <TableScroll label={t("assessments.ratingsBehind")}>
              <table data-testid="ratings-table">
                <thead>
                  <tr>
                    <th scope="col">{t("assessments.question")}</th>
                    <th scope="col">{t("assessments.traitColumns.trait")}</th>
                    {interviewerIds.map((id) => (
                      <th key={id} scope="col" className="num">
                        {panel.interviewerNames[id]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {questions.flatMap((q) =>
                    q.traits.map((trait) => (
                      <tr key={`${q.id}-${trait}`}>
                        <td>{q.number}</td>
                        <td>{t(`traits.${trait}`)}</td>
                        {interviewerIds.map((id) => (
                          <td key={id} className="num">
                            {panel.ratingRows.find((r) => r.questionId === q.id && r.trait === trait && r.interviewerId === id)?.rating ??
                              "—"}
                          </td>
                        ))}
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </TableScroll>
          )}
        </FoldedSection>
      )}

      {panel.submittedCount > 0 && (
        <PanelEvidence
          questions={questions}
          interviewers={interviewerIds.map((id) => ({ id, name: panel.interviewerNames[id] ?? id }))}
          ratingRows={panel.ratingRows}
          notes={panel.notes}
        />
      )}
    </section>
  );
}

/** One line per flagged trait: how well the team agrees on it at all, so a disagreement is read in context. */
function FlaggedTraitsInContext({ reliability }: { reliability: Partial<Record<TraitKey, TraitReliability>> }) {
  const { t } = useTranslation();
  const { twoDecimals } = useNumberFormats();
  const traits = TRAIT_KEYS.filter((trait) => reliability[trait] !== undefined);
  if (traits.length === 0) return null;
  return (
    <div data-testid="flagged-reliability">
      <h3>{t("loop.teamReliability.heading")}</h3>
      <p>{t("loop.teamReliability.intro")}</p>
      <ul className="compact">
        {traits.map((trait) => {
          const r = reliability[trait]!;
          const name = t(`traits.${trait}`);
          return (
            <li key={trait} data-trait={trait}>
              {r.status === "estimated"
                ? t("loop.teamReliability.estimated", {
                    trait: name,
                    band: t(`loop.teamReliability.band.${r.band}`),
                    icc: twoDecimals(r.estimate.single.icc),
                    n: r.estimate.n,
                  })
                : r.status === "no_variation"
                  ? t("loop.teamReliability.noVariation", { trait: name })
                  : t("loop.teamReliability.notEnoughData", { trait: name, n: r.assessments })}
            </li>
          );
        })}
      </ul>
      <p>
        <Link to="/calibration">{t("loop.teamReliability.more")}</Link>
      </p>
    </div>
  );
}
