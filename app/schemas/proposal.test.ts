import { describe, expect, it } from "vitest";
import { z } from "./zod-mini";
import {
  acceptNoteSchema,
  commentForm,
  proposalListQuery,
  conflictChoiceSchema,
  resolveField,
  rejectForm,
  versionNumberSchema,
  voteForm,
  voteNumber,
} from "./proposal";

describe("proposal forms", () => {
  it("takes a vote of 1, -1 or 0 and nothing else", () => {
    for (const value of ["1", "-1", "0"]) expect(z.safeParse(voteForm, { value }).success).toBe(true);
    for (const value of ["2", "+1", "", undefined]) expect(z.safeParse(voteForm, { value }).success).toBe(false);
    expect(voteNumber("-1")).toBe(-1);
    expect(voteNumber("0")).toBe(0);
  });

  it("keeps a comment's line breaks as LF, trimmed, and refuses an empty or too long one", () => {
    expect(z.parse(commentForm, { body: "  one\r\ntwo\rthree \n" }).body).toBe("one\ntwo\nthree");
    expect(z.safeParse(commentForm, { body: " \r\n " }).success).toBe(false);
    expect(z.safeParse(commentForm, {}).success).toBe(false);
    expect(z.safeParse(commentForm, { body: "x".repeat(4000) }).success).toBe(true);
    expect(z.safeParse(commentForm, { body: "x".repeat(4001) }).success).toBe(false);
  });

  it("needs a reason to reject, and takes an accept note as optional", () => {
    const missing = z.safeParse(rejectForm, { reason: "" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.message).toBe("proposals.errors.reasonRequired");
    expect(z.safeParse(rejectForm, { reason: "x".repeat(2001) }).success).toBe(false);
    expect(z.parse(acceptNoteSchema, "")).toBeNull();
    expect(z.parse(acceptNoteSchema, undefined)).toBeNull();
    expect(z.parse(acceptNoteSchema, " ok ")).toBe("ok");
    expect(z.safeParse(acceptNoteSchema, "x".repeat(2001)).success).toBe(false);
  });

  it("takes a conflict's choice as proposed or current", () => {
    expect(z.parse(conflictChoiceSchema, "proposed")).toBe("proposed");
    expect(z.parse(conflictChoiceSchema, "current")).toBe("current");
    expect(z.safeParse(conflictChoiceSchema, "both").error?.issues[0]?.message).toBe("proposals.errors.resolveRequired");
    expect(resolveField("idealProfile.openness.high")).toBe("resolve:idealProfile.openness.high");
  });

  it("leaves out a list filter it cannot read", () => {
    expect(z.parse(proposalListQuery, { role: "mlops-engineer", status: "open", author: "3" })).toEqual({
      role: "mlops-engineer",
      skill: undefined,
      status: "open",
      author: 3,
    });
    expect(z.parse(proposalListQuery, { role: "Not A Slug!", status: "maybe", author: "007", skill: "" })).toEqual({
      role: undefined,
      skill: undefined,
      status: undefined,
      author: undefined,
    });
  });

  it("reads a version number, canonical and positive", () => {
    expect(z.parse(versionNumberSchema, "12")).toBe(12);
    for (const bad of ["0", "01", "-1", "x", "1.5", ""]) expect(z.safeParse(versionNumberSchema, bad).success).toBe(false);
  });
});
