import { randomUUID } from "node:crypto";
import { sql, type ExpressionBuilder, type Kysely } from "kysely";
import type { Database } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { recordAudit } from "./audit.server";

/** The messages Traitkit sends (docs/product.md, "E-mail"). */
export type MailKind = "invitation" | "assigned" | "reminder" | "all_in" | "report_link" | "questionnaire_link";

/** A message as written to the outbox: its whole content, so every attempt sends the same thing. */
export type OutgoingMessage = {
  kind: MailKind;
  to: string;
  recipientUserId: number | null;
  assessmentId: number | null;
  subject: string;
  text: string;
  html: string;
  /** An iCalendar file sent as an attachment, or null. */
  calendar: string | null;
  /** Set for a message that must exist once: a second with the same key is not written. */
  dedupeKey: string | null;
  createdBy: number | null;
};

/**
 * Writes a message to send, in the caller's transaction: it goes out if and
 * only if the change that causes it lands. False when a message with the
 * same dedupe key was written before.
 */
export async function enqueueMessage(db: Kysely<Database>, message: OutgoingMessage, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const written = await db
    .insertInto("mail_outbox")
    .values({
      kind: message.kind,
      message_id: randomUUID(),
      dedupe_key: message.dedupeKey,
      to_address: message.to,
      recipient_user_id: message.recipientUserId,
      assessment_id: message.assessmentId,
      subject: message.subject,
      text_body: message.text,
      html_body: message.html,
      calendar: message.calendar,
      created_by: message.createdBy,
      created_at: at,
      next_attempt_at: at,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .executeTakeFirst();
  return Number(written.numInsertedOrUpdatedRows ?? 0) === 1;
}

export type ClaimedMessage = {
  id: number;
  kind: MailKind;
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  calendar: string | null;
  /** Attempts including this one. */
  attempts: number;
};

/**
 * Claims the next message due to go, for `leaseMs`: one statement, so of
 * several workers (several server processes on one database) exactly one
 * gets it. A claim that lapses without an answer (its process was killed)
 * lets the message be claimed again; the attempt it took still counts.
 */
export async function claimNextMessage(
  db: Kysely<Database>,
  claim: string,
  now: Date,
  leaseMs: number,
): Promise<ClaimedMessage | undefined> {
  const at = now.toISOString();
  const due = (eb: ExpressionBuilder<Database, "mail_outbox">) =>
    eb.and([
      eb("sent_at", "is", null),
      eb("failed_at", "is", null),
      eb("next_attempt_at", "<=", at),
      eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<=", at)]),
    ]);
  const row = await db
    .updateTable("mail_outbox")
    .set({
      claim,
      claimed_until: new Date(now.getTime() + leaseMs).toISOString(),
      attempts: sql<number>`attempts + 1`,
    })
    .where("id", "=", db.selectFrom("mail_outbox").select("id").where(due).orderBy("next_attempt_at").orderBy("id").limit(1))
    /*
     * Due again on the row itself: on PostgreSQL two workers' subqueries can
     * pick the same message; the second UPDATE waits for the first and then
     * checks this condition on the row as the first left it (claimed), and
     * takes nothing. SQLite runs one writer at a time and never gets here.
     */
    .where(due)
    .returning(["id", "kind", "message_id", "to_address", "subject", "text_body", "html_body", "calendar", "attempts"])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    kind: row.kind as MailKind,
    messageId: row.message_id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body ?? "",
    html: row.html_body ?? "",
    calendar: row.calendar,
    attempts: row.attempts,
  };
}

/** Keeps a worker's claim while it is still sending: false when the claim was lost (it lapsed and was taken). */
export async function extendClaim(db: Kysely<Database>, id: number, claim: string, until: Date): Promise<boolean> {
  const extended = await db
    .updateTable("mail_outbox")
    .set({ claimed_until: until.toISOString() })
    .where("id", "=", id)
    .where("claim", "=", claim)
    .where("sent_at", "is", null)
    .executeTakeFirst();
  return extended.numUpdatedRows === 1n;
}

/**
 * Marks a claimed message sent and clears its body (it may hold a one-time
 * link; the recipient has it now). False when the claim was lost meanwhile.
 */
export async function markMessageSent(db: Kysely<Database>, id: number, claim: string, now: Date): Promise<boolean> {
  const done = await db
    .updateTable("mail_outbox")
    .set({
      sent_at: now.toISOString(),
      claim: null,
      claimed_until: null,
      last_error: null,
      text_body: null,
      html_body: null,
      calendar: null,
    })
    .where("id", "=", id)
    .where("claim", "=", claim)
    .executeTakeFirst();
  return done.numUpdatedRows === 1n;
}

/** Records a failed attempt: tried again at `retryAt`, or (null) marked failed. */
export async function markAttemptFailed(
  db: Kysely<Database>,
  args: { id: number; claim: string; reason: string; retryAt: Date | null },
  now: Date,
): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set({
      claim: null,
      claimed_until: null,
      last_error: args.reason,
      ...(args.retryAt ? { next_attempt_at: args.retryAt.toISOString() } : { failed_at: now.toISOString() }),
    })
    .where("id", "=", args.id)
    .where("claim", "=", args.claim)
    .execute();
}

/** The earliest time an unsent message is due to go, so the worker sleeps until then. */
export async function nextMessageDueAt(db: Kysely<Database>): Promise<Date | undefined> {
  const row = await db
    .selectFrom("mail_outbox")
    .select((eb) => eb.fn.min("next_attempt_at").as("at"))
    .where("sent_at", "is", null)
    .where("failed_at", "is", null)
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : undefined;
}

export type FailedMessage = {
  id: number;
  kind: MailKind;
  to: string;
  subject: string;
  attempts: number;
  failedAt: string;
  reason: string;
};

/** How many failed messages the Users page lists, newest first. */
export const FAILED_MESSAGES_SHOWN = 50;

export async function listFailedMessages(db: Kysely<Database>): Promise<{ rows: FailedMessage[]; total: number }> {
  const [rows, count] = await Promise.all([
    db
      .selectFrom("mail_outbox")
      .select(["id", "kind", "to_address", "subject", "attempts", "failed_at", "last_error"])
      .where("failed_at", "is not", null)
      .orderBy("failed_at", "desc")
      .orderBy("id", "desc")
      .limit(FAILED_MESSAGES_SHOWN)
      .execute(),
    db
      .selectFrom("mail_outbox")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("failed_at", "is not", null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind as MailKind,
      to: r.to_address,
      subject: r.subject,
      attempts: r.attempts,
      failedAt: r.failed_at ?? "",
      reason: r.last_error ?? "",
    })),
  };
}

/** Puts a failed message back in the queue, to go at once; false when it is not (or no longer) failed. Audited. */
export async function retryFailedMessage(db: Kysely<Database>, args: { id: number; actorId: number }, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const retried = await trx
      .updateTable("mail_outbox")
      .set({ failed_at: null, attempts: 0, next_attempt_at: now.toISOString() })
      .where("id", "=", args.id)
      .where("failed_at", "is not", null)
      .executeTakeFirst();
    if (retried.numUpdatedRows !== 1n) return false;
    await recordAudit(trx, { actorUserId: args.actorId, action: "mail.retry", entityType: "mail", entityId: args.id }, now);
    return true;
  });
}

/** How long a sent message's record (kind, address, subject, times) is kept. */
export const SENT_MESSAGES_KEPT_DAYS = 90;

/** Deletes the records of messages sent more than SENT_MESSAGES_KEPT_DAYS ago. */
export async function forgetOldSentMessages(db: Kysely<Database>, now: Date): Promise<number> {
  const before = new Date(now.getTime() - SENT_MESSAGES_KEPT_DAYS * 24 * 60 * 60 * 1000).toISOString();
  const deleted = await db.deleteFrom("mail_outbox").where("sent_at", "is not", null).where("sent_at", "<", before).executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
