import { z } from "./zod-mini";

/*
 * A proposal's own fields, beside the profile form it changes: a title to list
 * it by and the rationale ("Why") that reviewers and voters read. Both are
 * required (issue 22). Messages are keys of `suggest.errors`, said in the
 * reader's language by ProposalFields.
 */

export const PROPOSAL_TITLE_MAX = 120;
export const PROPOSAL_RATIONALE_MAX = 4000;

export const PROPOSAL_MESSAGES = {
  titleRequired: "titleRequired",
  titleLong: "titleLong",
  rationaleRequired: "rationaleRequired",
  rationaleLong: "rationaleLong",
} as const;

export type ProposalMessageKey = keyof typeof PROPOSAL_MESSAGES;

export const proposalFieldsSchema = z.object({
  title: z
    .string(PROPOSAL_MESSAGES.titleRequired)
    .check(z.trim(), z.minLength(1, PROPOSAL_MESSAGES.titleRequired), z.maxLength(PROPOSAL_TITLE_MAX, PROPOSAL_MESSAGES.titleLong)),
  rationale: z
    .string(PROPOSAL_MESSAGES.rationaleRequired)
    .check(
      z.trim(),
      z.minLength(1, PROPOSAL_MESSAGES.rationaleRequired),
      z.maxLength(PROPOSAL_RATIONALE_MAX, PROPOSAL_MESSAGES.rationaleLong),
    ),
});

export type ProposalFields = z.infer<typeof proposalFieldsSchema>;

export type ProposalFieldsResult =
  { ok: true; data: ProposalFields } | { ok: false; errors: Partial<Record<keyof ProposalFields, ProposalMessageKey>> };

export function isProposalMessageKey(message: string): message is ProposalMessageKey {
  return message in PROPOSAL_MESSAGES;
}

/** The title and rationale as posted (or typed), trimmed; errors keyed by field name. */
export function validateProposalFields(values: { title?: unknown; rationale?: unknown }): ProposalFieldsResult {
  const parsed = proposalFieldsSchema.safeParse({ title: values.title ?? "", rationale: values.rationale ?? "" });
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Partial<Record<keyof ProposalFields, ProposalMessageKey>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === "title" || field === "rationale") && isProposalMessageKey(issue.message)) errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
