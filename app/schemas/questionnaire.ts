import { QUESTIONNAIRE_LANGUAGES } from "~/domain/self-report";
import { z } from "./zod-mini";

/**
 * The recruiter's form for a self-report questionnaire link: the language the
 * candidate starts in (they may switch), an optional expiry in whole days (as
 * a report link's), and whether to e-mail the link to the candidate's address.
 */
export const sendQuestionnaireSchema = z.object({
  language: z.enum(QUESTIONNAIRE_LANGUAGES, { error: "language" }),
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
  /** Ticked: the link is e-mailed to the candidate's address, which the form shows beside the box. */
  mailToCandidate: z.optional(z.enum(["on"], { error: "mailToCandidate" })),
});
