import crypto from "node:crypto";
import type { Kysely } from "kysely";
import type { UserRole } from "~/domain/accounts";
import type { Database } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { recordAudit } from "~/models/audit.server";

/** Idle and absolute session lifetimes (ASVS 5.0 7.3.1, 7.3.2). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often: one write per minute, not per request. */
const TOUCH_INTERVAL_MS = 60 * 1000;
/** 32 random bytes: 256 bits from the CSPRNG (ASVS 5.0 7.2.3). */
const SESSION_ID_BYTES = 32;

export type SessionUser = { id: number; email: string; name: string; role: UserRole };

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
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

/** Signs a user in: a new session and its audit entry, one transaction. Returns the session id for the cookie. */
export async function signIn(db: Kysely<Database>, userId: number, now: Date): Promise<string> {
  return inTransaction(db, async (trx) => {
    const id = await createSession(trx, userId, now);
    await recordAudit(trx, { actorUserId: userId, action: "user.sign_in", entityType: "user", entityId: userId }, now);
    return id;
  });
}

/** Ends a session; its user, when the session still had one, gets the sign-out in the audit log in the same transaction. */
export async function signOut(db: Kysely<Database>, sessionId: string, userId: number | undefined, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    await destroySession(trx, sessionId);
    if (userId !== undefined)
      await recordAudit(trx, { actorUserId: userId, action: "user.sign_out", entityType: "user", entityId: userId }, now);
  });
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
    await destroySession(db, sessionId);
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
