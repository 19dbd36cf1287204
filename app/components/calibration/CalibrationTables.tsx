import { useId } from "react";
// Types only: agreement.ts holds the F distribution's code, which the browser never needs.
import type { ReliabilityBand } from "~/domain/agreement";
import type { TraitKey } from "~/domain/traits";
import { TableScroll } from "~/components/TableScroll";
import { PlainLink } from "~/components/PlainLink";
import { DrawnChart } from "~/components/charts/DrawnChart";
import type { SentChart } from "~/components/charts/drawing";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/calibration";

/*
 * The calibration page's sections. Their figures come written in the reader's
 * language by the loader (calibrationFormats, numberFormats): the page's
 * JavaScript carries no number formatting of its own.
 */

/** One row's habits as shown; null where there is no figure. */
export type ShownHabits = {
  scorecards: string;
  adherence: string | null;
  leniency: { value: string; n: number } | null;
  outliers: string;
  days: string | null;
};

/** An interviewer's row: who, where their assessments are, their habits. */
export type InterviewerView = { interviewerId: number; name: string; assessmentsHref: `/${string}`; shown: ShownHabits };

/** Ratings 1–5 from low (warm) to high (cool), the middle grey: the order reads without colour too (the table and the legend). */
export const RATING_COLORS = ["#b45309", "#fbbf24", "#cbd5e1", "#60a5fa", "#1d4ed8"] as const;
/** Strong no to strong yes, as the ratings' ends. */
export const RECOMMENDATION_COLORS = ["#b45309", "#fbbf24", "#60a5fa", "#1d4ed8"] as const;

/** Each interviewer's habits, the team's last, clearly apart (none when the reader may not see them: maySeeTeamFigures). */
export function InterviewerTable({ rows, team }: { rows: InterviewerView[]; team: ShownHabits | null }) {
  const { t } = useTranslation();
  const none = t("calibration.interviewers.none");
  const cells = (shown: ShownHabits) => (
    <>
      <td className="num">{shown.scorecards}</td>
      <td className="num">{shown.adherence ?? none}</td>
      <td className="num" data-testid="calibration-leniency">
        {shown.leniency === null ? none : t("calibration.interviewers.leniencyN", shown.leniency)}
      </td>
      <td className="num">{shown.outliers}</td>
      <td className="num">{shown.days ?? none}</td>
    </>
  );
  const columns = ["scorecards", "adherence", "leniency", "outliers", "days"] as const;
  return (
    <TableScroll label={t("calibration.interviewers.caption")}>
      <table data-testid="calibration-interviewers" className="calibration-interviewers">
        <caption className="visually-hidden">{t("calibration.interviewers.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("calibration.interviewers.columns.name")}</th>
            {columns.map((column) => (
              <th scope="col" className="num" key={column}>
                {t(`calibration.interviewers.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.interviewerId} data-testid="calibration-row" data-interviewer-id={row.interviewerId}>
              <th scope="row">
                <PlainLink to={row.assessmentsHref} title={t("calibration.interviewers.openScorecards", { name: row.name })}>
                  {row.name}
                </PlainLink>
              </th>
              {cells(row.shown)}
            </tr>
          ))}
        </tbody>
        {team !== null && (
          <tfoot>
            <tr data-testid="calibration-team" className="calibration-team">
              <th scope="row">{t("calibration.interviewers.team")}</th>
              {cells(team)}
            </tr>
          </tfoot>
        )}
      </table>
    </TableScroll>
  );
}

/** One distribution as the loader sends it: its parts (named, coloured), a row of counts per interviewer and the team, and the drawing. */
export type DistributionView = {
  parts: { label: string; color: string }[];
  rows: { key: string; name: string; counts: number[] }[];
  svg: SentChart;
};

/** One distribution of every row: the server's drawing, its key, and the numbers in a table. */
export function DistributionFigure({ kind, view }: { kind: "ratings" | "recommendations"; view: DistributionView }) {
  const { t } = useTranslation();
  const captionId = useId();
  const caption = t(`calibration.distributions.${kind}Caption`);
  return (
    <figure className="chart chart-figure calibration-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{t(`calibration.distributions.${kind}Title`)}</figcaption>
      <p className="muted">{t(`calibration.distributions.${kind}Reading`)}</p>
      <div className="chart-canvas" data-testid={`calibration-${kind}-chart`}>
        <DrawnChart svg={view.svg} />
      </div>
      {/*
       * The key as ChartLegend draws an area's, written here: importing ChartLegend
       * split it out of the report's chunk into one of its own, and made three chart
       * pages 0.15 KB heavier. Assistive technology skips it: the table names each part.
       */}
      <ul className="chart-legend" aria-hidden="true">
        {view.parts.map((part) => (
          <li key={part.label}>
            <svg width="28" height="12" viewBox="0 0 28 12" focusable="false">
              <rect x="1" y="1" width="26" height="10" fill={part.color} stroke="#64748b" />
            </svg>
            {part.label}
          </li>
        ))}
      </ul>
      <TableScroll label={caption}>
        <table data-testid={`calibration-${kind}-table`}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("calibration.interviewers.columns.name")}</th>
              {view.parts.map((part) => (
                <th scope="col" className="num" key={part.label}>
                  {part.label}
                </th>
              ))}
              <th scope="col" className="num">
                {t("calibration.distributions.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.name}</th>
                {row.counts.map((count, i) => (
                  <td className="num" key={i}>
                    {count}
                  </td>
                ))}
                <td className="num">{row.counts.reduce((sum, n) => sum + n, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}

type ShownIcc = { icc: string; lower: string; upper: string };

/** A trait's reliability as shown: no figure below the minimum or without variation. */
export type ReliabilityView = { trait: TraitKey; assessments: number } & (
  | { status: "not_enough_data" | "no_variation" }
  | { status: "estimated"; k0: string; single: ShownIcc; average: ShownIcc; band: ReliabilityBand }
);

/** Per trait: the reading in words, both ICCs with their intervals, k₀ and n; no number below the minimum. */
export function ReliabilityTable({ rows, needed }: { rows: ReliabilityView[]; needed: number }) {
  const { t } = useTranslation();
  // The figure, then its interval on a line of its own: a phone's narrow column keeps each readable.
  const withInterval = (shown: ShownIcc) => (
    <>
      {shown.icc} <span className="calibration-interval">{t("calibration.reliability.interval", shown)}</span>
    </>
  );
  return (
    <TableScroll label={t("calibration.reliability.caption")}>
      <table data-testid="calibration-reliability" className="calibration-reliability">
        <caption className="visually-hidden">{t("calibration.reliability.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("calibration.reliability.columns.trait")}</th>
            <th scope="col">{t("calibration.reliability.columns.reading")}</th>
            <th scope="col">{t("calibration.reliability.columns.single")}</th>
            <th scope="col">{t("calibration.reliability.columns.average")}</th>
            <th scope="col" className="num">
              {t("calibration.reliability.columns.k0")}
            </th>
            <th scope="col" className="num">
              {t("calibration.reliability.columns.assessments")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = t(`traits.${row.trait}`);
            return (
              <tr key={row.trait} data-trait={row.trait} data-status={row.status}>
                <th scope="row">{name}</th>
                {row.status === "estimated" ? (
                  <>
                    <td data-testid="icc-reading" data-band={row.band} className="calibration-reading">
                      {t(`calibration.reliability.bands.${row.band}`, { trait: name })}
                    </td>
                    <td data-testid="icc-single">{withInterval(row.single)}</td>
                    <td data-testid="icc-average">{withInterval(row.average)}</td>
                    <td className="num" data-testid="icc-k0">
                      {row.k0}
                    </td>
                  </>
                ) : (
                  <td colSpan={4} className="muted calibration-reading" data-testid="icc-reading">
                    {row.status === "not_enough_data"
                      ? t("calibration.reliability.notEnough", { count: row.assessments, needed })
                      : t("calibration.reliability.noVariation", { count: row.assessments })}
                  </td>
                )}
                <td className="num" data-testid="icc-n">
                  {row.assessments}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** What each figure means, in plain words. */
export function CalibrationExplained({ needed }: { needed: number }) {
  const { t } = useTranslation();
  const keys = ["scorecards", "adherence", "leniency", "outliers", "days", "single"] as const;
  return (
    <section aria-labelledby="calibration-explain" className="calibration-explain">
      <h2 id="calibration-explain">{t("calibration.explain.title")}</h2>
      <ul>
        {keys.map((key) => (
          <li key={key}>{t(`calibration.explain.${key}`)}</li>
        ))}
        <li>{t("calibration.explain.bands", { needed })}</li>
      </ul>
    </section>
  );
}
