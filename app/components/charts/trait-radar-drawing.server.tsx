import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Polygon, Radar, RadarChart, type PolygonProps } from "recharts";
import { TRAIT_KEYS } from "~/domain/traits";
import { BAND_FILL, BAND_STROKE, seriesStyle, type RadarBand, type RadarScores, type SeriesStyle } from "./TraitRadarChart";
import { CHART_WIDTH, surfaceProps, type ChartVariant, type Translate } from "./drawing";

const HEIGHT: Record<ChartVariant, number> = { wide: 420, narrow: 290 };

type Point = { x: number; y: number; value?: unknown };

/**
 * One series as a line through its assessed traits only: a trait without a
 * score breaks the line instead of pulling it to the centre (a missing score is
 * not a 0). Recharts calls this with the computed points.
 */
function seriesShape(style: SeriesStyle) {
  return function SeriesShape(props: { points?: Point[] }) {
    const points = props.points ?? [];
    const known = points.map((p) => (typeof p.value === "number" && Number.isFinite(p.value) ? p : null));
    const allKnown = known.every((p) => p !== null);
    const segments: string[] = [];
    known.forEach((p, i) => {
      const next = known[(i + 1) % known.length];
      if (p && next && (i + 1 < known.length || allKnown)) segments.push(`M${p.x},${p.y}L${next.x},${next.y}`);
    });
    return (
      <g>
        {allKnown && known.length > 2 && (
          <polygon points={points.map((p) => `${p.x},${p.y}`).join(" ")} fill={style.stroke} fillOpacity={0.12} stroke="none" />
        )}
        <path d={segments.join("")} fill="none" stroke={style.stroke} strokeWidth={2.5} strokeDasharray={style.dash} />
        {known.map((p, i) => (p ? <circle key={i} cx={p.x} cy={p.y} r={4} fill={style.stroke} /> : null))}
      </g>
    );
  };
}

/**
 * Recharts' own band shape (a fill between the low and high edges, and each edge
 * drawn), less the Radar's id, which it would write on all three paths: one id on
 * three elements of the page.
 */
function BandShape({ id: _id, ...props }: PolygonProps & { id?: string }) {
  return <Polygon {...props} />;
}

type AngleTickProps = {
  x?: number | string;
  y?: number | string;
  cy?: number | string;
  textAnchor?: string;
  payload?: { value?: unknown };
};

/**
 * A trait's name on a phone, a word per line, centred on its corner: beside
 * the radar, a name of one long word ("Conscientiousness", "Responsabilidad")
 * ran off a 320 px screen. A side corner's name sits above or below it, away
 * from the centre; the top and bottom names stay where they are.
 */
function WrappedTraitTick({ x, y, cy, textAnchor, payload }: AngleTickProps): JSX.Element {
  const words = String(payload?.value ?? "").split(" ");
  const side = textAnchor === "start" || textAnchor === "end";
  const above = Number(y) < Number(cy);
  // Line 1's shift: a side name ends just above its corner or starts just below it.
  const first = !side ? -(words.length - 1) * 0.55 : above ? -(words.length - 1) * 1.1 - 0.6 : 1.3;
  return (
    <text x={x} y={y} textAnchor="middle" fill="#1f2933" fontSize={11}>
      {words.map((word, i) => (
        <tspan key={i} x={x} dy={i === 0 ? `${first}em` : "1.1em"}>
          {word}
        </tspan>
      ))}
    </text>
  );
}

type ScaleTickProps = { x?: number | string; y?: number | string; payload?: { value?: unknown } };

/** A scale number under its spoke, level: Recharts turns them to follow a spoke, upright along a level one. */
function ScaleTick({ x, y, payload }: ScaleTickProps): JSX.Element {
  return (
    <text x={x} y={y} dy="1.1em" textAnchor="middle" fill="#52606d" fontSize={11}>
      {String(payload?.value ?? "")}
    </text>
  );
}

/** What the radar draws: the band (if any) and each series' scores, named by the chart's caption. */
export type RadarDrawingInput = { label: string; band: RadarBand | null; series: readonly RadarScores[] };

/** Scores of one or more candidates over the ideal band, the band drawn as the area between its low and high ends. */
export function traitRadarDrawing({ label, band, series }: RadarDrawingInput, variant: ChartVariant, t: Translate): JSX.Element {
  const narrow = variant === "narrow";
  const data = TRAIT_KEYS.map((trait) => {
    const b = band?.[trait];
    const row: Record<string, string | number | [number, number] | null> = {
      name: t(`traits.${trait}`),
      band: b ? [b.low, b.high] : null,
    };
    series.forEach((scores, i) => {
      const score = scores[trait];
      row[`s${i}`] = score !== undefined && Number.isFinite(score) ? score : null;
    });
    return row;
  });
  return (
    <RadarChart
      width={CHART_WIDTH[variant]}
      height={HEIGHT[variant]}
      data={data}
      outerRadius={narrow ? "60%" : "76%"}
      margin={narrow ? { top: 8, right: 8, bottom: 8, left: 8 } : { top: 16, right: 48, bottom: 16, left: 48 }}
      {...surfaceProps(label)}
    >
      <PolarGrid />
      <PolarAngleAxis dataKey="name" tick={narrow ? WrappedTraitTick : { fill: "#1f2933", fontSize: 13 }} />
      {/* Between two traits' spokes, away from every name: at 90° "100" sat on the top trait's name and score. */}
      <PolarRadiusAxis domain={[0, 100]} tickCount={narrow ? 3 : 5} angle={0} tick={ScaleTick} />
      {band && (
        <Radar
          dataKey="band"
          shape={BandShape}
          fill={BAND_FILL}
          fillOpacity={0.55}
          stroke={BAND_STROKE}
          strokeWidth={1}
          isAnimationActive={false}
        />
      )}
      {series.map((_, i) => {
        const style = seriesStyle(i);
        return (
          <Radar key={i} dataKey={`s${i}`} stroke={style.stroke} fill={style.stroke} shape={seriesShape(style)} isAnimationActive={false} />
        );
      })}
    </RadarChart>
  );
}
