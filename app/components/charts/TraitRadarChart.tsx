import { useId } from "react";
import { useTranslation } from "~/utils/use-translation";
import { TRAIT_KEYS, type TraitKey } from "~/domain/traits";
import { TableScroll } from "~/components/TableScroll";
import { ChartLegend, type LegendEntry } from "./ChartLegend";
import { DrawnChart } from "./DrawnChart";
import type { SentChart } from "./drawing";
import { useNumberFormats } from "~/utils/numbers";

export type RadarScores = Partial<Record<TraitKey, number>>;
export type RadarBand = Partial<Record<TraitKey, { low: number; high: number }>>;
export type RadarSeries = { label: string; scores: RadarScores };

/** Colours with at least 3:1 contrast on white, told apart by shape too (dash patterns). */
const SERIES_STYLES = [
  { stroke: "#b45309", dash: undefined },
  { stroke: "#6d28d9", dash: "6 3" },
  { stroke: "#047857", dash: "2 3" },
  { stroke: "#be123c", dash: "10 4 2 4" },
] as const;

export type SeriesStyle = (typeof SERIES_STYLES)[number];

/** The i-th series' colour and dash, the same in the drawing and its key. */
export function seriesStyle(i: number): SeriesStyle {
  return SERIES_STYLES[i % SERIES_STYLES.length] ?? SERIES_STYLES[0];
}

export const BAND_FILL = "#93c5fd";
export const BAND_STROKE = "#2563eb";

/**
 * Scores of one or more candidates over the ideal band, the band drawn as the
 * area between its low and high ends, as the server drew it (`svg`, from
 * trait-radar-drawing.server.tsx). The table beside it has every number,
 * unless the page has a fuller table of the same numbers (`ownTable={false}`).
 */
export function TraitRadarChart(props: {
  caption: string;
  band: RadarBand | null;
  series: RadarSeries[];
  svg: SentChart;
  ownTable?: boolean;
}): JSX.Element {
  const { caption, band, series, svg, ownTable = true } = props;
  const { t } = useTranslation();
  const { score: formatScore } = useNumberFormats();
  const captionId = useId();
  const notAssessed = <span className="muted">{t("report.charts.notAssessed")}</span>;
  const scoreCell = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? notAssessed : formatScore(value));

  let inside = 0;
  let assessed = 0;
  const first = series[0];
  if (first) {
    for (const trait of TRAIT_KEYS) {
      const score = first.scores[trait];
      const b = band?.[trait];
      if (score === undefined || !Number.isFinite(score)) continue;
      assessed += 1;
      if (b && score >= b.low && score <= b.high) inside += 1;
    }
  }
  const legend: LegendEntry[] = [
    ...(band ? [{ label: t("report.charts.band"), color: BAND_FILL, shape: "area" as const, outline: BAND_STROKE }] : []),
    ...series.map((s, i) => {
      const style = seriesStyle(i);
      return { label: s.label, color: style.stroke, shape: "line" as const, dash: style.dash };
    }),
  ];
  const reading =
    band && series.length === 1 ? t("report.charts.radarReading", { inside, assessed }) : t("report.charts.radarReadingNoBand");

  return (
    <figure className="chart chart-figure fit-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{caption}</figcaption>
      <p className="muted">{reading}</p>
      <div className="chart-canvas" data-testid="trait-radar-chart">
        <DrawnChart svg={svg} />
        <ChartLegend entries={legend} />
      </div>
      {ownTable && (
        <TableScroll label={caption}>
          <table data-testid="trait-radar-table">
            <thead>
              <tr>
                <th scope="col">{t("report.charts.columns.trait")}</th>
                {band && <th scope="col">{t("report.charts.band")}</th>}
                {series.map((s, i) => (
                  <th key={i} scope="col" className="num">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {TRAIT_KEYS.map((trait) => {
                const b = band?.[trait];
                return (
                  <tr key={trait} data-trait={trait}>
                    <th scope="row">{t(`traits.${trait}`)}</th>
                    {band && <td>{b ? `${b.low}–${b.high}` : t("report.charts.none")}</td>}
                    {series.map((s, i) => (
                      <td key={i} className="num">
                        {scoreCell(s.scores[trait])}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </figure>
  );
}
