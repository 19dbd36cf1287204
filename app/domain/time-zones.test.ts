import { describe, expect, it } from "vitest";
import { isKnownTimeZone, knownTimeZones } from "./time-zones";

describe("isKnownTimeZone", () => {
  it("knows IANA zone names, including ones with two slashes", () => {
    expect(["Europe/Madrid", "UTC", "America/Argentina/Buenos_Aires", "America/New_York"].map(isKnownTimeZone)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it("refuses a made-up zone, an empty name and anything that is not a zone name", () => {
    expect(
      ["Mars/Olympus", "", "../etc", "Europe/Madrid; drop", " Europe/Madrid", "Europe/", "/Europe/Madrid"].map(isKnownTimeZone),
    ).toEqual(Array(7).fill(false));
  });
});

describe("knownTimeZones", () => {
  const zones = knownTimeZones();

  it("puts UTC first and lists it once", () => {
    expect(zones[0]).toBe("UTC");
    expect(zones.filter((zone) => zone === "UTC")).toHaveLength(1);
  });

  it("has no duplicate and offers only zones the field accepts", () => {
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones).toContain("Europe/Madrid");
    expect(zones.every(isKnownTimeZone)).toBe(true);
  });
});
