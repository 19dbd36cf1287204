/**
 * How much interviewers agree: the one-way random-effects intraclass
 * correlation (Shrout & Fleiss 1979, case 1; McGraw & Wong 1996, ICC(1)),
 * with its confidence intervals from the F distribution, and the words a team
 * reads it in (Koo & Li 2016). Source: docs/product.md, "Calibration".
 *
 * The unit is an assessment (a group); its values are the submitted
 * interviewers' mean ratings of one trait. Panels differ from one assessment
 * to the next, so interviewers are not a crossed factor: the one-way model.
 */
import fQuantile from "@stdlib/stats-base-dists-f-quantile";

export type IccEstimate = { icc: number; lower: number; upper: number };

export type OneWayIcc = {
  /** Groups used: those with 2 values or more. */
  n: number;
  /** The panel size the figures stand for: k₀ = (N − Σnᵢ²/N)/(n − 1); the common size when all are equal. */
  k0: number;
  /** ICC(1): how far one interviewer's reading agrees with another's. */
  single: IccEstimate;
  /** ICC(1,k): how reliable the mean of a panel of k₀ interviewers is; −∞ (not a finite number, nor JSON) when every panel's mean is the same. */
  average: IccEstimate;
};

/**
 * The one-way ICC of `groups` with its `confidence` intervals. Groups with
 * fewer than 2 values say nothing of agreement and are left out; null when
 * fewer than 2 groups remain or when no value differs from another (the ratio
 * is 0/0: no figure, rather than a made-up one).
 *
 * One-way ANOVA: MSB = Σnᵢ(x̄ᵢ − x̄)²/(n − 1), MSW = ΣΣ(x − x̄ᵢ)²/(N − n),
 * ICC(1) = (MSB − MSW)/(MSB + (k₀ − 1)MSW), ICC(1,k) = (MSB − MSW)/MSB.
 * With F = MSB/MSW, F_L = F / F(1 − α/2; n − 1, N − n) and
 * F_U = F · F(1 − α/2; N − n, n − 1): single [(F_L − 1)/(F_L + k₀ − 1),
 * (F_U − 1)/(F_U + k₀ − 1)], average [1 − 1/F_L, 1 − 1/F_U].
 */
export function oneWayIcc(groups: number[][], confidence = 0.95): OneWayIcc | null {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
  const used = groups.filter((values) => values.length >= 2);
  const n = used.length;
  if (n < 2) return null;
  const sizes = used.map((values) => values.length);
  const total = sum(sizes);
  const grandMean = sum(used.map(sum)) / total;
  const means = used.map((values) => sum(values) / values.length);
  const between = sum(used.map((values, i) => values.length * (means[i]! - grandMean) ** 2));
  const within = sum(used.map((values, i) => sum(values.map((x) => (x - means[i]!) ** 2))));
  const dfBetween = n - 1;
  const dfWithin = total - n;
  // Sums of squares of identical values can come out as a few ulps instead of 0.
  const scale = Math.max(1, ...used.flat().map(Math.abs)) ** 2 * total;
  const noise = scale * Number.EPSILON * 16;
  // Panels whose means coincide leave MSB at 0 give or take a few ulps: rounding must not choose between
  // ICC(1,k) = −∞ (the formula at MSB = 0) and some −1e30 that depends on the order or the scale of the values.
  const msb = between / dfBetween <= noise ? 0 : between / dfBetween;
  const msw = within / dfWithin;
  const k0 = (total - sum(sizes.map((size) => size * size)) / total) / dfBetween;
  if (msb === 0 && msw <= noise) return null;
  if (msw <= noise) {
    // Every interviewer of every panel gave the same reading: perfect agreement, and F is infinite.
    const perfect = { icc: 1, lower: 1, upper: 1 };
    return { n, k0, single: perfect, average: perfect };
  }
  const f = msb / msw;
  const tail = 1 - (1 - confidence) / 2;
  const fLower = f / fQuantile(tail, dfBetween, dfWithin);
  const fUpper = f * fQuantile(tail, dfWithin, dfBetween);
  return {
    n,
    k0,
    single: {
      icc: (msb - msw) / (msb + (k0 - 1) * msw),
      lower: (fLower - 1) / (fLower + k0 - 1),
      upper: (fUpper - 1) / (fUpper + k0 - 1),
    },
    average: {
      icc: (msb - msw) / msb,
      lower: 1 - 1 / fLower,
      upper: 1 - 1 / fUpper,
    },
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

/** Koo & Li (2016)'s reading of a reliability coefficient. */
export const RELIABILITY_BANDS = ["poor", "moderate", "good", "excellent"] as const;
export type ReliabilityBand = (typeof RELIABILITY_BANDS)[number];

/** < 0.5 poor, 0.5 up to 0.75 moderate, 0.75 up to 0.9 good, above 0.9 excellent (0.9 itself is good, as Koo & Li write "greater than 0.90"). */
export function reliabilityBand(icc: number): ReliabilityBand {
  if (icc < 0.5) return "poor";
  if (icc < 0.75) return "moderate";
  if (icc <= 0.9) return "good";
  return "excellent";
}

/** Below this many assessments with 2 or more ratings of a trait, the page says "not enough data yet", never a number. */
export const MIN_ASSESSMENTS_FOR_RELIABILITY = 5;

export type TraitReliability =
  | { status: "not_enough_data"; assessments: number }
  /** Every reading of the trait was the same: agreement cannot be told from a trait nobody tells apart. */
  | { status: "no_variation"; assessments: number }
  | { status: "estimated"; estimate: OneWayIcc; band: ReliabilityBand };

/**
 * A trait's reliability as the team reads it: each group is one assessment's
 * submitted interviewers' mean ratings of the trait. Fewer than
 * MIN_ASSESSMENTS_FOR_RELIABILITY groups of 2 or more, or readings that never
 * vary, give no figure.
 */
export function traitReliability(groups: number[][]): TraitReliability {
  const assessments = groups.filter((values) => values.length >= 2).length;
  if (assessments < MIN_ASSESSMENTS_FOR_RELIABILITY) return { status: "not_enough_data", assessments };
  const estimate = oneWayIcc(groups);
  if (estimate === null) return { status: "no_variation", assessments };
  return { status: "estimated", estimate, band: reliabilityBand(estimate.single.icc) };
}
