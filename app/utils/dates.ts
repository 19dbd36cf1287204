import { useTranslation } from "~/utils/use-translation";
import { useHydrated } from "./use-hydrated";

type Style = "date" | "time" | "dateTime";

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "medium" },
  time: { timeStyle: "short" },
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
    const text = formatter(i18n.language, style, hydrated ? "local" : "UTC").format(new Date(iso));
    return hydrated || style === "date" ? text : `${text} UTC`;
  };
}

// Making an Intl.DateTimeFormat costs far more than using one: a page of dates reuses a few.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, style: Style, zone: "local" | "UTC"): Intl.DateTimeFormat {
  const key = `${language}|${style}|${zone}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(language, { ...OPTIONS[style], timeZone: zone === "UTC" ? "UTC" : undefined });
    formatters.set(key, made);
  }
  return made;
}
