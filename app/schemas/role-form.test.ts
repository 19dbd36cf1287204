import { describe, expect, it } from "vitest";
import { blankQuestion, formDataToValues, roleToFormValues, validateRoleForm } from "./role-form";

/** A new role's form values with one question on openness, its anchor set given as `set`. */
function formWithAnchors(set: unknown) {
  const values = roleToFormValues(null);
  values.slug = "data-steward";
  values.name = "Data Steward";
  values.family = "Data governance";
  values.questions = [
    {
      ...blankQuestion(),
      text: { es: "", en: "Tell us about a dataset you documented." },
      traits: ["openness"],
      anchors: { openness: set as never },
    },
    blankQuestion(),
  ];
  return values;
}

const low = { es: "", en: "Documents only what is asked." };
const mid = { es: "", en: "Documents the usual cases." };
const high = { es: "Busca formas nuevas.", en: "Looks for new ways." };

describe("role form anchors", () => {
  it("reads a posted anchor set (a record keyed by rating)", () => {
    const form = new FormData();
    for (const [name, value] of [
      ["slug", "data-steward"],
      ["name", "Data Steward"],
      ["family", "Data governance"],
      ["contentLanguage", "en"],
      ["questions.0.text.en", "Tell us about a dataset you documented."],
      ["questions.0.traits", "openness"],
      ["questions.0.anchors.openness.1.en", low.en],
      ["questions.0.anchors.openness.3.en", mid.en],
      ["questions.0.anchors.openness.5.es", high.es],
      ["questions.0.anchors.openness.5.en", high.en],
    ]) {
      form.append(name!, value!);
    }
    const result = validateRoleForm(formDataToValues(form));
    expect(result.ok && result.data.questions[0]?.anchors.openness).toEqual({
      "1": { en: low.en },
      "3": { en: mid.en },
      "5": { es: high.es, en: high.en },
    });
  });

  it("reads the anchor set react-hook-form makes in the browser (an array: ratings at indexes 1, 3 and 5)", () => {
    const typed: unknown[] = [];
    typed[1] = low;
    typed[3] = mid;
    typed[5] = high;
    const result = validateRoleForm(formWithAnchors(typed));
    expect(result).toEqual({ ok: true, data: expect.anything() });
    expect(result.ok && result.data.questions[0]?.anchors.openness).toEqual({
      "1": { en: low.en },
      "3": { en: mid.en },
      "5": { es: high.es, en: high.en },
    });
  });

  it("names a missing anchor by its field, whichever shape holds the set", () => {
    const typed: unknown[] = [];
    typed[1] = low;
    typed[5] = high;
    expect(validateRoleForm(formWithAnchors(typed))).toEqual({ ok: false, errors: { "questions.0.anchors.openness.3": "required" } });
    expect(validateRoleForm(formWithAnchors({ "1": low, "5": high }))).toEqual({
      ok: false,
      errors: { "questions.0.anchors.openness.3": "required" },
    });
  });
});
