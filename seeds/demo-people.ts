import type { Kysely, Transaction } from "kysely";
import type { Database } from "~db/schema";
import { createAssessment, recordDecision } from "../app/models/assessments.server";
import { loadScoringKit, saveScorecard, scorecardFieldsOutsideKit } from "../app/models/scorecards.server";
import type { ScoringKit } from "../app/models/scorecards.server";
import type { Decision } from "../app/domain/decisions";
import { createCandidate } from "../app/models/candidates.server";
import type { Rating, Recommendation } from "../app/domain/scoring";
import type { TraitKey } from "../app/domain/traits";
import type { ExpectationMark } from "../app/domain/expectation-marks";
import { candidateSchema } from "../app/schemas/candidate";
import { parseScorecardForm } from "../app/schemas/scorecard";
import type { DemoContext, DemoStep } from "./demo";
import { DEMO_CALIBRATION_CANDIDATES } from "./demo-calibration";
import { DEMO_KIT } from "./demo-kits";
import { addDemoSelfReport, type DemoSelfReport } from "./demo-self-reports";

/*
 * The demo's people: ten fictional candidates for MLOps Engineer and their
 * assessments with the demo kit, each one a case a new user can look at
 * (strong, partial and poor fit, a trait not assessed, a disagreement to
 * calibrate, the blind case, an assessment nobody has started, decisions,
 * self-reports that agree with the interview, disagree, or are half done);
 * then ten calibration panels of the last twelve months (seeds/demo-calibration.ts).
 *
 * Everything goes through the app's own code paths: candidateSchema and
 * createCandidate, createAssessment, the scorecard form contract
 * (parseScorecardForm) and saveScorecard, recordDecision, and the
 * questionnaire's model (seeds/demo-self-reports.ts).
 */

const RECRUITER = "recruiter@demo.traitkit.test";
const INTERVIEWER_1 = "interviewer1@demo.traitkit.test";
const INTERVIEWER_2 = "interviewer2@demo.traitkit.test";
const INTERVIEWER_3 = "interviewer3@demo.traitkit.test";

/** The demo's interviewers, as a demo assessment names them. */
export const DEMO_INTERVIEWERS = ["interviewer1", "interviewer2", "interviewer3"] as const;
export type DemoInterviewer = (typeof DEMO_INTERVIEWERS)[number];

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * One interviewer's scorecard. `ratings` gives, per trait, the ratings of the
 * kit's questions that evaluate it, in kit order (O and C: questions 2 and 3,
 * and 1, 2, 3; A and R: question 4; S: question 1; the MLOps kit asks nothing
 * on Extraversion). A trait left out is not rated.
 */
export type DemoScorecard = {
  status: "draft" | "submitted";
  ratings: Partial<Record<TraitKey, Rating[]>>;
  /** Notes by question position (1-based). */
  notes?: Record<number, string>;
  /** Indexes of the kit's strengths observed. */
  strengths?: number[];
  redFlags?: { index: number; evidence: string }[];
  recommendation?: Recommendation;
  /** The kit's skill expectations marked, by position (1-based); one left out is not asked about. */
  expectations?: Record<number, ExpectationMark>;
  /** Hours after the candidate was added. */
  atHour: number;
};

export type DemoCandidate = {
  name: string;
  email: string | null;
  /** What the candidate shows a new user; kept in the candidate's notes. */
  notes: string;
  /** Days before the load that the candidate was added. */
  daysAgo: number;
  /** null: the candidate has no assessment yet. */
  assessment: {
    /** The kit version's name: the demo kit (DEMO_KIT) unless given. */
    kit?: string;
    /** Who is on the panel: interviewers 1 and 2 unless given. */
    panel?: readonly DemoInterviewer[];
    interviewer1?: DemoScorecard;
    interviewer2?: DemoScorecard;
    interviewer3?: DemoScorecard;
    decision?: { decision: Decision; reason: string; atHour: number };
    /** The candidate's self-report questionnaire (issue 20). */
    selfReport?: DemoSelfReport;
  } | null;
};

/*
 * Scores below are worked by hand: points = (rating − 1) × 25, a trait's score
 * is the mean over interviewers of each one's mean points. MLOps bands:
 * O 65–85, C 75–95, A 55–75, S 65–85, R 55–75 (Extraversion is not in the kit).
 * The MLOps Senior kit has one skill expectation, MLflow (mandatory): Ada's
 * panel marks it met, Grace's splits (met and partly: not met by the panel's
 * rule), Alan's first interviewer marks it not met and the second did not ask.
 */
const DEMO_STORIES: readonly DemoCandidate[] = [
  {
    name: "Ada Demo-Lovelace",
    email: "ada.demo-lovelace@example.com",
    notes:
      "Demo: strong fit. Every assessed trait inside its band; decision: advance. Her self-report agrees with the interview on every trait.",
    daysAgo: 12,
    assessment: {
      // O 75, C 83.3, S 75, A 62.5, R 62.5.
      interviewer1: {
        status: "submitted",
        ratings: {
          openness: [4, 4],
          conscientiousness: [5, 4, 4],
          emotional_stability: [4],
          agreeableness: [3],
          relational_engagement: [3],
        },
        strengths: [0, 1],
        recommendation: "strong_yes",
        expectations: { 1: "met" },
        atHour: 26,
      },
      interviewer2: {
        status: "submitted",
        ratings: {
          openness: [4, 4],
          conscientiousness: [4, 5, 4],
          emotional_stability: [4],
          agreeableness: [4],
          relational_engagement: [4],
        },
        strengths: [0],
        recommendation: "yes",
        expectations: { 1: "met" },
        atHour: 28,
      },
      decision: {
        decision: "advance",
        reason: "Inside the ideal band on every assessed trait; a calm, specific incident story.",
        atHour: 50,
      },
      // Within 5 points of the interview on every trait it assessed: nothing to probe.
      selfReport: {
        language: "en",
        targets: { openness: 70, conscientiousness: 80, extraversion: 55, agreeableness: 65, emotional_stability: 72 },
        answered: 120,
        submitted: true,
        atHour: 2,
      },
    },
  },
  {
    name: "Grace Demo-Hopper",
    email: "grace.demo-hopper@example.com",
    notes:
      "Demo: partial fit. Openness, Conscientiousness and Emotional Stability below their bands. Her self-report (in Spanish, 2 items skipped) rates her Conscientiousness about 30 points above the interview: probe.",
    daysAgo: 10,
    assessment: {
      // O 50, C 54.2, S 37.5, A 75, R 62.5.
      interviewer1: {
        status: "submitted",
        ratings: {
          openness: [3, 3],
          conscientiousness: [3, 3, 4],
          emotional_stability: [3],
          agreeableness: [4],
          relational_engagement: [3],
        },
        recommendation: "yes",
        expectations: { 1: "partly" },
        atHour: 25,
      },
      interviewer2: {
        status: "submitted",
        ratings: {
          openness: [3, 3],
          conscientiousness: [3, 3, 3],
          emotional_stability: [2],
          agreeableness: [4],
          relational_engagement: [4],
        },
        recommendation: "no",
        expectations: { 1: "met" },
        atHour: 27,
      },
      // Conscientiousness about 85 against the interview's 54.2: 25 points or more apart, flagged. The last two items
      // (facets A6 and C6) are skipped: allowed (at most 10), and those two facets are not scored.
      selfReport: {
        language: "es",
        targets: { openness: 55, conscientiousness: 85, extraversion: 40, agreeableness: 70, emotional_stability: 45 },
        answered: 118,
        submitted: true,
        atHour: 3,
      },
    },
  },
  {
    name: "Alan Demo-Turing",
    email: "alan.demo-turing@example.com",
    notes: "Demo: poor fit, with a red flag and its evidence; decision: reject.",
    daysAgo: 9,
    assessment: {
      // Every assessed trait 12.5.
      interviewer1: {
        status: "submitted",
        ratings: {
          openness: [1, 1],
          conscientiousness: [1, 1, 1],
          emotional_stability: [1],
          agreeableness: [1],
          relational_engagement: [1],
        },
        recommendation: "strong_no",
        expectations: { 1: "not_met" },
        atHour: 24,
      },
      interviewer2: {
        status: "submitted",
        ratings: {
          openness: [2, 2],
          conscientiousness: [2, 2, 2],
          emotional_stability: [2],
          agreeableness: [2],
          relational_engagement: [2],
        },
        redFlags: [{ index: 0, evidence: "Said the last model he shipped had no monitoring at all, and saw no need for it." }],
        recommendation: "no",
        atHour: 26,
      },
      decision: { decision: "reject", reason: "Far below the ideal band on every trait; no monitoring practice.", atHour: 48 },
    },
  },
  {
    name: "Katherine Demo-Johnson",
    email: "katherine.demo-johnson@example.com",
    notes: "Demo: Relational Engagement not assessed — neither interviewer rated it, so it shows as not assessed, never 0.",
    daysAgo: 8,
    assessment: {
      // O 68.8, C 79.2, S 62.5, A 62.5; R not rated.
      interviewer1: {
        status: "submitted",
        ratings: { openness: [4, 4], conscientiousness: [4, 4, 5], emotional_stability: [3], agreeableness: [3] },
        recommendation: "yes",
        atHour: 25,
      },
      interviewer2: {
        status: "submitted",
        ratings: { openness: [4, 3], conscientiousness: [4, 4, 4], emotional_stability: [4], agreeableness: [4] },
        recommendation: "yes",
        atHour: 29,
      },
    },
  },
  {
    name: "Edsger Demo-Dijkstra",
    email: "edsger.demo-dijkstra@example.com",
    notes: "Demo: the interviewers disagree on Emotional Stability (5 against 2): flagged to calibrate; decision: hold.",
    daysAgo: 7,
    assessment: {
      // O 68.8, C 70.8, S 62.5 (spread 3), A 50, R 50.
      interviewer1: {
        status: "submitted",
        ratings: {
          openness: [4, 4],
          conscientiousness: [4, 4, 4],
          emotional_stability: [5],
          agreeableness: [3],
          relational_engagement: [3],
        },
        recommendation: "yes",
        atHour: 25,
      },
      interviewer2: {
        status: "submitted",
        ratings: {
          openness: [4, 3],
          conscientiousness: [4, 3, 4],
          emotional_stability: [2],
          agreeableness: [3],
          relational_engagement: [3],
        },
        recommendation: "no",
        atHour: 26,
      },
      decision: { decision: "hold", reason: "Calibrate Emotional Stability before deciding: the panel disagrees by 3 points.", atHour: 40 },
    },
  },
  {
    name: "Barbara Demo-Liskov",
    email: "barbara.demo-liskov@example.com",
    notes: "Demo: the blind case. Interviewer 2 has submitted with notes; interviewer 1 has not started and sees nothing of it.",
    daysAgo: 3,
    assessment: {
      interviewer2: {
        status: "submitted",
        ratings: {
          openness: [4, 4],
          conscientiousness: [4, 3, 4],
          emotional_stability: [4],
          agreeableness: [4],
          relational_engagement: [4],
        },
        notes: {
          1: "Detected the drift from a weekly accuracy report; added a drift alert afterwards.",
          2: "Clear A/B design with a shadow phase; mentioned guardrail metrics unprompted.",
          3: "Chose a distilled model to meet a 50 ms budget; measured the accuracy cost.",
          4: "Runs a weekly sync with data scientists; wrote a shared promotion checklist.",
        },
        strengths: [0],
        recommendation: "yes",
        atHour: 20,
      },
    },
  },
  {
    name: "Frances Demo-Allen",
    email: "frances.demo-allen@example.com",
    notes: "Demo: above the band — Agreeableness 100 lies outside 55–75 and lowers the fit too.",
    daysAgo: 6,
    assessment: {
      // O 81.3, C 83.3, S 87.5, A 100, R 75.
      interviewer1: {
        status: "submitted",
        ratings: {
          openness: [4, 5],
          conscientiousness: [5, 4, 4],
          emotional_stability: [5],
          agreeableness: [5],
          relational_engagement: [4],
        },
        recommendation: "yes",
        atHour: 25,
      },
      interviewer2: {
        status: "submitted",
        ratings: {
          openness: [4, 4],
          conscientiousness: [5, 4, 4],
          emotional_stability: [4],
          agreeableness: [5],
          relational_engagement: [4],
        },
        recommendation: "strong_yes",
        atHour: 27,
      },
    },
  },
  {
    name: "Margaret Demo-Hamilton",
    email: "margaret.demo-hamilton@example.com",
    notes:
      "Demo: interviewer 1 has a draft in progress; nothing is submitted, so there is no result yet. Her self-report is half done (60 of 120), not scored.",
    daysAgo: 2,
    assessment: {
      interviewer1: {
        status: "draft",
        ratings: { conscientiousness: [4], emotional_stability: [4] },
        notes: { 1: "Good incident story so far." },
        expectations: { 1: "partly" },
        atHour: 5,
      },
      selfReport: {
        language: "en",
        targets: { openness: 60, conscientiousness: 70, extraversion: 50, agreeableness: 60, emotional_stability: 65 },
        answered: 60,
        submitted: false,
        atHour: 2,
      },
    },
  },
  {
    name: "Donald Demo-Knuth",
    email: "donald.demo-knuth@example.com",
    notes: "Demo: assessment created, no scorecard yet.",
    daysAgo: 1,
    assessment: {},
  },
  {
    name: "Radia Demo-Perlman",
    email: null,
    notes: "Demo: no email and no assessment yet.",
    daysAgo: 0,
    assessment: null,
  },
];

/** The stories above, then the calibration panels of the last twelve months (seeds/demo-calibration.ts). */
export const DEMO_CANDIDATES: readonly DemoCandidate[] = [...DEMO_STORIES, ...DEMO_CALIBRATION_CANDIDATES];

function idOf(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`The demo ${what} ${key} is missing`);
  return id;
}

/** The scorecard as the form posts it (rating.<questionId>.<trait>, notes.<questionId>, …). */
export function scorecardFields(card: DemoScorecard, kit: ScoringKit): [string, string][] {
  const fields: [string, string][] = [["intent", card.status === "submitted" ? "submit" : "save"]];
  for (const [trait, ratings] of Object.entries(card.ratings)) {
    const questions = kit.questions.filter((q) => q.traits.some((t) => t === trait));
    if (ratings.length > questions.length) {
      throw new Error(`The demo kit evaluates ${trait} in ${questions.length} questions, not ${ratings.length}`);
    }
    ratings.forEach((rating, i) => {
      const question = questions[i];
      if (question) fields.push([`rating.${question.id}.${trait}`, String(rating)]);
    });
  }
  for (const [position, text] of Object.entries(card.notes ?? {})) {
    const question = kit.questions[Number(position) - 1];
    if (!question) throw new Error(`The demo kit has no question ${position}`);
    fields.push([`notes.${question.id}`, text]);
  }
  for (const index of card.strengths ?? []) fields.push([`strength.${index}`, "on"]);
  for (const flag of card.redFlags ?? []) {
    fields.push([`redFlag.${flag.index}`, "on"], [`redFlagEvidence.${flag.index}`, flag.evidence]);
  }
  if (card.recommendation) fields.push(["recommendation", card.recommendation]);
  // Only the kit's own expectations: the browser tests copy the demo's cases onto kits of roles of their own,
  // which have no skill profiles and so no expectations to mark.
  const positions = new Set(kit.expectations.map((e) => e.position));
  for (const [position, mark] of Object.entries(card.expectations ?? {})) {
    if (positions.has(Number(position))) fields.push([`expectations.${position}`, mark]);
  }
  return fields;
}

async function demoKitVersion(trx: Transaction<Database>, name: string): Promise<ScoringKit> {
  const version = await trx.selectFrom("kit_versions").select("id").where("name", "=", name).orderBy("version", "desc").executeTakeFirst();
  if (!version) throw new Error(`The demo kit "${name}" is missing: the kits step runs first`);
  const kit = await loadScoringKit(trx, version.id);
  if (!kit) throw new Error(`The demo kit version ${version.id} cannot be loaded`);
  return kit;
}

/** Hours from a demo assessment's creation to its interview: before any demo scorecard is written. */
const DEMO_INTERVIEW_AFTER_HOURS = 4;

/** An interview starts on the hour, as people book them. */
function onTheHour(at: Date): Date {
  return new Date(Math.ceil(at.getTime() / HOUR_MS) * HOUR_MS);
}

async function addPerson(
  db: Kysely<Database>,
  person: DemoCandidate,
  kits: (name: string) => Promise<ScoringKit>,
  context: DemoContext,
): Promise<void> {
  const recruiterId = idOf(context.userIds, RECRUITER, "account");
  const interviewerIds: Record<DemoInterviewer, number> = {
    interviewer1: idOf(context.userIds, INTERVIEWER_1, "account"),
    interviewer2: idOf(context.userIds, INTERVIEWER_2, "account"),
    interviewer3: idOf(context.userIds, INTERVIEWER_3, "account"),
  };
  const addedAt = new Date(new Date(context.now).getTime() - person.daysAgo * DAY_MS);
  const after = (hours: number) => new Date(addedAt.getTime() + hours * HOUR_MS);
  // A candidate is for the role of their assessment's kit.
  const kit = person.assessment ? await kits(person.assessment.kit ?? DEMO_KIT.name) : null;

  const input = candidateSchema.parse({
    name: person.name,
    email: person.email ?? "",
    roleSlug: kit?.roleSlug ?? DEMO_KIT.role,
    source: "demo",
    notes: person.notes,
  });
  const candidate = await createCandidate(db, input, recruiterId, addedAt);
  if (!candidate.ok) throw new Error(`The demo candidate ${person.name} was refused (${candidate.field})`);
  if (!person.assessment || !kit) return;
  const panel = person.assessment.panel ?? ["interviewer1", "interviewer2"];
  const offPanel = DEMO_INTERVIEWERS.filter((who) => person.assessment?.[who] !== undefined && !panel.includes(who));
  if (offPanel.length > 0)
    throw new Error(`The demo scorecards of ${person.name} name interviewers not on the panel: ${offPanel.join(", ")}`);

  const assessment = await createAssessment(
    db,
    {
      candidateId: candidate.id,
      kitVersionId: kit.kitVersionId,
      interviewerIds: panel.map((who) => interviewerIds[who]),
      actorId: recruiterId,
      // The panel meets the candidate in Madrid the next morning; scorecards are due a day later (the default).
      schedule: { at: onTheHour(after(DEMO_INTERVIEW_AFTER_HOURS)), timeZone: "Europe/Madrid", dueAt: null },
      mail: null,
    },
    after(1),
  );
  if (!assessment.ok) throw new Error(`The demo assessment of ${person.name} was refused: ${JSON.stringify(assessment.errors)}`);

  // Before the scorecards, as it happens: the candidate answers in the hours after the link is sent.
  const selfReport = person.assessment.selfReport;
  if (selfReport) await addDemoSelfReport(db, { assessmentId: assessment.id, recruiterId, selfReport, after });

  for (const who of panel) {
    const card = person.assessment[who];
    if (!card) continue;
    const parsed = parseScorecardForm(scorecardFields(card, kit));
    if (!parsed.ok) throw new Error(`The demo scorecard of ${person.name} (${who}) is not valid: ${JSON.stringify(parsed.errors)}`);
    const outside = scorecardFieldsOutsideKit(parsed.data, kit);
    if (Object.keys(outside).length > 0)
      throw new Error(`The demo scorecard of ${person.name} (${who}) does not fit the kit: ${JSON.stringify(outside)}`);
    const saved = await saveScorecard(
      db,
      { assessmentId: assessment.id, interviewerId: interviewerIds[who], input: parsed.data, kit, mail: null },
      after(card.atHour),
    );
    if (saved.status !== "saved") throw new Error(`The demo scorecard of ${person.name} (${who}) was not saved`);
  }

  const decision = person.assessment.decision;
  if (decision) {
    await recordDecision(
      db,
      { assessmentId: assessment.id, decision: decision.decision, reason: decision.reason, actorId: recruiterId },
      after(decision.atHour),
    );
  }
}

export const demoPeopleStep: DemoStep = {
  name: "demo candidates and assessments",
  run: async (trx, context) => {
    const loaded = new Map<string, ScoringKit>();
    const kits = async (name: string): Promise<ScoringKit> => {
      const kit = loaded.get(name) ?? (await demoKitVersion(trx, name));
      loaded.set(name, kit);
      return kit;
    };
    // The app's model functions run in the loading transaction: the demo is all or nothing.
    for (const person of DEMO_CANDIDATES) await addPerson(trx, person, kits, context);
  },
};
