import pino from "pino";

/*
 * Structured events, one JSON line each. Fields are ids and enums only: never
 * a password, a session id, a token, an email or a candidate's name
 * (docs/reliability.md L1). Callers pass what they log explicitly; no request dumps.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: undefined,
  redact: { paths: ["password", "email", "token", "sessionId", "*.password", "*.email", "*.token"], censor: "[redacted]" },
});

export type SecurityEvent =
  | { event: "auth.sign_in"; userId: number }
  | { event: "auth.sign_in_failed"; reason: "bad_credentials" | "deactivated" }
  | { event: "auth.throttled"; scope: "account" | "client" | "account_client" }
  | { event: "auth.password_change_failed"; userId: number }
  | { event: "auth.sign_out"; userId: number }
  | { event: "authz.denied"; userId: number | null; path: string; reason: string }
  | { event: "csrf.rejected"; method: string; path: string };

export function logSecurityEvent(entry: SecurityEvent): void {
  logger.info(entry);
}
