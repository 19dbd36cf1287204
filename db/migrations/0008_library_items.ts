import { sql, type Kysely } from "kysely";

/*
 * The Traitkit library (the documents' roles and skill profiles) is loaded on
 * every deployment, not only with the demo. This records which library items
 * a database has had, and the content hash of the version loaded, so a later
 * start adds what is new, updates only what nobody has edited since, and
 * never brings back an item a recruiter deleted. A database that already
 * holds the library (every demo database before this) is recognised at its
 * next start: its library roles are recorded then, not loaded again.
 */

// Kysely<unknown>, no table types: frozen history, not the app's current types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("library_items")
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('role', 'skill')`))
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("loaded_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("library_items_pk", ["kind", "slug"])
    .execute();
}
