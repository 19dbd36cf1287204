import { describe, expect, it } from "vitest";
import { formatInstant } from "../../app/utils/dates";

describe("formatInstant", () => {
  const morning = "2026-12-03T08:05:39.000Z";

  it("writes a date and time in UTC and names the zone, in either language", () => {
    expect(formatInstant("en", morning, "dateTime")).toBe("Dec 3, 2026, 8:05 AM UTC");
    expect(formatInstant("es", morning, "dateTime")).toBe("3 dic 2026, 8:05 UTC");
  });

  it("writes a time alone with its zone too", () => {
    expect(formatInstant("en", morning, "time")).toBe("8:05 AM UTC");
    expect(formatInstant("es", "2026-12-03T18:05:00.000Z", "time")).toBe("18:05 UTC");
  });

  it("writes a day as the date part of the same format", () => {
    expect(formatInstant("en", morning, "date")).toBe("Dec 3, 2026");
    expect(formatInstant("es", morning, "date")).toBe("3 dic 2026");
  });

  it("takes the day in UTC, not in the server's zone", () => {
    const previous = process.env.TZ;
    process.env.TZ = "Pacific/Kiritimati";
    try {
      expect(formatInstant("en", "2026-12-03T23:30:00.000Z", "date")).toBe("Dec 3, 2026");
    } finally {
      process.env.TZ = previous;
    }
  });
});
