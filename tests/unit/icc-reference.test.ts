import { describe, expect, it } from "vitest";
import { oneWayIcc, type IccEstimate } from "~/domain/agreement";
import reference from "./fixtures/icc-reference.json";

/**
 * oneWayIcc against an independent implementation (numpy + scipy, from the
 * one-way ANOVA by hand): tests/unit/fixtures/icc-reference.py wrote the
 * fixture; its header says how to write it again. The domain's own tests are
 * in app/domain/agreement.test.ts (app/domain may not import from tests/).
 */

function expectEstimateClose(actual: IccEstimate, expected: IccEstimate) {
  expect(Math.abs(actual.icc - expected.icc)).toBeLessThanOrEqual(1e-9);
  expect(Math.abs(actual.lower - expected.lower)).toBeLessThanOrEqual(1e-9);
  expect(Math.abs(actual.upper - expected.upper)).toBeLessThanOrEqual(1e-9);
}

describe("oneWayIcc agrees with numpy + scipy", () => {
  it("on the cases the fixture promises", () => {
    expect(reference.cases.map((c) => [c.name, c.confidence])).toEqual([
      ["Shrout & Fleiss 1979: 6 targets x 4 judges", 0.95],
      ["unequal panels of 2 to 4, good agreement", 0.95],
      ["unequal panels of 2 to 4, little agreement", 0.95],
      ["twelve unequal panels", 0.95],
      ["a group of one value is left out", 0.95],
      ["90 % confidence, unequal panels", 0.9],
      ["90 % confidence, Shrout & Fleiss", 0.9],
      ["raters disagree more within panels than panels differ: negative ICC", 0.95],
    ]);
    expect(reference.cases[4]!.groups.some((g) => g.length === 1)).toBe(true);
    expect(reference.cases.at(-1)!.expected.single.icc).toBeLessThan(0);
  });

  it.each(reference.cases)("$name: n, k0, ICC(1), ICC(1,k) and their intervals to 1e-9", ({ groups, confidence, expected }) => {
    const result = oneWayIcc(groups, confidence);
    if (result === null) throw new Error("expected an ICC, got null");
    expect(result.n).toBe(expected.n);
    expect(Math.abs(result.k0 - expected.k0)).toBeLessThanOrEqual(1e-9);
    expectEstimateClose(result.single, expected.single);
    expectEstimateClose(result.average, expected.average);
  });
});
