import { describe, expect, it } from "vitest";
import { USER_ROLES } from "./accounts";

describe("an account is a recruiter or an interviewer", () => {
  it("has exactly the two roles, recruiter first", () => {
    expect(USER_ROLES).toEqual(["recruiter", "interviewer"]);
  });
});
