import { z } from "zod";

/** The recruiter's publish form: the report's language and an optional expiry in whole days. */
export const publishReportSchema = z.object({
  language: z.enum(["en", "es"], { error: "language" }),
  expiresInDays: z
    .string()
    .trim()
    .regex(/^(|[1-9]\d{0,2})$/, "expiresInDays")
    .refine((v) => v === "" || Number(v) <= 365, "expiresInDays")
    .transform((v) => (v === "" ? null : Number(v)))
    .optional(),
});

export const revokeReportSchema = z.object({ reportId: z.coerce.number().int().positive() });

export const REPORT_FIELD_ERRORS = ["language", "expiresInDays"] as const;
