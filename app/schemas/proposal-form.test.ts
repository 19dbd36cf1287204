import { describe, expect, it } from "vitest";
import { PROPOSAL_RATIONALE_MAX, PROPOSAL_TITLE_MAX, validateProposalFields } from "./proposal-form";

describe("proposal fields", () => {
  it("takes a title and a rationale, trimmed", () => {
    expect(validateProposalFields({ title: "  Lower the openness band ", rationale: "\nOur best hires score 50.\n" })).toEqual({
      ok: true,
      data: { title: "Lower the openness band", rationale: "Our best hires score 50." },
    });
  });

  it("requires both: blanks and missing fields are refused by name", () => {
    expect(validateProposalFields({ title: "   ", rationale: undefined })).toEqual({
      ok: false,
      errors: { title: "titleRequired", rationale: "rationaleRequired" },
    });
  });

  it("takes a title of exactly the limit and refuses one character more", () => {
    expect(validateProposalFields({ title: "t".repeat(PROPOSAL_TITLE_MAX), rationale: "why" }).ok).toBe(true);
    expect(validateProposalFields({ title: "t".repeat(PROPOSAL_TITLE_MAX + 1), rationale: "why" })).toEqual({
      ok: false,
      errors: { title: "titleLong" },
    });
  });

  it("counts the rationale's limit after trimming", () => {
    expect(validateProposalFields({ title: "t", rationale: ` ${"r".repeat(PROPOSAL_RATIONALE_MAX)} ` }).ok).toBe(true);
    expect(validateProposalFields({ title: "t", rationale: "r".repeat(PROPOSAL_RATIONALE_MAX + 1) })).toEqual({
      ok: false,
      errors: { rationale: "rationaleLong" },
    });
  });

  it("refuses a field posted as something other than text", () => {
    expect(validateProposalFields({ title: ["a", "b"], rationale: 3 })).toEqual({
      ok: false,
      errors: { title: "titleRequired", rationale: "rationaleRequired" },
    });
  });
});
