import { describe, expect, it } from "vitest";
import { SEARCH_MAX_WORDS, searchWords } from "../../app/schemas/list-options";

describe("searchWords", () => {
  it("splits a search into lower-cased words, whatever the spacing", () => {
    expect(searchWords("  Engineer\tML  ")).toEqual(["engineer", "ml"]);
  });

  it("parts words at a NUL character as at a space: no stored text holds one, and PostgreSQL refuses it", () => {
    expect(searchWords("ada\u0000lovelace")).toEqual(["ada", "lovelace"]);
    expect(searchWords("\u0000")).toEqual([]);
  });

  it("is empty for a blank search: no filter", () => {
    expect(searchWords("   ")).toEqual([]);
    expect(searchWords("")).toEqual([]);
  });

  it("counts a repeated word once", () => {
    expect(searchWords("ml ML ml ops")).toEqual(["ml", "ops"]);
  });

  it("keeps LIKE's wildcards as typed: the query escapes them, not this", () => {
    expect(searchWords("100% a_b")).toEqual(["100%", "a_b"]);
  });

  it("keeps at most SEARCH_MAX_WORDS words, the first ones", () => {
    const many = Array.from({ length: 20 }, (_, i) => `w${i}`);
    expect(searchWords(many.join(" "))).toEqual(many.slice(0, SEARCH_MAX_WORDS));
  });
});
