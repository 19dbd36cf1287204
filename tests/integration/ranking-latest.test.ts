import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraitkitDb } from "~db/connection";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { migrateToLatest } from "~db/migrator";
import { createAssessment } from "../../app/models/assessments.server";
import { reopenScorecard, saveScorecard } from "../../app/models/scorecards.server";
import type { ScoringKit } from "../../app/models/scorecards.server";
import { createCandidate } from "../../app/models/candidates.server";
import { wholeRanking } from "./support/whole-ranking";
import { demoScoringKit } from "./support/demo-kit";
import { candidateSchema } from "../../app/schemas/candidate";
import { parseScorecardForm } from "../../app/schemas/scorecard";
import { loadDemoData } from "../../seeds/demo";

/*
 * assessment_results.latest marks the one result per candidate and role that
 * the ranking shows: their latest assessment of the role that has a result.
 */

let database: TestDatabase | undefined;
let db: TraitkitDb;
let kit: ScoringKit;
let recruiterId: number;
let interviewerId: number;
const DAY = 24 * 60 * 60 * 1000;
const start = new Date("2026-10-01T09:00:00.000Z");
const on = (days: number) => new Date(start.getTime() + days * DAY);

async function userId(email: string): Promise<number> {
  return (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

async function assess(candidateId: number, days: number): Promise<number> {
  const created = await createAssessment(
    db,
    { candidateId, kitVersionId: kit.kitVersionId, interviewerIds: [interviewerId], actorId: recruiterId, schedule: null, mail: null },
    on(days),
  );
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.id;
}

/** Submits a scorecard rating every trait of the kit `rating`. */
async function submit(assessmentId: number, rating: number, days: number): Promise<void> {
  const fields: [string, string][] = [
    ["intent", "submit"],
    ["recommendation", "yes"],
  ];
  for (const question of kit.questions)
    for (const trait of question.traits) fields.push([`rating.${question.id}.${trait}`, String(rating)]);
  const parsed = parseScorecardForm(fields);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const saved = await saveScorecard(db, { assessmentId, interviewerId, input: parsed.data, kit, mail: null }, on(days));
  expect(saved.status).toBe("saved");
}

/** The flag as its definition gives it, computed the slow way over every stored result. */
async function expectedLatest(): Promise<Map<number, number>> {
  const rows = await sql<{ assessment_id: number; latest: number }>`
    select r.assessment_id,
      case when exists (
        select 1 from assessments later join assessment_results lr on lr.assessment_id = later.id
        where later.candidate_id = a.candidate_id and lr.role_slug = r.role_slug
          and (later.created_at > a.created_at or (later.created_at = a.created_at and later.id > a.id))
      ) then 0 else 1 end as latest
    from assessment_results r join assessments a on a.id = r.assessment_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.assessment_id, r.latest]));
}

async function storedLatest(): Promise<Map<number, number>> {
  const rows = await db.selectFrom("assessment_results").select(["assessment_id", "latest"]).execute();
  return new Map(rows.map((r) => [r.assessment_id, r.latest]));
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ db } = database);
  await migrateToLatest(db);
  await loadDemoData(db, start);
  kit = await demoScoringKit(db);
  recruiterId = await userId("recruiter@demo.traitkit.test");
  interviewerId = await userId("interviewer1@demo.traitkit.test");
});

afterAll(async () => {
  await database?.drop();
});

describe("the ranking's latest result per candidate", () => {
  it("follows the latest assessment with a result, whatever order the results come in", async () => {
    const candidate = await createCandidate(
      db,
      candidateSchema.parse({ name: "Grace Twice-Assessed", email: "", roleSlug: kit.roleSlug, source: "", notes: "" }),
      recruiterId,
      on(0),
    );
    if (!candidate.ok) throw new Error("candidate refused");
    const first = await assess(candidate.id, 1);
    const second = await assess(candidate.id, 2);

    const shown = async () =>
      (await wholeRanking(db, kit.roleSlug, { decision: "any", minCoverage: 0, complete: false })).filter(
        (r) => r.candidateId === candidate.id,
      );

    // The later assessment is scored first: it is the one shown.
    await submit(second, 5, 3);
    expect((await shown()).map((r) => r.assessmentId)).toEqual([second]);
    // The earlier one gets its result afterwards: the later one stays.
    await submit(first, 2, 4);
    expect((await shown()).map((r) => r.assessmentId)).toEqual([second]);
    // A new assessment takes over once it has a result, not before.
    const third = await assess(candidate.id, 5);
    expect((await shown()).map((r) => r.assessmentId)).toEqual([second]);
    await submit(third, 4, 6);
    expect((await shown()).map((r) => r.assessmentId)).toEqual([third]);

    expect(await storedLatest()).toEqual(await expectedLatest());
    const flags = await storedLatest();
    expect([flags.get(first), flags.get(second), flags.get(third)]).toEqual([0, 0, 1]);
  });

  it("leaves out an assessment whose only submitted scorecard is reopened, and shows the candidate's earlier result again", async () => {
    const candidate = await createCandidate(
      db,
      candidateSchema.parse({ name: "Ada Reopened", email: "", roleSlug: kit.roleSlug, source: "", notes: "" }),
      recruiterId,
      on(0),
    );
    if (!candidate.ok) throw new Error("candidate refused");
    const shown = async () =>
      (await wholeRanking(db, kit.roleSlug, { decision: "any", minCoverage: 0, complete: false })).filter(
        (r) => r.candidateId === candidate.id,
      );
    const reopen = async (assessmentId: number, days: number) => {
      const card = await db.selectFrom("scorecards").select("id").where("assessment_id", "=", assessmentId).executeTakeFirstOrThrow();
      expect(await reopenScorecard(db, { assessmentId, scorecardId: card.id, actorId: recruiterId, kit }, on(days))).toBe(true);
    };

    const only = await assess(candidate.id, 1);
    await submit(only, 4, 2);
    expect((await shown()).map((r) => r.assessmentId)).toEqual([only]);
    // "An assessment without a submitted scorecard is not ranked yet."
    await reopen(only, 3);
    expect(await shown()).toEqual([]);
    expect(await db.selectFrom("assessment_results").select("assessment_id").where("assessment_id", "=", only).execute()).toEqual([]);

    // With an earlier result for the role, that one is the candidate's row again; submitting again brings the later back.
    await submit(only, 2, 4);
    const later = await assess(candidate.id, 5);
    await submit(later, 5, 6);
    expect((await shown()).map((r) => r.assessmentId)).toEqual([later]);
    await reopen(later, 7);
    expect((await shown()).map((r) => r.assessmentId)).toEqual([only]);
    await submit(later, 5, 8);
    expect((await shown()).map((r) => r.assessmentId)).toEqual([later]);
    expect(await storedLatest()).toEqual(await expectedLatest());
  });
});
