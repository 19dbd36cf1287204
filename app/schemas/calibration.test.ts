import { describe, expect, it } from "vitest";
import { calibrationSearch, parseCalibrationQuery } from "./calibration";

const NOW = new Date("2026-12-04T21:50:00Z");
const ROLES = ["mlops-engineer", "data-engineer"];

function parse(query: string) {
  return parseCalibrationQuery(new URLSearchParams(query), ROLES, NOW);
}

describe("the calibration page's query", () => {
  it("opens on the last 12 months and every role when nothing is asked, or a field is left empty", () => {
    expect(parse("")).toEqual({ ok: true, query: { from: "2025-12-05", to: "2026-12-04", role: null } });
    expect(parse("from=&to=&role=")).toEqual({ ok: true, query: { from: "2025-12-05", to: "2026-12-04", role: null } });
    expect(parse("from=2026-01-01")).toEqual({ ok: true, query: { from: "2026-01-01", to: "2026-12-04", role: null } });
  });

  it("takes a period of real dates and a role the page offers", () => {
    expect(parse("from=2024-02-29&to=2024-03-31&role=data-engineer")).toEqual({
      ok: true,
      query: { from: "2024-02-29", to: "2024-03-31", role: "data-engineer" },
    });
    // One day is a period.
    expect(parse("from=2026-05-05&to=2026-05-05").ok).toBe(true);
  });

  it("refuses what is not a calendar date, next to its field, and keeps what was typed", () => {
    for (const bad of ["2026-02-30", "2025-02-29", "2026-13-01", "26-01-01", "2026-1-1", "yesterday", "2026-01-01T00:00", "0001-01-01"]) {
      const result = parse(`from=${encodeURIComponent(bad)}`);
      expect(result, bad).toEqual({ ok: false, asked: { from: bad, to: "", role: "" }, problems: { from: "dateInvalid" } });
    }
    expect(parse("to=31/12/2026")).toMatchObject({ ok: false, problems: { to: "dateInvalid" } });
  });

  it("refuses a start after the end, next to the end", () => {
    expect(parse("from=2026-06-02&to=2026-06-01")).toMatchObject({ ok: false, problems: { to: "fromAfterTo" } });
    // A start after today with the default end is the same mistake.
    expect(parse("from=2027-01-01")).toMatchObject({ ok: false, problems: { to: "fromAfterTo" } });
  });

  it("refuses a role the page does not offer, rather than reading every role", () => {
    expect(parse("role=no-such-role")).toMatchObject({ ok: false, problems: { role: "roleUnknown" } });
    expect(parse("role=..%2Fetc")).toMatchObject({ ok: false, problems: { role: "roleUnknown" } });
  });

  it("writes the query back as the address's search, every role left out", () => {
    expect(calibrationSearch({ from: "2026-01-01", to: "2026-03-31", role: null })).toBe("?from=2026-01-01&to=2026-03-31");
    expect(calibrationSearch({ from: "2026-01-01", to: "2026-03-31", role: "mlops-engineer" })).toBe(
      "?from=2026-01-01&to=2026-03-31&role=mlops-engineer",
    );
  });
});
