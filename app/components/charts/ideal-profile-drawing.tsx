import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import type { TraitKey } from "~/domain/traits";
import { CHART_WIDTH, categoryTick, surfaceProps, type ChartVariant, type Translate } from "./drawing";

export type IdealBand = { trait: TraitKey; low: number; high: number; weight: number };

const HEIGHT = 320;

/**
 * The ideal band of each trait as a range bar on 0–100, each bar labelled with
 * its band (a hover tooltip would only repeat it). Drawn by the server for the
 * role page, and in the browser as the role form's bands are typed.
 */
export function idealProfileDrawing(bands: readonly IdealBand[], variant: ChartVariant, t: Translate): JSX.Element {
  const narrow = variant === "narrow";
  const data = bands.map((b) => ({
    name: t(`traits.${b.trait}`),
    band: [b.low, b.high] as [number, number],
    label: `${b.low}–${b.high}`,
  }));
  return (
    <BarChart
      width={CHART_WIDTH[variant]}
      height={HEIGHT}
      data={data}
      layout="vertical"
      margin={{ top: 8, right: 48, bottom: 24, left: narrow ? 0 : 24 }}
      {...surfaceProps(t("role.chartTitle"))}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis
        type="number"
        domain={[0, 100]}
        ticks={[0, 20, 40, 60, 80, 100]}
        label={{ value: "0–100", position: "insideBottom", offset: -16 }}
      />
      <YAxis type="category" dataKey="name" width={narrow ? 110 : 170} tick={categoryTick(narrow ? 11 : 14)} />
      <Bar dataKey="band" fill="#2563eb" isAnimationActive={false}>
        <LabelList dataKey="label" position="right" fill="#1f2933" />
      </Bar>
    </BarChart>
  );
}
