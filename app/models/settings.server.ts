import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { DEFAULT_SCORECARD_DUE_HOURS, SCORECARD_DUE_HOURS_MAX, SCORECARD_DUE_HOURS_MIN } from "~/domain/scorecard-due";
import { recordAudit } from "./audit.server";

/** The team's settings (table app_settings), one key each. */
const SCORECARD_DUE_HOURS_KEY = "scorecard_due_hours";

/** Hours after an interview its scorecard is due, unless a recruiter sets another time for one interviewer. */
export async function scorecardDueHours(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("app_settings").select("value").where("key", "=", SCORECARD_DUE_HOURS_KEY).executeTakeFirst();
  const hours = row ? Number(row.value) : Number.NaN;
  return Number.isInteger(hours) && hours >= SCORECARD_DUE_HOURS_MIN && hours <= SCORECARD_DUE_HOURS_MAX
    ? hours
    : DEFAULT_SCORECARD_DUE_HOURS;
}

/** Sets it; audited with the old and new values (numbers, nothing personal). */
export async function setScorecardDueHours(db: Kysely<Database>, args: { hours: number; actorId: number }, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await scorecardDueHours(trx);
    if (before === args.hours) return;
    await trx
      .insertInto("app_settings")
      .values({ key: SCORECARD_DUE_HOURS_KEY, value: String(args.hours) })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: String(args.hours) }))
      .execute();
    await recordAudit(
      trx,
      {
        actorUserId: args.actorId,
        action: "settings.update",
        entityType: "settings",
        entityId: SCORECARD_DUE_HOURS_KEY,
        details: { from: before, to: args.hours },
      },
      now,
    );
  });
}
