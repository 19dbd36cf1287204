import type { Kysely } from "kysely";

/*
 * The assessment list shows the newest first, a page at a time. Without an
 * index in that order, every page read and sorted all assessments (about 5 ms
 * at 10,000 candidates); with it, a page walks the index and stops.
 */

// Kysely<unknown>, no table types: frozen history, not the app's current types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("assessments_created_idx").on("assessments").columns(["created_at", "id"]).execute();
}
