import crypto from "node:crypto";
import type { ExpressionBuilder, Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";
import { inTransaction } from "~db/transaction";
import {
  ANSWER_VALUES,
  canSubmitSelfReport,
  isQuestionnaireLanguage,
  scoreSelfReport,
  SELF_REPORT_INSTRUMENT,
  SELF_REPORT_ITEM_COUNT,
  type AnswerValue,
  type DomainScore,
  type QuestionnaireLanguage,
  type QuestionnaireStatus,
  uiLanguageOfQuestionnaire,
} from "~/domain/self-report";
import { recordAudit } from "~/models/audit.server";
import { candidateMailFacts } from "~/models/candidate-mail.server";
import { questionnaireLinkMessage } from "~/models/mail-messages.server";
import { enqueueMessage } from "~/models/outbox.server";
import { selfReportItems } from "~/models/questionnaire-items.server";
import { hashToken } from "~/models/sessions.server";

/*
 * The candidate's self-report questionnaire (issue 20): the recruiter's link,
 * the candidate's consent, answers saved page by page, the submission that
 * freezes them, and what the assessment page reads. Token rules as the
 * report's: 32 random bytes, only the hash stored, expiry, revocation; an
 * unknown, revoked or expired token all answer `undefined` alike.
 */

type Executor = Kysely<Database> | Transaction<Database>;

function liveLinkAt(now: Date) {
  const at = now.toISOString();
  return (eb: ExpressionBuilder<Database, "questionnaire_links">) =>
    eb.and([
      eb("questionnaire_links.revoked_at", "is", null),
      eb.or([eb("questionnaire_links.expires_at", "is", null), eb("questionnaire_links.expires_at", ">", at)]),
    ]);
}

function isAnswerValue(value: number): value is AnswerValue {
  return ANSWER_VALUES.some((v) => v === value);
}

export type QuestionnaireView = {
  status: QuestionnaireStatus;
  /** The live link's expiry (null: none, or no live link) and when it was last opened. */
  link: { expiresAt: string | null; lastOpenedAt: string | null } | null;
  includeInReport: boolean;
  /** Answers by item id; empty before consent. */
  answers: ReadonlyMap<string, AnswerValue>;
  /** Scored on the items' keys; null until submitted (a half-done questionnaire is never scored). */
  scores: DomainScore[] | null;
};

async function answersOf(db: Executor, assessmentId: number): Promise<Map<string, AnswerValue>> {
  const rows = await db
    .selectFrom("questionnaire_answers")
    .select(["item_id", "value"])
    .where("assessment_id", "=", assessmentId)
    .execute();
  const answers = new Map<string, AnswerValue>();
  for (const row of rows) if (isAnswerValue(row.value)) answers.set(row.item_id, row.value);
  return answers;
}

/** What the assessment page shows of the questionnaire: its status, live link, answers and (once submitted) scores. */
export async function questionnaireForAssessment(db: Executor, assessmentId: number, now: Date): Promise<QuestionnaireView> {
  const questionnaire = await db.selectFrom("questionnaires").selectAll().where("assessment_id", "=", assessmentId).executeTakeFirst();
  if (!questionnaire || !isQuestionnaireLanguage(questionnaire.language)) {
    return { status: { state: "none" }, link: null, includeInReport: false, answers: new Map(), scores: null };
  }
  const language = questionnaire.language;
  const live = await db
    .selectFrom("questionnaire_links")
    .select(["expires_at", "last_opened_at"])
    .where("assessment_id", "=", assessmentId)
    .where(liveLinkAt(now))
    .orderBy("id", "desc")
    .executeTakeFirst();
  const answers = await answersOf(db, assessmentId);
  const status: QuestionnaireStatus =
    questionnaire.completed_at !== null
      ? { state: "completed", language, answered: answers.size, completedAt: questionnaire.completed_at }
      : !live
        ? { state: "revoked", language }
        : questionnaire.consented_at !== null
          ? { state: "started", language, answered: answers.size }
          : { state: "sent", language };
  return {
    status,
    link: live ? { expiresAt: live.expires_at, lastOpenedAt: live.last_opened_at } : null,
    includeInReport: questionnaire.include_in_report === 1,
    answers,
    scores: questionnaire.completed_at !== null ? scoreSelfReport(selfReportItems(), answers) : null,
  };
}

export type SendOutcome = { ok: true; token: string; linkId: number } | { ok: false; reason: "completed" };

/**
 * Makes the assessment's questionnaire link: the questionnaire itself the
 * first time, a new link after (the earlier live ones are revoked: one link
 * works at a time). The token is returned once and never stored. Refused once
 * the questionnaire is submitted. One transaction, audited; with `mailTo`, the
 * link's message to the candidate is written to the outbox in it too.
 */
export async function sendQuestionnaire(
  db: Kysely<Database>,
  args: {
    assessmentId: number;
    language: QuestionnaireLanguage;
    expiresAt: Date | null;
    actorId: number;
    /** E-mail the link to the candidate (in the link's language when the app has it, else English); null: the recruiter shares it. */
    mailTo?: { email: string; appUrl: string } | null;
  },
  now: Date,
): Promise<SendOutcome> {
  const token = crypto.randomBytes(32).toString("base64url");
  return inTransaction(db, async (trx): Promise<SendOutcome> => {
    const existing = await trx
      .selectFrom("questionnaires")
      .select(["completed_at"])
      .where("assessment_id", "=", args.assessmentId)
      .executeTakeFirst();
    if (existing?.completed_at) return { ok: false, reason: "completed" };
    if (existing) {
      await trx.updateTable("questionnaires").set({ language: args.language }).where("assessment_id", "=", args.assessmentId).execute();
    } else {
      await trx
        .insertInto("questionnaires")
        .values({
          assessment_id: args.assessmentId,
          instrument: SELF_REPORT_INSTRUMENT,
          language: args.language,
          created_by: args.actorId,
          created_at: now.toISOString(),
        })
        .execute();
    }
    const revoked = await trx
      .updateTable("questionnaire_links")
      .set({ revoked_at: now.toISOString() })
      .where("assessment_id", "=", args.assessmentId)
      .where(liveLinkAt(now))
      .executeTakeFirst();
    const { id } = await trx
      .insertInto("questionnaire_links")
      .values({
        assessment_id: args.assessmentId,
        token_hash: hashToken(token),
        language: args.language,
        created_by: args.actorId,
        created_at: now.toISOString(),
        expires_at: args.expiresAt ? args.expiresAt.toISOString() : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actorUserId: args.actorId,
        action: "questionnaire.send",
        entityType: "questionnaire",
        entityId: id,
        details: {
          assessment: args.assessmentId,
          language: args.language,
          expires: args.expiresAt !== null,
          replaced: Number(revoked.numUpdatedRows),
        },
      },
      now,
    );
    if (args.mailTo) {
      const about = await candidateMailFacts(trx, args.assessmentId, args.actorId);
      await enqueueMessage(
        trx,
        questionnaireLinkMessage({
          appUrl: args.mailTo.appUrl,
          assessmentId: args.assessmentId,
          candidate: { email: args.mailTo.email, name: about.candidateName },
          roleName: about.roleName,
          questionnaireUrl: `${args.mailTo.appUrl}/q/${token}`,
          expiresAt: args.expiresAt?.toISOString() ?? null,
          recruiter: about.recruiter,
          language: uiLanguageOfQuestionnaire(args.language),
        }),
        now,
      );
    }
    return { ok: true, token, linkId: id };
  });
}

/** Revokes the assessment's live questionnaire link; the answers stay. False when there was none. Audited. */
export async function revokeQuestionnaireLink(
  db: Kysely<Database>,
  args: { assessmentId: number; actorId: number },
  now: Date,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const live = await trx
      .selectFrom("questionnaire_links")
      .select("id")
      .where("assessment_id", "=", args.assessmentId)
      .where(liveLinkAt(now))
      .execute();
    if (live.length === 0) return false;
    for (const link of live) {
      await trx.updateTable("questionnaire_links").set({ revoked_at: now.toISOString() }).where("id", "=", link.id).execute();
      await recordAudit(
        trx,
        {
          actorUserId: args.actorId,
          action: "questionnaire.revoke",
          entityType: "questionnaire",
          entityId: link.id,
          details: { assessment: args.assessmentId },
        },
        now,
      );
    }
    return true;
  });
}

/** Whether the candidate's report shows their self-report (the recruiter's choice when publishing). */
export async function setQuestionnaireInReport(db: Executor, assessmentId: number, include: boolean): Promise<void> {
  await db
    .updateTable("questionnaires")
    .set({ include_in_report: include ? 1 : 0 })
    .where("assessment_id", "=", assessmentId)
    .execute();
}

/** The questionnaire a live link opens, as the candidate's pages need it. */
export type OpenQuestionnaire = {
  assessmentId: number;
  linkId: number;
  /** The link's language; the candidate may read in another. */
  language: QuestionnaireLanguage;
  consentedAt: string | null;
  completedAt: string | null;
  expiresAt: string | null;
  answers: ReadonlyMap<string, AnswerValue>;
};

/** Opens a questionnaire link; undefined for a token unknown, revoked or expired, alike. Records when it was last opened. */
export async function openQuestionnaire(db: Kysely<Database>, token: string, now: Date): Promise<OpenQuestionnaire | undefined> {
  const row = await db
    .selectFrom("questionnaire_links")
    .innerJoin("questionnaires", "questionnaires.assessment_id", "questionnaire_links.assessment_id")
    .select([
      "questionnaire_links.id as linkId",
      "questionnaire_links.assessment_id as assessmentId",
      "questionnaire_links.language",
      "questionnaire_links.expires_at as expiresAt",
      "questionnaires.consented_at as consentedAt",
      "questionnaires.completed_at as completedAt",
    ])
    .where("questionnaire_links.token_hash", "=", hashToken(token))
    .where(liveLinkAt(now))
    .executeTakeFirst();
  if (!row || !isQuestionnaireLanguage(row.language)) return undefined;
  await db.updateTable("questionnaire_links").set({ last_opened_at: now.toISOString() }).where("id", "=", row.linkId).execute();
  return { ...row, language: row.language, answers: row.consentedAt ? await answersOf(db, row.assessmentId) : new Map() };
}

/** The candidate consents: from now on their answers are kept. Idempotent; the first consent is audited (ids only). */
export async function consentToQuestionnaire(db: Kysely<Database>, token: string, now: Date): Promise<"consented" | "gone"> {
  return inTransaction(db, async (trx) => {
    const link = await liveLink(trx, token, now);
    if (!link) return "gone";
    const updated = await trx
      .updateTable("questionnaires")
      .set({ consented_at: now.toISOString() })
      .where("assessment_id", "=", link.assessmentId)
      .where("consented_at", "is", null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0) {
      await recordAudit(
        trx,
        {
          actorUserId: null,
          action: "questionnaire.start",
          entityType: "questionnaire",
          entityId: link.id,
          details: { assessment: link.assessmentId },
        },
        now,
      );
    }
    return "consented";
  });
}

async function liveLink(db: Executor, token: string, now: Date) {
  return db
    .selectFrom("questionnaire_links")
    .innerJoin("questionnaires", "questionnaires.assessment_id", "questionnaire_links.assessment_id")
    .select([
      "questionnaire_links.id",
      "questionnaire_links.assessment_id as assessmentId",
      "questionnaires.consented_at as consentedAt",
      "questionnaires.completed_at as completedAt",
    ])
    .where("questionnaire_links.token_hash", "=", hashToken(token))
    .where(liveLinkAt(now))
    .executeTakeFirst();
}

export type SaveOutcome = "saved" | "gone" | "not_consented" | "completed" | "unknown_item";

/**
 * Saves a page of answers (item id → value); an answer given again replaces
 * the earlier one. Refused whole, nothing written, when the link is gone, the
 * candidate has not consented, the questionnaire is already submitted (a stale
 * page), or an id is not one of the items.
 */
export async function saveQuestionnaireAnswers(
  db: Kysely<Database>,
  token: string,
  answers: readonly { itemId: string; value: AnswerValue }[],
  now: Date,
): Promise<SaveOutcome> {
  const known = new Set(selfReportItems().map((item) => item.id));
  if (answers.some((a) => !known.has(a.itemId))) return "unknown_item";
  return inTransaction(db, async (trx): Promise<SaveOutcome> => {
    const link = await liveLink(trx, token, now);
    if (!link) return "gone";
    if (link.completedAt) return "completed";
    if (!link.consentedAt) return "not_consented";
    for (const answer of answers) {
      await trx
        .insertInto("questionnaire_answers")
        .values({ assessment_id: link.assessmentId, item_id: answer.itemId, value: answer.value, answered_at: now.toISOString() })
        .onConflict((oc) => oc.columns(["assessment_id", "item_id"]).doUpdateSet({ value: answer.value, answered_at: now.toISOString() }))
        .execute();
    }
    return "saved";
  });
}

export type SubmitOutcome =
  | { status: "submitted" }
  | { status: "already" }
  | { status: "gone" }
  | { status: "not_consented" }
  | { status: "too_many_skipped"; skipped: number };

/** Submits the answers: they can no longer change. Needs every item answered or at most 10 skipped. Audited. */
export async function submitQuestionnaire(db: Kysely<Database>, token: string, now: Date): Promise<SubmitOutcome> {
  return inTransaction(db, async (trx): Promise<SubmitOutcome> => {
    const link = await liveLink(trx, token, now);
    if (!link) return { status: "gone" };
    if (link.completedAt) return { status: "already" };
    if (!link.consentedAt) return { status: "not_consented" };
    const answers = await answersOf(trx, link.assessmentId);
    const verdict = canSubmitSelfReport(SELF_REPORT_ITEM_COUNT, answers.size);
    if (!verdict.ok) return { status: "too_many_skipped", skipped: verdict.skipped };
    await trx
      .updateTable("questionnaires")
      .set({ completed_at: now.toISOString() })
      .where("assessment_id", "=", link.assessmentId)
      .where("completed_at", "is", null)
      .execute();
    await recordAudit(
      trx,
      {
        actorUserId: null,
        action: "questionnaire.complete",
        entityType: "questionnaire",
        entityId: link.id,
        details: { assessment: link.assessmentId, answered: answers.size },
      },
      now,
    );
    return { status: "submitted" };
  });
}
