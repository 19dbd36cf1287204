import { sql, type Kysely } from "kysely";
import { fitDescending } from "../dialect";

/*
 * The ranking shows each candidate once: their latest assessment of the role
 * that has a result. Finding it per row with a correlated subquery made every
 * ranking page read all of the role's results and sort them. `latest` stores
 * that answer (kept by refreshAssessmentResult in the transaction that writes
 * the result), so a page walks one index in rank order and stops after its rows.
 */

// Kysely<unknown>, no table types: frozen history, not the app's current types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("assessment_results")
    .addColumn("latest", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`latest in (0, 1)`),
    )
    .execute();

  await sql`
    update assessment_results set latest = 1
    where assessment_id in (
      select assessment_id from (
        select r.assessment_id,
               row_number() over (partition by a.candidate_id, r.role_slug order by a.created_at desc, a.id desc) as place
        from assessment_results as r
        join assessments as a on a.id = r.assessment_id
      ) as ordered
      where place = 1
    )`.execute(db);

  await db.schema.dropIndex("assessment_results_rank_idx").execute();
  // Rank order: fit high to low (SQLite puts no fit last in descending order), then coverage, then id.
  await db.schema
    .createIndex("assessment_results_ranking_idx")
    .on("assessment_results")
    .expression(sql`role_slug, latest, ${sql.raw(fitDescending(db))}, coverage desc, assessment_id`)
    .execute();
}
