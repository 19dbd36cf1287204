import type { Kysely } from "kysely";
import { isRating, type Rating, type Recommendation } from "~/domain/scoring";
import { traitRecord, type TraitKey } from "~/domain/traits";
import type { Database } from "~db/schema";
import { inTransaction } from "~db/transaction";
import type { MailContext } from "./assessments.server";
import { queueAllInIfComplete } from "./panel-mail.server";
import { recordAudit } from "~/models/audit.server";
import { refreshAssessmentResult } from "~/models/panel-results.server";
import { loadKitVersionQuestions, type StoredKitQuestion } from "~/models/questions.server";
import type { ScorecardInput } from "~/schemas/scorecard";

/*
 * Scorecards: the kit version as a scorecard uses it, one interviewer's own
 * scorecard (blind scoring: never another's), saving and submitting it,
 * reopening it, and where a user's scorecards stand.
 */

// ---------- The kit as the scorecard uses it ----------

export type ScoringKit = {
  kitVersionId: number;
  kitId: number;
  version: number;
  name: string;
  level: string;
  roleSlug: string;
  roleName: string;
  contentLanguage: "es" | "en" | "zh";
  questions: StoredKitQuestion[];
  strengths: { id: number; text: string }[];
  redFlags: { id: number; text: string }[];
  idealProfile: Record<TraitKey, { low: number; high: number; weight: number }> | null;
};

/** Everything of a kit version an interview uses: six queries, whatever its size. */
export async function loadScoringKit(db: Kysely<Database>, kitVersionId: number): Promise<ScoringKit | undefined> {
  const version = await db.selectFrom("kit_versions").selectAll().where("id", "=", kitVersionId).executeTakeFirst();
  if (!version) return undefined;
  const [questionsByVersion, strengths, redFlags, bands] = await Promise.all([
    loadKitVersionQuestions(db, [kitVersionId]),
    db.selectFrom("kit_strengths").select(["id", "text"]).where("kit_version_id", "=", kitVersionId).orderBy("position").execute(),
    db.selectFrom("kit_red_flags").select(["id", "text"]).where("kit_version_id", "=", kitVersionId).orderBy("position").execute(),
    db.selectFrom("kit_version_traits").select(["trait", "low", "high", "weight"]).where("kit_version_id", "=", kitVersionId).execute(),
  ]);
  const band = (trait: TraitKey) => {
    const b = bands.find((row) => row.trait === trait);
    return b ? { low: b.low, high: b.high, weight: b.weight } : { low: 0, high: 100, weight: 1 };
  };
  return {
    kitVersionId,
    kitId: version.kit_id,
    version: version.version,
    name: version.name,
    level: version.level,
    roleSlug: version.role_slug,
    roleName: version.role_name,
    contentLanguage: version.content_language,
    questions: questionsByVersion.get(kitVersionId) ?? [],
    strengths,
    redFlags,
    // A version saved from a role without an ideal profile froze none: no fit, not a fit of 0.
    idealProfile: bands.length === 0 ? null : traitRecord(band),
  };
}

// ---------- One interviewer's scorecard ----------

export type OwnScorecard = {
  id: number | null;
  status: "not_started" | "draft" | "submitted";
  recommendation: Recommendation | null;
  ratings: { questionId: number; trait: TraitKey; rating: Rating }[];
  notes: { questionId: number; text: string }[];
  /** Indexes (0-based positions) of the kit's strengths and red flags marked. */
  strengths: number[];
  redFlags: { index: number; evidence: string }[];
  updatedAt: string | null;
  submittedAt: string | null;
  revision: number;
};

/** This interviewer's own scorecard only: blind scoring never loads another's. */
export async function getOwnScorecard(
  db: Kysely<Database>,
  assessmentId: number,
  interviewerId: number,
  kit: ScoringKit,
): Promise<OwnScorecard> {
  const card = await db
    .selectFrom("scorecards")
    .selectAll()
    .where("assessment_id", "=", assessmentId)
    .where("interviewer_id", "=", interviewerId)
    .executeTakeFirst();
  if (!card) {
    return {
      id: null,
      status: "not_started",
      recommendation: null,
      ratings: [],
      notes: [],
      strengths: [],
      redFlags: [],
      updatedAt: null,
      submittedAt: null,
      revision: 0,
    };
  }
  const [ratings, notes, strengths, redFlags] = await Promise.all([
    db.selectFrom("ratings").select(["kit_question_id", "trait", "rating"]).where("scorecard_id", "=", card.id).execute(),
    db.selectFrom("scorecard_notes").select(["kit_question_id", "notes"]).where("scorecard_id", "=", card.id).execute(),
    db.selectFrom("observed_strengths").select("kit_strength_id").where("scorecard_id", "=", card.id).execute(),
    db.selectFrom("observed_red_flags").select(["kit_red_flag_id", "evidence"]).where("scorecard_id", "=", card.id).execute(),
  ]);
  const strengthIndex = new Map(kit.strengths.map((s, i) => [s.id, i]));
  const redFlagIndex = new Map(kit.redFlags.map((r, i) => [r.id, i]));
  return {
    id: card.id,
    status: card.status,
    recommendation: card.recommendation,
    ratings: ratings.flatMap((r) => (isRating(r.rating) ? [{ questionId: r.kit_question_id, trait: r.trait, rating: r.rating }] : [])),
    notes: notes.map((n) => ({ questionId: n.kit_question_id, text: n.notes })),
    strengths: strengths.flatMap((s) => {
      const index = strengthIndex.get(s.kit_strength_id);
      return index === undefined ? [] : [index];
    }),
    redFlags: redFlags.flatMap((r) => {
      const index = redFlagIndex.get(r.kit_red_flag_id);
      return index === undefined ? [] : [{ index, evidence: r.evidence ?? "" }];
    }),
    updatedAt: card.updated_at,
    submittedAt: card.submitted_at,
    revision: card.revision,
  };
}

/** Fields of a posted scorecard that do not belong to this kit version: an error each, keyed by field. */
export function scorecardFieldsOutsideKit(input: ScorecardInput, kit: ScoringKit): Record<string, string> {
  const errors: Record<string, string> = {};
  const traitsOf = new Map(kit.questions.map((q) => [q.id, new Set(q.traits)]));
  for (const r of input.ratings) {
    if (!traitsOf.get(r.questionId)?.has(r.trait)) errors[`rating.${r.questionId}.${r.trait}`] = "scorecard.errors.unknownQuestion";
  }
  for (const n of input.notes) {
    if (!traitsOf.has(n.questionId)) errors[`notes.${n.questionId}`] = "scorecard.errors.unknownQuestion";
  }
  for (const index of input.strengths) {
    if (index >= kit.strengths.length) errors[`strength.${index}`] = "scorecard.errors.unknownItem";
  }
  for (const flag of input.redFlags) {
    if (flag.index >= kit.redFlags.length) errors[`redFlag.${flag.index}`] = "scorecard.errors.unknownItem";
  }
  return errors;
}

export type SaveOutcome = { status: "saved"; revision: number; updatedAt: string; submitted: boolean } | { status: "locked" };

/**
 * Saves (and with intent "submit", submits) an interviewer's scorecard in one
 * transaction: the row, its ratings, notes and observations are replaced
 * together, the panel's cached result is refreshed when a submission changes
 * it, and the change is audited. A submitted scorecard is read-only.
 */
export async function saveScorecard(
  db: Kysely<Database>,
  args: { assessmentId: number; interviewerId: number; input: ScorecardInput; kit: ScoringKit; mail: MailContext },
  now: Date,
): Promise<SaveOutcome> {
  const { assessmentId, interviewerId, input, kit } = args;
  const at = now.toISOString();
  return inTransaction(db, async (trx): Promise<SaveOutcome> => {
    const existing = await trx
      .selectFrom("scorecards")
      .select(["id", "status", "revision"])
      .where("assessment_id", "=", assessmentId)
      .where("interviewer_id", "=", interviewerId)
      .executeTakeFirst();
    if (existing?.status === "submitted") return { status: "locked" };
    const submitting = input.intent === "submit";
    const values = {
      status: submitting ? ("submitted" as const) : ("draft" as const),
      recommendation: input.recommendation,
      updated_at: at,
      submitted_at: submitting ? at : null,
    };
    let scorecardId: number;
    let revision: number;
    if (existing) {
      revision = existing.revision + 1;
      await trx
        .updateTable("scorecards")
        .set({ ...values, revision })
        .where("id", "=", existing.id)
        .execute();
      scorecardId = existing.id;
      await trx.deleteFrom("ratings").where("scorecard_id", "=", scorecardId).execute();
      await trx.deleteFrom("scorecard_notes").where("scorecard_id", "=", scorecardId).execute();
      await trx.deleteFrom("observed_strengths").where("scorecard_id", "=", scorecardId).execute();
      await trx.deleteFrom("observed_red_flags").where("scorecard_id", "=", scorecardId).execute();
    } else {
      revision = 1;
      const row = await trx
        .insertInto("scorecards")
        .values({ ...values, assessment_id: assessmentId, interviewer_id: interviewerId, revision })
        .returning("id")
        .executeTakeFirstOrThrow();
      scorecardId = row.id;
    }
    if (input.ratings.length > 0) {
      await trx
        .insertInto("ratings")
        .values(input.ratings.map((r) => ({ scorecard_id: scorecardId, kit_question_id: r.questionId, trait: r.trait, rating: r.rating })))
        .execute();
    }
    if (input.notes.length > 0) {
      await trx
        .insertInto("scorecard_notes")
        .values(input.notes.map((n) => ({ scorecard_id: scorecardId, kit_question_id: n.questionId, notes: n.text })))
        .execute();
    }
    const strengthIds = [...new Set(input.strengths)].flatMap((i) => (kit.strengths[i] ? [kit.strengths[i].id] : []));
    if (strengthIds.length > 0) {
      await trx
        .insertInto("observed_strengths")
        .values(strengthIds.map((id) => ({ scorecard_id: scorecardId, kit_strength_id: id })))
        .execute();
    }
    const flags = input.redFlags.flatMap((f) => {
      const flag = kit.redFlags[f.index];
      return flag ? [{ scorecard_id: scorecardId, kit_red_flag_id: flag.id, evidence: f.evidence === "" ? null : f.evidence }] : [];
    });
    const uniqueFlags = [...new Map(flags.map((f) => [f.kit_red_flag_id, f])).values()];
    if (uniqueFlags.length > 0) await trx.insertInto("observed_red_flags").values(uniqueFlags).execute();

    if (submitting) {
      await refreshAssessmentResult(trx, assessmentId, kit, now);
      await queueAllInIfComplete(trx, assessmentId, args.mail, now);
    }
    await recordAudit(
      trx,
      {
        actorUserId: interviewerId,
        action: submitting ? "scorecard.submit" : "scorecard.save",
        entityType: "scorecard",
        entityId: scorecardId,
        details: { assessment: assessmentId, revision, ratings: input.ratings.length },
      },
      now,
    );
    return { status: "saved", revision, updatedAt: at, submitted: submitting };
  });
}

/** A recruiter reopens a submitted scorecard for changes; audited, and the panel's result forgets it. */
export async function reopenScorecard(
  db: Kysely<Database>,
  args: { assessmentId: number; scorecardId: number; actorId: number; kit: ScoringKit },
  now: Date,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable("scorecards")
      .set((eb) => ({ status: "draft", submitted_at: null, updated_at: now.toISOString(), revision: eb("revision", "+", 1) }))
      .where("id", "=", args.scorecardId)
      .where("assessment_id", "=", args.assessmentId)
      .where("status", "=", "submitted")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    await refreshAssessmentResult(trx, args.assessmentId, args.kit, now);
    await recordAudit(
      trx,
      {
        actorUserId: args.actorId,
        action: "scorecard.reopen",
        entityType: "scorecard",
        entityId: args.scorecardId,
        details: { assessment: args.assessmentId },
      },
      now,
    );
    return true;
  });
}

/**
 * Where this user's own scorecards stand on every assessment of theirs that
 * uses a version of the kit, or any kit of the role: what maySeeIdealBands reads.
 */
export async function ownScorecardStatusesOn(
  db: Kysely<Database>,
  userId: number,
  scope: { kitId: number } | { roleSlug: string },
): Promise<("not_started" | "draft" | "submitted")[]> {
  let query = db
    .selectFrom("assessment_interviewers as ai")
    .innerJoin("assessments", "assessments.id", "ai.assessment_id")
    .innerJoin("kit_versions", "kit_versions.id", "assessments.kit_version_id")
    .leftJoin("scorecards", (join) =>
      join.onRef("scorecards.assessment_id", "=", "ai.assessment_id").onRef("scorecards.interviewer_id", "=", "ai.user_id"),
    )
    .select("scorecards.status")
    .where("ai.user_id", "=", userId);
  query =
    "kitId" in scope ? query.where("kit_versions.kit_id", "=", scope.kitId) : query.where("kit_versions.role_slug", "=", scope.roleSlug);
  const rows = await query.execute();
  return rows.map((r) => r.status ?? "not_started");
}
