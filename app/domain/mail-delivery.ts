/**
 * How the outbox retries a message the mail server did not take.
 * Source: docs/product.md, "E-mail".
 */

/** Attempts before a message is marked failed and shown on the Users page for a retry by hand. */
export const MAX_SEND_ATTEMPTS = 6;
/** The wait after the first failed attempt; it doubles after each one. */
export const FIRST_RETRY_DELAY_MS = 60_000;
/** No wait is longer than this. */
export const MAX_RETRY_DELAY_MS = 60 * 60_000;

/**
 * The wait before attempt `attemptsMade + 1`: 1, 2, 4, 8, 16 minutes, at most
 * an hour, each stretched by up to a fifth (`spread`, 0–1, chance's part) so
 * that messages that failed together do not all come back together.
 */
export function retryDelayMs(attemptsMade: number, spread: number): number {
  const base = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(base * (1 + 0.2 * Math.min(1, Math.max(0, spread))));
}

/**
 * What to do after a failed attempt: a 5xx answer from the mail server
 * (RFC 5321: a permanent failure, such as an unknown address) will fail again
 * the same way, so the message is marked failed at once; anything else (no
 * answer, a 4xx, a lost connection) is tried again until MAX_SEND_ATTEMPTS.
 */
export function afterFailedAttempt(attemptsMade: number, smtpResponseCode: number | undefined): "retry" | "fail" {
  if (smtpResponseCode !== undefined && smtpResponseCode >= 500 && smtpResponseCode < 600) return "fail";
  return attemptsMade >= MAX_SEND_ATTEMPTS ? "fail" : "retry";
}
