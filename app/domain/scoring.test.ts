import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  CALIBRATION_SPREAD,
  RATING_MAX,
  RATING_MIN,
  RATINGS,
  RECOMMENDATIONS,
  aggregateTraits,
  isRating,
  isRecommendation,
  meansNeedCalibration,
  ratingToPoints,
  tallyRecommendations,
  traitScores,
  type Rating,
  type TraitAggregate,
  type TraitRating,
} from "./scoring";
import { TRAIT_KEYS, type TraitKey } from "./traits";

function ratingsBy(interviewerId: string, trait: TraitKey, ratings: readonly Rating[]): TraitRating[] {
  return ratings.map((rating) => ({ interviewerId, trait, rating }));
}

function assessed(aggregate: TraitAggregate): Extract<TraitAggregate, { status: "assessed" }> {
  if (aggregate.status !== "assessed") throw new Error("expected an assessed trait");
  return aggregate;
}

describe("a rating is a whole number from 1 to 5", () => {
  it("are the integers RATING_MIN to RATING_MAX, 1 to 5", () => {
    expect([RATING_MIN, RATING_MAX]).toEqual([1, 5]);
    expect(RATINGS).toEqual([1, 2, 3, 4, 5]);
    expect([0, 1, 3, 5, 6, 2.5, Number.NaN].map(isRating)).toEqual([false, true, true, true, false, false, false]);
  });

  it("turn into points as (r − 1) × 25, from 0 to 100", () => {
    expect(RATINGS.map(ratingToPoints)).toEqual([0, 25, 50, 75, 100]);
  });
});

describe("aggregateTraits", () => {
  it("a trait without ratings is not assessed, not 0", () => {
    const agg = aggregateTraits(ratingsBy("ana", "openness", [3]));
    expect(agg.conscientiousness).toEqual({ status: "not_assessed", evidence: 0 });
    expect(traitScores(agg)).toEqual({ openness: 50 });
    expect("conscientiousness" in traitScores(agg)).toBe(false);
  });

  it("no ratings at all leave every trait not assessed", () => {
    const agg = aggregateTraits([]);
    for (const trait of TRAIT_KEYS) expect(agg[trait].status).toBe("not_assessed");
    expect(traitScores(agg)).toEqual({});
  });

  it("one interviewer with many ratings does not outweigh another", () => {
    const agg = aggregateTraits([...ratingsBy("verbose", "openness", [5, 5, 5, 5]), ...ratingsBy("terse", "openness", [1])]);
    const openness = assessed(agg.openness);
    // per interviewer: 100 and 0; mean over interviewers: 50 (a mean over ratings would say 80)
    expect(openness.score).toBe(50);
    expect(openness.evidence).toBe(5);
    expect(openness.interviewers).toEqual([
      { interviewerId: "verbose", meanRating: 5, meanPoints: 100, count: 4 },
      { interviewerId: "terse", meanRating: 1, meanPoints: 0, count: 1 },
    ]);
  });

  it("keeps the score unrounded", () => {
    const agg = aggregateTraits([...ratingsBy("ana", "agreeableness", [4, 4, 3]), ...ratingsBy("bo", "agreeableness", [4])]);
    // ana: (75 + 75 + 50) / 3 = 66.666…; bo: 75; mean = 70.833…
    expect(assessed(agg.agreeableness).score).toBeCloseTo((200 / 3 + 75) / 2, 10);
  });

  it("a single interviewer has a spread of 0 and is never flagged", () => {
    const agg = aggregateTraits(ratingsBy("ana", "extraversion", [1, 5]));
    const extraversion = assessed(agg.extraversion);
    expect(extraversion.spread).toBe(0);
    expect(extraversion.needsCalibration).toBe(false);
  });

  it("a spread of 2 rating units between interviewers' means flags the trait for calibration", () => {
    const agg = aggregateTraits([
      ...ratingsBy("ana", "conscientiousness", [2, 2]),
      ...ratingsBy("bo", "conscientiousness", [3]),
      ...ratingsBy("cy", "conscientiousness", [4, 4]),
    ]);
    const conscientiousness = assessed(agg.conscientiousness);
    expect(CALIBRATION_SPREAD).toBe(2);
    expect(conscientiousness.spread).toBe(2);
    expect(conscientiousness.needsCalibration).toBe(true);
  });

  it("a spread under 2 does not flag the trait", () => {
    const agg = aggregateTraits([...ratingsBy("ana", "conscientiousness", [2, 3]), ...ratingsBy("bo", "conscientiousness", [4])]);
    const conscientiousness = assessed(agg.conscientiousness);
    expect(conscientiousness.spread).toBe(1.5);
    expect(conscientiousness.needsCalibration).toBe(false);
  });

  it("a disagreement of exactly 2 is flagged even where floating point computes 1.9999999999999998", () => {
    // means 11/3 and 5/3: exactly 2 apart, but 11/3 − 5/3 in doubles is just under 2
    expect(11 / 3 - 5 / 3).toBeLessThan(2);
    const agg = aggregateTraits([
      ...ratingsBy("ana", "emotional_stability", [4, 4, 3]),
      ...ratingsBy("bo", "emotional_stability", [2, 2, 1]),
    ]);
    expect(assessed(agg.emotional_stability).needsCalibration).toBe(true);
  });

  it("judges interviewers' rating totals (the ranking's input) by the same rule as their ratings", () => {
    expect(
      meansNeedCalibration([
        { ratingSum: 11, count: 3 },
        { ratingSum: 5, count: 3 },
      ]),
    ).toBe(true);
    expect(
      meansNeedCalibration([
        { ratingSum: 5, count: 2 },
        { ratingSum: 4, count: 1 },
      ]),
    ).toBe(false);
    expect(meansNeedCalibration([{ ratingSum: 5, count: 1 }])).toBe(false);
    expect(meansNeedCalibration([])).toBe(false);
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...RATINGS), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (byInterviewer) => {
          const ratings = byInterviewer.flatMap((list, i) => ratingsBy(`i${i}`, "openness", list));
          const totals = byInterviewer.map((list) => ({ ratingSum: list.reduce((sum, r) => sum + r, 0), count: list.length }));
          expect(meansNeedCalibration(totals)).toBe(assessed(aggregateTraits(ratings).openness).needsCalibration);
        },
      ),
    );
  });

  it("keeps traits apart: a rating of one trait never moves another", () => {
    const agg = aggregateTraits([...ratingsBy("ana", "openness", [5]), ...ratingsBy("ana", "relational_engagement", [1, 2])]);
    expect(traitScores(agg)).toEqual({ openness: 100, relational_engagement: 12.5 });
    expect(assessed(agg.relational_engagement).evidence).toBe(2);
  });

  const traitRatingArb = fc.record({
    interviewerId: fc.constantFrom("ana", "bo", "cy", "dee"),
    trait: fc.constantFrom(...TRAIT_KEYS),
    rating: fc.constantFrom(...RATINGS),
  });

  it("scores stay within 0..100 and evidence counts every rating", () => {
    fc.assert(
      fc.property(fc.array(traitRatingArb, { maxLength: 60 }), (ratings) => {
        const agg = aggregateTraits(ratings);
        for (const trait of TRAIT_KEYS) {
          const aggregate = agg[trait];
          const count = ratings.filter((r) => r.trait === trait).length;
          expect(aggregate.evidence).toBe(count);
          if (aggregate.status === "assessed") {
            expect(aggregate.score).toBeGreaterThanOrEqual(0);
            expect(aggregate.score).toBeLessThanOrEqual(100);
            expect(aggregate.spread).toBeGreaterThanOrEqual(0);
            expect(aggregate.spread).toBeLessThanOrEqual(4);
          }
        }
      }),
    );
  });

  it("the score is the mean of interviewers' means, whatever the order of ratings", () => {
    fc.assert(
      fc.property(
        fc
          .array(traitRatingArb, { maxLength: 60 })
          .chain((ratings) => fc.tuple(fc.constant(ratings), fc.shuffledSubarray(ratings, { minLength: ratings.length }))),
        ([ratings, shuffled]) => {
          const scores = traitScores(aggregateTraits(ratings));
          const reordered = traitScores(aggregateTraits(shuffled));
          for (const trait of TRAIT_KEYS) {
            // independent recomputation: group by interviewer, average points, average again
            const byInterviewer = new Map<string, number[]>();
            for (const r of ratings) {
              if (r.trait !== trait) continue;
              byInterviewer.set(r.interviewerId, [...(byInterviewer.get(r.interviewerId) ?? []), (r.rating - 1) * 25]);
            }
            const means = [...byInterviewer.values()].map((points) => points.reduce((a, b) => a + b, 0) / points.length);
            if (means.length === 0) {
              expect(scores[trait]).toBeUndefined();
            } else {
              const expected = means.reduce((a, b) => a + b, 0) / means.length;
              expect(scores[trait]).toBeCloseTo(expected, 9);
              expect(reordered[trait]).toBeCloseTo(expected, 9);
            }
          }
        },
      ),
    );
  });
});

describe("recommendations", () => {
  it("go from strong no to strong yes", () => {
    expect(RECOMMENDATIONS).toEqual(["strong_no", "no", "yes", "strong_yes"]);
    expect(isRecommendation("yes")).toBe(true);
    expect(isRecommendation("maybe")).toBe(false);
  });

  it("are tallied with a zero for each recommendation nobody gave", () => {
    expect(tallyRecommendations(["yes", "strong_yes", "yes"])).toEqual({
      strong_no: 0,
      no: 0,
      yes: 2,
      strong_yes: 1,
    });
    expect(tallyRecommendations([])).toEqual({ strong_no: 0, no: 0, yes: 0, strong_yes: 0 });
  });
});
