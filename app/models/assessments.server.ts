import type { UserRole } from "~/domain/accounts";
import { expressionBuilder, sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import { isDecision, type Decision } from "~/domain/decisions";
import { assessmentStatus, type AssessmentStatus } from "~/domain/assessment-status";
import type { Level } from "~/domain/levels";
import type { TraitKey } from "~/domain/traits";
import type { ExpectationMark } from "~/domain/expectation-marks";
import type { Database, ScorecardsTable } from "~db/schema";
import { inTransaction } from "~db/transaction";
import { recordAudit } from "~/models/audit.server";
import type { SessionUser } from "~/models/sessions.server";
import { scorecardDueAt } from "~/domain/scorecard-due";
import { isUiLanguage, type UiLanguage } from "~/utils/i18n";
import { assignedMessage } from "~/models/mail-messages.server";
import { enqueueMessage } from "~/models/outbox.server";
import { scorecardDueHours } from "~/models/settings.server";

/*
 * Assessments: who may open one, creating one with its panel, the panel's
 * members (a removed interviewer's draft kept aside), the decisions taken, and
 * the lists. Scorecards are in scorecards.server.ts, the panel's figures in
 * panel-results.server.ts.
 */

// ---------- Access ----------

export type AssessmentAccess = { id: number; candidateId: number; kitVersionId: number; assigned: boolean };

/**
 * The assessment as this user may see it: a recruiter sees every one, an
 * interviewer only those assigned to them ("denied" otherwise); undefined when there
 * is no such assessment. Routes answer both refusals with the same 404.
 */
export async function findAssessmentFor(
  db: Kysely<Database>,
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

// ---------- Creating and running an assessment ----------

/** Kit versions a new assessment can use: the latest version of each kit not archived. */
export type KitVersionChoice = { kitVersionId: number; name: string; version: number; roleName: string; roleSlug: string; level: Level };

/** The latest version of each kit not archived, with what tells two kits of one name apart: role and level. */
export async function kitVersionChoices(db: Kysely<Database>): Promise<KitVersionChoice[]> {
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
export async function kitVersionArchived(db: Kysely<Database>, kitVersionId: number): Promise<boolean> {
  const row = await db
    .selectFrom("kit_versions")
    .innerJoin("kits", "kits.id", "kit_versions.kit_id")
    .select("kits.archived_at")
    .where("kit_versions.id", "=", kitVersionId)
    .executeTakeFirst();
  return row !== undefined && row.archived_at !== null;
}

/** Accounts that can score: active interviewers and recruiters. */
export async function interviewerChoices(db: Kysely<Database>): Promise<{ id: number; name: string; role: UserRole }[]> {
  return db.selectFrom("users").select(["id", "name", "role"]).where("deactivated_at", "is", null).orderBy("name").execute();
}

export type CreateAssessmentResult = { ok: true; id: number } | { ok: false; errors: Record<string, string> };

export async function createAssessment(
  db: Kysely<Database>,
  args: {
    candidateId: number;
    kitVersionId: number;
    interviewerIds: number[];
    /** One interview time for the whole panel, or null (set per interviewer later). */
    schedule: InterviewSchedule | null;
    actorId: number;
    mail: MailContext;
  },
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
    const times = await scheduleColumns(trx, args.schedule);
    await trx
      .insertInto("assessment_interviewers")
      .values(ids.map((userId) => ({ assessment_id: id, user_id: userId, added_at: at, assessment_created_at: at, ...times })))
      .execute();
    await queueAssignedMessages(trx, { assessmentId: id, userIds: ids, actorId: args.actorId, mail: args.mail }, now);
    await recordAudit(
      trx,
      {
        actorUserId: args.actorId,
        action: "assessment.create",
        entityType: "assessment",
        entityId: id,
        details: {
          candidate: args.candidateId,
          kitVersion: args.kitVersionId,
          interviewers: ids.length,
          scheduled: args.schedule !== null,
        },
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
  /** The interview time (UTC ISO) and the zone it was set in; null: none yet. */
  interviewAt: string | null;
  interviewTimeZone: string | null;
  scorecardDueAt: string | null;
};

export type DecisionRecord = { decision: Decision; reason: string; decidedByName: string; decidedAt: string };

export type AssessmentOverview = {
  id: number;
  createdAt: string;
  /** The e-mail is a recruiter's to see: the page gives it to no one else. */
  candidate: { id: number; name: string; email: string | null };
  interviewers: InterviewerStatus[];
};

/** Who scores and where each scorecard stands (never its content). */
export async function getAssessmentOverview(db: Kysely<Database>, assessmentId: number): Promise<AssessmentOverview | undefined> {
  const assessment = await db
    .selectFrom("assessments")
    .innerJoin("candidates", "candidates.id", "assessments.candidate_id")
    .select([
      "assessments.id",
      "assessments.created_at",
      "candidates.id as candidate_id",
      "candidates.name as candidate_name",
      "candidates.email as candidate_email",
    ])
    .where("assessments.id", "=", assessmentId)
    .executeTakeFirst();
  if (!assessment) return undefined;
  const interviewers = await db
    .selectFrom("assessment_interviewers as ai")
    .innerJoin("users", "users.id", "ai.user_id")
    .leftJoin("scorecards", (join) =>
      join.onRef("scorecards.assessment_id", "=", "ai.assessment_id").onRef("scorecards.interviewer_id", "=", "ai.user_id"),
    )
    .select([
      "ai.user_id",
      "users.name",
      "scorecards.id as scorecard_id",
      "scorecards.status",
      "scorecards.submitted_at",
      "ai.interview_at",
      "ai.interview_time_zone",
      "ai.scorecard_due_at",
    ])
    .where("ai.assessment_id", "=", assessmentId)
    .orderBy("ai.added_at")
    .orderBy("users.name")
    .execute();
  return {
    id: assessment.id,
    createdAt: assessment.created_at,
    candidate: { id: assessment.candidate_id, name: assessment.candidate_name, email: assessment.candidate_email },
    interviewers: interviewers.map((i) => ({
      userId: i.user_id,
      name: i.name,
      status: i.status ?? "not_started",
      scorecardId: i.scorecard_id,
      submittedAt: i.submitted_at,
      interviewAt: i.interview_at,
      interviewTimeZone: i.interview_time_zone,
      scorecardDueAt: i.scorecard_due_at,
    })),
  };
}

/**
 * Decisions shown on a page of the assessment's list. Five hold the whole
 * history of nearly every assessment (an advance or hold, then the outcome)
 * and keep the page short where a candidate was decided on again and again.
 */
export const DECISIONS_PAGE_SIZE = 5;

/** One page of the decisions taken on an assessment, newest first, with how many there are in all. */
export async function listDecisions(
  db: Kysely<Database>,
  assessmentId: number,
  page: number,
): Promise<{ rows: DecisionRecord[]; total: number; pageSize: number; pageCount: number }> {
  const [rows, { total }] = await Promise.all([
    db
      .selectFrom("decisions")
      .innerJoin("users", "users.id", "decisions.decided_by")
      .select(["decisions.decision", "decisions.reason", "decisions.decided_at", "users.name"])
      .where("decisions.assessment_id", "=", assessmentId)
      .orderBy("decisions.decided_at", "desc")
      .orderBy("decisions.id", "desc")
      .limit(DECISIONS_PAGE_SIZE)
      .offset((page - 1) * DECISIONS_PAGE_SIZE)
      .execute(),
    db
      .selectFrom("decisions")
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .where("assessment_id", "=", assessmentId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.flatMap((d) =>
      isDecision(d.decision) ? [{ decision: d.decision, reason: d.reason, decidedByName: d.name, decidedAt: d.decided_at }] : [],
    ),
    total: Number(total),
    pageSize: DECISIONS_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(Number(total) / DECISIONS_PAGE_SIZE)),
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
  /** The kit's expectations marked, by position; absent in drafts parked before marks existed. */
  expectationMarks?: { position: number; mark: ExpectationMark }[];
};

/**
 * Adds an active account to the panel; false when it cannot score or is
 * already there. A draft they left when removed comes back with them.
 */
export async function addInterviewer(
  db: Kysely<Database>,
  args: { assessmentId: number; userId: number; schedule: InterviewSchedule | null; actorId: number; mail: MailContext },
  now: Date,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const times = await scheduleColumns(trx, args.schedule);
    const user = await trx
      .selectFrom("users")
      .select("id")
      .where("id", "=", args.userId)
      .where("deactivated_at", "is", null)
      .executeTakeFirst();
    if (!user) return false;
    const inserted = await trx
      .insertInto("assessment_interviewers")
      .columns(["assessment_id", "user_id", "added_at", "assessment_created_at", "interview_at", "interview_time_zone", "scorecard_due_at"])
      .expression((eb) =>
        eb
          .selectFrom("assessments")
          .select((e) => [
            "id",
            e.val(args.userId).as("user_id"),
            e.val(now.toISOString()).as("added_at"),
            "created_at",
            e.val(times.interview_at).as("interview_at"),
            e.val(times.interview_time_zone).as("interview_time_zone"),
            e.val(times.scorecard_due_at).as("scorecard_due_at"),
          ])
          .where("id", "=", args.assessmentId),
      )
      .onConflict((oc) => oc.columns(["assessment_id", "user_id"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
    const restored = await restoreParkedDraft(trx, args.assessmentId, args.userId, now);
    await queueAssignedMessages(
      trx,
      { assessmentId: args.assessmentId, userIds: [args.userId], actorId: args.actorId, mail: args.mail },
      now,
    );
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

async function draftContent(
  trx: Kysely<Database>,
  scorecardId: number,
  recommendation: ParkedDraftContent["recommendation"],
): Promise<ParkedDraftContent> {
  const [ratings, notes, strengths, redFlags, marks] = await Promise.all([
    trx.selectFrom("ratings").select(["kit_question_id", "trait", "rating"]).where("scorecard_id", "=", scorecardId).execute(),
    trx.selectFrom("scorecard_notes").select(["kit_question_id", "notes"]).where("scorecard_id", "=", scorecardId).execute(),
    trx.selectFrom("observed_strengths").select("kit_strength_id").where("scorecard_id", "=", scorecardId).execute(),
    trx.selectFrom("observed_red_flags").select(["kit_red_flag_id", "evidence"]).where("scorecard_id", "=", scorecardId).execute(),
    trx
      .selectFrom("scorecard_expectation_marks")
      .select(["position", "mark"])
      .where("scorecard_id", "=", scorecardId)
      .orderBy("position")
      .execute(),
  ]);
  return {
    recommendation,
    ratings: ratings.map((r) => ({ questionId: r.kit_question_id, trait: r.trait, rating: r.rating })),
    notes: notes.map((n) => ({ questionId: n.kit_question_id, text: n.notes })),
    strengths: strengths.map((s) => s.kit_strength_id),
    redFlags: redFlags.map((f) => ({ redFlagId: f.kit_red_flag_id, evidence: f.evidence })),
    expectationMarks: marks.map((m) => ({ position: m.position, mark: m.mark })),
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
  const marks = content.expectationMarks ?? [];
  if (marks.length > 0) {
    // The marks name the kit's expectations by the assessment's kit version, which never changes.
    const { kit_version_id } = await trx
      .selectFrom("assessments")
      .select("kit_version_id")
      .where("id", "=", assessmentId)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("scorecard_expectation_marks")
      .values(marks.map((m) => ({ scorecard_id: id, kit_version_id, position: m.position, mark: m.mark })))
      .execute();
  }
  await trx.deleteFrom("parked_drafts").where("assessment_id", "=", assessmentId).where("interviewer_id", "=", interviewerId).execute();
  return true;
}

/** The candidate's name for an assessment's pages. */
export async function assessmentCandidateName(db: Kysely<Database>, assessmentId: number): Promise<string | undefined> {
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
  status: AssessmentStatus;
  /** The latest decision, when one is recorded. */
  decision: Decision | null;
  /** The panel members who have not submitted, soonest due first (the recruiter's list only; empty for an interviewer). */
  waitingFor: WaitingInterviewer[];
};

export type WaitingInterviewer = { userId: number; name: string; dueAt: string | null };

/** The recruiter's filters of the list; an interviewer's list ignores them (it is their own assessments). */
export type AssessmentListFilters = {
  status: "all" | AssessmentStatus;
  /** A role's slug: assessments whose kit is for that role. */
  role: string | null;
  /** A user's id: assessments with them on the panel. */
  interviewer: number | null;
  /** Only assessments with an unsubmitted scorecard past its due time. */
  overdue: boolean;
};

export const NO_LIST_FILTERS: AssessmentListFilters = { status: "all", role: null, interviewer: null, overdue: false };

export const ASSESSMENT_PAGE_SIZE = 50;

/**
 * The list's filters as conditions on the assessment id `id` (a column of the
 * query that walks the list): each is an index lookup for that one assessment
 * (the panel by its key, its scorecards by (assessment, interviewer), its
 * decisions by assessment), so a filtered page still walks the list's index in
 * order and stops once the page is full.
 */
function listFilterConditions(id: Expression<number>, filters: AssessmentListFilters, now: Date): Expression<SqlBool>[] {
  const eb = expressionBuilder<Database, never>();
  // A panel member without a submitted scorecard (a scorecard is always a panel member's: submitted < assigned).
  const unsubmitted = eb
    .selectFrom("assessment_interviewers as p")
    .select("p.user_id")
    .where("p.assessment_id", "=", id)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("scorecards as s")
            .select("s.id")
            .whereRef("s.assessment_id", "=", "p.assessment_id")
            .whereRef("s.interviewer_id", "=", "p.user_id")
            .where("s.status", "=", "submitted"),
        ),
      ),
    );
  const decided = eb.exists(eb.selectFrom("decisions as d").select("d.id").where("d.assessment_id", "=", id));
  const conditions: Expression<SqlBool>[] = [];
  if (filters.status === "decided") conditions.push(decided);
  if (filters.status === "waiting") conditions.push(eb.not(decided), eb.exists(unsubmitted));
  if (filters.status === "ready") conditions.push(eb.not(decided), eb.not(eb.exists(unsubmitted)));
  if (filters.overdue) conditions.push(eb.exists(unsubmitted.where("p.scorecard_due_at", "<", now.toISOString())));
  if (filters.role !== null) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom("assessments as ra")
          .innerJoin("kit_versions as rkv", "rkv.id", "ra.kit_version_id")
          .select("ra.id")
          .where("ra.id", "=", id)
          .where("rkv.role_slug", "=", filters.role),
      ),
    );
  }
  return conditions;
}

/**
 * An interviewer's assigned assessments, or every assessment for a recruiter
 * (narrowed by `filters`); newest first.
 */
export async function listAssessmentsFor(
  db: Kysely<Database>,
  user: SessionUser,
  page: number,
  filters: AssessmentListFilters = NO_LIST_FILTERS,
  now: Date = new Date(),
): Promise<{ rows: AssessmentListItem[]; hasMore: boolean }> {
  // The page's ids first (one more, to know whether a next page exists), so the
  // counts and joins below run for this page's rows only. An interviewer's
  // assignments carry their assessment's date (migration 0004): both lists
  // walk an index in list order and stop after the page; so does the
  // recruiter's list filtered by an interviewer (that interviewer's assignments).
  const limit = ASSESSMENT_PAGE_SIZE + 1;
  const offset = (page - 1) * ASSESSMENT_PAGE_SIZE;
  const recruiter = user.role === "recruiter";
  const panelOf = recruiter ? filters.interviewer : user.id;
  let pageIds;
  if (panelOf === null) {
    const conditions = recruiter ? listFilterConditions(sql.ref<number>("assessments.id"), filters, now) : [];
    pageIds = db
      .selectFrom("assessments")
      .select("id")
      .$if(conditions.length > 0, (q) => q.where((eb) => eb.and(conditions)))
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .offset(offset);
  } else {
    const conditions = recruiter ? listFilterConditions(sql.ref<number>("assessment_interviewers.assessment_id"), filters, now) : [];
    pageIds = db
      .selectFrom("assessment_interviewers")
      .select("assessment_id as id")
      .where("user_id", "=", panelOf)
      .$if(conditions.length > 0, (q) => q.where((eb) => eb.and(conditions)))
      .orderBy("assessment_created_at", "desc")
      .orderBy("assessment_id", "desc")
      .limit(limit)
      .offset(offset);
  }
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
      eb
        .selectFrom("decisions")
        .select("decisions.decision")
        .whereRef("decisions.assessment_id", "=", "assessments.id")
        .orderBy("decisions.decided_at", "desc")
        .orderBy("decisions.id", "desc")
        .limit(1)
        .as("decision"),
    ])
    .orderBy("assessments.created_at", "desc")
    .orderBy("assessments.id", "desc");
  const found = await query.execute();
  const rows = found.slice(0, ASSESSMENT_PAGE_SIZE);
  const waiting = recruiter
    ? await waitingInterviewers(
        db,
        rows.map((r) => r.id),
      )
    : new Map<number, WaitingInterviewer[]>();
  return {
    hasMore: found.length > ASSESSMENT_PAGE_SIZE,
    rows: rows.map((r) => {
      const submitted = Number(r.submitted ?? 0);
      const interviewers = Number(r.interviewers ?? 0);
      const decision = r.decision !== null && isDecision(r.decision) ? r.decision : null;
      return {
        id: r.id,
        candidateName: r.candidate_name,
        kitName: r.kit_name,
        kitVersion: r.version,
        roleName: r.role_name,
        createdAt: r.created_at,
        myStatus: r.assigned === null ? null : (r.my_status ?? "not_started"),
        submitted,
        interviewers,
        status: assessmentStatus({ submitted, assigned: interviewers, decided: decision !== null }),
        decision,
        waitingFor: waiting.get(r.id) ?? [],
      };
    }),
  };
}

/** For each of a page's assessments, the panel members without a submitted scorecard: soonest due first, then by name. */
async function waitingInterviewers(db: Kysely<Database>, assessmentIds: number[]): Promise<Map<number, WaitingInterviewer[]>> {
  const waiting = new Map<number, WaitingInterviewer[]>();
  if (assessmentIds.length === 0) return waiting;
  const rows = await db
    .selectFrom("assessment_interviewers as p")
    .innerJoin("users as u", "u.id", "p.user_id")
    .select(["p.assessment_id", "p.user_id", "u.name", "p.scorecard_due_at"])
    .where("p.assessment_id", "in", assessmentIds)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("scorecards as s")
            .select("s.id")
            .whereRef("s.assessment_id", "=", "p.assessment_id")
            .whereRef("s.interviewer_id", "=", "p.user_id")
            .where("s.status", "=", "submitted"),
        ),
      ),
    )
    .orderBy("p.assessment_id")
    .orderBy(sql`p.scorecard_due_at is null`)
    .orderBy("p.scorecard_due_at")
    .orderBy("u.name")
    .orderBy("p.user_id")
    .execute();
  for (const row of rows) {
    const list = waiting.get(row.assessment_id) ?? [];
    list.push({ userId: row.user_id, name: row.name, dueAt: row.scorecard_due_at });
    waiting.set(row.assessment_id, list);
  }
  return waiting;
}

/** The recruiter's filter choices: the roles of the kits assessments use, and the users on a panel; each by name. */
export async function assessmentListChoices(
  db: Kysely<Database>,
): Promise<{ roles: { slug: string; name: string }[]; interviewers: { id: number; name: string }[] }> {
  // Both read small tables (kit versions, users) and look each row up in an index of the growing one.
  const roles = await db
    .selectFrom("kit_versions as kv")
    .select((eb) => ["kv.role_slug", eb.fn.max("kv.role_name").as("role_name")])
    .where(({ exists, selectFrom }) => exists(selectFrom("assessments as a").select("a.id").whereRef("a.kit_version_id", "=", "kv.id")))
    .groupBy("kv.role_slug")
    .orderBy("role_name")
    .execute();
  const interviewers = await db
    .selectFrom("users as u")
    .select(["u.id", "u.name"])
    .where(({ exists, selectFrom }) =>
      exists(selectFrom("assessment_interviewers as ai").select("ai.assessment_id").whereRef("ai.user_id", "=", "u.id")),
    )
    .orderBy("u.name")
    .orderBy("u.id")
    .execute();
  return { roles: roles.map((r) => ({ slug: r.role_slug, name: r.role_name })), interviewers };
}

/** An assessment whose scorecard the user still owes: their interview and its due time. */
export type DueAssessment = {
  id: number;
  candidateName: string;
  kitName: string;
  kitVersion: number;
  interviewAt: string | null;
  interviewTimeZone: string | null;
  dueAt: string | null;
  myStatus: "not_started" | "draft";
};

/** At most this many rows of what a user owes lead their list; the rest are counted. */
export const DUE_LIST_SIZE = 50;

/**
 * The assessments where the user's own scorecard is not submitted: the most
 * overdue or soonest due first, those without a due time after (newest first),
 * at most DUE_LIST_SIZE, with how many there are in all. Both read the user's
 * assignments by assessment_interviewers_list_idx and look up their own
 * scorecard of each: they grow with what one user is assigned, not with the team.
 */
export async function listDueFor(db: Kysely<Database>, userId: number): Promise<{ rows: DueAssessment[]; total: number }> {
  const notSubmitted = ({ not, exists, selectFrom }: ExpressionBuilder<Database & { ai: Database["assessment_interviewers"] }, "ai">) =>
    not(
      exists(
        selectFrom("scorecards as s")
          .select("s.id")
          .whereRef("s.assessment_id", "=", "ai.assessment_id")
          .whereRef("s.interviewer_id", "=", "ai.user_id")
          .where("s.status", "=", "submitted"),
      ),
    );
  const { n } = await db
    .selectFrom("assessment_interviewers as ai")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("ai.user_id", "=", userId)
    .where(notSubmitted)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom("assessment_interviewers as ai")
    .innerJoin("assessments as a", "a.id", "ai.assessment_id")
    .innerJoin("candidates as c", "c.id", "a.candidate_id")
    .innerJoin("kit_versions as kv", "kv.id", "a.kit_version_id")
    .leftJoin("scorecards as mine", (join) =>
      join.onRef("mine.assessment_id", "=", "ai.assessment_id").onRef("mine.interviewer_id", "=", "ai.user_id"),
    )
    .select([
      "ai.assessment_id",
      "ai.interview_at",
      "ai.interview_time_zone",
      "ai.scorecard_due_at",
      "c.name as candidate_name",
      "kv.name as kit_name",
      "kv.version",
      "mine.status",
    ])
    .where("ai.user_id", "=", userId)
    .where(notSubmitted)
    .orderBy(sql`ai.scorecard_due_at is null`)
    .orderBy("ai.scorecard_due_at")
    .orderBy("ai.assessment_created_at", "desc")
    .orderBy("ai.assessment_id", "desc")
    .limit(DUE_LIST_SIZE)
    .execute();
  return {
    total: Number(n),
    rows: rows.map((r) => ({
      id: r.assessment_id,
      candidateName: r.candidate_name,
      kitName: r.kit_name,
      kitVersion: r.version,
      interviewAt: r.interview_at,
      interviewTimeZone: r.interview_time_zone,
      dueAt: r.scorecard_due_at,
      myStatus: r.status === "draft" ? "draft" : "not_started",
    })),
  };
}
// ---------- Interview times and the messages of a panel ----------

/** An interview time as the recruiter set it; the scorecard's due time is the team's default after it unless given. */
export type InterviewSchedule = { at: Date; timeZone: string; dueAt: Date | null };

/** What a change needs to write e-mail: where links point and the language for a recipient who chose none; null when e-mail is off. */
export type MailContext = { appUrl: string; language: UiLanguage } | null;

type ScheduleColumns = { interview_at: string | null; interview_time_zone: string | null; scorecard_due_at: string | null };

async function scheduleColumns(db: Kysely<Database>, schedule: InterviewSchedule | null): Promise<ScheduleColumns> {
  if (!schedule) return { interview_at: null, interview_time_zone: null, scorecard_due_at: null };
  const due = schedule.dueAt ?? scorecardDueAt(schedule.at, await scorecardDueHours(db));
  return { interview_at: schedule.at.toISOString(), interview_time_zone: schedule.timeZone, scorecard_due_at: due.toISOString() };
}

/**
 * Writes "you have been assigned" to each of `userIds`, with their interview
 * time and its calendar file, in the caller's transaction. Nothing when e-mail is off.
 */
async function queueAssignedMessages(
  db: Kysely<Database>,
  args: { assessmentId: number; userIds: number[]; actorId: number; mail: MailContext },
  now: Date,
): Promise<void> {
  const { mail } = args;
  if (!mail || args.userIds.length === 0) return;
  const about = await db
    .selectFrom("assessments as a")
    .innerJoin("candidates as c", "c.id", "a.candidate_id")
    .innerJoin("kit_versions as kv", "kv.id", "a.kit_version_id")
    .select(["c.name as candidate_name", "kv.name as kit_name"])
    .where("a.id", "=", args.assessmentId)
    .executeTakeFirstOrThrow();
  const recruiter = await db.selectFrom("users").select(["id", "name"]).where("id", "=", args.actorId).executeTakeFirstOrThrow();
  const places = await db
    .selectFrom("assessment_interviewers as ai")
    .innerJoin("users as u", "u.id", "ai.user_id")
    .select(["u.id", "u.email", "u.name", "u.language", "ai.interview_at", "ai.interview_time_zone", "ai.scorecard_due_at"])
    .where("ai.assessment_id", "=", args.assessmentId)
    .where("ai.user_id", "in", args.userIds)
    .execute();
  for (const place of places) {
    const message = assignedMessage(
      {
        appUrl: mail.appUrl,
        assessmentId: args.assessmentId,
        candidateName: about.candidate_name,
        kitName: about.kit_name,
        interviewer: {
          userId: place.id,
          email: place.email,
          name: place.name,
          language: isUiLanguage(place.language) ? place.language : mail.language,
        },
        interview: place.interview_at && place.interview_time_zone ? { at: place.interview_at, timeZone: place.interview_time_zone } : null,
        scorecardDueAt: place.scorecard_due_at,
      },
      recruiter,
    );
    await enqueueMessage(db, message, now);
  }
}

export type ScheduleOutcome = "scheduled" | "unchanged" | "notOnPanel";

/**
 * Sets (or clears, with null) one interviewer's interview time and due time.
 * A changed time is sent to them again, with a calendar file that updates
 * the same calendar entry. One transaction; audited with ids only.
 */
export async function scheduleInterview(
  db: Kysely<Database>,
  args: { assessmentId: number; userId: number; schedule: InterviewSchedule | null; actorId: number; mail: MailContext },
  now: Date,
): Promise<ScheduleOutcome> {
  return inTransaction(db, async (trx) => {
    const place = await trx
      .selectFrom("assessment_interviewers")
      .select(["interview_at", "interview_time_zone", "scorecard_due_at"])
      .where("assessment_id", "=", args.assessmentId)
      .where("user_id", "=", args.userId)
      .executeTakeFirst();
    if (!place) return "notOnPanel";
    const times = await scheduleColumns(trx, args.schedule);
    if (
      place.interview_at === times.interview_at &&
      place.interview_time_zone === times.interview_time_zone &&
      place.scorecard_due_at === times.scorecard_due_at
    ) {
      return "unchanged";
    }
    await trx
      .updateTable("assessment_interviewers")
      .set(times)
      .where("assessment_id", "=", args.assessmentId)
      .where("user_id", "=", args.userId)
      .execute();
    if (times.interview_at !== null) {
      await queueAssignedMessages(
        trx,
        { assessmentId: args.assessmentId, userIds: [args.userId], actorId: args.actorId, mail: args.mail },
        now,
      );
    }
    await recordAudit(
      trx,
      {
        actorUserId: args.actorId,
        action: "assessment.schedule",
        entityType: "assessment",
        entityId: args.assessmentId,
        details: { user: args.userId, interviewAt: times.interview_at, dueAt: times.scorecard_due_at },
      },
      now,
    );
    return "scheduled";
  });
}
