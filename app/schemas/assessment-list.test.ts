import { describe, expect, it } from "vitest";
import { parseAssessmentListQuery } from "./assessment-list";
import { assessmentListHref } from "./assessment-list-options";

const DEFAULTS = { status: "all", role: null, interviewer: null, overdue: false, page: 1 };

describe("the assessment list's query falls back to the default list for anything odd", () => {
  it("reads each filter", () => {
    expect(parseAssessmentListQuery(new URLSearchParams("status=ready&role=ml-engineer&interviewer=12&overdue=1&page=3"))).toEqual({
      status: "ready",
      role: "ml-engineer",
      interviewer: 12,
      overdue: true,
      page: 3,
    });
  });

  it("gives the defaults for missing, empty or malformed values", () => {
    expect(parseAssessmentListQuery(new URLSearchParams(""))).toEqual(DEFAULTS);
    expect(parseAssessmentListQuery(new URLSearchParams("status=&role=&interviewer=&overdue=&page="))).toEqual(DEFAULTS);
    expect(parseAssessmentListQuery(new URLSearchParams("status=Ready&role=../x&interviewer=-2&overdue=yes&page=0"))).toEqual(DEFAULTS);
    expect(parseAssessmentListQuery(new URLSearchParams(`role=${"a".repeat(201)}&interviewer=1.5&page=100001`))).toEqual(DEFAULTS);
  });

  it("writes the filters back into the list's links, leaving the defaults out", () => {
    expect(assessmentListHref({ status: "all", role: null, interviewer: null, overdue: false, page: 1 })).toBe("/assessments");
    expect(assessmentListHref({ status: "waiting", role: "ml-engineer", interviewer: 4, overdue: true, page: 1 }, 2)).toBe(
      "/assessments?status=waiting&role=ml-engineer&interviewer=4&overdue=1&page=2",
    );
  });
});
