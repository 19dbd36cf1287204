import { sql, type Kysely } from "kysely";
import { idColumn } from "../dialect";

/*
 * The candidate's self-report (issue 20): one IPIP-NEO-120 questionnaire per
 * assessment, reached through a private link like the report's (only the
 * token's hash is kept; a link expires and can be revoked; a new link revokes
 * the earlier ones). Nothing is kept of the candidate before they consent:
 * `consented_at` says when they did, and answers come after it. Answers are
 * kept by the item package's stable item id, never by position or wording,
 * with the value on the agreement scale (1 very inaccurate … 5 very
 * accurate); `completed_at` freezes them. Erasing the candidate removes all
 * three tables' rows (cascade from the assessment).
 */

// Kysely<unknown>, no table types: frozen history, not the app's current types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("questionnaires")
    .addColumn("assessment_id", "integer", (c) => c.primaryKey().references("assessments.id").onDelete("cascade"))
    .addColumn("instrument", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id").onDelete("restrict"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("consented_at", "text")
    .addColumn("completed_at", "text")
    .addColumn("include_in_report", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("questionnaire_links")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("questionnaires.assessment_id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id").onDelete("restrict"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("last_opened_at", "text")
    .execute();
  await db.schema.createIndex("questionnaire_links_assessment_idx").on("questionnaire_links").column("assessment_id").execute();
  await db.schema
    .createTable("questionnaire_answers")
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("questionnaires.assessment_id").onDelete("cascade"))
    .addColumn("item_id", "text", (c) => c.notNull())
    .addColumn("value", "integer", (c) => c.notNull().check(sql`value between 1 and 5`))
    .addColumn("answered_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("questionnaire_answers_pk", ["assessment_id", "item_id"])
    .execute();
}
