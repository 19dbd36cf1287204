import { describe, expect, it } from "vitest";
import { oneWayIcc, type OneWayIcc } from "./agreement";

function estimated(result: OneWayIcc | null): OneWayIcc {
  if (result === null) throw new Error("expected an ICC, got null");
  return result;
}

describe("oneWayIcc: panels whose means coincide", () => {
  it("give ICC(1) = −1/(k₀ − 1) and ICC(1,k) = −∞, whatever the rounding of the means", () => {
    // Means 4.8 and 4.8, and 3.333… twice, which floating point gets a few ulps apart.
    for (const groups of [
      [
        [4.6, 5],
        [4.4, 5, 5],
      ],
      [
        [11 / 3, 3],
        [3, 2, 5],
      ],
      [
        [(11 / 3) * 25, 75],
        [75, 50, 125],
      ],
    ]) {
      const result = estimated(oneWayIcc(groups));
      expect(result.k0).toBeCloseTo(2.4, 12);
      expect(result.single.icc).toBeCloseTo(-1 / 1.4, 12);
      expect(result.single.lower).toBeCloseTo(-1 / 1.4, 12);
      expect(result.single.upper).toBeCloseTo(-1 / 1.4, 12);
      expect(result.average).toEqual({ icc: -Infinity, lower: -Infinity, upper: -Infinity });
    }
  });
});
