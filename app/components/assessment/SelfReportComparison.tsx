import { useId } from "react";
import { ChartLegend, type LegendEntry } from "~/components/charts/ChartLegend";
import { DrawnChart } from "~/components/charts/DrawnChart";
import type { SentChart } from "~/components/charts/drawing";
import { BAND_FILL, BAND_STROKE, seriesStyle, type RadarBand } from "~/components/charts/TraitRadarChart";
import { TableScroll } from "~/components/TableScroll";
import { LANGUAGE_NAME_KEYS } from "./SelfReportLinkSection";
import type { ComparisonRow } from "~/domain/self-report-comparison";
import { DISAGREEMENT_POINTS, type QuestionnaireLanguage } from "~/domain/self-report";
import type { TraitKey } from "~/domain/traits";
import { useFormatDate } from "~/utils/dates";
import { shownScore, useNumberFormats } from "~/utils/numbers";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/self-report";

type Fit = { fit: number | null; coverage: number };

/** A facet as the page shows it: its name in the reader's language, score (null: not scored) and how many statements were answered. */
export type FacetRow = { facet: number; title: string; score: number | null; answered: number; items: number };

export type SelfReportComparisonView = {
  language: QuestionnaireLanguage;
  completedAt: string;
  rows: ComparisonRow[];
  /** The ideal profile's bands; null when the kit froze none. */
  band: RadarBand | null;
  /** Both fits against the ideal profile; null when the kit froze none. */
  fit: { interview: Fit | null; self: Fit } | null;
  /** The questionnaire's five traits, each with its six facets. */
  facets: { trait: TraitKey; facets: FacetRow[] }[];
};

/**
 * The candidate's completed self-report beside the panel's interview: per
 * trait the interview score with its evidence, the self-report score and the
 * difference (self − interview), flagged to probe from DISAGREEMENT_POINTS;
 * both profiles over the ideal band (drawn on the server) with their numbers;
 * both fits, each with its coverage; and the 30 facets behind the self-report.
 */
export function SelfReportComparison({ comparison, chart }: { comparison: SelfReportComparisonView; chart: SentChart }) {
  const { t } = useTranslation();
  const format = useFormatDate();
  const { score, fitPercent, coveragePercent } = useNumberFormats();
  const captionId = useId();
  const { rows, band, fit } = comparison;
  const interviewStyle = seriesStyle(0);
  const selfStyle = seriesStyle(1);
  const legend: LegendEntry[] = [
    ...(band ? [{ label: t("selfReport.compare.columns.band"), color: BAND_FILL, shape: "area" as const, outline: BAND_STROKE }] : []),
    { label: t("selfReport.compare.series.interview"), color: interviewStyle.stroke, shape: "line", dash: interviewStyle.dash },
    { label: t("selfReport.compare.series.self"), color: selfStyle.stroke, shape: "line", dash: selfStyle.dash },
  ];
  // The difference of the scores as shown, so the three figures of a row add up.
  const signed = (value: number) => (value > 0 ? `+${score(value)}` : score(value));
  const muted = (text: string) => <span className="muted">{text}</span>;
  return (
    <section aria-labelledby="self-report-heading" className="self-report" data-testid="self-report-comparison">
      <h2 id="self-report-heading">{t("selfReport.compare.heading")}</h2>
      <p className="muted">{t("selfReport.compare.intro", { points: DISAGREEMENT_POINTS })}</p>
      <p>
        {t("selfReport.compare.answered", {
          language: t(LANGUAGE_NAME_KEYS[comparison.language]),
          date: format(comparison.completedAt, "dateTime"),
        })}
      </p>

      <TableScroll label={t("selfReport.compare.heading")}>
        <table data-testid="self-report-table">
          <thead>
            <tr>
              <th scope="col">{t("selfReport.compare.columns.trait")}</th>
              <th scope="col" className="num">
                {t("selfReport.compare.columns.interview")}
              </th>
              <th scope="col" className="num">
                {t("selfReport.compare.columns.self")}
              </th>
              <th scope="col" className="num">
                {t("selfReport.compare.columns.difference")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const { interview, self } = row;
              return (
                <tr key={row.trait} data-trait={row.trait} data-probe={row.probe ? "true" : undefined}>
                  <th scope="row">{t(`traits.${row.trait}`)}</th>
                  <td className="num" data-testid="interview-score">
                    {interview.status === "assessed" ? (
                      <>
                        {score(interview.score)}
                        {/* The evidence under its score: a phone shows the four columns without scrolling. */}
                        <span className="self-report-evidence" data-testid="evidence">
                          {t("selfReport.compare.evidence", { count: interview.evidence })}
                        </span>
                      </>
                    ) : (
                      muted(interview.status === "not_in_kit" ? t("selfReport.compare.notInKit") : t("selfReport.compare.notAssessed"))
                    )}
                  </td>
                  <td className="num" data-testid="self-score">
                    {self.status === "scored"
                      ? score(self.score)
                      : self.status === "not_scored"
                        ? muted(t("selfReport.compare.notScored"))
                        : muted(t("selfReport.compare.notMeasured"))}
                  </td>
                  <td className="num" data-testid="difference">
                    {self.status === "scored" && interview.status === "assessed" ? (
                      <>
                        {signed(shownScore(self.score) - shownScore(interview.score))}
                        {row.probe && (
                          <>
                            {" "}
                            <span className="badge badge-warning self-report-probe" data-testid="probe">
                              {t("selfReport.compare.probe")}
                            </span>
                          </>
                        )}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p className="field-hint">
        {t("selfReport.compare.notMeasuredHint")} {t("selfReport.compare.notScoredHint")}
      </p>

      <h3>{t("selfReport.compare.fitHeading")}</h3>
      {fit === null ? (
        <p data-testid="self-report-fit">{t("selfReport.compare.noProfile")}</p>
      ) : (
        <ul className="compact" data-testid="self-report-fit">
          <li data-testid="interview-fit">
            {fit.interview && fit.interview.fit !== null
              ? t("selfReport.compare.interviewFit", {
                  fit: fitPercent(fit.interview.fit),
                  coverage: coveragePercent(fit.interview.coverage),
                })
              : t("selfReport.compare.interviewNoFit")}
          </li>
          <li data-testid="self-fit">
            {fit.self.fit !== null
              ? t("selfReport.compare.selfFit", { fit: fitPercent(fit.self.fit), coverage: coveragePercent(fit.self.coverage) })
              : t("selfReport.compare.selfNoFit")}
          </li>
        </ul>
      )}
      <p className="field-hint">{t("selfReport.compare.fitReading")}</p>

      <figure className="chart chart-figure fit-chart" aria-labelledby={captionId}>
        <figcaption id={captionId}>{t("selfReport.compare.chartTitle")}</figcaption>
        <p className="muted">{t("selfReport.compare.chartReading")}</p>
        <div className="chart-canvas" data-testid="self-report-chart">
          <DrawnChart svg={chart} />
          <ChartLegend entries={legend} />
        </div>
        <TableScroll label={t("selfReport.compare.chartTitle")}>
          <table data-testid="self-report-chart-table">
            <thead>
              <tr>
                <th scope="col">{t("selfReport.compare.columns.trait")}</th>
                <th scope="col">{t("selfReport.compare.columns.band")}</th>
                <th scope="col" className="num">
                  {t("selfReport.compare.series.interview")}
                </th>
                <th scope="col" className="num">
                  {t("selfReport.compare.series.self")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const b = band?.[row.trait];
                return (
                  <tr key={row.trait} data-trait={row.trait}>
                    <th scope="row">{t(`traits.${row.trait}`)}</th>
                    <td>{b ? `${b.low}–${b.high}` : "—"}</td>
                    <td className="num">
                      {row.interview.status === "assessed"
                        ? score(row.interview.score)
                        : muted(
                            t(row.interview.status === "not_in_kit" ? "selfReport.compare.notInKit" : "selfReport.compare.notAssessed"),
                          )}
                    </td>
                    <td className="num">
                      {row.self.status === "scored"
                        ? score(row.self.score)
                        : muted(t(row.self.status === "not_scored" ? "selfReport.compare.notScored" : "selfReport.compare.notMeasured"))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </figure>

      <h3 id="self-report-facets">{t("selfReport.compare.facetsHeading")}</h3>
      <p className="muted">{t("selfReport.compare.facetsIntro")}</p>
      <div className="self-report-facets">
        {comparison.facets.map(({ trait, facets }) => (
          <TableScroll key={trait} label={t(`traits.${trait}`)}>
            <table data-testid="facet-table" data-trait={trait}>
              <caption>{t(`traits.${trait}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("selfReport.compare.facetColumns.facet")}</th>
                  <th scope="col" className="num">
                    {t("selfReport.compare.facetColumns.score")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {facets.map((f) => (
                  <tr key={f.facet} data-facet={f.facet}>
                    <th scope="row">{f.title}</th>
                    <td className="num">
                      {f.score === null ? muted(t("selfReport.compare.notScored")) : score(f.score)}
                      <span className="self-report-evidence">
                        {t("selfReport.compare.answeredOf", { answered: f.answered, items: f.items })}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ))}
      </div>
    </section>
  );
}
