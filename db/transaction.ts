import type { Kysely } from "kysely";
import { dialectOf } from "./dialect";
import type { Database } from "./schema";

/**
 * How many times a PostgreSQL transaction that lost a race is run again before
 * the error is the caller's. Each lost race means another transaction on the
 * same rows committed, so a queue of n writers on one record needs up to n − 1
 * runs for its last; 12 covers dozens of saves of one scorecard at once.
 */
export const SERIALIZATION_RETRIES = 12;

/** The longest wait before a run again, in ms: the waits grow from a few ms, each a random part of its bound. */
const MAX_RETRY_WAIT_MS = 250;

/*
 * PostgreSQL's codes for "another transaction's write conflicts with this
 * one": serialization_failure and deadlock_detected. Running the work again
 * from the start is the documented answer to both.
 */
const RETRYABLE = new Set(["40001", "40P01"]);

/** The error, or one it wraps (its `cause`), is PostgreSQL's answer to a lost race. */
function isRetryable(error: unknown): boolean {
  for (let e = error; typeof e === "object" && e !== null; e = (e as { cause?: unknown }).cause) {
    if (RETRYABLE.has(String((e as { code?: unknown }).code))) return true;
  }
  return false;
}

/**
 * Runs `work` in the caller's transaction when `db` already is one, otherwise
 * in a new transaction. A model function stays one atomic unit on its own and
 * composes into a larger one (the demo loader, an erasure) without nesting.
 *
 * SQLite runs one writer at a time, so a transaction that reads then writes
 * cannot be overtaken. On PostgreSQL several app servers write at once: the
 * transaction is SERIALIZABLE, so a read-then-write another server overtook
 * fails instead of writing on a stale read, and is run again from the start.
 * `work` must therefore only touch the database (a message to send is a row
 * of the outbox, written in the same transaction).
 */
export async function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  if (dialectOf(db) === "sqlite") return db.transaction().execute(work);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().setIsolationLevel("serializable").execute(work);
    } catch (error) {
      if (!isRetryable(error) || attempt >= SERIALIZATION_RETRIES) throw error;
      // A random wait under a growing bound, so the racers do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_RETRY_WAIT_MS, 5 * 2 ** attempt)));
    }
  }
}
