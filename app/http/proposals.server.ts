import type { AppLoadContext } from "@remix-run/node";
import { diffProfiles, type Json, type ProfileChange } from "~/domain/profile-diff";
import { isOpen, mayReview } from "~/domain/proposals";
import { findProfileTarget, listVersions, profileVersion, type ProfileKind } from "~/models/profile-versions.server";
import {
  acceptProposal,
  addComment,
  editComment,
  getProposal,
  rejectProposal,
  removeComment,
  voteOnProposal,
  withdrawProposal,
  type ProposalDetail,
} from "~/models/proposals.server";
import { parseRecordId } from "~/schemas/ids";
import {
  acceptNoteSchema,
  commentForm,
  conflictChoiceSchema,
  editCommentForm,
  rejectForm,
  removeCommentForm,
  resolveField,
  versionNumberSchema,
  voteForm,
  voteNumber,
} from "~/schemas/proposal";
import { z } from "~/schemas/zod-mini";
import type { TranslationKey, Translator } from "~/utils/i18n";
import { notFound, requireUser, type SessionUser } from "./auth.server";
import { logSecurityEvent } from "~/utils/log.server";
import { idealBandsHiddenFor } from "./proposal-form.server";
import { changesShownTo } from "~/domain/blind";
import { parseForm, readFormData, type FieldErrors } from "./forms.server";
import { redirectWithNotice } from "./session.server";

/*
 * A proposal's page reads its request here (issue 22): who asks, which
 * proposal, and what a POST's `intent` asks of the models. Every refusal says
 * why in the reader's language, by the field it is about; nothing is written
 * then.
 */

/** The member and the proposal of the URL's :id, or a thrown 404 (an unknown or non-canonical id, or no member). */
export async function requireProposal(
  request: Request,
  context: AppLoadContext,
  idParam: string | undefined,
): Promise<{ user: SessionUser; proposal: ProposalDetail }> {
  const user = await requireUser(request, context);
  const id = parseRecordId(idParam);
  const proposal = id === undefined ? undefined : await getProposal(context.db, id);
  if (!proposal) throw notFound();
  return { user, proposal };
}

/** What the page shows once, after a POST redirects back to it. */
export const PROPOSAL_NOTICES = [
  "voted",
  "voteWithdrawn",
  "commented",
  "commentEdited",
  "commentRemoved",
  "accepted",
  "rejected",
  "withdrawn",
] as const;
export type ProposalNotice = (typeof PROPOSAL_NOTICES)[number];

export const proposalNotices = {
  parse(value: unknown): ProposalNotice | null {
    return PROPOSAL_NOTICES.find((notice) => notice === value) ?? null;
  },
};

export const PROPOSAL_INTENTS = ["vote", "comment", "edit-comment", "remove-comment", "accept", "reject", "withdraw"] as const;
export type ProposalIntent = (typeof PROPOSAL_INTENTS)[number];

/** A refused POST: its status, the intent it was, the errors by field (in words) and what was typed, to show again. */
export type ProposalRefusal = {
  status: 400 | 403 | 409;
  intent: ProposalIntent | null;
  errors: FieldErrors;
  /** For a refused accept: issues of the profile it would make, or roles missing from the library. */
  issues: { path: string; message: string }[];
  values: Record<string, string>;
};

function refusal(
  status: ProposalRefusal["status"],
  intent: ProposalIntent | null,
  errors: FieldErrors,
  values: Record<string, string> = {},
  issues: ProposalRefusal["issues"] = [],
): ProposalRefusal {
  return { status, intent, errors, values, issues };
}

/** Schema messages are keys of `proposals.errors.*`; they are answered in words. */
function inWords(errors: FieldErrors, t: Translator["t"]): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field, message.startsWith("proposals.") ? t(message as TranslationKey) : message]),
  );
}

/** A member acting on what is not theirs to do (a review, another's proposal): said in words, and logged as a denial. */
function forbidden(request: Request, user: SessionUser, intent: ProposalIntent, message: string): ProposalRefusal {
  logSecurityEvent({ event: "authz.denied", userId: user.id, path: new URL(request.url).pathname, reason: `proposal ${intent}` });
  return refusal(403, intent, { form: message });
}

function textValue(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * A POST to /proposals/:id: a 303 back to the page with a notice, a thrown
 * 404 for a comment or proposal that is not there, or a refusal to show.
 */
export async function handleProposalPost(
  request: Request,
  context: AppLoadContext,
  { user, proposal }: { user: SessionUser; proposal: ProposalDetail },
  { t }: Translator,
): Promise<Response | ProposalRefusal> {
  const formData = await readFormData(request);
  const intent = PROPOSAL_INTENTS.find((known) => known === formData.get("intent")) ?? null;
  const page = `/proposals/${proposal.id}` as const;
  const now = new Date();
  const db = context.db;
  const notOpen = () => refusal(409, intent, { form: t("proposals.errors.notOpen") });
  // A decided proposal takes no vote nor comment: said first, whatever the rest of the form holds (its fields are no longer shown).
  if ((intent === "vote" || intent === "comment") && !isOpen(proposal.status)) return notOpen();

  switch (intent) {
    case null:
      return refusal(400, null, { form: t("proposals.errors.intentUnknown") });

    case "vote": {
      const parsed = parseForm(formData, voteForm);
      if (!parsed.ok) return refusal(400, intent, inWords(parsed.errors, t));
      const value = voteNumber(parsed.data.value);
      const result = await voteOnProposal(db, { id: proposal.id, userId: user.id, value }, now);
      if (result === "not_found") throw notFound();
      if (result === "not_open") return notOpen();
      return redirectWithNotice(request, page, result === "withdrawn" ? "voteWithdrawn" : "voted");
    }

    case "comment": {
      const parsed = parseForm(formData, commentForm);
      if (!parsed.ok) return refusal(400, intent, inWords(parsed.errors, t), { body: textValue(formData, "body") });
      const result = await addComment(db, { id: proposal.id, userId: user.id, body: parsed.data.body }, now);
      if (result === "not_found") throw notFound();
      if (result !== "saved") return notOpen();
      return redirectWithNotice(request, page, "commented");
    }

    case "edit-comment": {
      const parsed = parseForm(formData, editCommentForm);
      const values = { commentId: textValue(formData, "commentId"), body: textValue(formData, "body") };
      if (!parsed.ok) return refusal(400, intent, inWords(parsed.errors, t), values);
      const args = { id: proposal.id, commentId: Number(parsed.data.commentId), userId: user.id, body: parsed.data.body };
      const result = await editComment(db, args, now);
      if (result === "not_found") throw notFound();
      if (result !== "saved") return refusal(403, intent, { body: t("proposals.errors.commentNotAllowed") }, values);
      return redirectWithNotice(request, page, "commentEdited");
    }

    case "remove-comment": {
      const parsed = parseForm(formData, removeCommentForm);
      if (!parsed.ok) return refusal(400, intent, inWords(parsed.errors, t));
      const args = { id: proposal.id, commentId: Number(parsed.data.commentId), user: { id: user.id, role: user.role } };
      const result = await removeComment(db, args, now);
      if (result === "not_found") throw notFound();
      if (result !== "saved") return refusal(403, intent, { form: t("proposals.errors.commentNotAllowed") });
      return redirectWithNotice(request, page, "commentRemoved");
    }

    case "accept":
      return accept(request, context, { user, proposal, formData, t });

    case "reject": {
      if (!mayReview(user.role)) return forbidden(request, user, intent, t("proposals.errors.reviewersOnly"));
      const parsed = parseForm(formData, rejectForm);
      if (!parsed.ok) return refusal(400, intent, inWords(parsed.errors, t), { reason: textValue(formData, "reason") });
      const result = await rejectProposal(db, { id: proposal.id, reviewerId: user.id, reason: parsed.data.reason }, now);
      if (result === "not_found") throw notFound();
      if (result === "not_open") return notOpen();
      return redirectWithNotice(request, page, "rejected");
    }

    case "withdraw": {
      if (proposal.author.id !== user.id) return forbidden(request, user, intent, t("proposals.errors.authorOnly"));
      const result = await withdrawProposal(db, { id: proposal.id, authorId: user.id }, now);
      if (result === "not_found") throw notFound();
      if (result === "not_open") return notOpen();
      return redirectWithNotice(request, page, "withdrawn");
    }
  }
}

/** Accepting: the reviewer's note and a choice for each conflict; the model refuses, and says why, while one is missing. */
async function accept(
  request: Request,
  context: AppLoadContext,
  { user, proposal, formData, t }: { user: SessionUser; proposal: ProposalDetail; formData: FormData; t: Translator["t"] },
): Promise<Response | ProposalRefusal> {
  const intent = "accept";
  if (!mayReview(user.role)) return forbidden(request, user, intent, t("proposals.errors.reviewersOnly"));
  const values: Record<string, string> = { note: textValue(formData, "note") };
  const errors: FieldErrors = {};
  // Entries, made into a record at once: a posted key like "__proto__" becomes a plain key, never the prototype.
  const chosen: [string, "proposed" | "current"][] = [];
  for (const [name, value] of formData) {
    if (!name.startsWith("resolve:") || typeof value !== "string") continue;
    values[name] = value;
    const choice = z.safeParse(conflictChoiceSchema, value);
    if (choice.success) chosen.push([name.slice("resolve:".length), choice.data]);
    else errors[name] = t("proposals.errors.resolveRequired");
  }
  const note = z.safeParse(acceptNoteSchema, formData.get("note") ?? undefined);
  if (!note.success) errors.note = t("proposals.errors.tooLong");
  if (!note.success || Object.keys(errors).length > 0) return refusal(400, intent, errors, values);

  const choices = Object.fromEntries(chosen);
  const result = await acceptProposal(context.db, { id: proposal.id, reviewerId: user.id, choices, reason: note.data }, new Date());
  switch (result.status) {
    case "accepted":
      return redirectWithNotice(request, `/proposals/${proposal.id}`, "accepted");
    case "not_found":
      throw notFound();
    case "not_open":
      return refusal(409, intent, { form: t("proposals.errors.notOpen") }, values);
    case "conflicts": {
      const unresolved: FieldErrors = { form: t("proposals.errors.conflicts") };
      for (const conflict of result.conflicts) unresolved[resolveField(conflict.key)] = t("proposals.errors.resolveRequired");
      return refusal(409, intent, unresolved, values);
    }
    case "invalid":
      return refusal(409, intent, { form: t("proposals.review.invalid") }, values, result.issues);
    case "unknown_roles":
      return refusal(409, intent, { form: t("proposals.review.unknownRoles", { roles: result.roles.join(", ") }) }, values);
  }
}

export type HistoryComparison = {
  from: number;
  to: number;
  before: Json;
  after: Json;
  changes: ProfileChange[];
};

/**
 * A profile's history page (GET /roles/:slug/history, /skills/:slug/history):
 * its versions, newest first, and the difference between two of them, `from`
 * and `to` in the query (by default the latest against the one before). A
 * version number that cannot be read or that the profile does not have is an
 * error by its field, and no comparison.
 */
export async function readProfileHistory(
  request: Request,
  context: AppLoadContext,
  kind: ProfileKind,
  slug: string | undefined,
  { t }: Translator,
) {
  const user = await requireUser(request, context);
  const target = slug === undefined ? undefined : await findProfileTarget(context.db, kind, slug);
  if (!target) throw notFound();
  const bandsHidden = kind === "role" && (await idealBandsHiddenFor(context, user, target.slug));
  const versions = await listVersions(context.db, target);
  const search = new URL(request.url).searchParams;
  const errors: FieldErrors = {};
  const asked = (field: "from" | "to", fallback: number | undefined): number | undefined => {
    const raw = search.get(field);
    if (raw === null || raw === "") return fallback;
    const parsed = z.safeParse(versionNumberSchema, raw);
    if (!parsed.success) {
      errors[field] = t("proposals.errors.versionInvalid");
      return undefined;
    }
    if (!versions.some((version) => version.version === parsed.data)) {
      errors[field] = t("proposals.errors.versionUnknown");
      return undefined;
    }
    return parsed.data;
  };
  const to = asked("to", versions[0]?.version);
  const from = asked("from", to === undefined ? undefined : versions.find((version) => version.version < to)?.version);
  const asText = {
    from: search.get("from") ?? (from === undefined ? "" : String(from)),
    to: search.get("to") ?? (to === undefined ? "" : String(to)),
  };
  let comparison: HistoryComparison | null = null;
  let hiddenBandChanges = 0;
  if (Object.keys(errors).length === 0 && from !== undefined && to !== undefined) {
    const [older, newer] = await Promise.all([profileVersion(context.db, target, from), profileVersion(context.db, target, to)]);
    if (older && newer) {
      const shown = changesShownTo(diffProfiles(older.content, newer.content), bandsHidden);
      hiddenBandChanges = shown.hiddenBandChanges;
      comparison = { from, to, before: older.content, after: newer.content, changes: shown.shown };
    }
  }
  return { target, versions, errors, asked: asText, comparison, bandsHidden, hiddenBandChanges };
}
