import type { ChartSvg } from "./drawing";

/**
 * A chart as the server drew it (chart-svg.server.tsx): its wide and narrow
 * SVG, CSS showing the one that fits the screen. The markup is React's own
 * rendering of the chart, every text in it escaped, so it is set as it is.
 */
export function DrawnChart({ svg }: { svg: ChartSvg }): JSX.Element {
  return (
    <>
      <div className="chart-drawing chart-wide" dangerouslySetInnerHTML={{ __html: svg.wide }} />
      <div className="chart-drawing chart-narrow" dangerouslySetInnerHTML={{ __html: svg.narrow }} />
    </>
  );
}
