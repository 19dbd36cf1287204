import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { candidateSchema } from "../../app/schemas/candidate";
import { localizedText, parseLocalized, pickText, stringifyLocalized } from "../../app/schemas/localized";
import {
  formatIssues,
  formatPath,
  RESERVED_SLUGS,
  roleFileSchema,
  slugFromName,
  slugSchema,
  type FormattedIssue,
  type RoleFileInput,
} from "../../app/schemas/role";
import { roleMessageKey } from "../../app/schemas/role-messages";
import { jsonErrorPosition, roleFileIssues } from "../../app/schemas/role-file-issues";
import { skillFileSchema, type SkillFileInput } from "../../app/schemas/skill";

const band = { low: 40, high: 60, weight: 2, statement: { en: "Curious" }, bandSource: "team" } as const;
const anchors = { "1": { en: "Vague" }, "3": { en: "Some detail" }, "5": { en: "Specific" } } as const;

function validRole() {
  return {
    format: "traitkit.role/v1",
    slug: "test-role",
    name: "Test Role",
    family: "Testing",
    contentLanguage: "en",
    idealProfile: {
      openness: band,
      conscientiousness: band,
      extraversion: band,
      agreeableness: band,
      emotional_stability: band,
      relational_engagement: band,
    },
    strengths: [{ en: "Good" }],
    redFlags: [{ es: "Malo" }],
    questions: [{ text: { en: "Why?" }, evaluatesNote: null, traits: ["openness"], anchors: { openness: anchors } }],
    transitions: [{ target: "other-role", targetName: "Other Role", publishedFit: 62, strengths: [], deltas: { openness: 15 } }],
    similarRoles: [],
    successCase: null,
    archetypes: [],
    skillsMatrix: null,
  } satisfies RoleFileInput;
}

function issuesOf(input: unknown): FormattedIssue[] {
  const parsed = roleFileSchema.safeParse(input);
  if (parsed.success) throw new Error("expected the role file to be refused");
  return formatIssues(parsed.error);
}

function pathsOf(input: unknown): string[] {
  return issuesOf(input).map((issue) => issue.path);
}

describe("roleFileSchema", () => {
  it("accepts a valid role file and defaults summary and sourceNote to null", () => {
    const parsed = roleFileSchema.parse(validRole());
    expect(parsed.summary).toBeNull();
    expect(parsed.sourceNote).toBeNull();
    expect(parsed.idealProfile?.openness.weight).toBe(2);
  });

  it("accepts a role without an ideal profile", () => {
    expect(roleFileSchema.safeParse({ ...validRole(), idealProfile: null }).success).toBe(true);
  });

  it("refuses a band whose low is above its high, at the high", () => {
    const role = validRole();
    const input = { ...role, idealProfile: { ...role.idealProfile, openness: { ...band, low: 80, high: 70 } } };
    expect(issuesOf(input)).toEqual([{ path: "idealProfile.openness.high", message: "must be at least low" }]);
  });

  it("refuses a question with 4 traits or none", () => {
    const role = validRole();
    const question = role.questions[0];
    const four = {
      ...role,
      questions: [
        {
          ...question,
          traits: ["openness", "conscientiousness", "extraversion", "agreeableness"],
          anchors: { openness: anchors, conscientiousness: anchors, extraversion: anchors, agreeableness: anchors },
        },
      ],
    };
    expect(issuesOf(four)).toContainEqual({ path: "questions[0].traits", message: "at most 3" });
    const none = { ...role, questions: [{ ...question, traits: [], anchors: {} }] };
    expect(issuesOf(none)).toContainEqual({ path: "questions[0].traits", message: "at least 1" });
  });

  it("refuses a trait twice on a question", () => {
    const role = validRole();
    const input = { ...role, questions: [{ ...role.questions[0], traits: ["openness", "openness"] }] };
    expect(pathsOf(input)).toEqual(["questions[0].traits"]);
  });

  it("requires anchors 1, 3 and 5 for exactly the question's traits", () => {
    const role = validRole();
    const question = role.questions[0];
    const missingTrait = { ...role, questions: [{ ...question, traits: ["openness", "agreeableness"] }] };
    expect(pathsOf(missingTrait)).toEqual(["questions[0].anchors.agreeableness"]);
    const extraTrait = { ...role, questions: [{ ...question, anchors: { openness: anchors, extraversion: anchors } }] };
    expect(pathsOf(extraTrait)).toEqual(["questions[0].anchors.extraversion"]);
    const missingRating = { ...role, questions: [{ ...question, anchors: { openness: { "1": anchors["1"], "3": anchors["3"] } } }] };
    expect(pathsOf(missingRating)).toEqual(["questions[0].anchors.openness.5"]);
  });

  it("refuses an unknown format", () => {
    expect(pathsOf({ ...validRole(), format: "traitkit.role/v2" })).toEqual(["format"]);
  });

  it("refuses an ideal profile missing a trait", () => {
    const role = validRole();
    const { extraversion: _dropped, ...fiveTraits } = role.idealProfile;
    expect(pathsOf({ ...role, idealProfile: fiveTraits })).toEqual(["idealProfile.extraversion"]);
  });

  it("refuses unknown keys, at the object that has them", () => {
    expect(issuesOf({ ...validRole(), colour: "blue" })).toEqual([{ path: "", message: expect.stringContaining("colour") }]);
    const role = validRole();
    const input = { ...role, idealProfile: { ...role.idealProfile, grit: band } };
    expect(pathsOf(input)).toEqual(["idealProfile"]);
  });

  it("refuses wrong types with their paths", () => {
    const role = validRole();
    const transition = role.transitions[0];
    expect(pathsOf({ ...role, transitions: [{ ...transition, publishedFit: "62" }] })).toEqual(["transitions[0].publishedFit"]);
    expect(pathsOf({ ...role, transitions: [{ ...transition, publishedFit: 62.5 }] })).toEqual(["transitions[0].publishedFit"]);
    expect(pathsOf({ ...role, transitions: [{ ...transition, deltas: { openness: 101 } }] })).toEqual(["transitions[0].deltas.openness"]);
    expect(pathsOf({ ...role, idealProfile: { ...role.idealProfile, openness: { ...band, weight: 4 } } })).toEqual([
      "idealProfile.openness.weight",
    ]);
    expect(pathsOf({ ...role, idealProfile: { ...role.idealProfile, openness: { ...band, high: 101 } } })).toEqual([
      "idealProfile.openness.high",
    ]);
    expect(pathsOf({ ...role, slug: "Test Role" })).toEqual(["slug"]);
    expect(pathsOf({ ...role, contentLanguage: "fr" })).toEqual(["contentLanguage"]);
    expect(pathsOf({ ...role, strengths: "Good" })).toEqual(["strengths"]);
    expect(pathsOf({ ...role, questions: [{ ...role.questions[0], traits: ["grit"] }] })).toContain("questions[0].traits[0]");
  });

  it("refuses a localized text with no language or a blank one", () => {
    const role = validRole();
    expect(issuesOf({ ...role, summary: {} })).toEqual([{ path: "summary", message: "at least one language" }]);
    expect(pathsOf({ ...role, summary: { en: "   " } })).toEqual(["summary.en"]);
    expect(pathsOf({ ...role, summary: { fr: "Bonjour" } })).toContain("summary");
  });

  it("refuses the same transition target or similar role twice, quoting it, and the form knows each message", () => {
    const role = validRole();
    const transition = role.transitions[0];
    const twice = issuesOf({ ...role, transitions: [transition, transition] });
    expect(twice).toEqual([{ path: "transitions[1].target", message: 'duplicate transition target "other-role"' }]);
    const similar = { slug: "data-engineer", name: "Data Engineer" };
    const similarTwice = issuesOf({ ...role, similarRoles: [similar, similar] });
    expect(similarTwice).toEqual([{ path: "similarRoles[1].slug", message: 'duplicate similar role "data-engineer"' }]);
    // The role form says these in the reader's language, by key.
    expect([twice[0]?.message, similarTwice[0]?.message].map((message) => roleMessageKey(message ?? ""))).toEqual([
      "duplicateTransitionTarget",
      "duplicateSimilarRole",
    ]);
    expect(roleMessageKey("must be at least low")).toBe("highBelowLow");
    expect(roleMessageKey('duplicate skill "mlflow"')).toBe("duplicateSkill");
    expect(roleMessageKey("Invalid input: expected string, received undefined")).toBeUndefined();
  });

  it("checks the skills matrix codes and refuses a skill listed twice", () => {
    const codes = { junior: "A", mid: "W", senior: "A", lead: "—", principal: "E" };
    const skill = { slug: "mlflow", name: "MLflow", codes };
    const matrix = { levelFocus: { junior: { en: "Training" } }, technologies: ["Python"], groups: [{ name: "ML", skills: [skill] }] };
    const role = validRole();
    expect(roleFileSchema.safeParse({ ...role, skillsMatrix: matrix }).success).toBe(true);
    const missingLevel = { ...matrix, groups: [{ name: "ML", skills: [{ ...skill, codes: { ...codes, principal: undefined } }] }] };
    expect(pathsOf({ ...role, skillsMatrix: missingLevel })).toEqual(["skillsMatrix.groups[0].skills[0].codes.principal"]);
    const twice = {
      ...matrix,
      groups: [
        { name: "ML", skills: [skill] },
        { name: "Ops", skills: [skill] },
      ],
    };
    expect(pathsOf({ ...role, skillsMatrix: twice })).toEqual(["skillsMatrix.groups[1].skills[0].slug"]);
  });
});

describe("the success case's profile", () => {
  const successCase = { title: { en: "Weeks to hours" }, story: { en: "Mapped every step." } };

  it("imports a file written before the profile existed (no profile key)", () => {
    const parsed = roleFileSchema.parse({ ...validRole(), successCase });
    expect(parsed.successCase).toEqual(successCase);
    expect(parsed.successCase && "profile" in parsed.successCase).toBe(false);
  });

  it("accepts a score for any of the six traits, 0 and 100 included", () => {
    const profile = { openness: 0, conscientiousness: 100, relational_engagement: 72 };
    expect(roleFileSchema.parse({ ...validRole(), successCase: { ...successCase, profile } }).successCase?.profile).toEqual(profile);
  });

  it("refuses an unknown trait and a score out of range or not whole, naming the field", () => {
    const withProfile = (profile: unknown) => ({ ...validRole(), successCase: { ...successCase, profile } });
    expect(issuesOf(withProfile({ grit: 50 }))).toEqual([{ path: "successCase.profile", message: expect.stringContaining("grit") }]);
    expect(issuesOf(withProfile({ openness: 101 }))).toEqual([
      { path: "successCase.profile.openness", message: "must be between 0 and 100" },
    ]);
    expect(issuesOf(withProfile({ extraversion: -1 }))).toEqual([
      { path: "successCase.profile.extraversion", message: "must be between 0 and 100" },
    ]);
    expect(issuesOf(withProfile({ agreeableness: 64.5 }))).toEqual([
      { path: "successCase.profile.agreeableness", message: "must be a whole number between 0 and 100" },
    ]);
  });

  it("reports an unknown trait in an import by kind, at the profile", () => {
    const input = { ...validRole(), successCase: { ...successCase, profile: { grit: 50 } } };
    const parsed = roleFileSchema.safeParse(input);
    if (parsed.success) throw new Error("expected the role file to be refused");
    expect(roleFileIssues(parsed.error, input)).toEqual([
      { path: "successCase.profile", kind: "import", key: "unknownKeys", values: { keys: "grit" } },
    ]);
  });
});

describe("reserved slugs", () => {
  /** The static words of every route file's address: "roles.$slug_.edit.tsx" → ["roles", "edit"]. */
  function staticSegments(): Set<string> {
    const words = new Set<string>();
    for (const file of readdirSync(new URL("../../app/routes", import.meta.url))) {
      const route = file.replace(/\.tsx?$/, "");
      for (const segment of route.split(/(?<!\[)\.(?!\])/)) {
        const word = segment.replace(/_$/, "").replace(/\[\.\]/g, ".");
        if (word.startsWith("$") || word.startsWith("_") || word === "") continue;
        words.add(word);
      }
    }
    return words;
  }

  it("reserves every static word of the routes that a slug could spell (so /roles/<word> and /skills/<word> stay the app's)", () => {
    const words = [...staticSegments()].filter((word) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(word) && word.length >= 2);
    expect(words).toEqual(expect.arrayContaining(["new", "import", "edit", "export", "candidates", "compare"]));
    expect(words.filter((word) => !RESERVED_SLUGS.has(word))).toEqual([]);
  });

  it("refuses a reserved slug wherever a slug is given, with the form's own message", () => {
    for (const slug of ["new", "import", "edit", "export"]) {
      const parsed = slugSchema.safeParse(slug);
      expect(parsed.success).toBe(false);
      expect(roleMessageKey(parsed.error?.issues[0]?.message ?? "")).toBe("slugReserved");
    }
    expect(pathsOf({ ...validRole(), slug: "new" })).toEqual(["slug"]);
    expect(slugSchema.safeParse("new-grad-engineer").success).toBe(true);
  });

  it("suggests a slug from a name, never a reserved one", () => {
    expect(slugFromName("MLOps Engineer (Senior)")).toBe("mlops-engineer-senior");
    expect(slugFromName("  Ingeniería de Datos — Líder ")).toBe("ingenieria-de-datos-lider");
    expect(slugFromName("New")).toBe("new-role");
    expect(slugFromName("x".repeat(120))).toHaveLength(80);
    expect(slugSchema.safeParse(slugFromName("Data / ML Platform Engineer")).success).toBe(true);
  });
});

describe("free-text limits", () => {
  it("refuses a role's texts past their limits, each with the form's own message", () => {
    const role = validRole();
    const question = role.questions[0];
    const cases: [unknown, string, string][] = [
      [{ ...role, name: "N".repeat(201) }, "name", "nameLong"],
      [{ ...role, summary: { en: "s".repeat(2001) } }, "summary.en", "textLong"],
      [{ ...role, strengths: [{ en: "s".repeat(2001) }] }, "strengths[0].en", "textLong"],
      [{ ...role, questions: [{ ...question, text: { en: "q".repeat(1001) } }] }, "questions[0].text.en", "questionLong"],
      [
        { ...role, questions: [{ ...question, anchors: { openness: { ...anchors, "5": { es: "a".repeat(601) } } } }] },
        "questions[0].anchors.openness.5.es",
        "anchorLong",
      ],
      [{ ...role, sourceNote: "n".repeat(5001) }, "sourceNote", "noteLong"],
    ];
    for (const [input, path, key] of cases) {
      const issues = issuesOf(input);
      expect(issues.map((issue) => issue.path)).toEqual([path]);
      expect(roleMessageKey(issues[0]?.message ?? "")).toBe(key);
    }
    expect(roleFileSchema.safeParse({ ...role, summary: { en: "s".repeat(2000) }, name: "N".repeat(200) }).success).toBe(true);
  });

  it("refuses a candidate's name, e-mail, source and notes past their limits", () => {
    const fine = { name: "Ada", email: "ada@example.com", roleSlug: "", source: "", notes: "" };
    expect(candidateSchema.safeParse({ ...fine, name: "N".repeat(200), notes: "n".repeat(5000) }).success).toBe(true);
    for (const [field, value] of [
      ["name", "N".repeat(10_000)],
      ["email", `${"e".repeat(250)}@example.com`],
      ["source", "s".repeat(201)],
      ["notes", "n".repeat(5001)],
    ] as const) {
      const parsed = candidateSchema.safeParse({ ...fine, [field]: value });
      expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual([field]);
    }
  });
});

describe("role file issues", () => {
  function issuesFor(input: unknown) {
    const parsed = roleFileSchema.safeParse(input);
    if (parsed.success) throw new Error("expected the role file to be refused");
    return roleFileIssues(parsed.error, input);
  }

  it("says each field's problem by kind, never in zod's own words", () => {
    const { name: _name, ...nameless } = validRole();
    expect(issuesFor(nameless)).toEqual([{ path: "name", kind: "import", key: "required" }]);
    expect(issuesFor({ ...validRole(), family: 42 })).toEqual([
      { path: "family", kind: "import", key: "wrongType", values: { expected: "string" } },
    ]);
    expect(issuesFor({ ...validRole(), nmae: "Typo" })).toEqual([
      { path: "", kind: "import", key: "unknownKeys", values: { keys: "nmae" } },
    ]);
    expect(issuesFor({ ...validRole(), contentLanguage: "fr" })).toEqual([
      { path: "contentLanguage", kind: "import", key: "oneOf", values: { values: '"es", "en", "zh"' } },
    ]);
    expect(issuesFor({ ...validRole(), slug: "new" })).toEqual([{ path: "slug", kind: "format", key: "slugReserved" }]);
  });

  it("finds the line and column of a JSON syntax error", () => {
    const cases: [string, { line: number; column: number }][] = [
      ["{ not json", { line: 1, column: 3 }],
      ['{\n  "a": 1,\n  "b": }', { line: 3, column: 8 }],
      ["[1, 2", { line: 1, column: 6 }],
      ['{"a": "tab\there"}', { line: 1, column: 11 }],
      ['{"a": 1} x', { line: 1, column: 10 }],
      ['{\r\n  "a": [1,],\r\n}', { line: 2, column: 11 }],
    ];
    for (const [text, position] of cases) {
      expect(() => JSON.parse(text)).toThrow();
      expect(jsonErrorPosition(text), text).toEqual(position);
    }
  });
});

describe("formatPath", () => {
  it("renders indexes in brackets and keys with dots", () => {
    expect(formatPath(["questions", 2, "traits"])).toBe("questions[2].traits");
    expect(formatPath(["questions", 0, "anchors", "openness", "5"])).toBe("questions[0].anchors.openness.5");
    expect(formatPath([])).toBe("");
  });
});

describe("skillFileSchema", () => {
  const skill = {
    format: "traitkit.skill/v1",
    slug: "mlflow",
    name: "MLflow",
    domain: "Machine Learning & AI",
    group: "MLOps",
    description: null,
    publishedOn: "2026-03-17",
    sources: ["003.txt"],
    expectations: [{ role: "ml-engineer", roleName: "ML Engineer", level: "junior", mandatory: true, description: { en: "Uses MLflow" } }],
  } satisfies SkillFileInput;

  it("accepts a valid skill file and refuses a role twice at one level", () => {
    expect(skillFileSchema.safeParse(skill).success).toBe(true);
    const twice = skillFileSchema.safeParse({ ...skill, expectations: [...skill.expectations, ...skill.expectations] });
    expect(twice.success ? [] : formatIssues(twice.error).map((issue) => issue.path)).toEqual(["expectations[1].level"]);
  });

  it("wants an ISO date", () => {
    const parsed = skillFileSchema.safeParse({ ...skill, publishedOn: "17/3/2026" });
    expect(parsed.success ? [] : formatIssues(parsed.error).map((issue) => issue.path)).toEqual(["publishedOn"]);
  });
});

describe("localized text", () => {
  it("picks the reader's language, else the document's, else any", () => {
    expect(pickText({ es: "Hola", en: "Hello" }, "en", "es")).toEqual({ text: "Hello", lang: "en", translated: true });
    expect(pickText({ es: "Hola", en: "Hello" }, "es", "es")).toEqual({ text: "Hola", lang: "es", translated: false });
    expect(pickText({ es: "Hola", zh: "你好" }, "en", "zh")).toEqual({ text: "你好", lang: "zh", translated: false });
    expect(pickText({ zh: "你好" }, "en", "es")).toEqual({ text: "你好", lang: "zh", translated: true });
  });

  it("round-trips through the JSON column", () => {
    const text = localizedText.parse({ en: " Hello ", es: "Hola" });
    const json = stringifyLocalized(text);
    expect(json).toBe('{"es":"Hola","en":"Hello"}');
    expect(parseLocalized(json)).toEqual({ es: "Hola", en: "Hello" });
    expect(parseLocalized(null)).toBeNull();
    expect(() => parseLocalized("{}")).toThrow();
    expect(() => parseLocalized("not json")).toThrow();
  });
});
