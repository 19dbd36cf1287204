import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { debriefState, type DebriefState } from "~/domain/debrief";
import type { TraitKey } from "~/domain/traits";
import { recordAudit } from "./audit.server";
import { panelProgress } from "./panel-progress.server";

export type AgreedReading = { trait: TraitKey; reading: number; reason: string; recordedByName: string; recordedAt: string };

export type Debrief = { state: DebriefState; readings: AgreedReading[] };

async function stateOf(db: Kysely<Database>, assessmentId: number): Promise<DebriefState> {
  const [progress, decided] = await Promise.all([
    panelProgress(db, assessmentId),
    db
      .selectFrom("decisions")
      .select((eb) => eb.fn.max("decided_at").as("at"))
      .where("assessment_id", "=", assessmentId)
      .executeTakeFirst(),
  ]);
  return debriefState({ ...progress, lastDecidedAt: decided?.at ?? null });
}

/**
 * Where the debrief stands and the readings agreed so far. The page knows its
 * panel already (who is on it, who submitted when): one query adds the rest.
 */
export async function loadDebrief(
  db: Kysely<Database>,
  assessmentId: number,
  panel: readonly { status: "not_started" | "draft" | "submitted"; submittedAt: string | null }[],
): Promise<Debrief> {
  const rows = await db
    .selectFrom("assessments as a")
    .leftJoin("debrief_readings as r", "r.assessment_id", "a.id")
    .leftJoin("users as u", "u.id", "r.recorded_by")
    .select((eb) => [
      "r.trait",
      "r.reading",
      "r.reason",
      "u.name",
      "r.recorded_at",
      eb
        .selectFrom("decisions as d")
        .select((e) => e.fn.max("d.decided_at").as("at"))
        .whereRef("d.assessment_id", "=", "a.id")
        .as("last_decided_at"),
    ])
    .where("a.id", "=", assessmentId)
    .execute();
  const submittedAt = panel.flatMap((i) => (i.status === "submitted" && i.submittedAt ? [i.submittedAt] : []));
  const state = debriefState({
    assigned: panel.length,
    submitted: submittedAt.length,
    lastSubmittedAt: submittedAt.length === 0 ? null : submittedAt.reduce((a, b) => (a > b ? a : b)),
    lastDecidedAt: rows[0]?.last_decided_at ?? null,
  });
  return {
    state,
    readings: rows.flatMap((r) =>
      r.trait !== null && r.reading !== null && r.reason !== null && r.name !== null && r.recorded_at !== null
        ? [{ trait: r.trait, reading: r.reading, reason: r.reason, recordedByName: r.name, recordedAt: r.recorded_at }]
        : [],
    ),
  };
}

/** Whether the debrief is open now, for a write (the page's state may be stale). */
export async function debriefIsOpen(db: Kysely<Database>, assessmentId: number): Promise<boolean> {
  return (await stateOf(db, assessmentId)) === "open";
}

/**
 * Records (or replaces) the panel's agreed reading of a trait, while the
 * debrief is open; "closed" otherwise (not ready, or decided). The scorecards
 * are not touched. One transaction; audited with the reading, not the reason.
 */
export async function recordAgreedReading(
  db: Kysely<Database>,
  args: { assessmentId: number; trait: TraitKey; reading: number; reason: string; actorId: number },
  now: Date,
): Promise<"recorded" | "closed"> {
  return inTransaction(db, async (trx) => {
    if ((await stateOf(trx, args.assessmentId)) !== "open") return "closed";
    const values = { reading: args.reading, reason: args.reason, recorded_by: args.actorId, recorded_at: now.toISOString() };
    await trx
      .insertInto("debrief_readings")
      .values({ assessment_id: args.assessmentId, trait: args.trait, ...values })
      .onConflict((oc) => oc.columns(["assessment_id", "trait"]).doUpdateSet(values))
      .execute();
    await recordAudit(
      trx,
      {
        actorUserId: args.actorId,
        action: "debrief.agree",
        entityType: "assessment",
        entityId: args.assessmentId,
        details: { trait: args.trait, reading: args.reading },
      },
      now,
    );
    return "recorded";
  });
}
