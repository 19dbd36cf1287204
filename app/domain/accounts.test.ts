import { describe, expect, it } from "vitest";
import { removesLastRecruiter, USER_ROLES } from "./accounts";

describe("an account is a recruiter or an interviewer", () => {
  it("has exactly the two roles, recruiter first", () => {
    expect(USER_ROLES).toEqual(["recruiter", "interviewer"]);
  });
});

const recruiter = { role: "recruiter" as const, active: true };

describe("the last recruiter", () => {
  it("the last recruiter cannot be demoted or deactivated", () => {
    expect(removesLastRecruiter(recruiter, { kind: "role", role: "interviewer" }, 1)).toBe(true);
    expect(removesLastRecruiter(recruiter, { kind: "active", active: false }, 1)).toBe(true);
  });

  it("a recruiter with another active recruiter beside them can be demoted or deactivated", () => {
    expect(removesLastRecruiter(recruiter, { kind: "role", role: "interviewer" }, 2)).toBe(false);
    expect(removesLastRecruiter(recruiter, { kind: "active", active: false }, 2)).toBe(false);
  });

  it("keeping the last recruiter a recruiter, or reactivating them, is no loss", () => {
    expect(removesLastRecruiter(recruiter, { kind: "role", role: "recruiter" }, 1)).toBe(false);
    expect(removesLastRecruiter(recruiter, { kind: "active", active: true }, 1)).toBe(false);
  });

  it("changing an interviewer or a deactivated recruiter never removes an active recruiter", () => {
    expect(removesLastRecruiter({ role: "interviewer", active: true }, { kind: "active", active: false }, 1)).toBe(false);
    expect(removesLastRecruiter({ role: "recruiter", active: false }, { kind: "role", role: "interviewer" }, 1)).toBe(false);
  });
});
