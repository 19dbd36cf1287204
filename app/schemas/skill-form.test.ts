import { describe, expect, it } from "vitest";
import { formDataToValues } from "./role-form";
import { ROLE_MESSAGES } from "./role-messages";
import { postedToSkillFormValues, skillToFormValues, UNKNOWN_ROLE, unknownRoleErrors, validateSkillForm } from "./skill-form";
import type { ProfileExpectation } from "./skill";

function posted(fields: [string, string][]) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return formDataToValues(form);
}

const senior: ProfileExpectation = {
  role: "mlops-engineer",
  level: "senior",
  mandatory: true,
  description: { en: "Runs MLflow in production.", zh: "在生产中运行 MLflow。" },
};

describe("skill profile form", () => {
  it("shows each expectation as a row and one blank row to add one", () => {
    const values = skillToFormValues([senior]);
    expect(values.expectations).toEqual([
      {
        role: "mlops-engineer",
        level: "senior",
        mandatory: true,
        description: { es: "", en: "Runs MLflow in production.", zh: "在生产中运行 MLflow。" },
      },
      { role: "", level: "", mandatory: false, description: { es: "", en: "", zh: "" } },
    ]);
  });

  it("reads the posted rows, skipping blank ones (a cleared row is removed)", () => {
    const values = posted([
      ["expectations.0.role", ""],
      ["expectations.0.level", ""],
      ["expectations.0.description.en", "  "],
      ["expectations.1.role", "data-engineer"],
      ["expectations.1.level", "mid"],
      ["expectations.1.mandatory", "on"],
      ["expectations.1.description.es", " Usa MLflow. "],
      ["expectations.2.role", ""],
      ["expectations.2.level", ""],
    ]);
    expect(validateSkillForm(values)).toEqual({
      ok: true,
      data: { expectations: [{ role: "data-engineer", level: "mid", mandatory: true, description: { es: "Usa MLflow." } }] },
    });
  });

  it("edits the description in every content language, Chinese included", () => {
    const values = posted([
      ["expectations.0.role", "mlops-engineer"],
      ["expectations.0.level", "senior"],
      ["expectations.0.description.en", "Runs and upgrades MLflow."],
      ["expectations.0.description.zh", " 在生产中运行 MLflow。 "],
    ]);
    expect(validateSkillForm(values)).toEqual({
      ok: true,
      data: {
        expectations: [
          {
            role: "mlops-engineer",
            level: "senior",
            mandatory: false,
            description: { en: "Runs and upgrades MLflow.", zh: "在生产中运行 MLflow。" },
          },
        ],
      },
    });
  });

  it("names the row's fields that need a fix, by their form index", () => {
    const values = posted([
      ["expectations.0.role", "mlops-engineer"],
      ["expectations.0.level", "senior"],
      ["expectations.0.description.en", "A"],
      ["expectations.3.role", ""],
      ["expectations.3.level", "mid"],
      ["expectations.3.description.en", "B"],
    ]);
    expect(validateSkillForm(values)).toEqual({ ok: false, errors: { "expectations.3.role": ROLE_MESSAGES.required } });
  });

  it("refuses a row without a description, and a second expectation for the same role and level", () => {
    const values = posted([
      ["expectations.0.role", "mlops-engineer"],
      ["expectations.0.level", "senior"],
      ["expectations.0.description.en", "A"],
      ["expectations.1.role", "mlops-engineer"],
      ["expectations.1.level", "senior"],
      ["expectations.1.description.en", "B"],
      ["expectations.2.role", "data-engineer"],
      ["expectations.2.level", "lead"],
    ]);
    expect(validateSkillForm(values)).toEqual({
      ok: false,
      errors: {
        "expectations.1.level": ROLE_MESSAGES.expectationTwice,
        "expectations.2.description": ROLE_MESSAGES.oneLanguage,
      },
    });
  });

  it("refuses a level that is not one of the five", () => {
    const values = posted([
      ["expectations.0.role", "mlops-engineer"],
      ["expectations.0.level", "intern"],
      ["expectations.0.description.en", "A"],
    ]);
    expect(validateSkillForm(values)).toEqual({ ok: false, errors: { "expectations.0.level": ROLE_MESSAGES.required } });
  });

  it("shows the posted rows again as typed, with a blank row at the end", () => {
    const values = posted([
      ["expectations.0.role", "mlops-engineer"],
      ["expectations.0.level", "senior"],
      ["expectations.0.mandatory", "on"],
      ["expectations.0.description.en", "A "],
    ]);
    expect(postedToSkillFormValues(values).expectations).toEqual([
      { role: "mlops-engineer", level: "senior", mandatory: true, description: { es: "", en: "A ", zh: "" } },
      { role: "", level: "", mandatory: false, description: { es: "", en: "", zh: "" } },
    ]);
  });

  it("marks the rows naming a role the library does not have, by their form index", () => {
    const values = posted([
      ["expectations.0.role", "mlops-engineer"],
      ["expectations.4.role", "gone-role"],
    ]);
    expect(unknownRoleErrors(values, new Set(["gone-role"]))).toEqual({ "expectations.4.role": UNKNOWN_ROLE });
  });
});
