import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import nodemailer from "nodemailer";
import type { Database } from "~db/schema";
import { afterFailedAttempt, retryDelayMs } from "~/domain/mail-delivery";
import {
  claimNextMessage,
  extendClaim,
  forgetOldSentMessages,
  markAttemptFailed,
  markMessageSent,
  type ClaimedMessage,
} from "~/models/outbox.server";
import { queueDueReminders } from "~/models/reminders.server";
import { appUrl, type Env } from "~/utils/env.server";
import { logger } from "~/utils/log.server";

/** How often an idle worker looks for work another process (or the clock) made due. */
const POLL_MS = 2_000;

export type MailWorker = {
  /** Looks for work now: called after a request wrote a message, so it goes out at once. */
  nudge: () => void;
  /** Finishes the message in hand, then stops. */
  stop: () => Promise<void>;
};

/** Tries to record "sent" this many times (a busy database) before leaving it to the claim's lapse. */
const MARK_SENT_TRIES = 5;

/**
 * Sends the outbox in the server process, one message at a time, never on a
 * request's path. Each message is claimed for a lease, which the worker
 * renews every third of it while the attempt lasts (an SMTP timeout bounds
 * each silence, not the whole exchange): a live worker keeps its claim, a
 * killed worker's claim lapses and another takes the message. After a SIGKILL
 * a message is sent once, unless the process died between the mail server's
 * "250 OK" and the database's "sent" (a few milliseconds); then it is sent
 * again with the same Message-ID, which lets a receiving server drop the repeat.
 */
export function startMailWorker(db: Kysely<Database>, env: Env & { SMTP_URL: string; MAIL_FROM: string }): MailWorker {
  const timeoutMs = env.MAIL_TIMEOUT_SECONDS * 1000;
  const leaseMs = 3 * timeoutMs + 5_000;
  // How often it looks for overdue scorecards to remind, and forgets old sent messages.
  const housekeepingMs = env.MAIL_REMINDER_CHECK_SECONDS * 1000;
  const transport = nodemailer.createTransport({
    url: env.SMTP_URL,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  const claim = randomUUID();
  const link = appUrl(env);
  let stopped = false;
  let wake: (() => void) | null = null;
  let lastHousekeeping = 0;

  /** Renews the claim every third of the lease until `done` settles. */
  function holdClaim(message: ClaimedMessage, done: Promise<unknown>): void {
    const timer = setInterval(() => {
      void extendClaim(db, message.id, claim, new Date(Date.now() + leaseMs)).then(
        (held) => {
          if (!held) logger.warn({ event: "mail.claim_lost", outboxId: message.id });
        },
        () => undefined,
      );
    }, leaseMs / 3);
    void done.finally(() => clearInterval(timer)).catch(() => undefined);
  }

  /** Records a delivered message as sent; a database error here is not the mail server's failure and must not resend it. */
  async function recordSent(message: ClaimedMessage): Promise<void> {
    for (let attempt = 1; attempt <= MARK_SENT_TRIES; attempt++) {
      try {
        const recorded = await markMessageSent(db, message.id, claim, new Date());
        logger.info({
          event: recorded ? "mail.sent" : "mail.sent_claim_lost",
          outboxId: message.id,
          kind: message.kind,
          attempts: message.attempts,
        });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
    // The claim lapses and the message goes again, with the same Message-ID.
    logger.error({ event: "mail.sent_not_recorded", outboxId: message.id });
  }

  async function send(message: ClaimedMessage): Promise<void> {
    try {
      const sending = transport.sendMail({
        from: env.MAIL_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<${message.messageId}@traitkit>`,
        ...(message.calendar && { icalEvent: { method: "PUBLISH", filename: "invite.ics", content: message.calendar } }),
      });
      holdClaim(message, sending);
      await sending;
    } catch (error) {
      const code = smtpResponseCode(error);
      const outcome = afterFailedAttempt(message.attempts, code);
      const now = new Date();
      await markAttemptFailed(
        db,
        {
          id: message.id,
          claim,
          reason: failureReason(error),
          retryAt: outcome === "retry" ? new Date(now.getTime() + retryDelayMs(message.attempts, Math.random())) : null,
        },
        now,
      );
      // The reason can name the address: it stays in the database, for the recruiters' Users page.
      logger.warn({ event: outcome === "retry" ? "mail.retry_scheduled" : "mail.failed", outboxId: message.id, kind: message.kind, code });
      return;
    }
    await recordSent(message);
  }

  async function housekeeping(): Promise<void> {
    const now = new Date();
    if (now.getTime() - lastHousekeeping < housekeepingMs) return;
    lastHousekeeping = now.getTime();
    const reminders = await queueDueReminders(db, link, now);
    if (reminders > 0) logger.info({ event: "mail.reminders_queued", count: reminders });
    await forgetOldSentMessages(db, now);
  }

  async function run(): Promise<void> {
    while (!stopped) {
      try {
        await housekeeping();
        let message = await claimNextMessage(db, claim, new Date(), leaseMs);
        while (message && !stopped) {
          await send(message);
          message = stopped ? undefined : await claimNextMessage(db, claim, new Date(), leaseMs);
        }
      } catch (error) {
        // A busy or closing database: the next round tries again; a message in hand keeps its claim until it lapses.
        logger.error({ event: "mail.worker_error", message: error instanceof Error ? error.message : String(error) });
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  const running = run();
  return {
    nudge: () => wake?.(),
    stop: async () => {
      stopped = true;
      wake?.();
      await running;
      transport.close();
    },
  };
}

function smtpResponseCode(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "responseCode" in error && typeof error.responseCode === "number") {
    return error.responseCode;
  }
  return undefined;
}

/** What the Users page shows: the mail server's answer, or what went wrong on the way to it. */
function failureReason(error: unknown): string {
  const response = typeof error === "object" && error !== null && "response" in error ? error.response : undefined;
  const reason = typeof response === "string" && response !== "" ? response : error instanceof Error ? error.message : String(error);
  return reason.slice(0, 500);
}
