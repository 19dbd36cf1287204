import { createContext, useContext } from "react";
import type { ChartSvg, SentChart } from "./drawing";

/**
 * The drawings a document request's loaders held back from their data, by id
 * (the load context's chartDrawings), given to the server's render by
 * entry.server.tsx. The browser has none: it keeps the server's markup.
 */
export const ServerDrawings = createContext<ReadonlyMap<string, ChartSvg> | null>(null);

/**
 * A chart as the server drew it (chart-svg.server.tsx): its wide and narrow
 * SVG, CSS showing the one that fits the screen. The markup is React's own
 * rendering of the chart, every text in it escaped, so it is set as it is.
 */
export function DrawnChart({ svg }: { svg: SentChart }): JSX.Element {
  const held = useContext(ServerDrawings);
  if (!("drawingId" in svg)) return <Drawings svg={svg} />;
  if (held === null) {
    /*
     * Hydrating a document: its markup has the drawings and its data only their
     * id. React 18 does not patch inner HTML while hydrating, so an empty one
     * keeps the server's; the next data of this page (a revalidation, a
     * navigation back) holds the drawings themselves.
     */
    return <Drawings svg={{ wide: "", narrow: "" }} suppressHydrationWarning />;
  }
  const drawn = held.get(svg.drawingId);
  if (!drawn) throw new Error(`No drawing ${svg.drawingId} was held for this document`);
  return <Drawings svg={drawn} />;
}

function Drawings({ svg, suppressHydrationWarning }: { svg: ChartSvg; suppressHydrationWarning?: boolean }): JSX.Element {
  return (
    <>
      <div
        className="chart-drawing chart-wide"
        dangerouslySetInnerHTML={{ __html: svg.wide }}
        suppressHydrationWarning={suppressHydrationWarning}
      />
      <div
        className="chart-drawing chart-narrow"
        dangerouslySetInnerHTML={{ __html: svg.narrow }}
        suppressHydrationWarning={suppressHydrationWarning}
      />
    </>
  );
}
