import { useTranslation } from "~/utils/use-translation";
import { useFormatDate } from "~/utils/dates";
import type { SaveState } from "./use-autosave";
import "~/locales/scorecard";

export function useFormatTime(): (iso: string) => string {
  const format = useFormatDate();
  return (iso) => format(iso, "time");
}

/** Where the background save stands; before any, when the scorecard was last saved. */
export function SaveStatus({ state, fallbackAt }: { state: SaveState; fallbackAt: string | null }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  let text: string | null = null;
  if (state.kind === "saving") text = t("scorecard.saving");
  else if (state.kind === "retrying") text = t("scorecard.notSaved");
  else if (state.kind === "locked") text = t("scorecard.locked");
  else if (state.kind === "invalid") text = t("scorecard.notSavedInvalid");
  else if (state.kind === "signedOut") text = t("scorecard.notSavedSignedOut");
  else if (state.kind === "saved") text = t("scorecard.savedAt", { time: formatTime(state.at) });
  else if (fallbackAt) text = t("scorecard.savedAt", { time: formatTime(fallbackAt) });
  return (
    <p
      className={`save-status${["retrying", "invalid", "signedOut"].includes(state.kind) ? " save-status-warning" : ""}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
    >
      {text}
    </p>
  );
}
