import { sql, type Kysely } from "kysely";
import { createPostgresTrigger, dialectOf, postgresRefusal, fitDescending } from "../dialect";

/*
 * Two more things the ranking and its CSV read beside each result, so that
 * neither grows with the role:
 *
 * - The assessment's latest decision (`decision`). The ranking filters on it
 *   and shows it; a correlated lookup per row made a filtered count read
 *   every ranked row's decisions. Like the panel's size
 *   (0010), the copy is kept by the database: triggers on decisions recompute
 *   the latest of the assessment they change, a new result takes its
 *   assessment's latest when inserted, a write of the copy that is not the
 *   latest decision is refused, and so is replacing a decision (INSERT OR
 *   REPLACE would remove the old one without a trigger).
 *
 * - Each trait's calibration flag (`<trait>_calibrate`, 0 or 1): the
 *   interviewers' mean ratings of the trait are 2 or more apart. The CSV summed
 *   every batch's ratings to judge it (two thirds of its time). It is derived
 *   from the submitted ratings like the scores beside it, so the app writes it
 *   with them, in the transaction that changes a submission; here the existing
 *   results get it once, by the rule as it stands (frozen below).
 */

const REFUSED = "select raise(abort, 'decision must be the assessment''s latest decision')";

/** The latest decision of the assessment `id` names (decided_at, then id: the order the assessment page lists them in). */
function latestOf(id: string): string {
  return `(select d.decision from decisions d where d.assessment_id = ${id} order by d.decided_at desc, d.id desc limit 1)`;
}

function recopy(id: string): string {
  return `update assessment_results set decision = ${latestOf(id)} where assessment_id = ${id};`;
}

const TRAITS = ["openness", "conscientiousness", "extraversion", "agreeableness", "emotional_stability", "relational_engagement"] as const;

/** The calibration spread when this migration was written: means 2 rating units apart or more. */
const SPREAD = 2;

// Kysely<unknown>, no table types: frozen history, not the app's current types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("assessment_results").addColumn("decision", "text").execute();
  await sql.raw(`update assessment_results set decision = ${latestOf("assessment_results.assessment_id")}`).execute(db);

  const triggers = [
    `create trigger assessment_results_decision_new
    after insert on assessment_results
    begin
      ${recopy("new.assessment_id")}
    end`,
    `create trigger assessment_results_decision_right
    before update of decision, assessment_id on assessment_results
    when new.decision is not ${latestOf("new.assessment_id")}
    begin
      ${REFUSED};
    end`,
    `create trigger decisions_latest_added
    after insert on decisions
    begin
      ${recopy("new.assessment_id")}
    end`,
    `create trigger decisions_latest_removed
    after delete on decisions
    begin
      ${recopy("old.assessment_id")}
    end`,
    // Any column: the id breaks ties between decisions made at the same time.
    `create trigger decisions_latest_changed
    after update on decisions
    begin
      ${recopy("old.assessment_id")}
      ${recopy("new.assessment_id")}
    end`,
    // INSERT OR REPLACE removes the row it replaces without a delete trigger (SQLite's recursive_triggers is off):
    // a decision is history, never replaced.
    `create trigger decisions_never_replaced
    before insert on decisions
    when exists (select 1 from decisions d where d.id = new.id)
    begin
      select raise(abort, 'a decision is never replaced: record a new one');
    end`,
  ];
  if (dialectOf(db) === "postgres") await latestDecisionTriggersOnPostgres(db);
  else for (const trigger of triggers) await sql.raw(trigger).execute(db);

  /*
   * A trait is flagged when two of the panel's submitted interviewers have
   * means SPREAD or more apart: sumA/nA − sumB/nB ≥ SPREAD, compared as
   * fractions (sumA·nB − sumB·nA ≥ SPREAD·nA·nB) so no rounding hides an exact 2.
   */
  for (const trait of TRAITS) {
    await db.schema
      .alterTable("assessment_results")
      .addColumn(`${trait}_calibrate`, "integer", (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql.raw(`${trait}_calibrate in (0, 1)`)),
      )
      .execute();
    await sql
      .raw(
        `with totals as (
          select s.assessment_id, s.interviewer_id, sum(rt.rating) as total, count(*) as n
          from scorecards s join ratings rt on rt.scorecard_id = s.id
          where s.status = 'submitted' and rt.trait = '${trait}'
          group by s.assessment_id, s.interviewer_id
        )
        update assessment_results set ${trait}_calibrate = 1
        where assessment_id in (
          select a.assessment_id from totals a join totals b on b.assessment_id = a.assessment_id
          where a.total * b.n - b.total * a.n >= ${SPREAD} * a.n * b.n
        )`,
      )
      .execute(db);
  }

  // The ranking's order, both counts, then the decision: a page's walk in rank order filters without reading the table.
  await db.schema.dropIndex("assessment_results_ranking_idx").execute();
  await db.schema
    .createIndex("assessment_results_ranking_idx")
    .on("assessment_results")
    .expression(
      sql`role_slug, latest, ${sql.raw(fitDescending(db))}, coverage desc, assessment_id, submitted_scorecards, assigned_interviewers, decision`,
    )
    .execute();
  /*
   * The ranking's count with complete panels only (its default) as one
   * range of an index instead of a walk of the role's whole ranking: 6.7 ms →
   * 0.9 ms for 22,504 of 71,816 ranked candidates (0.6 ms with "no decision
   * yet" too). SQLite uses an index on an expression only for a query that
   * writes the same expression: the ranking compares
   * "(submitted_scorecards >= assigned_interviewers) = 1".
   */
  await db.schema
    .createIndex("assessment_results_count_idx")
    .on("assessment_results")
    .expression(sql`role_slug, latest, (submitted_scorecards >= assigned_interviewers), decision, coverage`)
    .execute();
}

/**
 * The same rules as SQLite's triggers above, as PostgreSQL writes them. Its
 * INSERT has no OR REPLACE, so the guard against a replaced decision has
 * nothing to guard there: the primary key refuses a second row with an id.
 */
async function latestDecisionTriggersOnPostgres(db: Kysely<unknown>): Promise<void> {
  await createPostgresTrigger(db, {
    name: "assessment_results_decision_new",
    timing: "after",
    events: "insert",
    table: "assessment_results",
    body: recopy("new.assessment_id"),
  });
  await createPostgresTrigger(db, {
    name: "assessment_results_decision_right",
    timing: "before",
    events: "update of decision, assessment_id",
    table: "assessment_results",
    body: `if new.decision is distinct from ${latestOf("new.assessment_id")} then
      ${postgresRefusal("decision must be the assessment's latest decision")}
    end if;`,
  });
  await createPostgresTrigger(db, {
    name: "decisions_latest_added",
    timing: "after",
    events: "insert",
    table: "decisions",
    body: recopy("new.assessment_id"),
  });
  await createPostgresTrigger(db, {
    name: "decisions_latest_removed",
    timing: "after",
    events: "delete",
    table: "decisions",
    body: recopy("old.assessment_id"),
  });
  await createPostgresTrigger(db, {
    name: "decisions_latest_changed",
    timing: "after",
    events: "update",
    table: "decisions",
    body: `${recopy("old.assessment_id")} ${recopy("new.assessment_id")}`,
  });
}
