/**
 * How well a candidate's trait scores fit an ideal profile of bands.
 * Source: docs/product.md, "Fit".
 */
import { TRAIT_KEYS, TRAIT_SCALE, type TraitKey } from "./traits";

/** Weight is a plain number so that profiles being edited or imported can be scored before validation. */
export type FitBand = { low: number; high: number; weight: number };
export type FitProfile = Record<TraitKey, FitBand>;

export type FitTraitDetail = {
  /** The score as used: clamped to TRAIT_SCALE. */
  score: number;
  low: number;
  high: number;
  weight: number;
  /** g: distance outside the band, 0 inside it. */
  gap: number;
  /** G: the largest gap any score on the scale could have for this band. */
  maxGap: number;
};

export type FitResult = {
  /** 0..100, unrounded; null when no trait counts (no fit is not a fit of 0). */
  fit: number | null;
  /** 0..1: share of the profile's weight that was assessed. */
  coverage: number;
  /** g for each trait used. */
  gaps: Partial<Record<TraitKey, number>>;
  /** G for each trait used. */
  maxGaps: Partial<Record<TraitKey, number>>;
  details: Partial<Record<TraitKey, FitTraitDetail>>;
  /** Assessed traits with a band, in TRAIT_KEYS order. */
  traitsUsed: TraitKey[];
  /** Traits with a band but no usable score: they lower coverage, not fit. */
  traitsNotAssessed: TraitKey[];
  /** Traits whose band is [0, 100] (no preference) or whose weight cannot count. */
  traitsWithoutBand: TraitKey[];
};

/** Fit is a percentage: a perfect fit is 100. */
const FIT_MAX = 100;

function clampToScale(value: number): number {
  return Math.min(TRAIT_SCALE.max, Math.max(TRAIT_SCALE.min, value));
}

/**
 * The band as the formula sees it, or null when it expresses no preference.
 * Ends are clamped to the scale so that G ≥ g holds for every score, which keeps
 * fit in 0..100; a band spanning the whole scale, or with a weight that is not a
 * positive number, has nothing to measure against.
 */
function effectiveBand(band: FitBand): FitBand | null {
  const { low, high, weight } = band;
  if (![low, high, weight].every(Number.isFinite) || weight <= 0) return null;
  const clamped = { low: clampToScale(low), high: clampToScale(high), weight };
  const spansWholeScale = clamped.low === TRAIT_SCALE.min && clamped.high === TRAIT_SCALE.max;
  return spansWholeScale ? null : clamped;
}

/**
 * g = max(0, low − c, c − high): how far the score lies outside the band.
 * Source: docs/product.md, "Fit".
 */
export function bandGap(score: number, band: { low: number; high: number }): number {
  return Math.max(0, band.low - score, score - band.high);
}

/**
 * G = max(low − 0, 100 − high): the largest gap a score on the scale can have.
 * Source: docs/product.md, "Fit".
 */
export function maxBandGap(band: { low: number; high: number }): number {
  return Math.max(band.low - TRAIT_SCALE.min, TRAIT_SCALE.max - band.high);
}

/**
 * Over the traits that are assessed and whose band is not [0, 100]:
 *   fit = 100 × (1 − √(Σ w·g²) / √(Σ w·G²))
 *   coverage = Σ w of the traits used / Σ w of all traits with a band
 * A trait is assessed when its score is a finite number; scores are clamped to
 * 0..100. No trait used → fit null. No trait with a band → coverage 0.
 * Source: docs/product.md, "Fit".
 */
export function computeFit(
  scores: Partial<Record<TraitKey, number>>,
  profile: Record<TraitKey, { low: number; high: number; weight: number }>,
): FitResult {
  const gaps: Partial<Record<TraitKey, number>> = {};
  const maxGaps: Partial<Record<TraitKey, number>> = {};
  const details: Partial<Record<TraitKey, FitTraitDetail>> = {};
  const traitsUsed: TraitKey[] = [];
  const traitsNotAssessed: TraitKey[] = [];
  const traitsWithoutBand: TraitKey[] = [];

  let bandedWeight = 0;
  let usedWeight = 0;

  for (const trait of TRAIT_KEYS) {
    const band = effectiveBand(profile[trait]);
    if (band === null) {
      traitsWithoutBand.push(trait);
      continue;
    }
    bandedWeight += band.weight;

    const raw = scores[trait];
    if (raw === undefined || !Number.isFinite(raw)) {
      traitsNotAssessed.push(trait);
      continue;
    }
    const score = clampToScale(raw);
    const gap = bandGap(score, band);
    const maxGap = maxBandGap(band);

    traitsUsed.push(trait);
    usedWeight += band.weight;
    gaps[trait] = gap;
    maxGaps[trait] = maxGap;
    details[trait] = { score, low: band.low, high: band.high, weight: band.weight, gap, maxGap };
  }

  const fit = traitsUsed.length === 0 ? null : FIT_MAX * (1 - gapRatio(Object.values(details)));
  const coverage = bandedWeight === 0 ? 0 : usedWeight / bandedWeight;

  return {
    fit,
    coverage,
    gaps,
    maxGaps,
    details,
    traitsUsed,
    traitsNotAssessed,
    traitsWithoutBand,
  };
}

/**
 * √(Σ w·g²) / √(Σ w·G²), in 0..1. Gaps are divided by the largest G first: a band
 * that almost spans the scale has a G so small that G² underflows to 0, and 0/0
 * would make the fit NaN. After scaling one G is 1, so the denominator is ≥ its
 * weight, and g ≤ G keeps the ratio ≤ 1.
 */
function gapRatio(used: FitTraitDetail[]): number {
  const largestMaxGap = Math.max(...used.map((d) => d.maxGap));
  let weightedGapSquares = 0;
  let weightedMaxGapSquares = 0;
  for (const { weight, gap, maxGap } of used) {
    weightedGapSquares += weight * (gap / largestMaxGap) ** 2;
    weightedMaxGapSquares += weight * (maxGap / largestMaxGap) ** 2;
  }
  return Math.sqrt(weightedGapSquares / weightedMaxGapSquares);
}
