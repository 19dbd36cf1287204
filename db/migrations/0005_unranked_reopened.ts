import { sql, type Kysely } from "kysely";

/*
 * Reopening an assessment's last submitted scorecard left its cached result
 * in place, with no scorecard behind it: the ranking listed the candidate
 * ("No fit", 0% coverage) and could hide their earlier result for the role.
 * An assessment without a submitted scorecard has no result (the app now
 * deletes it on reopen); this removes the ones left and flags each
 * candidate's latest remaining result again, as 0002 defined it.
 */

// Kysely<unknown>, no table types: frozen history, not the app's current types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`delete from assessment_results where submitted_scorecards = 0`.execute(db);
  await sql`
    update assessment_results
    set latest = case when exists (
      select 1
      from assessment_results later_result
      join assessments later on later.id = later_result.assessment_id
      join assessments this on this.id = assessment_results.assessment_id
      where later.candidate_id = this.candidate_id
        and later_result.role_slug = assessment_results.role_slug
        and (later.created_at > this.created_at or (later.created_at = this.created_at and later.id > this.id))
    ) then 0 else 1 end`.execute(db);
}
