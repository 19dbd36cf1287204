import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { calibrationFormats } from "~/utils/numbers";
import type { UiLanguage } from "~/utils/i18n";
import { CHART_WIDTH, categoryTick, surfaceProps, type ChartVariant, type Translate } from "./drawing";

/** One bar: whose habits (an interviewer, or the team) and their counts, in the order of the chart's parts. */
export type DistributionDrawingRow = { name: string; counts: readonly number[] };

/** What the chart shows: its label for assistive technology, each part's colour, and the bars. */
export type DistributionDrawingInput = { label: string; colors: readonly string[]; rows: readonly DistributionDrawingRow[] };

/** A bar's height and the axis below them. */
const ROW_HEIGHT = 34;
const AXIS_HEIGHT = 40;

/**
 * Per interviewer, one bar across 0–100 %: their ratings (or recommendations)
 * split by value, so interviewers with more scorecards are not longer bars and
 * a habit reads as where the bar's weight lies. A bar with no count is empty.
 * The numbers are in the table beside it.
 */
export function calibrationDistributionDrawing(
  input: DistributionDrawingInput,
  variant: ChartVariant,
  _t: Translate,
  language: UiLanguage,
): JSX.Element {
  const narrow = variant === "narrow";
  const { sharePercent } = calibrationFormats(language);
  const data = input.rows.map((row) => {
    const total = row.counts.reduce((sum, n) => sum + n, 0);
    return {
      name: row.name,
      ...Object.fromEntries(row.counts.map((n, i) => [`part${i}`, total === 0 ? 0 : (100 * n) / total])),
    };
  });
  return (
    <BarChart
      width={CHART_WIDTH[variant]}
      height={input.rows.length * ROW_HEIGHT + AXIS_HEIGHT}
      data={data}
      layout="vertical"
      margin={{ top: 8, right: narrow ? 16 : 24, bottom: 8, left: narrow ? 0 : 16 }}
      {...surfaceProps(input.label)}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis
        type="number"
        domain={[0, 100]}
        ticks={[0, 25, 50, 75, 100]}
        tickFormatter={(value: number) => sharePercent(value / 100)}
        fontSize={narrow ? 11 : 13}
      />
      <YAxis type="category" dataKey="name" width={narrow ? 120 : 240} tick={categoryTick(narrow ? 11 : 14)} />
      {input.colors.map((color, i) => (
        <Bar key={i} dataKey={`part${i}`} stackId="parts" fill={color} barSize={narrow ? 18 : 22} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
