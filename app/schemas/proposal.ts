import { z } from "./zod-mini";
import { PROPOSAL_STATUSES } from "~/domain/proposals";
import { slugSchema } from "./role";

/*
 * The forms of a proposal's page and the list's filters (issue 22), shared by
 * the browser and the server. Messages are keys of `proposals.errors.*`,
 * shown in the reader's language.
 */

export const PROPOSAL_LIMITS = { comment: 4000, reason: 2000, note: 2000 } as const;

/** Line breaks as the browser may send them (CRLF) kept as one form (LF), so a comment reads the same wherever it is shown. */
const normalizedLines = z.pipe(
  z.string(),
  z.transform((text) => text.replace(/\r\n?/g, "\n").trim()),
);

function requiredText(max: number, required: string) {
  return z.pipe(
    z.optional(normalizedLines),
    z.pipe(
      z.transform((text: string | undefined) => text ?? ""),
      z.string().check(z.minLength(1, required), z.maxLength(max, "proposals.errors.tooLong")),
    ),
  );
}

/** +1, −1, or 0 to withdraw one's vote, as posted. */
export const voteValueSchema = z.union([z.literal("1"), z.literal("-1"), z.literal("0")], { error: "proposals.errors.voteInvalid" });

export function voteNumber(value: z.output<typeof voteValueSchema>): 1 | -1 | 0 {
  return value === "1" ? 1 : value === "-1" ? -1 : 0;
}

export const commentBodySchema = requiredText(PROPOSAL_LIMITS.comment, "proposals.errors.commentRequired");

export const voteForm = z.object({ value: voteValueSchema });
export const commentForm = z.object({ body: commentBodySchema });

const commentIdSchema = z
  .string({ error: "proposals.errors.commentUnknown" })
  .check(z.regex(/^[1-9]\d*$/, "proposals.errors.commentUnknown"));

export const editCommentForm = z.object({ commentId: commentIdSchema, body: commentBodySchema });
export const removeCommentForm = z.object({ commentId: commentIdSchema });

export const rejectForm = z.object({ reason: requiredText(PROPOSAL_LIMITS.reason, "proposals.errors.reasonRequired") });

/** The reviewer's optional note on accepting; empty is none. */
export const acceptNoteSchema = z.pipe(
  z.optional(normalizedLines),
  z.pipe(
    z.transform((text: string | undefined) => (text === undefined || text === "" ? null : text)),
    z.nullable(z.string().check(z.maxLength(PROPOSAL_LIMITS.note, "proposals.errors.tooLong"))),
  ),
);

export const CONFLICT_CHOICES = ["proposed", "current"] as const;
export const conflictChoiceSchema = z.enum(CONFLICT_CHOICES, { error: "proposals.errors.resolveRequired" });

/** The posted name of the reviewer's choice for a conflict. */
export function resolveField(conflictKey: string): string {
  return `resolve:${conflictKey}`;
}

const emptyAsUndefined = z.transform((value: unknown) => (value === "" || value === null ? undefined : value));

/** The list's filters (GET /proposals): one that cannot be read is left out, the list shown unfiltered by it. */
export const proposalListQuery = z.object({
  role: z.catch(z.pipe(emptyAsUndefined, z.optional(slugSchema)), undefined),
  skill: z.catch(z.pipe(emptyAsUndefined, z.optional(slugSchema)), undefined),
  status: z.catch(z.pipe(emptyAsUndefined, z.optional(z.enum(PROPOSAL_STATUSES))), undefined),
  author: z.catch(
    z.pipe(
      emptyAsUndefined,
      z.optional(
        z.pipe(
          z.string().check(z.regex(/^[1-9]\d{0,9}$/)),
          z.transform((value) => Number(value)),
        ),
      ),
    ),
    undefined,
  ),
});
export type ProposalListQuery = z.output<typeof proposalListQuery>;

/** A version number in the history's `from` / `to`. */
export const versionNumberSchema = z.pipe(
  z.string().check(z.regex(/^[1-9]\d{0,6}$/, "proposals.errors.versionInvalid")),
  z.transform((value) => Number(value)),
);
