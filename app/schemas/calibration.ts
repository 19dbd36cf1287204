import { z } from "./zod-mini";
import { defaultCalibrationPeriod, type CalibrationPeriod } from "~/domain/calibration";

/*
 * The calibration page's query (GET /calibration and /calibration.csv):
 * `from` and `to` as YYYY-MM-DD, whole UTC days both ends included, and
 * `role`, a role's slug or empty for every role. A missing or empty date is
 * the default period's (the last 12 months). Unlike the list pages, input that
 * is wrong is not silently replaced: a period or a role the reader did not ask
 * for would give figures that look like an answer. Each wrong field gets its
 * reason, and the page answers 400.
 */

/** Why a field of the query is refused. */
export type CalibrationQueryProblem = "dateInvalid" | "fromAfterTo" | "roleUnknown";

export type CalibrationQuery = CalibrationPeriod & { role: string | null };

export type CalibrationQueryResult =
  | { ok: true; query: CalibrationQuery }
  | {
      ok: false;
      /** What was asked, as typed, for the form to show again. */
      asked: { from: string; to: string; role: string };
      problems: Partial<Record<keyof CalibrationQuery, CalibrationQueryProblem>>;
    };

/** Years outside this range are refused: a period of two thousand years reads nothing more, and the instants stay four-digit ISO years. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 9998;

/** A real calendar date as YYYY-MM-DD (2026-02-30 is not one). */
const calendarDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  z.refine((value) => {
    const [year, month, day] = value.split("-").map(Number) as [number, number, number];
    if (year < FIRST_YEAR || year > LAST_YEAR) return false;
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }),
);

/** A role's slug as the URLs write it. */
const roleSlug = z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[a-z0-9][a-z0-9-]*$/));

/**
 * The query from the request's search parameters. `knownRoles` are the slugs
 * the page offers (roles with assessments): another slug is refused as "no
 * such role", on the page and the CSV alike, rather than read as every role.
 */
export function parseCalibrationQuery(search: URLSearchParams, knownRoles: readonly string[], now: Date): CalibrationQueryResult {
  const asked = { from: search.get("from") ?? "", to: search.get("to") ?? "", role: search.get("role") ?? "" };
  const fallback = defaultCalibrationPeriod(now);
  const problems: Partial<Record<keyof CalibrationQuery, CalibrationQueryProblem>> = {};
  const dateOf = (field: "from" | "to"): string | null => {
    const value = asked[field].trim();
    if (value === "") return fallback[field];
    const parsed = calendarDate.safeParse(value);
    if (parsed.success) return parsed.data;
    problems[field] = "dateInvalid";
    return null;
  };
  const from = dateOf("from");
  const to = dateOf("to");
  // ISO dates of four-digit years compare as strings.
  if (from !== null && to !== null && from > to) problems.to = "fromAfterTo";
  let role: string | null = null;
  if (asked.role !== "") {
    const parsed = roleSlug.safeParse(asked.role);
    if (parsed.success && knownRoles.includes(parsed.data)) role = parsed.data;
    else problems.role = "roleUnknown";
  }
  if (from === null || to === null || Object.keys(problems).length > 0) return { ok: false, asked, problems };
  return { ok: true, query: { from, to, role } };
}

/** The query as a search string (`?from=…&to=…&role=…`), role left out when every role: the CSV link and the interviewers' links carry it. */
export function calibrationSearch(query: CalibrationQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.role !== null) params.set("role", query.role);
  return `?${params.toString()}`;
}
