import { TZDate } from "@date-fns/tz";
import { isKnownTimeZone } from "~/domain/time-zones";

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a wall-clock time ("2026-12-05T10:00", as a datetime-local
 * field posts it) names in a zone. A time that a daylight-saving change
 * skips is moved forward by the gap, as clocks are; undefined for text that
 * is no such time.
 */
export function instantOfWallTime(wallTime: string, timeZone: string): Date | undefined {
  const match = WALL_TIME.exec(wallTime);
  if (!match || !isKnownTimeZone(timeZone)) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const zoned = new TZDate(year, month - 1, day, hour, minute, 0, timeZone);
  // 31 February rolls into March: refuse it instead.
  if (zoned.getDate() !== day || zoned.getMonth() !== month - 1) return undefined;
  if (Number.isNaN(zoned.getTime())) return undefined;
  return new Date(zoned.getTime());
}

/** The wall-clock time of an instant in a zone, as a datetime-local field shows it. */
export function wallTimeOfInstant(instant: Date, timeZone: string): string {
  const zoned = new TZDate(instant.getTime(), timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${zoned.getFullYear()}-${two(zoned.getMonth() + 1)}-${two(zoned.getDate())}T${two(zoned.getHours())}:${two(zoned.getMinutes())}`;
}
