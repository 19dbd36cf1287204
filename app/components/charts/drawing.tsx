import type { CSSProperties } from "react";
import type { Translator } from "~/utils/i18n";

/**
 * The two sizes every chart is drawn at. The wide one is about a desktop
 * page's column (960–1,104 px); the narrow one a 390 px phone's, where the wide
 * one's labels would shrink past reading. CSS picks one (.chart-wide and
 * .chart-narrow in app.css): no JavaScript chooses.
 */
export type ChartVariant = "wide" | "narrow";

export const CHART_WIDTH: Record<ChartVariant, number> = { wide: 1040, narrow: 360 };

/** Two drawings of one chart, as SVG markup made by React (chart-svg.server.tsx). */
export type ChartSvg = Record<ChartVariant, string>;

/**
 * A chart as a loader sends it. A document carries each drawing once, in its
 * markup: there the data holds only the id the server's render reads the
 * drawings by (sendChart in chart-svg.server.tsx). A client navigation's data
 * (a `.data` request) has no markup beside it, so it holds the drawings.
 */
export type SentChart = ChartSvg | { drawingId: string };

export type Translate = Translator["t"];

/**
 * Recharts puts the chart in a box of its pixel size: these let it follow
 * its column instead, the SVG scaling by its viewBox (height from the width).
 */
const SCALES: CSSProperties = { width: "100%", height: "auto" };

/** What every drawing's chart carries: a name for assistive technology and a box that scales. */
export function surfaceProps(label: string) {
  return { role: "img", "aria-label": label, title: label, style: SCALES, accessibilityLayer: false } as const;
}

type CategoryTickProps = { x?: number | string; y?: number | string; width?: number | string; payload?: { value?: unknown } };

/** Recharts' tick line and the gap after it, left of a category name. */
const TICK_SPACE = 8;

/**
 * The average width of a character of the page's sans-serif, in em. The server
 * measures no text (Recharts wraps a name by measuring it in the browser only),
 * so a name is wrapped by this estimate, on the generous side.
 */
const CHARACTER_EM = 0.56;

/** The words of a name as lines of at most `room` characters; a longer word keeps a line of its own. */
function wrapWords(name: string, room: number): string[] {
  const lines: string[] = [];
  for (const word of name.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= room) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * A category axis's name (a trait, a role) right-aligned to its tick, on as
 * many lines as the axis's width needs, centred on the tick: "Relational
 * Engagement" on two lines beside a phone's narrow axis, as in the browser.
 */
export function categoryTick(fontSize: number) {
  return function CategoryTick({ x, y, width, payload }: CategoryTickProps): JSX.Element {
    const lines = wrapWords(String(payload?.value ?? ""), (Number(width) - TICK_SPACE) / (fontSize * CHARACTER_EM));
    // Recharts' own centring of a multi-line label: half the extra lines up, then a cap height's half down.
    const first = -(lines.length - 1) / 2 + 0.355;
    return (
      <text x={x} y={y} textAnchor="end" fill="#666" fontSize={fontSize} className="recharts-cartesian-axis-tick-value">
        {lines.map((line, i) => (
          <tspan key={i} x={x} dy={i === 0 ? `${first}em` : "1em"}>
            {line}
          </tspan>
        ))}
      </text>
    );
  };
}
