import type { Kysely } from "kysely";
import type { Database } from "~db/schema";

/**
 * The assessment's latest decision read the slow way, from every decision it
 * has (decided_at, then id): what assessment_results.decision must equal.
 */
export async function latestDecisionOf(db: Kysely<Database>, assessmentId: number): Promise<string | null> {
  const latest = await db
    .selectFrom("decisions")
    .select("decision")
    .where("assessment_id", "=", assessmentId)
    .orderBy("decided_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return latest?.decision ?? null;
}
