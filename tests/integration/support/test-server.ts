// First: the log capture must replace stdout's write before any logger is made.
import { captureLogs, type LogCapture } from "./log-capture";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LogEvent } from "kysely";
import { createDb, type DatabaseTarget, type TraitkitDb } from "~db/connection";
import { migrateToLatest } from "~db/migrator";
import { createHttpApp } from "../../../app/server/http-app";
import { startMailIfSetUp } from "../../../app/server/boot";
import { parseEnv } from "../../../app/utils/env.server";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { loadDemoData } from "../../../seeds/demo";
import { DEMO_PASSWORD } from "../../../seeds/demo-accounts";

export { captureLogs, type LogCapture };

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const BUILD_DIR = path.join(REPO_ROOT, "build");

export const DEMO = {
  recruiter: "recruiter@demo.traitkit.test",
  interviewer1: "interviewer1@demo.traitkit.test",
  interviewer2: "interviewer2@demo.traitkit.test",
  interviewer3: "interviewer3@demo.traitkit.test",
  password: DEMO_PASSWORD,
} as const;

export const SESSION_COOKIE = "traitkit_session";

export type TestServer = {
  baseURL: string;
  db: TraitkitDb;
  /** The database the server uses, for a second connection to it. */
  target: DatabaseTarget;
  close: () => Promise<void>;
};

/**
 * The production build (`npm run build`) on a new demo database in a temp
 * folder, listening on a free port of 127.0.0.1.
 */
export async function startTestServer(
  options: {
    demo?: boolean;
    trustProxy?: boolean;
    /** An existing database file to serve (e.g. from seedLarge) instead of a new one; it is left in place. */
    database?: string;
    /** Called with every SQL statement the app runs. */
    onQuery?: (sql: string, parameters: readonly unknown[]) => void;
    /** More settings, e.g. SMTP_URL and MAIL_FROM: then the outbox's worker runs in the server. */
    env?: Record<string, string>;
  } = {},
): Promise<TestServer> {
  if (!fs.existsSync(path.join(BUILD_DIR, "server", "index.js"))) {
    throw new Error(`No production build in ${BUILD_DIR}: run \`npm run build\` first.`);
  }
  const { onQuery } = options;
  const log = onQuery ? { log: (event: LogEvent) => onQuery(event.query.sql, event.query.parameters) } : {};
  // A given file is served as it is and left in place; otherwise a new database of the run's kind (SQLite or PostgreSQL).
  const database: TestDatabase =
    options.database === undefined
      ? await createTestDatabase(log)
      : {
          db: createDb(options.database, log).db,
          target: { kind: "sqlite", file: options.database },
          env: { DATABASE_PATH: options.database },
          drop: () => database.db.destroy(),
        };
  const { db } = database;
  const demo = options.database === undefined && (options.demo ?? true);
  const env = parseEnv({
    TRAITKIT_DEMO: demo ? "1" : "0",
    ...database.env,
    TRUST_PROXY: options.trustProxy ? "1" : "0",
    ...options.env,
  });
  try {
    await migrateToLatest(db);
    if (demo) await loadDemoData(db, new Date());
    const mailWorker = startMailIfSetUp({ db, env });
    const app = await createHttpApp({ db, env, source: { kind: "production", buildDir: BUILD_DIR }, mailWorker });
    const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
      s.once("error", reject);
    });
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("The test server has no TCP address");
    const { port } = address;
    return {
      baseURL: `http://127.0.0.1:${port}`,
      db,
      target: database.target,
      close: async () => {
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          // fetch keeps connections alive; close them so close() returns now.
          server.closeAllConnections();
        });
        await mailWorker?.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

export type RequestOptions = {
  method?: string;
  /** A Cookie header value, e.g. from signIn(). */
  cookie?: string;
  /** Sent as application/x-www-form-urlencoded (URLSearchParams for repeated names). */
  form?: Record<string, string> | URLSearchParams;
  /** Sent as multipart/form-data (file uploads). */
  multipart?: FormData;
  /**
   * Extra headers. A state-changing request sends `Origin: baseURL`, as a
   * browser does on a same-site form post, unless `origin` is given here
   * (null: send no Origin at all).
   */
  headers?: Record<string, string>;
  origin?: string | null;
};

/** fetch without following redirects, in English. */
export function request(baseURL: string, pathname: string, options: RequestOptions = {}): Promise<Response> {
  const method = (options.method ?? (options.form || options.multipart ? "POST" : "GET")).toUpperCase();
  const headers = new Headers({ "Accept-Language": "en" });
  const origin = options.origin === undefined ? (method === "GET" || method === "HEAD" ? null : baseURL) : options.origin;
  if (origin !== null) headers.set("Origin", origin);
  if (options.cookie) headers.set("Cookie", options.cookie);
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  return fetch(new URL(pathname, baseURL), {
    method,
    headers,
    body: options.form ? new URLSearchParams(options.form) : options.multipart,
    redirect: "manual",
  });
}

/** The value of one cookie in a response's Set-Cookie headers, or undefined. */
export function setCookieValue(response: Response, name = SESSION_COOKIE): string | undefined {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const eq = pair?.indexOf("=") ?? -1;
    if (pair && eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}

/** The raw Set-Cookie header of one cookie, or undefined. */
export function setCookieHeader(response: Response, name = SESSION_COOKIE): string | undefined {
  return response.headers.getSetCookie().find((header) => header.split("=")[0]?.trim() === name);
}

export function sessionCookieHeader(value: string): string {
  return `${SESSION_COOKIE}=${value}`;
}

/** Signs in through the sign-in form; returns the Cookie header to send with later requests. */
export async function signIn(baseURL: string, email: string, password: string = DEMO.password, cookie?: string): Promise<string> {
  const response = await request(baseURL, "/login", { method: "POST", form: { email, password }, cookie });
  await response.body?.cancel();
  const value = setCookieValue(response);
  if (response.status !== 303 || !value) {
    throw new Error(`Sign-in as ${email} failed: ${response.status}`);
  }
  return sessionCookieHeader(value);
}

/** The pathname of a redirect's Location, or null when there is none. */
export function locationPath(response: Response): string | null {
  const location = response.headers.get("Location");
  return location === null ? null : new URL(location, "http://placeholder.invalid").pathname;
}

/** The user id of an account, by email. */
export async function userId(db: TraitkitDb, email: string): Promise<number> {
  const row = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return row.id;
}

/** Row counts of the tables a user's action may change. */
export async function rowCounts(db: TraitkitDb): Promise<Record<string, number>> {
  const tables = ["users", "invites", "audit_log", "sessions", "roles", "kits", "kit_versions"] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** What a refused request must leave as it was: row counts, every user's role and status, invites, roles. */
export async function accountState(
  db: TraitkitDb,
): Promise<{ counts: Record<string, number>; users: unknown[]; invites: unknown[]; roles: unknown[] }> {
  return {
    counts: await rowCounts(db),
    users: await db.selectFrom("users").select(["id", "email", "role", "deactivated_at", "password_hash"]).orderBy("id").execute(),
    invites: await db.selectFrom("invites").select(["id", "accepted_at", "accepted_user_id"]).orderBy("id").execute(),
    roles: await db.selectFrom("roles").select(["id", "slug", "name", "updated_at"]).orderBy("id").execute(),
  };
}

/** The role form's fields as a browser posts them: dot paths, one entry per ticked box. */
export function formFields(values: unknown, prefix = "", out = new URLSearchParams()): URLSearchParams {
  if (Array.isArray(values) && values.every((v) => typeof v === "string")) {
    for (const v of values) out.append(prefix, v);
  } else if (Array.isArray(values)) {
    values.forEach((v, i) => formFields(v, `${prefix}.${i}`, out));
  } else if (typeof values === "object" && values !== null) {
    for (const [key, v] of Object.entries(values)) formFields(v, prefix ? `${prefix}.${key}` : key, out);
  } else if (typeof values === "boolean") {
    if (values) out.append(prefix, "on");
  } else if (values !== undefined && values !== null) {
    out.append(prefix, String(values));
  }
  return out;
}
