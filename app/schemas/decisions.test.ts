import { describe, expect, it } from "vitest";
import { DECISIONS } from "~/domain/decisions";
import { decisionSchema } from "./candidate";
import { DECISION_FILTERS } from "./list-options";

describe("a decision is advance, hold or reject, in the decision form and the ranking's filter", () => {
  it("the form takes each decision and refuses any other with the field's message", () => {
    for (const decision of DECISIONS) expect(decisionSchema.safeParse({ decision, reason: "Why" }).success, decision).toBe(true);
    const refused = decisionSchema.safeParse({ decision: "maybe", reason: "Why" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["decision", "validation.decisionRequired"],
    ]);
  });

  it("the filter offers every decision between any and none", () => {
    expect(DECISION_FILTERS).toEqual(["any", ...DECISIONS, "none"]);
  });
});
