import { describe, expect, it } from "vitest";
import { panelResult, traitsFlaggedForCalibration, type SubmittedScorecard } from "./panel";
import type { TraitKey } from "./traits";

const BANDS = {
  openness: { low: 65, high: 85, weight: 2 },
  conscientiousness: { low: 75, high: 95, weight: 3 },
  extraversion: { low: 40, high: 60, weight: 1 },
  agreeableness: { low: 55, high: 75, weight: 2 },
  emotional_stability: { low: 65, high: 85, weight: 2 },
  relational_engagement: { low: 55, high: 75, weight: 1 },
};

const inKit = new Set<TraitKey>(["openness", "conscientiousness", "emotional_stability", "agreeableness", "relational_engagement"]);

describe("panel result", () => {
  it("one interviewer with many ratings does not outweigh another (hand-worked)", () => {
    // A rates conscientiousness 5, 5, 5 (mean points 100); B rates it 1 once (mean points 0).
    const a: SubmittedScorecard = {
      interviewerId: "a",
      recommendation: "strong_yes",
      ratings: [1, 2, 3].map((questionId) => ({ questionId, trait: "conscientiousness" as const, rating: 5 as const })),
    };
    const b: SubmittedScorecard = {
      interviewerId: "b",
      recommendation: "no",
      ratings: [{ questionId: 1, trait: "conscientiousness", rating: 1 }],
    };
    const result = panelResult({ scorecards: [a, b], traitsInKit: inKit, idealProfile: BANDS });
    const c = result.traits.conscientiousness;
    expect(c.status).toBe("assessed");
    if (c.status !== "assessed") return;
    expect(c.score).toBe(50); // (100 + 0) / 2, not (100·3 + 0) / 4 = 75
    expect(c.evidence).toBe(4);
    expect(c.spread).toBe(4);
    expect(c.needsCalibration).toBe(true);
    expect(result.recommendations).toEqual({ strong_no: 0, no: 1, yes: 0, strong_yes: 1 });
    expect(result.evidence).toBe(4);
  });

  it("a trait the kit never evaluates says so; one it evaluates but nobody rated is not assessed, never 0", () => {
    const result = panelResult({
      scorecards: [{ interviewerId: "a", recommendation: "yes", ratings: [{ questionId: 1, trait: "openness", rating: 4 }] }],
      traitsInKit: inKit,
      idealProfile: BANDS,
    });
    expect(result.traits.extraversion).toEqual({ status: "not_in_kit", evidence: 0 });
    expect(result.traits.agreeableness).toEqual({ status: "not_assessed", evidence: 0 });
    expect(result.scores).toEqual({ openness: 75 });
    // Only openness counts: 75 is inside 65..85, so fit 100 with coverage 2 / 11.
    expect(result.fit?.fit).toBe(100);
    expect(result.fit?.coverage).toBeCloseTo(2 / 11, 10);
  });

  it("has no fit without an ideal profile, and no fit (not 0) with no rating", () => {
    expect(panelResult({ scorecards: [], traitsInKit: inKit, idealProfile: null }).fit).toBeNull();
    const empty = panelResult({ scorecards: [], traitsInKit: inKit, idealProfile: BANDS });
    expect(empty.fit?.fit).toBeNull();
    expect(empty.fit?.coverage).toBe(0);
    expect(empty.submittedCount).toBe(0);
  });

  it("matches docs/product.md's second vector when ratings give those scores", () => {
    // Scores O50 C100 E25 A50 S75 R75 from ratings 3, 5, 2, 3, 4, 4 → fit 86.58.
    const ratings = [
      { questionId: 1, trait: "openness" as const, rating: 3 as const },
      { questionId: 1, trait: "conscientiousness" as const, rating: 5 as const },
      { questionId: 2, trait: "extraversion" as const, rating: 2 as const },
      { questionId: 2, trait: "agreeableness" as const, rating: 3 as const },
      { questionId: 3, trait: "emotional_stability" as const, rating: 4 as const },
      { questionId: 3, trait: "relational_engagement" as const, rating: 4 as const },
    ];
    const result = panelResult({
      scorecards: [{ interviewerId: "a", recommendation: "yes", ratings }],
      traitsInKit: new Set(ratings.map((r) => r.trait)),
      idealProfile: BANDS,
    });
    expect(result.fit?.fit).toBeCloseTo(86.58, 2);
    expect(result.fit?.coverage).toBe(1);
  });
});

describe("traits flagged for calibration", () => {
  it("lists the assessed traits read 2 or more points apart, in the traits' order, never one nobody rated", () => {
    const card = (interviewerId: string, ratings: [TraitKey, 1 | 2 | 3 | 4 | 5][]): SubmittedScorecard => ({
      interviewerId,
      recommendation: "yes",
      ratings: ratings.map(([trait, rating], i) => ({ questionId: i + 1, trait, rating })),
    });
    const result = panelResult({
      scorecards: [
        card("a", [
          ["emotional_stability", 5],
          ["openness", 1],
          ["conscientiousness", 3],
        ]),
        card("b", [
          ["emotional_stability", 3],
          ["openness", 3],
          ["conscientiousness", 4],
        ]),
      ],
      traitsInKit: inKit,
      idealProfile: BANDS,
    });
    expect(traitsFlaggedForCalibration(result.traits)).toEqual(["openness", "emotional_stability"]);
    expect(traitsFlaggedForCalibration(panelResult({ scorecards: [], traitsInKit: inKit, idealProfile: BANDS }).traits)).toEqual([]);
  });
});
