/**
 * Interviewer calibration: each interviewer's habits beside the team's, and
 * each trait's reliability, from the summaries of submitted scorecards.
 * Pure: the caller chooses the scorecards (a period, a role). Source:
 * docs/product.md, "Calibration".
 */
import mediansorted from "@stdlib/stats-base-mediansorted";
import type { UserRole } from "./accounts";
import { traitReliability, type TraitReliability } from "./agreement";
import { meansNeedCalibration, RATINGS, tallyRecommendations, type Rating, type Recommendation } from "./scoring";
import { TRAIT_KEYS, traitRecord, type TraitKey } from "./traits";

/** One interviewer's ratings of one trait on one scorecard. */
export type TraitTotal = { ratingSum: number; count: number };

/** What the calibration reads of one submitted scorecard (stored beside it: see docs/product.md). */
export type ScorecardSummary = {
  assessmentId: number;
  interviewerId: number;
  recommendation: Recommendation | null;
  /** When the scorecard was submitted and when its interviewer was put on the panel (UTC ISO); null: no assignment kept. */
  submittedAt: string;
  assignedAt: string | null;
  /** The kit's question×trait cells, and how many of them this scorecard rated. */
  kitCells: number;
  ratedCells: number;
  /** How many of its ratings were 1, 2, … 5. */
  ratingCounts: Record<Rating, number>;
  /** Per trait, the sum and count of its ratings (count 0: not rated). */
  traits: Record<TraitKey, TraitTotal>;
};

export type Leniency = { mean: number; n: number };

export type InterviewerHabits = {
  scorecards: number;
  /** Rated cells / the kit's cells, over their scorecards (0..1); null when their kits had no cell. */
  adherence: number | null;
  /** Mean, over their assessments with 2 or more scorecards that rated something, of their mean rating minus the mean of the others' means (rating units); null when none qualifies. */
  leniency: Leniency | null;
  /** Traits flagged for calibration on which they were the one interviewer farthest from the others. */
  outlierCount: number;
  ratingDistribution: Record<Rating, number>;
  recommendationDistribution: Record<Recommendation, number>;
  /** Median of the days from being put on the panel to submitting; null when no scorecard has its assignment. */
  medianDaysToSubmit: number | null;
};

export type Calibration = {
  /** By interviewer id, in the order of their first scorecard in the input. */
  interviewers: Map<number, InterviewerHabits>;
  /** Every scorecard together; leniency is null (the team is its own reference). */
  team: InterviewerHabits;
  reliability: Record<TraitKey, TraitReliability>;
};

const DAY_MS = 86_400_000;

/** The fewest interviewers the team's figures must hold before an interviewer sees them. */
export const MIN_INTERVIEWERS_BEHIND_TEAM_FIGURES = 3;

/**
 * A recruiter sees the team's figures always; an interviewer only when three
 * or more interviewers are behind them: with two, the team's counts minus their
 * own row would be their colleague's habits, which are a recruiter's to see.
 */
export function maySeeTeamFigures(role: UserRole, interviewersBehind: number): boolean {
  return role === "recruiter" || interviewersBehind >= MIN_INTERVIEWERS_BEHIND_TEAM_FIGURES;
}

/** A period of whole UTC days, both ends included, as YYYY-MM-DD. */
export type CalibrationPeriod = { from: string; to: string };

/**
 * The period the page opens on, and the one the assessment page's reliability line reads: the last 12 months, today included,
 * from the day after the same date a year earlier. On a 29 February the year before has no such date: its 28 February
 * stands for it, so the period starts on 1 March, not 2 March.
 */
export function defaultCalibrationPeriod(now: Date): CalibrationPeriod {
  const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month, date)).toISOString().slice(0, 10);
  const [y, m, d] = [now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()];
  const lastDateAYearEarlier = new Date(Date.UTC(y - 1, m + 1, 0)).getUTCDate();
  return { from: day(y - 1, m, Math.min(d, lastDateAYearEarlier) + 1), to: day(y, m, d) };
}

/** The period as instants to compare submission times with: from the first day's start (inclusive) to the day after the last (exclusive). */
export function periodInstants(period: CalibrationPeriod): { from: string; to: string } {
  const next = new Date(Date.parse(`${period.to}T00:00:00.000Z`) + DAY_MS);
  return { from: `${period.from}T00:00:00.000Z`, to: next.toISOString() };
}

/** The whole calibration of a set of submitted scorecards. */
export function calibration(summaries: readonly ScorecardSummary[]): Calibration {
  const byInterviewer = groupBy(summaries, (s) => s.interviewerId);
  const byAssessment = groupBy(summaries, (s) => s.assessmentId);
  const leniencies = leniencyDifferences(byAssessment.values());
  const outliers = outlierCounts(byAssessment.values());
  const interviewers = new Map<number, InterviewerHabits>();
  for (const [id, cards] of byInterviewer) {
    const differences = leniencies.get(id) ?? [];
    interviewers.set(id, {
      ...habitsOf(cards),
      leniency: differences.length === 0 ? null : { mean: mean(differences), n: differences.length },
      outlierCount: outliers.get(id) ?? 0,
    });
  }
  const team = { ...habitsOf(summaries), leniency: null, outlierCount: sumOf(outliers.values()) };
  return { interviewers, team, reliability: reliabilityByTrait(byAssessment.values()) };
}

/** The habits that need no comparison with other interviewers. */
function habitsOf(cards: readonly ScorecardSummary[]): Omit<InterviewerHabits, "leniency" | "outlierCount"> {
  const kitCells = sumOf(cards.map((c) => c.kitCells));
  const ratingDistribution = Object.fromEntries(RATINGS.map((r) => [r, sumOf(cards.map((c) => c.ratingCounts[r]))])) as Record<
    Rating,
    number
  >;
  return {
    scorecards: cards.length,
    adherence: kitCells === 0 ? null : sumOf(cards.map((c) => c.ratedCells)) / kitCells,
    ratingDistribution,
    recommendationDistribution: tallyRecommendations(cards.flatMap((c) => (c.recommendation === null ? [] : [c.recommendation]))),
    medianDaysToSubmit: daysToSubmitMedian(cards),
  };
}

/**
 * Days from assignment to submission; an assignment made again after the
 * submission (removed and added back) says nothing of how long it took, and is left out.
 */
function daysToSubmitMedian(cards: readonly ScorecardSummary[]): number | null {
  const days = cards
    .flatMap((c) => (c.assignedAt === null ? [] : [(Date.parse(c.submittedAt) - Date.parse(c.assignedAt)) / DAY_MS]))
    .filter((d) => d >= 0)
    .sort((a, b) => a - b);
  return days.length === 0 ? null : mediansorted(days.length, days, 1);
}

/** A scorecard's mean rating over every trait, or null when it rated nothing. */
function overallMean(card: ScorecardSummary): number | null {
  const count = sumOf(TRAIT_KEYS.map((t) => card.traits[t].count));
  return count === 0 ? null : sumOf(TRAIT_KEYS.map((t) => card.traits[t].ratingSum)) / count;
}

/** Per interviewer, for each assessment where 2 or more scorecards rated something: their mean minus the mean of the others' means. */
function leniencyDifferences(assessments: Iterable<ScorecardSummary[]>): Map<number, number[]> {
  const differences = new Map<number, number[]>();
  for (const cards of assessments) {
    const means = cards.flatMap((c) => {
      const m = overallMean(c);
      return m === null ? [] : [{ interviewerId: c.interviewerId, mean: m }];
    });
    if (means.length < 2) continue;
    for (const own of means) {
      const others = means.filter((m) => m !== own).map((m) => m.mean);
      const list = differences.get(own.interviewerId) ?? [];
      list.push(own.mean - mean(others));
      differences.set(own.interviewerId, list);
    }
  }
  return differences;
}

/**
 * On each assessment, for each trait flagged for calibration (the rule of
 * docs/product.md, "Scoring"), the interviewer whose mean is farthest from
 * the mean of the others' means. A tie names no one: with two interviewers
 * each is as far from the other, so a two-person panel never has an outlier.
 */
function outlierCounts(assessments: Iterable<ScorecardSummary[]>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const cards of assessments) {
    for (const trait of TRAIT_KEYS) {
      const rated = cards.filter((c) => c.traits[trait].count > 0);
      if (!meansNeedCalibration(rated.map((c) => c.traits[trait]))) continue;
      const outlier = farthestFromOthers(
        rated.map((c) => ({ id: c.interviewerId, mean: c.traits[trait].ratingSum / c.traits[trait].count })),
      );
      if (outlier !== null) counts.set(outlier, (counts.get(outlier) ?? 0) + 1);
    }
  }
  return counts;
}

/** Distances closer than this are a tie: means are fractions of small integers, so real differences are far larger. */
const TIE = 1e-9;

function farthestFromOthers(means: readonly { id: number; mean: number }[]): number | null {
  const distances = means.map((own) => ({
    id: own.id,
    distance: Math.abs(own.mean - mean(means.filter((m) => m !== own).map((m) => m.mean))),
  }));
  const farthest = Math.max(...distances.map((d) => d.distance));
  const atFarthest = distances.filter((d) => farthest - d.distance < TIE);
  return atFarthest.length === 1 ? atFarthest[0]!.id : null;
}

/** Per trait, one group per assessment: its scorecards' mean ratings of the trait. */
function reliabilityByTrait(assessments: Iterable<ScorecardSummary[]>): Record<TraitKey, TraitReliability> {
  const groups = traitRecord<number[][]>(() => []);
  for (const cards of assessments) {
    for (const trait of TRAIT_KEYS) {
      const values = cards.filter((c) => c.traits[trait].count > 0).map((c) => c.traits[trait].ratingSum / c.traits[trait].count);
      if (values.length > 0) groups[trait].push(values);
    }
  }
  return traitRecord((trait) => traitReliability(groups[trait]));
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}

function sumOf(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function mean(values: readonly number[]): number {
  return sumOf(values) / values.length;
}
