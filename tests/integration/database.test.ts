import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUSY_TIMEOUT_MS, createDb, type TraitkitDb } from "~db/connection";
import { migrateToLatest } from "~db/migrator";
import { addInterviewer } from "../../app/models/assessments.server";
import { loadDemoData } from "../../seeds/demo";
import type SQLite from "better-sqlite3";

let dir: string;
let db: TraitkitDb;
let sqlite: SQLite.Database;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-db-"));
  ({ db, sqlite } = createDb(path.join(dir, "test.sqlite")));
  await migrateToLatest(db);
});

afterEach(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

const now = "2026-11-22T12:00:00.000Z";

async function insertRole(slug = "r") {
  const role = await db
    .insertInto("roles")
    .values({
      slug,
      name: "R",
      family: "F",
      content_language: "en",
      summary: null,
      source_note: null,
      success_case_title: null,
      success_case_story: null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return role.id;
}

describe("database", () => {
  it("runs with WAL, synchronous FULL, foreign keys on and a busy timeout", () => {
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(2);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS);
  });

  it("creates the whole data model from an empty file, and a second run changes nothing", async () => {
    const tables = (
      await sql<{
        name: string;
      }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(
        db,
      )
    ).rows.map((r) => r.name);
    for (const table of [
      "roles",
      "role_traits",
      "questions",
      "question_anchors",
      "transitions",
      "transition_deltas",
      "skills",
      "role_skill_cells",
      "skill_expectations",
      "users",
      "sessions",
      "invites",
      "candidates",
      "kits",
      "kit_versions",
      "assessments",
      "assessment_interviewers",
      "scorecards",
      "ratings",
      "observed_red_flags",
      "decisions",
      "report_links",
      "audit_log",
      "assessment_results",
    ]) {
      expect(tables).toContain(table);
    }
    await expect(migrateToLatest(db)).resolves.toEqual([]);
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
  });

  it("refuses an ideal band whose low is above its high", async () => {
    const roleId = await insertRole();
    await expect(
      db
        .insertInto("role_traits")
        .values({ role_id: roleId, trait: "openness", low: 80, high: 60, weight: 2, statement: null, band_source: "team" })
        .execute(),
    ).rejects.toThrow(/CHECK/);
  });

  it("refuses an unknown trait key and a weight outside 1–3", async () => {
    const roleId = await insertRole();
    await expect(
      sql`insert into role_traits (role_id, trait, low, high, weight, band_source) values (${roleId}, 'neuroticism', 10, 20, 1, 'team')`.execute(
        db,
      ),
    ).rejects.toThrow(/CHECK/);
    await expect(
      db
        .insertInto("role_traits")
        .values({ role_id: roleId, trait: "openness", low: 10, high: 20, weight: 4, statement: null, band_source: "team" })
        .execute(),
    ).rejects.toThrow(/CHECK/);
  });

  it("refuses a question anchor for a trait the question does not evaluate", async () => {
    const roleId = await insertRole();
    const q = await db
      .insertInto("questions")
      .values({ role_id: roleId, position: 0, text: '{"en":"Q"}', evaluates_note: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("question_traits").values({ question_id: q.id, trait: "openness" }).execute();
    await expect(
      db.insertInto("question_anchors").values({ question_id: q.id, trait: "extraversion", rating: 3, text: '{"en":"A"}' }).execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it("deletes a role's content with the role", async () => {
    const roleId = await insertRole();
    await db
      .insertInto("role_traits")
      .values({ role_id: roleId, trait: "openness", low: 10, high: 20, weight: 1, statement: null, band_source: "team" })
      .execute();
    await db.deleteFrom("roles").where("id", "=", roleId).execute();
    const left = await db.selectFrom("role_traits").select("trait").execute();
    expect(left).toEqual([]);
  });

  it("keeps each assignment's copy of its assessment's date exact", async () => {
    await loadDemoData(db, new Date(now));
    const assessment = await db.selectFrom("assessments").select(["id", "created_at"]).orderBy("id").executeTakeFirstOrThrow();
    const assigned = db.selectFrom("assessment_interviewers").select("user_id").where("assessment_id", "=", assessment.id);
    const outsider = await db
      .selectFrom("users")
      .select("id")
      .where("id", "not in", assigned)
      .where("deactivated_at", "is", null)
      .executeTakeFirstOrThrow();
    const recruiter = await db.selectFrom("users").select("id").where("role", "=", "recruiter").executeTakeFirstOrThrow();

    await expect(
      db
        .insertInto("assessment_interviewers")
        .values({ assessment_id: assessment.id, user_id: outsider.id, added_at: now, assessment_created_at: now })
        .execute(),
    ).rejects.toThrow(/assessment_created_at must be the assessment's created_at/);
    await expect(db.updateTable("assessments").set({ created_at: now }).where("id", "=", assessment.id).execute()).rejects.toThrow(
      /created_at does not change/,
    );
    await expect(
      db.updateTable("assessment_interviewers").set({ assessment_created_at: now }).where("assessment_id", "=", assessment.id).execute(),
    ).rejects.toThrow(/assessment_created_at must be/);

    expect(
      await addInterviewer(
        db,
        { assessmentId: assessment.id, userId: outsider.id, actorId: recruiter.id, schedule: null, mail: null },
        new Date(now),
      ),
    ).toBe(true);
    const added = await db
      .selectFrom("assessment_interviewers")
      .select(["added_at", "assessment_created_at"])
      .where("assessment_id", "=", assessment.id)
      .where("user_id", "=", outsider.id)
      .executeTakeFirstOrThrow();
    expect(added).toEqual({ added_at: now, assessment_created_at: assessment.created_at });
    expect(assessment.created_at).not.toBe(now);
    const copies = await sql<{ n: number; same: number }>`
      select count(*) as n, sum(ai.assessment_created_at = a.created_at) as same
      from assessment_interviewers ai join assessments a on a.id = ai.assessment_id`.execute(db);
    expect(copies.rows[0]!.n).toBeGreaterThan(1);
    expect(copies.rows[0]!.same).toBe(copies.rows[0]!.n);
  });
});
