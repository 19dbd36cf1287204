/**
 * When an interviewer's scorecard is due, and how far off that is, in the
 * words a list shows ("due in 3 h", "overdue 2 d").
 * Source: docs/product.md, "The interview loop".
 */

/** Hours after the interview a scorecard is due unless the team's setting says otherwise. */
export const DEFAULT_SCORECARD_DUE_HOURS = 24;
/** The setting's bounds: at least an hour, at most four weeks. */
export const SCORECARD_DUE_HOURS_MIN = 1;
export const SCORECARD_DUE_HOURS_MAX = 24 * 28;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Below this a distance is told in hours, from it on in days: "due in 40 h" reads better than "due in 1 d". */
const HOURS_UP_TO_MS = 48 * HOUR_MS;

/** The due time of a scorecard whose interview is at `interviewAt`. */
export function scorecardDueAt(interviewAt: Date, dueHours: number): Date {
  return new Date(interviewAt.getTime() + dueHours * HOUR_MS);
}

export type DistanceUnit = "minute" | "hour" | "day";

/** Where a scorecard stands against its due time; "none" when it has none or is submitted. */
export type DueState = { state: "none" } | { state: "due" | "overdue"; amount: number; unit: DistanceUnit };

/**
 * "due" with the time left, or "overdue" with the time since; each rounded
 * down to whole minutes under an hour, hours under 48 hours, then days, and
 * never "0": a scorecard due in 40 seconds is "due in 1 min".
 */
export function dueState(dueAt: Date | null, submitted: boolean, now: Date): DueState {
  if (dueAt === null || submitted) return { state: "none" };
  const left = dueAt.getTime() - now.getTime();
  const distance = Math.abs(left);
  const state = left > 0 ? "due" : "overdue";
  if (distance < HOUR_MS) return { state, amount: Math.max(1, Math.floor(distance / MINUTE_MS)), unit: "minute" };
  if (distance < HOURS_UP_TO_MS) return { state, amount: Math.floor(distance / HOUR_MS), unit: "hour" };
  return { state, amount: Math.floor(distance / DAY_MS), unit: "day" };
}

/** True once the due time has passed without a submitted scorecard. */
export function isOverdue(dueAt: Date | null, submitted: boolean, now: Date): boolean {
  return dueState(dueAt, submitted, now).state === "overdue";
}
