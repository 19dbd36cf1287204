import { sql, type Kysely } from "kysely";
import { idColumn } from "../dialect";

/*
 * A published report is a snapshot: the report's content as computed when it
 * was published, so reopening a scorecard, editing a role or changing a
 * formula never changes what a candidate already holds. A link shows one
 * snapshot; publishing a new version may move earlier links to it.
 *
 * Links published before this migration have no snapshot: computing one needs
 * the app's scoring code, which a migration must not import, so the app
 * freezes such a link's report the first time it is needed (see
 * app/models/report.server.ts).
 *
 * A link counts its opens and keeps the time of the last one: nothing about
 * the reader.
 */

// Kysely<unknown>, no table types: frozen history, not the app's current types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("report_snapshots")
    .addColumn("id", "integer", idColumn(db))
    // Holds the candidate's scores: erasing the candidate (and so the assessment) deletes it.
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull().check(sql`version >= 1`))
    .addColumn("language", "text", (c) => c.notNull().check(sql`language in ('en', 'es')`))
    .addColumn("content", "text", (c) => c.notNull()) // JSON of the report as the candidate's page renders it
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("restrict"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("report_snapshots_version_language", ["assessment_id", "version", "language"])
    .execute();
  await db.schema
    .alterTable("report_links")
    .addColumn("snapshot_id", "integer", (c) => c.references("report_snapshots.id").onDelete("cascade"))
    .execute();
  await db.schema
    .alterTable("report_links")
    .addColumn("opens", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("report_links").addColumn("last_opened_at", "text").execute();
  await db.schema.createIndex("report_links_snapshot_idx").on("report_links").column("snapshot_id").execute();
}
