import type { Json } from "~/domain/profile-diff";
import { TRAIT_KEYS, type TraitKey } from "~/domain/traits";

/** A trait's ideal band as a version holds it. */
export type Band = { low: number; high: number; weight: number };

/** A trait whose ideal band differs between two versions; null where a version has none. */
export type BandChange = { trait: TraitKey; before: Band | null; after: Band | null };

function bandOf(doc: Json, trait: TraitKey): Band | null {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return null;
  const profile = doc.idealProfile;
  if (typeof profile !== "object" || profile === null || Array.isArray(profile)) return null;
  const band = profile[trait];
  if (typeof band !== "object" || band === null || Array.isArray(band)) return null;
  const { low, high, weight } = band;
  return typeof low === "number" && typeof high === "number" && typeof weight === "number" ? { low, high, weight } : null;
}

function sameBand(a: Band | null, b: Band | null): boolean {
  return a === null || b === null ? a === b : a.low === b.low && a.high === b.high && a.weight === b.weight;
}

/** The traits whose band (range or weight) changed from one role version to another, in the traits' order; a skill has none. */
export function bandChanges(before: Json, after: Json): BandChange[] {
  return TRAIT_KEYS.map((trait) => ({ trait, before: bandOf(before, trait), after: bandOf(after, trait) })).filter(
    (change) => !sameBand(change.before, change.after),
  );
}
