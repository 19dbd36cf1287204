import { sql, type Kysely } from "kysely";

/*
 * Sent messages are kept 90 days, then forgotten by the mail worker's round
 * every minute. Without an index that round read the whole outbox each time;
 * this partial index holds only the sent messages, in the order they go.
 */

// Kysely<unknown>, no table types: frozen history, not the app's current types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("mail_outbox_sent_idx")
    .on("mail_outbox")
    .column("sent_at")
    .where(sql.ref("sent_at"), "is not", null)
    .execute();
}
