import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { recordAudit } from "~/models/audit.server";
import { readRoleFile } from "~/models/role-export.server";
import { ensureVersioned, recordVersion } from "~/models/profile-versions.server";
import { insertRole, insertSkillProfile, replaceRole } from "~/models/role-writes.server";
import type { RoleFile } from "~/schemas/role";
import type { SkillFile } from "~/schemas/skill";
import type { LibraryData } from "../../seeds/library";

export { libraryData } from "../../seeds/library";

/*
 * The Traitkit library (seeds/library.ts) in a database. library_items
 * records each item it has had and the hash of the version loaded, so that:
 * an item never loaded is added; an item a recruiter deleted is not added
 * again; a role still exactly as loaded takes a newer library version; a role
 * a recruiter edited keeps their edits. A role already there without a record
 * (a database from before the record, or a recruiter's own role on a library
 * slug) is recorded as loaded with this version, never replaced by it.
 */

/** A stable hash of an item's content: keys sorted, so the same content read back from the tables hashes the same. */
export function contentHash(content: RoleFile | SkillFile): string {
  return createHash("sha256")
    .update(JSON.stringify(sortedKeys(content)))
    .digest("hex");
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortedKeys(Reflect.get(value, key))]),
    );
  }
  return value;
}

export type LibrarySync = { rolesAdded: number; rolesUpdated: number; skillsAdded: number };

/** Brings the library up to date as described above, in one transaction (or the caller's): all or nothing. */
export async function syncLibrary(db: Kysely<Database>, data: LibraryData, now: Date): Promise<LibrarySync> {
  return inTransaction(db, async (trx) => {
    const at = now.toISOString();
    const records = new Map(
      (await trx.selectFrom("library_items").selectAll().execute()).map((item) => [`${item.kind}:${item.slug}`, item]),
    );
    const result: LibrarySync = { rolesAdded: 0, rolesUpdated: 0, skillsAdded: 0 };

    for (const { role } of data.roles) {
      const hash = contentHash(role);
      const record = records.get(`role:${role.slug}`);
      const present = await trx.selectFrom("roles").select("id").where("slug", "=", role.slug).executeTakeFirst();
      if (record === undefined) {
        if (present === undefined) {
          const roleId = await insertRole(trx, role, at);
          await recordVersion(trx, { kind: "role", id: roleId }, { source: "library", madeBy: null }, now);
          result.rolesAdded += 1;
        }
        await trx.insertInto("library_items").values({ kind: "role", slug: role.slug, content_hash: hash, loaded_at: at }).execute();
        continue;
      }
      // Deleted by a recruiter (absent though recorded), or already this version.
      if (present === undefined || record.content_hash === hash) continue;
      const current = await readRoleFile(trx, role.slug);
      if (current === undefined || contentHash(current) !== record.content_hash) continue;
      await ensureVersioned(trx, { kind: "role", id: present.id }, now);
      await replaceRole(trx, present.id, role, at, null);
      await recordVersion(trx, { kind: "role", id: present.id }, { source: "library", madeBy: null }, now);
      await trx
        .updateTable("library_items")
        .set({ content_hash: hash, loaded_at: at })
        .where("kind", "=", "role")
        .where("slug", "=", role.slug)
        .execute();
      result.rolesUpdated += 1;
    }

    // A skill profile never loaded is added; a recorded one is left as it is (the team changes it by proposals and edits).
    const roleSlugs = new Set((await trx.selectFrom("roles").select("slug").execute()).map((row) => row.slug));
    const profiled = new Set(
      (
        await trx
          .selectFrom("skills")
          .innerJoin("skill_expectations", "skill_expectations.skill_id", "skills.id")
          .select("skills.slug")
          .distinct()
          .execute()
      ).map((row) => row.slug),
    );
    for (const { skill } of data.skills) {
      if (records.has(`skill:${skill.slug}`)) continue;
      if (!profiled.has(skill.slug)) {
        // A profile naming a role a recruiter deleted waits: it cannot be loaded whole.
        if (!skill.expectations.every((expectation) => roleSlugs.has(expectation.role))) continue;
        const skillId = await insertSkillProfile(trx, skill);
        await recordVersion(trx, { kind: "skill", id: skillId }, { source: "library", madeBy: null }, now);
        result.skillsAdded += 1;
      }
      await trx
        .insertInto("library_items")
        .values({ kind: "skill", slug: skill.slug, content_hash: contentHash(skill), loaded_at: at })
        .execute();
    }
    return result;
  });
}

/** True when the database holds no role at all (a deployment started with TRAITKIT_LIBRARY=0, or every role deleted). */
export async function isRoleLibraryEmpty(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom("roles").select("id").limit(1).executeTakeFirst()) === undefined;
}

/** A recruiter adds the library from the empty role list (TRAITKIT_LIBRARY=0): synced and audited, one transaction. */
export async function addLibrary(db: Kysely<Database>, data: LibraryData, actorId: number, now: Date): Promise<LibrarySync> {
  return inTransaction(db, async (trx) => {
    const result = await syncLibrary(trx, data, now);
    await recordAudit(
      trx,
      { actorUserId: actorId, action: "role.library_add", entityType: "role", entityId: null, details: { ...result } },
      now,
    );
    return result;
  });
}
