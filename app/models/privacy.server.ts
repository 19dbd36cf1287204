import type { Decision } from "~/domain/decisions";
import type { ExpectationMark } from "~/domain/expectation-marks";
import type { Level } from "~/domain/levels";
import type { UiLanguage } from "~/domain/languages";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { computePanel } from "~/models/panel-results.server";
import { loadScoringKit } from "~/models/scorecards.server";
import type { ParkedDraftContent } from "~/models/assessments.server";
import { recordAudit } from "~/models/audit.server";
import { questionnaireForAssessment } from "~/models/questionnaires.server";
import { selfReportItems } from "~/models/questionnaire-items.server";
import { selfReportTraitScores } from "~/domain/self-report";
import { traitRecord, type TraitKey } from "~/domain/traits";
import { parseLocalized, type LocalizedText } from "~/schemas/localized";

/*
 * A candidate's data (GDPR access and portability, docs/reliability.md G1) and its
 * erasure (G2). The export holds every row with a foreign-key path to the
 * candidate; the erasure deletes them in one transaction (the FK cascades do
 * it from the candidates row) and leaves an audit entry of ids and counts only.
 */

export const CANDIDATE_EXPORT_FORMAT = "traitkit.candidate/v1";

type Executor = Kysely<Database> | Transaction<Database>;

export type ExportedBand = { low: number; high: number; weight: number; statement: LocalizedText | null };

export type ExportedScorecard = {
  id: number;
  interviewer: number;
  status: "draft" | "submitted";
  recommendation: "strong_no" | "no" | "yes" | "strong_yes" | null;
  revision: number;
  updatedAt: string;
  /** null for a draft. */
  submittedAt: string | null;
  ratings: { questionId: number; trait: TraitKey; rating: number }[];
  notes: { questionId: number; text: string }[];
  observedStrengths: { strengthId: number; text: LocalizedText | null }[];
  observedRedFlags: { redFlagId: number; text: LocalizedText | null; evidence: string | null }[];
  /** The kit's skill expectations the interviewer marked (one not here was not asked about), at the kit's level. */
  expectationMarks: { position: number; skillName: string; level: Level; mandatory: boolean; mark: ExpectationMark }[];
};

export type ExportedResult = {
  /** Per trait: the panel's score (0..100, unrounded) and its number of ratings; null when not assessed. */
  traitScores: Record<TraitKey, { score: number; evidence: number } | null>;
  /** Fit (0..100, unrounded) with its coverage (0..1); null without an ideal profile or an assessed trait. */
  fit: { value: number; coverage: number } | null;
  submittedScorecards: number;
  evidence: number;
};

/** The cached aggregate the ranking reads (assessment_results), as stored. */
export type ExportedStoredResult = {
  roleSlug: string;
  fit: number | null;
  coverage: number;
  evidence: number;
  submittedScorecards: number;
  computedAt: string;
  traits: Record<TraitKey, { score: number | null; evidence: number }>;
};

/**
 * What interviewer calibration reads of one submitted scorecard
 * (scorecard_summaries, docs/product.md "Calibration"), as stored: recomputable
 * from the scorecard's ratings, its submission time and its interviewer's addedAt.
 */
export type ExportedScorecardSummary = {
  scorecardId: number;
  interviewer: number;
  roleSlug: string;
  submittedAt: string;
  /** When the interviewer was put on the panel; null when that was not kept. */
  assignedAt: string | null;
  recommendation: "strong_no" | "no" | "yes" | "strong_yes" | null;
  /** The kit version's question×trait cells, and how many of them the scorecard rated. */
  kitCells: number;
  ratedCells: number;
  /** How many of its ratings were 1, 2, … 5. */
  ratingCounts: Record<"1" | "2" | "3" | "4" | "5", number>;
  /** Per trait, the sum and the number of its ratings (0 and 0: not rated). */
  traits: Record<TraitKey, { sum: number; count: number }>;
};

export type ExportedReportLink = {
  id: number;
  status: "active" | "revoked" | "expired";
  language: UiLanguage;
  createdBy: number;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** The snapshot the link shows; null for a link published before snapshots and never opened. */
  snapshotId: number | null;
  opens: number;
  lastOpenedAt: string | null;
};

/** A published version of the candidate's report, as the candidate's page renders it. */
export type ExportedReportSnapshot = {
  id: number;
  version: number;
  language: UiLanguage;
  createdBy: number | null;
  createdAt: string;
  content: unknown;
};

export type ExportedQuestionnaireLink = {
  id: number;
  status: "active" | "revoked" | "expired";
  language: string;
  createdBy: number;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastOpenedAt: string | null;
};

/**
 * The candidate's self-report questionnaire (issue 20). Every answer kept, by
 * the item package's id with the value as the candidate chose it on the
 * agreement scale (1 very inaccurate … 5 very accurate, before any reversal):
 * with the package's item keys, every self-report figure can be recomputed.
 */
export type ExportedSelfReport = {
  /** "ipip-neo-120". */
  instrument: string;
  /** The language the recruiter chose for the link: "en", "es" or "zh-cn". */
  language: string;
  /** At the export: sent (not started), started (consented, not submitted), completed, or revoked (no live link, not submitted). */
  status: "sent" | "started" | "completed" | "revoked";
  createdBy: number;
  createdAt: string;
  /** When the candidate consented; nothing is kept before it. */
  consentedAt: string | null;
  completedAt: string | null;
  /** Whether the recruiter chose to show the self-report in the candidate's report. */
  includeInReport: boolean;
  /** In the questionnaire's order; a started questionnaire's answers so far. */
  answers: { itemId: string; value: number; answeredAt: string }[];
  /**
   * Per trait the score (0..100, unrounded) and the items of its domain
   * answered; null for a trait not scored (more than 20 % unanswered) or not
   * measured (Relational Engagement). Null as a whole until submitted: a
   * questionnaire not submitted is never scored.
   */
  traitScores: Record<TraitKey, { score: number; answered: number } | null> | null;
  links: ExportedQuestionnaireLink[];
};

export type ExportedAssessment = {
  id: number;
  /** The role's slug, as frozen in the kit version. */
  role: string;
  roleName: string;
  kit: { kitId: number; kitVersionId: number; version: number; name: string; level: string };
  createdBy: number | null;
  createdAt: string;
  /** The ideal profile frozen in the kit version, as in the role export; null when it froze none. */
  idealProfile: Record<TraitKey, ExportedBand> | null;
  questions: { id: number; position: number; text: LocalizedText | null; traits: TraitKey[] }[];
  interviewers: {
    interviewer: number;
    addedAt: string;
    interviewAt: string | null;
    interviewTimeZone: string | null;
    scorecardDueAt: string | null;
  }[];
  scorecards: ExportedScorecard[];
  /** Drafts of interviewers removed from the panel, kept to be restored if they are added back. */
  parkedDrafts: { interviewer: number; revision: number; updatedAt: string; parkedAt: string; content: ParkedDraftContent }[];
  result: ExportedResult;
  storedResult: ExportedStoredResult | null;
  /** One per submitted scorecard, by scorecard id: what the calibration page reads, as stored. */
  storedScorecardSummaries: ExportedScorecardSummary[];
  decisions: { id: number; decision: Decision; reason: string; decidedBy: number; decidedAt: string }[];
  reportLinks: ExportedReportLink[];
  reportSnapshots: ExportedReportSnapshot[];
  /** The e-mail Traitkit wrote about this assessment: what, when, whether it went; not to whom nor its body. */
  messages: { id: number; kind: string; subject: string; createdAt: string; sentAt: string | null; failedAt: string | null }[];
  /** The readings the panel agreed on in the debrief, beside the scorecards (which stay as submitted). */
  debriefReadings: { trait: TraitKey; reading: number; reason: string; recordedBy: number; recordedAt: string }[];
  /** Null when no questionnaire was sent. */
  selfReport: ExportedSelfReport | null;
};

export type ExportedAuditEntry = {
  id: number;
  at: string;
  actor: number | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: string | null;
};

export type CandidateExport = {
  format: typeof CANDIDATE_EXPORT_FORMAT;
  exportedAt: string;
  candidate: {
    id: number;
    name: string;
    email: string | null;
    roleSlug: string | null;
    source: string | null;
    notes: string | null;
    createdBy: number | null;
    createdAt: string;
    updatedAt: string;
  };
  assessments: ExportedAssessment[];
  /** Audit entries about the candidate, its assessments, scorecards, decisions, report links and questionnaire links. */
  audit: ExportedAuditEntry[];
};

function linkStatus(link: { expires_at: string | null; revoked_at: string | null }, now: Date): "active" | "revoked" | "expired" {
  if (link.revoked_at !== null) return "revoked";
  if (link.expires_at !== null && link.expires_at <= now.toISOString()) return "expired";
  return "active";
}

async function exportSelfReport(db: Executor, assessmentId: number, now: Date): Promise<ExportedSelfReport | null> {
  const questionnaire = await db.selectFrom("questionnaires").selectAll().where("assessment_id", "=", assessmentId).executeTakeFirst();
  if (!questionnaire) return null;
  const [view, answers, links] = await Promise.all([
    questionnaireForAssessment(db, assessmentId, now),
    db
      .selectFrom("questionnaire_answers")
      .select(["item_id", "value", "answered_at"])
      .where("assessment_id", "=", assessmentId)
      .orderBy("item_id")
      .execute(),
    db
      .selectFrom("questionnaire_links")
      .select(["id", "language", "created_by", "created_at", "expires_at", "revoked_at", "last_opened_at"])
      .where("assessment_id", "=", assessmentId)
      .orderBy("id")
      .execute(),
  ]);
  const order = new Map(selfReportItems().map((item, i) => [item.id, i]));
  // An id the package does not know (none should be: saving refuses them) still goes out, last.
  const place = (itemId: string) => order.get(itemId) ?? order.size;
  const scores = view.scores ? selfReportTraitScores(view.scores) : null;
  return {
    instrument: questionnaire.instrument,
    language: questionnaire.language,
    // questionnaireForAssessment says "none" only for a language it does not know: the row is there, so it was sent.
    status: view.status.state === "none" ? "sent" : view.status.state,
    createdBy: questionnaire.created_by,
    createdAt: questionnaire.created_at,
    consentedAt: questionnaire.consented_at,
    completedAt: questionnaire.completed_at,
    includeInReport: questionnaire.include_in_report === 1,
    answers: [...answers]
      .sort((a, b) => place(a.item_id) - place(b.item_id))
      .map((a) => ({ itemId: a.item_id, value: a.value, answeredAt: a.answered_at })),
    traitScores: scores
      ? traitRecord((trait) => {
          const t = scores[trait];
          return t && t.score !== null ? { score: t.score, answered: t.answered } : null;
        })
      : null,
    links: links.map((l) => ({
      id: l.id,
      status: linkStatus(l, now),
      language: l.language,
      createdBy: l.created_by,
      createdAt: l.created_at,
      expiresAt: l.expires_at,
      revokedAt: l.revoked_at,
      lastOpenedAt: l.last_opened_at,
    })),
  };
}

async function exportAssessment(
  db: Executor,
  assessment: { id: number; kit_version_id: number; created_by: number | null; created_at: string },
  now: Date,
): Promise<ExportedAssessment> {
  const kit = await loadScoringKit(db, assessment.kit_version_id);
  if (!kit) throw new Error(`Assessment ${assessment.id} has no kit version ${assessment.kit_version_id}`);
  const [bands, interviewers, cards, decisions, links, snapshots, stored, summaries, panel, messages, readings, selfReport] =
    await Promise.all([
      db
        .selectFrom("kit_version_traits")
        .select(["trait", "low", "high", "weight", "statement"])
        .where("kit_version_id", "=", assessment.kit_version_id)
        .execute(),
      db
        .selectFrom("assessment_interviewers")
        .select(["user_id", "added_at", "interview_at", "interview_time_zone", "scorecard_due_at"])
        .where("assessment_id", "=", assessment.id)
        .orderBy("added_at")
        .orderBy("user_id")
        .execute(),
      db.selectFrom("scorecards").selectAll().where("assessment_id", "=", assessment.id).orderBy("id").execute(),
      db.selectFrom("decisions").selectAll().where("assessment_id", "=", assessment.id).orderBy("decided_at").orderBy("id").execute(),
      db
        .selectFrom("report_links")
        .select(["id", "language", "created_by", "created_at", "expires_at", "revoked_at", "snapshot_id", "opens", "last_opened_at"])
        .where("assessment_id", "=", assessment.id)
        .orderBy("id")
        .execute(),
      db
        .selectFrom("report_snapshots")
        .select(["id", "version", "language", "created_by", "created_at", "content"])
        .where("assessment_id", "=", assessment.id)
        .orderBy("version")
        .orderBy("id")
        .execute(),
      db.selectFrom("assessment_results").selectAll().where("assessment_id", "=", assessment.id).executeTakeFirst(),
      db.selectFrom("scorecard_summaries").selectAll().where("assessment_id", "=", assessment.id).orderBy("scorecard_id").execute(),
      computePanel(db, assessment.id, kit),
      db
        .selectFrom("mail_outbox")
        .select(["id", "kind", "subject", "created_at", "sent_at", "failed_at"])
        .where("assessment_id", "=", assessment.id)
        .orderBy("id")
        .execute(),
      db.selectFrom("debrief_readings").selectAll().where("assessment_id", "=", assessment.id).orderBy("trait").execute(),
      exportSelfReport(db, assessment.id, now),
    ]);
  const cardIds = cards.map((c) => c.id);
  const [ratings, notes, strengths, redFlags, marks] =
    cardIds.length === 0
      ? [[], [], [], [], []]
      : await Promise.all([
          db
            .selectFrom("ratings")
            .select(["scorecard_id", "kit_question_id", "trait", "rating"])
            .where("scorecard_id", "in", cardIds)
            .orderBy("kit_question_id")
            .orderBy("trait")
            .execute(),
          db
            .selectFrom("scorecard_notes")
            .select(["scorecard_id", "kit_question_id", "notes"])
            .where("scorecard_id", "in", cardIds)
            .orderBy("kit_question_id")
            .execute(),
          db
            .selectFrom("observed_strengths")
            .innerJoin("kit_strengths", "kit_strengths.id", "observed_strengths.kit_strength_id")
            .select(["observed_strengths.scorecard_id", "observed_strengths.kit_strength_id", "kit_strengths.text"])
            .where("observed_strengths.scorecard_id", "in", cardIds)
            .orderBy("kit_strengths.position")
            .execute(),
          db
            .selectFrom("observed_red_flags")
            .innerJoin("kit_red_flags", "kit_red_flags.id", "observed_red_flags.kit_red_flag_id")
            .select([
              "observed_red_flags.scorecard_id",
              "observed_red_flags.kit_red_flag_id",
              "observed_red_flags.evidence",
              "kit_red_flags.text",
            ])
            .where("observed_red_flags.scorecard_id", "in", cardIds)
            .orderBy("kit_red_flags.position")
            .execute(),
          db
            .selectFrom("scorecard_expectation_marks")
            .select(["scorecard_id", "position", "mark"])
            .where("scorecard_id", "in", cardIds)
            .orderBy("position")
            .execute(),
        ]);

  const band = (trait: TraitKey): ExportedBand => {
    const row = bands.find((b) => b.trait === trait);
    return row
      ? { low: row.low, high: row.high, weight: row.weight, statement: parseLocalized(row.statement) }
      : { low: 0, high: 100, weight: 1, statement: null };
  };
  const fit = panel.fit;
  return {
    id: assessment.id,
    role: kit.roleSlug,
    roleName: kit.roleName,
    kit: { kitId: kit.kitId, kitVersionId: kit.kitVersionId, version: kit.version, name: kit.name, level: kit.level },
    createdBy: assessment.created_by,
    createdAt: assessment.created_at,
    idealProfile: bands.length === 0 ? null : traitRecord(band),
    questions: kit.questions.map((q) => ({ id: q.id, position: q.position, text: parseLocalized(q.text), traits: q.traits })),
    interviewers: interviewers.map((i) => ({
      interviewer: i.user_id,
      addedAt: i.added_at,
      interviewAt: i.interview_at,
      interviewTimeZone: i.interview_time_zone,
      scorecardDueAt: i.scorecard_due_at,
    })),
    parkedDrafts: (
      await db.selectFrom("parked_drafts").selectAll().where("assessment_id", "=", assessment.id).orderBy("interviewer_id").execute()
    ).map((d) => {
      // Written by removeInterviewer from this type.
      const content: ParkedDraftContent = JSON.parse(d.content);
      return { interviewer: d.interviewer_id, revision: d.revision, updatedAt: d.updated_at, parkedAt: d.parked_at, content };
    }),
    scorecards: cards.map((card) => ({
      id: card.id,
      interviewer: card.interviewer_id,
      status: card.status,
      recommendation: card.recommendation,
      revision: card.revision,
      updatedAt: card.updated_at,
      submittedAt: card.submitted_at,
      ratings: ratings
        .filter((r) => r.scorecard_id === card.id)
        .map((r) => ({ questionId: r.kit_question_id, trait: r.trait, rating: r.rating })),
      notes: notes.filter((n) => n.scorecard_id === card.id).map((n) => ({ questionId: n.kit_question_id, text: n.notes })),
      observedStrengths: strengths
        .filter((s) => s.scorecard_id === card.id)
        .map((s) => ({ strengthId: s.kit_strength_id, text: parseLocalized(s.text) })),
      observedRedFlags: redFlags
        .filter((f) => f.scorecard_id === card.id)
        .map((f) => ({ redFlagId: f.kit_red_flag_id, text: parseLocalized(f.text), evidence: f.evidence })),
      expectationMarks: marks
        .filter((m) => m.scorecard_id === card.id)
        .flatMap((m) => {
          const expectation = kit.expectations.find((e) => e.position === m.position);
          return expectation
            ? [{ position: m.position, skillName: expectation.skillName, level: kit.level, mandatory: expectation.mandatory, mark: m.mark }]
            : [];
        }),
    })),
    result: {
      traitScores: traitRecord((trait) => {
        const t = panel.traits[trait];
        return t.status === "assessed" ? { score: t.score, evidence: t.evidence } : null;
      }),
      fit: fit !== null && fit.fit !== null ? { value: fit.fit, coverage: fit.coverage } : null,
      submittedScorecards: panel.submittedCount,
      evidence: panel.evidence,
    },
    storedResult: stored
      ? {
          roleSlug: stored.role_slug,
          fit: stored.fit,
          coverage: stored.coverage,
          evidence: stored.evidence,
          submittedScorecards: stored.submitted_scorecards,
          computedAt: stored.computed_at,
          traits: traitRecord((trait) => ({ score: stored[`${trait}_score`], evidence: stored[`${trait}_evidence`] })),
        }
      : null,
    storedScorecardSummaries: summaries.map((row) => ({
      scorecardId: row.scorecard_id,
      interviewer: row.interviewer_id,
      roleSlug: row.role_slug,
      submittedAt: row.submitted_at,
      assignedAt: row.assigned_at,
      recommendation: row.recommendation,
      kitCells: row.kit_cells,
      ratedCells: row.rated_cells,
      ratingCounts: { "1": row.ratings_1, "2": row.ratings_2, "3": row.ratings_3, "4": row.ratings_4, "5": row.ratings_5 },
      traits: traitRecord((trait) => ({ sum: row[`${trait}_sum`], count: row[`${trait}_count`] })),
    })),
    decisions: decisions.map((d) => ({
      id: d.id,
      decision: d.decision,
      reason: d.reason,
      decidedBy: d.decided_by,
      decidedAt: d.decided_at,
    })),
    reportLinks: links.map((l) => ({
      id: l.id,
      status: linkStatus(l, now),
      language: l.language,
      createdBy: l.created_by,
      createdAt: l.created_at,
      expiresAt: l.expires_at,
      revokedAt: l.revoked_at,
      snapshotId: l.snapshot_id,
      opens: l.opens,
      lastOpenedAt: l.last_opened_at,
    })),
    debriefReadings: readings.map((r) => ({
      trait: r.trait,
      reading: r.reading,
      reason: r.reason,
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at,
    })),
    messages: messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      subject: m.subject,
      createdAt: m.created_at,
      sentAt: m.sent_at,
      failedAt: m.failed_at,
    })),
    reportSnapshots: snapshots.map((r) => ({
      id: r.id,
      version: r.version,
      language: r.language,
      createdBy: r.created_by,
      createdAt: r.created_at,
      content: JSON.parse(r.content) as unknown,
    })),
    selfReport,
  };
}

/** Everything stored about a candidate, or undefined when there is no such candidate. */
export async function exportCandidate(db: Executor, id: number, now: Date = new Date()): Promise<CandidateExport | undefined> {
  const candidate = await db
    .selectFrom("candidates")
    .leftJoin("roles", "roles.id", "candidates.role_id")
    .select([
      "candidates.id",
      "candidates.name",
      "candidates.email",
      "candidates.source",
      "candidates.notes",
      "candidates.created_by",
      "candidates.created_at",
      "candidates.updated_at",
      "roles.slug as role_slug",
    ])
    .where("candidates.id", "=", id)
    .executeTakeFirst();
  if (!candidate) return undefined;
  const assessmentRows = await db
    .selectFrom("assessments")
    .select(["id", "kit_version_id", "created_by", "created_at"])
    .where("candidate_id", "=", id)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const assessments: ExportedAssessment[] = [];
  for (const row of assessmentRows) assessments.push(await exportAssessment(db, row, now));

  const ids = {
    assessment: assessments.map((a) => String(a.id)),
    scorecard: assessments.flatMap((a) => a.scorecards.map((s) => String(s.id))),
    decision: assessments.flatMap((a) => a.decisions.map((d) => String(d.id))),
    report: assessments.flatMap((a) => a.reportLinks.map((l) => String(l.id))),
    // The questionnaire's audit entries name its link (sent, started, completed, revoked through that link).
    questionnaire: assessments.flatMap((a) => a.selfReport?.links.map((l) => String(l.id)) ?? []),
  };
  const audit = await db
    .selectFrom("audit_log")
    .select(["id", "at", "actor_user_id", "action", "entity_type", "entity_id", "details"])
    .where((eb) => {
      const about = [eb.and([eb("entity_type", "=", "candidate"), eb("entity_id", "=", String(id))])];
      for (const [type, list] of Object.entries(ids)) {
        if (list.length > 0) about.push(eb.and([eb("entity_type", "=", type), eb("entity_id", "in", list)]));
      }
      return eb.or(about);
    })
    .orderBy("id")
    .execute();

  return {
    format: CANDIDATE_EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    candidate: {
      id: candidate.id,
      name: candidate.name,
      email: candidate.email,
      roleSlug: candidate.role_slug,
      source: candidate.source,
      notes: candidate.notes,
      createdBy: candidate.created_by,
      createdAt: candidate.created_at,
      updatedAt: candidate.updated_at,
    },
    assessments,
    audit: audit.map((a) => ({
      id: a.id,
      at: a.at,
      actor: a.actor_user_id,
      action: a.action,
      entityType: a.entity_type,
      entityId: a.entity_id,
      details: a.details,
    })),
  };
}

async function countWhereIn(
  db: Executor,
  table:
    | "scorecards"
    | "scorecard_summaries"
    | "decisions"
    | "report_links"
    | "report_snapshots"
    | "assessment_results"
    | "questionnaires"
    | "questionnaire_answers",
  assessmentIds: number[],
): Promise<number> {
  if (assessmentIds.length === 0) return 0;
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("assessment_id", "in", assessmentIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Erases a candidate and everything that describes them in one transaction:
 * deleting the candidates row cascades to assessments, panels, scorecards,
 * ratings, notes, observations, expectation marks, decisions, report links, the report
 * snapshots (they hold the candidate's scores), cached results
 * (so the ranking forgets them at once), the scorecards' summaries (so the
 * calibration page does too) and the self-report questionnaire
 * with its links and answers. The audit log keeps a
 * "candidate.erase" entry of ids and counts only. False when there is no such candidate.
 */
export async function eraseCandidate(db: Kysely<Database>, id: number, actorId: number, now: Date): Promise<boolean> {
  return inTransaction(db, async (trx): Promise<boolean> => {
    const assessments = await trx.selectFrom("assessments").select("id").where("candidate_id", "=", id).execute();
    const assessmentIds = assessments.map((a) => a.id);
    const [scorecards, scorecardSummaries, decisions, reportLinks, reportSnapshots, results, questionnaires, questionnaireAnswers] =
      await Promise.all([
        countWhereIn(trx, "scorecards", assessmentIds),
        countWhereIn(trx, "scorecard_summaries", assessmentIds),
        countWhereIn(trx, "decisions", assessmentIds),
        countWhereIn(trx, "report_links", assessmentIds),
        countWhereIn(trx, "report_snapshots", assessmentIds),
        countWhereIn(trx, "assessment_results", assessmentIds),
        countWhereIn(trx, "questionnaires", assessmentIds),
        countWhereIn(trx, "questionnaire_answers", assessmentIds),
      ]);
    const deleted = await trx.deleteFrom("candidates").where("id", "=", id).executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) return false;
    await recordAudit(
      trx,
      {
        actorUserId: actorId,
        action: "candidate.erase",
        entityType: "candidate",
        entityId: id,
        details: {
          assessments: assessmentIds.length,
          scorecards,
          scorecardSummaries,
          decisions,
          reportLinks,
          reportSnapshots,
          results,
          questionnaires,
          questionnaireAnswers,
        },
      },
      now,
    );
    return true;
  });
}
