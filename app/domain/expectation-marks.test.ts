import { describe, expect, it } from "vitest";
import { EXPECTATION_MARKS, expectationSummary, expectationVerdict, isExpectationMark, panelExpectations } from "./expectation-marks";

describe("an expectation is marked met, partly or not met; no mark is not asked", () => {
  it("lists the three marks and refuses anything else, not asked included", () => {
    expect(EXPECTATION_MARKS).toEqual(["met", "partly", "not_met"]);
    expect(["met", "partly", "not_met"].map(isExpectationMark)).toEqual([true, true, true]);
    expect(["not_asked", "Met", "", null, undefined, 1].map(isExpectationMark)).toEqual(Array(6).fill(false));
  });
});

describe("a skill counts as met when someone asked and more than half of those who asked marked it met", () => {
  it("is not asked when no interviewer marked it", () => {
    expect(expectationVerdict({ met: 0, partly: 0, not_met: 0 })).toBe("not_asked");
  });

  it("is met by one interviewer's met, and by two of three", () => {
    expect(expectationVerdict({ met: 1, partly: 0, not_met: 0 })).toBe("met");
    expect(expectationVerdict({ met: 2, partly: 1, not_met: 0 })).toBe("met");
  });

  it("is not met at exactly half: a tie does not count", () => {
    expect(expectationVerdict({ met: 1, partly: 0, not_met: 1 })).toBe("not_met");
    expect(expectationVerdict({ met: 1, partly: 1, not_met: 0 })).toBe("not_met");
  });

  it("reads partly as not met", () => {
    expect(expectationVerdict({ met: 0, partly: 3, not_met: 0 })).toBe("not_met");
  });
});

describe("the panel reads each expectation of the kit from the submitted scorecards", () => {
  const at = (...positions: number[]) => positions.map((position) => ({ position }));
  const cards = [
    {
      interviewerId: "7",
      marks: [
        { position: 1, mark: "met" as const },
        { position: 2, mark: "partly" as const },
      ],
    },
    { interviewerId: "9", marks: [{ position: 1, mark: "met" as const }] },
  ];

  it("keeps each interviewer's mark, counts those who asked, in the kit's order", () => {
    const [first, second, third] = panelExpectations(at(1, 2, 3), cards);
    expect(first).toEqual({
      position: 1,
      marks: { "7": "met", "9": "met" },
      asked: 2,
      counts: { met: 2, partly: 0, not_met: 0 },
      verdict: "met",
    });
    expect(second).toMatchObject({ marks: { "7": "partly" }, asked: 1, verdict: "not_met" });
    expect(third).toMatchObject({ marks: {}, asked: 0, verdict: "not_asked" });
  });

  it("summarises met of all the kit's expectations, and counts those no one asked about", () => {
    expect(expectationSummary(panelExpectations(at(1, 2, 3), cards))).toEqual({ met: 1, total: 3, notAsked: 1 });
    expect(expectationSummary(panelExpectations(at(1, 2), []))).toEqual({ met: 0, total: 2, notAsked: 2 });
    expect(expectationSummary([])).toEqual({ met: 0, total: 0, notAsked: 0 });
  });
});
