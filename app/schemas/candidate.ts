import { z } from "./zod-mini";
import { MAX_RECORD_ID } from "./ids";
import { DECISIONS } from "~/domain/decisions";
import { CANDIDATE_SORTS } from "./list-options";

// Messages are i18n keys (validation.*), shown in the reader's language.

const optionalText = (max: number) =>
  z.pipe(
    z.optional(z.string().check(z.trim(), z.maxLength(max, "validation.tooLong"))),
    z.transform((v) => (v === undefined || v === "" ? null : v)),
  );

/** Each free-text field's limit: the form counts towards it, the schema refuses past it. */
export const CANDIDATE_LIMITS = { name: 200, email: 254, source: 200, notes: 5000 } as const;

/** The candidate form (create and edit): the browser and the server use it alike. */
export const candidateSchema = z.object({
  name: z
    .string({ error: "validation.nameRequired" })
    .check(z.trim(), z.minLength(1, "validation.nameRequired"), z.maxLength(CANDIDATE_LIMITS.name, "validation.tooLong")),
  email: z.pipe(
    z.pipe(
      z.optional(z.string().check(z.trim(), z.maxLength(CANDIDATE_LIMITS.email, "validation.emailTooLong"))),
      z.transform((v) => (v === undefined || v === "" ? null : v.toLowerCase())),
    ),
    z.nullable(z.email({ error: "validation.emailInvalid" })),
  ),
  roleSlug: optionalText(80),
  source: optionalText(CANDIDATE_LIMITS.source),
  notes: optionalText(CANDIDATE_LIMITS.notes),
  /** Ticked when the recruiter confirms a second candidate with an e-mail already on file is another person. */
  differentPerson: z.pipe(
    z.optional(z.union([z.boolean(), z.string()])),
    z.transform((v) => v === true || v === "on"),
  ),
});
export type CandidateInput = z.output<typeof candidateSchema>;

export const candidateListQuery = z.object({
  q: z.catch(z.string().check(z.trim(), z.maxLength(200)), ""),
  sort: z.catch(z.enum(CANDIDATE_SORTS), "newest"),
  page: z.catch(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000)), 1),
});

/** A new assessment: a kit version and the interviewers who score it. */
export const assessmentSchema = z.object({
  kitVersionId: z.coerce
    .number({ error: "validation.kitRequired" })
    .check(z.int(), z.positive("validation.kitRequired"), z.maximum(MAX_RECORD_ID, "validation.kitRequired")),
  interviewerIds: z
    .array(z.coerce.number().check(z.int(), z.positive(), z.maximum(MAX_RECORD_ID)))
    .check(z.minLength(1, "validation.interviewersRequired"), z.maxLength(10, "validation.tooManyInterviewers")),
});

export const DECISION_REASON_MAX = 2000;

export const decisionSchema = z.object({
  decision: z.enum(DECISIONS, { error: "validation.decisionRequired" }),
  reason: z
    .string({ error: "validation.reasonRequired" })
    .check(z.trim(), z.minLength(1, "validation.reasonRequired"), z.maxLength(DECISION_REASON_MAX, "validation.tooLong")),
});
