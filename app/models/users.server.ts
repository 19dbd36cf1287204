import crypto from "node:crypto";
import type { UiLanguage } from "~/domain/languages";
import type { Kysely } from "kysely";
import { removesLastRecruiter, type AccountChange, type UserRole } from "~/domain/accounts";
import type { Database } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { recordAudit } from "~/models/audit.server";
import { createSession, destroyUserSessions, hashToken } from "~/models/sessions.server";
import type { MailContext } from "~/models/assessments.server";
import { invitationMessage } from "~/models/mail-messages.server";
import { enqueueMessage } from "~/models/outbox.server";

/** An invite link works once, for 7 days. */
export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
const INVITE_TOKEN_BYTES = 32;

export type UserForSignIn = { id: number; role: UserRole; passwordHash: string; deactivated: boolean };

export async function findUserForSignIn(db: Kysely<Database>, email: string): Promise<UserForSignIn | undefined> {
  const row = await db
    .selectFrom("users")
    .select(["id", "role", "password_hash", "deactivated_at"])
    .where("email", "=", email.toLowerCase())
    .executeTakeFirst();
  return row && { id: row.id, role: row.role, passwordHash: row.password_hash, deactivated: row.deactivated_at !== null };
}

export async function updatePasswordHash(db: Kysely<Database>, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
}

export async function emailInUse(db: Kysely<Database>, email: string): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").where("email", "=", email.toLowerCase()).executeTakeFirst();
  return row !== undefined;
}

export async function createUser(
  db: Kysely<Database>,
  user: { email: string; name: string; role: UserRole; passwordHash: string },
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto("users")
    .values({
      email: user.email.toLowerCase(),
      name: user.name,
      role: user.role,
      password_hash: user.passwordHash,
      deactivated_at: null,
      created_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An account made without an invite (the command line's first recruiter): audited with no actor, in one transaction. */
export async function createAccount(
  db: Kysely<Database>,
  user: { email: string; name: string; role: UserRole; passwordHash: string },
  now: Date,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const id = await createUser(trx, user, now);
    await recordAudit(
      trx,
      { actorUserId: null, action: "user.create", entityType: "user", entityId: id, details: { role: user.role } },
      now,
    );
    return id;
  });
}

export type UserListItem = {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
  createdAt: string;
};

function selectUserListItems(db: Kysely<Database>) {
  return db.selectFrom("users").select(["id", "email", "name", "role", "deactivated_at", "created_at"]);
}

function toUserListItem(r: {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  deactivated_at: string | null;
  created_at: string;
}): UserListItem {
  return { id: r.id, email: r.email, name: r.name, role: r.role, active: r.deactivated_at === null, createdAt: r.created_at };
}

export async function listUsers(db: Kysely<Database>): Promise<UserListItem[]> {
  const rows = await selectUserListItems(db).orderBy("name").orderBy("id").execute();
  return rows.map(toUserListItem);
}

export async function findUser(db: Kysely<Database>, userId: number): Promise<UserListItem | undefined> {
  const row = await selectUserListItems(db).where("id", "=", userId).executeTakeFirst();
  return row && toUserListItem(row);
}

async function countActiveRecruiters(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "recruiter")
    .where("deactivated_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type AccountChangeOutcome = "changed" | "not_found" | "last_recruiter";

/**
 * Changes a user's role or deactivates/reactivates them, unless that leaves no
 * active recruiter: the count and the change are one transaction, so two
 * recruiters demoting each other at once cannot both succeed. A role change or a
 * deactivation ends the user's sessions, so the new rights apply at once; their
 * scorecards stay.
 */
export async function changeAccountUnlessLastRecruiter(
  db: Kysely<Database>,
  change: { actorId: number; userId: number } & AccountChange,
  now: Date,
): Promise<AccountChangeOutcome> {
  return inTransaction(db, async (trx): Promise<AccountChangeOutcome> => {
    const target = await findUser(trx, change.userId);
    if (!target) return "not_found";
    if (removesLastRecruiter(target, change, await countActiveRecruiters(trx))) return "last_recruiter";
    if (change.kind === "role") {
      if (change.role === target.role) return "changed";
      await trx.updateTable("users").set({ role: change.role }).where("id", "=", target.id).execute();
      await destroyUserSessions(trx, target.id);
      await recordAudit(
        trx,
        {
          actorUserId: change.actorId,
          action: "user.role_change",
          entityType: "user",
          entityId: target.id,
          details: { role: change.role },
        },
        now,
      );
      return "changed";
    }
    await trx
      .updateTable("users")
      .set({ deactivated_at: change.active ? null : now.toISOString() })
      .where("id", "=", target.id)
      .execute();
    if (!change.active) await destroyUserSessions(trx, target.id);
    await recordAudit(
      trx,
      {
        actorUserId: change.actorId,
        action: change.active ? "user.reactivate" : "user.deactivate",
        entityType: "user",
        entityId: target.id,
      },
      now,
    );
    return "changed";
  });
}

export type PendingInvite = { id: number; email: string; role: UserRole; expiresAt: string; invitedByName: string };

export async function listPendingInvites(db: Kysely<Database>, now: Date): Promise<PendingInvite[]> {
  const rows = await db
    .selectFrom("invites")
    .innerJoin("users", "users.id", "invites.invited_by")
    .select(["invites.id", "invites.email", "invites.role", "invites.expires_at", "users.name"])
    .where("invites.accepted_at", "is", null)
    .where("invites.expires_at", ">", now.toISOString())
    .orderBy("invites.id", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, expiresAt: r.expires_at, invitedByName: r.name }));
}

/**
 * Makes an invite and returns its token: shown once to the recruiter, only
 * its hash is stored. With e-mail on, the link is also written to the outbox
 * in the same transaction (its body is cleared once sent).
 */
export async function createInvite(
  db: Kysely<Database>,
  invite: { email: string; role: UserRole; invitedBy: number; mail: MailContext },
  now: Date,
): Promise<{ id: number; token: string; expiresAt: string; mailed: boolean }> {
  const token = crypto.randomBytes(INVITE_TOKEN_BYTES).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS).toISOString();
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto("invites")
      .values({
        token_hash: hashToken(token),
        email: invite.email.toLowerCase(),
        role: invite.role,
        invited_by: invite.invitedBy,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        accepted_at: null,
        accepted_user_id: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      { actorUserId: invite.invitedBy, action: "user.invite", entityType: "invite", entityId: row.id, details: { role: invite.role } },
      now,
    );
    const { mail } = invite;
    if (!mail) return { id: row.id, token, expiresAt, mailed: false };
    const inviter = await trx.selectFrom("users").select(["id", "name"]).where("id", "=", invite.invitedBy).executeTakeFirstOrThrow();
    const message = invitationMessage({
      appUrl: mail.appUrl,
      email: invite.email.toLowerCase(),
      role: invite.role,
      inviteUrl: `${mail.appUrl}/invite/${token}`,
      expiresAt,
      inviter,
      language: mail.language,
    });
    await enqueueMessage(trx, { ...message, dedupeKey: invitationDedupeKey(row.id) }, now);
    return { id: row.id, token, expiresAt, mailed: true };
  });
}

/**
 * Withdraws an invite not yet used (sent to a wrong address, or no longer
 * wanted): the row goes, email included, so the link can never make an
 * account. False when there is no such open invite.
 */
/** An invitation's outbox key: one message per invite, found again when it is cancelled. */
function invitationDedupeKey(inviteId: number): string {
  return `invitation:${inviteId}`;
}

export async function cancelInvite(db: Kysely<Database>, actorId: number, inviteId: number, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const removed = await trx.deleteFrom("invites").where("id", "=", inviteId).where("accepted_at", "is", null).executeTakeFirst();
    if (removed.numDeletedRows === 0n) return false;
    // Its e-mail, if not sent yet, must not carry a dead link (nor the address) any further.
    await trx.deleteFrom("mail_outbox").where("dedupe_key", "=", invitationDedupeKey(inviteId)).where("sent_at", "is", null).execute();
    await recordAudit(trx, { actorUserId: actorId, action: "user.invite_cancel", entityType: "invite", entityId: inviteId }, now);
    return true;
  });
}

export type OpenInvite = { id: number; email: string; role: UserRole };

/** An invite that can still be accepted: known, not used, not expired. */
export async function findOpenInvite(db: Kysely<Database>, token: string, now: Date): Promise<OpenInvite | undefined> {
  const row = await db
    .selectFrom("invites")
    .select(["id", "email", "role"])
    .where("token_hash", "=", hashToken(token))
    .where("accepted_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return row;
}

/** Creates the account and spends the invite; undefined when the invite is no longer open or its email has an account now. */
async function acceptInvite(
  trx: Kysely<Database>,
  token: string,
  account: { name: string; passwordHash: string },
  now: Date,
): Promise<number | undefined> {
  const invite = await findOpenInvite(trx, token, now);
  if (!invite) return undefined;
  /*
   * Read in the transaction that inserts: the same invite accepted on another
   * app server at once makes the same email there, and PostgreSQL reports the
   * insert that then collides as a lost race (retried: the invite is spent)
   * only when this transaction had looked for the email first; without the
   * look, it is a unique violation, a 500.
   */
  if (await emailInUse(trx, invite.email)) return undefined;
  const userId = await createUser(
    trx,
    { email: invite.email, name: account.name, role: invite.role, passwordHash: account.passwordHash },
    now,
  );
  const spent = await trx
    .updateTable("invites")
    .set({ accepted_at: now.toISOString(), accepted_user_id: userId })
    .where("id", "=", invite.id)
    .where("accepted_at", "is", null)
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) throw new Error("Invite was accepted concurrently");
  await recordAudit(trx, { actorUserId: userId, action: "user.invite_accept", entityType: "invite", entityId: invite.id }, now);
  return userId;
}

/** Accepting an invite signs the new user in: the account, the spent invite and the session are one unit. Undefined when the invite is no longer open. */
export async function acceptInviteAndSignIn(
  db: Kysely<Database>,
  token: string,
  account: { name: string; passwordHash: string },
  now: Date,
): Promise<string | undefined> {
  return inTransaction(db, async (trx) => {
    const userId = await acceptInvite(trx, token, account, now);
    return userId === undefined ? undefined : createSession(trx, userId, now);
  });
}

// ---------- One's own account (/settings/account) ----------

export type OwnAccount = {
  name: string;
  email: string;
  language: UiLanguage | null;
  mailReminders: boolean;
  mailAllIn: boolean;
};

export async function getOwnAccount(db: Kysely<Database>, userId: number): Promise<OwnAccount | undefined> {
  const row = await db
    .selectFrom("users")
    .select(["name", "email", "language", "mail_reminders", "mail_all_in"])
    .where("id", "=", userId)
    .where("deactivated_at", "is", null)
    .executeTakeFirst();
  return (
    row && {
      name: row.name,
      email: row.email,
      language: row.language,
      mailReminders: row.mail_reminders === 1,
      mailAllIn: row.mail_all_in === 1,
    }
  );
}

/** Saves a user's name, language and e-mail preferences; audited with what changed, never the name itself. */
export async function updateOwnAccount(
  db: Kysely<Database>,
  args: { userId: number; name: string; language: UiLanguage; mailReminders: boolean; mailAllIn: boolean },
  now: Date,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom("users")
      .select(["name", "language", "mail_reminders", "mail_all_in"])
      .where("id", "=", args.userId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("users")
      .set({ name: args.name, language: args.language, mail_reminders: args.mailReminders ? 1 : 0, mail_all_in: args.mailAllIn ? 1 : 0 })
      .where("id", "=", args.userId)
      .execute();
    await recordAudit(
      trx,
      {
        actorUserId: args.userId,
        action: "user.account_update",
        entityType: "user",
        entityId: args.userId,
        details: {
          nameChanged: before.name !== args.name,
          language: args.language,
          reminders: args.mailReminders,
          allIn: args.mailAllIn,
        },
      },
      now,
    );
  });
}

/** Remembers the language a signed-in user switched to: their e-mail follows it. */
export async function rememberLanguage(db: Kysely<Database>, userId: number, language: UiLanguage): Promise<void> {
  await db.updateTable("users").set({ language }).where("id", "=", userId).execute();
}

/**
 * Sets a new password (already hashed), ends every session of the user (a
 * thief's too) and opens a new one for this browser, whose id it returns.
 */
export async function changeOwnPassword(db: Kysely<Database>, args: { userId: number; passwordHash: string }, now: Date): Promise<string> {
  return inTransaction(db, async (trx) => {
    await trx.updateTable("users").set({ password_hash: args.passwordHash }).where("id", "=", args.userId).execute();
    await destroyUserSessions(trx, args.userId);
    await recordAudit(trx, { actorUserId: args.userId, action: "user.password_change", entityType: "user", entityId: args.userId }, now);
    return createSession(trx, args.userId, now);
  });
}
