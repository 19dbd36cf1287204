import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { computeFit, type FitBand, type FitProfile } from "./fit";
import { TRAIT_KEYS, traitRecord, type TraitKey } from "./traits";

type Scores = Partial<Record<TraitKey, number>>;

const uniform = (band: FitBand): FitProfile => traitRecord(() => ({ ...band }));
const everyTrait = (score: number): Scores => traitRecord(() => score);

/** The MLOps-like profile of docs/product.md's second test vector. */
const VECTOR_PROFILE: FitProfile = {
  openness: { low: 65, high: 85, weight: 2 },
  conscientiousness: { low: 75, high: 95, weight: 3 },
  extraversion: { low: 40, high: 60, weight: 1 },
  agreeableness: { low: 55, high: 75, weight: 2 },
  emotional_stability: { low: 65, high: 85, weight: 2 },
  relational_engagement: { low: 55, high: 75, weight: 1 },
};

const NO_BAND: FitBand = { low: 0, high: 100, weight: 2 };

describe("computeFit — docs/product.md test vectors", () => {
  const band60to80 = uniform({ low: 60, high: 80, weight: 1 });

  it("all scores inside 60..80 fit 100", () => {
    expect(computeFit(everyTrait(70), band60to80).fit).toBe(100);
  });

  it("all scores 20 below 60..80 fit 66.67", () => {
    // g = 20 and G = max(60, 20) = 60 for each trait: 100 × (1 − √(6·20²)/√(6·60²)) = 100 × (1 − 1/3)
    expect(100 * (1 - 20 / 60)).toBeCloseTo(66.67, 2);
    expect(computeFit(everyTrait(40), band60to80).fit).toBeCloseTo(66.67, 2);
  });

  it("all scores 0 against 60..80 are the worst possible fit, 0", () => {
    expect(computeFit(everyTrait(0), band60to80).fit).toBe(0);
  });

  it("all scores 100 against 60..80 fit 66.67: too much is as far as too little", () => {
    expect(computeFit(everyTrait(100), band60to80).fit).toBeCloseTo(66.67, 2);
  });

  it("O75 C50 E50 A80 S70 with R not assessed fits 78.44", () => {
    const result = computeFit(
      {
        openness: 75,
        conscientiousness: 50,
        extraversion: 50,
        agreeableness: 80,
        emotional_stability: 70,
      },
      VECTOR_PROFILE,
    );
    // By hand — gaps: O 0, C 75−50 = 25, E 0, A 80−75 = 5, S 0 (R left out).
    // Largest gaps: O max(65,15)=65, C max(75,5)=75, E max(40,40)=40, A max(55,25)=55, S 65.
    const numerator = 3 * 25 ** 2 + 2 * 5 ** 2; // 1925
    const denominator = 2 * 65 ** 2 + 3 * 75 ** 2 + 1 * 40 ** 2 + 2 * 55 ** 2 + 2 * 65 ** 2; // 41425
    const expected = 100 * (1 - Math.sqrt(numerator) / Math.sqrt(denominator));
    expect(expected).toBeCloseTo(78.44, 2);
    expect(result.fit).toBeCloseTo(expected, 10);
    expect(result.fit).toBeCloseTo(78.44, 2);
    expect(result.gaps).toEqual({
      openness: 0,
      conscientiousness: 25,
      extraversion: 0,
      agreeableness: 5,
      emotional_stability: 0,
    });
    expect(result.maxGaps).toEqual({
      openness: 65,
      conscientiousness: 75,
      extraversion: 40,
      agreeableness: 55,
      emotional_stability: 65,
    });
    expect(result.traitsNotAssessed).toEqual(["relational_engagement"]);
    // weights used 2+3+1+2+2 = 10 of 11
    expect(result.coverage).toBeCloseTo(10 / 11, 12);
    // Shown as a whole percent: 78%.
    expect(Math.round(result.fit ?? Number.NaN)).toBe(78);
  });

  it("O50 C100 E25 A50 S75 R75 fits 86.58", () => {
    const result = computeFit(
      {
        openness: 50,
        conscientiousness: 100,
        extraversion: 25,
        agreeableness: 50,
        emotional_stability: 75,
        relational_engagement: 75,
      },
      VECTOR_PROFILE,
    );
    // By hand — gaps: O 15, C 5 (above 95), E 15, A 5, S 0, R 0 (75 is the band's edge).
    const numerator = 2 * 15 ** 2 + 3 * 5 ** 2 + 1 * 15 ** 2 + 2 * 5 ** 2; // 800
    const denominator = 2 * 65 ** 2 + 3 * 75 ** 2 + 1 * 40 ** 2 + 2 * 55 ** 2 + 2 * 65 ** 2 + 1 * 55 ** 2; // 44450
    const expected = 100 * (1 - Math.sqrt(numerator / denominator));
    expect(expected).toBeCloseTo(86.58, 2);
    expect(result.fit).toBeCloseTo(expected, 10);
    expect(result.fit).toBeCloseTo(86.58, 2);
    expect(result.coverage).toBe(1);
    // Shown as a whole percent: 87%.
    expect(Math.round(result.fit ?? Number.NaN)).toBe(87);
  });
});

describe("computeFit — what counts", () => {
  it("with no trait assessed there is no fit, not 0", () => {
    const result = computeFit({}, VECTOR_PROFILE);
    expect(result.fit).toBeNull();
    expect(result.coverage).toBe(0);
    expect(result.traitsUsed).toEqual([]);
    expect(result.traitsNotAssessed).toEqual([...TRAIT_KEYS]);
  });

  it("a profile without any band gives no fit and coverage 0", () => {
    const result = computeFit(everyTrait(50), uniform(NO_BAND));
    expect(result.fit).toBeNull();
    expect(result.coverage).toBe(0);
    expect(result.traitsWithoutBand).toEqual([...TRAIT_KEYS]);
  });

  it("a [0, 100] band is no preference: the trait neither counts for fit nor for coverage", () => {
    const profile: FitProfile = { ...VECTOR_PROFILE, extraversion: NO_BAND };
    const scores: Scores = { openness: 50, extraversion: 0 };
    const result = computeFit(scores, profile);
    expect(result.traitsUsed).toEqual(["openness"]);
    expect(result.traitsWithoutBand).toEqual(["extraversion"]);
    expect(result.gaps).toEqual({ openness: 15 });
    // openness alone: 1 − 15/65; coverage 2 / (2+3+2+2+1)
    expect(result.fit).toBeCloseTo(100 * (1 - 15 / 65), 10);
    expect(result.coverage).toBeCloseTo(2 / 10, 12);
  });

  it("a non-finite score is treated as not assessed", () => {
    const result = computeFit({ openness: Number.NaN, conscientiousness: 80 }, VECTOR_PROFILE);
    expect(result.traitsUsed).toEqual(["conscientiousness"]);
    expect(result.traitsNotAssessed).toContain("openness");
    expect(result.fit).toBe(100);
  });

  it("a score outside 0..100 is clamped to the scale, so fit never goes below 0", () => {
    const profile = uniform({ low: 60, high: 80, weight: 1 });
    expect(computeFit(everyTrait(-40), profile).fit).toBe(0);
    expect(computeFit(everyTrait(250), profile).fit).toBeCloseTo(66.67, 2);
  });

  it("the largest possible gap is measured toward the farther end of the scale", () => {
    const profile = { ...uniform(NO_BAND), openness: { low: 10, high: 30, weight: 1 } };
    const result = computeFit({ openness: 100 }, profile);
    // G = max(10, 100 − 30) = 70; g = 70 → the worst fit
    expect(result.maxGaps.openness).toBe(70);
    expect(result.fit).toBe(0);
  });

  it("a band that almost spans the scale still gives a fit, not NaN", () => {
    // G = 5e-324 here, and G² underflows to 0: found by the property below.
    const profile = { ...uniform(NO_BAND), extraversion: { low: 5e-324, high: 100, weight: 1 } };
    expect(computeFit({ extraversion: 5e-324 }, profile).fit).toBe(100);
    expect(computeFit({ extraversion: 0 }, profile).fit).toBe(0);
    const twoTraits = { ...profile, openness: { low: 60, high: 80, weight: 1 } };
    expect(computeFit({ extraversion: 0, openness: 70 }, twoTraits).fit).toBe(100);
  });

  it("weights make a heavy trait's gap cost more", () => {
    const scores: Scores = { openness: 40, conscientiousness: 70 };
    const withWeights = (openness: number, conscientiousness: number): FitProfile => ({
      ...uniform(NO_BAND),
      openness: { low: 60, high: 80, weight: openness },
      conscientiousness: { low: 60, high: 80, weight: conscientiousness },
    });
    const light = computeFit(scores, withWeights(1, 3));
    const heavy = computeFit(scores, withWeights(3, 1));
    // light: 1 − √(1·400)/√(4·3600) = 1 − 20/120; heavy: 1 − √(3·400)/√(4·3600)
    expect(light.fit).toBeCloseTo(100 * (1 - 20 / 120), 10);
    expect(heavy.fit).toBeCloseTo(100 * (1 - Math.sqrt(1200) / 120), 10);
  });
});

// ---------------------------------------------------------------- properties

const scaleValue = fc.double({ min: 0, max: 100, noNaN: true });
const weightArb = fc.constantFrom(1, 2, 3);

const realBandArb: fc.Arbitrary<FitBand> = fc
  .tuple(scaleValue, scaleValue, weightArb)
  .map(([a, b, weight]) => ({ low: Math.min(a, b), high: Math.max(a, b), weight }));
const noBandArb: fc.Arbitrary<FitBand> = weightArb.map((weight) => ({ low: 0, high: 100, weight }));
// Mostly real bands, sometimes "no preference", so exclusion paths are exercised too.
const bandArb = fc.oneof({ weight: 5, arbitrary: realBandArb }, { weight: 1, arbitrary: noBandArb });
const profileArb: fc.Arbitrary<FitProfile> = fc.record(traitRecord(() => bandArb));
const scoresArb: fc.Arbitrary<Scores> = fc.record(
  traitRecord(() => scaleValue),
  {
    requiredKeys: [],
  },
);
const traitArb = fc.constantFrom(...TRAIT_KEYS);

describe("computeFit — properties", () => {
  it("fit is within 0..100 (or absent) for any profile and scores", () => {
    const anyScore = fc.oneof(scaleValue, fc.double());
    const anyScores: fc.Arbitrary<Scores> = fc.record(
      traitRecord(() => anyScore),
      {
        requiredKeys: [],
      },
    );
    fc.assert(
      fc.property(anyScores, profileArb, (scores, profile) => {
        const { fit, traitsUsed } = computeFit(scores, profile);
        if (traitsUsed.length === 0) {
          expect(fit).toBeNull();
        } else {
          expect(fit).not.toBeNull();
          expect(fit).toBeGreaterThanOrEqual(0);
          expect(fit).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it("fit is exactly 100 when every assessed trait is inside its band", () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    const positionsArb = fc.record(
      traitRecord(() => unit),
      { requiredKeys: [] },
    );
    const insideArb = fc.tuple(profileArb, positionsArb).map(([profile, positions]) => {
      const scores: Scores = {};
      for (const trait of TRAIT_KEYS) {
        const t = positions[trait];
        if (t === undefined) continue;
        const { low, high } = profile[trait];
        scores[trait] = Math.min(high, Math.max(low, low + t * (high - low)));
      }
      return { profile, scores };
    });
    fc.assert(
      fc.property(insideArb, ({ profile, scores }) => {
        const { fit, traitsUsed } = computeFit(scores, profile);
        expect(fit).toBe(traitsUsed.length === 0 ? null : 100);
      }),
    );
  });

  it("fit never gets better when a score moves away from its band", () => {
    fc.assert(
      fc.property(profileArb, scoresArb, traitArb, scaleValue, scaleValue, (profile, scores, trait, start, distance) => {
        const { low, high } = profile[trait];
        const away = start < (low + high) / 2 ? -1 : 1;
        const moved = Math.min(100, Math.max(0, start + away * distance));
        const before = computeFit({ ...scores, [trait]: start }, profile);
        const after = computeFit({ ...scores, [trait]: moved }, profile);
        if (before.fit === null) {
          expect(after.fit).toBeNull();
        } else {
          expect(after.fit).not.toBeNull();
          expect(after.fit).toBeLessThanOrEqual(before.fit);
        }
      }),
    );
  });

  it("leaving a trait out never changes the other traits' gaps", () => {
    fc.assert(
      fc.property(profileArb, scoresArb, traitArb, (profile, scores, dropped) => {
        const all = computeFit(scores, profile);
        const { [dropped]: _ignored, ...rest } = scores;
        const without = computeFit(rest, profile);
        expect(without.traitsUsed).toEqual(all.traitsUsed.filter((t) => t !== dropped));
        for (const trait of without.traitsUsed) {
          expect(without.gaps[trait]).toBe(all.gaps[trait]);
        }
        expect(without.gaps[dropped]).toBeUndefined();
      }),
    );
  });

  it("coverage is within 0..1, and 1 exactly when every banded trait is assessed", () => {
    fc.assert(
      fc.property(profileArb, scoresArb, (profile, scores) => {
        const { coverage, traitsUsed, traitsNotAssessed } = computeFit(scores, profile);
        expect(coverage).toBeGreaterThanOrEqual(0);
        expect(coverage).toBeLessThanOrEqual(1);
        if (traitsUsed.length === 0) expect(coverage).toBe(0);
        if (traitsUsed.length > 0 && traitsNotAssessed.length === 0) expect(coverage).toBe(1);
        if (traitsNotAssessed.length > 0) expect(coverage).toBeLessThan(1);
      }),
    );
  });

  it("agrees with a direct reading of the docs/product.md formula", () => {
    fc.assert(
      fc.property(profileArb, scoresArb, (profile, scores) => {
        const terms = TRAIT_KEYS.flatMap((trait) => {
          const c = scores[trait];
          const { low, high, weight } = profile[trait];
          if (c === undefined || (low === 0 && high === 100)) return [];
          const g = Math.max(0, low - c, c - high);
          const G = Math.max(low, 100 - high);
          return [{ w: weight, g, G }];
        });
        const expected =
          terms.length === 0
            ? null
            : 100 *
              (1 - Math.sqrt(terms.reduce((s, t) => s + t.w * t.g ** 2, 0)) / Math.sqrt(terms.reduce((s, t) => s + t.w * t.G ** 2, 0)));
        // Read directly, a band within ~1e-162 of spanning the scale underflows to
        // 0/0; computeFit scales to avoid it, tested above.
        fc.pre(expected === null || Number.isFinite(expected));
        const { fit } = computeFit(scores, profile);
        if (expected === null) expect(fit).toBeNull();
        else expect(fit).toBeCloseTo(expected, 9);
      }),
    );
  });
});
