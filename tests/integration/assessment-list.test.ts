import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedLarge } from "../../seeds/large";
import { ASSESSMENT_PAGE_SIZE, listAssessmentsFor } from "../../app/models/assessments.server";
import type { SessionUser } from "../../app/models/sessions.server";
import { createDb, type TraitkitDb } from "~db/connection";

/*
 * The assessment list pages through ids first and fills in the page's rows
 * after: every page must still be the next slice of the whole list, newest
 * first, with only what the reader may see.
 */

let dir: string;
let db: TraitkitDb;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-assessment-list-"));
  const database = path.join(dir, "list.sqlite");
  await seedLarge({ candidates: 900, database, seed: 3 }, () => {});
  db = createDb(database).db;
}, 60_000);

afterAll(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function userByEmail(email: string): Promise<SessionUser> {
  return db.selectFrom("users").select(["id", "email", "name", "role"]).where("email", "=", email).executeTakeFirstOrThrow();
}

/** The whole list, newest first, as the database has it. */
async function expectedIds(user: SessionUser): Promise<number[]> {
  let query = db.selectFrom("assessments").select("assessments.id");
  if (user.role !== "recruiter")
    query = query.innerJoin("assessment_interviewers as ai", "ai.assessment_id", "assessments.id").where("ai.user_id", "=", user.id);
  const rows = await query.orderBy("assessments.created_at", "desc").orderBy("assessments.id", "desc").execute();
  return rows.map((row) => row.id);
}

async function allPages(
  user: SessionUser,
): Promise<{ ids: number[]; pages: number; lastHasMore: boolean; items: Awaited<ReturnType<typeof listAssessmentsFor>>["rows"] }> {
  const ids: number[] = [];
  const items: Awaited<ReturnType<typeof listAssessmentsFor>>["rows"] = [];
  let page = 1;
  for (;;) {
    const { rows, hasMore } = await listAssessmentsFor(db, user, page);
    expect(rows.length).toBeLessThanOrEqual(ASSESSMENT_PAGE_SIZE);
    ids.push(...rows.map((row) => row.id));
    items.push(...rows);
    if (!hasMore) return { ids, pages: page, lastHasMore: hasMore, items };
    expect(rows.length, `page ${page} is full when another follows`).toBe(ASSESSMENT_PAGE_SIZE);
    page += 1;
  }
}

describe("the assessment list", () => {
  it("gives a recruiter every assessment, newest first, page after page without gaps or repeats", async () => {
    const recruiter = await userByEmail("recruiter@demo.traitkit.test");
    const expected = await expectedIds(recruiter);
    expect(expected.length).toBeGreaterThan(2 * ASSESSMENT_PAGE_SIZE);
    const { ids, pages } = await allPages(recruiter);
    expect(ids).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / ASSESSMENT_PAGE_SIZE));
  });

  it("gives an interviewer only their own assessments, in the same order, with their scorecard's state", async () => {
    const interviewer = await userByEmail("interviewer1@demo.traitkit.test");
    const expected = await expectedIds(interviewer);
    expect(expected.length).toBeGreaterThan(ASSESSMENT_PAGE_SIZE);
    const { ids, items } = await allPages(interviewer);
    expect(ids).toEqual(expected);
    const own = await db
      .selectFrom("scorecards")
      .select(["assessment_id", "status"])
      .where("interviewer_id", "=", interviewer.id)
      .execute();
    const statusOf = new Map(own.map((row) => [row.assessment_id, row.status]));
    for (const item of items) expect(item.myStatus, `assessment ${item.id}`).toBe(statusOf.get(item.id) ?? "not_started");
  });

  it("answers a page past the end with no rows", async () => {
    const interviewer = await userByEmail("interviewer1@demo.traitkit.test");
    const { rows, hasMore } = await listAssessmentsFor(db, interviewer, 1000);
    expect(rows).toEqual([]);
    expect(hasMore).toBe(false);
  });
});
