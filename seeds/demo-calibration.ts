import { RATINGS, type Rating, type Recommendation } from "../app/domain/scoring";
import { TRAIT_KEYS, traitRecord, type TraitKey } from "../app/domain/traits";
import type { ExpectationMark } from "../app/domain/expectation-marks";
import { mulberry32, pick } from "../app/utils/seeded-random";
import { DEMO_PANEL_KIT } from "./demo-kits";
import type { DemoCandidate, DemoInterviewer, DemoScorecard } from "./demo-people";

/*
 * The demo's calibration panels (issue 21): ten candidates for LLM Engineer
 * interviewed over the last twelve months with the kit the recruiter wrote for
 * the role, which asks about every trait (Extraversion too, which the MLOps
 * kit does not), so the calibration page has a reliability figure for each of
 * the six traits. Interviewer 3 (Iker) rates about a point above the
 * rest of the panel: the lenient interviewer the page shows. Four panels have
 * three interviewers, so an outlier can be named on a trait flagged to calibrate.
 *
 * The ratings are drawn with a fixed seed around each candidate's level on
 * each trait, so every load is the same; tests/integration/demo-data.test.ts
 * pins the figures they give.
 */

/** How many of the panel kit's questions evaluate each trait (seeds/demo-kits.ts, DEMO_PANEL_KIT). */
const QUESTIONS_PER_TRAIT: Record<TraitKey, number> = traitRecord(
  (trait) => DEMO_PANEL_KIT.custom.filter((question) => trait in question.anchors).length,
);

/** Each interviewer's habit: how far above the candidate's level they rate, and how often they leave a question's last rating of a trait out. */
const HABITS: Record<DemoInterviewer, { bias: number; skip: number }> = {
  interviewer1: { bias: 0, skip: 0.02 },
  interviewer2: { bias: 0, skip: 0.06 },
  interviewer3: { bias: 1, skip: 0.1 },
};

/** How far one rating strays from the candidate's level (uniform, ± half of it). */
const NOISE = 1.2;

const PANELS: readonly { name: string; email: string | null; daysAgo: number; panel: readonly DemoInterviewer[] }[] = [
  {
    name: "Hedy Demo-Lamarr",
    email: "hedy.demo-lamarr@example.com",
    daysAgo: 320,
    panel: ["interviewer1", "interviewer2", "interviewer3"],
  },
  { name: "John Demo-Backus", email: "john.demo-backus@example.com", daysAgo: 290, panel: ["interviewer1", "interviewer3"] },
  { name: "Jean Demo-Sammet", email: "jean.demo-sammet@example.com", daysAgo: 255, panel: ["interviewer2", "interviewer3"] },
  { name: "Tim Demo-Berners-Lee", email: "tim.demo-berners-lee@example.com", daysAgo: 220, panel: ["interviewer1", "interviewer2"] },
  {
    name: "Sophie Demo-Wilson",
    email: "sophie.demo-wilson@example.com",
    daysAgo: 190,
    panel: ["interviewer1", "interviewer2", "interviewer3"],
  },
  { name: "Dennis Demo-Ritchie", email: "dennis.demo-ritchie@example.com", daysAgo: 150, panel: ["interviewer2", "interviewer3"] },
  { name: "Karen Demo-Sparck-Jones", email: null, daysAgo: 120, panel: ["interviewer1", "interviewer2", "interviewer3"] },
  { name: "Ken Demo-Thompson", email: "ken.demo-thompson@example.com", daysAgo: 85, panel: ["interviewer1", "interviewer3"] },
  { name: "Shafi Demo-Goldwasser", email: "shafi.demo-goldwasser@example.com", daysAgo: 55, panel: ["interviewer1", "interviewer2"] },
  {
    name: "Leslie Demo-Lamport",
    email: "leslie.demo-lamport@example.com",
    daysAgo: 30,
    panel: ["interviewer1", "interviewer2", "interviewer3"],
  },
];

const NOTES = [
  "Walked through a rollback step by step, with the metric that triggered it.",
  "Vague on monitoring: could not name an alert they own.",
  "Clear on the latency and accuracy trade-off; measured both.",
  "Good questions about how the team releases models.",
  "Led the incident review and kept the other teams in it.",
];

/**
 * How an interviewer marks the LLM Mid kit's two skill expectations (ML
 * Deployment, MLflow) from their own mean rating, so no draw of the
 * seeded sequence changes: the panels' numbers stay those the tests know.
 */
function expectationMarkFor(mean: number): ExpectationMark {
  if (mean >= 3.5) return "met";
  if (mean >= 2.5) return "partly";
  return "not_met";
}

/** A rating around `level`: the interviewer's bias and some noise, kept on the scale. */
function ratingAround(random: () => number, level: number, bias: number): Rating {
  const value = Math.round(level + bias + (random() - 0.5) * NOISE);
  return RATINGS[Math.min(RATINGS.length, Math.max(1, value)) - 1] ?? 3;
}

/** What a mean rating recommends: the interviewer's own reading. */
function recommendationFor(mean: number): Recommendation {
  if (mean >= 4.3) return "strong_yes";
  if (mean >= 3.3) return "yes";
  if (mean >= 2.3) return "no";
  return "strong_no";
}

function scorecard(random: () => number, levels: Record<TraitKey, number>, who: DemoInterviewer, atHour: number): DemoScorecard {
  const habit = HABITS[who];
  const ratings: Partial<Record<TraitKey, Rating[]>> = {};
  for (const trait of TRAIT_KEYS) {
    const values = Array.from({ length: QUESTIONS_PER_TRAIT[trait] }, () => ratingAround(random, levels[trait], habit.bias));
    // A question's rating left out now and then (the form allows it): the kit's last question of the trait.
    ratings[trait] = random() < habit.skip ? values.slice(0, -1) : values;
  }
  const all = Object.values(ratings).flat();
  const mean = all.reduce((sum, r) => sum + r, 0) / all.length;
  const notes: Record<number, string> = {};
  if (random() < 0.5) notes[1 + Math.floor(random() * DEMO_PANEL_KIT.custom.length)] = pick(random, NOTES);
  return {
    status: "submitted",
    ratings,
    notes,
    recommendation: recommendationFor(mean),
    // Iker (interviewer 3) does not ask about MLflow: the panel reads it from the others.
    expectations: who === "interviewer3" ? { 1: expectationMarkFor(mean) } : { 1: expectationMarkFor(mean), 2: expectationMarkFor(mean) },
    atHour,
  };
}

function calibrationCandidates(seed: number): DemoCandidate[] {
  const random = mulberry32(seed);
  return PANELS.map((person) => {
    // The candidate's level on each trait, which every interviewer reads with their own bias and noise.
    const base = 1.8 + random() * 2.2;
    const levels = traitRecord(() => base + (random() - 0.5) * 1.4);
    const cards: Partial<Record<DemoInterviewer, DemoScorecard>> = {};
    let lastHour = 0;
    for (const who of person.panel) {
      // Submitted from the interview's evening to four days later.
      const atHour = 10 + Math.floor(random() * 96);
      lastHour = Math.max(lastHour, atHour);
      cards[who] = scorecard(random, levels, who, atHour);
    }
    const ratings = Object.values(cards).flatMap((card) => Object.values(card.ratings).flat());
    const mean = ratings.reduce((sum, r) => sum + r, 0) / ratings.length;
    const decision = mean >= 3.6 ? "advance" : mean < 2.8 ? "reject" : "hold";
    const lenient = person.panel.includes("interviewer3");
    return {
      name: person.name,
      email: person.email,
      notes: `Demo: a calibration panel of ${person.panel.length} with the recruiter's own LLM Engineer kit (it asks about Extraversion too).${
        lenient ? " Iker Interviewer rates about a point above the rest of the panel." : ""
      }`,
      daysAgo: person.daysAgo,
      assessment: {
        kit: DEMO_PANEL_KIT.name,
        panel: person.panel,
        ...cards,
        decision: {
          decision,
          reason: {
            advance: "Strong panel on most traits.",
            hold: "Mixed readings: a second conversation first.",
            reject: "Below the band on several traits.",
          }[decision],
          atHour: lastHour + 24,
        },
      },
    };
  });
}

/** The panels, the same at every load. */
export const DEMO_CALIBRATION_CANDIDATES: readonly DemoCandidate[] = calibrationCandidates(89);
