import { useTranslation } from "~/utils/use-translation";
import { useHydrated } from "./use-hydrated";

type Style = "date" | "time" | "dateTime";

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "medium" },
  time: { hour: "2-digit", minute: "2-digit" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
};

/**
 * Formats instants in the reader's language and time zone. The server does not
 * know the reader's zone, so it writes UTC and says so; the page switches to
 * local time right after hydration (never during it, which would not match).
 */
export function useFormatDate(): (iso: string, style: Style) => string {
  const hydrated = useHydrated();
  const { i18n } = useTranslation();
  return (iso, style) => {
    const text = new Intl.DateTimeFormat(i18n.language, { ...OPTIONS[style], timeZone: hydrated ? undefined : "UTC" }).format(new Date(iso));
    return hydrated || style === "date" ? text : `${text} UTC`;
  };
}
