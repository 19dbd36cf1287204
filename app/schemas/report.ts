import { z } from "zod";

/**
 * The recruiter's publish form: the report's language, an optional expiry in
 * whole days and, when links are live already, what becomes of them: they show
 * the new version ("keep", the default) or are revoked.
 */
export const publishReportSchema = z.object({
  language: z.enum(["en", "es"], { error: "language" }),
  expiresInDays: z
    .string()
    .trim()
    .regex(/^(|[1-9]\d{0,2})$/, "expiresInDays")
    .refine((v) => v === "" || Number(v) <= 365, "expiresInDays")
    .transform((v) => (v === "" ? null : Number(v)))
    .optional(),
  earlier: z.enum(["keep", "revoke"], { error: "earlier" }).optional(),
});

export const revokeReportSchema = z.object({ reportId: z.coerce.number().int().positive() });

export const REPORT_FIELD_ERRORS = ["language", "expiresInDays", "earlier"] as const;
