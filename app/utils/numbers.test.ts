import { describe, expect, it } from "vitest";
import { shownGap, shownScore } from "./numbers";

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
