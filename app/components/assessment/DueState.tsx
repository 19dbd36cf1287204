import { dueWording } from "~/utils/due-wording";
import { useTranslation } from "~/utils/use-translation";

/**
 * "due in 3 hr" or "overdue 2 days" for an unsubmitted scorecard with a due
 * time; nothing otherwise. `now` comes from the loader, so the server's and
 * the browser's renders say the same.
 */
export function DueState({ dueAt, submitted, now }: { dueAt: string | null; submitted: boolean; now: string }) {
  const { t, i18n } = useTranslation();
  const wording = dueWording(t, i18n.language, { dueAt, submitted, now: new Date(now) });
  if (!wording) return null;
  return (
    <span className={wording.overdue ? "due due-overdue" : "due"} data-testid="due-state">
      {wording.text}
    </span>
  );
}
