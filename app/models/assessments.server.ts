import type { Level } from "~/domain/levels";
import type { Kysely, Transaction } from "kysely";
import type { Database, ScorecardsTable } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { panelResult, type PanelResult } from "~/domain/panel";
import { isRating, isRecommendation, type Rating, type Recommendation } from "~/domain/scoring";
import { TRAIT_KEYS, type TraitKey } from "~/domain/traits";
import { recordAudit } from "~/models/audit.server";
import type { ScorecardInput } from "~/schemas/scorecard";
import type { SessionUser } from "~/models/sessions.server";

type Executor = Kysely<Database> | Transaction<Database>;

export const DECISIONS = ["advance", "hold", "reject"] as const;
export type Decision = (typeof DECISIONS)[number];

// ---------- Access ----------

export type AssessmentAccess = { id: number; candidateId: number; kitVersionId: number; assigned: boolean };

/**
 * The assessment as this user may see it: a recruiter sees every one, an
 * interviewer only those assigned to them ("denied" otherwise); undefined when there
 * is no such assessment. Routes answer both refusals with the same 404.
 */
export async function findAssessmentFor(
  db: Executor,
  assessmentId: number,
  user: SessionUser,
): Promise<AssessmentAccess | "denied" | undefined> {
  const row = await db
    .selectFrom("assessments")
    .leftJoin("assessment_interviewers as ai", (join) =>
      join.onRef("ai.assessment_id", "=", "assessments.id").on("ai.user_id", "=", user.id),
    )
    .select(["assessments.id", "assessments.candidate_id", "assessments.kit_version_id", "ai.user_id as assigned_user"])
    .where("assessments.id", "=", assessmentId)
    .executeTakeFirst();
  if (!row) return undefined;
  const assigned = row.assigned_user !== null;
  if (user.role !== "recruiter" && !assigned) return "denied";
  return { id: row.id, candidateId: row.candidate_id, kitVersionId: row.kit_version_id, assigned };
}

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
  questions: {
    id: number;
    position: number;
    text: string;
    traits: TraitKey[];
    anchors: { trait: TraitKey; rating: 1 | 3 | 5; text: string }[];
  }[];
  strengths: { id: number; text: string }[];
  redFlags: { id: number; text: string }[];
  idealProfile: Record<TraitKey, { low: number; high: number; weight: number }> | null;
};

/** Everything of a kit version an interview uses: six queries, whatever its size. */
export async function loadScoringKit(db: Executor, kitVersionId: number): Promise<ScoringKit | undefined> {
  const version = await db.selectFrom("kit_versions").selectAll().where("id", "=", kitVersionId).executeTakeFirst();
  if (!version) return undefined;
  const [questions, traits, anchors, strengths, redFlags, bands] = await Promise.all([
    db
      .selectFrom("kit_questions")
      .select(["id", "position", "text"])
      .where("kit_version_id", "=", kitVersionId)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("kit_question_traits")
      .innerJoin("kit_questions", "kit_questions.id", "kit_question_traits.kit_question_id")
      .select(["kit_question_traits.kit_question_id", "kit_question_traits.trait"])
      .where("kit_questions.kit_version_id", "=", kitVersionId)
      .execute(),
    db
      .selectFrom("kit_question_anchors")
      .innerJoin("kit_questions", "kit_questions.id", "kit_question_anchors.kit_question_id")
      .select([
        "kit_question_anchors.kit_question_id",
        "kit_question_anchors.trait",
        "kit_question_anchors.rating",
        "kit_question_anchors.text",
      ])
      .where("kit_questions.kit_version_id", "=", kitVersionId)
      .orderBy("kit_question_anchors.rating")
      .execute(),
    db.selectFrom("kit_strengths").select(["id", "text"]).where("kit_version_id", "=", kitVersionId).orderBy("position").execute(),
    db.selectFrom("kit_red_flags").select(["id", "text"]).where("kit_version_id", "=", kitVersionId).orderBy("position").execute(),
    db.selectFrom("kit_version_traits").select(["trait", "low", "high", "weight"]).where("kit_version_id", "=", kitVersionId).execute(),
  ]);
  const band = (trait: TraitKey) => {
    const b = bands.find((row) => row.trait === trait);
    return b ? { low: b.low, high: b.high, weight: b.weight } : { low: 0, high: 100, weight: 1 };
  };
  const order = (t: TraitKey) => TRAIT_KEYS.indexOf(t);
  return {
    kitVersionId,
    kitId: version.kit_id,
    version: version.version,
    name: version.name,
    level: version.level,
    roleSlug: version.role_slug,
    roleName: version.role_name,
    contentLanguage: version.content_language,
    questions: questions.map((q) => ({
      id: q.id,
      position: q.position,
      text: q.text,
      traits: traits
        .filter((t) => t.kit_question_id === q.id)
        .map((t) => t.trait)
        .sort((a, b) => order(a) - order(b)),
      anchors: anchors.filter((a) => a.kit_question_id === q.id).map((a) => ({ trait: a.trait, rating: a.rating, text: a.text })),
    })),
    strengths,
    redFlags,
    // A version saved from a role without an ideal profile froze none: no fit, not a fit of 0.
    idealProfile:
      bands.length === 0
        ? null
        : {
            openness: band("openness"),
            conscientiousness: band("conscientiousness"),
            extraversion: band("extraversion"),
            agreeableness: band("agreeableness"),
            emotional_stability: band("emotional_stability"),
            relational_engagement: band("relational_engagement"),
          },
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
export async function getOwnScorecard(db: Executor, assessmentId: number, interviewerId: number, kit: ScoringKit): Promise<OwnScorecard> {
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
  args: { assessmentId: number; interviewerId: number; input: ScorecardInput; kit: ScoringKit },
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

    if (submitting) await refreshAssessmentResult(trx, assessmentId, kit, now);
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

// ---------- The panel ----------

export type RedFlagSeen = { interviewerName: string; text: string; evidence: string | null };

export type Panel = PanelResult & {
  interviewerNames: Record<string, string>;
  /** Every submitted rating, so each figure can be traced back by hand. */
  ratingRows: { questionId: number; trait: TraitKey; interviewerId: string; rating: Rating }[];
  redFlagsSeen: RedFlagSeen[];
  strengthsSeen: { text: string; count: number }[];
};

/** The panel's aggregate from submitted scorecards only, recomputed from the ratings. */
export async function computePanel(db: Executor, assessmentId: number, kit: ScoringKit): Promise<Panel> {
  const cards = await db
    .selectFrom("scorecards")
    .innerJoin("users", "users.id", "scorecards.interviewer_id")
    .select(["scorecards.id", "scorecards.interviewer_id", "scorecards.recommendation", "users.name"])
    .where("scorecards.assessment_id", "=", assessmentId)
    .where("scorecards.status", "=", "submitted")
    .orderBy("scorecards.submitted_at")
    .execute();
  const ids = cards.map((c) => c.id);
  const [ratings, flags, strengths] =
    ids.length === 0
      ? [[], [], []]
      : await Promise.all([
          db
            .selectFrom("ratings")
            .select(["scorecard_id", "kit_question_id", "trait", "rating"])
            .where("scorecard_id", "in", ids)
            .execute(),
          db
            .selectFrom("observed_red_flags")
            .innerJoin("kit_red_flags", "kit_red_flags.id", "observed_red_flags.kit_red_flag_id")
            .select(["observed_red_flags.scorecard_id", "kit_red_flags.text", "observed_red_flags.evidence"])
            .where("observed_red_flags.scorecard_id", "in", ids)
            .orderBy("kit_red_flags.position")
            .execute(),
          db
            .selectFrom("observed_strengths")
            .innerJoin("kit_strengths", "kit_strengths.id", "observed_strengths.kit_strength_id")
            .select(["observed_strengths.scorecard_id", "kit_strengths.text", "kit_strengths.position"])
            .where("observed_strengths.scorecard_id", "in", ids)
            .orderBy("kit_strengths.position")
            .execute(),
        ]);
  const result = panelResult({
    scorecards: cards.flatMap((card) =>
      card.recommendation !== null && isRecommendation(card.recommendation)
        ? [
            {
              interviewerId: String(card.interviewer_id),
              recommendation: card.recommendation,
              ratings: ratings
                .filter((r) => r.scorecard_id === card.id)
                .flatMap((r) => (isRating(r.rating) ? [{ questionId: r.kit_question_id, trait: r.trait, rating: r.rating }] : [])),
            },
          ]
        : [],
    ),
    traitsInKit: new Set(kit.questions.flatMap((q) => q.traits)),
    idealProfile: kit.idealProfile,
  });
  const nameOf = new Map(cards.map((c) => [c.id, c.name]));
  const strengthCounts = new Map<string, number>();
  for (const s of strengths) strengthCounts.set(s.text, (strengthCounts.get(s.text) ?? 0) + 1);
  return {
    ...result,
    interviewerNames: Object.fromEntries(cards.map((c) => [String(c.interviewer_id), c.name])),
    ratingRows: ratings.flatMap((r) => {
      const card = cards.find((c) => c.id === r.scorecard_id);
      return card && isRating(r.rating)
        ? [{ questionId: r.kit_question_id, trait: r.trait, interviewerId: String(card.interviewer_id), rating: r.rating }]
        : [];
    }),
    redFlagsSeen: flags.map((f) => ({ interviewerName: nameOf.get(f.scorecard_id) ?? "", text: f.text, evidence: f.evidence })),
    strengthsSeen: [...strengthCounts.entries()].map(([text, count]) => ({ text, count })),
  };
}

export type PanelNote = { questionId: number; interviewerId: string; text: string };

/**
 * The notes of submitted scorecards, in the panel's order (by submission): the
 * evidence the panel's figures are discussed on. Drafts stay their author's.
 */
export async function submittedNotes(db: Executor, assessmentId: number): Promise<PanelNote[]> {
  const rows = await db
    .selectFrom("scorecard_notes")
    .innerJoin("scorecards", "scorecards.id", "scorecard_notes.scorecard_id")
    .select(["scorecard_notes.kit_question_id", "scorecards.interviewer_id", "scorecard_notes.notes"])
    .where("scorecards.assessment_id", "=", assessmentId)
    .where("scorecards.status", "=", "submitted")
    .orderBy("scorecards.submitted_at")
    .orderBy("scorecards.id")
    .execute();
  return rows.map((r) => ({ questionId: r.kit_question_id, interviewerId: String(r.interviewer_id), text: r.notes }));
}

/**
 * Rewrites the cached result of an assessment (ranking and CSV read it) from
 * the ratings, inside the transaction that changed a submission. An
 * assessment left without a submitted scorecard (its last one reopened) has
 * no result: it is not ranked, and the candidate's earlier result for the
 * role, if any, is their row again.
 */
export async function refreshAssessmentResult(trx: Kysely<Database>, assessmentId: number, kit: ScoringKit, now: Date): Promise<void> {
  const panel = await computePanel(trx, assessmentId, kit);
  if (panel.submittedCount === 0) {
    await trx.deleteFrom("assessment_results").where("assessment_id", "=", assessmentId).execute();
    await markLatestResult(trx, assessmentId, kit.roleSlug);
    return;
  }
  const traitColumns = Object.fromEntries(
    TRAIT_KEYS.flatMap((trait) => {
      const t = panel.traits[trait];
      return [
        [`${trait}_score`, t.status === "assessed" ? t.score : null],
        [`${trait}_evidence`, t.evidence],
      ];
    }),
  );
  const row = {
    role_slug: kit.roleSlug,
    fit: panel.fit?.fit ?? null,
    coverage: panel.fit?.coverage ?? 0,
    evidence: panel.evidence,
    submitted_scorecards: panel.submittedCount,
    computed_at: now.toISOString(),
    ...traitColumns,
  };
  await trx
    .insertInto("assessment_results")
    .values({ assessment_id: assessmentId, ...row })
    .onConflict((oc) => oc.column("assessment_id").doUpdateSet(row))
    .execute();
  await markLatestResult(trx, assessmentId, kit.roleSlug);
}

/**
 * Flags, among the results of this assessment's candidate for the role, the
 * one of their latest assessment (by creation, then id): the ranking's row.
 */
async function markLatestResult(trx: Kysely<Database>, assessmentId: number, roleSlug: string): Promise<void> {
  const { candidate_id: candidateId } = await trx
    .selectFrom("assessments")
    .select("candidate_id")
    .where("id", "=", assessmentId)
    .executeTakeFirstOrThrow();
  const latest = await trx
    .selectFrom("assessment_results as r")
    .innerJoin("assessments as a", "a.id", "r.assessment_id")
    .select("r.assessment_id")
    .where("a.candidate_id", "=", candidateId)
    .where("r.role_slug", "=", roleSlug)
    .orderBy("a.created_at", "desc")
    .orderBy("a.id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (latest === undefined) return;
  await trx
    .updateTable("assessment_results")
    .set((eb) => ({ latest: eb.case().when("assessment_id", "=", latest.assessment_id).then(1).else(0).end() }))
    .where("role_slug", "=", roleSlug)
    .where("assessment_id", "in", (eb) => eb.selectFrom("assessments").select("id").where("candidate_id", "=", candidateId))
    .execute();
}

// ---------- Creating and running an assessment ----------

/** Kit versions a new assessment can use: the latest version of each kit not archived. */
export type KitVersionChoice = { kitVersionId: number; name: string; version: number; roleName: string; roleSlug: string; level: Level };

/** The latest version of each kit not archived, with what tells two kits of one name apart: role and level. */
export async function kitVersionChoices(db: Executor): Promise<KitVersionChoice[]> {
  const rows = await db
    .selectFrom("kit_versions")
    .innerJoin("kits", "kits.id", "kit_versions.kit_id")
    .select([
      "kit_versions.id",
      "kit_versions.name",
      "kit_versions.version",
      "kit_versions.role_name",
      "kit_versions.role_slug",
      "kit_versions.level",
    ])
    .where("kits.archived_at", "is", null)
    .where(({ eb, selectFrom }) =>
      eb(
        "kit_versions.version",
        "=",
        selectFrom("kit_versions as latest")
          .select((e) => e.fn.max("latest.version").as("v"))
          .whereRef("latest.kit_id", "=", "kit_versions.kit_id"),
      ),
    )
    .orderBy("kit_versions.name")
    .execute();
  return rows.map((r) => ({
    kitVersionId: r.id,
    name: r.name,
    version: r.version,
    roleName: r.role_name,
    roleSlug: r.role_slug,
    level: r.level,
  }));
}

/** Whether a kit version belongs to an archived kit: out of the picker, and refused to a forged post too. */
export async function kitVersionArchived(db: Executor, kitVersionId: number): Promise<boolean> {
  const row = await db
    .selectFrom("kit_versions")
    .innerJoin("kits", "kits.id", "kit_versions.kit_id")
    .select("kits.archived_at")
    .where("kit_versions.id", "=", kitVersionId)
    .executeTakeFirst();
  return row !== undefined && row.archived_at !== null;
}

/** Accounts that can score: active interviewers and recruiters. */
export async function interviewerChoices(db: Executor): Promise<{ id: number; name: string; role: "recruiter" | "interviewer" }[]> {
  return db.selectFrom("users").select(["id", "name", "role"]).where("deactivated_at", "is", null).orderBy("name").execute();
}

export type CreateAssessmentResult = { ok: true; id: number } | { ok: false; errors: Record<string, string> };

export async function createAssessment(
  db: Kysely<Database>,
  args: { candidateId: number; kitVersionId: number; interviewerIds: number[]; actorId: number },
  now: Date,
): Promise<CreateAssessmentResult> {
  return inTransaction(db, async (trx): Promise<CreateAssessmentResult> => {
    const version = await trx.selectFrom("kit_versions").select("id").where("id", "=", args.kitVersionId).executeTakeFirst();
    if (!version) return { ok: false, errors: { kitVersionId: "validation.kitRequired" } };
    const ids = [...new Set(args.interviewerIds)];
    const active = await trx.selectFrom("users").select("id").where("id", "in", ids).where("deactivated_at", "is", null).execute();
    if (active.length !== ids.length) return { ok: false, errors: { interviewerIds: "validation.interviewersRequired" } };
    const at = now.toISOString();
    const { id } = await trx
      .insertInto("assessments")
      .values({ candidate_id: args.candidateId, kit_version_id: args.kitVersionId, created_by: args.actorId, created_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("assessment_interviewers")
      .values(ids.map((userId) => ({ assessment_id: id, user_id: userId, added_at: at, assessment_created_at: at })))
      .execute();
    await recordAudit(
      trx,
      {
        actorUserId: args.actorId,
        action: "assessment.create",
        entityType: "assessment",
        entityId: id,
        details: { candidate: args.candidateId, kitVersion: args.kitVersionId, interviewers: ids.length },
      },
      now,
    );
    return { ok: true, id };
  });
}

export type InterviewerStatus = {
  userId: number;
  name: string;
  status: "not_started" | "draft" | "submitted";
  scorecardId: number | null;
  submittedAt: string | null;
};

export type DecisionRecord = { decision: Decision; reason: string; decidedByName: string; decidedAt: string };

export type AssessmentOverview = {
  id: number;
  createdAt: string;
  candidate: { id: number; name: string };
  interviewers: InterviewerStatus[];
  decisions: DecisionRecord[];
};

function isDecision(value: string): value is Decision {
  return DECISIONS.some((d) => d === value);
}

/** Who scores, where each scorecard stands (never its content), and the decisions taken. */
export async function getAssessmentOverview(db: Executor, assessmentId: number): Promise<AssessmentOverview | undefined> {
  const assessment = await db
    .selectFrom("assessments")
    .innerJoin("candidates", "candidates.id", "assessments.candidate_id")
    .select(["assessments.id", "assessments.created_at", "candidates.id as candidate_id", "candidates.name as candidate_name"])
    .where("assessments.id", "=", assessmentId)
    .executeTakeFirst();
  if (!assessment) return undefined;
  const [interviewers, decisions] = await Promise.all([
    db
      .selectFrom("assessment_interviewers as ai")
      .innerJoin("users", "users.id", "ai.user_id")
      .leftJoin("scorecards", (join) =>
        join.onRef("scorecards.assessment_id", "=", "ai.assessment_id").onRef("scorecards.interviewer_id", "=", "ai.user_id"),
      )
      .select(["ai.user_id", "users.name", "scorecards.id as scorecard_id", "scorecards.status", "scorecards.submitted_at"])
      .where("ai.assessment_id", "=", assessmentId)
      .orderBy("ai.added_at")
      .orderBy("users.name")
      .execute(),
    db
      .selectFrom("decisions")
      .innerJoin("users", "users.id", "decisions.decided_by")
      .select(["decisions.decision", "decisions.reason", "decisions.decided_at", "users.name"])
      .where("decisions.assessment_id", "=", assessmentId)
      .orderBy("decisions.decided_at", "desc")
      .orderBy("decisions.id", "desc")
      .execute(),
  ]);
  return {
    id: assessment.id,
    createdAt: assessment.created_at,
    candidate: { id: assessment.candidate_id, name: assessment.candidate_name },
    interviewers: interviewers.map((i) => ({
      userId: i.user_id,
      name: i.name,
      status: i.status ?? "not_started",
      scorecardId: i.scorecard_id,
      submittedAt: i.submitted_at,
    })),
    decisions: decisions.flatMap((d) =>
      isDecision(d.decision) ? [{ decision: d.decision, reason: d.reason, decidedByName: d.name, decidedAt: d.decided_at }] : [],
    ),
  };
}

export async function recordDecision(
  db: Kysely<Database>,
  args: { assessmentId: number; decision: Decision; reason: string; actorId: number },
  now: Date,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto("decisions")
      .values({
        assessment_id: args.assessmentId,
        decision: args.decision,
        reason: args.reason,
        decided_by: args.actorId,
        decided_at: now.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actorUserId: args.actorId,
        action: "decision.record",
        entityType: "decision",
        entityId: id,
        details: { assessment: args.assessmentId, decision: args.decision },
      },
      now,
    );
  });
}

/**
 * A removed interviewer's draft as kept aside: everything saveScorecard
 * writes, by the kit version's ids (the assessment's kit version never changes).
 */
export type ParkedDraftContent = {
  recommendation: ScorecardsTable["recommendation"];
  ratings: { questionId: number; trait: TraitKey; rating: number }[];
  notes: { questionId: number; text: string }[];
  strengths: number[];
  redFlags: { redFlagId: number; evidence: string | null }[];
};

/**
 * Adds an active account to the panel; false when it cannot score or is
 * already there. A draft they left when removed comes back with them.
 */
export async function addInterviewer(
  db: Kysely<Database>,
  args: { assessmentId: number; userId: number; actorId: number },
  now: Date,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select("id")
      .where("id", "=", args.userId)
      .where("deactivated_at", "is", null)
      .executeTakeFirst();
    if (!user) return false;
    const inserted = await trx
      .insertInto("assessment_interviewers")
      .columns(["assessment_id", "user_id", "added_at", "assessment_created_at"])
      .expression((eb) =>
        eb
          .selectFrom("assessments")
          .select((e) => ["id", e.val(args.userId).as("user_id"), e.val(now.toISOString()).as("added_at"), "created_at"])
          .where("id", "=", args.assessmentId),
      )
      .onConflict((oc) => oc.columns(["assessment_id", "user_id"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
    const restored = await restoreParkedDraft(trx, args.assessmentId, args.userId, now);
    await recordAudit(
      trx,
      {
        actorUserId: args.actorId,
        action: "assessment.interviewer_add",
        entityType: "assessment",
        entityId: args.assessmentId,
        details: { user: args.userId, draftRestored: restored },
      },
      now,
    );
    return true;
  });
}

export type RemoveInterviewerOutcome = "removed" | "notOnPanel" | "submitted" | "lastInterviewer";

/**
 * Takes an interviewer off the panel. Refused when they have submitted (their
 * scores are the panel's; reopen first) or are its last interviewer. Their
 * draft is kept aside and restored if they are added again, unless
 * `discardDraft`. One transaction; audited with ids only.
 */
export async function removeInterviewer(
  db: Kysely<Database>,
  args: { assessmentId: number; userId: number; actorId: number; discardDraft: boolean },
  now: Date,
): Promise<RemoveInterviewerOutcome> {
  return inTransaction(db, async (trx): Promise<RemoveInterviewerOutcome> => {
    const panel = await trx
      .selectFrom("assessment_interviewers")
      .select("user_id")
      .where("assessment_id", "=", args.assessmentId)
      .execute();
    if (!panel.some((row) => row.user_id === args.userId)) return "notOnPanel";
    const scorecard = await trx
      .selectFrom("scorecards")
      .select(["id", "status", "recommendation", "revision", "updated_at"])
      .where("assessment_id", "=", args.assessmentId)
      .where("interviewer_id", "=", args.userId)
      .executeTakeFirst();
    if (scorecard?.status === "submitted") return "submitted";
    if (panel.length <= 1) return "lastInterviewer";
    const parked = scorecard !== undefined && !args.discardDraft;
    if (parked) {
      const content = await draftContent(trx, scorecard.id, scorecard.recommendation);
      await trx
        .insertInto("parked_drafts")
        .values({
          assessment_id: args.assessmentId,
          interviewer_id: args.userId,
          revision: scorecard.revision,
          content: JSON.stringify(content),
          updated_at: scorecard.updated_at,
          parked_at: now.toISOString(),
        })
        .onConflict((oc) =>
          oc.columns(["assessment_id", "interviewer_id"]).doUpdateSet((eb) => ({
            revision: eb.ref("excluded.revision"),
            content: eb.ref("excluded.content"),
            updated_at: eb.ref("excluded.updated_at"),
            parked_at: eb.ref("excluded.parked_at"),
          })),
        )
        .execute();
    }
    // The scorecard, its ratings and notes go with the assignment (foreign keys cascade).
    await trx
      .deleteFrom("assessment_interviewers")
      .where("assessment_id", "=", args.assessmentId)
      .where("user_id", "=", args.userId)
      .execute();
    await recordAudit(
      trx,
      {
        actorUserId: args.actorId,
        action: "assessment.interviewer_remove",
        entityType: "assessment",
        entityId: args.assessmentId,
        details: { user: args.userId, draft: scorecard === undefined ? "none" : parked ? "kept" : "discarded" },
      },
      now,
    );
    return "removed";
  });
}

/**
 * Where this user's own scorecards stand on every assessment of theirs that
 * uses a version of the kit, or any kit of the role: what maySeeIdealBands reads.
 */
export async function ownScorecardStatusesOn(
  db: Executor,
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

async function draftContent(
  trx: Kysely<Database>,
  scorecardId: number,
  recommendation: ParkedDraftContent["recommendation"],
): Promise<ParkedDraftContent> {
  const [ratings, notes, strengths, redFlags] = await Promise.all([
    trx.selectFrom("ratings").select(["kit_question_id", "trait", "rating"]).where("scorecard_id", "=", scorecardId).execute(),
    trx.selectFrom("scorecard_notes").select(["kit_question_id", "notes"]).where("scorecard_id", "=", scorecardId).execute(),
    trx.selectFrom("observed_strengths").select("kit_strength_id").where("scorecard_id", "=", scorecardId).execute(),
    trx.selectFrom("observed_red_flags").select(["kit_red_flag_id", "evidence"]).where("scorecard_id", "=", scorecardId).execute(),
  ]);
  return {
    recommendation,
    ratings: ratings.map((r) => ({ questionId: r.kit_question_id, trait: r.trait, rating: r.rating })),
    notes: notes.map((n) => ({ questionId: n.kit_question_id, text: n.notes })),
    strengths: strengths.map((s) => s.kit_strength_id),
    redFlags: redFlags.map((f) => ({ redFlagId: f.kit_red_flag_id, evidence: f.evidence })),
  };
}

/** Puts a parked draft back as the interviewer's scorecard (a new revision); true when there was one. */
async function restoreParkedDraft(trx: Kysely<Database>, assessmentId: number, interviewerId: number, now: Date): Promise<boolean> {
  const parked = await trx
    .selectFrom("parked_drafts")
    .selectAll()
    .where("assessment_id", "=", assessmentId)
    .where("interviewer_id", "=", interviewerId)
    .executeTakeFirst();
  if (!parked) return false;
  // Written by removeInterviewer above, from the same type.
  const content: ParkedDraftContent = JSON.parse(parked.content);
  const { id } = await trx
    .insertInto("scorecards")
    .values({
      assessment_id: assessmentId,
      interviewer_id: interviewerId,
      status: "draft",
      recommendation: content.recommendation,
      revision: parked.revision + 1,
      updated_at: now.toISOString(),
      submitted_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (content.ratings.length > 0) {
    await trx
      .insertInto("ratings")
      .values(content.ratings.map((r) => ({ scorecard_id: id, kit_question_id: r.questionId, trait: r.trait, rating: r.rating })))
      .execute();
  }
  if (content.notes.length > 0) {
    await trx
      .insertInto("scorecard_notes")
      .values(content.notes.map((n) => ({ scorecard_id: id, kit_question_id: n.questionId, notes: n.text })))
      .execute();
  }
  if (content.strengths.length > 0) {
    await trx
      .insertInto("observed_strengths")
      .values(content.strengths.map((s) => ({ scorecard_id: id, kit_strength_id: s })))
      .execute();
  }
  if (content.redFlags.length > 0) {
    await trx
      .insertInto("observed_red_flags")
      .values(content.redFlags.map((f) => ({ scorecard_id: id, kit_red_flag_id: f.redFlagId, evidence: f.evidence })))
      .execute();
  }
  await trx.deleteFrom("parked_drafts").where("assessment_id", "=", assessmentId).where("interviewer_id", "=", interviewerId).execute();
  return true;
}

/** The candidate's name for an assessment's pages. */
export async function assessmentCandidateName(db: Executor, assessmentId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom("assessments")
    .innerJoin("candidates", "candidates.id", "assessments.candidate_id")
    .select("candidates.name")
    .where("assessments.id", "=", assessmentId)
    .executeTakeFirst();
  return row?.name;
}

export type AssessmentListItem = {
  id: number;
  candidateName: string;
  kitName: string;
  kitVersion: number;
  roleName: string;
  createdAt: string;
  myStatus: "not_started" | "draft" | "submitted" | null;
  submitted: number;
  interviewers: number;
};

export const ASSESSMENT_PAGE_SIZE = 50;

/** An interviewer's assigned assessments, or every assessment for a recruiter; newest first. */
export async function listAssessmentsFor(
  db: Executor,
  user: SessionUser,
  page: number,
): Promise<{ rows: AssessmentListItem[]; hasMore: boolean }> {
  // The page's ids first (one more, to know whether a next page exists), so the
  // counts and joins below run for this page's rows only. An interviewer's
  // assignments carry their assessment's date (migration 0004): both lists
  // walk an index in list order and stop after the page.
  const limit = ASSESSMENT_PAGE_SIZE + 1;
  const offset = (page - 1) * ASSESSMENT_PAGE_SIZE;
  const pageIds =
    user.role === "recruiter"
      ? db.selectFrom("assessments").select("id").orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).offset(offset)
      : db
          .selectFrom("assessment_interviewers")
          .select("assessment_id as id")
          .where("user_id", "=", user.id)
          .orderBy("assessment_created_at", "desc")
          .orderBy("assessment_id", "desc")
          .limit(limit)
          .offset(offset);
  const query = db
    .selectFrom("assessments")
    .where("assessments.id", "in", pageIds)
    .innerJoin("candidates", "candidates.id", "assessments.candidate_id")
    .innerJoin("kit_versions", "kit_versions.id", "assessments.kit_version_id")
    .leftJoin("scorecards as mine", (join) =>
      join.onRef("mine.assessment_id", "=", "assessments.id").on("mine.interviewer_id", "=", user.id),
    )
    .leftJoin("assessment_interviewers as me", (join) =>
      join.onRef("me.assessment_id", "=", "assessments.id").on("me.user_id", "=", user.id),
    )
    .select((eb) => [
      "assessments.id",
      "assessments.created_at",
      "candidates.name as candidate_name",
      "kit_versions.name as kit_name",
      "kit_versions.version",
      "kit_versions.role_name",
      "mine.status as my_status",
      "me.user_id as assigned",
      eb
        .selectFrom("assessment_interviewers")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("assessment_interviewers.assessment_id", "=", "assessments.id")
        .as("interviewers"),
      eb
        .selectFrom("scorecards")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("scorecards.assessment_id", "=", "assessments.id")
        .where("scorecards.status", "=", "submitted")
        .as("submitted"),
    ])
    .orderBy("assessments.created_at", "desc")
    .orderBy("assessments.id", "desc");
  const rows = await query.execute();
  return {
    hasMore: rows.length > ASSESSMENT_PAGE_SIZE,
    rows: rows.slice(0, ASSESSMENT_PAGE_SIZE).map((r) => ({
      id: r.id,
      candidateName: r.candidate_name,
      kitName: r.kit_name,
      kitVersion: r.version,
      roleName: r.role_name,
      createdAt: r.created_at,
      myStatus: r.assigned === null ? null : (r.my_status ?? "not_started"),
      submitted: Number(r.submitted ?? 0),
      interviewers: Number(r.interviewers ?? 0),
    })),
  };
}
