import { describe, expect, it } from "vitest";
import { changesShownTo, maySeeIdealBands, maySeePanel } from "./blind";

describe("blind scoring", () => {
  it("a recruiter always sees the panel", () => {
    expect(maySeePanel("recruiter", null)).toBe(true);
    expect(maySeePanel("recruiter", "draft")).toBe(true);
  });

  it("an interviewer sees the panel only once their own scorecard is submitted", () => {
    expect(maySeePanel("interviewer", "not_started")).toBe(false);
    expect(maySeePanel("interviewer", "draft")).toBe(false);
    expect(maySeePanel("interviewer", "submitted")).toBe(true);
  });

  it("a recruiter always sees a kit's ideal bands", () => {
    expect(maySeeIdealBands("recruiter", [])).toBe(true);
    expect(maySeeIdealBands("recruiter", ["draft"])).toBe(true);
  });

  it("an interviewer on no panel using the kit does not see its ideal bands: a later panel would be anchored", () => {
    expect(maySeeIdealBands("interviewer", [])).toBe(false);
  });

  it("an interviewer with a scorecard still to submit on the kit does not see its ideal bands", () => {
    expect(maySeeIdealBands("interviewer", ["not_started"])).toBe(false);
    expect(maySeeIdealBands("interviewer", ["submitted", "draft"])).toBe(false);
  });

  it("an interviewer who submitted every scorecard of theirs on the kit sees its ideal bands", () => {
    expect(maySeeIdealBands("interviewer", ["submitted"])).toBe(true);
    expect(maySeeIdealBands("interviewer", ["submitted", "submitted"])).toBe(true);
  });
});

describe("changesShownTo", () => {
  const changes = [{ path: ["idealProfile", "openness", "high"] }, { path: ["idealProfile"] }, { path: ["redFlags"] }];

  it("hides every change to the ideal bands from a member who may not see them, and counts them", () => {
    expect(changesShownTo(changes, true)).toEqual({ shown: [{ path: ["redFlags"] }], hiddenBandChanges: 2 });
  });

  it("shows every change to a member who may see the bands", () => {
    expect(changesShownTo(changes, false)).toEqual({ shown: changes, hiddenBandChanges: 0 });
  });
});
