import type { Kysely } from "kysely";
import { panelResult, type PanelResult } from "~/domain/panel";
import { isRating, isRecommendation, type Rating } from "~/domain/scoring";
import { TRAIT_KEYS, type TraitKey } from "~/domain/traits";
import type { Database } from "~db/schema";
import type { ScoringKit } from "~/models/scorecards.server";
import { refreshScorecardSummaries } from "~/models/calibration.server";

/*
 * The panel's results: its aggregate recomputed from the submitted
 * scorecards, their notes, and the cached result row (assessment_results) the
 * ranking and its CSV read, rewritten in the transaction that changed a
 * submission.
 */

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
export async function computePanel(db: Kysely<Database>, assessmentId: number, kit: ScoringKit): Promise<Panel> {
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
export async function submittedNotes(db: Kysely<Database>, assessmentId: number): Promise<PanelNote[]> {
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
 * Rewrites the cached result of an assessment (ranking and CSV read it) and
 * its scorecards' summaries (calibration reads them) from the ratings, inside
 * the transaction that changed a submission. An
 * assessment left without a submitted scorecard (its last one reopened) has
 * no result: it is not ranked, and the candidate's earlier result for the
 * role, if any, is their row again.
 */
export async function refreshAssessmentResult(trx: Kysely<Database>, assessmentId: number, kit: ScoringKit, now: Date): Promise<void> {
  await refreshScorecardSummaries(trx, assessmentId, kit);
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
        [`${trait}_calibrate`, t.status === "assessed" && t.needsCalibration ? 1 : 0],
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
  // The candidate's few assessments first, then their results by key. Given the role alone (no ANALYZE statistics),
  // SQLite walks every result of the role in the ranking's index: each submission then cost time in the role's size.
  const results = await trx
    .selectFrom("assessments as a")
    .crossJoin("assessment_results as r")
    .select("r.assessment_id")
    .whereRef("r.assessment_id", "=", "a.id")
    .where("a.candidate_id", "=", candidateId)
    .where("r.role_slug", "=", roleSlug)
    .orderBy("a.created_at", "desc")
    .orderBy("a.id", "desc")
    .execute();
  const latest = results[0];
  if (latest === undefined) return;
  await trx
    .updateTable("assessment_results")
    .set((eb) => ({ latest: eb.case().when("assessment_id", "=", latest.assessment_id).then(1).else(0).end() }))
    .where(
      "assessment_id",
      "in",
      results.map((r) => r.assessment_id),
    )
    .execute();
}
