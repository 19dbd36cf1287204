/**
 * OCEAN+ traits: the six stable keys and their published names.
 * Source: docs/product.md, "OCEAN+ traits".
 */

/** Stable keys used in the DB, URLs and JSON; order is the display order. */
export const TRAIT_KEYS = [
  "openness",
  "conscientiousness",
  "extraversion",
  "agreeableness",
  "emotional_stability",
  "relational_engagement",
] as const;

export type TraitKey = (typeof TRAIT_KEYS)[number];

/** Names as docs/product.md, "OCEAN+ traits", gives them (Spanish as written in the seed documents). */
export const TRAIT_NAMES: Record<TraitKey, { en: string; es: string }> = {
  openness: { en: "Openness", es: "Apertura" },
  conscientiousness: { en: "Conscientiousness", es: "Responsabilidad" },
  extraversion: { en: "Extraversion", es: "Extraversión" },
  agreeableness: { en: "Agreeableness", es: "Amabilidad" },
  emotional_stability: { en: "Emotional Stability", es: "Estabilidad Emocional" },
  relational_engagement: { en: "Relational Engagement", es: "Engagement Relacional" },
};

/** Every trait is scored on this closed scale (docs/product.md: "each scored from 0 to 100"). */
export const TRAIT_SCALE = { min: 0, max: 100 } as const;

/** Importance of a trait in an ideal profile (docs/product.md: "a weight of 1, 2 or 3"). */
export const WEIGHTS = [1, 2, 3] as const;
export type Weight = (typeof WEIGHTS)[number];

/** An ideal band `low..high` on TRAIT_SCALE with its importance weight. */
export type TraitBand = { low: number; high: number; weight: Weight };

export type IdealProfile = Record<TraitKey, TraitBand>;

/**
 * The one trait an ideal profile weighs above every other, or undefined when the
 * top weight is shared (all equal, or a tie): "asks for X most" would then be false.
 */
export function heaviestTrait<T extends { weight: number }>(bands: readonly T[]): T | undefined {
  const top = Math.max(...bands.map((band) => band.weight));
  const heaviest = bands.filter((band) => band.weight === top);
  return heaviest.length === 1 ? heaviest[0] : undefined;
}

export function isTraitKey(value: string): value is TraitKey {
  return TRAIT_KEYS.some((key) => key === value);
}

export function isWeight(value: number): value is Weight {
  return WEIGHTS.some((weight) => weight === value);
}

/**
 * Builds a complete per-trait record. Spelling out every key lets the compiler
 * prove completeness, which `Object.fromEntries` cannot do without a cast.
 */
export function traitRecord<T>(valueFor: (key: TraitKey) => T): Record<TraitKey, T> {
  return {
    openness: valueFor("openness"),
    conscientiousness: valueFor("conscientiousness"),
    extraversion: valueFor("extraversion"),
    agreeableness: valueFor("agreeableness"),
    emotional_stability: valueFor("emotional_stability"),
    relational_engagement: valueFor("relational_engagement"),
  };
}

/**
 * The documents are typed by hand: accents, case and spacing vary
 * ("Extraversion" vs "Extraversión"), so names are compared in a folded form.
 */
function foldName(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

const FOLDED_SPANISH_NAMES: readonly { key: TraitKey; folded: string }[] = TRAIT_KEYS.map((key) => ({
  key,
  folded: foldName(TRAIT_NAMES[key].es),
}));

/** "estabilidad  EMOCIONAL" → "emotional_stability"; unknown names → undefined. */
export function traitKeyFromSpanishName(name: string): TraitKey | undefined {
  const folded = foldName(name);
  return FOLDED_SPANISH_NAMES.find((entry) => entry.folded === folded)?.key;
}

/**
 * The traits named in a sentence such as
 * "Evalúa: Amabilidad y Engagement Relacional en trabajo multidisciplinar",
 * in the order they appear, each once.
 */
export function traitKeysInSpanishText(text: string): TraitKey[] {
  const folded = foldName(text);
  return FOLDED_SPANISH_NAMES.map((entry) => ({
    key: entry.key,
    at: indexOfWord(folded, entry.folded),
  }))
    .filter((hit) => hit.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((hit) => hit.key);
}

/** Whole-word search, so that a longer word that merely contains a name does not count. */
function indexOfWord(haystack: string, word: string): number {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(word, from);
    if (at < 0) return -1;
    const before = haystack.charAt(at - 1);
    const after = haystack.charAt(at + word.length);
    if (!isWordChar(before) && !isWordChar(after)) return at;
    from = at + 1;
  }
}

function isWordChar(char: string): boolean {
  return char !== "" && /[\p{L}\p{N}_]/u.test(char);
}
