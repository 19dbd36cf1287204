/** True for an IANA zone name ("Europe/Madrid", "UTC") this runtime can compute with; the browser and the server agree. */
export function isKnownTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The zones a zone field suggests, UTC first. */
export function knownTimeZones(): readonly string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
}

/** A known zone's name as the runtime spells it ("europe/madrid" → "Europe/Madrid"). */
export function canonicalTimeZone(name: string): string {
  return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
}
