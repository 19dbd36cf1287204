import { useId } from "react";
import { useTranslation } from "~/utils/use-translation";
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Polygon, Radar, RadarChart, ResponsiveContainer, type PolygonProps } from "recharts";
import { TRAIT_KEYS, type TraitKey } from "~/domain/traits";
import { TableScroll } from "~/components/TableScroll";
import { useHydrated } from "~/utils/use-hydrated";
import { useNarrowChart } from "./use-narrow-chart";
import { ChartLegend, type LegendEntry } from "./ChartLegend";
import { useNumberFormats } from "~/utils/numbers";

export type RadarSeries = { label: string; scores: Partial<Record<TraitKey, number>> };

/** Colours with at least 3:1 contrast on white, told apart by shape too (dash patterns). */
const SERIES_STYLES = [
  { stroke: "#b45309", dash: undefined },
  { stroke: "#6d28d9", dash: "6 3" },
  { stroke: "#047857", dash: "2 3" },
  { stroke: "#be123c", dash: "10 4 2 4" },
] as const;

const BAND_FILL = "#93c5fd";
const BAND_STROKE = "#2563eb";

type Point = { x: number; y: number; value?: unknown };

/**
 * One series as a line through its assessed traits only: a trait without a
 * score breaks the line instead of pulling it to the centre (a missing score is
 * not a 0). Recharts calls this with the computed points.
 */
function seriesShape(style: (typeof SERIES_STYLES)[number]) {
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

/**
 * Scores of one or more candidates over the ideal band, the band drawn as the
 * area between its low and high ends. The chart is drawn after hydration only
 * and hidden from assistive technology; the table beside it has every number,
 * unless the page has a fuller table of the same numbers (`ownTable={false}`).
 */
export function TraitRadarChart(props: {
  caption: string;
  band: Partial<Record<TraitKey, { low: number; high: number }>> | null;
  series: RadarSeries[];
  ownTable?: boolean;
}): JSX.Element {
  const { caption, band, series, ownTable = true } = props;
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const narrow = useNarrowChart();
  const { score: formatScore } = useNumberFormats();
  const captionId = useId();
  const notAssessed = <span className="muted">{t("report.charts.notAssessed")}</span>;
  const scoreCell = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? notAssessed : formatScore(value));

  const data = TRAIT_KEYS.map((trait) => {
    const b = band?.[trait];
    const row: Record<string, string | number | [number, number] | null> = {
      name: t(`traits.${trait}`),
      band: b ? [b.low, b.high] : null,
    };
    series.forEach((s, i) => {
      const score = s.scores[trait];
      row[`s${i}`] = score !== undefined && Number.isFinite(score) ? score : null;
    });
    return row;
  });

  let inside = 0;
  let assessed = 0;
  const first = series[0];
  if (first) {
    for (const trait of TRAIT_KEYS) {
      const score = first.scores[trait];
      const b = band?.[trait];
      if (score === undefined || !Number.isFinite(score)) continue;
      assessed += 1;
      if (b && score >= b.low && score <= b.high) inside += 1;
    }
  }
  const legend: LegendEntry[] = [
    ...(band ? [{ label: t("report.charts.band"), color: BAND_FILL, shape: "area" as const, outline: BAND_STROKE }] : []),
    ...series.map((s, i) => {
      const style = SERIES_STYLES[i % SERIES_STYLES.length] ?? SERIES_STYLES[0];
      return { label: s.label, color: style.stroke, shape: "line" as const, dash: style.dash };
    }),
  ];
  const reading =
    band && series.length === 1 ? t("report.charts.radarReading", { inside, assessed }) : t("report.charts.radarReadingNoBand");

  return (
    <figure className="chart chart-figure fit-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{caption}</figcaption>
      <p className="muted">{reading}</p>
      <div className="chart-canvas radar-canvas" aria-hidden="true" data-testid="trait-radar-chart">
        {hydrated && (
          <ResponsiveContainer width="100%" height={narrow ? 290 : 420}>
            <RadarChart
              data={data}
              outerRadius={narrow ? "60%" : "76%"}
              accessibilityLayer={false}
              margin={narrow ? { top: 8, right: 8, bottom: 8, left: 8 } : { top: 16, right: 48, bottom: 16, left: 48 }}
            >
              <PolarGrid />
              <PolarAngleAxis dataKey="name" tick={narrow ? WrappedTraitTick : { fill: "#1f2933", fontSize: 13 }} />
              {/* Between two traits' spokes, away from every name: at 90° "100" sat on the top trait's name and score. */}
              <PolarRadiusAxis domain={[0, 100]} tickCount={narrow ? 3 : 5} angle={0} tick={ScaleTick} />
              {band && (
                <Radar
                  name={t("report.charts.band")}
                  dataKey="band"
                  shape={BandShape}
                  fill={BAND_FILL}
                  fillOpacity={0.55}
                  stroke={BAND_STROKE}
                  strokeWidth={1}
                  isAnimationActive={false}
                />
              )}
              {series.map((s, i) => {
                const style = SERIES_STYLES[i % SERIES_STYLES.length] ?? SERIES_STYLES[0];
                return (
                  <Radar
                    key={i}
                    name={s.label}
                    dataKey={`s${i}`}
                    stroke={style.stroke}
                    fill={style.stroke}
                    shape={seriesShape(style)}
                    isAnimationActive={false}
                  />
                );
              })}
            </RadarChart>
          </ResponsiveContainer>
        )}
        {hydrated && <ChartLegend entries={legend} />}
      </div>
      {ownTable && (
        <TableScroll label={caption}>
          <table data-testid="trait-radar-table">
            <thead>
              <tr>
                <th scope="col">{t("report.charts.columns.trait")}</th>
                {band && <th scope="col">{t("report.charts.band")}</th>}
                {series.map((s, i) => (
                  <th key={i} scope="col" className="num">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {TRAIT_KEYS.map((trait) => {
                const b = band?.[trait];
                return (
                  <tr key={trait} data-trait={trait}>
                    <th scope="row">{t(`traits.${trait}`)}</th>
                    {band && <td>{b ? `${b.low}–${b.high}` : t("report.charts.none")}</td>}
                    {series.map((s, i) => (
                      <td key={i} className="num">
                        {scoreCell(s.scores[trait])}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </figure>
  );
}
