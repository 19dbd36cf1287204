import type { ReactNode } from "react";
import { useTranslation } from "~/utils/use-translation";
import { heaviestTrait } from "~/domain/traits";
import type { IdealBand } from "./ideal-profile-drawing";

/**
 * The ideal band of each trait as a range bar on 0–100, under its one-line
 * reading; the page puts the same numbers in a table, which a screen reader
 * and a printout can use. `children` is the drawing: the server's SVG on the
 * role page (DrawnChart), the bands as typed in the role form.
 */
export function IdealProfileChart({ bands, children }: { bands: readonly IdealBand[]; children: ReactNode }) {
  const { t } = useTranslation();
  const strongest = heaviestTrait(bands);

  return (
    <figure className="chart chart-figure" aria-labelledby="ideal-profile-chart-title">
      <figcaption id="ideal-profile-chart-title">{t("role.chartTitle")}</figcaption>
      {strongest && (
        <p className="muted">{t("role.chartReading", { strongest: t(`traits.${strongest.trait}`), weight: strongest.weight })}</p>
      )}
      <div className="chart-canvas" data-testid="ideal-profile-chart">
        {children}
      </div>
    </figure>
  );
}
