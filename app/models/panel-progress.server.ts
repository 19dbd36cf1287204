import type { Kysely } from "kysely";
import type { Database } from "~db/schema";

/** How far a panel is: interviewers on it, how many of them submitted, and when the latest did. */
export type PanelProgress = { assigned: number; submitted: number; lastSubmittedAt: string | null };

/** One query: the "all scorecards are in" message and the debrief both start from it. */
export async function panelProgress(db: Kysely<Database>, assessmentId: number): Promise<PanelProgress> {
  const row = await db
    .selectFrom("assessment_interviewers as ai")
    .leftJoin("scorecards as s", (join) =>
      join.onRef("s.assessment_id", "=", "ai.assessment_id").onRef("s.interviewer_id", "=", "ai.user_id").on("s.status", "=", "submitted"),
    )
    .select((eb) => [
      eb.fn.countAll<number>().as("assigned"),
      eb.fn.count<number>("s.id").as("submitted"),
      eb.fn.max("s.submitted_at").as("last"),
    ])
    .where("ai.assessment_id", "=", assessmentId)
    .executeTakeFirst();
  return { assigned: Number(row?.assigned ?? 0), submitted: Number(row?.submitted ?? 0), lastSubmittedAt: row?.last ?? null };
}
