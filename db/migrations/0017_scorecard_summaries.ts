import { sql, type Kysely } from "kysely";
import { createPostgresTrigger, dialectOf } from "../dialect";

/*
 * Interviewer calibration (issue 21) reads one summary row per submitted
 * scorecard instead of every rating: its interviewer, assessment, role,
 * when it was assigned and submitted, its recommendation, the kit's
 * question×trait cells and how many it rated, how many ratings were 1…5, and
 * per trait the sum and count of its ratings. Like the panel's cached result
 * (assessment_results), the app rewrites an assessment's summaries in the
 * transaction that changes a submission; here the scorecards already
 * submitted get theirs once, from their ratings. Erasing a candidate removes
 * them (cascade from the scorecard).
 *
 * A year of summaries is read whole for each figure, so the app keeps the
 * figures of a period in memory while the summaries stay as they were: a
 * counter (scorecard_summaries_generation) that triggers move on every
 * insert, update and delete of a summary, whatever made it (a submission, a
 * reopening, an erasure's cascade), tells every app server that shares the
 * database when its copy is stale.
 */

const TRAITS = ["openness", "conscientiousness", "extraversion", "agreeableness", "emotional_stability", "relational_engagement"] as const;
const RATINGS = [1, 2, 3, 4, 5] as const;

// Kysely<unknown>, no table types: frozen history, not the app's current types.
export async function up(db: Kysely<unknown>): Promise<void> {
  let table = db.schema
    .createTable("scorecard_summaries")
    .addColumn("scorecard_id", "integer", (c) => c.primaryKey().references("scorecards.id").onDelete("cascade"))
    .addColumn("assessment_id", "integer", (c) => c.notNull().references("assessments.id").onDelete("cascade"))
    .addColumn("interviewer_id", "integer", (c) => c.notNull().references("users.id").onDelete("restrict"))
    .addColumn("role_slug", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("assigned_at", "text")
    .addColumn("recommendation", "text")
    .addColumn("kit_cells", "integer", (c) => c.notNull())
    .addColumn("rated_cells", "integer", (c) => c.notNull());
  for (const r of RATINGS) table = table.addColumn(`ratings_${r}`, "integer", (c) => c.notNull().defaultTo(0));
  for (const t of TRAITS) {
    table = table
      .addColumn(`${t}_sum`, "integer", (c) => c.notNull().defaultTo(0))
      .addColumn(`${t}_count`, "integer", (c) => c.notNull().defaultTo(0));
  }
  await table.execute();
  // The page's filters: a period alone, or a role's period; an interviewer's own scorecards; an assessment's panel.
  await db.schema.createIndex("scorecard_summaries_period_idx").on("scorecard_summaries").column("submitted_at").execute();
  await db.schema.createIndex("scorecard_summaries_role_idx").on("scorecard_summaries").columns(["role_slug", "submitted_at"]).execute();
  await db.schema
    .createIndex("scorecard_summaries_interviewer_idx")
    .on("scorecard_summaries")
    .columns(["interviewer_id", "submitted_at"])
    .execute();
  await db.schema.createIndex("scorecard_summaries_assessment_idx").on("scorecard_summaries").column("assessment_id").execute();

  await db.schema
    .createTable("scorecard_summaries_generation")
    .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn("generation", "integer", (c) => c.notNull())
    .execute();
  await sql`insert into scorecard_summaries_generation (id, generation) values (1, 0)`.execute(db);
  for (const event of ["insert", "update", "delete"]) {
    if (dialectOf(db) === "postgres") {
      await createPostgresTrigger(db, {
        name: `scorecard_summaries_${event}_moves_generation`,
        timing: "after",
        events: event,
        table: "scorecard_summaries",
        body: "update scorecard_summaries_generation set generation = generation + 1 where id = 1;",
      });
      continue;
    }
    await sql
      .raw(
        `create trigger scorecard_summaries_${event}_moves_generation after ${event} on scorecard_summaries
         begin
           update scorecard_summaries_generation set generation = generation + 1 where id = 1;
         end`,
      )
      .execute(db);
  }

  const ratingColumns = RATINGS.map((r) => `(select count(*) from ratings x where x.scorecard_id = s.id and x.rating = ${r})`);
  const traitColumns = TRAITS.flatMap((t) => [
    `(select coalesce(sum(x.rating), 0) from ratings x where x.scorecard_id = s.id and x.trait = '${t}')`,
    `(select count(*) from ratings x where x.scorecard_id = s.id and x.trait = '${t}')`,
  ]);
  await sql
    .raw(
      `insert into scorecard_summaries (scorecard_id, assessment_id, interviewer_id, role_slug, submitted_at, assigned_at, recommendation,
         kit_cells, rated_cells, ${RATINGS.map((r) => `ratings_${r}`).join(", ")}, ${TRAITS.flatMap((t) => [`${t}_sum`, `${t}_count`]).join(", ")})
       select s.id, s.assessment_id, s.interviewer_id, kv.role_slug, s.submitted_at,
         (select ai.added_at from assessment_interviewers ai where ai.assessment_id = s.assessment_id and ai.user_id = s.interviewer_id),
         s.recommendation,
         (select count(*) from kit_question_traits kqt join kit_questions kq on kq.id = kqt.kit_question_id where kq.kit_version_id = kv.id),
         (select count(*) from ratings x where x.scorecard_id = s.id),
         ${[...ratingColumns, ...traitColumns].join(",\n         ")}
       from scorecards s
       join assessments a on a.id = s.assessment_id
       join kit_versions kv on kv.id = a.kit_version_id
       where s.status = 'submitted' and s.submitted_at is not null`,
    )
    .execute(db);
}
