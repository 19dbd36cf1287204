import { useId } from "react";
import { useTranslation } from "~/utils/use-translation";
import { isWeight, type TraitKey, type Weight } from "~/domain/traits";
import type { FitAudience } from "./TransitionFitChart";
import { TableScroll } from "~/components/TableScroll";
import { useNumberFormats } from "~/utils/numbers";
import { DrawnChart } from "./DrawnChart";
import type { SentChart } from "./drawing";

/** A trait's weight in the ideal profile, as the candidate reads it. */
const IMPORTANCE: Record<Weight, "usual" | "high" | "veryHigh"> = { 1: "usual", 2: "high", 3: "veryHigh" };

/** A trait's row of the chart. */
export type ChartTrait = {
  trait: TraitKey;
  /** null when not assessed: drawn as missing, never as 0. */
  score: number | null;
  evidence: number;
  band: { low: number; high: number; weight: number } | null;
};

/**
 * Per trait: the ideal band as a bar from low to high, the score as a dark
 * mark on it, and the evidence (ratings) in the label, as the server drew it
 * (`svg`, from trait-band-drawing.server.tsx). Every number is in the table as
 * well. The candidate reads each trait's weight as its importance for the role, in words.
 */
export function TraitBandChart({ traits, audience, svg }: { traits: ChartTrait[]; audience: FitAudience; svg: SentChart }): JSX.Element {
  const { t } = useTranslation();
  const { score } = useNumberFormats();
  const captionId = useId();

  return (
    <figure className="chart chart-figure fit-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{t("report.charts.bandTitle")}</figcaption>
      <p className="muted">{t("report.charts.bandReading")}</p>
      <div className="chart-canvas" data-testid="trait-band-chart">
        <DrawnChart svg={svg} />
      </div>
      <TableScroll label={t("report.charts.bandTitle")}>
        <table data-testid="trait-band-table">
          <thead>
            <tr>
              <th scope="col">{t("report.charts.columns.trait")}</th>
              <th scope="col" className="num">
                {t("report.charts.columns.low")}
              </th>
              <th scope="col" className="num">
                {t("report.charts.columns.high")}
              </th>
              {audience === "candidate" ? (
                <th scope="col">{t("report.charts.candidate.importance")}</th>
              ) : (
                <th scope="col" className="num">
                  {t("report.charts.columns.weight")}
                </th>
              )}
              <th scope="col" className="num">
                {t("report.charts.columns.score")}
              </th>
              <th scope="col" className="num">
                {t("report.charts.columns.evidence")}
              </th>
            </tr>
          </thead>
          <tbody>
            {traits.map((row) => (
              <tr key={row.trait} data-trait={row.trait}>
                <th scope="row">{t(`traits.${row.trait}`)}</th>
                <td className="num">{row.band ? row.band.low : t("report.charts.none")}</td>
                <td className="num">{row.band ? row.band.high : t("report.charts.none")}</td>
                {audience === "candidate" ? (
                  <td>
                    {row.band && isWeight(row.band.weight)
                      ? t(`report.charts.candidate.importanceLevel.${IMPORTANCE[row.band.weight]}`)
                      : t("report.charts.none")}
                  </td>
                ) : (
                  <td className="num">{row.band ? row.band.weight : t("report.charts.none")}</td>
                )}
                <td className="num">
                  {row.score === null ? <span className="muted">{t("report.charts.notAssessed")}</span> : score(row.score)}
                </td>
                <td className="num">{row.evidence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}
