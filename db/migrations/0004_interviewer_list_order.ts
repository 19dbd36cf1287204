import { sql, type Kysely } from "kysely";
import { createPostgresTrigger, dialectOf, postgresRefusal } from "../dialect";

/*
 * An interviewer's list shows their assessments newest first, a page at a
 * time. Their assignments were found by user, then each assessment read for
 * its date and all of them sorted: a cost that grew with every assignment
 * (0.3 ms at 870). A copy of the assessment's creation date beside the
 * assignment lets the page walk one index in list order and stop.
 *
 * The copy is written with the assignment and never changes: an assessment's
 * date is set once. The triggers hold both sides of that in the database, so
 * no write can leave the list in a wrong order.
 */

// Kysely<unknown>, no table types: frozen history, not the app's current types.
export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite adds a NOT NULL column only with a default; the rows are filled just below and the trigger refuses it on new rows.
  await db.schema
    .alterTable("assessment_interviewers")
    .addColumn("assessment_created_at", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await sql`
    update assessment_interviewers
    set assessment_created_at = (select created_at from assessments where assessments.id = assessment_interviewers.assessment_id)`.execute(
    db,
  );

  if (dialectOf(db) === "postgres") {
    const sameDate = postgresRefusal("assessment_created_at must be the assessment's created_at");
    await createPostgresTrigger(db, {
      name: "assessment_interviewers_created_copy",
      timing: "before",
      events: "insert or update of assessment_created_at, assessment_id",
      table: "assessment_interviewers",
      body: `if new.assessment_created_at is distinct from (select created_at from assessments where id = new.assessment_id) then ${sameDate} end if;`,
    });
    await createPostgresTrigger(db, {
      name: "assessments_created_fixed",
      timing: "before",
      events: "update of created_at",
      table: "assessments",
      body: `if new.created_at is distinct from old.created_at then ${postgresRefusal("an assessment's created_at does not change")} end if;`,
    });
  } else {
    await sql`
    create trigger assessment_interviewers_created_copy
    before insert on assessment_interviewers
    when new.assessment_created_at is not (select created_at from assessments where id = new.assessment_id)
    begin
      select raise(abort, 'assessment_created_at must be the assessment''s created_at');
    end`.execute(db);
    await sql`
    create trigger assessment_interviewers_created_fixed
    before update of assessment_created_at, assessment_id on assessment_interviewers
    when new.assessment_created_at is not (select created_at from assessments where id = new.assessment_id)
    begin
      select raise(abort, 'assessment_created_at must be the assessment''s created_at');
    end`.execute(db);
    await sql`
    create trigger assessments_created_fixed
    before update of created_at on assessments
    when new.created_at is not old.created_at
    begin
      select raise(abort, 'an assessment''s created_at does not change');
    end`.execute(db);
  }

  // Its first column serves every lookup by user the old index served.
  await db.schema.dropIndex("assessment_interviewers_user_idx").execute();
  await db.schema
    .createIndex("assessment_interviewers_list_idx")
    .on("assessment_interviewers")
    .columns(["user_id", "assessment_created_at", "assessment_id"])
    .execute();
}
