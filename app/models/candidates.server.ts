import type { Decision } from "~/domain/decisions";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { recordAudit } from "~/models/audit.server";
import type { CandidateInput } from "~/schemas/candidate";
import { searchWords } from "~/schemas/list-options";
import { everyWordMatches } from "~/utils/search.server";

type Executor = Kysely<Database> | Transaction<Database>;

export const CANDIDATE_PAGE_SIZE = 50;

export type CandidateListItem = {
  id: number;
  name: string;
  email: string | null;
  roleName: string | null;
  source: string | null;
  createdAt: string;
  assessmentCount: number;
};

/** A page of candidates, searched by name or email (every word, any order); newest first or by name. */
export async function listCandidates(
  db: Executor,
  options: { q: string; sort: "newest" | "name"; page: number },
): Promise<{ rows: CandidateListItem[]; total: number; pageCount: number }> {
  let base = db.selectFrom("candidates");
  const words = searchWords(options.q);
  if (words.length > 0) base = base.where(everyWordMatches(["candidates.name", "candidates.email"], words));
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const byName = options.sort === "name";
  // The page's ids first, from the sort's index alone: a deep page skips index entries, not joined rows.
  const pageIds = (
    byName
      ? base.orderBy("candidates.name").orderBy("candidates.id")
      : base.orderBy("candidates.created_at", "desc").orderBy("candidates.id", "desc")
  )
    .select("candidates.id")
    .limit(CANDIDATE_PAGE_SIZE)
    .offset((options.page - 1) * CANDIDATE_PAGE_SIZE);
  let query = db
    .selectFrom("candidates")
    .where("candidates.id", "in", pageIds)
    .leftJoin("roles", "roles.id", "candidates.role_id")
    .select((eb) => [
      "candidates.id",
      "candidates.name",
      "candidates.email",
      "candidates.source",
      "candidates.created_at",
      "roles.name as role_name",
      eb
        .selectFrom("assessments")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("assessments.candidate_id", "=", "candidates.id")
        .as("assessment_count"),
    ]);
  query = byName
    ? query.orderBy("candidates.name").orderBy("candidates.id")
    : query.orderBy("candidates.created_at", "desc").orderBy("candidates.id", "desc");
  const rows = await query.execute();
  return {
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      roleName: r.role_name,
      source: r.source,
      createdAt: r.created_at,
      assessmentCount: Number(r.assessment_count ?? 0),
    })),
    total: Number(total),
    pageCount: Math.max(1, Math.ceil(Number(total) / CANDIDATE_PAGE_SIZE)),
  };
}

async function roleIdOf(db: Executor, slug: string | null): Promise<number | null | undefined> {
  if (slug === null) return null;
  const row = await db.selectFrom("roles").select("id").where("slug", "=", slug).executeTakeFirst();
  return row?.id;
}

export type CandidateSaveResult =
  { ok: true; id: number } | { ok: false; field: "roleSlug" } | { ok: false; field: "email"; existing: { id: number; name: string } };

/**
 * Another candidate with the same e-mail: the same person added twice, most
 * likely. Saved anyway only when the recruiter confirmed it is someone else.
 */
async function sameEmail(db: Executor, input: CandidateInput, self: number | null): Promise<{ id: number; name: string } | undefined> {
  if (input.email === null || input.differentPerson) return undefined;
  let query = db.selectFrom("candidates").select(["id", "name"]).where("email", "=", input.email);
  if (self !== null) query = query.where("id", "!=", self);
  return query.orderBy("id").executeTakeFirst();
}

export async function createCandidate(
  db: Kysely<Database>,
  input: CandidateInput,
  actorId: number,
  now: Date,
): Promise<CandidateSaveResult> {
  return inTransaction(db, async (trx): Promise<CandidateSaveResult> => {
    const roleId = await roleIdOf(trx, input.roleSlug);
    if (roleId === undefined) return { ok: false, field: "roleSlug" };
    const existing = await sameEmail(trx, input, null);
    if (existing) return { ok: false, field: "email", existing };
    const at = now.toISOString();
    const { id } = await trx
      .insertInto("candidates")
      .values({
        name: input.name,
        email: input.email,
        role_id: roleId,
        source: input.source,
        notes: input.notes,
        created_by: actorId,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorUserId: actorId, action: "candidate.create", entityType: "candidate", entityId: id }, now);
    return { ok: true, id };
  });
}

export async function updateCandidate(
  db: Kysely<Database>,
  id: number,
  input: CandidateInput,
  actorId: number,
  now: Date,
): Promise<CandidateSaveResult | undefined> {
  return inTransaction(db, async (trx): Promise<CandidateSaveResult | undefined> => {
    const roleId = await roleIdOf(trx, input.roleSlug);
    if (roleId === undefined) return { ok: false, field: "roleSlug" };
    const existing = await sameEmail(trx, input, id);
    if (existing) return { ok: false, field: "email", existing };
    const updated = await trx
      .updateTable("candidates")
      .set({
        name: input.name,
        email: input.email,
        role_id: roleId,
        source: input.source,
        notes: input.notes,
        updated_at: now.toISOString(),
      })
      .where("id", "=", id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return undefined;
    await recordAudit(trx, { actorUserId: actorId, action: "candidate.update", entityType: "candidate", entityId: id }, now);
    return { ok: true, id };
  });
}

export type CandidateAssessment = {
  id: number;
  kitName: string;
  kitVersion: number;
  roleName: string;
  createdAt: string;
  interviewers: number;
  submitted: number;
  decision: Decision | null;
};

export type CandidateDetail = {
  id: number;
  name: string;
  email: string | null;
  roleSlug: string | null;
  roleName: string | null;
  source: string | null;
  notes: string | null;
  createdAt: string;
  assessments: CandidateAssessment[];
};

export async function getCandidate(db: Executor, id: number): Promise<CandidateDetail | undefined> {
  const candidate = await db
    .selectFrom("candidates")
    .leftJoin("roles", "roles.id", "candidates.role_id")
    .select([
      "candidates.id",
      "candidates.name",
      "candidates.email",
      "candidates.source",
      "candidates.notes",
      "candidates.created_at",
      "roles.slug as role_slug",
      "roles.name as role_name",
    ])
    .where("candidates.id", "=", id)
    .executeTakeFirst();
  if (!candidate) return undefined;
  const assessments = await db
    .selectFrom("assessments")
    .innerJoin("kit_versions", "kit_versions.id", "assessments.kit_version_id")
    .select((eb) => [
      "assessments.id",
      "assessments.created_at",
      "kit_versions.name as kit_name",
      "kit_versions.version",
      "kit_versions.role_name",
      eb
        .selectFrom("assessment_interviewers")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("assessment_interviewers.assessment_id", "=", "assessments.id")
        .as("interviewers"),
      eb
        .selectFrom("scorecards")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("scorecards.assessment_id", "=", "assessments.id")
        .where("scorecards.status", "=", "submitted")
        .as("submitted"),
      eb
        .selectFrom("decisions")
        .select("decisions.decision")
        .whereRef("decisions.assessment_id", "=", "assessments.id")
        .orderBy("decisions.decided_at", "desc")
        .orderBy("decisions.id", "desc")
        .limit(1)
        .as("decision"),
    ])
    .where("assessments.candidate_id", "=", id)
    .orderBy("assessments.created_at", "desc")
    .execute();
  return {
    id: candidate.id,
    name: candidate.name,
    email: candidate.email,
    roleSlug: candidate.role_slug,
    roleName: candidate.role_name,
    source: candidate.source,
    notes: candidate.notes,
    createdAt: candidate.created_at,
    assessments: assessments.map((a) => ({
      id: a.id,
      kitName: a.kit_name,
      kitVersion: a.version,
      roleName: a.role_name,
      createdAt: a.created_at,
      interviewers: Number(a.interviewers ?? 0),
      submitted: Number(a.submitted ?? 0),
      decision: a.decision ?? null,
    })),
  };
}

/** Roles to pick from in the candidate form, by name: not the archived ones, except the candidate's own (`keepSlug`). */
export async function roleChoices(db: Executor, keepSlug: string | null = null): Promise<{ slug: string; name: string }[]> {
  return db
    .selectFrom("roles")
    .select(["slug", "name"])
    .where((eb) => (keepSlug === null ? eb("archived_at", "is", null) : eb.or([eb("archived_at", "is", null), eb("slug", "=", keepSlug)])))
    .orderBy("name")
    .execute();
}
