import { dueState } from "~/domain/scorecard-due";

const unitFormats = new Map<string, Intl.NumberFormat>();

/** "3 hr", "2 days", "3 h", "2 d": the language's short unit, through Intl. */
function distance(language: string, amount: number, unit: "minute" | "hour" | "day"): string {
  const key = `${language}|${unit}`;
  let format = unitFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { style: "unit", unit, unitDisplay: "short" });
    unitFormats.set(key, format);
  }
  return format.format(amount);
}

/**
 * "due in 3 hr" or "overdue 2 days" for an unsubmitted scorecard with a due
 * time (dueState's rule, the shared `due.*` texts); null otherwise. The
 * assessment list words it in its loader, the assessment page in the browser.
 */
export function dueWording(
  t: (key: "due.overdue" | "due.dueIn", params: { distance: string }) => string,
  language: string,
  due: { dueAt: string | null; submitted: boolean; now: Date },
): { overdue: boolean; text: string } | null {
  const state = dueState(due.dueAt === null ? null : new Date(due.dueAt), due.submitted, due.now);
  if (state.state === "none") return null;
  const params = { distance: distance(language, state.amount, state.unit) };
  return state.state === "overdue" ? { overdue: true, text: t("due.overdue", params) } : { overdue: false, text: t("due.dueIn", params) };
}
