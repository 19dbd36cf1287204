import type { Kysely } from "kysely";
import type { Database, ProposalActivityKind } from "~db/schema";
import { inTransaction } from "~db/transaction";
import type { UserRole } from "~/domain/accounts";
import {
  applyChanges,
  diffProfiles,
  mergeChanges,
  resolveConflicts,
  type ConflictChoice,
  type Json,
  type ProfileChange,
  type ProfileConflict,
} from "~/domain/profile-diff";
import { isOpen, mayEditComment, mayRemoveComment, mayWithdraw, type ProposalStatus, type VoteValue } from "~/domain/proposals";
import { recordAudit } from "~/models/audit.server";
import {
  ensureVersioned,
  findProfileTarget,
  latestVersion,
  profileTargetById,
  profileVersion,
  readProfileDocument,
  recordVersion,
  replaceSkillExpectations,
  sortExpectations,
  targetColumn,
  targetColumns,
  type ProfileKind,
  type ProfileTarget,
} from "~/models/profile-versions.server";
import { replaceRole } from "~/models/role-writes.server";
import { formatIssues, roleFileSchema, type FormattedIssue, type RoleContent } from "~/schemas/role";
import { skillProfileDocumentSchema, type ProfileExpectation } from "~/schemas/skill";

/*
 * Change proposals (issue 22; docs/product.md, "Change proposals"): a member
 * proposes a change to a role or skill profile, from its latest version; others
 * vote and comment; a recruiter accepts it (a new version, in one transaction)
 * or rejects it; its author may update or withdraw it while it is open. Every
 * status change is audited and written to the proposal's activity, which is
 * also what followers of the profile are told.
 */

/** What a proposal changes: the role form's content, or a skill's expectations. */
export type ProposedContent = { kind: "role"; content: RoleContent } | { kind: "skill"; expectations: ProfileExpectation[] };

/** The whole profile document a proposal would make from `base`: only what the form edits changes; a role keeps its address. */
function proposedDocument(base: Json, proposed: ProposedContent): Json {
  const doc = base as Record<string, Json>;
  if (proposed.kind === "role") {
    const content = JSON.parse(JSON.stringify(proposed.content)) as Record<string, Json>;
    return { ...doc, ...content, slug: doc.slug ?? null };
  }
  return { ...doc, expectations: JSON.parse(JSON.stringify(sortExpectations(proposed.expectations))) as Json };
}

async function addActivity(
  db: Kysely<Database>,
  proposal: { id: number; role_id: number | null; skill_id: number | null },
  entry: { actorId: number; kind: ProposalActivityKind; commentId?: number; reason?: string | null },
  now: Date,
): Promise<void> {
  await db
    .insertInto("proposal_activity")
    .values({
      proposal_id: proposal.id,
      role_id: proposal.role_id,
      skill_id: proposal.skill_id,
      actor_id: entry.actorId,
      kind: entry.kind,
      comment_id: entry.commentId ?? null,
      reason: entry.reason ?? null,
      at: now.toISOString(),
    })
    .execute();
}

export type CreateProposalResult = { status: "created"; id: number } | { status: "no_change" } | { status: "not_found" };

/** A member's proposal, based on the profile's latest version. */
export async function createProposal(
  db: Kysely<Database>,
  args: { kind: ProfileKind; slug: string; authorId: number; title: string; rationale: string; proposed: ProposedContent },
  now: Date,
): Promise<CreateProposalResult> {
  return inTransaction(db, async (trx): Promise<CreateProposalResult> => {
    const target = await findProfileTarget(trx, args.kind, args.slug);
    if (!target) return { status: "not_found" };
    const base = await ensureVersioned(trx, target, now);
    const changes = diffProfiles(base.content, proposedDocument(base.content, args.proposed));
    if (changes.length === 0) return { status: "no_change" };
    const at = now.toISOString();
    const row = await trx
      .insertInto("proposals")
      .values({
        ...targetColumns(target),
        base_version: base.version,
        title: args.title,
        rationale: args.rationale,
        changes: JSON.stringify(changes),
        status: "open",
        author_id: args.authorId,
        created_at: at,
        updated_at: at,
      })
      .returning(["id", "role_id", "skill_id"])
      .executeTakeFirstOrThrow();
    await addActivity(trx, row, { actorId: args.authorId, kind: "proposed" }, now);
    await recordAudit(
      trx,
      {
        actorUserId: args.authorId,
        action: "proposal.create",
        entityType: "proposal",
        entityId: row.id,
        details: { kind: target.kind, targetId: target.id },
      },
      now,
    );
    return { status: "created", id: row.id };
  });
}

export type UpdateProposalResult = { status: "updated" } | { status: "no_change" } | { status: "not_allowed" };

/** The author's new version of their open proposal: based again on the profile's latest version. */
export async function updateProposal(
  db: Kysely<Database>,
  args: { id: number; authorId: number; title: string; rationale: string; proposed: ProposedContent },
  now: Date,
): Promise<UpdateProposalResult> {
  return inTransaction(db, async (trx): Promise<UpdateProposalResult> => {
    const proposal = await trx.selectFrom("proposals").selectAll().where("id", "=", args.id).executeTakeFirst();
    if (!proposal || !mayWithdraw({ status: proposal.status, authorId: proposal.author_id }, args.authorId))
      return { status: "not_allowed" };
    const target = await profileTargetById(trx, proposal);
    if (target.kind !== args.proposed.kind) return { status: "not_allowed" };
    const base = await ensureVersioned(trx, target, now);
    const changes = diffProfiles(base.content, proposedDocument(base.content, args.proposed));
    if (changes.length === 0) return { status: "no_change" };
    await trx
      .updateTable("proposals")
      .set({
        base_version: base.version,
        changes: JSON.stringify(changes),
        title: args.title,
        rationale: args.rationale,
        updated_at: now.toISOString(),
      })
      .where("id", "=", args.id)
      .where("status", "=", "open")
      .execute();
    await addActivity(trx, proposal, { actorId: args.authorId, kind: "updated" }, now);
    await recordAudit(
      trx,
      {
        actorUserId: args.authorId,
        action: "proposal.update",
        entityType: "proposal",
        entityId: args.id,
        details: { baseVersion: base.version },
      },
      now,
    );
    return { status: "updated" };
  });
}

export type VoteResult = "voted" | "withdrawn" | "not_open" | "not_found";

/** One vote per member (the table's key): +1 or −1 replaces their vote, 0 withdraws it. */
export async function voteOnProposal(
  db: Kysely<Database>,
  args: { id: number; userId: number; value: VoteValue },
  now: Date,
): Promise<VoteResult> {
  return inTransaction(db, async (trx): Promise<VoteResult> => {
    const proposal = await trx.selectFrom("proposals").select("status").where("id", "=", args.id).executeTakeFirst();
    if (!proposal) return "not_found";
    if (!isOpen(proposal.status)) return "not_open";
    if (args.value === 0) {
      await trx.deleteFrom("proposal_votes").where("proposal_id", "=", args.id).where("user_id", "=", args.userId).execute();
      return "withdrawn";
    }
    const value = args.value;
    await trx
      .insertInto("proposal_votes")
      .values({ proposal_id: args.id, user_id: args.userId, value, voted_at: now.toISOString() })
      .onConflict((oc) => oc.columns(["proposal_id", "user_id"]).doUpdateSet({ value, voted_at: now.toISOString() }))
      .execute();
    return "voted";
  });
}

export type CommentResult = "saved" | "not_open" | "not_allowed" | "not_found";

/** Comments are plain text, taken while the proposal is open. */
export async function addComment(
  db: Kysely<Database>,
  args: { id: number; userId: number; body: string },
  now: Date,
): Promise<CommentResult> {
  return inTransaction(db, async (trx): Promise<CommentResult> => {
    const proposal = await trx
      .selectFrom("proposals")
      .select(["id", "status", "role_id", "skill_id"])
      .where("id", "=", args.id)
      .executeTakeFirst();
    if (!proposal) return "not_found";
    if (!isOpen(proposal.status)) return "not_open";
    const comment = await trx
      .insertInto("proposal_comments")
      .values({ proposal_id: args.id, author_id: args.userId, body: args.body, created_at: now.toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await addActivity(trx, proposal, { actorId: args.userId, kind: "commented", commentId: comment.id }, now);
    return "saved";
  });
}

async function commentOf(db: Kysely<Database>, proposalId: number, commentId: number) {
  return db
    .selectFrom("proposal_comments")
    .select(["id", "author_id", "created_at", "removed_at"])
    .where("id", "=", commentId)
    .where("proposal_id", "=", proposalId)
    .executeTakeFirst();
}

/** The author edits their comment within the edit window. */
export async function editComment(
  db: Kysely<Database>,
  args: { id: number; commentId: number; userId: number; body: string },
  now: Date,
): Promise<CommentResult> {
  return inTransaction(db, async (trx): Promise<CommentResult> => {
    const comment = await commentOf(trx, args.id, args.commentId);
    if (!comment) return "not_found";
    if (!mayEditComment({ authorId: comment.author_id, createdAt: comment.created_at, removedAt: comment.removed_at }, args.userId, now)) {
      return "not_allowed";
    }
    await trx
      .updateTable("proposal_comments")
      .set({ body: args.body, edited_at: now.toISOString() })
      .where("id", "=", comment.id)
      .execute();
    return "saved";
  });
}

/** The author or a recruiter removes a comment: its text is erased, "comment removed" stays. A recruiter's removal of another's comment is audited. */
export async function removeComment(
  db: Kysely<Database>,
  args: { id: number; commentId: number; user: { id: number; role: UserRole } },
  now: Date,
): Promise<CommentResult> {
  return inTransaction(db, async (trx): Promise<CommentResult> => {
    const comment = await commentOf(trx, args.id, args.commentId);
    if (!comment) return "not_found";
    if (!mayRemoveComment({ authorId: comment.author_id, createdAt: comment.created_at, removedAt: comment.removed_at }, args.user)) {
      return "not_allowed";
    }
    await trx
      .updateTable("proposal_comments")
      .set({ body: "", removed_at: now.toISOString(), removed_by: args.user.id })
      .where("id", "=", comment.id)
      .execute();
    if (comment.author_id !== args.user.id) {
      await recordAudit(
        trx,
        {
          actorUserId: args.user.id,
          action: "proposal.comment_remove",
          entityType: "proposal",
          entityId: args.id,
          details: { commentId: comment.id },
        },
        now,
      );
    }
    return "saved";
  });
}

/** Thrown inside a transaction to roll it back and answer with `result`. */
class Refusal<T> extends Error {
  constructor(readonly result: T) {
    super("refused");
  }
}

async function refusable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) return error.result as T;
    throw error;
  }
}

export type AcceptResult =
  | { status: "accepted"; version: number }
  | { status: "not_open" }
  | { status: "not_found" }
  | { status: "conflicts"; conflicts: ProfileConflict[] }
  | { status: "invalid"; issues: FormattedIssue[] }
  | { status: "unknown_roles"; roles: string[] };

/**
 * Applies the proposal to the profile as it is now, in one transaction: its
 * status moves from open first (so a second accept finds it decided), then the
 * change is merged with whatever changed since its base version. A conflict
 * without the reviewer's choice, or a merged profile that is not valid, rolls
 * everything back and says why. Kits keep their frozen copies.
 */
export async function acceptProposal(
  db: Kysely<Database>,
  args: { id: number; reviewerId: number; choices: Readonly<Record<string, ConflictChoice>>; reason: string | null },
  now: Date,
): Promise<AcceptResult> {
  return refusable(() =>
    inTransaction(db, async (trx): Promise<AcceptResult> => {
      const proposal = await trx.selectFrom("proposals").selectAll().where("id", "=", args.id).executeTakeFirst();
      if (!proposal) return { status: "not_found" };
      const at = now.toISOString();
      const moved = await trx
        .updateTable("proposals")
        .set({ status: "accepted", decided_at: at, decided_by: args.reviewerId, decision_reason: args.reason, updated_at: at })
        .where("id", "=", args.id)
        .where("status", "=", "open")
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return { status: "not_open" };

      const target = await profileTargetById(trx, proposal);
      const base = await profileVersion(trx, target, proposal.base_version);
      if (!base) throw new Error(`Proposal ${proposal.id}: base version ${proposal.base_version} is missing`);
      await ensureVersioned(trx, target, now);
      const current = await readProfileDocument(trx, target);
      const changes = JSON.parse(proposal.changes) as ProfileChange[];
      const merge = mergeChanges(base.content, current, changes);
      const settled = resolveConflicts(merge, args.choices);
      if (settled.resolved === null) throw new Refusal<AcceptResult>({ status: "conflicts", conflicts: settled.unresolved });

      if (target.kind === "role") {
        const parsed = roleFileSchema.safeParse(settled.resolved);
        if (!parsed.success) throw new Refusal<AcceptResult>({ status: "invalid", issues: formatIssues(parsed.error) });
        await replaceRole(trx, target.id, parsed.data, at, args.reviewerId);
      } else {
        const parsed = skillProfileDocumentSchema.safeParse(settled.resolved);
        if (!parsed.success) throw new Refusal<AcceptResult>({ status: "invalid", issues: formatIssues(parsed.error) });
        const saved = await replaceSkillExpectations(trx, target.id, parsed.data.expectations);
        if (saved.status === "unknown_roles") throw new Refusal<AcceptResult>(saved);
      }
      const version = await recordVersion(trx, target, { source: "proposal", madeBy: args.reviewerId, proposalId: proposal.id }, now);
      await trx.updateTable("proposals").set({ applied_version: version.version }).where("id", "=", proposal.id).execute();
      await addActivity(trx, proposal, { actorId: args.reviewerId, kind: "accepted", reason: args.reason }, now);
      await recordAudit(
        trx,
        {
          actorUserId: args.reviewerId,
          action: "proposal.accept",
          entityType: "proposal",
          entityId: proposal.id,
          details: { kind: target.kind, targetId: target.id, version: version.version, conflictsResolved: merge.conflicts.length },
        },
        now,
      );
      return { status: "accepted", version: version.version };
    }),
  );
}

export type DecideResult = "done" | "not_open" | "not_found";

/** A recruiter rejects an open proposal, with a reason. */
export async function rejectProposal(
  db: Kysely<Database>,
  args: { id: number; reviewerId: number; reason: string },
  now: Date,
): Promise<DecideResult> {
  return closeProposal(db, { id: args.id, actorId: args.reviewerId, status: "rejected", reason: args.reason }, now);
}

/** The author withdraws their open proposal. */
export async function withdrawProposal(db: Kysely<Database>, args: { id: number; authorId: number }, now: Date): Promise<DecideResult> {
  return closeProposal(db, { id: args.id, actorId: args.authorId, status: "withdrawn", reason: null, onlyAuthor: true }, now);
}

async function closeProposal(
  db: Kysely<Database>,
  args: { id: number; actorId: number; status: "rejected" | "withdrawn"; reason: string | null; onlyAuthor?: boolean },
  now: Date,
): Promise<DecideResult> {
  return inTransaction(db, async (trx): Promise<DecideResult> => {
    const proposal = await trx
      .selectFrom("proposals")
      .select(["id", "role_id", "skill_id", "author_id"])
      .where("id", "=", args.id)
      .executeTakeFirst();
    if (!proposal || (args.onlyAuthor && proposal.author_id !== args.actorId)) return "not_found";
    const at = now.toISOString();
    const moved = await trx
      .updateTable("proposals")
      .set({ status: args.status, decided_at: at, decided_by: args.actorId, decision_reason: args.reason, updated_at: at })
      .where("id", "=", args.id)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return "not_open";
    await addActivity(trx, proposal, { actorId: args.actorId, kind: args.status, reason: args.reason }, now);
    await recordAudit(
      trx,
      {
        actorUserId: args.actorId,
        action: args.status === "rejected" ? "proposal.reject" : "proposal.withdraw",
        entityType: "proposal",
        entityId: args.id,
      },
      now,
    );
    return "done";
  });
}

// ----- Reading -----

export type ProposalComment = {
  id: number;
  authorId: number;
  authorName: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  removedAt: string | null;
};

export type ProposalActivityEntry = { kind: ProposalActivityKind; actorName: string; at: string; reason: string | null };

export type ProposalDetail = {
  id: number;
  status: ProposalStatus;
  title: string;
  rationale: string;
  target: ProfileTarget;
  author: { id: number; name: string };
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  baseVersion: number;
  appliedVersion: number | null;
  /** The latest version of the profile now. */
  currentVersion: number;
  changes: ProfileChange[];
  /** The base version's document, and what the proposal makes of it. */
  before: Json;
  after: Json;
  votes: { userId: number; name: string; value: number }[];
  comments: ProposalComment[];
  history: ProposalActivityEntry[];
  /** While open: what accepting it now would run into (the profile may have changed since its base version). */
  conflicts: ProfileConflict[];
};

/** Everything the proposal's page shows; undefined when no such proposal. */
export async function getProposal(db: Kysely<Database>, id: number): Promise<ProposalDetail | undefined> {
  const row = await db
    .selectFrom("proposals")
    .innerJoin("users as author", "author.id", "proposals.author_id")
    .leftJoin("users as decider", "decider.id", "proposals.decided_by")
    .selectAll("proposals")
    .select(["author.name as author_name", "decider.name as decided_by_name"])
    .where("proposals.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const target = await profileTargetById(db, row);
  const [base, latest, votes, comments, history] = await Promise.all([
    profileVersion(db, target, row.base_version),
    latestVersion(db, target),
    db
      .selectFrom("proposal_votes")
      .innerJoin("users", "users.id", "proposal_votes.user_id")
      .select(["proposal_votes.user_id", "users.name", "proposal_votes.value"])
      .where("proposal_votes.proposal_id", "=", id)
      .orderBy("proposal_votes.voted_at")
      .execute(),
    db
      .selectFrom("proposal_comments")
      .innerJoin("users", "users.id", "proposal_comments.author_id")
      .select([
        "proposal_comments.id",
        "proposal_comments.author_id",
        "users.name",
        "proposal_comments.body",
        "proposal_comments.created_at",
        "proposal_comments.edited_at",
        "proposal_comments.removed_at",
      ])
      .where("proposal_comments.proposal_id", "=", id)
      .orderBy("proposal_comments.id")
      .execute(),
    db
      .selectFrom("proposal_activity")
      .innerJoin("users", "users.id", "proposal_activity.actor_id")
      .select(["proposal_activity.kind", "users.name", "proposal_activity.at", "proposal_activity.reason"])
      .where("proposal_activity.proposal_id", "=", id)
      .where("proposal_activity.kind", "!=", "commented")
      .orderBy("proposal_activity.id")
      .execute(),
  ]);
  if (!base) throw new Error(`Proposal ${id}: base version ${row.base_version} is missing`);
  const changes = JSON.parse(row.changes) as ProfileChange[];
  const conflicts =
    row.status === "open" && latest !== undefined && latest.version !== row.base_version
      ? mergeChanges(base.content, await readProfileDocument(db, target), changes).conflicts
      : [];
  return {
    id: row.id,
    status: row.status,
    title: row.title,
    rationale: row.rationale,
    target,
    author: { id: row.author_id, name: row.author_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by_name,
    decisionReason: row.decision_reason,
    baseVersion: row.base_version,
    appliedVersion: row.applied_version,
    currentVersion: latest?.version ?? row.base_version,
    changes,
    before: base.content,
    after: applyChanges(base.content, changes),
    votes: votes.map((vote) => ({ userId: vote.user_id, name: vote.name, value: vote.value })),
    comments: comments.map((comment) => ({
      id: comment.id,
      authorId: comment.author_id,
      authorName: comment.name,
      body: comment.body,
      createdAt: comment.created_at,
      editedAt: comment.edited_at,
      removedAt: comment.removed_at,
    })),
    history: history.map((entry) => ({ kind: entry.kind, actorName: entry.name, at: entry.at, reason: entry.reason })),
    conflicts,
  };
}

export type ProposalFilters = { role?: string; skill?: string; status?: ProposalStatus; authorId?: number };

export type ProposalListItem = {
  id: number;
  title: string;
  status: ProposalStatus;
  target: { kind: ProfileKind; slug: string; name: string };
  author: { id: number; name: string };
  createdAt: string;
  decidedAt: string | null;
  up: number;
  down: number;
  comments: number;
};

/** At most this many proposals in a list (open first, then newest). */
export const PROPOSAL_LIST_LIMIT = 200;

/** Proposals matching the filters: open ones first, then the newest. */
export async function listProposals(db: Kysely<Database>, filters: ProposalFilters): Promise<ProposalListItem[]> {
  let query = db
    .selectFrom("proposals")
    .innerJoin("users", "users.id", "proposals.author_id")
    .leftJoin("roles", "roles.id", "proposals.role_id")
    .leftJoin("skills", "skills.id", "proposals.skill_id")
    .select((eb) => [
      "proposals.id",
      "proposals.title",
      "proposals.status",
      "proposals.created_at",
      "proposals.decided_at",
      "proposals.author_id",
      "users.name as author_name",
      "roles.slug as role_slug",
      "roles.name as role_name",
      "skills.slug as skill_slug",
      "skills.name as skill_name",
      eb
        .selectFrom("proposal_votes")
        .select((v) => v.fn.countAll<number>().as("n"))
        .whereRef("proposal_votes.proposal_id", "=", "proposals.id")
        .where("proposal_votes.value", "=", 1)
        .as("up"),
      eb
        .selectFrom("proposal_votes")
        .select((v) => v.fn.countAll<number>().as("n"))
        .whereRef("proposal_votes.proposal_id", "=", "proposals.id")
        .where("proposal_votes.value", "=", -1)
        .as("down"),
      eb
        .selectFrom("proposal_comments")
        .select((c) => c.fn.countAll<number>().as("n"))
        .whereRef("proposal_comments.proposal_id", "=", "proposals.id")
        .where("proposal_comments.removed_at", "is", null)
        .as("comments"),
    ]);
  if (filters.role !== undefined) query = query.where("roles.slug", "=", filters.role);
  if (filters.skill !== undefined) query = query.where("skills.slug", "=", filters.skill);
  if (filters.status !== undefined) query = query.where("proposals.status", "=", filters.status);
  if (filters.authorId !== undefined) query = query.where("proposals.author_id", "=", filters.authorId);
  const rows = await query
    .orderBy((eb) => eb.case().when("proposals.status", "=", "open").then(0).else(1).end())
    .orderBy("proposals.created_at", "desc")
    .orderBy("proposals.id", "desc")
    .limit(PROPOSAL_LIST_LIMIT)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    target:
      row.role_slug !== null
        ? { kind: "role", slug: row.role_slug, name: row.role_name ?? row.role_slug }
        : { kind: "skill", slug: row.skill_slug ?? "", name: row.skill_name ?? "" },
    author: { id: row.author_id, name: row.author_name },
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    up: Number(row.up ?? 0),
    down: Number(row.down ?? 0),
    comments: Number(row.comments ?? 0),
  }));
}

/** How many proposals on the profile are open. */
export async function openProposalCount(db: Kysely<Database>, target: Pick<ProfileTarget, "kind" | "id">): Promise<number> {
  const row = await db
    .selectFrom("proposals")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(targetColumn(target.kind), "=", target.id)
    .where("status", "=", "open")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const PROPOSALS_FORMAT = "traitkit.proposals/v1";

export type ProposalsFile = {
  format: typeof PROPOSALS_FORMAT;
  proposals: {
    id: number;
    status: ProposalStatus;
    authorId: number;
    target: { kind: ProfileKind; slug: string };
    baseVersion: number;
    appliedVersion: number | null;
    votes: { userId: number; value: number }[];
    comments: number;
    createdAt: string;
    decidedAt: string | null;
  }[];
};

/** Every proposal, oldest first, in the `traitkit.proposals/v1` format of GET /proposals.json. */
export async function proposalsFile(db: Kysely<Database>): Promise<ProposalsFile> {
  const [rows, votes, comments] = await Promise.all([
    db
      .selectFrom("proposals")
      .leftJoin("roles", "roles.id", "proposals.role_id")
      .leftJoin("skills", "skills.id", "proposals.skill_id")
      .select([
        "proposals.id",
        "proposals.status",
        "proposals.author_id",
        "proposals.base_version",
        "proposals.applied_version",
        "proposals.created_at",
        "proposals.decided_at",
        "roles.slug as role_slug",
        "skills.slug as skill_slug",
      ])
      .orderBy("proposals.id")
      .execute(),
    db.selectFrom("proposal_votes").select(["proposal_id", "user_id", "value"]).orderBy("proposal_id").orderBy("user_id").execute(),
    db
      .selectFrom("proposal_comments")
      .select((eb) => ["proposal_id", eb.fn.countAll<number>().as("n")])
      .where("removed_at", "is", null)
      .groupBy("proposal_id")
      .execute(),
  ]);
  const commentCounts = new Map(comments.map((row) => [row.proposal_id, Number(row.n)]));
  const votesOf = new Map<number, { userId: number; value: number }[]>();
  for (const vote of votes)
    votesOf.set(vote.proposal_id, [...(votesOf.get(vote.proposal_id) ?? []), { userId: vote.user_id, value: vote.value }]);
  return {
    format: PROPOSALS_FORMAT,
    proposals: rows.map((row) => ({
      id: row.id,
      status: row.status,
      authorId: row.author_id,
      target: row.role_slug !== null ? { kind: "role", slug: row.role_slug } : { kind: "skill", slug: row.skill_slug ?? "" },
      baseVersion: row.base_version,
      appliedVersion: row.status === "accepted" ? row.applied_version : null,
      votes: votesOf.get(row.id) ?? [],
      comments: commentCounts.get(row.id) ?? 0,
      createdAt: row.created_at,
      decidedAt: row.decided_at,
    })),
  };
}
