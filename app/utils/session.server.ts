import crypto from "node:crypto";
import { redirect } from "@remix-run/node";
import { parse, serialize } from "cookie";
import type { Kysely } from "kysely";
import type { Database, UserRole } from "~db/schema";

/** Idle and absolute session lifetimes (ASVS 5.0 7.3.1, 7.3.2). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often: one write per minute, not per request. */
const TOUCH_INTERVAL_MS = 60 * 1000;
/** 32 random bytes: 256 bits from the CSPRNG (ASVS 5.0 7.2.3). */
const SESSION_ID_BYTES = 32;

export type SessionUser = { id: number; email: string; name: string; role: UserRole };

/** `__Host-` pins the cookie to this host and path / over https; plain http (local use) cannot carry it. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-traitkit_session" : "traitkit_session";
}

export function isSecureRequest(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function readSessionId(request: Request): string | undefined {
  const cookies = parse(request.headers.get("Cookie") ?? "");
  return cookies[sessionCookieName(isSecureRequest(request))] || undefined;
}

export function sessionCookie(request: Request, sessionId: string): string {
  const secure = isSecureRequest(request);
  return serialize(sessionCookieName(secure), sessionId, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

export function clearedSessionCookie(request: Request): string {
  const secure = isSecureRequest(request);
  return serialize(sessionCookieName(secure), "", { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge: 0 });
}

/** A new session with a fresh id; only the id's hash is stored. */
export async function createSession(db: Kysely<Database>, userId: number, now: Date): Promise<string> {
  const id = crypto.randomBytes(SESSION_ID_BYTES).toString("base64url");
  const at = now.toISOString();
  await db
    .insertInto("sessions")
    .values({
      id_hash: hashToken(id),
      user_id: userId,
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
    })
    .execute();
  return id;
}

/** The active user of a session id, or undefined when it is unknown, expired or its user deactivated. */
export async function findSessionUser(db: Kysely<Database>, sessionId: string, now: Date): Promise<SessionUser | undefined> {
  const idHash = hashToken(sessionId);
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["sessions.last_seen_at", "sessions.expires_at", "users.id", "users.email", "users.name", "users.role", "users.deactivated_at"])
    .where("sessions.id_hash", "=", idHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const lastSeen = Date.parse(row.last_seen_at);
  const expired = Date.parse(row.expires_at) <= now.getTime() || lastSeen + SESSION_IDLE_MS <= now.getTime();
  if (expired || row.deactivated_at !== null) {
    await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
    return undefined;
  }
  if (now.getTime() - lastSeen >= TOUCH_INTERVAL_MS) {
    await db.updateTable("sessions").set({ last_seen_at: now.toISOString() }).where("id_hash", "=", idHash).execute();
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

export async function destroySession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", hashToken(sessionId)).execute();
}

/** Ends every session of a user: deactivation, role change, password change. */
export async function destroyUserSessions(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

/**
 * A one-time notice ("saved", "imported") for the page a form's save redirects to.
 * It rides in a short-lived cookie rather than the URL, so a reload, a bookmark or a
 * shared link does not say "saved" again; it is bound to the page it was meant for.
 */
const NOTICE_MAX_AGE_S = 60;

function noticeCookieName(secure: boolean): string {
  return secure ? "__Host-traitkit_notice" : "traitkit_notice";
}

function noticeCookie(request: Request, value: string, maxAge: number): string {
  const secure = isSecureRequest(request);
  return serialize(noticeCookieName(secure), value, { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge });
}

/** A 303 to `path` that shows `notice` there once. */
export function redirectWithNotice(request: Request, path: `/${string}`, notice: string): ReturnType<typeof redirect> {
  return redirect(path, { status: 303, headers: { "Set-Cookie": noticeCookie(request, `${notice}|${path}`, NOTICE_MAX_AGE_S) } });
}

/**
 * The notice left for this page, if any, parsed by the page's own list of
 * notices, and the headers that spend it: the loader returns them with its data.
 */
export function takeNotice<T>(request: Request, notices: { parse(value: unknown): T | null }): { notice: T | null; headers: HeadersInit } {
  const stored = parse(request.headers.get("Cookie") ?? "")[noticeCookieName(isSecureRequest(request))];
  const separator = stored?.indexOf("|") ?? -1;
  if (!stored || separator < 0 || stored.slice(separator + 1) !== new URL(request.url).pathname) {
    return { notice: null, headers: {} };
  }
  return {
    notice: notices.parse(stored.slice(0, separator)),
    headers: { "Set-Cookie": noticeCookie(request, "", 0) },
  };
}
