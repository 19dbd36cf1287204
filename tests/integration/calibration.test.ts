import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraitkitDb } from "~db/connection";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { migrateToLatest } from "~db/migrator";
import { scorecardIdOf } from "./support/panel";
import { periodInstants, type CalibrationPeriod } from "../../app/domain/calibration";
import { RATINGS, type Rating, type Recommendation } from "../../app/domain/scoring";
import { TRAIT_KEYS, type TraitKey } from "../../app/domain/traits";
import { createAssessment } from "../../app/models/assessments.server";
import { calibrationPage, teamReliability, type CalibrationScope } from "../../app/models/calibration.server";
import { eraseCandidate, exportCandidate } from "../../app/models/privacy.server";
import { loadScoringKit, reopenScorecard, saveScorecard, type ScoringKit } from "../../app/models/scorecards.server";
import { createUser } from "../../app/models/users.server";
import type { ScorecardInput } from "../../app/schemas/scorecard";
import { loadDemoData } from "../../seeds/demo";
import { DEMO_KIT, DEMO_PANEL_KIT } from "../../seeds/demo-kits";

/*
 * Issue 21, interviewer calibration, on a real database file: a hand-built
 * data set whose figures are worked out by hand below, the summaries
 * (scorecard_summaries) following each scorecard's life, the scope's bounds,
 * and every summary recomputed from the candidate export.
 *
 * The demo is loaded for its kits and accounts; its scorecards are dated in
 * the last twelve months, so the hand-built ones live in 2024 (and the
 * life-cycle ones in 2023), where nothing else is.
 */

let database: TestDatabase | undefined;
let db: TraitkitDb;
let mlops: ScoringKit;
let llm: ScoringKit;
let recruiter = 0;
const who = { ana: 0, bo: 0, cy: 0 };

const YEAR_2024: CalibrationPeriod = { from: "2024-01-01", to: "2024-12-31" };
const scope = (period: CalibrationPeriod, roleSlug: string | null = null): CalibrationScope => ({ ...periodInstants(period), roleSlug });

async function kitNamed(name: string): Promise<ScoringKit> {
  const version = await db.selectFrom("kit_versions").select("id").where("name", "=", name).executeTakeFirstOrThrow();
  const kit = await loadScoringKit(db, version.id);
  if (!kit) throw new Error(`No kit ${name}`);
  return kit;
}

/** A candidate and their assessment on `kit`, the panel put on it at `assignedAt`. */
async function assessment(
  label: string,
  kit: ScoringKit,
  panel: number[],
  assignedAt: string,
): Promise<{ id: number; candidateId: number }> {
  const candidate = await db
    .insertInto("candidates")
    .values({
      name: `Calibration ${label}`,
      email: null,
      role_id: null,
      source: "test",
      notes: null,
      created_by: recruiter,
      created_at: assignedAt,
      updated_at: assignedAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const created = await createAssessment(
    db,
    { candidateId: candidate.id, kitVersionId: kit.kitVersionId, interviewerIds: panel, actorId: recruiter, schedule: null, mail: null },
    new Date(assignedAt),
  );
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return { id: created.id, candidateId: candidate.id };
}

/** Every cell of the kit rated `rating`, but those `skip` leaves out. */
function uniform(
  kit: ScoringKit,
  rating: Rating,
  recommendation: Recommendation,
  skip: (questionIndex: number, trait: TraitKey) => boolean = () => false,
): ScorecardInput {
  return {
    intent: "submit",
    ratings: kit.questions.flatMap((q, i) => q.traits.filter((t) => !skip(i, t)).map((trait) => ({ questionId: q.id, trait, rating }))),
    notes: [],
    strengths: [],
    redFlags: [],
    recommendation,
  };
}

async function submit(assessmentId: number, interviewerId: number, kit: ScoringKit, input: ScorecardInput, at: string): Promise<void> {
  const saved = await saveScorecard(db, { assessmentId, interviewerId, input, kit, mail: null }, new Date(at));
  expect(saved.status).toBe("saved");
}

const cells = (kit: ScoringKit) => kit.questions.reduce((total, q) => total + q.traits.length, 0);

beforeAll(async () => {
  database = await createTestDatabase();
  ({ db } = database);
  await migrateToLatest(db);
  await loadDemoData(db, new Date());
  mlops = await kitNamed(DEMO_KIT.name);
  llm = await kitNamed(DEMO_PANEL_KIT.name);
  recruiter = (await db.selectFrom("users").select("id").where("role", "=", "recruiter").executeTakeFirstOrThrow()).id;
  const at = new Date("2023-01-01T00:00:00.000Z");
  for (const [key, name] of [
    ["ana", "Ana Calibration"],
    ["bo", "Bo Calibration"],
    ["cy", "Cy Calibration"],
  ] as const) {
    who[key] = await createUser(db, { email: `${key}@calibration.test`, name, role: "interviewer", passwordHash: "x" }, at);
  }

  /*
   * The hand-built data set. Each card rates every cell of its kit with one
   * value (so its mean, and its mean of each trait, is that value), but Bo on
   * X2, who leaves question 4 (Agreeableness, Relational Engagement) out.
   * Both kits have 8 question×trait cells.
   *
   * X1, MLOps, assigned 2024-03-01 00:00: Ana 4 (submitted 03-02 00:00, 1 day),
   *     Bo 2 (03-04 00:00, 3 days), Cy 2 (03-02 12:00, 1.5 days).
   * X2, MLOps, assigned 2024-05-10 09:00: Ana 5 (+2 days), Bo 4 on 6 cells (+5 days).
   * X3, LLM Engineer, assigned 2024-08-20 09:00: Bo 3 (+4 days), Cy 4 (+12 hours).
   * X4, MLOps, assigned 2024-10-01 09:00: Ana 3 (+1 day); Cy's card stays a draft.
   */
  const x1 = await assessment("X1", mlops, [who.ana, who.bo, who.cy], "2024-03-01T00:00:00.000Z");
  await submit(x1.id, who.ana, mlops, uniform(mlops, 4, "yes"), "2024-03-02T00:00:00.000Z");
  await submit(x1.id, who.bo, mlops, uniform(mlops, 2, "no"), "2024-03-04T00:00:00.000Z");
  await submit(x1.id, who.cy, mlops, uniform(mlops, 2, "strong_no"), "2024-03-02T12:00:00.000Z");
  const x2 = await assessment("X2", mlops, [who.ana, who.bo], "2024-05-10T09:00:00.000Z");
  await submit(x2.id, who.ana, mlops, uniform(mlops, 5, "strong_yes"), "2024-05-12T09:00:00.000Z");
  await submit(
    x2.id,
    who.bo,
    mlops,
    uniform(mlops, 4, "yes", (i) => i === 3),
    "2024-05-15T09:00:00.000Z",
  );
  const x3 = await assessment("X3", llm, [who.bo, who.cy], "2024-08-20T09:00:00.000Z");
  await submit(x3.id, who.bo, llm, uniform(llm, 3, "no"), "2024-08-24T09:00:00.000Z");
  await submit(x3.id, who.cy, llm, uniform(llm, 4, "yes"), "2024-08-20T21:00:00.000Z");
  const x4 = await assessment("X4", mlops, [who.ana, who.cy], "2024-10-01T09:00:00.000Z");
  await submit(x4.id, who.ana, mlops, uniform(mlops, 3, "no"), "2024-10-02T09:00:00.000Z");
  const draft = await saveScorecard(
    db,
    { assessmentId: x4.id, interviewerId: who.cy, input: { ...uniform(mlops, 5, "yes"), intent: "save" }, kit: mlops, mail: null },
    new Date("2024-10-02T10:00:00.000Z"),
  );
  expect(draft.status).toBe("saved");
});

afterAll(async () => {
  await database?.drop();
});

describe("the calibration of a hand-built period", () => {
  it("uses kits of 8 cells, as the figures below assume", () => {
    expect([cells(mlops), cells(llm)]).toEqual([8, 8]);
  });

  it("gives each interviewer's adherence, leniency with its n, outliers, distributions and median days", async () => {
    const page = await calibrationPage(db, scope(YEAR_2024), null);
    expect(page.assessments).toBe(4);
    const row = (id: number) => page.rows.find((r) => r.interviewerId === id);
    // By name: Ana, Bo, Cy.
    expect(page.rows.map((r) => r.interviewerId)).toEqual([who.ana, who.bo, who.cy]);

    // Ana: X1, X2, X4. Adherence (8 + 8 + 8) / 24 = 1. Leniency: X1 4 − mean(2, 2) = +2, X2 5 − 4 = +1; X4 has her card
    // alone (Cy's is a draft) and does not count: mean 1.5, n 2. On X1 every trait (5 in the MLOps kit) spreads 4 − 2 = 2,
    // flagged; she is 2 from the others' mean, Bo and Cy 1 each: the outlier on 5. Days 1, 2, 1: median 1.
    expect(row(who.ana)).toMatchObject({
      name: "Ana Calibration",
      scorecards: 3,
      adherence: 1,
      leniency: { mean: 1.5, n: 2 },
      outlierCount: 5,
      medianDaysToSubmit: 1,
      ratingDistribution: { 1: 0, 2: 0, 3: 8, 4: 8, 5: 8 },
      recommendationDistribution: { strong_no: 0, no: 1, yes: 1, strong_yes: 1 },
    });
    // Bo: X1, X2, X3. Adherence (8 + 6 + 8) / 24 = 22/24. Leniency: X1 2 − mean(4, 2) = −1, X2 4 − 5 = −1, X3 3 − 4 = −1:
    // mean −1, n 3. Never the farthest. Days 3, 5, 4: median 4.
    expect(row(who.bo)).toMatchObject({
      scorecards: 3,
      leniency: { mean: -1, n: 3 },
      outlierCount: 0,
      medianDaysToSubmit: 4,
      ratingDistribution: { 1: 0, 2: 8, 3: 8, 4: 6, 5: 0 },
      recommendationDistribution: { strong_no: 0, no: 2, yes: 1, strong_yes: 0 },
    });
    expect(row(who.bo)?.adherence).toBeCloseTo(22 / 24, 12);
    // Cy: X1, X3 (X4's draft does not count). Adherence 16 / 16. Leniency: X1 2 − mean(4, 2) = −1, X3 4 − 3 = +1: mean 0,
    // n 2. Days 1.5 and 0.5: median 1.
    expect(row(who.cy)).toMatchObject({
      scorecards: 2,
      adherence: 1,
      leniency: { mean: 0, n: 2 },
      outlierCount: 0,
      medianDaysToSubmit: 1,
      ratingDistribution: { 1: 0, 2: 8, 3: 0, 4: 8, 5: 0 },
      recommendationDistribution: { strong_no: 1, no: 0, yes: 1, strong_yes: 0 },
    });

    // The team: 8 scorecards, 62 of 64 cells, the 5 outliers, no leniency of its own.
    expect(page.team).toMatchObject({ scorecards: 8, leniency: null, outlierCount: 5 });
    expect(page.team.adherence).toBeCloseTo(62 / 64, 12);
    // Reliability needs 5 assessments with 2 ratings of the trait or more: Openness has 3 (X1, X2, X3), Agreeableness 2
    // (Bo left it out on X2), Extraversion 1 (only the LLM kit asks it).
    expect(page.reliability.openness).toEqual({ status: "not_enough_data", assessments: 3 });
    expect(page.reliability.agreeableness).toEqual({ status: "not_enough_data", assessments: 2 });
    expect(page.reliability.extraversion).toEqual({ status: "not_enough_data", assessments: 1 });
    expect(await teamReliability(db, ["agreeableness", "openness"], scope(YEAR_2024))).toEqual({
      agreeableness: page.reliability.agreeableness,
      openness: page.reliability.openness,
    });
  });

  it("gives an interviewer their own row only, with the leniency the whole team's call gives them", async () => {
    const full = await calibrationPage(db, scope(YEAR_2024), null);
    for (const id of [who.ana, who.bo, who.cy]) {
      const own = await calibrationPage(db, scope(YEAR_2024), id);
      expect(own.rows.map((r) => r.interviewerId)).toEqual([id]);
      expect(own.rows[0]).toEqual(full.rows.find((r) => r.interviewerId === id));
      expect(own.team).toEqual(full.team);
    }
    // Someone with no scorecard in the period: no row.
    expect((await calibrationPage(db, scope(YEAR_2024), recruiter)).rows).toEqual([]);
  });

  it("reads one role's scorecards when a role is chosen", async () => {
    // LLM Engineer: X3 alone. Bo 3 − 4 = −1, Cy 4 − 3 = +1, each n 1.
    const llmPage = await calibrationPage(db, scope(YEAR_2024, DEMO_PANEL_KIT.role), null);
    expect(llmPage.assessments).toBe(1);
    expect(llmPage.rows.map((r) => [r.interviewerId, r.scorecards, r.leniency])).toEqual([
      [who.bo, 1, { mean: -1, n: 1 }],
      [who.cy, 1, { mean: 1, n: 1 }],
    ]);
    // MLOps: X1, X2, X4. Bo −1 on X1 and X2 (n 2); Cy −1 on X1 (n 1).
    const mlopsPage = await calibrationPage(db, scope(YEAR_2024, DEMO_KIT.role), null);
    expect(mlopsPage.assessments).toBe(3);
    expect(mlopsPage.rows.map((r) => [r.interviewerId, r.scorecards, r.leniency])).toEqual([
      [who.ana, 3, { mean: 1.5, n: 2 }],
      [who.bo, 2, { mean: -1, n: 2 }],
      [who.cy, 1, { mean: -1, n: 1 }],
    ]);
    expect(mlopsPage.team.outlierCount).toBe(5);
  });

  it("counts a scorecard submitted at the period's first instant, and not one submitted at the instant after its last day", async () => {
    // 2024-03-02 to 2024-03-03: from 03-02 00:00:00.000 (Ana's X1 card, in) to 03-04 00:00:00.000 (Bo's, out); Cy's at 03-02 12:00 is in.
    const page = await calibrationPage(db, scope({ from: "2024-03-02", to: "2024-03-03" }), null);
    expect(page.rows.map((r) => r.interviewerId)).toEqual([who.ana, who.cy]);
    // Without Bo's card, X1 compares Ana's 4 with Cy's 2: +2 and −2; a two-person panel names no outlier.
    expect(page.rows.map((r) => r.leniency)).toEqual([
      { mean: 2, n: 1 },
      { mean: -2, n: 1 },
    ]);
    expect(page.team.outlierCount).toBe(0);
    // The day before and the day after: nothing of X1.
    expect((await calibrationPage(db, scope({ from: "2024-03-01", to: "2024-03-01" }), null)).rows).toEqual([]);
    const after = await calibrationPage(db, scope({ from: "2024-03-04", to: "2024-03-04" }), null);
    expect(after.rows.map((r) => [r.interviewerId, r.scorecards])).toEqual([[who.bo, 1]]);
  });
});

describe("a scorecard's summary follows its life", () => {
  type SummaryRow = Awaited<ReturnType<typeof summaryOf>>;
  const summaryOf = (scorecardId: number) =>
    db.selectFrom("scorecard_summaries").selectAll().where("scorecard_id", "=", scorecardId).executeTakeFirst();
  const scorecardId = (assessmentId: number, interviewerId: number) => scorecardIdOf(db, assessmentId, interviewerId);
  const traitTotals = (row: SummaryRow) => Object.fromEntries(TRAIT_KEYS.map((t) => [t, [row?.[`${t}_sum`], row?.[`${t}_count`]]]));

  it("is written on submit, gone on reopen, rewritten on a new submit, and erased with the candidate", async () => {
    const y = await assessment("Y", mlops, [who.ana, who.bo], "2023-06-01T09:00:00.000Z");
    // Ana: 3 on every cell but question 4's; Openness is asked by questions 2 and 3, Conscientiousness by 1, 2 and 3.
    await submit(
      y.id,
      who.ana,
      mlops,
      uniform(mlops, 3, "no", (i) => i === 3),
      "2023-06-02T09:00:00.000Z",
    );
    const card = await scorecardId(y.id, who.ana);
    const first = await summaryOf(card);
    expect(first).toMatchObject({
      assessment_id: y.id,
      interviewer_id: who.ana,
      role_slug: DEMO_KIT.role,
      submitted_at: "2023-06-02T09:00:00.000Z",
      assigned_at: "2023-06-01T09:00:00.000Z",
      recommendation: "no",
      kit_cells: 8,
      rated_cells: 6,
      ratings_1: 0,
      ratings_2: 0,
      ratings_3: 6,
      ratings_4: 0,
      ratings_5: 0,
    });
    expect(traitTotals(first)).toEqual({
      openness: [6, 2],
      conscientiousness: [9, 3],
      extraversion: [0, 0],
      agreeableness: [0, 0],
      emotional_stability: [3, 1],
      relational_engagement: [0, 0],
    });

    // Reopened: a draft again, so the summary goes with the panel's result.
    expect(
      await reopenScorecard(
        db,
        { assessmentId: y.id, scorecardId: card, actorId: recruiter, kit: mlops },
        new Date("2023-06-03T09:00:00.000Z"),
      ),
    ).toBe(true);
    expect(await summaryOf(card)).toBeUndefined();
    expect(await db.selectFrom("scorecard_summaries").select("scorecard_id").where("assessment_id", "=", y.id).execute()).toEqual([]);

    // Submitted again with other ratings: the summary is the new card's.
    await submit(y.id, who.ana, mlops, uniform(mlops, 5, "strong_yes"), "2023-06-04T09:00:00.000Z");
    const second = await summaryOf(card);
    expect(second).toMatchObject({
      submitted_at: "2023-06-04T09:00:00.000Z",
      recommendation: "strong_yes",
      rated_cells: 8,
      ratings_3: 0,
      ratings_5: 8,
    });
    expect(traitTotals(second)).toMatchObject({ openness: [10, 2], agreeableness: [5, 1], relational_engagement: [5, 1] });

    // Bo submits: his row joins, Ana's stays as it was.
    await submit(y.id, who.bo, mlops, uniform(mlops, 2, "no"), "2023-06-05T09:00:00.000Z");
    const bo = await scorecardId(y.id, who.bo);
    expect((await summaryOf(bo))?.ratings_2).toBe(8);
    expect(await summaryOf(card)).toEqual(second);

    // Erased: no summary of the candidate's scorecards is left.
    expect(await eraseCandidate(db, y.candidateId, recruiter, new Date("2023-07-01T00:00:00.000Z"))).toBe(true);
    expect(await db.selectFrom("scorecard_summaries").select("scorecard_id").where("scorecard_id", "in", [card, bo]).execute()).toEqual([]);
  });

  it("is never read stale from the figures kept between requests: a submission, a reopening, an erasure or another server's write shows at once", async () => {
    const june = scope({ from: "2022-06-01", to: "2022-06-30" });
    const scorecardsIn = async () => (await calibrationPage(db, june, null)).team.scorecards;
    expect(await scorecardsIn()).toBe(0);
    const z = await assessment("Z", mlops, [who.ana, who.bo], "2022-06-01T09:00:00.000Z");
    await submit(z.id, who.ana, mlops, uniform(mlops, 3, "yes"), "2022-06-02T09:00:00.000Z");
    expect(await scorecardsIn()).toBe(1);
    await submit(z.id, who.bo, mlops, uniform(mlops, 4, "yes"), "2022-06-03T09:00:00.000Z");
    expect(await scorecardsIn()).toBe(2);
    expect(
      await reopenScorecard(
        db,
        { assessmentId: z.id, scorecardId: await scorecardId(z.id, who.bo), actorId: recruiter, kit: mlops },
        new Date("2022-06-04T09:00:00.000Z"),
      ),
    ).toBe(true);
    expect(await scorecardsIn()).toBe(1);
    // Another app server sharing the database changes a summary: the counter its triggers move tells this one.
    await db
      .updateTable("scorecard_summaries")
      .set({ submitted_at: "2022-07-15T00:00:00.000Z" })
      .where("assessment_id", "=", z.id)
      .execute();
    expect(await scorecardsIn()).toBe(0);
    await db
      .updateTable("scorecard_summaries")
      .set({ submitted_at: "2022-06-02T09:00:00.000Z" })
      .where("assessment_id", "=", z.id)
      .execute();
    expect(await scorecardsIn()).toBe(1);
    expect(await eraseCandidate(db, z.candidateId, recruiter, new Date("2022-07-01T00:00:00.000Z"))).toBe(true);
    expect(await scorecardsIn()).toBe(0);
  });
});

describe("recomputable from the candidate export", () => {
  it("gives, for every candidate, each submitted scorecard's stored summary from the export's ratings, times and panel", async () => {
    const candidates = await db.selectFrom("candidates").select("id").orderBy("id").execute();
    let checked = 0;
    for (const { id } of candidates) {
      const file = await exportCandidate(db, id);
      if (!file) throw new Error(`No export of candidate ${id}`);
      for (const a of file.assessments) {
        const kitCells = a.questions.reduce((total, q) => total + q.traits.length, 0);
        const submitted = a.scorecards.filter((s) => s.status === "submitted");
        const recomputed = submitted.map((s) => ({
          scorecardId: s.id,
          interviewer: s.interviewer,
          roleSlug: a.role,
          submittedAt: s.submittedAt,
          assignedAt: a.interviewers.find((i) => i.interviewer === s.interviewer)?.addedAt ?? null,
          recommendation: s.recommendation,
          kitCells,
          ratedCells: s.ratings.length,
          ratingCounts: Object.fromEntries(RATINGS.map((r) => [String(r), s.ratings.filter((x) => x.rating === r).length])),
          traits: Object.fromEntries(
            TRAIT_KEYS.map((t) => {
              const own = s.ratings.filter((x) => x.trait === t);
              return [t, { sum: own.reduce((total, x) => total + x.rating, 0), count: own.length }];
            }),
          ),
        }));
        expect(a.storedScorecardSummaries, `assessment ${a.id}`).toEqual(recomputed);
        checked += recomputed.length;
      }
    }
    // The demo's 37 submitted scorecards and the hand-built 8 (the erased candidate's are gone with them).
    expect(checked).toBe(37 + 8);
  });
});
