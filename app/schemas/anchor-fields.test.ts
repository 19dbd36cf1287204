import { describe, expect, it } from "vitest";
import { ANCHOR_RATINGS } from "~/domain/anchors";
import { ANCHOR_FIELD_KEYS, isAnchorFieldKey } from "./anchor-fields";

describe("a behaviour anchor is rated 1, 3 or 5, in the role and kit forms' field names too", () => {
  it("names a field for each anchor rating and no other", () => {
    expect(ANCHOR_FIELD_KEYS).toEqual(ANCHOR_RATINGS.map(String));
    expect(["1", "3", "5"].map(isAnchorFieldKey)).toEqual([true, true, true]);
    expect(["0", "2", "4", "6", "01", "3.0", ""].map(isAnchorFieldKey)).toEqual(Array(7).fill(false));
  });
});
