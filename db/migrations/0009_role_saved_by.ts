import { sql, type Kysely } from "kysely";

/*
 * A role's page told where its numbers came from in the seed documents' words
 * ("set by the Traitkit team from the published statements", "the document
 * lists no similar roles") even for a role a recruiter made. `saved_by` is who
 * last saved the role (form or import); null: as loaded from the documents.
 * Roles saved before this migration get the person the audit log names.
 *
 * A candidate's e-mail is now looked up on every save (a second candidate
 * with the same address is refused unless confirmed): it gets an index.
 */

// Kysely<unknown>, no table types: frozen history, not the app's current types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("roles")
    .addColumn("saved_by", "integer", (c) => c.references("users.id").onDelete("restrict"))
    .execute();
  await sql`
    update roles
    set saved_by = (
      select audit_log.actor_user_id from audit_log
      where audit_log.entity_type = 'role'
        and audit_log.entity_id = cast(roles.id as text)
        and audit_log.action in ('role.create', 'role.import', 'role.update')
        and audit_log.actor_user_id in (select id from users)
      order by audit_log.at desc, audit_log.id desc
      limit 1)`.execute(db);
  await db.schema.createIndex("candidates_email_idx").on("candidates").columns(["email", "id"]).execute();
}
