import { ANCHOR_RATINGS, type AnchorRating } from "~/domain/anchors";

/** A behaviour anchor's rating as the role and kit forms' field names write it ("anchors.openness.3.en"). */
export type AnchorFieldKey = `${AnchorRating}`;

export const ANCHOR_FIELD_KEYS: readonly AnchorFieldKey[] = ANCHOR_RATINGS.map((rating) => `${rating}` as const);

export function isAnchorFieldKey(value: string): value is AnchorFieldKey {
  return ANCHOR_FIELD_KEYS.some((key) => key === value);
}
