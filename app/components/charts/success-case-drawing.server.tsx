import type { ReactElement } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import type { TraitKey } from "~/domain/traits";
import type { UiLanguage } from "~/utils/i18n";
import { numberFormats } from "~/utils/numbers";
import { CHART_WIDTH, categoryTick, surfaceProps, type ChartVariant, type Translate } from "./drawing";
import { SUCCESS_CASE_BAND, SUCCESS_CASE_MARK } from "./success-case-chart";

const HEIGHT = 320;

/**
 * The trait names' column on a phone: wide enough for "Conscientiousness",
 * one word that cannot wrap, at the narrow drawing's 11 px.
 */
const NARROW_AXIS = 124;

/** Half the width of the case's mark on the 0–100 axis (as a candidate's score on the band chart). */
const MARK = 0.8;

/** A trait of the chart: the case's score (null: not given) and the role's ideal band (null: the role has none). */
export type SuccessCaseDrawingRow = { trait: TraitKey; score: number | null; band: { low: number; high: number } | null };

/**
 * The picture of a candidate's scores against the bands (trait-band-drawing),
 * drawn for the success case: per trait the ideal band from low to high, the
 * case's score as a mark on it and written right of the scale, where no band
 * or mark covers it. A trait the case does not give has no mark, and says so.
 */
export function successCaseDrawing(
  rows: readonly SuccessCaseDrawingRow[],
  variant: ChartVariant,
  t: Translate,
  language: UiLanguage,
): ReactElement {
  const narrow = variant === "narrow";
  const { score } = numberFormats(language);
  const data = rows.map((row) => ({
    name: t(`traits.${row.trait}`),
    band: row.band ? ([row.band.low, row.band.high] as [number, number]) : null,
    mark: row.score === null ? null : ([Math.max(0, row.score - MARK), Math.min(100, row.score + MARK)] as [number, number]),
    label: row.score === null ? t("role.notGiven") : score(row.score),
    labelAt: [0, 100] as [number, number],
  }));
  return (
    <BarChart
      width={CHART_WIDTH[variant]}
      height={HEIGHT}
      data={data}
      layout="vertical"
      margin={{ top: 8, right: narrow ? 72 : 110, bottom: 24, left: narrow ? 0 : 24 }}
      barGap={0}
      {...surfaceProps(t("role.successProfileChart"))}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" xAxisId="v" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} />
      <YAxis type="category" yAxisId="band" dataKey="name" width={narrow ? NARROW_AXIS : 170} tick={categoryTick(narrow ? 11 : 14)} />
      <YAxis type="category" yAxisId="mark" dataKey="name" hide />
      <YAxis type="category" yAxisId="label" dataKey="name" hide />
      <Bar
        xAxisId="v"
        yAxisId="band"
        dataKey="band"
        fill={SUCCESS_CASE_BAND.fill}
        stroke={SUCCESS_CASE_BAND.stroke}
        barSize={22}
        isAnimationActive={false}
      />
      <Bar xAxisId="v" yAxisId="mark" dataKey="mark" fill={SUCCESS_CASE_MARK} barSize={30} isAnimationActive={false} />
      <Bar xAxisId="v" yAxisId="label" dataKey="labelAt" fill="none" barSize={30} isAnimationActive={false}>
        <LabelList dataKey="label" position="right" fill="#1f2933" fontSize={narrow ? 12 : 14} />
      </Bar>
    </BarChart>
  );
}
