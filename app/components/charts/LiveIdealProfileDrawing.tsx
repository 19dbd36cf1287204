import { lazy, Suspense } from "react";
import { useHydrated } from "~/utils/use-hydrated";
import { DrawnChart } from "./DrawnChart";
import type { ChartSvg } from "./drawing";
import type { IdealBand } from "./ideal-profile-drawing";

// Recharts is the larger part of the role form's JavaScript: it loads once the form works, on this page only.
const TypedBandsDrawing = lazy(() => import("./TypedBandsDrawing"));

/**
 * The role form's chart, following the bands as they are typed. Until the
 * browser has hydrated the form and loaded Recharts (and without JavaScript),
 * it is the server's drawing of the bands the form opened with.
 */
export function LiveIdealProfileDrawing({ bands, initial }: { bands: readonly IdealBand[]; initial: ChartSvg }): JSX.Element {
  const hydrated = useHydrated();
  const served = <DrawnChart svg={initial} />;
  return hydrated ? (
    <Suspense fallback={served}>
      <TypedBandsDrawing bands={bands} />
    </Suspense>
  ) : (
    served
  );
}
