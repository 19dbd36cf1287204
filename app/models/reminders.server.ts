import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { isUiLanguage } from "~/utils/i18n";
import { reminderMessage } from "./mail-messages.server";
import { enqueueMessage } from "./outbox.server";
import { inTransaction } from "~db/transaction";

/**
 * Reminders are written for scorecards that fell overdue at most this long
 * ago: a due time weeks old (e-mail turned on late, a worker long stopped)
 * would remind of an interview nobody waits for any more.
 */
export const REMINDER_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Writes a reminder for every overdue scorecard whose interviewer accepts
 * reminders and whose assessment has no decision yet: once per due time (a
 * new due time reminds again). Returns how many were written.
 */
export async function queueDueReminders(db: Kysely<Database>, appUrl: string, now: Date): Promise<number> {
  const overdue = await db
    .selectFrom("assessment_interviewers as ai")
    .innerJoin("users as u", "u.id", "ai.user_id")
    .innerJoin("assessments as a", "a.id", "ai.assessment_id")
    .innerJoin("candidates as c", "c.id", "a.candidate_id")
    .innerJoin("kit_versions as kv", "kv.id", "a.kit_version_id")
    .select([
      "ai.assessment_id",
      "ai.user_id",
      "ai.scorecard_due_at",
      "ai.interview_at",
      "ai.interview_time_zone",
      "u.email",
      "u.name",
      "u.language",
      "c.name as candidate_name",
      "kv.name as kit_name",
    ])
    .where("ai.scorecard_due_at", "is not", null)
    .where("ai.scorecard_due_at", "<=", now.toISOString())
    .where("ai.scorecard_due_at", ">", new Date(now.getTime() - REMINDER_WINDOW_MS).toISOString())
    .where("u.deactivated_at", "is", null)
    .where("u.mail_reminders", "=", 1)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("scorecards as s")
            .select("s.id")
            .whereRef("s.assessment_id", "=", "ai.assessment_id")
            .whereRef("s.interviewer_id", "=", "ai.user_id")
            .where("s.status", "=", "submitted"),
        ),
      ),
    )
    .where((eb) => eb.not(eb.exists(eb.selectFrom("decisions as d").select("d.id").whereRef("d.assessment_id", "=", "ai.assessment_id"))))
    .execute();
  const messages = overdue.flatMap((row) =>
    row.scorecard_due_at === null
      ? []
      : [
          reminderMessage({
            appUrl,
            assessmentId: row.assessment_id,
            candidateName: row.candidate_name,
            kitName: row.kit_name,
            interviewer: {
              userId: row.user_id,
              email: row.email,
              name: row.name,
              language: isUiLanguage(row.language) ? row.language : "en",
            },
            interview: row.interview_at && row.interview_time_zone ? { at: row.interview_at, timeZone: row.interview_time_zone } : null,
            scorecardDueAt: row.scorecard_due_at,
          }),
        ],
  );
  let written = 0;
  for (const message of messages) {
    // The dedupe key makes a second worker's (or round's) write of the same reminder a no-op.
    if (await inTransaction(db, (trx) => enqueueMessage(trx, message, now))) written += 1;
  }
  return written;
}
