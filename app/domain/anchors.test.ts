import { describe, expect, it } from "vitest";
import { ANCHOR_RATINGS, isAnchorRating } from "./anchors";
import { RATINGS } from "./scoring";

describe("a behaviour anchor is rated 1, 3 or 5", () => {
  it("lists the low, middle and high points of the rating scale", () => {
    expect(ANCHOR_RATINGS).toEqual([1, 3, 5]);
    expect(ANCHOR_RATINGS.every((rating) => RATINGS.some((r) => r === rating))).toBe(true);
  });

  it("refuses every other rating, and the ratings written as text", () => {
    expect([1, 3, 5].map(isAnchorRating)).toEqual([true, true, true]);
    expect([0, 2, 4, 6, 3.5, Number.NaN, "1", "3", null, undefined].map(isAnchorRating)).toEqual(Array(10).fill(false));
  });
});
