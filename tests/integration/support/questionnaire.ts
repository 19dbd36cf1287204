import type { TraitkitDb } from "~db/connection";
import type { QuestionnaireLanguage } from "../../../app/domain/self-report";
import { createAssessment } from "../../../app/models/assessments.server";
import { selfReportItems } from "../../../app/models/questionnaire-items.server";
import {
  consentToQuestionnaire,
  saveQuestionnaireAnswers,
  sendQuestionnaire,
  submitQuestionnaire,
} from "../../../app/models/questionnaires.server";

/** How far a candidate has taken the questionnaire: sent, consented with some answers (`answered`), or submitted whole. */
export type QuestionnaireStage = "sent" | "consented" | "submitted";

/**
 * A live questionnaire link on a new assessment of the candidate (one
 * questionnaire an assessment), taken as far as `stage` through the model's
 * own functions, every answer `value`; returns its token.
 */
export async function questionnaireAtStage(
  db: TraitkitDb,
  args: {
    candidateId: number;
    kitVersionId: number;
    interviewerId: number;
    recruiterId: number;
    language: QuestionnaireLanguage;
    stage: QuestionnaireStage;
    /** Answers given when consented but not submitted. */
    answered?: number;
    value?: 1 | 2 | 3 | 4 | 5;
  },
  now: Date,
): Promise<string> {
  const assessment = await createAssessment(
    db,
    {
      candidateId: args.candidateId,
      kitVersionId: args.kitVersionId,
      interviewerIds: [args.interviewerId],
      actorId: args.recruiterId,
      schedule: null,
      mail: null,
    },
    now,
  );
  if (!assessment.ok) throw new Error("The questionnaire's assessment was refused");
  const sent = await sendQuestionnaire(
    db,
    { assessmentId: assessment.id, language: args.language, expiresAt: null, actorId: args.recruiterId },
    now,
  );
  if (!sent.ok) throw new Error("The questionnaire was refused");
  if (args.stage === "sent") return sent.token;
  await consentToQuestionnaire(db, sent.token, now);
  const items = selfReportItems();
  const answered = args.stage === "submitted" ? items : items.slice(0, args.answered ?? 0);
  const value = args.value ?? 3;
  await saveQuestionnaireAnswers(
    db,
    sent.token,
    answered.map((item) => ({ itemId: item.id, value })),
    now,
  );
  if (args.stage === "submitted") await submitQuestionnaire(db, sent.token, now);
  return sent.token;
}
