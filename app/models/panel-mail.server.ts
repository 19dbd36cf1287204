import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { isUiLanguage } from "~/utils/i18n";
import type { MailContext } from "./assessments.server";
import { allInMessage } from "./mail-messages.server";
import { enqueueMessage } from "./outbox.server";
import { panelProgress } from "./panel-progress.server";

/**
 * Writes "all scorecards are in" to the recruiter who made the assessment,
 * in the caller's transaction, when the submission just made completes the
 * panel. Not when e-mail is off, the recruiter turned it off or no longer
 * works here. The dedupe key holds the completing submission's time: a
 * reopened and resubmitted scorecard tells again, a repeated post does not.
 */
export async function queueAllInIfComplete(db: Kysely<Database>, assessmentId: number, mail: MailContext, now: Date): Promise<boolean> {
  if (!mail) return false;
  const panel = await db
    .selectFrom("assessments as a")
    .innerJoin("candidates as c", "c.id", "a.candidate_id")
    .innerJoin("kit_versions as kv", "kv.id", "a.kit_version_id")
    .leftJoin("users as r", (join) =>
      join.onRef("r.id", "=", "a.created_by").on("r.deactivated_at", "is", null).on("r.role", "=", "recruiter").on("r.mail_all_in", "=", 1),
    )
    .select([
      "c.name as candidate_name",
      "kv.name as kit_name",
      "r.id as recruiter_id",
      "r.email as recruiter_email",
      "r.name as recruiter_name",
      "r.language as recruiter_language",
    ])
    .where("a.id", "=", assessmentId)
    .executeTakeFirst();
  if (!panel || panel.recruiter_id === null || panel.recruiter_email === null) return false;
  const { assigned, submitted } = await panelProgress(db, assessmentId);
  if (assigned === 0 || submitted < assigned) return false;
  return enqueueMessage(
    db,
    allInMessage({
      appUrl: mail.appUrl,
      assessmentId,
      candidateName: panel.candidate_name,
      kitName: panel.kit_name,
      recruiter: {
        userId: panel.recruiter_id,
        email: panel.recruiter_email,
        name: panel.recruiter_name,
        language: isUiLanguage(panel.recruiter_language) ? panel.recruiter_language : mail.language,
      },
      submittedCount: assigned,
      completedAt: now.toISOString(),
    }),
    now,
  );
}
