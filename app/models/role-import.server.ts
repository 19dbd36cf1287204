import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { recordAudit } from "~/models/audit.server";
import { ensureVersioned, recordVersion } from "~/models/profile-versions.server";
import { insertRole, replaceRole } from "~/models/role-writes.server";
import type { RoleFile } from "~/schemas/role";

export type RoleSaveResult = { status: "created" | "replaced"; slug: string; roleId: number } | { status: "slug_taken"; slug: string };

/**
 * Creates the role, or replaces the role of the same slug when `replace` is
 * set; one transaction, audited. Without `replace`, an existing slug changes nothing.
 */
export async function importRole(
  db: Kysely<Database>,
  role: RoleFile,
  options: { replace: boolean; actorId: number },
  now: Date,
): Promise<RoleSaveResult> {
  return inTransaction(db, async (trx): Promise<RoleSaveResult> => {
    const existing = await trx.selectFrom("roles").select("id").where("slug", "=", role.slug).executeTakeFirst();
    if (existing && !options.replace) return { status: "slug_taken", slug: role.slug };
    const at = now.toISOString();
    let roleId: number;
    if (existing) {
      await ensureVersioned(trx, { kind: "role", id: existing.id }, now);
      await replaceRole(trx, existing.id, role, at, options.actorId);
      roleId = existing.id;
    } else {
      roleId = await insertRole(trx, role, at, options.actorId);
    }
    await recordVersion(trx, { kind: "role", id: roleId }, { source: "import", madeBy: options.actorId }, now);
    await recordAudit(
      trx,
      {
        actorUserId: options.actorId,
        action: "role.import",
        entityType: "role",
        entityId: roleId,
        details: { replaced: existing !== undefined },
      },
      now,
    );
    return { status: existing ? "replaced" : "created", slug: role.slug, roleId };
  });
}

/**
 * Saves the role form: updates the role of `currentSlug` (its slug may change
 * to a free one), or creates a role when `currentSlug` is null.
 */
export async function saveRole(
  db: Kysely<Database>,
  role: RoleFile,
  options: { currentSlug: string | null; actorId: number },
  now: Date,
): Promise<RoleSaveResult | undefined> {
  return inTransaction(db, async (trx): Promise<RoleSaveResult | undefined> => {
    const at = now.toISOString();
    const holder = await trx.selectFrom("roles").select("id").where("slug", "=", role.slug).executeTakeFirst();
    if (options.currentSlug === null) {
      if (holder) return { status: "slug_taken", slug: role.slug };
      const roleId = await insertRole(trx, role, at, options.actorId);
      await recordVersion(trx, { kind: "role", id: roleId }, { source: "create", madeBy: options.actorId }, now);
      await recordAudit(trx, { actorUserId: options.actorId, action: "role.create", entityType: "role", entityId: roleId }, now);
      return { status: "created", slug: role.slug, roleId };
    }
    const current = await trx.selectFrom("roles").select("id").where("slug", "=", options.currentSlug).executeTakeFirst();
    if (!current) return undefined;
    if (holder && holder.id !== current.id) return { status: "slug_taken", slug: role.slug };
    await ensureVersioned(trx, { kind: "role", id: current.id }, now);
    await replaceRole(trx, current.id, role, at, options.actorId);
    await recordVersion(trx, { kind: "role", id: current.id }, { source: "edit", madeBy: options.actorId }, now);
    await recordAudit(trx, { actorUserId: options.actorId, action: "role.update", entityType: "role", entityId: current.id }, now);
    return { status: "replaced", slug: role.slug, roleId: current.id };
  });
}
