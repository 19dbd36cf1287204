import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraitkitDb } from "~db/connection";
import { createTestDatabase, onPostgres, type TestDatabase } from "./support/test-database";
import { migrateToLatest } from "~db/migrator";
import { scorecardIdOf } from "./support/panel";
import { addInterviewer, createAssessment, recordDecision, removeInterviewer } from "../../app/models/assessments.server";
import { createCandidate } from "../../app/models/candidates.server";
import { eraseCandidate } from "../../app/models/privacy.server";
import { wholeRanking } from "./support/whole-ranking";
import { demoScoringKit } from "./support/demo-kit";
import { reopenScorecard, saveScorecard, type ScoringKit } from "../../app/models/scorecards.server";
import { createUser } from "../../app/models/users.server";
import { candidateSchema } from "../../app/schemas/candidate";
import { parseScorecardForm } from "../../app/schemas/scorecard";
import { loadDemoData } from "../../seeds/demo";

/*
 * What the ranking reads beside each result. assessment_results.assigned_interviewers,
 * the panel's size beside the submitted count (migration 0010), stays the real
 * number of the assessment's interviewers through every write that changes a
 * panel, whoever makes it; its `decision` (0011) stays the latest decision the
 * same way; its calibration flags are the panel's verdict. And the CSV's batches, read by keyset on the rank
 * order, list every ranked row once, in order, wherever the batches end.
 */

let database: TestDatabase | undefined;
let db: TraitkitDb;
let kit: ScoringKit;
let recruiterId: number;
let panel: number[];
const now = new Date("2026-10-01T09:00:00.000Z");

async function userId(email: string): Promise<number> {
  return (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

/** Results whose kept count is not their panel's size, counted the slow way: none, always. */
async function drifted(): Promise<{ assessment_id: number; kept: number; counted: number }[]> {
  return (
    await sql<{ assessment_id: number; kept: number; counted: number }>`
      select * from (
        select r.assessment_id, r.assigned_interviewers as kept,
          (select count(*) from assessment_interviewers ai where ai.assessment_id = r.assessment_id) as counted
        from assessment_results r
      ) as compared
      where kept <> counted`.execute(db)
  ).rows;
}

async function keptCount(assessmentId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom("assessment_results")
    .select("assigned_interviewers")
    .where("assessment_id", "=", assessmentId)
    .executeTakeFirst();
  return row?.assigned_interviewers;
}

/** Saves (or submits) the interviewer's scorecard rating every trait of the kit `rating` (none when null). */
async function score(assessmentId: number, interviewerId: number, intent: "save" | "submit", rating: number | null = 4): Promise<void> {
  const fields: [string, string][] = [
    ["intent", intent],
    ["recommendation", "yes"],
  ];
  if (rating !== null)
    for (const question of kit.questions)
      for (const trait of question.traits) fields.push([`rating.${question.id}.${trait}`, String(rating)]);
  const parsed = parseScorecardForm(fields);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  expect((await saveScorecard(db, { assessmentId, interviewerId, input: parsed.data, kit, mail: null }, now)).status).toBe("saved");
}

function scorecardId(assessmentId: number, interviewerId: number): Promise<number> {
  return scorecardIdOf(db, assessmentId, interviewerId);
}

async function newAssessment(name: string): Promise<{ candidateId: number; assessmentId: number }> {
  const candidate = await createCandidate(
    db,
    candidateSchema.parse({ name, email: "", roleSlug: kit.roleSlug, source: "", notes: "" }),
    recruiterId,
    now,
  );
  if (!candidate.ok) throw new Error("candidate refused");
  const created = await createAssessment(
    db,
    { candidateId: candidate.id, kitVersionId: kit.kitVersionId, interviewerIds: panel, actorId: recruiterId, schedule: null, mail: null },
    now,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return { candidateId: candidate.id, assessmentId: created.id };
}

/** The candidate's row in the role's whole ranking with `complete` panels only or not, if ranked. */
async function rankedRow(candidateId: number, complete: boolean) {
  const rows = await wholeRanking(db, kit.roleSlug, { decision: "any", minCoverage: 0, complete });
  return rows.find((row) => row.candidateId === candidateId);
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ db } = database);
  await migrateToLatest(db);
  await loadDemoData(db, now);
  kit = await demoScoringKit(db);
  recruiterId = await userId("recruiter@demo.traitkit.test");
  const third = await createUser(db, { email: "ivo@example.com", name: "Ivo Third", role: "interviewer", passwordHash: "x" }, now);
  panel = [await userId("interviewer1@demo.traitkit.test"), await userId("interviewer2@demo.traitkit.test"), third];
});

afterAll(async () => {
  await database?.drop();
});

describe("the panel's size kept beside the result", () => {
  it("is the real count on every demo result", async () => {
    expect(await db.selectFrom("assessment_results").select("assessment_id").execute()).not.toHaveLength(0);
    expect(await drifted()).toEqual([]);
  });

  it("follows the panel through the app's writes: submit, remove with and without a draft, add back, reopen, erase", async () => {
    const [first, second, third] = panel as [number, number, number];
    const { candidateId, assessmentId } = await newAssessment("Greta Panel-Changes");

    await score(assessmentId, first, "submit");
    expect(await keptCount(assessmentId)).toBe(3);
    expect((await rankedRow(candidateId, false))?.assigned).toBe(3);
    expect(await rankedRow(candidateId, true)).toBeUndefined();

    await score(assessmentId, second, "save");
    expect(await removeInterviewer(db, { assessmentId, userId: second, actorId: recruiterId, discardDraft: false }, now)).toBe("removed");
    expect(await db.selectFrom("parked_drafts").select("interviewer_id").where("assessment_id", "=", assessmentId).execute()).toEqual([
      { interviewer_id: second },
    ]);
    expect(await keptCount(assessmentId)).toBe(2);

    expect(await addInterviewer(db, { assessmentId, userId: second, actorId: recruiterId, schedule: null, mail: null }, now)).toBe(true);
    expect(await keptCount(assessmentId)).toBe(3);

    expect(await removeInterviewer(db, { assessmentId, userId: third, actorId: recruiterId, discardDraft: true }, now)).toBe("removed");
    expect(await keptCount(assessmentId)).toBe(2);
    expect(await rankedRow(candidateId, true)).toBeUndefined();

    await score(assessmentId, second, "submit");
    expect(await rankedRow(candidateId, true)).toMatchObject({ submitted: 2, assigned: 2 });

    // Reopening both submissions deletes the result; submitting again writes a new one, counted when inserted.
    for (const interviewer of [second, first]) {
      const id = await scorecardId(assessmentId, interviewer);
      expect(await reopenScorecard(db, { assessmentId, scorecardId: id, actorId: recruiterId, kit }, now)).toBe(true);
    }
    expect(await keptCount(assessmentId)).toBeUndefined();
    await score(assessmentId, first, "submit");
    expect(await keptCount(assessmentId)).toBe(2);
    expect(await rankedRow(candidateId, true)).toBeUndefined();
    expect(await drifted()).toEqual([]);

    expect(await eraseCandidate(db, candidateId, recruiterId, now)).toBe(true);
    expect(await keptCount(assessmentId)).toBeUndefined();
    expect(await drifted()).toEqual([]);
  });

  it("follows the panel through direct SQL, and refuses a wrong count written by hand", async () => {
    const [first, second, third] = panel as [number, number, number];
    const one = await newAssessment("Hugo Hand-Written");
    const other = await newAssessment("Iris Hand-Written");
    await score(one.assessmentId, first, "submit");
    await score(other.assessmentId, first, "submit");

    await db.deleteFrom("assessment_interviewers").where("assessment_id", "=", one.assessmentId).where("user_id", "=", third).execute();
    expect(await keptCount(one.assessmentId)).toBe(2);
    await db
      .insertInto("assessment_interviewers")
      .values({ assessment_id: one.assessmentId, user_id: third, added_at: now.toISOString(), assessment_created_at: now.toISOString() })
      .execute();
    expect(await keptCount(one.assessmentId)).toBe(3);

    // An assignment moved to another assessment recounts both panels (both created at `now`: 0004's date copy stays right).
    await db.deleteFrom("assessment_interviewers").where("assessment_id", "=", other.assessmentId).where("user_id", "=", second).execute();
    expect(await keptCount(other.assessmentId)).toBe(2);
    await db
      .updateTable("assessment_interviewers")
      .set({ assessment_id: other.assessmentId })
      .where("assessment_id", "=", one.assessmentId)
      .where("user_id", "=", second)
      .execute();
    expect([await keptCount(one.assessmentId), await keptCount(other.assessmentId)]).toEqual([2, 3]);
    expect(await drifted()).toEqual([]);

    await expect(
      db.updateTable("assessment_results").set({ assigned_interviewers: 9 }).where("assessment_id", "=", one.assessmentId).execute(),
    ).rejects.toThrow(/assigned_interviewers must be the number of the assessment's interviewers/);

    // A result written by hand with a wrong count is counted anew.
    const kept = await db
      .selectFrom("assessment_results")
      .selectAll()
      .where("assessment_id", "=", other.assessmentId)
      .executeTakeFirstOrThrow();
    await db.deleteFrom("assessment_results").where("assessment_id", "=", other.assessmentId).execute();
    await db
      .insertInto("assessment_results")
      .values({ ...kept, assigned_interviewers: 9 })
      .execute();
    expect(await keptCount(other.assessmentId)).not.toBe(9);
    expect(await drifted()).toEqual([]);

    // Deleting an assessment takes its assignments and result with it (foreign keys cascade).
    await db.deleteFrom("assessments").where("id", "=", one.assessmentId).execute();
    expect(await keptCount(one.assessmentId)).toBeUndefined();
    expect(await drifted()).toEqual([]);
  });
});

/** The decision kept beside the assessment's result, if it has one (undefined: no result). */
async function keptDecision(assessmentId: number): Promise<string | null | undefined> {
  const row = await db.selectFrom("assessment_results").select("decision").where("assessment_id", "=", assessmentId).executeTakeFirst();
  return row?.decision;
}

describe("the latest decision kept beside the result", () => {
  it("follows the app's decisions, a result written again, and direct SQL; refuses a wrong copy", async () => {
    const [first, second] = panel as [number, number, number];
    const { candidateId, assessmentId } = await newAssessment("Jon Decided");
    await score(assessmentId, first, "submit");
    expect(await keptDecision(assessmentId)).toBeNull();
    const ranked = async (decision: "any" | "none" | "advance" | "hold") =>
      (await wholeRanking(db, kit.roleSlug, { decision, minCoverage: 0, complete: false })).find((row) => row.candidateId === candidateId);
    expect(await ranked("none")).toBeDefined();

    await recordDecision(db, { assessmentId, decision: "hold", reason: "Calibrate first.", actorId: recruiterId }, now);
    const later = new Date(now.getTime() + 3_600_000);
    await recordDecision(db, { assessmentId, decision: "advance", reason: "Calibrated.", actorId: recruiterId }, later);
    expect(await keptDecision(assessmentId)).toBe("advance");
    expect((await ranked("any"))?.decision).toBe("advance");
    expect(await ranked("advance")).toBeDefined();
    expect(await ranked("hold")).toBeUndefined();
    expect(await ranked("none")).toBeUndefined();

    // The result deleted (every submission reopened) and written again takes the latest decision when inserted.
    const id = await scorecardId(assessmentId, first);
    expect(await reopenScorecard(db, { assessmentId, scorecardId: id, actorId: recruiterId, kit }, now)).toBe(true);
    expect(await keptDecision(assessmentId)).toBeUndefined();
    await score(assessmentId, second, "submit");
    expect(await keptDecision(assessmentId)).toBe("advance");

    // By hand: an older decision inserted does not replace the latest; the latest deleted or moved back in time does.
    const decisionIds = async () =>
      (await db.selectFrom("decisions").select("id").where("assessment_id", "=", assessmentId).orderBy("id").execute()).map((d) => d.id);
    await db
      .insertInto("decisions")
      .values({
        assessment_id: assessmentId,
        decision: "reject",
        reason: "Back-dated.",
        decided_by: recruiterId,
        decided_at: "2026-01-01T00:00:00.000Z",
      })
      .execute();
    expect(await keptDecision(assessmentId)).toBe("advance");
    // In the order written: hold, advance, then the back-dated reject.
    const [, advance] = (await decisionIds()) as [number, number, number];
    await db.updateTable("decisions").set({ decided_at: "2025-01-01T00:00:00.000Z" }).where("id", "=", advance).execute();
    expect(await keptDecision(assessmentId)).toBe("hold");
    await db.deleteFrom("decisions").where("decision", "=", "hold").where("assessment_id", "=", assessmentId).execute();
    expect(await keptDecision(assessmentId)).toBe("reject");
    await db.deleteFrom("decisions").where("assessment_id", "=", assessmentId).execute();
    expect(await keptDecision(assessmentId)).toBeNull();

    await expect(
      db.updateTable("assessment_results").set({ decision: "advance" }).where("assessment_id", "=", assessmentId).execute(),
    ).rejects.toThrow(/decision must be the assessment's latest decision/);
    expect(await keptDecision(assessmentId)).toBeNull();
  });

  it("breaks a tie of time by id, follows a decision moved to another assessment, and refuses a replaced decision or a moved result", async () => {
    const [first] = panel as [number, number, number];
    const one = await newAssessment("Lea Tied");
    const other = await newAssessment("Max Moved");
    await score(one.assessmentId, first, "submit");
    await score(other.assessmentId, first, "submit");
    const decide = (assessmentId: number, decision: "advance" | "hold" | "reject", at: string) =>
      db
        .insertInto("decisions")
        .values({ assessment_id: assessmentId, decision, reason: "By hand.", decided_by: recruiterId, decided_at: at })
        .returning("id")
        .executeTakeFirstOrThrow();

    // Two decisions at the same time: the later written (higher id) is the latest, also when ids are swapped.
    const tieAt = "2026-10-02T09:00:00.000Z";
    const early = await decide(one.assessmentId, "hold", tieAt);
    const late = await decide(one.assessmentId, "reject", tieAt);
    expect(await keptDecision(one.assessmentId)).toBe("reject");
    await db.updateTable("decisions").set({ id: 1_000_000 }).where("id", "=", early.id).execute();
    expect(await keptDecision(one.assessmentId)).toBe("hold");

    // The latest decision moved to the other assessment: both copies follow.
    await db.updateTable("decisions").set({ assessment_id: other.assessmentId }).where("id", "=", 1_000_000).execute();
    expect([await keptDecision(one.assessmentId), await keptDecision(other.assessmentId)]).toEqual(["reject", "hold"]);

    // SQLite's INSERT OR REPLACE would remove a decision without a trigger: refused, nothing changed.
    // PostgreSQL has no OR REPLACE: a decision written again with its id is refused by the primary key.
    const replacing = {
      id: late.id,
      assessment_id: other.assessmentId,
      decision: "advance" as const,
      reason: "x",
      decided_by: recruiterId,
      decided_at: tieAt,
    };
    if (onPostgres()) {
      await expect(db.insertInto("decisions").values(replacing).execute()).rejects.toThrow(
        /duplicate key value violates unique constraint/,
      );
    } else {
      await expect(db.insertInto("decisions").orReplace().values(replacing).execute()).rejects.toThrow(/a decision is never replaced/);
    }
    expect([await keptDecision(one.assessmentId), await keptDecision(other.assessmentId)]).toEqual(["reject", "hold"]);

    // A result moved to another assessment by hand keeps a copy that is not that assessment's latest: refused.
    await db.deleteFrom("assessment_results").where("assessment_id", "=", other.assessmentId).execute();
    await expect(
      db
        .updateTable("assessment_results")
        .set({ assessment_id: other.assessmentId })
        .where("assessment_id", "=", one.assessmentId)
        .execute(),
    ).rejects.toThrow(/decision must be the assessment's latest decision/);

    // Erasing the candidate takes the result and its decisions together.
    expect(await eraseCandidate(db, one.candidateId, recruiterId, now)).toBe(true);
    expect(await keptDecision(one.assessmentId)).toBeUndefined();
  });
});

describe("the calibration flags kept with the result", () => {
  it("are the panel's verdict as submissions come and go", async () => {
    const [first, second] = panel as [number, number, number];
    const { candidateId, assessmentId } = await newAssessment("Kai Disagreed");
    const row = async () =>
      (await wholeRanking(db, kit.roleSlug, { decision: "any", minCoverage: 0, complete: false })).find(
        (r) => r.candidateId === candidateId,
      );
    const traitsInKit = [...new Set(kit.questions.flatMap((q) => q.traits))];

    await score(assessmentId, first, "submit", 1);
    expect((await row())?.calibrate).toEqual([]);
    // Means 1 and 5: 4 apart on every trait the kit rates, flagged in trait order.
    await score(assessmentId, second, "submit", 5);
    const flagged = (await row())?.calibrate ?? [];
    expect([...flagged].sort()).toEqual([...traitsInKit].sort());
    expect(flagged.length).toBeGreaterThan(0);

    const id = await scorecardId(assessmentId, second);
    expect(await reopenScorecard(db, { assessmentId, scorecardId: id, actorId: recruiterId, kit }, now)).toBe(true);
    expect((await row())?.calibrate).toEqual([]);
    // Means 1 and 3: exactly the spread of 2, flagged.
    await score(assessmentId, second, "submit", 3);
    expect((await row())?.calibrate).toEqual(flagged);
  });
});

describe("the ranking read in batches", () => {
  it("lists every ranked row once and in rank order, whatever the batch size, across ties in fit and coverage and rows with no fit", async () => {
    const first = panel[0] as number;
    // Equal ratings give equal fit and coverage: runs of ties that batch boundaries fall inside. No rating gives no fit.
    for (const [i, rating] of [4, 4, 4, 4, 4, 2, 2, 2, null, null, null].entries()) {
      const { assessmentId } = await newAssessment(`Tie ${i}`);
      await score(assessmentId, first, "submit", rating);
    }
    const filters = { decision: "any", minCoverage: 0, complete: false } as const;
    const expected = (
      await sql<{ assessment_id: number }>`
        select assessment_id from assessment_results where role_slug = ${kit.roleSlug} and latest = 1
        order by fit is null, fit desc, coverage desc, assessment_id`.execute(db)
    ).rows.map((row) => row.assessment_id);
    const ties = (
      await sql<{ n: number }>`
        select count(*) as n from assessment_results where role_slug = ${kit.roleSlug} and latest = 1
        group by fit, coverage having count(*) > 1`.execute(db)
    ).rows;
    expect(ties.length).toBeGreaterThan(1);
    expect(expected.length).toBeGreaterThan(12);

    for (const batchRows of [1, 2, 3, 5, 500]) {
      const rows = await wholeRanking(db, kit.roleSlug, filters, batchRows);
      expect(
        rows.map((row) => row.assessmentId),
        `batches of ${batchRows}`,
      ).toEqual(expected);
      expect(rows.map((row) => row.rank)).toEqual(expected.map((_, i) => i + 1));
    }
    expect((await wholeRanking(db, kit.roleSlug, filters, 2)).filter((row) => row.fit === null)).toHaveLength(3);
  });
});
