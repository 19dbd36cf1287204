import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "on", "off", "yes", "no"], {
    error: "must be 1 or 0 (true/false, on/off, yes/no)",
  })
  .transform((v) => ["1", "true", "on", "yes"].includes(v));

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  HOST: z.string().trim().min(1, "must not be empty").default("127.0.0.1"),
  DATABASE_PATH: z.string().trim().min(1, "must not be empty").default("data/traitkit.sqlite"),
  /** A PostgreSQL server every app server shares, e.g. postgres://traitkit:secret@db.internal:5432/traitkit; without it, SQLite at DATABASE_PATH. */
  DATABASE_URL: z
    .string()
    .trim()
    .refine((value) => /^postgres(ql)?:\/\/[^/]/.test(value) && URL.canParse(value), "must be a URL starting postgres:// or postgresql://")
    .optional(),
  /** Connections one app server keeps to PostgreSQL; the servers' sum must stay under the server's max_connections. */
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: "must be a number of connections" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 100")
    .max(100, "must be between 1 and 100")
    .default(10),
  TRAITKIT_DEMO: flag.default(true),
  TRAITKIT_LIBRARY: flag.default(true),
  TRUST_PROXY: flag.default(false),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** The mail server, e.g. smtps://user:password@mail.example.com:465; without it nothing is sent and the pages say so. */
  SMTP_URL: z
    .string()
    .trim()
    .refine((value) => /^smtps?:\/\/[^/]/.test(value) && URL.canParse(value), "must be a URL starting smtp:// or smtps://")
    .optional(),
  /** The sender of every message, e.g. "Traitkit <traitkit@example.com>". */
  MAIL_FROM: z.string().trim().min(3, "must be an e-mail address, optionally with a name").optional(),
  /** The address people open Traitkit at, for the links in e-mail. */
  APP_URL: z
    .string()
    .trim()
    .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), "must be a URL starting http:// or https://")
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
  /** How long one attempt to hand a message to the mail server may take. */
  MAIL_TIMEOUT_SECONDS: z.coerce
    .number({ error: "must be a number of seconds" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 300")
    .max(300, "must be between 1 and 300")
    .default(30),
  /** How often the server looks for overdue scorecards to remind (and forgets old sent messages). */
  MAIL_REMINDER_CHECK_SECONDS: z.coerce
    .number({ error: "must be a number of seconds" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 3600")
    .max(3600, "must be between 1 and 3600")
    .default(60),
});

const configSchema = envSchema.superRefine((env, ctx) => {
  if (env.SMTP_URL && !env.MAIL_FROM) ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "must be set when SMTP_URL is" });
});

export type Env = z.infer<typeof envSchema>;

/** Reads the configuration; throws one message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as shells and .env files commonly write it.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** Where links in e-mail point: APP_URL, else the address the server listens on. */
export function appUrl(env: Env): string {
  if (env.APP_URL) return env.APP_URL;
  const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  return `http://${host.includes(":") ? `[${host}]` : host}:${env.PORT}`;
}

/** True when e-mail is set up: messages are written to the outbox and sent. */
export function mailIsOn(env: Env): env is Env & { SMTP_URL: string; MAIL_FROM: string } {
  return env.SMTP_URL !== undefined && env.MAIL_FROM !== undefined;
}
