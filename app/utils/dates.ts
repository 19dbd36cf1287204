import { useTranslation } from "~/utils/use-translation";

type Style = "date" | "time" | "dateTime";

/**
 * Every date and time is shown in UTC, named: a user has no time zone of their
 * own in Traitkit, and the server cannot know the reader's. Writing the same
 * zone on the server and in the browser keeps hydration identical, and a time
 * a reader copies into a message means the same thing to its recipient.
 */
export const DISPLAY_TIME_ZONE = "UTC";

const DAY: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric" };
const CLOCK: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit", timeZoneName: "short" };

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  date: DAY,
  time: CLOCK,
  dateTime: { ...DAY, ...CLOCK },
};

/** An instant in the given language: "Dec 3, 2026, 8:05 AM UTC", "3 dic 2026, 8:05 UTC"; a day alone names no zone. */
export function formatInstant(language: string, iso: string, style: Style): string {
  return formatter(language, style).format(new Date(iso));
}

export function useFormatDate(): (iso: string, style: Style) => string {
  const { i18n } = useTranslation();
  return (iso, style) => formatInstant(i18n.language, iso, style);
}

// Making an Intl.DateTimeFormat costs far more than using one: a page of dates reuses a few.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, style: Style): Intl.DateTimeFormat {
  const key = `${language}|${style}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(language, { ...OPTIONS[style], timeZone: DISPLAY_TIME_ZONE });
    formatters.set(key, made);
  }
  return made;
}

const zonedFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An interview's time as the recruiter set it, in its own zone, named:
 * "Dec 5, 2026, 10:00 AM GMT+1". The exception to UTC above: an interview
 * happens at a wall-clock time somewhere, and that is the time people meet.
 */
export function formatInstantInZone(language: string, iso: string, timeZone: string): string {
  const key = `${language}|${timeZone}`;
  let made = zonedFormatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(language, { ...OPTIONS.dateTime, timeZone });
    zonedFormatters.set(key, made);
  }
  return made.format(new Date(iso));
}
