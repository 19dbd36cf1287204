import { sql, type Kysely } from "kysely";

/*
 * The debrief (issue 19): once a panel is complete, the recruiter records,
 * for each trait flagged to calibrate, the reading the panel agreed on (a
 * rating on the 1–5 scale) and why. The submitted scorecards stay as they
 * were: a reading is kept beside them, one per trait (a new one replaces it,
 * and the audit log keeps every change), and goes when the candidate's data
 * is erased.
 */

// Kysely<unknown>, no table types: frozen history, not the app's current types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("debrief_readings")
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("trait", "text", (c) => c.notNull())
    .addColumn("reading", "integer", (c) => c.notNull().check(sql`reading between 1 and 5`))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("recorded_by", "integer", (c) => c.notNull().references("users.id").onDelete("restrict"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("debrief_readings_pk", ["assessment_id", "trait"])
    .execute();
}
