import { describe, expect, it } from "vitest";
import { DECISIONS, isDecision } from "./decisions";

describe("a decision is advance, hold or reject", () => {
  it("lists the three decisions in the order a recruiter is offered them", () => {
    expect(DECISIONS).toEqual(["advance", "hold", "reject"]);
  });

  it("refuses anything else, including a case or spacing variant", () => {
    expect(DECISIONS.map(isDecision)).toEqual([true, true, true]);
    expect(["Advance", " hold", "rejected", "none", "any", "", null, undefined, 1].map(isDecision)).toEqual(Array(9).fill(false));
  });
});
