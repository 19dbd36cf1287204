import { describe, expect, it } from "vitest";
import { RATING_MAX, RATING_MIN, RATINGS } from "~/domain/scoring";
import { NOTES_MAX, parseScorecardForm } from "./scorecard";

describe("scorecard notes", () => {
  it("counts a line break posted as CRLF as one character, as the browser's counter does", () => {
    const lines = "a".repeat(99);
    // 50 lines of 99 characters and 49 breaks: 4,999 characters in the field, 5,048 as posted.
    const note = Array.from({ length: 50 }, () => lines).join("\r\n");
    expect(note.replace(/\r\n/g, "\n").length).toBeLessThanOrEqual(NOTES_MAX);
    const parsed = parseScorecardForm([["notes.7", note]]);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.data.notes).toEqual([{ questionId: 7, text: note.replace(/\r\n/g, "\n") }]);
  });

  it("refuses a note over the limit by its field, rather than cutting it", () => {
    expect(parseScorecardForm([["notes.7", "a".repeat(NOTES_MAX)]]).ok).toBe(true);
    expect(parseScorecardForm([["notes.7", "a".repeat(NOTES_MAX + 1)]])).toEqual({
      ok: false,
      errors: { "notes.7": "scorecard.errors.notesTooLong" },
    });
  });
});

describe("a rating is a whole number from 1 to 5, on the scorecard form too", () => {
  it("takes every rating of the scale and refuses RATING_MIN − 1, RATING_MAX + 1 and fractions by their field", () => {
    for (const rating of RATINGS) {
      const parsed = parseScorecardForm([["rating.7.openness", String(rating)]]);
      expect(parsed, String(rating)).toEqual(expect.objectContaining({ ok: true }));
      if (parsed.ok) expect(parsed.data.ratings).toEqual([{ questionId: 7, trait: "openness", rating }]);
    }
    for (const posted of [String(RATING_MIN - 1), String(RATING_MAX + 1), "2.5", "three"]) {
      expect(parseScorecardForm([["rating.7.openness", posted]]), posted).toEqual({
        ok: false,
        errors: { "rating.7.openness": "scorecard.errors.rating" },
      });
    }
  });
});
