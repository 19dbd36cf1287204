/**
 * What a recruiter decides about a candidate once the panel has scored them.
 * Source: docs/product.md, "Who uses it" (a recruiter decides).
 */

export const DECISIONS = ["advance", "hold", "reject"] as const;
export type Decision = (typeof DECISIONS)[number];

export function isDecision(value: unknown): value is Decision {
  return DECISIONS.some((decision) => decision === value);
}
