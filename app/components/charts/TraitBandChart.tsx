import { useId } from "react";
import { useTranslation } from "~/utils/use-translation";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { isWeight, type TraitKey, type Weight } from "~/domain/traits";
import type { FitAudience } from "./TransitionFitChart";
import { TableScroll } from "~/components/TableScroll";
import { useHydrated } from "~/utils/use-hydrated";
import { useNarrowChart } from "./use-narrow-chart";
import { useNumberFormats } from "~/utils/numbers";

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

/** Half the width of the score's mark on the 0–100 axis. */
const MARK = 0.8;

/**
 * Per trait: the ideal band as a bar from low to high, the score as a dark
 * mark on it, and the evidence (ratings) in the label. A trait not assessed
 * has no mark, and says so; every number is in the table as well. The
 * candidate reads each trait's weight as its importance for the role, in words.
 */
export function TraitBandChart({ traits, audience }: { traits: ChartTrait[]; audience: FitAudience }): JSX.Element {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const narrow = useNarrowChart();
  const { score } = useNumberFormats();
  const captionId = useId();
  const data = traits.map((row) => ({
    name: t(`traits.${row.trait}`),
    band: row.band ? ([row.band.low, row.band.high] as [number, number]) : null,
    mark: row.score === null ? null : ([Math.max(0, row.score - MARK), Math.min(100, row.score + MARK)] as [number, number]),
    label: row.score === null ? t("report.charts.notAssessed") : `${score(row.score)} (n=${row.evidence})`,
    // An invisible bar across the scale: its labels stand in a column right of it, where no band or mark covers them.
    labelAt: [0, 100] as [number, number],
  }));

  return (
    <figure className="chart chart-figure fit-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{t("report.charts.bandTitle")}</figcaption>
      <p className="muted">{t("report.charts.bandReading")}</p>
      <div className="chart-canvas" aria-hidden="true" data-testid="trait-band-chart">
        {hydrated && (
          <ResponsiveContainer width="100%" height={320}>
            <BarChart
              data={data}
              layout="vertical"
              accessibilityLayer={false}
              margin={{ top: 8, right: narrow ? 84 : 110, bottom: 24, left: narrow ? 0 : 24 }}
              barGap={0}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" xAxisId="v" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} />
              <YAxis type="category" yAxisId="band" dataKey="name" width={narrow ? 110 : 170} tick={{ fontSize: narrow ? 11 : 14 }} />
              <YAxis type="category" yAxisId="mark" dataKey="name" hide />
              <YAxis type="category" yAxisId="label" dataKey="name" hide />
              <Bar xAxisId="v" yAxisId="band" dataKey="band" fill="#bfdbfe" stroke="#2563eb" barSize={22} isAnimationActive={false} />
              <Bar xAxisId="v" yAxisId="mark" dataKey="mark" fill="#1f2933" barSize={30} isAnimationActive={false} />
              <Bar xAxisId="v" yAxisId="label" dataKey="labelAt" fill="none" barSize={30} isAnimationActive={false}>
                <LabelList dataKey="label" position="right" fill="#1f2933" fontSize={narrow ? 12 : 14} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        )}
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
