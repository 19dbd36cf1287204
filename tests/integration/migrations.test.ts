import fs from "node:fs";
import { latestDecisionOf } from "./support/latest-decision";
import os from "node:os";
import path from "node:path";
import { Migrator, sql, type Migration, type MigrationProvider } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tableCounts, type TableCount } from "../../app/cli/backup";
import { createDb, type TraitkitDb } from "~db/connection";
import { createUser } from "../../app/models/users.server";
import { migrateToLatest, MIGRATIONS } from "~db/migrator";
import { loadScoringKit, reopenScorecard } from "../../app/models/scorecards.server";
import { computePanel } from "../../app/models/panel-results.server";
import { refreshScorecardSummaries } from "../../app/models/calibration.server";
import { TRAIT_KEYS } from "../../app/domain/traits";
import { openCandidateReport } from "../../app/models/report.server";
import { hashToken } from "../../app/models/sessions.server";
import { loadDemoData } from "../../seeds/demo";
import { libraryData } from "../../seeds/library";
import { syncLibrary } from "../../app/models/library.server";
import { latestVersion, readProfileDocument, recordUnversionedProfiles } from "../../app/models/profile-versions.server";
import type SQLite from "better-sqlite3";

/* Issue 9.5: upgrading a database holding data loses nothing; a second run changes nothing. */

let dir: string;
let db: TraitkitDb;
let sqlite: SQLite.Database;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-migrations-"));
  ({ db, sqlite } = createDb(path.join(dir, "old.sqlite")));
});

afterEach(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The app's migrations from the first to `last`, as a database of that time had them. */
function migrationsThrough(last: string): Record<string, Migration> {
  const names = Object.keys(MIGRATIONS);
  const end = names.indexOf(last);
  if (end < 0) throw new Error(`No migration ${last}`);
  return Object.fromEntries(names.slice(0, end + 1).map((name) => [name, MIGRATIONS[name]!]));
}

function through(last: string): MigrationProvider {
  return { getMigrations: async () => migrationsThrough(last) };
}

const firstOnly = through("0001_initial");

/** The demo data in a database migrated up to 0005: where each later migration's upgrade test starts. */
async function demoDatabaseThrough0005(): Promise<void> {
  const through0005 = through("0005_unranked_reopened");
  expect((await new Migrator({ db, provider: through0005 }).migrateToLatest()).error).toBeUndefined();
  await copyDemoData();
}

/** Row counts of the application's tables (Kysely's own bookkeeping excluded). */
function dataCounts(): TableCount[] {
  return tableCounts(sqlite).filter((c) => !c.table.startsWith("kysely_"));
}

async function schema(): Promise<{ type: string; name: string; sql: string | null }[]> {
  return (
    await sql<{ type: string; name: string; sql: string | null }>`select type, name, sql from sqlite_master order by type, name`.execute(db)
  ).rows;
}

async function appliedMigrations(): Promise<string[]> {
  return (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name);
}

async function allMigrationNames(): Promise<string[]> {
  // migrateToLatest on an empty database applies, and returns, every migration of db/migrator.ts.
  const fresh = createDb(path.join(dir, "fresh.sqlite"));
  try {
    return await migrateToLatest(fresh.db);
  } finally {
    await fresh.db.destroy();
  }
}

/**
 * Fills the database, at an earlier migration, with the demo data. The app's
 * code writes today's schema, so the data is made in a new database and
 * copied over, column by column, into the tables and columns the earlier
 * schema has: what an installation of that time held.
 */
async function copyDemoData(): Promise<void> {
  const sourceFile = path.join(dir, "source.sqlite");
  const source = createDb(sourceFile);
  try {
    await migrateToLatest(source.db);
    expect((await loadDemoData(source.db, new Date("2026-11-22T12:00:00.000Z"))).loaded).toBe(true);
  } finally {
    await source.db.destroy();
  }
  sqlite.prepare("attach database ? as source").run(sourceFile);
  // Tables are copied in name order, not in foreign-key order; the check after the copy covers it.
  sqlite.pragma("foreign_keys = OFF");
  const tables = sqlite
    .prepare("select name from main.sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const columns = (sqlite.pragma(`main.table_info(${table})`) as { name: string }[]).map((c) => `"${c.name}"`).join(", ");
    sqlite.exec(`insert into main."${table}" (${columns}) select ${columns} from source."${table}"`);
  }
  sqlite.pragma("foreign_keys = ON");
  sqlite.exec("detach database source");
  expect(sqlite.pragma("foreign_key_check")).toEqual([]);
}

/**
 * The demo has one flagged trait (a spread of 3) and one decision per
 * assessment: too kind to a backfill. Written by hand before 0011, the cases
 * its SQL must judge as the app does: spreads of exactly 2 between non-whole
 * means and between unequal counts, a spread of 1.5, a far-apart draft that
 * must not count, a back-dated decision and two decisions at the same time.
 */
async function sharpenCalibrationAndDecisionCases(): Promise<{ twoCards: number; flagged: string[]; decided: number; tied: number }> {
  const ranked = (
    await sql<{ assessment_id: number }>`
      select r.assessment_id from assessment_results r
      where (select count(*) from scorecards s where s.assessment_id = r.assessment_id and s.status = 'submitted') = 2
      order by r.assessment_id`.execute(db)
  ).rows.map((r) => r.assessment_id);
  const [twoCards, draftCase, decided, tied] = ranked as [number, number, number, number];
  expect(ranked.length).toBeGreaterThanOrEqual(4);

  const cards = async (assessmentId: number) =>
    (
      await sql<{
        id: number;
      }>`select id from scorecards where assessment_id = ${assessmentId} and status = 'submitted' order by id`.execute(db)
    ).rows.map((r) => r.id);
  /** Sets the scorecard's ratings of the trait to `values`, one per rated question in order; ratings beyond them are removed. */
  const rate = async (scorecardId: number, trait: string, values: number[]) => {
    const rows = (
      await sql<{ kit_question_id: number }>`
        select kit_question_id from ratings where scorecard_id = ${scorecardId} and trait = ${trait} order by kit_question_id`.execute(db)
    ).rows;
    expect(rows.length, `${trait} rated ${values.length} times`).toBeGreaterThanOrEqual(values.length);
    for (const [i, row] of rows.entries()) {
      if (i < values.length)
        await sql`update ratings set rating = ${values[i]} where scorecard_id = ${scorecardId} and kit_question_id = ${row.kit_question_id} and trait = ${trait}`.execute(
          db,
        );
      else
        await sql`delete from ratings where scorecard_id = ${scorecardId} and kit_question_id = ${row.kit_question_id} and trait = ${trait}`.execute(
          db,
        );
    }
  };
  /** The traits both scorecards rated at least `times` times. */
  const sharedTraits = async (a: number, b: number, times: number) =>
    (
      await sql<{ trait: string }>`
        select trait from ratings where scorecard_id in (${a}, ${b}) group by trait
        having sum(scorecard_id = ${a}) >= ${times} and sum(scorecard_id = ${b}) >= ${times} order by trait`.execute(db)
    ).rows.map((r) => r.trait);

  const [a, b] = (await cards(twoCards)) as [number, number];
  const traits = await sharedTraits(a, b, 2);
  expect(traits.length).toBeGreaterThanOrEqual(2);
  await rate(a, traits[0]!, [1, 2]); // mean 1.5
  await rate(b, traits[0]!, [3, 4]); // mean 3.5: exactly 2 apart, flagged
  await rate(a, traits[1]!, [1]); // mean 1
  await rate(b, traits[1]!, [3, 3]); // mean 3, two ratings against one: flagged
  for (const trait of traits.slice(2)) {
    await rate(a, trait, [1, 2]); // mean 1.5
    await rate(b, trait, [3]); // 1.5 apart: not flagged
  }

  // A draft far from the submitted scorecards counts for nothing.
  const [submitted] = (await cards(draftCase)) as [number, number];
  await sql`update ratings set rating = 3 where scorecard_id in (select id from scorecards where assessment_id = ${draftCase})`.execute(db);
  await sql`update scorecards set status = 'draft', submitted_at = null where id = ${submitted}`.execute(db);
  await sql`update ratings set rating = 5 where scorecard_id = ${submitted}`.execute(db);

  const recruiter = (await sql<{ id: number }>`select id from users where role = 'recruiter' order by id limit 1`.execute(db)).rows[0]!.id;
  const decide = (assessmentId: number, decision: string, at: string) =>
    sql`insert into decisions (assessment_id, decision, reason, decided_by, decided_at)
      values (${assessmentId}, ${decision}, 'By hand.', ${recruiter}, ${at})`.execute(db);
  // After every demo decision (the demo is loaded on 2026-11-22).
  await decide(decided, "advance", "2026-12-01T10:00:00.000Z");
  await decide(decided, "reject", "2026-11-01T10:00:00.000Z"); // back-dated: not the latest
  await decide(tied, "hold", "2026-12-01T10:00:00.000Z");
  await decide(tied, "advance", "2026-12-01T10:00:00.000Z"); // same time, written later: the latest
  return { twoCards, flagged: traits.slice(0, 2), decided, tied };
}

describe("migrations", () => {
  it("upgrade a database made by the first migration, holding data, without losing anything", async () => {
    const first = await new Migrator({ db, provider: firstOnly }).migrateToLatest();
    expect(first.error).toBeUndefined();
    expect(first.results?.map((r) => [r.migrationName, r.status])).toEqual([["0001_initial", "Success"]]);
    await copyDemoData();
    // An interviewer added to a panel later: their assignment's date is not the assessment's.
    const lateJoin = sqlite
      .prepare(
        "update assessment_interviewers set added_at = '2026-11-23T09:00:00.000Z' where rowid = (select min(rowid) from assessment_interviewers)",
      )
      .run();
    expect(lateJoin.changes).toBe(1);
    const before = dataCounts();
    expect(before.find((c) => c.table === "assessment_results")?.rows).toBeGreaterThan(0);
    expect(before.find((c) => c.table === "roles")?.rows).toBeGreaterThan(0);
    expect(before.find((c) => c.table === "users")?.rows).toBeGreaterThan(0);

    const every = await allMigrationNames();
    expect(every[0]).toBe("0001_initial");
    const applied = await migrateToLatest(db);
    expect(applied).toEqual(every.slice(1));

    // Every table that held data still holds the same number of rows (later migrations may add tables).
    const after = new Map(dataCounts().map((c) => [c.table, c.rows]));
    for (const { table, rows } of before) expect(after.get(table), table).toBe(rows);
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    expect(await appliedMigrations()).toEqual([...every].sort());

    // 0004: each assignment carries its assessment's date.
    const copies = await sql<{ n: number; same: number }>`
      select count(*) as n, sum(ai.assessment_created_at = a.created_at) as same
      from assessment_interviewers ai join assessments a on a.id = ai.assessment_id`.execute(db);
    expect(copies.rows[0]!.n).toBe(before.find((c) => c.table === "assessment_interviewers")?.rows);
    expect(copies.rows[0]!.same).toBe(copies.rows[0]!.n);

    // 0002: every candidate has exactly one result flagged per role, on their latest assessment with a result.
    const flagged = await sql<{ candidate_id: number; role_slug: string; flagged: number; latest_id: number }>`
      select a.candidate_id, r.role_slug, sum(r.latest) as flagged,
        (select r2.assessment_id from assessment_results r2 join assessments a2 on a2.id = r2.assessment_id
         where a2.candidate_id = a.candidate_id and r2.role_slug = r.role_slug order by a2.created_at desc, a2.id desc limit 1) as latest_id
      from assessment_results r join assessments a on a.id = r.assessment_id
      group by a.candidate_id, r.role_slug`.execute(db);
    expect(flagged.rows.length).toBeGreaterThan(0);
    for (const row of flagged.rows) {
      expect(row.flagged, `candidate ${row.candidate_id}`).toBe(1);
      const latest = await db
        .selectFrom("assessment_results")
        .select("latest")
        .where("assessment_id", "=", row.latest_id)
        .executeTakeFirstOrThrow();
      expect(latest.latest).toBe(1);
    }
  });

  it("a run that fails half-way leaves the database as it was, and the next run migrates it", async () => {
    expect((await new Migrator({ db, provider: firstOnly }).migrateToLatest()).error).toBeUndefined();
    await copyDemoData();
    const schemaBefore = await schema();
    const countsBefore = dataCounts();

    // The migrations up to 0006, then one that changes the schema and the data and stops (a full disk, a kill).
    const stopsHalfWay: MigrationProvider = {
      getMigrations: async () => ({
        ...migrationsThrough("0006_report_snapshots"),
        "0007_stops_half_way": {
          up: async (db) => {
            await db.schema.alterTable("candidates").addColumn("half_way", "text").execute();
            await sql`delete from audit_log`.execute(db);
            throw new Error("stopped half-way");
          },
        },
      }),
    };
    const failed = await new Migrator({ db, provider: stopsHalfWay }).migrateToLatest();
    expect(String(failed.error)).toContain("stopped half-way");

    expect(await schema()).toEqual(schemaBefore);
    expect(dataCounts()).toEqual(countsBefore);
    expect(await appliedMigrations()).toEqual(["0001_initial"]);

    expect(await migrateToLatest(db)).toEqual((await allMigrationNames()).slice(1));
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
  });

  it("0005 removes the result of an assessment left without a submitted scorecard, and flags the candidate's earlier one", async () => {
    const through0004 = through("0004_interviewer_list_order");
    expect((await new Migrator({ db, provider: through0004 }).migrateToLatest()).error).toBeUndefined();
    await copyDemoData();
    const earlier = await db
      .selectFrom("assessment_results as r")
      .innerJoin("assessments as a", "a.id", "r.assessment_id")
      .select(["r.assessment_id", "a.candidate_id", "a.kit_version_id", "r.role_slug"])
      .where("r.latest", "=", 1)
      .orderBy("r.assessment_id")
      .executeTakeFirstOrThrow();
    // What reopening a later assessment's only scorecard left before: a result with no scorecard behind it, flagged as the row.
    const later = await db
      .insertInto("assessments")
      .values({
        candidate_id: earlier.candidate_id,
        kit_version_id: earlier.kit_version_id,
        created_by: null,
        created_at: "2026-11-23T09:00:00.000Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("assessment_results")
      .values({
        assessment_id: later.id,
        role_slug: earlier.role_slug,
        fit: null,
        coverage: 0,
        evidence: 0,
        submitted_scorecards: 0,
        computed_at: "2026-11-23T09:05:00.000Z",
        latest: 1,
      })
      .execute();
    await db.updateTable("assessment_results").set({ latest: 0 }).where("assessment_id", "=", earlier.assessment_id).execute();
    const results = (await db.selectFrom("assessment_results").select("assessment_id").execute()).length;

    // 0005 and every migration after it.
    expect(await migrateToLatest(db)).toEqual((await allMigrationNames()).slice(4));
    expect(await db.selectFrom("assessment_results").select("assessment_id").where("assessment_id", "=", later.id).execute()).toEqual([]);
    expect(
      (
        await db
          .selectFrom("assessment_results")
          .select("latest")
          .where("assessment_id", "=", earlier.assessment_id)
          .executeTakeFirstOrThrow()
      ).latest,
    ).toBe(1);
    expect((await db.selectFrom("assessment_results").select("assessment_id").execute()).length).toBe(results - 1);
    const twice = await sql<{ n: number }>`
      select count(*) as n from (
        select a.candidate_id, r.role_slug from assessment_results r join assessments a on a.id = r.assessment_id
        group by a.candidate_id, r.role_slug having sum(r.latest) <> 1)`.execute(db);
    expect(twice.rows[0]!.n).toBe(0);
  });

  it("0006 keeps a report link published before snapshots working, frozen on its first open", async () => {
    await demoDatabaseThrough0005();
    const card = await db
      .selectFrom("scorecards")
      .innerJoin("assessments", "assessments.id", "scorecards.assessment_id")
      .select(["scorecards.id", "scorecards.assessment_id", "assessments.kit_version_id"])
      .where("scorecards.status", "=", "submitted")
      .orderBy("scorecards.id")
      .executeTakeFirstOrThrow();
    const recruiter = await db.selectFrom("users").select("id").where("role", "=", "recruiter").executeTakeFirstOrThrow();
    // A link as the app wrote it before 0006: no snapshot, no opens.
    const token = "t".repeat(43);
    await sql`insert into report_links (assessment_id, token_hash, language, created_by, created_at, expires_at, revoked_at)
      values (${card.assessment_id}, ${hashToken(token)}, 'es', ${recruiter.id}, '2026-11-22T13:00:00.000Z', null, null)`.execute(db);

    expect(await migrateToLatest(db)).toEqual((await allMigrationNames()).slice(5));
    const migrated = await db
      .selectFrom("report_links")
      .select(["snapshot_id", "opens", "last_opened_at"])
      .where("token_hash", "=", hashToken(token))
      .executeTakeFirstOrThrow();
    expect(migrated).toEqual({ snapshot_id: null, opens: 0, last_opened_at: null });

    const now = new Date("2026-12-01T10:00:00.000Z");
    const first = await openCandidateReport(db, token, now);
    expect(first?.language).toBe("es");
    expect(first?.charts.traits.some((t) => t.score !== null)).toBe(true);
    const frozen = await db
      .selectFrom("report_links")
      .select(["snapshot_id", "opens", "last_opened_at"])
      .where("token_hash", "=", hashToken(token))
      .executeTakeFirstOrThrow();
    expect(frozen.snapshot_id).not.toBeNull();
    expect(frozen).toMatchObject({ opens: 1, last_opened_at: now.toISOString() });
    expect(
      await db
        .selectFrom("report_snapshots")
        .select(["version", "language"])
        .where("id", "=", frozen.snapshot_id ?? 0)
        .executeTakeFirstOrThrow(),
    ).toEqual({ version: 1, language: "es" });

    // From now on the panel may change; the candidate's report does not.
    const kit = await loadScoringKit(db, card.kit_version_id);
    if (!kit) throw new Error("No kit");
    expect(await reopenScorecard(db, { assessmentId: card.assessment_id, scorecardId: card.id, actorId: recruiter.id, kit }, now)).toBe(
      true,
    );
    const again = await openCandidateReport(db, token, new Date("2026-12-02T10:00:00.000Z"));
    expect(again?.charts).toEqual(first?.charts);
    expect((await db.selectFrom("report_snapshots").select("id").execute()).length).toBe(1);
  });

  it("0009 names who last saved each role from the audit log, and leaves the documents' roles unnamed", async () => {
    await demoDatabaseThrough0005();
    const ana = await createUser(db, { email: "ana@example.com", name: "Ana", role: "recruiter", passwordHash: "x" }, new Date());
    const bea = await createUser(db, { email: "bea@example.com", name: "Bea", role: "recruiter", passwordHash: "x" }, new Date());
    const [made, edited] = await db.selectFrom("roles").select("id").orderBy("id").limit(2).execute();
    const audit = (at: string, actor: number, action: string, roleId: number) =>
      db
        .insertInto("audit_log")
        .values({ at, actor_user_id: actor, action, entity_type: "role", entity_id: String(roleId), details: null })
        .execute();
    await audit("2026-11-23T09:00:00.000Z", ana, "role.create", made!.id);
    await audit("2026-11-23T09:00:00.000Z", ana, "role.import", edited!.id);
    await audit("2026-11-24T09:00:00.000Z", bea, "role.update", edited!.id);

    await migrateToLatest(db);
    const savedBy = await sql<{
      id: number;
      saved_by: number | null;
    }>`select id, saved_by from roles where saved_by is not null order by id`.execute(db);
    expect(savedBy.rows).toEqual([
      { id: made!.id, saved_by: ana },
      { id: edited!.id, saved_by: bea },
    ]);
  });

  it("0010 gives every existing result its panel's size", async () => {
    await demoDatabaseThrough0005();
    expect(await migrateToLatest(db)).toContain("0010_ranking_assigned_count");
    const results = await sql<{ kept: number; real: number }>`
      select r.assigned_interviewers as kept, (select count(*) from assessment_interviewers ai where ai.assessment_id = r.assessment_id) as real
      from assessment_results r`.execute(db);
    expect(results.rows).not.toHaveLength(0);
    expect(results.rows.filter((r) => r.kept !== r.real || r.real === 0)).toEqual([]);
  });

  it("0011 gives every existing result its latest decision and each trait's calibration flag, as the app computes them", async () => {
    await demoDatabaseThrough0005();
    const cases = await sharpenCalibrationAndDecisionCases();
    expect(await migrateToLatest(db)).toContain("0011_ranking_decision_and_calibration");
    const results = await db.selectFrom("assessment_results").selectAll().orderBy("assessment_id").execute();
    expect(results).not.toHaveLength(0);
    let flagged = 0;
    for (const result of results) {
      const assessment = await db
        .selectFrom("assessments")
        .select("kit_version_id")
        .where("id", "=", result.assessment_id)
        .executeTakeFirstOrThrow();
      const kit = await loadScoringKit(db, assessment.kit_version_id);
      if (!kit) throw new Error("No kit");
      const panel = await computePanel(db, result.assessment_id, kit);
      for (const trait of TRAIT_KEYS) {
        const t = panel.traits[trait];
        const expected = t.status === "assessed" && t.needsCalibration ? 1 : 0;
        expect(result[`${trait}_calibrate`], `assessment ${result.assessment_id}, ${trait}`).toBe(expected);
        flagged += expected;
      }
      const latest = await latestDecisionOf(db, result.assessment_id);
      expect(result.decision, `assessment ${result.assessment_id}`).toBe(latest);
    }
    // The cases written by hand came out as meant, not only as the app computes them.
    const byId = new Map(results.map((r) => [r.assessment_id, r]));
    const sharpened = byId.get(cases.twoCards)!;
    expect(TRAIT_KEYS.filter((trait) => sharpened[`${trait}_calibrate`] === 1)).toEqual(
      TRAIT_KEYS.filter((t) => cases.flagged.includes(t)),
    );
    expect([byId.get(cases.decided)?.decision, byId.get(cases.tied)?.decision]).toEqual(["advance", "advance"]);
    expect(flagged).toBeGreaterThan(2);
  });

  it("0008: a database holding the demo library is recognised as holding it, not loaded again", async () => {
    await demoDatabaseThrough0005();
    const before = dataCounts();

    expect(await migrateToLatest(db)).toContain("0008_library_items");
    const library = libraryData();
    // The next start: nothing added, every library item recorded.
    expect(await db.transaction().execute((trx) => syncLibrary(trx, library, new Date("2026-12-01T08:00:00.000Z")))).toEqual({
      rolesAdded: 0,
      rolesUpdated: 0,
      skillsAdded: 0,
    });
    const after = new Map(dataCounts().map((c) => [c.table, c.rows]));
    for (const { table, rows } of before) expect(after.get(table), table).toBe(rows);
    expect(after.get("library_items")).toBe(library.roles.length + library.skills.length);
    // Recorded with the library's own version: a role still as the demo loaded it takes the next version.
    const mlops = await db.selectFrom("library_items").select(["kind", "slug"]).where("slug", "=", "mlops-engineer").execute();
    expect(mlops).toEqual([{ kind: "role", slug: "mlops-engineer" }]);
  });

  it("0007 makes roles and kits archivable, every existing one left as it was (not archived), and adds an empty store of parked drafts", async () => {
    await demoDatabaseThrough0005();
    const countsBefore = dataCounts();

    expect(await migrateToLatest(db)).toContain("0007_archive_and_parked_drafts");
    // Tables of later migrations are new and empty; every table that was there keeps its rows.
    const tablesBefore = new Set(countsBefore.map((c) => c.table));
    expect(dataCounts().filter((c) => tablesBefore.has(c.table))).toEqual(countsBefore);
    expect(dataCounts().filter((c) => !tablesBefore.has(c.table))).toEqual(expect.arrayContaining([{ table: "parked_drafts", rows: 0 }]));
    const archived = await sql<{
      n: number;
    }>`select (select count(*) from roles where archived_at is not null or archived_by is not null) + (select count(*) from kits where archived_at is not null or archived_by is not null) as n`.execute(
      db,
    );
    expect(archived.rows[0]!.n).toBe(0);
    expect(await db.selectFrom("parked_drafts").selectAll().execute()).toEqual([]);
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
  });

  it("0017 gives every submitted scorecard its summary, as the app writes it, and a draft none", async () => {
    const through0016 = through("0016_questionnaires");
    expect((await new Migrator({ db, provider: through0016 }).migrateToLatest()).error).toBeUndefined();
    await copyDemoData();
    // A submitted card reopened before the upgrade: a draft that keeps its ratings.
    const reopened = await db
      .selectFrom("scorecards")
      .innerJoin("assessments", "assessments.id", "scorecards.assessment_id")
      .select(["scorecards.id", "scorecards.assessment_id", "assessments.kit_version_id"])
      .where("scorecards.status", "=", "submitted")
      .orderBy("scorecards.id", "desc")
      .executeTakeFirstOrThrow();
    await db.updateTable("scorecards").set({ status: "draft", submitted_at: null }).where("id", "=", reopened.id).execute();
    const cards = await db.selectFrom("scorecards").select(["id", "status"]).execute();
    const drafts = cards.filter((c) => c.status === "draft").map((c) => c.id);
    expect(drafts.length, "the demo's draft and the reopened card").toBeGreaterThanOrEqual(2);

    expect(await migrateToLatest(db)).toContain("0017_scorecard_summaries");
    const backfilled = await db.selectFrom("scorecard_summaries").selectAll().orderBy("scorecard_id").execute();
    expect(backfilled.map((r) => r.scorecard_id)).toEqual(
      cards
        .filter((c) => c.status === "submitted")
        .map((c) => c.id)
        .sort((a, b) => a - b),
    );
    expect(backfilled.filter((r) => drafts.includes(r.scorecard_id))).toEqual([]);

    // One row checked by hand: Ada Demo-Lovelace's interviewer 1 rated O 4, 4; C 5, 4, 4; S 4; A 3; R 3 (seeds/demo-people.ts).
    const ada = await db
      .selectFrom("scorecard_summaries as s")
      .innerJoin("assessments as a", "a.id", "s.assessment_id")
      .innerJoin("candidates as c", "c.id", "a.candidate_id")
      .innerJoin("users as u", "u.id", "s.interviewer_id")
      .selectAll("s")
      .where("c.name", "=", "Ada Demo-Lovelace")
      .where("u.email", "=", "interviewer1@demo.traitkit.test")
      .executeTakeFirstOrThrow();
    const assigned = await db
      .selectFrom("assessment_interviewers")
      .select("added_at")
      .where("assessment_id", "=", ada.assessment_id)
      .where("user_id", "=", ada.interviewer_id)
      .executeTakeFirstOrThrow();
    expect(ada).toMatchObject({
      role_slug: "mlops-engineer",
      assigned_at: assigned.added_at,
      recommendation: "strong_yes",
      kit_cells: 8,
      rated_cells: 8,
      ratings_1: 0,
      ratings_2: 0,
      ratings_3: 2,
      ratings_4: 5,
      ratings_5: 1,
      openness_sum: 8,
      openness_count: 2,
      conscientiousness_sum: 13,
      conscientiousness_count: 3,
      extraversion_sum: 0,
      extraversion_count: 0,
      agreeableness_sum: 3,
      emotional_stability_sum: 4,
      relational_engagement_sum: 3,
      relational_engagement_count: 1,
    });

    // Every row as the app writes it when a submission changes: rewritten from the ratings, assessment by assessment.
    const assessments = await db.selectFrom("assessments").select(["id", "kit_version_id"]).orderBy("id").execute();
    for (const assessment of assessments) {
      const kit = await loadScoringKit(db, assessment.kit_version_id);
      if (!kit) throw new Error("No kit");
      await refreshScorecardSummaries(db, assessment.id, kit);
    }
    expect(await db.selectFrom("scorecard_summaries").selectAll().orderBy("scorecard_id").execute()).toEqual(backfilled);
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
  });

  it("0018 adds the change proposals' tables empty, and the next start gives every role and skill profile its first version, as it is", async () => {
    expect((await new Migrator({ db, provider: through("0017_scorecard_summaries") }).migrateToLatest()).error).toBeUndefined();
    // 0017 wrote its bookkeeping row; the copy brings the demo's own.
    sqlite.exec("delete from scorecard_summaries_generation");
    await copyDemoData();
    const countsBefore = dataCounts();

    // Boot runs every pending migration before giving versions: 0019's tables come empty too.
    expect(await migrateToLatest(db)).toEqual(["0018_change_proposals", "0019_levels_success_case_chinese"]);
    const added = [
      "profile_versions",
      "proposals",
      "proposal_votes",
      "proposal_comments",
      "proposal_activity",
      "profile_follows",
      "proposal_feed_reads",
      "scorecard_expectation_marks",
      "role_success_case_traits",
    ];
    expect(dataCounts().filter((c) => !added.includes(c.table))).toEqual(countsBefore);
    expect(dataCounts().filter((c) => added.includes(c.table) && c.rows !== 0)).toEqual([]);

    // What bootDatabase does after the migrations: a version for every profile that has none.
    const roles = await db.selectFrom("roles").select(["id", "saved_by"]).execute();
    const profiledSkills = await db.selectFrom("skill_expectations").select("skill_id").distinct().execute();
    const now = new Date("2026-12-01T09:00:00.000Z");
    expect(await recordUnversionedProfiles(db, now)).toBe(roles.length + profiledSkills.length);
    for (const role of roles) {
      const version = await latestVersion(db, { kind: "role", id: role.id });
      expect(version).toMatchObject({ version: 1, source: role.saved_by === null ? "library" : "edit", madeBy: role.saved_by });
      expect(version?.content).toEqual(await readProfileDocument(db, { kind: "role", id: role.id }));
    }
    for (const { skill_id } of profiledSkills) {
      const version = await latestVersion(db, { kind: "skill", id: skill_id });
      expect(version).toMatchObject({ version: 1, source: "library", madeAt: now.toISOString() });
      expect(version?.content).toEqual(await readProfileDocument(db, { kind: "skill", id: skill_id }));
    }
    expect(
      roles.some((role) => role.saved_by !== null),
      "the demo's accepted proposal saved MLOps Engineer",
    ).toBe(true);
    expect(await recordUnversionedProfiles(db, now)).toBe(0);
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
  });

  it("0019 lets the language columns take Chinese, keeping every user's language and every report link and snapshot, ids and links included", async () => {
    expect((await new Migrator({ db, provider: through("0018_change_proposals") }).migrateToLatest()).error).toBeUndefined();
    sqlite.exec("delete from scorecard_summaries_generation");
    await copyDemoData();
    sqlite.exec("update users set language = 'es' where id = (select min(id) from users)");
    const recruiter = await db.selectFrom("users").select("id").where("role", "=", "recruiter").executeTakeFirstOrThrow();
    const assessment = await db.selectFrom("assessments").select("id").orderBy("id").executeTakeFirstOrThrow();
    // A published link with its snapshot, in the languages 0018 allowed.
    const snapshotId = Number(
      sqlite
        .prepare(
          "insert into report_snapshots (assessment_id, version, language, content, created_by, created_at) values (?, 1, 'es', '{}', ?, ?)",
        )
        .run(assessment.id, recruiter.id, "2026-12-01T09:00:00.000Z").lastInsertRowid,
    );
    sqlite
      .prepare(
        "insert into report_links (assessment_id, token_hash, language, created_by, created_at, snapshot_id, opens) values (?, 'hash-0019', 'es', ?, ?, ?, 3)",
      )
      .run(assessment.id, recruiter.id, "2026-12-01T09:00:00.000Z", snapshotId);
    const rows = () => ({
      users: sqlite.prepare("select id, email, language from users order by id").all(),
      links: sqlite.prepare("select * from report_links order by id").all(),
      snapshots: sqlite.prepare("select * from report_snapshots order by id").all(),
    });
    const before = rows();
    const countsBefore = dataCounts();

    expect(await migrateToLatest(db)).toEqual(["0019_levels_success_case_chinese"]);

    const added = ["scorecard_expectation_marks", "role_success_case_traits"];
    expect(dataCounts().filter((c) => !added.includes(c.table))).toEqual(countsBefore);
    expect(dataCounts().filter((c) => added.includes(c.table) && c.rows !== 0)).toEqual([]);
    expect(rows()).toEqual(before);
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    const indexes = (await schema()).filter((entry) => entry.type === "index").map((entry) => entry.name);
    expect(indexes).toEqual(expect.arrayContaining(["report_links_assessment_idx", "report_links_snapshot_idx"]));

    // The rebuilt tables still hold their links: erasing the snapshot takes its link with it.
    sqlite.exec("update users set language = 'zh-CN' where id = (select min(id) from users)");
    sqlite.prepare("update report_links set language = 'zh-CN' where token_hash = 'hash-0019'").run();
    expect(() => sqlite.exec("update users set language = 'fr'")).toThrow(/CHECK constraint failed/);
    expect(() => sqlite.exec("update report_snapshots set language = 'zh'")).toThrow(/CHECK constraint failed/);
    sqlite.prepare("delete from report_snapshots where id = ?").run(snapshotId);
    expect(sqlite.prepare("select count(*) as n from report_links where token_hash = 'hash-0019'").get()).toEqual({ n: 0 });
  });

  it("running the migrations twice changes nothing", async () => {
    await migrateToLatest(db);
    await loadDemoData(db, new Date("2026-11-22T12:00:00.000Z"));
    const schemaBefore = await schema();
    const countsBefore = tableCounts(sqlite);

    expect(await migrateToLatest(db)).toEqual([]);
    expect(await migrateToLatest(db)).toEqual([]);

    expect(await schema()).toEqual(schemaBefore);
    expect(tableCounts(sqlite)).toEqual(countsBefore);
    expect(await appliedMigrations()).toEqual([...(await allMigrationNames())].sort());
  });
});
