/**
 * From interviewers' ratings to trait scores, agreement flags and a tally of
 * recommendations. Raw ratings are the truth; everything here derives from them.
 * Source: docs/product.md, "Scoring".
 */
import { TRAIT_KEYS, TRAIT_SCALE, traitRecord, type TraitKey } from "./traits";

export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** One rating step on TRAIT_SCALE: (100 − 0) / (5 − 1) = 25. */
const POINTS_PER_RATING_STEP = (TRAIT_SCALE.max - TRAIT_SCALE.min) / (RATING_MAX - RATING_MIN);

/** Spread of interviewers' mean ratings (1–5 units) from which a trait needs calibration. */
export const CALIBRATION_SPREAD = 2;

export function isRating(n: number): n is Rating {
  return RATINGS.some((rating) => rating === n);
}

/**
 * points = (r − 1) × 25, so 1 → 0 and 5 → 100.
 * Source: docs/product.md, "Scoring".
 */
export function ratingToPoints(r: Rating): number {
  return TRAIT_SCALE.min + (r - RATING_MIN) * POINTS_PER_RATING_STEP;
}

export type TraitRating = { interviewerId: string; trait: TraitKey; rating: Rating };

export type InterviewerTraitMean = {
  interviewerId: string;
  meanRating: number;
  meanPoints: number;
  count: number;
};

export type TraitAggregate =
  | { status: "not_assessed"; evidence: 0 }
  | {
      status: "assessed";
      /** 0..100, unrounded; round only for display. */
      score: number;
      /** Number of ratings behind the score. */
      evidence: number;
      /** In order of each interviewer's first rating. */
      interviewers: InterviewerTraitMean[];
      /** max − min of interviewers' mean ratings, 1–5 units; 0 for one interviewer. */
      spread: number;
      needsCalibration: boolean;
    };

type RunningTotal = { interviewerId: string; ratingSum: number; pointsSum: number; count: number };

/**
 * Per trait: score = mean over interviewers of (mean of that interviewer's points),
 * so an interviewer who rates a trait often does not weigh more than one who rates it once.
 * evidence = number of ratings; spread = max − min of interviewers' mean ratings;
 * needsCalibration = spread ≥ CALIBRATION_SPREAD. A trait with no rating is not assessed
 * (never 0). Source: docs/product.md, "Scoring".
 */
export function aggregateTraits(ratings: readonly TraitRating[]): Record<TraitKey, TraitAggregate> {
  const totals = new Map<TraitKey, Map<string, RunningTotal>>();
  for (const { interviewerId, trait, rating } of ratings) {
    let byInterviewer = totals.get(trait);
    if (byInterviewer === undefined) {
      byInterviewer = new Map();
      totals.set(trait, byInterviewer);
    }
    const total = byInterviewer.get(interviewerId) ?? {
      interviewerId,
      ratingSum: 0,
      pointsSum: 0,
      count: 0,
    };
    total.ratingSum += rating;
    total.pointsSum += ratingToPoints(rating);
    total.count += 1;
    byInterviewer.set(interviewerId, total);
  }

  return traitRecord((trait) => aggregateOne([...(totals.get(trait)?.values() ?? [])]));
}

function aggregateOne(totals: readonly RunningTotal[]): TraitAggregate {
  const first = totals[0];
  if (first === undefined) return { status: "not_assessed", evidence: 0 };

  const interviewers = totals.map((t) => ({
    interviewerId: t.interviewerId,
    meanRating: t.ratingSum / t.count,
    meanPoints: t.pointsSum / t.count,
    count: t.count,
  }));
  const score = mean(interviewers.map((i) => i.meanPoints));
  const evidence = totals.reduce((sum, t) => sum + t.count, 0);

  const { highest, lowest } = extremeMeans(first, totals);
  const spread = highest.ratingSum / highest.count - lowest.ratingSum / lowest.count;

  return { status: "assessed", score, evidence, interviewers, spread, needsCalibration: meansNeedCalibration(totals) };
}

/** One interviewer's ratings of one trait: their sum and how many. */
export type InterviewerTraitTotal = { ratingSum: number; count: number };

/**
 * The trait needs calibration when the interviewers' mean ratings are
 * CALIBRATION_SPREAD or more apart (max − min). Results keep the verdict per
 * trait for the ranking (assessment_results.<trait>_calibrate): a change of
 * this rule needs a migration that judges the stored results again.
 */
export function meansNeedCalibration(totals: readonly InterviewerTraitTotal[]): boolean {
  const first = totals[0];
  if (first === undefined) return false;
  const { highest, lowest } = extremeMeans(first, totals);
  return highest.ratingSum * lowest.count - lowest.ratingSum * highest.count >= CALIBRATION_SPREAD * highest.count * lowest.count;
}

/**
 * Means are compared as exact fractions (ratingSum / count): a float spread of
 * 1.9999999999999998 must not hide a disagreement of exactly 2.
 */
function extremeMeans<T extends InterviewerTraitTotal>(first: T, totals: readonly T[]): { highest: T; lowest: T } {
  let highest = first;
  let lowest = first;
  for (const t of totals) {
    if (compareMeans(t, highest) > 0) highest = t;
    if (compareMeans(t, lowest) < 0) lowest = t;
  }
  return { highest, lowest };
}

/** Sign of a.ratingSum/a.count − b.ratingSum/b.count, in integers (counts are positive). */
function compareMeans(a: InterviewerTraitTotal, b: InterviewerTraitTotal): number {
  return a.ratingSum * b.count - b.ratingSum * a.count;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The scores of assessed traits only: a missing key means "not assessed", never 0. */
export function traitScores(agg: Record<TraitKey, TraitAggregate>): Partial<Record<TraitKey, number>> {
  const scores: Partial<Record<TraitKey, number>> = {};
  for (const trait of TRAIT_KEYS) {
    const aggregate = agg[trait];
    if (aggregate.status === "assessed") scores[trait] = aggregate.score;
  }
  return scores;
}

/** From worst to best, the order the panel shows them in. */
export const RECOMMENDATIONS = ["strong_no", "no", "yes", "strong_yes"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export function isRecommendation(value: string): value is Recommendation {
  return RECOMMENDATIONS.some((recommendation) => recommendation === value);
}

/** Every recommendation gets a count, 0 included, so the panel never has holes. */
export function tallyRecommendations(recs: readonly Recommendation[]): Record<Recommendation, number> {
  const tally: Record<Recommendation, number> = { strong_no: 0, no: 0, yes: 0, strong_yes: 0 };
  for (const rec of recs) tally[rec] += 1;
  return tally;
}
