import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * What a message to a candidate about their assessment names (the report
 * link's, the questionnaire link's): their name, the role, and the recruiter
 * who sent it. Read inside the transaction that writes the message.
 */
export async function candidateMailFacts(db: Executor, assessmentId: number, recruiterId: number) {
  const about = await db
    .selectFrom("assessments as a")
    .innerJoin("candidates as c", "c.id", "a.candidate_id")
    .innerJoin("kit_versions as kv", "kv.id", "a.kit_version_id")
    .innerJoin("users as u", (join) => join.on("u.id", "=", recruiterId))
    .select(["c.name as candidate_name", "kv.role_name", "u.id as recruiter_id", "u.name as recruiter_name"])
    .where("a.id", "=", assessmentId)
    .executeTakeFirstOrThrow();
  return {
    candidateName: about.candidate_name,
    roleName: about.role_name,
    recruiter: { id: about.recruiter_id, name: about.recruiter_name },
  };
}
