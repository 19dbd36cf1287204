import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import { numberFormats } from "~/utils/numbers";
import type { UiLanguage } from "~/utils/i18n";
import type { ChartTrait } from "./TraitBandChart";
import { CHART_WIDTH, categoryTick, surfaceProps, type ChartVariant, type Translate } from "./drawing";

const HEIGHT = 320;

/** What the chart shows of a trait's row. */
export type BandDrawingRow = Pick<ChartTrait, "trait" | "score" | "evidence"> & { band: { low: number; high: number } | null };

/** Half the width of the score's mark on the 0–100 axis. */
const MARK = 0.8;

/** A trait's row as the band-and-mark picture draws it: its label is written right of the scale. */
export type BandMarkRow = { trait: ChartTrait["trait"]; band: { low: number; high: number } | null; score: number | null; label: string };

/**
 * Per trait: the ideal band as a bar from low to high, a score as a dark mark
 * on it (none when the row has no score), and the row's label in a column
 * right of the scale, where no band or mark covers it. The candidate's band
 * chart and the success case's profile are this picture.
 */
export function bandMarkChart(props: {
  rows: readonly BandMarkRow[];
  variant: ChartVariant;
  title: string;
  t: Translate;
  /** The trait names' column and the labels' margin on a phone. */
  narrow: { axis: number; right: number };
}): JSX.Element {
  const narrow = props.variant === "narrow";
  const data = props.rows.map((row) => ({
    name: props.t(`traits.${row.trait}`),
    band: row.band ? ([row.band.low, row.band.high] as [number, number]) : null,
    mark: row.score === null ? null : ([Math.max(0, row.score - MARK), Math.min(100, row.score + MARK)] as [number, number]),
    label: row.label,
    // An invisible bar across the scale: its labels stand in a column right of it.
    labelAt: [0, 100] as [number, number],
  }));
  return (
    <BarChart
      width={CHART_WIDTH[props.variant]}
      height={HEIGHT}
      data={data}
      layout="vertical"
      margin={{ top: 8, right: narrow ? props.narrow.right : 110, bottom: 24, left: narrow ? 0 : 24 }}
      barGap={0}
      {...surfaceProps(props.title)}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" xAxisId="v" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} />
      <YAxis type="category" yAxisId="band" dataKey="name" width={narrow ? props.narrow.axis : 170} tick={categoryTick(narrow ? 11 : 14)} />
      <YAxis type="category" yAxisId="mark" dataKey="name" hide />
      <YAxis type="category" yAxisId="label" dataKey="name" hide />
      <Bar xAxisId="v" yAxisId="band" dataKey="band" fill="#bfdbfe" stroke="#2563eb" barSize={22} isAnimationActive={false} />
      <Bar xAxisId="v" yAxisId="mark" dataKey="mark" fill="#1f2933" barSize={30} isAnimationActive={false} />
      <Bar xAxisId="v" yAxisId="label" dataKey="labelAt" fill="none" barSize={30} isAnimationActive={false}>
        <LabelList dataKey="label" position="right" fill="#1f2933" fontSize={narrow ? 12 : 14} />
      </Bar>
    </BarChart>
  );
}

/** A candidate's scores against the bands, each labelled with its evidence (ratings); a trait not assessed says so. */
export function traitBandDrawing(
  traits: readonly BandDrawingRow[],
  variant: ChartVariant,
  t: Translate,
  language: UiLanguage,
): JSX.Element {
  const { score } = numberFormats(language);
  const rows = traits.map((row) => ({
    trait: row.trait,
    band: row.band,
    score: row.score,
    label: row.score === null ? t("report.charts.notAssessed") : `${score(row.score)} (n=${row.evidence})`,
  }));
  return bandMarkChart({ rows, variant, title: t("report.charts.bandTitle"), t, narrow: { axis: 110, right: 84 } });
}
