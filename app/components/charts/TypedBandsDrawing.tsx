import { useTranslation } from "~/utils/use-translation";
import { idealProfileDrawing, type IdealBand } from "./ideal-profile-drawing";

/** The ideal profile drawn in the browser, wide and narrow like the server's (CSS shows one), as the role form's bands change. */
export default function TypedBandsDrawing({ bands }: { bands: readonly IdealBand[] }): JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      <div className="chart-drawing chart-wide">{idealProfileDrawing(bands, "wide", t)}</div>
      <div className="chart-drawing chart-narrow">{idealProfileDrawing(bands, "narrow", t)}</div>
    </>
  );
}
