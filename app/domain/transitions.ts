/**
 * Career transitions: the candidate's own fit to a role the source role can lead
 * to, and the traits to develop for it. Source: docs/product.md, "Career transitions".
 */
import { computeFit, type FitResult } from "./fit";
import { TRAIT_KEYS, TRAIT_SCALE, traitKeyFromSpanishName, traitRecord, type IdealProfile, type TraitKey } from "./traits";

export type Transition = {
  /** Target role name as published, e.g. "AI Researcher". */
  target: string;
  /** The role profile's published fit %, shown as published, never recomputed. */
  publishedFit: number;
  /** "Áreas a desarrollar: Apertura +15" → { openness: 15 }. */
  deltas: Partial<Record<TraitKey, number>>;
};

export type TransitionBasis = "target_profile" | "shifted_source";

export type TransitionFit = { basis: TransitionBasis; profile: IdealProfile; fit: FitResult };

export type AreaToDevelop = {
  trait: TraitKey;
  score: number;
  low: number;
  weight: number;
  /** low − score, > 0. */
  gap: number;
  /** weight × gap: what the list is ordered by. */
  weightedGap: number;
};

function clampToScale(value: number): number {
  return Math.min(TRAIT_SCALE.max, Math.max(TRAIT_SCALE.min, value));
}

/**
 * low′ = clamp(low + Δ), high′ = clamp(high + Δ) on 0..100, weight kept; a trait
 * without a (finite) delta is unchanged. Clamping both ends keeps low′ ≤ high′.
 * Source: docs/product.md, "Career transitions".
 */
export function shiftedProfile(source: IdealProfile, deltas: Partial<Record<TraitKey, number>>): IdealProfile {
  return traitRecord((trait) => {
    const band = source[trait];
    const delta = deltas[trait];
    if (delta === undefined || !Number.isFinite(delta)) return { ...band };
    return {
      low: clampToScale(band.low + delta),
      high: clampToScale(band.high + delta),
      weight: band.weight,
    };
  });
}

/**
 * The candidate's fit to a transition target: against the target role's ideal
 * profile when the library has one, otherwise against the source bands shifted by
 * the transition's deltas. `basis` says which, because the chart must say it.
 * Source: docs/product.md, "Career transitions".
 */
export function transitionFit(
  scores: Partial<Record<TraitKey, number>>,
  source: IdealProfile,
  transition: Transition,
  targetProfile: IdealProfile | null,
): TransitionFit {
  const basis: TransitionBasis = targetProfile === null ? "shifted_source" : "target_profile";
  const profile = targetProfile ?? shiftedProfile(source, transition.deltas);
  return { basis, profile, fit: computeFit(scores, profile) };
}

/**
 * Traits whose assessed score is below the band: gap = low − c, weightedGap = w·gap,
 * largest weightedGap first, ties in TRAIT_KEYS order. A score above the band is
 * not something to develop, and a trait not assessed has no known gap.
 * Source: docs/product.md, "Career transitions" ("the traits below a target band,
 * largest weighted gap first").
 */
export function areasToDevelop(scores: Partial<Record<TraitKey, number>>, profile: IdealProfile): AreaToDevelop[] {
  const areas: AreaToDevelop[] = [];
  for (const trait of TRAIT_KEYS) {
    const score = scores[trait];
    if (score === undefined || !Number.isFinite(score)) continue;
    const { low, weight } = profile[trait];
    if (!(score < low)) continue;
    const gap = low - score;
    areas.push({ trait, score, low, weight, gap, weightedGap: weight * gap });
  }
  // Array.prototype.sort is stable and `areas` is built in TRAIT_KEYS order,
  // so equal weighted gaps keep the trait order.
  return areas.sort((a, b) => b.weightedGap - a.weightedGap);
}

/** "- Apertura +15", "Engagement Relacional −10": optional bullet, name, signed number. */
const TRAIT_DELTA_LINE = /^\s*(?:[-–•*]\s+)?(.+?)\s*([+\-−])\s*(\d+(?:[.,]\d+)?)\s*$/u;

/**
 * Reads one "areas to develop" line of a role document; undefined when the line
 * does not name a trait followed by a signed number.
 */
export function parseTraitDelta(line: string): { trait: TraitKey; delta: number } | undefined {
  const match = TRAIT_DELTA_LINE.exec(line);
  if (match === null) return undefined;
  const [, name, sign, digits] = match;
  if (name === undefined || sign === undefined || digits === undefined) return undefined;
  const trait = traitKeyFromSpanishName(name);
  if (trait === undefined) return undefined;
  const magnitude = Number(digits.replace(",", "."));
  return { trait, delta: sign === "+" ? magnitude : -magnitude };
}
