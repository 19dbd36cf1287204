import { describe, expect, it } from "vitest";
import { defaultCalibrationPeriod } from "./calibration";

describe("defaultCalibrationPeriod: the last 12 months, today included", () => {
  it("on 2026-12-04 runs from 2025-12-05 to 2026-12-04, whatever the time of day (UTC)", () => {
    for (const now of ["2026-12-04T00:00:00.000Z", "2026-12-04T21:50:00.000Z", "2026-12-04T23:59:59.999Z"]) {
      expect(defaultCalibrationPeriod(new Date(now))).toEqual({ from: "2025-12-05", to: "2026-12-04" });
    }
  });

  it("crosses month and year ends", () => {
    expect(defaultCalibrationPeriod(new Date("2026-12-31T10:00:00Z"))).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(defaultCalibrationPeriod(new Date("2027-01-31T10:00:00Z"))).toEqual({ from: "2026-02-01", to: "2027-01-31" });
    expect(defaultCalibrationPeriod(new Date("2026-03-01T10:00:00Z"))).toEqual({ from: "2025-03-02", to: "2026-03-01" });
  });

  it("on a 29 February starts on 1 March: the year before has no 29 February, its 28th stands for it", () => {
    expect(defaultCalibrationPeriod(new Date("2028-02-29T12:00:00Z"))).toEqual({ from: "2027-03-01", to: "2028-02-29" });
  });

  it("the year after a leap day takes the 29 February in", () => {
    expect(defaultCalibrationPeriod(new Date("2029-02-28T12:00:00Z"))).toEqual({ from: "2028-02-29", to: "2029-02-28" });
    expect(defaultCalibrationPeriod(new Date("2029-03-01T12:00:00Z"))).toEqual({ from: "2028-03-02", to: "2029-03-01" });
  });

  it("every day of 2024 to 2031: 365 days, or 366 when a 29 February falls in them", () => {
    const DAY = 86_400_000;
    for (let t = Date.UTC(2024, 0, 1); t <= Date.UTC(2031, 11, 31); t += DAY) {
      const { from, to } = defaultCalibrationPeriod(new Date(t + 13 * 3_600_000));
      expect(to).toBe(new Date(t).toISOString().slice(0, 10));
      const days = (Date.parse(to) - Date.parse(from)) / DAY + 1;
      const leapDays = ["2024-02-29", "2028-02-29"].filter((leap) => from <= leap && leap <= to).length;
      expect(days, to).toBe(365 + leapDays);
    }
  });
});
