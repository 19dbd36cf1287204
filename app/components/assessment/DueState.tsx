import { dueState } from "~/domain/scorecard-due";
import { useTranslation } from "~/utils/use-translation";

const unitFormats = new Map<string, Intl.NumberFormat>();

/** "3 hr", "2 days", "3 h", "2 d": the reader's language's short unit, through Intl. */
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
 * time; nothing otherwise. `now` comes from the loader, so the server's and
 * the browser's renders say the same.
 */
export function DueState({ dueAt, submitted, now }: { dueAt: string | null; submitted: boolean; now: string }) {
  const { t, i18n } = useTranslation();
  const state = dueState(dueAt === null ? null : new Date(dueAt), submitted, new Date(now));
  if (state.state === "none") return null;
  const text = distance(i18n.language, state.amount, state.unit);
  return state.state === "overdue" ? (
    <span className="due due-overdue" data-testid="due-state">
      {t("due.overdue", { distance: text })}
    </span>
  ) : (
    <span className="due" data-testid="due-state">
      {t("due.dueIn", { distance: text })}
    </span>
  );
}
