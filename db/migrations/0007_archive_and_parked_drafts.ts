import type { Kysely } from "kysely";
import { isJsonText } from "../dialect";

/*
 * Issue 16, destructive actions. Roles and kits can be archived: hidden from
 * lists and pickers but kept, since assessments, kit versions and rankings
 * name them. An interviewer removed from a panel keeps their draft scorecard
 * aside (parked) so adding them back restores it: the scorecard itself has to
 * go with the assignment (its foreign key cascades), so the draft's content is
 * kept as one JSON document until they come back or the assessment goes.
 */

// Kysely<unknown>, no table types: frozen history, not the app's current types.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ["roles", "kits"]) {
    await db.schema.alterTable(table).addColumn("archived_at", "text").execute();
    await db.schema
      .alterTable(table)
      .addColumn("archived_by", "integer", (c) => c.references("users.id").onDelete("set null"))
      .execute();
  }

  await db.schema
    .createTable("parked_drafts")
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("interviewer_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull().check(isJsonText(db, "content")))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("parked_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("parked_drafts_pk", ["assessment_id", "interviewer_id"])
    .execute();
}
