import { useId } from "react";
import { useTranslation } from "~/utils/use-translation";
import type { AreaToDevelop, TransitionBasis } from "~/domain/transitions";
import { TableScroll } from "~/components/TableScroll";
import { ChartLegend } from "./ChartLegend";
import { DrawnChart } from "./DrawnChart";
import type { SentChart } from "./drawing";
import { shownScore, useNumberFormats } from "~/utils/numbers";

export const PUBLISHED_FILL = "#94a3b8";
export const OWN_FILL = "#b45309";

/** A career transition's row of the chart. */
export type ChartTransition = {
  target: string;
  publishedFit: number;
  /** Which profile the candidate's own fit used; "unavailable" when neither exists. */
  basis: TransitionBasis | "unavailable";
  fit: number | null;
  coverage: number;
  /** Largest weighted gap first. */
  areas: AreaToDevelop[];
};

/** Who reads the charts: the candidate's own report speaks to them ("your fit"); the assessment page speaks about them. */
export type FitAudience = "candidate" | "staff";

/**
 * The areas to develop, largest weighted gap first (the order they come in),
 * score and gaps with one decimal so that they add up.
 */
export function AreasToDevelop({
  areas,
  heading,
  assessed,
  audience,
  level = 3,
}: {
  areas: AreaToDevelop[];
  heading: string;
  assessed: boolean;
  audience: FitAudience;
  level?: 3 | 4;
}): JSX.Element {
  const { t } = useTranslation();
  const { score } = useNumberFormats();
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <div className="areas-to-develop" data-testid="areas-to-develop">
      <Heading>{heading}</Heading>
      {areas.length === 0 ? (
        <p className="muted">{t(assessed ? "report.charts.noAreas" : "report.charts.noAreasNotAssessed")}</p>
      ) : (
        <ol className="compact">
          {areas.map((a) => {
            // From the score as shown, so "band start − score = gap" holds on the page.
            const gap = a.low - shownScore(a.score);
            return (
              <li key={a.trait} data-trait={a.trait}>
                {audience === "candidate"
                  ? t("report.charts.candidate.areaLine", {
                      trait: t(`traits.${a.trait}`),
                      score: score(a.score),
                      low: a.low,
                      gap: score(gap),
                    })
                  : t("report.charts.areaLine", {
                      trait: t(`traits.${a.trait}`),
                      score: score(a.score),
                      low: a.low,
                      gap: score(gap),
                      weighted: score(a.weight * gap),
                    })}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

/**
 * Per career transition: the published fit % next to the candidate's own fit
 * (as the server drew it: `svg`, from transition-fit-drawing.server.tsx, none
 * when there is no transition), which profile the own fit used, then the areas
 * to develop for each target.
 */
export function TransitionFitChart({
  transitions,
  audience,
  svg,
}: {
  transitions: ChartTransition[];
  audience: FitAudience;
  svg: SentChart | null;
}): JSX.Element {
  const { t } = useTranslation();
  const { fitPercent, coveragePercent } = useNumberFormats();
  const captionId = useId();
  const publishedName = t("report.charts.published");
  const ownName = t(audience === "candidate" ? "report.charts.yourFit" : "report.charts.staff.candidateFit");
  const best = transitions.reduce<ChartTransition | undefined>(
    (top, tr) => (tr.fit !== null && (top?.fit == null || tr.fit > top.fit) ? tr : top),
    undefined,
  );

  if (svg === null) {
    return (
      <section className="fit-chart">
        <h3>{t("report.charts.transitionTitle")}</h3>
        <p className="muted">{t("report.charts.noTransitions")}</p>
      </section>
    );
  }

  return (
    <figure className="chart chart-figure fit-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{t("report.charts.transitionTitle")}</figcaption>
      <p className="muted">
        {best && best.fit !== null
          ? t(audience === "candidate" ? "report.charts.transitionReadingBest" : "report.charts.staff.transitionReadingBest", {
              target: best.target,
              fit: fitPercent(best.fit),
              published: fitPercent(best.publishedFit),
            })
          : t(audience === "candidate" ? "report.charts.transitionReading" : "report.charts.staff.transitionReading")}
      </p>
      <div className="chart-canvas" data-testid="transition-fit-chart">
        <DrawnChart svg={svg} />
        <ChartLegend
          entries={[
            { label: publishedName, color: PUBLISHED_FILL, shape: "area" },
            { label: ownName, color: OWN_FILL, shape: "area" },
          ]}
        />
      </div>
      <TableScroll label={t("report.charts.transitionTitle")}>
        <table data-testid="transition-table">
          <thead>
            <tr>
              <th scope="col">{t("report.charts.columns.target")}</th>
              <th scope="col" className="num">
                {t("report.charts.columns.published")}
              </th>
              <th scope="col" className="num">
                {t(audience === "candidate" ? "report.charts.columns.yourFit" : "report.charts.staff.candidateFitColumn")}
              </th>
              <th scope="col" className="num">
                {t(audience === "candidate" ? "report.charts.candidate.assessed" : "report.charts.columns.coverage")}
              </th>
              <th scope="col">{t("report.charts.columns.basis")}</th>
            </tr>
          </thead>
          <tbody>
            {transitions.map((tr, i) => (
              <tr key={i}>
                <th scope="row">{tr.target}</th>
                <td className="num">{fitPercent(tr.publishedFit)}</td>
                <td className="num">{tr.fit === null ? <span className="muted">{t("report.charts.noFit")}</span> : fitPercent(tr.fit)}</td>
                <td className="num">{tr.basis === "unavailable" ? t("report.charts.none") : coveragePercent(tr.coverage)}</td>
                <td className="prose-cell">
                  {t(audience === "candidate" ? `report.charts.candidate.basis.${tr.basis}` : `report.charts.basis.${tr.basis}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {transitions.map((tr, i) =>
        tr.basis === "unavailable" ? null : (
          <AreasToDevelop
            key={i}
            level={3}
            areas={tr.areas}
            assessed={tr.fit !== null}
            heading={t("report.charts.areasFor", { target: tr.target })}
            audience={audience}
          />
        ),
      )}
    </figure>
  );
}
