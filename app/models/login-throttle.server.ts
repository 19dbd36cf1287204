import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { hashToken } from "~/models/sessions.server";

/*
 * Failed sign-ins, counted per account+address, per account and per address
 * (docs/reliability.md B1, ASVS 5.0 6.3.1). Keys are hashes: the table holds no
 * email and no address.
 */
export const THROTTLE_RULES = [
  { scope: "account_client", windowMs: 15 * 60 * 1000, maxFailures: 5 },
  { scope: "account", windowMs: 60 * 60 * 1000, maxFailures: 100 },
  // High enough that one address (an office behind NAT) can still sign other people in.
  { scope: "client", windowMs: 15 * 60 * 1000, maxFailures: 50 },
] as const;

type ThrottleScope = (typeof THROTTLE_RULES)[number]["scope"];
const LONGEST_WINDOW_MS = Math.max(...THROTTLE_RULES.map((r) => r.windowMs));

export type ThrottleKeys = { accountKey: string; clientKey: string };

export function throttleKeys(email: string, clientAddress: string): ThrottleKeys {
  return { accountKey: hashToken(`account:${email.trim().toLowerCase()}`), clientKey: hashToken(`client:${clientAddress}`) };
}

export type ThrottleState = { limited: false } | { limited: true; scope: ThrottleScope; retryAfterSeconds: number };

export async function checkThrottle(db: Kysely<Database>, keys: ThrottleKeys, now: Date): Promise<ThrottleState> {
  for (const rule of THROTTLE_RULES) {
    const since = new Date(now.getTime() - rule.windowMs).toISOString();
    let q = db
      .selectFrom("login_failures")
      .select((eb) => [eb.fn.countAll<number>().as("failures"), eb.fn.min("at").as("oldest")])
      .where("at", ">", since);
    if (rule.scope !== "client") q = q.where("account_key", "=", keys.accountKey);
    if (rule.scope !== "account") q = q.where("client_key", "=", keys.clientKey);
    const row = await q.executeTakeFirstOrThrow();
    if (Number(row.failures) >= rule.maxFailures && row.oldest) {
      const freedAt = Date.parse(row.oldest) + rule.windowMs;
      return { limited: true, scope: rule.scope, retryAfterSeconds: Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000)) };
    }
  }
  return { limited: false };
}

export async function recordLoginFailure(db: Kysely<Database>, keys: ThrottleKeys, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto("login_failures")
      .values({ account_key: keys.accountKey, client_key: keys.clientKey, at: now.toISOString() })
      .execute();
    await trx
      .deleteFrom("login_failures")
      .where("at", "<=", new Date(now.getTime() - LONGEST_WINDOW_MS).toISOString())
      .execute();
  });
}

/** A successful sign-in forgives this account's failures from this address. */
export async function clearLoginFailures(db: Kysely<Database>, keys: ThrottleKeys): Promise<void> {
  await db.deleteFrom("login_failures").where("account_key", "=", keys.accountKey).where("client_key", "=", keys.clientKey).execute();
}
