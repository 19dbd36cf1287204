import { useTranslation } from "~/utils/use-translation";
import { TRAIT_KEYS, type TraitKey } from "~/domain/traits";
import { useNumberFormats } from "~/utils/numbers";
import type { AreaToDevelop } from "~/domain/transitions";
import { TraitBandChart, type ChartTrait } from "./TraitBandChart";
import { TraitRadarChart } from "./TraitRadarChart";
import { AreasToDevelop, TransitionFitChart, type ChartTransition, type FitAudience } from "./TransitionFitChart";

/** An assessment's fit as its charts show it. */
export type FitChartsData = {
  traits: ChartTrait[];
  fit: number | null;
  coverage: number;
  hasProfile: boolean;
  /** Areas to develop for the assessed role itself. */
  areas: AreaToDevelop[];
  transitions: ChartTransition[];
};

/** The radar, the per-trait chart, the areas to develop and the transition chart of one assessment. */
export function FitCharts({
  charts,
  seriesLabel,
  audience,
}: {
  charts: FitChartsData;
  seriesLabel: string;
  audience: FitAudience;
}): JSX.Element {
  const { t } = useTranslation();
  const { fitPercent, coveragePercent } = useNumberFormats();
  const scores: Partial<Record<TraitKey, number>> = {};
  const band: Partial<Record<TraitKey, { low: number; high: number }>> = {};
  for (const row of charts.traits) {
    if (row.score !== null) scores[row.trait] = row.score;
    if (row.band) band[row.trait] = { low: row.band.low, high: row.band.high };
  }
  const hasBand = TRAIT_KEYS.some((trait) => band[trait] !== undefined);
  return (
    <div className="fit-charts" data-testid="fit-charts">
      <p data-testid="fit-line">
        {charts.fit === null
          ? t("report.charts.noFitLine")
          : t(audience === "candidate" ? "report.charts.candidate.fitLine" : "report.charts.fitLine", {
              fit: fitPercent(charts.fit),
              coverage: coveragePercent(charts.coverage),
            })}
      </p>
      <TraitRadarChart caption={t("report.charts.radarTitle")} band={hasBand ? band : null} series={[{ label: seriesLabel, scores }]} />
      <TraitBandChart traits={charts.traits} audience={audience} />
      {charts.hasProfile && (
        <AreasToDevelop areas={charts.areas} assessed={charts.fit !== null} heading={t("report.charts.areasForRole")} audience={audience} />
      )}
      <TransitionFitChart transitions={charts.transitions} audience={audience} />
    </div>
  );
}
