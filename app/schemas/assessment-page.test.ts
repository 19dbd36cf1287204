import { describe, expect, it } from "vitest";
import { assessmentPageHref, parseAssessmentPageQuery } from "./assessment-page";

describe("the assessment page's query: which page of its decisions and report links", () => {
  it("reads each list's page, and a value it cannot read as the first page", () => {
    expect(parseAssessmentPageQuery(new URLSearchParams("decisionsPage=3&linksPage=2"))).toEqual({ decisionsPage: 3, linksPage: 2 });
    expect(parseAssessmentPageQuery(new URLSearchParams(""))).toEqual({ decisionsPage: 1, linksPage: 1 });
    for (const odd of ["0", "-1", "2.5", "x", "", "100001", "9".repeat(400)]) {
      expect(parseAssessmentPageQuery(new URLSearchParams({ decisionsPage: odd, linksPage: odd })), odd).toEqual({
        decisionsPage: 1,
        linksPage: 1,
      });
    }
  });

  it("turns one list's page and keeps the other's, nothing else of the address", () => {
    expect(assessmentPageHref({ decisionsPage: 1, linksPage: 3 }, { decisionsPage: 2 }, "decision")).toBe(
      "?decisionsPage=2&linksPage=3#decision",
    );
    expect(assessmentPageHref({ decisionsPage: 2, linksPage: 1 }, { decisionsPage: 1 }, "decision")).toBe("?#decision");
  });
});
