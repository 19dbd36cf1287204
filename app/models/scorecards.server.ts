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
import type { ExpectationMark } from "~/domain/expectation-marks";
import type { Level } from "~/domain/levels";

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
  level: Level;
  roleSlug: string;
  roleName: string;
  contentLanguage: "es" | "en" | "zh";
  questions: StoredKitQuestion[];
  strengths: { id: number; text: string }[];
  redFlags: { id: number; text: string }[];
  idealProfile: Record<TraitKey, { low: number; high: number; weight: number }> | null;
  /** The role's skill expectations at the kit's level, frozen with the version; descriptions as stored (localized JSON). */
  expectations: { position: number; skillName: string; mandatory: boolean; description: string }[];
};

/** Everything of a kit version an interview uses: seven queries, whatever its size. */
export async function loadScoringKit(db: Kysely<Database>, kitVersionId: number): Promise<ScoringKit | undefined> {
  const version = await db.selectFrom("kit_versions").selectAll().where("id", "=", kitVersionId).executeTakeFirst();
  if (!version) return undefined;
  const [questionsByVersion, strengths, redFlags, bands, expectations] = await Promise.all([
    loadKitVersionQuestions(db, [kitVersionId]),
    db.selectFrom("kit_strengths").select(["id", "text"]).where("kit_version_id", "=", kitVersionId).orderBy("position").execute(),
    db.selectFrom("kit_red_flags").select(["id", "text"]).where("kit_version_id", "=", kitVersionId).orderBy("position").execute(),
    db.selectFrom("kit_version_traits").select(["trait", "low", "high", "weight"]).where("kit_version_id", "=", kitVersionId).execute(),
    db
      .selectFrom("kit_expectations")
      .select(["position", "skill_name", "mandatory", "description"])
      .where("kit_version_id", "=", kitVersionId)
      .orderBy("position")
      .execute(),
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
    expectations: expectations.map((e) => ({
      position: e.position,
      skillName: e.skill_name,
      mandatory: e.mandatory === 1,
      description: e.description,
    })),
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
  /** The kit's expectations marked, by position; one not here was not asked about. */
  expectationMarks: { position: number; mark: ExpectationMark }[];
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
      expectationMarks: [],
      updatedAt: null,
      submittedAt: null,
      revision: 0,
    };
  }
  const [ratings, notes, strengths, redFlags, marks] = await Promise.all([
    db.selectFrom("ratings").select(["kit_question_id", "trait", "rating"]).where("scorecard_id", "=", card.id).execute(),
    db.selectFrom("scorecard_notes").select(["kit_question_id", "notes"]).where("scorecard_id", "=", card.id).execute(),
    db.selectFrom("observed_strengths").select("kit_strength_id").where("scorecard_id", "=", card.id).execute(),
    db.selectFrom("observed_red_flags").select(["kit_red_flag_id", "evidence"]).where("scorecard_id", "=", card.id).execute(),
    db
      .selectFrom("scorecard_expectation_marks")
      .select(["position", "mark"])
      .where("scorecard_id", "=", card.id)
      .orderBy("position")
      .execute(),
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
    expectationMarks: marks.map((m) => ({ position: m.position, mark: m.mark })),
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
  const positions = new Set(kit.expectations.map((e) => e.position));
  for (const m of input.expectationMarks ?? []) {
    if (!positions.has(m.position)) errors[`expectations.${m.position}`] = "scorecard.errors.unknownItem";
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
      await trx.deleteFrom("scorecard_expectation_marks").where("scorecard_id", "=", scorecardId).execute();
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
    const marks = [...new Map((input.expectationMarks ?? []).map((m) => [m.position, m])).values()];
    if (marks.length > 0) {
      await trx
        .insertInto("scorecard_expectation_marks")
        .values(marks.map((m) => ({ scorecard_id: scorecardId, kit_version_id: kit.kitVersionId, position: m.position, mark: m.mark })))
        .execute();
    }

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
        details: { assessment: assessmentId, revision, ratings: input.ratings.length, expectationMarks: marks.length },
      },
      now,
    );
    return { status: "saved", revision, updatedAt: at, submitted: submitting };
  });
}

/**
 * The expectation marks of an assessment's submitted scorecards, by interviewer
 * id: what the panel reads. Drafts stay their author's (blind scoring).
 */
export async function submittedExpectationMarks(
  db: Kysely<Database>,
  assessmentId: number,
): Promise<{ interviewerId: string; marks: { position: number; mark: ExpectationMark }[] }[]> {
  const rows = await db
    .selectFrom("scorecard_expectation_marks as m")
    .innerJoin("scorecards", "scorecards.id", "m.scorecard_id")
    .select(["scorecards.interviewer_id", "m.position", "m.mark"])
    .where("scorecards.assessment_id", "=", assessmentId)
    .where("scorecards.status", "=", "submitted")
    .orderBy("scorecards.submitted_at")
    .orderBy("m.position")
    .execute();
  const byInterviewer = new Map<string, { position: number; mark: ExpectationMark }[]>();
  for (const row of rows) {
    const id = String(row.interviewer_id);
    byInterviewer.set(id, [...(byInterviewer.get(id) ?? []), { position: row.position, mark: row.mark }]);
  }
  return [...byInterviewer.entries()].map(([interviewerId, marks]) => ({ interviewerId, marks }));
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
