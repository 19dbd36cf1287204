import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MIN_ASSESSMENTS_FOR_RELIABILITY,
  oneWayIcc,
  reliabilityBand,
  traitReliability,
  type IccEstimate,
  type OneWayIcc,
} from "./agreement";

/** Shrout & Fleiss (1979), Table 2: 6 targets (rows) rated by 4 judges (columns). */
const SHROUT_FLEISS = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

function estimated(result: OneWayIcc | null): OneWayIcc {
  if (result === null) throw new Error("expected an ICC, got null");
  return result;
}

/**
 * Within `tolerance`, relative beyond 1: when the panels' means nearly coincide, MSB is tiny and ICC(1,k) runs to
 * −1e4 or more, where the last bits of MSB's rounding move it by 1e-11. −∞ (means that coincide) must be −∞ again.
 */
function expectClose(actual: number, expected: number, tolerance: number) {
  if (Number.isFinite(expected)) expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
  else expect(actual).toBe(expected);
}

function expectEstimateClose(actual: IccEstimate, expected: IccEstimate, tolerance: number) {
  expectClose(actual.icc, expected.icc, tolerance);
  expectClose(actual.lower, expected.lower, tolerance);
  expectClose(actual.upper, expected.upper, tolerance);
}

function expectIccClose(actual: OneWayIcc, expected: OneWayIcc, tolerance: number) {
  expect(actual.n).toBe(expected.n);
  expect(Math.abs(actual.k0 - expected.k0)).toBeLessThanOrEqual(tolerance);
  expectEstimateClose(actual.single, expected.single, tolerance);
  expectEstimateClose(actual.average, expected.average, tolerance);
}

describe("oneWayIcc: Shrout & Fleiss's published example", () => {
  it("gives ICC(1,1) = .17 and ICC(1,4) = .44 with psych::ICC's intervals, to 2 decimals", () => {
    const result = estimated(oneWayIcc(SHROUT_FLEISS));
    expect(result.n).toBe(6);
    expect(result.k0).toBe(4);
    expect(result.single.icc.toFixed(2)).toBe("0.17");
    expect(result.average.icc.toFixed(2)).toBe("0.44");
    expect([result.single.lower.toFixed(2), result.single.upper.toFixed(2)]).toEqual(["-0.13", "0.72"]);
    expect([result.average.lower.toFixed(2), result.average.upper.toFixed(2)]).toEqual(["-0.88", "0.91"]);
  });

  it("equals the ANOVA formulas exactly: BMS = 1349/120 (11.24), WMS = 451/72 (6.26)", () => {
    const bms = 1349 / 120;
    const wms = 451 / 72;
    const result = estimated(oneWayIcc(SHROUT_FLEISS));
    // ICC(1,1) = (BMS − WMS)/(BMS + (k − 1)WMS) = 448/2703; ICC(1,k) = (BMS − WMS)/BMS = 1792/4047.
    expect(Math.abs(result.single.icc - (bms - wms) / (bms + 3 * wms))).toBeLessThan(1e-12);
    expect(Math.abs(result.single.icc - 448 / 2703)).toBeLessThan(1e-12);
    expect(Math.abs(result.average.icc - (bms - wms) / bms)).toBeLessThan(1e-12);
    expect(Math.abs(result.average.icc - 1792 / 4047)).toBeLessThan(1e-12);
  });
});

describe("oneWayIcc: no figure without two panels or without variation", () => {
  it("is null with fewer than 2 groups of 2 values or more", () => {
    expect(oneWayIcc([])).toBeNull();
    expect(oneWayIcc([[3, 4, 5]])).toBeNull();
    expect(oneWayIcc([[3, 4, 5], [2]])).toBeNull();
    expect(oneWayIcc([[1], [2], [3], [4]])).toBeNull();
  });

  it("is null when no value differs from another", () => {
    expect(
      oneWayIcc([
        [3, 3],
        [3, 3, 3],
        [3, 3],
      ]),
    ).toBeNull();
    expect(
      oneWayIcc([
        [7 / 3, 7 / 3],
        [7 / 3, 7 / 3, 7 / 3],
      ]),
    ).toBeNull();
  });

  it("is null when only a left-out singleton differs from the rest", () => {
    expect(oneWayIcc([[3, 3], [3, 3], [5]])).toBeNull();
  });

  it("leaves out groups of fewer than 2 values: adding a singleton changes nothing", () => {
    const groups = [
      [3.5, 4, 3],
      [2, 2.5],
      [4.5, 5],
      [1, 2, 1.5],
    ];
    const without = estimated(oneWayIcc(groups));
    expect(oneWayIcc([...groups, [5]])).toEqual(without);
    expect(oneWayIcc([[1], ...groups, []])).toEqual(without);
  });
});

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

describe("oneWayIcc: perfect agreement", () => {
  it("each group constant, groups differing: ICC 1 with the interval [1, 1]", () => {
    const result = estimated(
      oneWayIcc([
        [2, 2],
        [4, 4, 4],
        [5, 5],
        [1, 1, 1, 1],
      ]),
    );
    expect(result.n).toBe(4);
    expect(result.single).toEqual({ icc: 1, lower: 1, upper: 1 });
    expect(result.average).toEqual({ icc: 1, lower: 1, upper: 1 });
  });

  it("holds with fractional means that leave rounding in the sums of squares", () => {
    const result = estimated(
      oneWayIcc([
        [7 / 3, 7 / 3, 7 / 3],
        [3.1, 3.1],
        [13 / 3, 13 / 3],
      ]),
    );
    expect(result.single).toEqual({ icc: 1, lower: 1, upper: 1 });
  });
});

describe("oneWayIcc: the confidence level", () => {
  it("throws outside (0, 1)", () => {
    for (const confidence of [0, 1, -0.5, 1.5, 95, Number.NaN]) {
      expect(() => oneWayIcc(SHROUT_FLEISS, confidence), String(confidence)).toThrow(RangeError);
    }
  });

  it("a higher confidence widens the interval around the same estimate", () => {
    const at90 = estimated(oneWayIcc(SHROUT_FLEISS, 0.9));
    const at95 = estimated(oneWayIcc(SHROUT_FLEISS));
    const at99 = estimated(oneWayIcc(SHROUT_FLEISS, 0.99));
    expect(at90.single.icc).toBe(at95.single.icc);
    expect(at99.single.lower).toBeLessThan(at95.single.lower);
    expect(at95.single.lower).toBeLessThan(at90.single.lower);
    expect(at90.single.upper).toBeLessThan(at95.single.upper);
    expect(at95.single.upper).toBeLessThan(at99.single.upper);
  });
});

/** Panels' mean ratings on 1–5, as fractions of small integers (a mean of 1 to 6 ratings), panels of 2 to 5. */
const meanRating = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 24 }))
  .map(([count, extra]) => (count + Math.min(extra, 4 * count)) / count);
const panels = fc.array(fc.array(meanRating, { minLength: 2, maxLength: 5 }), { minLength: 2, maxLength: 10 });
/** Panels whose ICC is defined: within-panel readings vary somewhere. */
const variedPanels = panels.filter((groups) => groups.some((g) => g.some((x) => x !== g[0])));

function permutation<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: items.length, maxLength: items.length }).map((keys) =>
    items
      .map((item, i) => ({ item, key: keys[i]! }))
      .sort((a, b) => a.key - b.key)
      .map(({ item }) => item),
  );
}

describe("oneWayIcc: properties", () => {
  it("adding a constant to every value changes nothing", () => {
    fc.assert(
      fc.property(variedPanels, fc.integer({ min: -10, max: 10 }), (groups, shift) => {
        const before = estimated(oneWayIcc(groups));
        const after = estimated(oneWayIcc(groups.map((g) => g.map((x) => x + shift))));
        expectIccClose(after, before, 1e-9);
      }),
    );
  });

  it("multiplying every value by a positive constant changes nothing", () => {
    fc.assert(
      fc.property(variedPanels, fc.constantFrom(0.25, 0.5, 2, 3, 25, 100), (groups, factor) => {
        const before = estimated(oneWayIcc(groups));
        const after = estimated(oneWayIcc(groups.map((g) => g.map((x) => x * factor))));
        expectIccClose(after, before, 1e-9);
      }),
    );
  });

  it("the order of the groups does not matter", () => {
    fc.assert(
      fc.property(
        variedPanels.chain((groups) => fc.tuple(fc.constant(groups), permutation(groups))),
        ([groups, shuffled]) => {
          expectIccClose(estimated(oneWayIcc(shuffled)), estimated(oneWayIcc(groups)), 1e-9);
        },
      ),
    );
  });

  it("the order of the values within a group does not matter", () => {
    fc.assert(
      fc.property(
        variedPanels.chain((groups) => fc.tuple(fc.constant(groups), fc.tuple(...groups.map((g) => permutation(g))))),
        ([groups, shuffled]) => {
          expectIccClose(estimated(oneWayIcc(shuffled)), estimated(oneWayIcc(groups)), 1e-9);
        },
      ),
    );
  });

  it("perfect agreement within every panel, panels differing, gives 1", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.tuple(meanRating, fc.integer({ min: 2, max: 5 })), { minLength: 2, maxLength: 10 })
          .filter((panels) => panels.some(([value]) => value !== panels[0]![0])),
        (panels) => {
          const result = estimated(oneWayIcc(panels.map(([value, size]) => Array.from({ length: size }, () => value))));
          expect(result.single).toEqual({ icc: 1, lower: 1, upper: 1 });
          expect(result.average).toEqual({ icc: 1, lower: 1, upper: 1 });
        },
      ),
    );
  });

  it("the estimate lies within its interval, ICC(1) never above 1, and the average at least the single when positive", () => {
    fc.assert(
      fc.property(variedPanels, (groups) => {
        const { single, average } = estimated(oneWayIcc(groups));
        for (const e of [single, average]) {
          expect(e.lower).toBeLessThanOrEqual(e.icc + 1e-12);
          expect(e.icc).toBeLessThanOrEqual(e.upper + 1e-12);
          expect(e.upper).toBeLessThanOrEqual(1);
        }
        if (single.icc > 0) expect(average.icc).toBeGreaterThanOrEqual(single.icc - 1e-12);
      }),
    );
  });
});

describe("reliabilityBand: Koo & Li (2016)", () => {
  it("below 0.5 poor, 0.5 to below 0.75 moderate, 0.75 to 0.9 good, above 0.9 excellent", () => {
    const cases: [number, string][] = [
      [-0.3, "poor"],
      [0, "poor"],
      [0.4999, "poor"],
      [0.5, "moderate"],
      [0.7499, "moderate"],
      [0.75, "good"],
      [0.9, "good"],
      [0.9001, "excellent"],
      [1, "excellent"],
    ];
    expect(cases.map(([icc]) => [icc, reliabilityBand(icc)])).toEqual(cases);
  });
});

/** `count` groups of panels that agree well but not perfectly. */
function agreeingPanels(count: number): number[][] {
  return Array.from({ length: count }, (_, i) => [1 + (i % 5), 1.5 + (i % 5), 1 + (i % 5)]);
}

describe("traitReliability", () => {
  it(`needs ${MIN_ASSESSMENTS_FOR_RELIABILITY} assessments with 2 ratings or more: 4 give no figure, 5 do`, () => {
    expect(MIN_ASSESSMENTS_FOR_RELIABILITY).toBe(5);
    expect(traitReliability(agreeingPanels(4))).toEqual({ status: "not_enough_data", assessments: 4 });
    const five = traitReliability(agreeingPanels(5));
    expect(five.status).toBe("estimated");
    if (five.status !== "estimated") return;
    expect(five.estimate).toEqual(oneWayIcc(agreeingPanels(5)));
    expect(five.band).toBe(reliabilityBand(five.estimate.single.icc));
    expect(five.band).toBe("excellent");
  });

  it("counts only assessments with 2 ratings or more", () => {
    expect(traitReliability([...agreeingPanels(4), [3], [4], [5]])).toEqual({ status: "not_enough_data", assessments: 4 });
    expect(traitReliability([])).toEqual({ status: "not_enough_data", assessments: 0 });
  });

  it("says no_variation when every reading is the same", () => {
    expect(traitReliability(Array.from({ length: 6 }, () => [4, 4]))).toEqual({ status: "no_variation", assessments: 6 });
  });

  it("reads the band from ICC(1), not ICC(1,k)", () => {
    // Unequal panels of tests/unit/fixtures/icc-reference.json: ICC(1) .845 is good; ICC(1,k) .942 would be excellent.
    const result = traitReliability([
      [3.5, 4, 3],
      [2, 2.5],
      [13 / 3, 4, 5, 4.5],
      [1.5, 2, 7 / 3],
      [3, 3.5, 4],
      [5, 4.5],
      [2.5, 3, 11 / 4, 2],
    ]);
    expect(result.status).toBe("estimated");
    if (result.status !== "estimated") return;
    expect(result.estimate.average.icc).toBeGreaterThan(0.9);
    expect(result.band).toBe("good");
  });
});
