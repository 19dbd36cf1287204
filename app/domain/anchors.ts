/**
 * Behaviour anchors describe what a rating looks like for a trait, written for
 * the low, middle and high points of the scale only.
 * Source: docs/product.md, "Role profile".
 */

export const ANCHOR_RATINGS = [1, 3, 5] as const;
export type AnchorRating = (typeof ANCHOR_RATINGS)[number];

export function isAnchorRating(value: unknown): value is AnchorRating {
  return ANCHOR_RATINGS.some((rating) => rating === value);
}
