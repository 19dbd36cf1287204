import { useTranslation } from "~/utils/use-translation";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { heaviestTrait, type TraitKey } from "~/domain/traits";
import { useHydrated } from "~/utils/use-hydrated";
import { useNarrowChart } from "./use-narrow-chart";

export type IdealBand = { trait: TraitKey; low: number; high: number; weight: number };

/**
 * The ideal band of each trait as a range bar on 0–100, with the same numbers
 * in a table: Recharts draws nothing on the server, and a table is what a
 * screen reader and a printout can use. Each bar is labelled with its band, so
 * a hover tooltip would only repeat it (and cost ~6 KB of Recharts).
 */
export function IdealProfileChart({ bands }: { bands: IdealBand[] }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const narrow = useNarrowChart();
  const data = bands.map((b) => ({
    name: t(`traits.${b.trait}`),
    band: [b.low, b.high] as [number, number],
    label: `${b.low}–${b.high}`,
  }));
  const strongest = heaviestTrait(bands);

  return (
    <figure className="chart chart-figure" aria-labelledby="ideal-profile-chart-title">
      <figcaption id="ideal-profile-chart-title">{t("role.chartTitle")}</figcaption>
      {strongest && (
        <p className="muted">{t("role.chartReading", { strongest: t(`traits.${strongest.trait}`), weight: strongest.weight })}</p>
      )}
      <div className="chart-canvas" aria-hidden="true" data-testid="ideal-profile-chart">
        {hydrated && (
          <ResponsiveContainer width="100%" height={320}>
            <BarChart
              data={data}
              layout="vertical"
              accessibilityLayer={false}
              margin={{ top: 8, right: 48, bottom: 24, left: narrow ? 0 : 24 }}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis
                type="number"
                domain={[0, 100]}
                ticks={[0, 20, 40, 60, 80, 100]}
                label={{ value: "0–100", position: "insideBottom", offset: -16 }}
              />
              <YAxis type="category" dataKey="name" width={narrow ? 110 : 170} tick={{ fontSize: narrow ? 11 : 14 }} />
              <Bar dataKey="band" fill="#2563eb" name={t("role.columns.band")} isAnimationActive={false}>
                <LabelList dataKey="label" position="right" fill="#1f2933" />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
