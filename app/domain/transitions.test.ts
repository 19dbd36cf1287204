import { describe, it, expect } from "vitest";
import { areasToDevelop, parseTraitDelta, shiftedProfile, transitionFit, type Transition } from "./transitions";
import type { IdealProfile, TraitKey } from "./traits";

/** Plausible MLOps Engineer bands (the same as docs/product.md's second fit vector). */
const MLOPS: IdealProfile = {
  openness: { low: 65, high: 85, weight: 2 },
  conscientiousness: { low: 75, high: 95, weight: 3 },
  extraversion: { low: 40, high: 60, weight: 1 },
  agreeableness: { low: 55, high: 75, weight: 2 },
  emotional_stability: { low: 65, high: 85, weight: 2 },
  relational_engagement: { low: 55, high: 75, weight: 1 },
};

/** As published in the MLOps Engineer document. */
const AI_RESEARCHER: Transition = {
  target: "AI Researcher",
  publishedFit: 62,
  deltas: { openness: 15, conscientiousness: 8 },
};

const CANDIDATE: Partial<Record<TraitKey, number>> = {
  openness: 75,
  conscientiousness: 50,
  extraversion: 50,
  agreeableness: 80,
  emotional_stability: 70,
};

describe("shiftedProfile", () => {
  it("shifts both ends of a band by the delta and keeps the weight", () => {
    const shifted = shiftedProfile(MLOPS, { openness: 15 });
    expect(shifted.openness).toEqual({ low: 80, high: 100, weight: 2 });
  });

  it("clamps shifted ends to 0..100", () => {
    const shifted = shiftedProfile(MLOPS, { conscientiousness: 8, extraversion: -50 });
    expect(shifted.conscientiousness).toEqual({ low: 83, high: 100, weight: 3 });
    expect(shifted.extraversion).toEqual({ low: 0, high: 10, weight: 1 });
  });

  it("leaves traits without a delta as they were and does not touch the source", () => {
    const before = structuredClone(MLOPS);
    const shifted = shiftedProfile(MLOPS, { openness: 15 });
    expect(shifted.agreeableness).toEqual(MLOPS.agreeableness);
    expect(MLOPS).toEqual(before);
  });
});

describe("transitionFit", () => {
  it("without the target role in the library, uses the source bands shifted by the deltas and says so", () => {
    const { basis, profile, fit } = transitionFit(CANDIDATE, MLOPS, AI_RESEARCHER, null);
    expect(basis).toBe("shifted_source");
    expect(profile.openness).toEqual({ low: 80, high: 100, weight: 2 });
    expect(profile.conscientiousness).toEqual({ low: 83, high: 100, weight: 3 });
    // By hand against O 80..100, C 83..100, E 40..60, A 55..75, S 65..85 (R not assessed):
    // gaps O 5, C 33, E 0, A 5, S 0; largest gaps O 80, C 83, E 40, A 55, S 65.
    const numerator = 2 * 5 ** 2 + 3 * 33 ** 2 + 2 * 5 ** 2; // 3367
    const denominator = 2 * 80 ** 2 + 3 * 83 ** 2 + 1 * 40 ** 2 + 2 * 55 ** 2 + 2 * 65 ** 2; // 49567
    expect(fit.fit).toBeCloseTo(100 * (1 - Math.sqrt(numerator / denominator)), 10);
    expect(fit.fit).toBeCloseTo(73.94, 2);
    expect(fit.coverage).toBeCloseTo(10 / 11, 12);
  });

  it("with the target role's ideal profile in the library, uses it and ignores the deltas", () => {
    const researcher: IdealProfile = {
      openness: { low: 80, high: 100, weight: 3 },
      conscientiousness: { low: 50, high: 70, weight: 2 },
      extraversion: { low: 0, high: 100, weight: 1 },
      agreeableness: { low: 0, high: 100, weight: 1 },
      emotional_stability: { low: 0, high: 100, weight: 1 },
      relational_engagement: { low: 0, high: 100, weight: 1 },
    };
    const { basis, profile, fit } = transitionFit(CANDIDATE, MLOPS, AI_RESEARCHER, researcher);
    expect(basis).toBe("target_profile");
    expect(profile).toBe(researcher);
    // only O and C have bands: gaps O 5 (G 80), C 0 (G 50)
    expect(fit.fit).toBeCloseTo(100 * (1 - Math.sqrt(3 * 25) / Math.sqrt(3 * 6400 + 2 * 2500)), 10);
    expect(fit.coverage).toBe(1);
  });

  it("never changes the published fit, which is data of the role profile", () => {
    transitionFit(CANDIDATE, MLOPS, AI_RESEARCHER, null);
    expect(AI_RESEARCHER.publishedFit).toBe(62);
  });
});

describe("areasToDevelop", () => {
  it("lists the traits below their band, largest weighted gap first", () => {
    const scores = {
      openness: 50, // 15 below 65, weight 2 → 30
      conscientiousness: 100, // above the band: not an area to develop
      extraversion: 25, // 15 below 40, weight 1 → 15
      agreeableness: 50, // 5 below 55, weight 2 → 10
      emotional_stability: 75, // inside
      relational_engagement: 55, // on the low edge: inside
    };
    expect(areasToDevelop(scores, MLOPS)).toEqual([
      { trait: "openness", score: 50, low: 65, weight: 2, gap: 15, weightedGap: 30 },
      { trait: "extraversion", score: 25, low: 40, weight: 1, gap: 15, weightedGap: 15 },
      { trait: "agreeableness", score: 50, low: 55, weight: 2, gap: 5, weightedGap: 10 },
    ]);
  });

  it("orders by weighted gap, not by raw gap", () => {
    // C: 10 below × 3 = 30 beats E: 20 below × 1 = 20
    const areas = areasToDevelop({ extraversion: 20, conscientiousness: 65 }, MLOPS);
    expect(areas.map((a) => a.trait)).toEqual(["conscientiousness", "extraversion"]);
  });

  it("breaks ties by trait order", () => {
    // A: 5 below × 2 = 10; O: 5 below × 2 = 10; E: 10 below × 1 = 10
    const areas = areasToDevelop({ agreeableness: 50, extraversion: 30, openness: 60 }, MLOPS);
    expect(areas.map((a) => a.trait)).toEqual(["openness", "extraversion", "agreeableness"]);
  });

  it("leaves out traits not assessed instead of counting them as 0", () => {
    expect(areasToDevelop({}, MLOPS)).toEqual([]);
    expect(areasToDevelop({ openness: Number.NaN }, MLOPS)).toEqual([]);
  });

  it("uses the target band of a transition", () => {
    const target = shiftedProfile(MLOPS, AI_RESEARCHER.deltas);
    const areas = areasToDevelop(CANDIDATE, target);
    // C 83 − 50 = 33 × 3 = 99; O 80 − 75 = 5 × 2 = 10
    expect(areas).toEqual([
      { trait: "conscientiousness", score: 50, low: 83, weight: 3, gap: 33, weightedGap: 99 },
      { trait: "openness", score: 75, low: 80, weight: 2, gap: 5, weightedGap: 10 },
    ]);
  });
});

describe("parseTraitDelta", () => {
  it("reads the 'Áreas a desarrollar' lines of the MLOps Engineer document", () => {
    expect(parseTraitDelta("- Apertura +15")).toEqual({ trait: "openness", delta: 15 });
    expect(parseTraitDelta("- Responsabilidad +8")).toEqual({ trait: "conscientiousness", delta: 8 });
    expect(parseTraitDelta("- Engagement Relacional +10")).toEqual({
      trait: "relational_engagement",
      delta: 10,
    });
    expect(parseTraitDelta("Extraversión +20")).toEqual({ trait: "extraversion", delta: 20 });
  });

  it("reads negative deltas, with a hyphen or a minus sign", () => {
    expect(parseTraitDelta("Amabilidad -5")).toEqual({ trait: "agreeableness", delta: -5 });
    expect(parseTraitDelta("Amabilidad −5")).toEqual({ trait: "agreeableness", delta: -5 });
  });

  it("rejects lines that are not a trait with a signed number", () => {
    expect(parseTraitDelta("- Versionado de datos")).toBeUndefined();
    expect(parseTraitDelta("Curiosidad +15")).toBeUndefined();
    expect(parseTraitDelta("Apertura")).toBeUndefined();
  });
});
