/**
 * Career levels of the skills matrix and skill profiles.
 * Source: docs/product.md, "Role profile" (five levels, Junior to Principal; the matrix columns Jun, Mid, Sen, Lead, Princ).
 */

export const LEVELS = ["junior", "mid", "senior", "lead", "principal"] as const;

export type Level = (typeof LEVELS)[number];

/**
 * `short` is the column header of the published skills matrix. The Spanish
 * documents keep the English level names ("de Junior a Principal"), so `es` does too.
 */
export const LEVEL_NAMES: Record<Level, { en: string; es: string; short: string }> = {
  junior: { en: "Junior", es: "Junior", short: "Jun" },
  mid: { en: "Mid", es: "Mid", short: "Mid" },
  senior: { en: "Senior", es: "Senior", short: "Sen" },
  lead: { en: "Lead", es: "Lead", short: "Lead" },
  principal: { en: "Principal", es: "Principal", short: "Princ" },
};

export function isLevel(value: string): value is Level {
  return LEVELS.some((level) => level === value);
}

/** Reads a skills-matrix column header ("Sen", " princ ") back into a level. */
export function levelFromShortName(header: string): Level | undefined {
  const wanted = header.trim().toLowerCase();
  return LEVELS.find((level) => LEVEL_NAMES[level].short.toLowerCase() === wanted);
}
