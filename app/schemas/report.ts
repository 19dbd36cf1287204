import { UI_LANGUAGES } from "~/domain/languages";
import { MAX_RECORD_ID } from "./ids";
import { z } from "./zod-mini";

/**
 * The recruiter's publish form: the report's language, an optional expiry in
 * whole days and, when links are live already, what becomes of them: they show
 * the new version ("keep", the default) or are revoked.
 */
export const publishReportSchema = z.object({
  language: z.enum(UI_LANGUAGES, { error: "language" }),
  expiresInDays: z.optional(
    z.pipe(
      z.string().check(
        z.trim(),
        z.regex(/^(|[1-9]\d{0,2})$/, "expiresInDays"),
        z.refine((v) => v === "" || Number(v) <= 365, "expiresInDays"),
      ),
      z.transform((v) => (v === "" ? null : Number(v))),
    ),
  ),
  earlier: z.optional(z.enum(["keep", "revoke"], { error: "earlier" })),
  /** Ticked: the new link is e-mailed to the candidate's address, which the form shows beside the box. */
  mailToCandidate: z.optional(z.enum(["on"], { error: "mailToCandidate" })),
  /** Ticked: the report shows the candidate their submitted self-report (issue 20); the box is there only when there is one. */
  includeSelfReport: z.optional(z.enum(["on"], { error: "includeSelfReport" })),
});

export const revokeReportSchema = z.object({ reportId: z.coerce.number().check(z.int(), z.positive(), z.maximum(MAX_RECORD_ID)) });

export const REPORT_FIELD_ERRORS = ["language", "expiresInDays", "earlier", "mailToCandidate", "includeSelfReport"] as const;
