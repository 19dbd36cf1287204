/** A series' key: a line (with its dash pattern, so colour is not the only cue) or a filled area. */
export type LegendEntry = { label: string; color: string; shape: "line" | "area"; dash?: string; outline?: string };

/**
 * The chart's key as plain HTML under it, in the reader's language (Recharts'
 * own legend names its icons in English). Assistive technology skips it: the
 * table beside the chart carries the same series by name.
 */
export function ChartLegend({ entries }: { entries: LegendEntry[] }): JSX.Element {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {entries.map((entry, i) => (
        <li key={i}>
          <svg width="28" height="12" viewBox="0 0 28 12" focusable="false">
            {entry.shape === "line" ? (
              <line x1="1" y1="6" x2="27" y2="6" stroke={entry.color} strokeWidth={2.5} strokeDasharray={entry.dash} />
            ) : (
              <rect x="1" y="1" width="26" height="10" fill={entry.color} stroke={entry.outline ?? "none"} />
            )}
          </svg>
          {entry.label}
        </li>
      ))}
    </ul>
  );
}
