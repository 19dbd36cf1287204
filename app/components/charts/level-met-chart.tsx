import type { ReactNode } from "react";
import { useTranslation } from "~/utils/use-translation";
import { ChartLegend } from "./ChartLegend";

/** The bars' colours, shared by the server's drawing and the key under it. */
export const LEVEL_EXPECTED_FILL = "#94a3b8";
export const LEVEL_MET_FILL = "#1d4ed8";

/**
 * The grade calculator's "met at each level" chart, with its caption and key;
 * `children` is the server's drawing (DrawnChart). The page puts the same
 * numbers in a table beside it.
 */
export function LevelMetChart({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <figure className="chart chart-figure" aria-labelledby="level-met-chart-title">
      <figcaption id="level-met-chart-title">{t("level.metChartLabel")}</figcaption>
      <div className="chart-canvas" data-testid="level-met-chart">
        {children}
      </div>
      <ChartLegend
        entries={[
          { label: t("level.legendExpected"), color: LEVEL_EXPECTED_FILL, shape: "area" },
          { label: t("level.legendMet"), color: LEVEL_MET_FILL, shape: "area" },
        ]}
      />
    </figure>
  );
}
