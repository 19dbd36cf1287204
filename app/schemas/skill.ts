import { z } from "./zod-mini";
import { localizedText } from "./localized";
import { levelSchema, nameSchema, slugSchema } from "./role";
import { ROLE_MESSAGES } from "./role-messages";

/*
 * The skill profile file ("traitkit.skill/v1"): for each level and each role,
 * what is expected of a skill and whether it is mandatory. Unknown keys are refused.
 */

export const SKILL_FORMAT = "traitkit.skill/v1";

export const skillExpectationSchema = z.strictObject({
  role: slugSchema,
  /** The role's name as the page publishes it. */
  roleName: nameSchema,
  level: levelSchema,
  mandatory: z.boolean(),
  description: localizedText,
});

export const skillFileSchema = z
  .strictObject({
    format: z.literal(SKILL_FORMAT),
    slug: slugSchema,
    name: nameSchema,
    /** The page's "Dominio", e.g. "Machine Learning & AI". */
    domain: nameSchema,
    /** The page's "skills.group", e.g. "MLOps". */
    group: z.nullable(nameSchema),
    description: z.nullable(localizedText),
    /** The page's "last updated" as an ISO date (YYYY-MM-DD). */
    publishedOn: z.nullable(z.iso.date("must be a date YYYY-MM-DD")),
    /** The document files the profile was transcribed from. */
    sources: z.array(z.string().check(z.trim(), z.minLength(1, "must not be empty"))),
    expectations: z.array(skillExpectationSchema),
  })
  .check(
    z.superRefine((skill, ctx) => {
      const seen = new Set<string>();
      skill.expectations.forEach((expectation, index) => {
        const key = `${expectation.role}|${expectation.level}`;
        if (seen.has(key)) {
          ctx.addIssue({
            code: "custom",
            path: ["expectations", index, "level"],
            message: `duplicate expectation for role "${expectation.role}" at level ${expectation.level}`,
          });
        }
        seen.add(key);
      });
    }),
  );

export type SkillFileInput = z.input<typeof skillFileSchema>;
export type SkillFile = z.infer<typeof skillFileSchema>;
export type SkillExpectationFile = z.infer<typeof skillExpectationSchema>;

/*
 * A skill profile as the app keeps its versions and as its form edits it: the
 * skill's expectations for the library's roles, in the canonical order (level,
 * then role), so two versions compare item by item.
 */

export const profileExpectationSchema = z.strictObject({
  role: slugSchema,
  level: levelSchema,
  mandatory: z.boolean(),
  description: localizedText,
});

function refineExpectations(profile: { expectations: readonly { role: string; level: string }[] }, ctx: z.core.$RefinementCtx): void {
  const seen = new Set<string>();
  profile.expectations.forEach((expectation, index) => {
    const key = `${expectation.role}|${expectation.level}`;
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["expectations", index, "level"], message: ROLE_MESSAGES.expectationTwice });
    seen.add(key);
  });
}

/** What the skill profile form edits (and a proposal on a skill may change): the expectations. */
export const skillExpectationsSchema = z
  .strictObject({ expectations: z.array(profileExpectationSchema) })
  .check(z.superRefine(refineExpectations));

export const skillProfileDocumentSchema = z
  .strictObject({
    slug: slugSchema,
    name: nameSchema,
    domain: nameSchema,
    group: z.nullable(nameSchema),
    description: z.nullable(localizedText),
    publishedOn: z.nullable(z.iso.date("must be a date YYYY-MM-DD")),
    expectations: z.array(profileExpectationSchema),
  })
  .check(z.superRefine(refineExpectations));

export type ProfileExpectation = z.infer<typeof profileExpectationSchema>;
export type SkillProfileDocument = z.infer<typeof skillProfileDocumentSchema>;
