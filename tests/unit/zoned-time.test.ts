import { describe, expect, it } from "vitest";
import { instantOfWallTime, wallTimeOfInstant } from "../../app/utils/zoned-time";

const iso = (wallTime: string, zone: string) => instantOfWallTime(wallTime, zone)?.toISOString();

describe("instantOfWallTime", () => {
  it("reads a Madrid time with the winter offset (+1) and the summer one (+2)", () => {
    expect(iso("2026-12-05T10:00", "Europe/Madrid")).toBe("2026-12-05T09:00:00.000Z");
    expect(iso("2026-07-01T10:00", "Europe/Madrid")).toBe("2026-07-01T08:00:00.000Z");
  });

  it("reads a New York time with its winter (-5) and summer (-4) offsets", () => {
    expect(iso("2026-12-05T10:00", "America/New_York")).toBe("2026-12-05T15:00:00.000Z");
    expect(iso("2026-07-01T10:00", "America/New_York")).toBe("2026-07-01T14:00:00.000Z");
  });

  it("reads a UTC time as it is, including the first and last minute of a day", () => {
    expect(iso("2026-12-05T00:00", "UTC")).toBe("2026-12-05T00:00:00.000Z");
    expect(iso("2026-12-31T23:59", "UTC")).toBe("2026-12-31T23:59:00.000Z");
  });

  it("moves a time that a daylight-saving change skips forward by the gap", () => {
    // Madrid goes from 02:00 to 03:00 on 2026-03-29: 02:30 is 03:30 summer time.
    expect(iso("2026-03-29T02:30", "Europe/Madrid")).toBe("2026-03-29T01:30:00.000Z");
    expect(iso("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
  });

  it("does not depend on the server's own zone", () => {
    const previous = process.env.TZ;
    process.env.TZ = "Pacific/Kiritimati";
    try {
      expect(iso("2026-12-05T10:00", "Europe/Madrid")).toBe("2026-12-05T09:00:00.000Z");
    } finally {
      process.env.TZ = previous;
    }
  });

  it("refuses a day the month does not have instead of rolling into the next month", () => {
    expect(instantOfWallTime("2026-02-31T10:00", "Europe/Madrid")).toBeUndefined();
    expect(instantOfWallTime("2026-02-29T10:00", "Europe/Madrid")).toBeUndefined();
    expect(instantOfWallTime("2026-04-31T10:00", "UTC")).toBeUndefined();
    expect(iso("2028-02-29T10:00", "UTC")).toBe("2028-02-29T10:00:00.000Z");
  });

  it("refuses a month, day, hour or minute out of range", () => {
    expect(
      ["2026-13-01T10:00", "2026-00-10T10:00", "2026-12-00T10:00", "2026-12-32T10:00", "2026-12-05T24:00", "2026-12-05T10:60"].map((wall) =>
        instantOfWallTime(wall, "UTC"),
      ),
    ).toEqual(Array(6).fill(undefined));
  });

  it("refuses text in any other format", () => {
    expect(
      ["", "2026-12-05", "2026-12-05 10:00", "2026-12-05T10:00:00", "2026-12-05T10:00Z", "26-12-05T10:00", " 2026-12-05T10:00"].map(
        (wall) => instantOfWallTime(wall, "UTC"),
      ),
    ).toEqual(Array(7).fill(undefined));
  });

  it("refuses an unknown zone", () => {
    expect(instantOfWallTime("2026-12-05T10:00", "Mars/Olympus")).toBeUndefined();
    expect(instantOfWallTime("2026-12-05T10:00", "")).toBeUndefined();
  });
});

describe("wallTimeOfInstant", () => {
  it("shows an instant as the zone's wall-clock time, as a datetime-local field does", () => {
    expect(wallTimeOfInstant(new Date("2026-12-05T09:00:00.000Z"), "Europe/Madrid")).toBe("2026-12-05T10:00");
    expect(wallTimeOfInstant(new Date("2026-12-05T03:07:00.000Z"), "America/New_York")).toBe("2026-12-04T22:07");
    expect(wallTimeOfInstant(new Date("2026-01-01T00:00:00.000Z"), "UTC")).toBe("2026-01-01T00:00");
  });

  it("gives back the wall time it was read from, in winter and in summer", () => {
    for (const zone of ["Europe/Madrid", "America/New_York", "Asia/Kolkata", "America/Argentina/Buenos_Aires"]) {
      for (const wall of ["2026-12-05T10:00", "2026-07-01T23:45", "2026-01-01T00:05"]) {
        const instant = instantOfWallTime(wall, zone);
        expect(instant, `${wall} ${zone}`).toBeDefined();
        expect(wallTimeOfInstant(instant as Date, zone), `${wall} ${zone}`).toBe(wall);
      }
    }
  });

  it("gives a skipped time back as the time the clocks moved it to", () => {
    const instant = instantOfWallTime("2026-03-29T02:30", "Europe/Madrid");
    expect(wallTimeOfInstant(instant as Date, "Europe/Madrid")).toBe("2026-03-29T03:30");
  });
});
