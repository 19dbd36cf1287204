import { describe, expect, it } from "vitest";
import { blankQuestion, formDataToValues, postedToFormValues, roleToFormValues, validateRoleForm } from "./role-form";

/** A new role's form values with one question on openness, its anchor set given as `set`. */
function formWithAnchors(set: unknown) {
  const values = roleToFormValues(null);
  values.slug = "data-steward";
  values.name = "Data Steward";
  values.family = "Data governance";
  values.questions = [
    {
      ...blankQuestion(),
      text: { es: "", en: "Tell us about a dataset you documented.", zh: "" },
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

describe("role form: the success case's profile", () => {
  function formWithCase(profile: Record<string, string>) {
    const values = roleToFormValues(null);
    values.slug = "data-steward";
    values.name = "Data Steward";
    values.family = "Data governance";
    values.successCase = {
      title: { es: "", en: "Weeks to hours", zh: "" },
      story: { es: "", en: "Mapped every step.", zh: "" },
      profile: { ...values.successCase.profile, ...profile },
    };
    return values;
  }

  it("keeps the traits given and leaves blank ones out", () => {
    const result = validateRoleForm(formWithCase({ openness: "82", conscientiousness: " 90 " }));
    expect(result.ok && result.data.successCase?.profile).toEqual({ openness: 82, conscientiousness: 90 });
  });

  it("has no profile when every score is blank, as a file written before it", () => {
    const result = validateRoleForm(formWithCase({}));
    expect(result.ok && result.data.successCase).toEqual({ title: { en: "Weeks to hours" }, story: { en: "Mapped every step." } });
  });

  it("names the field of a score out of range or not a number", () => {
    const result = validateRoleForm(formWithCase({ openness: "120", extraversion: "4x" }));
    expect(result).toEqual({
      ok: false,
      errors: {
        "successCase.profile.openness": "must be between 0 and 100",
        "successCase.profile.extraversion": "must be a whole number between 0 and 100",
      },
    });
  });

  it("asks for the case's title and story when only scores are given", () => {
    const values = formWithCase({ openness: "82" });
    values.successCase.title = { es: "", en: "", zh: "" };
    values.successCase.story = { es: "", en: "", zh: "" };
    const result = validateRoleForm(values);
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.errors).sort()).toEqual(["successCase.story", "successCase.title"]);
  });

  it("shows a saved profile's scores in the form, and blanks for the traits not given", () => {
    const values = roleToFormValues({
      ...formValid(),
      successCase: { title: { en: "T" }, story: { en: "S" }, profile: { openness: 82 } },
    });
    expect(values.successCase.profile).toEqual({
      openness: "82",
      conscientiousness: "",
      extraversion: "",
      agreeableness: "",
      emotional_stability: "",
      relational_engagement: "",
    });
  });

  it("reads the posted scores back as typed when the form is refused", () => {
    const form = new FormData();
    form.set("successCase.profile.openness", "120");
    expect(postedToFormValues(formDataToValues(form)).successCase.profile.openness).toBe("120");
  });
});

function formValid() {
  const result = validateRoleForm({ ...roleToFormValues(null), slug: "data-steward", name: "Data Steward", family: "Data governance" });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.data;
}
