import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import {
  consentToQuestionnaire,
  saveQuestionnaireAnswers,
  sendQuestionnaire,
  submitQuestionnaire,
} from "../app/models/questionnaires.server";
import { selfReportItems } from "../app/models/questionnaire-items.server";
import {
  DOMAIN_TRAITS,
  ITEMS_PER_PAGE,
  type AnswerValue,
  type QuestionnaireLanguage,
  type SelfReportItem,
} from "../app/domain/self-report";
import type { TraitKey } from "../app/domain/traits";

/*
 * The demo's self-report questionnaires (issue 20), written through the
 * candidate's own path: the recruiter's link (sendQuestionnaire), consent,
 * a save per page of the questionnaire and the submission. The answers are
 * not stored in the demo files: each is picked so that its facet lands near a
 * chosen score, whichever way the item is keyed, so the demo reads as a person
 * would have answered and stays the same at every load.
 */

/** The traits the questionnaire measures (Relational Engagement is not one). */
export type MeasuredTrait = Exclude<TraitKey, "relational_engagement">;

export type DemoSelfReport = {
  language: QuestionnaireLanguage;
  /** The scores the answers aim at, 0–100, Emotional Stability as the stable side. */
  targets: Record<MeasuredTrait, number>;
  /** How many items the candidate answered, in the questionnaire's order: the rest are skipped. */
  answered: number;
  submitted: boolean;
  /** Hours after the candidate was added that the recruiter sends the link; the candidate starts an hour later. */
  atHour: number;
};

/**
 * How far each facet is from its trait's target (points): people are not
 * equally high on every facet, and a flat facet table would hide whether the
 * facets are shown at all. The offsets add up to 0, so the trait stays on target.
 */
const FACET_OFFSETS = [10, -5, 5, -10, 5, -5];

/** Days a demo link lives, from when it was sent: a private link expires, as a report's does. */
const LINK_DAYS = 30;

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const clampScore = (score: number) => Math.min(100, Math.max(0, score));

/**
 * The answer to each item: the facet's target in points ((score / 25) + 1 on
 * the domain's own side, so 100 − target for N), spread over its four items as
 * evenly as whole points allow, then turned into the value that gives those
 * points (6 − points for an item keyed minus).
 */
export function demoAnswers(items: readonly SelfReportItem[], targets: Record<MeasuredTrait, number>): Map<string, AnswerValue> {
  const answers = new Map<string, AnswerValue>();
  const facets = new Map<string, SelfReportItem[]>();
  for (const item of items) {
    const key = `${item.domain}${item.facet}`;
    facets.set(key, [...(facets.get(key) ?? []), item]);
  }
  for (const facetItems of facets.values()) {
    const [first] = facetItems;
    if (!first) continue;
    const target = clampScore(targets[DOMAIN_TRAITS[first.domain]] + (FACET_OFFSETS[first.facet - 1] ?? 0));
    const ownSide = first.domain === "N" ? 100 - target : target;
    const meanPoints = ownSide / 25 + 1;
    facetItems.forEach((item, j) => {
      // Error diffusion: item j takes what brings the running total to round((j + 1) × mean), so every item is within a point of the mean.
      const points = Math.round((j + 1) * meanPoints) - Math.round(j * meanPoints);
      const value = item.keyed === "minus" ? 6 - points : points;
      if (value !== 1 && value !== 2 && value !== 3 && value !== 4 && value !== 5) {
        throw new Error(`The demo answer to ${item.id} is off the scale: ${value}`);
      }
      answers.set(item.id, value);
    });
  }
  return answers;
}

/** Sends, starts, answers page by page and (when the demo says so) submits one candidate's questionnaire. */
export async function addDemoSelfReport(
  db: Kysely<Database>,
  args: { assessmentId: number; recruiterId: number; selfReport: DemoSelfReport; after: (hours: number) => Date },
): Promise<void> {
  const { selfReport, after } = args;
  const sentAt = after(selfReport.atHour);
  const sent = await sendQuestionnaire(
    db,
    {
      assessmentId: args.assessmentId,
      language: selfReport.language,
      expiresAt: new Date(sentAt.getTime() + LINK_DAYS * DAY_MS),
      actorId: args.recruiterId,
    },
    sentAt,
  );
  // The token lives only here: the demo keeps no way into the candidate's pages, as a recruiter would not.
  if (!sent.ok) throw new Error(`The demo questionnaire of assessment ${args.assessmentId} was refused: ${sent.reason}`);
  const startedAt = after(selfReport.atHour + 1);
  if ((await consentToQuestionnaire(db, sent.token, startedAt)) !== "consented") {
    throw new Error(`The demo questionnaire of assessment ${args.assessmentId} did not start`);
  }
  const items = selfReportItems();
  const answers = demoAnswers(items, selfReport.targets);
  const answered = items.slice(0, selfReport.answered);
  let at = startedAt;
  for (let start = 0; start < answered.length; start += ITEMS_PER_PAGE) {
    // A page every two minutes, as a candidate moves on.
    at = new Date(at.getTime() + 2 * MINUTE_MS);
    const page = answered.slice(start, start + ITEMS_PER_PAGE).flatMap((item) => {
      const value = answers.get(item.id);
      return value === undefined ? [] : [{ itemId: item.id, value }];
    });
    const saved = await saveQuestionnaireAnswers(db, sent.token, page, at);
    if (saved !== "saved") throw new Error(`The demo answers of assessment ${args.assessmentId} were refused: ${saved}`);
  }
  if (!selfReport.submitted) return;
  const submitted = await submitQuestionnaire(db, sent.token, new Date(at.getTime() + 2 * MINUTE_MS));
  if (submitted.status !== "submitted") {
    throw new Error(`The demo questionnaire of assessment ${args.assessmentId} was not submitted: ${submitted.status}`);
  }
}
