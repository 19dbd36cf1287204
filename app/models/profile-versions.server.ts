import { dequal } from "dequal";
import type { Kysely } from "kysely";
import type { Database, ProfileVersionSource } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { LEVELS } from "~/domain/levels";
import type { Json } from "~/domain/profile-diff";
import { readRoleFile } from "~/models/role-export.server";
import { parseLocalized, stringifyLocalized } from "~/schemas/localized";
import type { ProfileExpectation, SkillProfileDocument } from "~/schemas/skill";

/*
 * Every version of a role or skill profile, kept whole (migration 0018). A
 * version is written in the transaction of the write that makes it: the
 * library's load, a recruiter's form or import, an accepted proposal. A
 * profile from before versions were kept gets its first version, as it was,
 * before anything changes it (ensureVersioned) and at every start
 * (recordUnversionedProfiles).
 */

export type ProfileKind = "role" | "skill";
/** A role or a skill, by its id; the slug is read with it for addresses. */
export type ProfileTarget = { kind: ProfileKind; id: number; slug: string; name: string };

/** The column of a proposal, version, follow or activity row that names the target. */
export function targetColumn(kind: ProfileKind): "role_id" | "skill_id" {
  return kind === "role" ? "role_id" : "skill_id";
}

/** Column values naming the target (the other column null). */
export function targetColumns(target: Pick<ProfileTarget, "kind" | "id">): { role_id: number | null; skill_id: number | null } {
  return target.kind === "role" ? { role_id: target.id, skill_id: null } : { role_id: null, skill_id: target.id };
}

export async function findProfileTarget(db: Kysely<Database>, kind: ProfileKind, slug: string): Promise<ProfileTarget | undefined> {
  const row =
    kind === "role"
      ? await db.selectFrom("roles").select(["id", "slug", "name"]).where("slug", "=", slug).executeTakeFirst()
      : await db.selectFrom("skills").select(["id", "slug", "name"]).where("slug", "=", slug).executeTakeFirst();
  return row && { kind, ...row };
}

export async function profileTargetById(
  db: Kysely<Database>,
  ids: { role_id: number | null; skill_id: number | null },
): Promise<ProfileTarget> {
  if (ids.role_id !== null) {
    const row = await db.selectFrom("roles").select(["id", "slug", "name"]).where("id", "=", ids.role_id).executeTakeFirstOrThrow();
    return { kind: "role", ...row };
  }
  const row = await db
    .selectFrom("skills")
    .select(["id", "slug", "name"])
    .where("id", "=", ids.skill_id ?? -1)
    .executeTakeFirstOrThrow();
  return { kind: "skill", ...row };
}

/** A skill's own row, its domain named: what its page and its versions start from. */
export async function findSkillRow(db: Kysely<Database>, slug: string) {
  return db
    .selectFrom("skills")
    .innerJoin("skill_domains", "skill_domains.id", "skills.domain_id")
    .select([
      "skills.id",
      "skills.slug",
      "skills.name",
      "skills.skill_group",
      "skills.description",
      "skills.published_on",
      "skill_domains.name as domain",
    ])
    .where("skills.slug", "=", slug)
    .executeTakeFirst();
}

/** The skill profile as its versions keep it; undefined when no such skill. */
export async function readSkillProfileDocument(db: Kysely<Database>, slug: string): Promise<SkillProfileDocument | undefined> {
  const skill = await findSkillRow(db, slug);
  if (!skill) return undefined;
  const rows = await db
    .selectFrom("skill_expectations")
    .innerJoin("roles", "roles.id", "skill_expectations.role_id")
    .select(["roles.slug", "skill_expectations.level", "skill_expectations.mandatory", "skill_expectations.description"])
    .where("skill_expectations.skill_id", "=", skill.id)
    .execute();
  return {
    slug: skill.slug,
    name: skill.name,
    domain: skill.domain,
    group: skill.skill_group,
    description: skill.description === null ? null : parseLocalized(skill.description),
    publishedOn: skill.published_on,
    expectations: sortExpectations(
      rows.map((row) => ({
        role: row.slug,
        level: row.level,
        mandatory: row.mandatory === 1,
        description: parseLocalized(row.description) ?? {},
      })),
    ),
  };
}

/** The canonical order of a skill's expectations: by level (Junior first), then role. */
export function sortExpectations(expectations: readonly ProfileExpectation[]): ProfileExpectation[] {
  return [...expectations].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.role.localeCompare(b.role));
}

/**
 * Replaces a skill's expectations (call inside a transaction). Every role must
 * be in the library; otherwise nothing is written and the missing slugs return.
 */
export async function replaceSkillExpectations(
  db: Kysely<Database>,
  skillId: number,
  expectations: readonly ProfileExpectation[],
): Promise<{ status: "saved" } | { status: "unknown_roles"; roles: string[] }> {
  const slugs = [...new Set(expectations.map((expectation) => expectation.role))];
  const roles = slugs.length === 0 ? [] : await db.selectFrom("roles").select(["id", "slug"]).where("slug", "in", slugs).execute();
  const ids = new Map(roles.map((role) => [role.slug, role.id]));
  const missing = slugs.filter((slug) => !ids.has(slug));
  if (missing.length > 0) return { status: "unknown_roles", roles: missing };
  await db.deleteFrom("skill_expectations").where("skill_id", "=", skillId).execute();
  if (expectations.length > 0) {
    await db
      .insertInto("skill_expectations")
      .values(
        expectations.map((expectation) => ({
          skill_id: skillId,
          role_id: ids.get(expectation.role) as number,
          level: expectation.level,
          mandatory: expectation.mandatory ? (1 as const) : (0 as const),
          description: stringifyLocalized(expectation.description),
        })),
      )
      .execute();
  }
  return { status: "saved" };
}

/** The profile's document as the tables hold it now. */
export async function readProfileDocument(db: Kysely<Database>, target: Pick<ProfileTarget, "kind" | "id">): Promise<Json> {
  const slug =
    target.kind === "role"
      ? (await db.selectFrom("roles").select("slug").where("id", "=", target.id).executeTakeFirstOrThrow()).slug
      : (await db.selectFrom("skills").select("slug").where("id", "=", target.id).executeTakeFirstOrThrow()).slug;
  const doc = target.kind === "role" ? await readRoleFile(db, slug) : await readSkillProfileDocument(db, slug);
  if (doc === undefined) throw new Error(`No ${target.kind} ${target.id}`);
  // A round trip through JSON: what is compared is what is kept.
  return JSON.parse(JSON.stringify(doc)) as Json;
}

export type ProfileVersion = {
  version: number;
  content: Json;
  source: ProfileVersionSource;
  proposalId: number | null;
  madeBy: number | null;
  madeAt: string;
};

function toVersion(row: {
  version: number;
  content: string;
  source: ProfileVersionSource;
  proposal_id: number | null;
  made_by: number | null;
  made_at: string;
}): ProfileVersion {
  return {
    version: row.version,
    content: JSON.parse(row.content) as Json,
    source: row.source,
    proposalId: row.proposal_id,
    madeBy: row.made_by,
    madeAt: row.made_at,
  };
}

export async function latestVersion(db: Kysely<Database>, target: Pick<ProfileTarget, "kind" | "id">): Promise<ProfileVersion | undefined> {
  const row = await db
    .selectFrom("profile_versions")
    .select(["version", "content", "source", "proposal_id", "made_by", "made_at"])
    .where(targetColumn(target.kind), "=", target.id)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row && toVersion(row);
}

export async function profileVersion(
  db: Kysely<Database>,
  target: Pick<ProfileTarget, "kind" | "id">,
  version: number,
): Promise<ProfileVersion | undefined> {
  const row = await db
    .selectFrom("profile_versions")
    .select(["version", "content", "source", "proposal_id", "made_by", "made_at"])
    .where(targetColumn(target.kind), "=", target.id)
    .where("version", "=", version)
    .executeTakeFirst();
  return row && toVersion(row);
}

/**
 * Records the profile as it is now as its first version, when it has none
 * (a profile from before versions were kept, or just loaded). Call before a
 * write changes it, in the write's transaction.
 */
export async function ensureVersioned(
  db: Kysely<Database>,
  target: Pick<ProfileTarget, "kind" | "id">,
  now: Date,
): Promise<ProfileVersion> {
  const latest = await latestVersion(db, target);
  if (latest) return latest;
  const content = await readProfileDocument(db, target);
  const made =
    target.kind === "role"
      ? await db.selectFrom("roles").select(["saved_by", "updated_at"]).where("id", "=", target.id).executeTakeFirstOrThrow()
      : null;
  const version: ProfileVersion = {
    version: 1,
    content,
    source: made?.saved_by ? "edit" : "library",
    proposalId: null,
    madeBy: made?.saved_by ?? null,
    madeAt: made?.updated_at ?? now.toISOString(),
  };
  await insertVersion(db, target, version);
  return version;
}

async function insertVersion(db: Kysely<Database>, target: Pick<ProfileTarget, "kind" | "id">, version: ProfileVersion): Promise<void> {
  await db
    .insertInto("profile_versions")
    .values({
      ...targetColumns(target),
      version: version.version,
      content: JSON.stringify(version.content),
      source: version.source,
      proposal_id: version.proposalId,
      made_by: version.madeBy,
      made_at: version.madeAt,
    })
    .execute();
}

/**
 * Records the profile as it is now as its next version, after a write in the
 * same transaction. A write that changed nothing makes no version (the latest
 * returns), except an accepted proposal, which always makes one.
 */
export async function recordVersion(
  db: Kysely<Database>,
  target: Pick<ProfileTarget, "kind" | "id">,
  made: { source: ProfileVersionSource; madeBy: number | null; proposalId?: number },
  now: Date,
): Promise<ProfileVersion> {
  const content = await readProfileDocument(db, target);
  const latest = await latestVersion(db, target);
  if (latest && made.proposalId === undefined && dequal(latest.content, content)) return latest;
  const version: ProfileVersion = {
    version: (latest?.version ?? 0) + 1,
    content,
    source: made.source,
    proposalId: made.proposalId ?? null,
    madeBy: made.madeBy,
    madeAt: now.toISOString(),
  };
  await insertVersion(db, target, version);
  return version;
}

/** Gives every role and skill profile without a version its first one; run at start, after the library's load. */
export async function recordUnversionedProfiles(db: Kysely<Database>, now: Date): Promise<number> {
  return inTransaction(db, async (trx) => {
    const roles = await trx
      .selectFrom("roles")
      .select("id")
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("profile_versions").select("id").whereRef("profile_versions.role_id", "=", "roles.id"))),
      )
      .execute();
    const skills = await trx
      .selectFrom("skills")
      .select("id")
      .where(({ exists, selectFrom }) =>
        exists(selectFrom("skill_expectations").select("skill_id").whereRef("skill_expectations.skill_id", "=", "skills.id")),
      )
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("profile_versions").select("id").whereRef("profile_versions.skill_id", "=", "skills.id"))),
      )
      .execute();
    for (const role of roles) await ensureVersioned(trx, { kind: "role", id: role.id }, now);
    for (const skill of skills) await ensureVersioned(trx, { kind: "skill", id: skill.id }, now);
    return roles.length + skills.length;
  });
}

export type VersionListItem = {
  version: number;
  source: ProfileVersionSource;
  madeAt: string;
  madeBy: string | null;
  proposal: { id: number; title: string } | null;
};

/** Every version of a profile, newest first, with who made it and the proposal that did. */
export async function listVersions(db: Kysely<Database>, target: Pick<ProfileTarget, "kind" | "id">): Promise<VersionListItem[]> {
  const rows = await db
    .selectFrom("profile_versions")
    .leftJoin("users", "users.id", "profile_versions.made_by")
    .leftJoin("proposals", "proposals.id", "profile_versions.proposal_id")
    .select([
      "profile_versions.version",
      "profile_versions.source",
      "profile_versions.made_at",
      "users.name as made_by",
      "proposals.id as proposal_id",
      "proposals.title as proposal_title",
    ])
    .where(`profile_versions.${targetColumn(target.kind)}`, "=", target.id)
    .orderBy("profile_versions.version", "desc")
    .execute();
  return rows.map((row) => ({
    version: row.version,
    source: row.source,
    madeAt: row.made_at,
    madeBy: row.made_by,
    proposal: row.proposal_id === null || row.proposal_title === null ? null : { id: row.proposal_id, title: row.proposal_title },
  }));
}

/**
 * Who last changed a role's ideal bands, and when: the newest version whose
 * bands differ from the version before it (read newest first, stopping
 * there). Undefined when the bands are as the library loaded them; a role
 * without versions yet answers from who last saved it (`fallback`).
 */
export async function bandsSetBy(
  db: Kysely<Database>,
  roleId: number,
  fallback: () => Promise<{ name: string; at: string } | undefined>,
): Promise<{ name: string; at: string } | undefined> {
  const bandsOf = (content: string): Json => (JSON.parse(content) as { idealProfile?: Json }).idealProfile ?? null;
  const versionAt = (version: number | null) => {
    let query = db
      .selectFrom("profile_versions")
      .leftJoin("users", "users.id", "profile_versions.made_by")
      .select(["profile_versions.version", "profile_versions.content", "profile_versions.made_at", "users.name"])
      .where("profile_versions.role_id", "=", roleId)
      .orderBy("profile_versions.version", "desc")
      .limit(1);
    if (version !== null) query = query.where("profile_versions.version", "=", version);
    return query.executeTakeFirst();
  };
  let newer = await versionAt(null);
  if (!newer) return fallback();
  while (newer) {
    const older: typeof newer | undefined = newer.version > 1 ? await versionAt(newer.version - 1) : undefined;
    if (!older || !dequal(bandsOf(newer.content), bandsOf(older.content))) {
      return newer.name === null ? undefined : { name: newer.name, at: newer.made_at };
    }
    newer = older;
  }
  return undefined;
}
