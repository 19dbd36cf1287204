import { useEffect, useState, type ComponentType } from "react";
import { DrawnChart } from "./DrawnChart";
import type { SentChart } from "./drawing";
import type { IdealBand } from "./ideal-profile-drawing";

type BandsDrawing = ComponentType<{ bands: readonly IdealBand[] }>;

/**
 * The role form's chart, following the bands as they are typed. Recharts is
 * the larger part of the form's JavaScript and costs a phone most of a second
 * of work, so its code loads only once the user works with the bands
 * (`wanted`); until it is there (and without JavaScript) the chart is the
 * server's drawing of the bands the form opened with, kept mounted so that the
 * markup the document brought stays.
 */
export function LiveIdealProfileDrawing({
  bands,
  initial,
  wanted,
}: {
  bands: readonly IdealBand[];
  initial: SentChart;
  wanted: boolean;
}): JSX.Element {
  const [Live, setLive] = useState<BandsDrawing | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    import("./TypedBandsDrawing").then(
      (drawing) => {
        if (current) setLive(() => drawing.default);
      },
      // Offline, say: the server's drawing stays, and the table beside it has every number typed.
      () => {},
    );
    return () => {
      current = false;
    };
  }, [wanted]);
  return Live ? <Live bands={bands} /> : <DrawnChart svg={initial} />;
}
