import { sql, type Kysely } from "kysely";
import { createPostgresTrigger, dialectOf, postgresRefusal, fitDescending } from "../dialect";

/*
 * The ranking shows complete panels only by default: a result whose every
 * assigned interviewer has submitted. Counting each ranked row's panel with a
 * correlated subquery cost the page time in the role's size (586 ms to count
 * 72,000 ranked candidates). A copy of the panel's size beside the submitted
 * count lets the page compare two columns of the ranking's index.
 *
 * The copy is kept by the database, not by the app: the panel changes in more
 * places (created, an interviewer added or removed, a candidate erased, by
 * hand in SQL) than a result is written. Triggers on assessment_interviewers
 * recount the panel of the assessment they change; a new result takes its
 * panel's count when inserted, whatever it was given; and a write of the copy
 * that is not the real count is refused. No write can make the two differ.
 */

const REFUSED = "select raise(abort, 'assigned_interviewers must be the number of the assessment''s interviewers')";

/** The panel's size of the assessment `id` names (a NEW or OLD reference inside a trigger). */
function panelOf(id: string): string {
  return `(select count(*) from assessment_interviewers where assessment_interviewers.assessment_id = ${id})`;
}

/** Sets the copy of the result of the assessment `id` names, if it has one, to its panel's size. */
function recount(id: string): string {
  return `update assessment_results set assigned_interviewers = ${panelOf(id)} where assessment_id = ${id};`;
}

// Kysely<unknown>, no table types: frozen history, not the app's current types.
export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite adds a NOT NULL column only with a default; the rows are filled just below and the triggers keep them.
  await db.schema
    .alterTable("assessment_results")
    .addColumn("assigned_interviewers", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await sql.raw(`update assessment_results set assigned_interviewers = ${panelOf("assessment_results.assessment_id")}`).execute(db);

  const triggers = [
    `create trigger assessment_results_assigned_new
    after insert on assessment_results
    begin
      ${recount("new.assessment_id")}
    end`,
    `create trigger assessment_results_assigned_right
    before update of assigned_interviewers, assessment_id on assessment_results
    when new.assigned_interviewers is not ${panelOf("new.assessment_id")}
    begin
      ${REFUSED};
    end`,
    `create trigger assessment_interviewers_assigned_added
    after insert on assessment_interviewers
    begin
      ${recount("new.assessment_id")}
    end`,
    `create trigger assessment_interviewers_assigned_removed
    after delete on assessment_interviewers
    begin
      ${recount("old.assessment_id")}
    end`,
    `create trigger assessment_interviewers_assigned_moved
    after update of assessment_id on assessment_interviewers
    begin
      ${recount("old.assessment_id")}
      ${recount("new.assessment_id")}
    end`,
  ];
  if (dialectOf(db) === "postgres") await assignedCountTriggersOnPostgres(db);
  else for (const trigger of triggers) await sql.raw(trigger).execute(db);

  // The ranking's order, then the two counts: counting complete panels reads this index alone, no table row.
  await db.schema.dropIndex("assessment_results_ranking_idx").execute();
  await db.schema
    .createIndex("assessment_results_ranking_idx")
    .on("assessment_results")
    .expression(
      sql`role_slug, latest, ${sql.raw(fitDescending(db))}, coverage desc, assessment_id, submitted_scorecards, assigned_interviewers`,
    )
    .execute();
}

/** The same rules as SQLite's triggers above, as PostgreSQL writes them. */
async function assignedCountTriggersOnPostgres(db: Kysely<unknown>): Promise<void> {
  await createPostgresTrigger(db, {
    name: "assessment_results_assigned_new",
    timing: "after",
    events: "insert",
    table: "assessment_results",
    body: recount("new.assessment_id"),
  });
  await createPostgresTrigger(db, {
    name: "assessment_results_assigned_right",
    timing: "before",
    events: "update of assigned_interviewers, assessment_id",
    table: "assessment_results",
    body: `if new.assigned_interviewers is distinct from ${panelOf("new.assessment_id")} then
      ${postgresRefusal("assigned_interviewers must be the number of the assessment's interviewers")}
    end if;`,
  });
  await createPostgresTrigger(db, {
    name: "assessment_interviewers_assigned_added",
    timing: "after",
    events: "insert",
    table: "assessment_interviewers",
    body: recount("new.assessment_id"),
  });
  await createPostgresTrigger(db, {
    name: "assessment_interviewers_assigned_removed",
    timing: "after",
    events: "delete",
    table: "assessment_interviewers",
    body: recount("old.assessment_id"),
  });
  await createPostgresTrigger(db, {
    name: "assessment_interviewers_assigned_moved",
    timing: "after",
    events: "update of assessment_id",
    table: "assessment_interviewers",
    body: `${recount("old.assessment_id")} ${recount("new.assessment_id")}`,
  });
}
