import { sql, type Kysely } from "kysely";
import { idColumn } from "../dialect";

/*
 * The interview loop runs by itself (issue 19).
 *
 * Each interviewer on a panel gets an interview time, the time zone it was
 * set in (to show it as the recruiter wrote it) and the time their scorecard
 * is due. All three are empty for panels made before: such a scorecard is
 * never "overdue".
 *
 * A user gets the language their e-mail is written in (null: the language of
 * the one who caused the message) and may turn off the optional messages.
 *
 * `mail_outbox` holds every message to send, written in the transaction of the
 * change that causes it. A worker claims a message until `claimed_until`,
 * sends it and marks it sent or failed; an expired claim (a killed process)
 * is claimed again. `dedupe_key` makes a message that must go out once (the
 * reminder of one due time) impossible to write twice. The body of a sent
 * message is cleared: it may hold a one-time link, and the recipient has it.
 *
 * `app_settings` keeps the team's settings, one row each.
 */

// Kysely<unknown>, no table types: frozen history, not the app's current types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("assessment_interviewers").addColumn("interview_at", "text").execute();
  await db.schema.alterTable("assessment_interviewers").addColumn("interview_time_zone", "text").execute();
  await db.schema.alterTable("assessment_interviewers").addColumn("scorecard_due_at", "text").execute();
  // The worker looks for overdue scorecards: only panels with a due time are read.
  await db.schema
    .createIndex("assessment_interviewers_due_idx")
    .on("assessment_interviewers")
    .column("scorecard_due_at")
    .where(sql.ref("scorecard_due_at"), "is not", null)
    .execute();

  await db.schema
    .alterTable("users")
    .addColumn("language", "text", (c) => c.check(sql`language in ('en', 'es')`))
    .execute();
  await db.schema
    .alterTable("users")
    .addColumn("mail_reminders", "integer", (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`mail_reminders in (0, 1)`),
    )
    .execute();
  await db.schema
    .alterTable("users")
    .addColumn("mail_all_in", "integer", (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`mail_all_in in (0, 1)`),
    )
    .execute();

  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("message_id", "text", (c) => c.notNull().unique())
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("recipient_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    // A message about a candidate goes when the candidate's data is erased.
    .addColumn("assessment_id", "integer", (c) => c.references("assessments.id").onDelete("cascade"))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text")
    .addColumn("html_body", "text")
    .addColumn("calendar", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("claimed_until", "text")
    .addColumn("claim", "text")
    .addColumn("sent_at", "text")
    .addColumn("failed_at", "text")
    .addColumn("last_error", "text")
    .addCheckConstraint("mail_outbox_sent_or_failed", sql`sent_at is null or failed_at is null`)
    .execute();
  // The worker's question, "what is due to go now", reads only unsent messages.
  await db.schema
    .createIndex("mail_outbox_pending_idx")
    .on("mail_outbox")
    .column("next_attempt_at")
    .where(sql.ref("sent_at"), "is", null)
    .where(sql.ref("failed_at"), "is", null)
    .execute();
  await db.schema
    .createIndex("mail_outbox_failed_idx")
    .on("mail_outbox")
    .column("failed_at")
    .where(sql.ref("failed_at"), "is not", null)
    .execute();
  await db.schema.createIndex("mail_outbox_assessment_idx").on("mail_outbox").column("assessment_id").execute();

  await db.schema
    .createTable("app_settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}
