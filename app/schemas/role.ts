import { z } from "./zod-mini";
import { LEVELS } from "~/domain/levels";
import { TRAIT_KEYS, traitRecord } from "~/domain/traits";
import { MAX_ANCHOR_LENGTH, MAX_QUESTION_LENGTH } from "./kit";
import { LANGS, localizedText, localizedTextOf } from "./localized";
import { duplicateMessage, ROLE_DUPLICATES, ROLE_MESSAGES } from "./role-messages";

/*
 * The role file: Traitkit's seed format and its role import/export format
 * ("traitkit.role/v1"). It is a contract: unknown keys are refused everywhere,
 * so a typo in an imported file is an error, never silently dropped data.
 */

export const ROLE_FORMAT = "traitkit.role/v1";

/**
 * Every static word of the app's addresses (app/routes file names): a role
 * slugged "new" would be /roles/new, the form, and could never be opened.
 * tests/unit/role-schema.test.ts checks the list against the routes.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "account",
  "assessments",
  "audit",
  "autosave",
  "calibration",
  "candidates",
  "compare",
  "edit",
  "export",
  "follows",
  "healthz",
  "history",
  "import",
  "invite",
  "kits",
  "language",
  "level",
  "login",
  "logout",
  "new",
  "print",
  "propose",
  "proposals",
  "roles",
  "scorecard",
  "settings",
  "skills",
  "users",
]);

export const SLUG_MAX = 80;

export const slugSchema = z.string().check(
  z.minLength(2, ROLE_MESSAGES.slugShort),
  z.maxLength(SLUG_MAX, ROLE_MESSAGES.slugLong),
  z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, ROLE_MESSAGES.slugChars),
  z.refine((slug) => !RESERVED_SLUGS.has(slug), ROLE_MESSAGES.slugReserved),
);

/**
 * The slug a name suggests: "MLOps Engineer (Senior)" → "mlops-engineer-senior".
 * Accents are dropped, anything else becomes a hyphen; a reserved word gets "-role".
 */
export function slugFromName(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, "");
  return RESERVED_SLUGS.has(slug) ? `${slug}-role` : slug;
}

export const NAME_MAX = 200;

export const nameSchema = z.string().check(z.trim(), z.minLength(1, ROLE_MESSAGES.notEmpty), z.maxLength(NAME_MAX, ROLE_MESSAGES.nameLong));

export const traitKeySchema = z.enum(TRAIT_KEYS);
export const levelSchema = z.enum(LEVELS);
export const contentLanguageSchema = z.enum(LANGS);

const score = z
  .int({ error: (issue) => (issue.input === undefined ? ROLE_MESSAGES.required : ROLE_MESSAGES.scoreWhole) })
  .check(z.minimum(0, ROLE_MESSAGES.scoreRange), z.maximum(100, ROLE_MESSAGES.scoreRange));

export const traitBandSchema = z
  .strictObject({
    low: score,
    high: score,
    weight: z.literal([1, 2, 3], ROLE_MESSAGES.weight),
    statement: z.nullable(localizedText),
    /** "team": numbers chosen by the team (the documents publish only a chart); "published": from a source. */
    bandSource: z.enum(["team", "published"]),
  })
  .check(z.refine((band) => band.low <= band.high, { message: ROLE_MESSAGES.highBelowLow, path: ["high"] }));

/** Exactly the six traits: a published profile has a band for every trait. */
export const idealProfileSchema = z.strictObject(traitRecord(() => traitBandSchema));

/** Behaviour anchors of one trait of a question, for ratings 1, 3 and 5. */
const anchorText = localizedTextOf(MAX_ANCHOR_LENGTH, ROLE_MESSAGES.anchorLong);

export const anchorSetSchema = z.strictObject({
  "1": anchorText,
  "3": anchorText,
  "5": anchorText,
});

export const questionSchema = z
  .strictObject({
    /** A kit copies the role's questions: the kit's limits hold here too. */
    text: localizedTextOf(MAX_QUESTION_LENGTH, ROLE_MESSAGES.questionLong),
    /** The rest of the document's "Evalúa: <traits> …" line, e.g. "en gestión de incidentes de ML". */
    evaluatesNote: z.nullable(localizedText),
    traits: z.array(traitKeySchema).check(
      z.minLength(1, ROLE_MESSAGES.traitsFew),
      z.maxLength(3, ROLE_MESSAGES.traitsMany),
      z.refine((traits) => new Set(traits).size === traits.length, ROLE_MESSAGES.traitsTwice),
    ),
    anchors: z.partialRecord(traitKeySchema, anchorSetSchema),
  })
  .check(
    z.superRefine((question, ctx) => {
      const anchored = new Set(Object.keys(question.anchors));
      for (const trait of question.traits) {
        if (!anchored.has(trait)) {
          ctx.addIssue({ code: "custom", path: ["anchors", trait], message: ROLE_MESSAGES.anchorsMissing });
        }
      }
      const evaluated = new Set<string>(question.traits);
      for (const key of anchored) {
        if (!evaluated.has(key)) {
          ctx.addIssue({ code: "custom", path: ["anchors", key], message: ROLE_MESSAGES.anchorsExtra });
        }
      }
    }),
  );

export const transitionSchema = z.strictObject({
  target: slugSchema,
  targetName: nameSchema,
  /** The role profile's published fit %, shown as published. */
  publishedFit: score,
  strengths: z.array(localizedText),
  /** "Áreas a desarrollar: Apertura +15" → { openness: 15 }. */
  deltas: z.partialRecord(
    traitKeySchema,
    z.int({ error: ROLE_MESSAGES.deltaWhole }).check(z.minimum(-100, ROLE_MESSAGES.deltaRange), z.maximum(100, ROLE_MESSAGES.deltaRange)),
  ),
});

export const similarRoleSchema = z.strictObject({ slug: slugSchema, name: nameSchema });

/**
 * The success case's OCEAN+ profile: a score per trait, any of the six. The
 * documents draw it as a chart only, so the numbers are the team's reading of
 * the story; a trait left out is not given (and not drawn).
 */
export const successCaseProfileSchema = z.partialRecord(traitKeySchema, score);

export const successCaseSchema = z.strictObject({
  title: localizedText,
  story: localizedText,
  /** Optional: role files written before the profile existed still import. */
  profile: z.optional(successCaseProfileSchema),
});

export const archetypeSchema = z.strictObject({ name: localizedText, description: localizedText });

/** A matrix cell code as published (A, W, E, —): the documents do not define them, so kept verbatim. */
export const skillCodeSchema = z
  .string()
  .check(z.minLength(1, ROLE_MESSAGES.notEmpty), z.maxLength(8, ROLE_MESSAGES.codeLong), z.regex(/^\S+$/, ROLE_MESSAGES.codeSpaces));

export const matrixSkillSchema = z.strictObject({
  slug: slugSchema,
  name: nameSchema,
  codes: z.record(levelSchema, skillCodeSchema),
});

export const skillsMatrixSchema = z
  .strictObject({
    levelFocus: z.partialRecord(levelSchema, localizedText),
    /** The technology stack as published (a flat list). */
    technologies: z.array(
      z.string().check(z.trim(), z.minLength(1, ROLE_MESSAGES.notEmpty), z.maxLength(NAME_MAX, ROLE_MESSAGES.itemLong)),
    ),
    /** A group is the skills' domain (e.g. "Machine Learning & AI"). */
    groups: z.array(z.strictObject({ name: nameSchema, skills: z.array(matrixSkillSchema) })),
  })
  .check(
    z.superRefine((matrix, ctx) => {
      reportDuplicates(
        ctx,
        matrix.groups.map((group, index) => ({ value: group.name, path: ["groups", index, "name"] })),
        ROLE_DUPLICATES.duplicateGroup,
      );
      reportDuplicates(
        ctx,
        matrix.groups.flatMap((group, g) =>
          group.skills.map((skill, s) => ({ value: skill.slug, path: ["groups", g, "skills", s, "slug"] })),
        ),
        ROLE_DUPLICATES.duplicateSkill,
      );
    }),
  );

/** What a recruiter edits in the role form: everything but the skills matrix and the source note. */
const roleContentShape = {
  slug: slugSchema,
  name: nameSchema,
  family: nameSchema,
  contentLanguage: contentLanguageSchema,
  summary: z._default(z.nullable(localizedText), null),
  /** null: no published profile ("no ideal profile yet"). */
  idealProfile: z.nullable(idealProfileSchema),
  strengths: z.array(localizedText),
  redFlags: z.array(localizedText),
  questions: z.array(questionSchema),
  transitions: z.array(transitionSchema),
  similarRoles: z.array(similarRoleSchema),
  successCase: z.nullable(successCaseSchema),
  archetypes: z.array(archetypeSchema),
};

function refineRole(
  role: { transitions: readonly { target: string }[]; similarRoles: readonly { slug: string }[] },
  ctx: z.core.$RefinementCtx,
): void {
  reportDuplicates(
    ctx,
    role.transitions.map((transition, index) => ({ value: transition.target, path: ["transitions", index, "target"] })),
    ROLE_DUPLICATES.duplicateTransitionTarget,
  );
  reportDuplicates(
    ctx,
    role.similarRoles.map((similar, index) => ({ value: similar.slug, path: ["similarRoles", index, "slug"] })),
    ROLE_DUPLICATES.duplicateSimilarRole,
  );
}

/** The role form's content, validated by the browser and by the server alike. */
export const roleContentSchema = z.strictObject(roleContentShape).check(z.superRefine(refineRole));
export type RoleContent = z.infer<typeof roleContentSchema>;

const SOURCE_NOTE_MAX = 5000;

export const roleFileSchema = z
  .strictObject({
    format: z.literal(ROLE_FORMAT),
    ...roleContentShape,
    /** Where the data comes from and what the source got wrong; free text, not shown to candidates. */
    sourceNote: z._default(
      z.nullable(z.string().check(z.trim(), z.minLength(1, ROLE_MESSAGES.notEmpty), z.maxLength(SOURCE_NOTE_MAX, ROLE_MESSAGES.noteLong))),
      null,
    ),
    skillsMatrix: z.nullable(skillsMatrixSchema),
  })
  .check(z.superRefine(refineRole));

/** A role file as given (optional keys may be absent). */
export type RoleFileInput = z.input<typeof roleFileSchema>;
/** A validated role file. */
export type RoleFile = z.infer<typeof roleFileSchema>;
export type IdealProfileFile = z.infer<typeof idealProfileSchema>;
export type TraitBandFile = z.infer<typeof traitBandSchema>;
export type QuestionFile = z.infer<typeof questionSchema>;
export type TransitionFile = z.infer<typeof transitionSchema>;
export type SuccessCaseProfileFile = z.infer<typeof successCaseProfileSchema>;
export type SkillsMatrixFile = z.infer<typeof skillsMatrixSchema>;

type Keyed = { value: string; path: (string | number)[] };

function reportDuplicates(ctx: z.core.$RefinementCtx, items: readonly Keyed[], what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.value)) {
      ctx.addIssue({ code: "custom", path: item.path, message: duplicateMessage(what, item.value) });
    }
    seen.add(item.value);
  }
}

export type FormattedIssue = { path: string; message: string };

/** `["questions", 2, "traits"]` → `questions[2].traits`; the root is "". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Every issue with a readable path, for per-field errors in forms and imports. */
export function formatIssues(error: z.core.$ZodError): FormattedIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}
