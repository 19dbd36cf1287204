import { useTranslation } from "~/utils/use-translation";
import { TRAIT_KEYS } from "~/domain/traits";
import { useNumberFormats } from "~/utils/numbers";
import type { AreaToDevelop } from "~/domain/transitions";
import { TraitBandChart, type ChartTrait } from "./TraitBandChart";
import { TraitRadarChart, type RadarBand, type RadarScores } from "./TraitRadarChart";
import { AreasToDevelop, TransitionFitChart, type ChartTransition, type FitAudience } from "./TransitionFitChart";
import type { SentChart } from "./drawing";

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

/** The server's drawings of an assessment's charts (fitChartsSvg in chart-svg.server.tsx); no transition chart without transitions. */
export type FitChartsSvg<Chart = SentChart> = { radar: Chart; band: Chart; transitions: Chart | null };

/** The radar's input from the per-trait rows: the assessed scores, and the band when any trait has one. */
export function radarOf(traits: readonly ChartTrait[]): { scores: RadarScores; band: RadarBand | null } {
  const scores: RadarScores = {};
  const band: RadarBand = {};
  for (const row of traits) {
    if (row.score !== null) scores[row.trait] = row.score;
    if (row.band) band[row.trait] = { low: row.band.low, high: row.band.high };
  }
  return { scores, band: TRAIT_KEYS.some((trait) => band[trait] !== undefined) ? band : null };
}

/** The radar, the per-trait chart, the areas to develop and the transition chart of one assessment. */
export function FitCharts({
  charts,
  svg,
  seriesLabel,
  audience,
}: {
  charts: FitChartsData;
  svg: FitChartsSvg;
  seriesLabel: string;
  audience: FitAudience;
}): JSX.Element {
  const { t } = useTranslation();
  const { fitPercent, coveragePercent } = useNumberFormats();
  const { scores, band } = radarOf(charts.traits);
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
      <TraitRadarChart caption={t("report.charts.radarTitle")} band={band} series={[{ label: seriesLabel, scores }]} svg={svg.radar} />
      <TraitBandChart traits={charts.traits} audience={audience} svg={svg.band} />
      {charts.hasProfile && (
        <AreasToDevelop areas={charts.areas} assessed={charts.fit !== null} heading={t("report.charts.areasForRole")} audience={audience} />
      )}
      <TransitionFitChart transitions={charts.transitions} audience={audience} svg={svg.transitions} />
    </div>
  );
}
