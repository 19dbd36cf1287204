import { z } from "zod";
import { CANDIDATE_SORTS } from "./list-options";

// Messages are i18n keys (validation.*), shown in the reader's language.

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((v) => (v === undefined || v === "" ? null : v));

/** The candidate form (create and edit): the browser and the server use it alike. */
export const candidateSchema = z.object({
  name: z.string({ error: "validation.nameRequired" }).trim().min(1, "validation.nameRequired").max(200, "validation.tooLong"),
  email: z
    .string()
    .trim()
    .max(254, "validation.emailTooLong")
    .optional()
    .transform((v) => (v === undefined || v === "" ? null : v.toLowerCase()))
    .pipe(z.email({ error: "validation.emailInvalid" }).nullable()),
  roleSlug: optionalText(80),
  source: optionalText(200),
  notes: optionalText(5000),
});
export type CandidateInput = z.output<typeof candidateSchema>;

export const candidateListQuery = z.object({
  q: z.string().trim().max(200).catch(""),
  sort: z.enum(CANDIDATE_SORTS).catch("newest"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** A new assessment: a kit version and the interviewers who score it. */
export const assessmentSchema = z.object({
  kitVersionId: z.coerce.number({ error: "validation.kitRequired" }).int().positive("validation.kitRequired"),
  interviewerIds: z
    .array(z.coerce.number().int().positive())
    .min(1, "validation.interviewersRequired")
    .max(10, "validation.tooManyInterviewers"),
});

export const DECISION_VALUES = ["advance", "hold", "reject"] as const;

export const decisionSchema = z.object({
  decision: z.enum(DECISION_VALUES, { error: "validation.decisionRequired" }),
  reason: z.string({ error: "validation.reasonRequired" }).trim().min(1, "validation.reasonRequired").max(2000, "validation.tooLong"),
});
