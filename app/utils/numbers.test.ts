import { describe, expect, it } from "vitest";
import { calibrationFormats, numberFormats, shownGap, shownScore } from "./numbers";

describe("scores and gaps as shown", () => {
  it("keeps one decimal of a score", () => {
    expect(shownScore(56.25)).toBe(56.3);
    expect(shownScore(62.5)).toBe(62.5);
    expect(shownScore(58.333333)).toBe(58.3);
  });

  it("takes the gap from the shown score, so the shown figures add up", () => {
    // Exact: 65 − 56.25 = 8.75, which would show as 8.8 beside 56.3.
    expect(shownGap(56.25, { low: 65, high: 85 })).toBeCloseTo(8.7, 10);
    expect(shownGap(87.5, { low: 65, high: 85 })).toBeCloseTo(2.5, 10);
    expect(shownGap(70, { low: 65, high: 85 })).toBe(0);
  });
});

describe("fit and coverage are shown as a whole percent in the reader's language", () => {
  it("rounds a fit on 0–100 to a whole percent, written as each language writes a percent", () => {
    expect(numberFormats("en").fitPercent(78.44)).toBe("78%");
    expect(numberFormats("en").fitPercent(66.5)).toBe("67%");
    expect(numberFormats("en").fitPercent(0)).toBe("0%");
    expect(numberFormats("en").fitPercent(0.4)).toBe("0%");
    expect(numberFormats("en").fitPercent(100)).toBe("100%");
    expect(numberFormats("es").fitPercent(78.44)).toBe("78\u00a0%");
  });

  it("shows a coverage share of 0–1 as the same whole percent", () => {
    expect(numberFormats("en").coveragePercent(0.5)).toBe("50%");
    expect(numberFormats("en").coveragePercent(2 / 3)).toBe("67%");
    expect(numberFormats("en").coveragePercent(1)).toBe("100%");
    expect(numberFormats("es").coveragePercent(0.835)).toBe("84\u00a0%");
  });
});

describe("calibration's figures in the reader's language", () => {
  it("signs a difference and keeps two decimals; one that rounds to 0 has no sign", () => {
    const { signedTwoDecimals } = calibrationFormats("en");
    expect(signedTwoDecimals(0.5)).toBe("+0.50");
    expect(signedTwoDecimals(-0.254)).toBe("-0.25");
    expect(signedTwoDecimals(-0.001)).toBe("0.00");
    expect(calibrationFormats("es").signedTwoDecimals(1.256)).toBe("+1,26");
  });

  it("shows days with one decimal and a share as a whole percent", () => {
    expect(calibrationFormats("en").oneDecimal(2.25)).toBe("2.3");
    expect(calibrationFormats("es").oneDecimal(2)).toBe("2,0");
    expect(calibrationFormats("en").sharePercent(0.875)).toBe("88%");
  });
});
