import type { Kysely } from "kysely";
import type { Database } from "./schema";

/**
 * Runs `work` in the caller's transaction when `db` already is one, otherwise
 * in a new transaction. A model function stays one atomic unit on its own and
 * composes into a larger one (the demo loader, an erasure) without nesting.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
