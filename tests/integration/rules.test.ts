import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraitkitDb } from "~db/connection";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

/** A CHECK's refusal, as SQLite ("CHECK constraint failed") and PostgreSQL ("violates check constraint") word it. */
const REFUSED_BY_CHECK = /CHECK constraint failed|violates check constraint/;
import { migrateToLatest } from "~db/migrator";
import { USER_ROLES } from "../../app/domain/accounts";
import { ANCHOR_RATINGS } from "../../app/domain/anchors";
import { DECISIONS } from "../../app/domain/decisions";
import { RATING_MAX, RATING_MIN, RATINGS } from "../../app/domain/scoring";
import { loadDemoData } from "../../seeds/demo";
import { concretePath, routeFiles } from "./support/access-matrix";
import { DEMO, request, signIn, startTestServer, type TestServer } from "./support/test-server";

/*
 * The database's checks (migration 0001, frozen history) and the domain's rules
 * are written twice by necessity; these tests keep the two from drifting apart.
 */
describe("the database refuses what the domain's rules refuse", () => {
  let database: TestDatabase | undefined;
  let db: TraitkitDb;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ db } = database);
    await migrateToLatest(db);
    await loadDemoData(db, new Date());
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("a rating is a whole number from 1 to 5: the ratings table takes RATINGS and refuses RATING_MIN − 1 and RATING_MAX + 1", async () => {
    const row = await db.selectFrom("ratings").select(["scorecard_id", "kit_question_id", "trait"]).executeTakeFirstOrThrow();
    const setRating = (rating: number) =>
      db
        .updateTable("ratings")
        .set({ rating })
        .where("scorecard_id", "=", row.scorecard_id)
        .where("kit_question_id", "=", row.kit_question_id)
        .where("trait", "=", row.trait)
        .execute();
    for (const rating of [RATING_MIN - 1, RATING_MAX + 1])
      await expect(setRating(rating), String(rating)).rejects.toThrow(REFUSED_BY_CHECK);
    for (const rating of RATINGS) await expect(setRating(rating), String(rating)).resolves.toBeDefined();
  });

  it("a behaviour anchor is rated 1, 3 or 5: question_anchors refuses every other rating", async () => {
    const row = await db.selectFrom("question_anchors").select(["question_id", "trait", "rating"]).executeTakeFirstOrThrow();
    const others = RATINGS.filter((rating) => !ANCHOR_RATINGS.some((anchor) => anchor === rating));
    expect(others).toEqual([2, 4]);
    for (const rating of others) {
      const update = db
        .updateTable("question_anchors")
        // @ts-expect-error: a rating outside AnchorRating is what the database must refuse
        .set({ rating })
        .where("question_id", "=", row.question_id)
        .where("trait", "=", row.trait)
        .where("rating", "=", row.rating)
        .execute();
      await expect(update, String(rating)).rejects.toThrow(REFUSED_BY_CHECK);
    }
  });

  it("a decision is advance, hold or reject: the decisions table takes DECISIONS and refuses anything else", async () => {
    const row = await db.selectFrom("decisions").select("id").executeTakeFirstOrThrow();
    const setDecision = (decision: string) =>
      db
        .updateTable("decisions")
        // @ts-expect-error: a decision outside the domain's type is what the database must refuse
        .set({ decision })
        .where("id", "=", row.id)
        .execute();
    for (const decision of ["none", "any", "Advance", "advance ", "rejected", ""]) {
      await expect(setDecision(decision), decision).rejects.toThrow(REFUSED_BY_CHECK);
    }
    for (const decision of DECISIONS) await expect(setDecision(decision), decision).resolves.toBeDefined();
  });

  it("an account is a recruiter or an interviewer: users refuses any other role", async () => {
    const row = await db.selectFrom("users").select("id").executeTakeFirstOrThrow();
    const setRole = (role: string) =>
      db
        .updateTable("users")
        // @ts-expect-error: a role outside UserRole is what the database must refuse
        .set({ role })
        .where("id", "=", row.id)
        .execute();
    for (const role of ["admin", "candidate", "Recruiter", ""]) await expect(setRole(role), role).rejects.toThrow(REFUSED_BY_CHECK);
    const original = await db.selectFrom("users").select("role").where("id", "=", row.id).executeTakeFirstOrThrow();
    for (const role of USER_ROLES) await expect(setRole(role), role).resolves.toBeDefined();
    await setRole(original.role);
  });
});

describe("an id with a leading zero is not an id", () => {
  let server: TestServer;
  let recruiter: string;
  let interviewer: string;

  beforeAll(async () => {
    server = await startTestServer();
    recruiter = await signIn(server.baseURL, DEMO.recruiter);
    interviewer = await signIn(server.baseURL, DEMO.interviewer1);
  });

  afterAll(async () => {
    await server.close();
  });

  const idRoutes = routeFiles().filter((route) => route.pattern.includes("/:id"));

  it("walks every route with an :id", () => {
    expect(idRoutes.map((route) => route.pattern).sort()).toEqual(
      expect.arrayContaining(["/assessments/:id", "/candidates/:id", "/candidates/:id/export", "/kits/:id", "/kits/:id/print"]),
    );
  });

  it.each(idRoutes.map((route) => [route.pattern, route] as const))(
    "%s answers /…/007 with a 404, for a record that exists",
    async (_, route) => {
      // The demo's blind case has interviewer 1 on its panel: the only user who may open each of its pages.
      const cookie = route.pattern.startsWith("/assessments/") ? interviewer : recruiter;
      const canonical = await concretePath(server.db, route.pattern);
      const source = fs.readFileSync(path.join("app", "routes", route.file), "utf8");
      // A loader that takes no arguments (the autosave's) answers every GET with a 404 and has no page to compare.
      const hasLoader = /export\s+(async\s+)?function\s+loader\s*\(\s*\{/.test(source);
      if (hasLoader) expect((await request(server.baseURL, canonical, { cookie })).status, canonical).toBe(200);
      const padded = canonical.replace(/\/([1-9]\d*)(?=\/|\?|$)/, "/00$1");
      expect(padded).not.toBe(canonical);
      if (hasLoader) expect((await request(server.baseURL, padded, { cookie })).status, `GET ${padded}`).toBe(404);
      if (route.hasAction) {
        const posted = await request(server.baseURL, padded, { cookie, form: { confirm: "1", intent: "save" } });
        expect(posted.status, `POST ${padded}`).toBe(404);
      }
    },
  );
});
