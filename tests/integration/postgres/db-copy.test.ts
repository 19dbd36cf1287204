import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Migrator, sql } from "kysely";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  copySqliteToPostgres,
  CopyRefused,
  postgresChecksumsOf,
  sqliteChecksums,
  sqliteTables,
  type TableShape,
} from "../../../app/cli/db-copy";
import { createDatabaseOn, dropDatabaseOn } from "../../../app/cli/scratch-postgres";
import { recordAudit } from "../../../app/models/audit.server";
import { createHttpApp } from "../../../app/server/http-app";
import { parseEnv } from "../../../app/utils/env.server";
import { createDb, createPostgresDb, type TraitkitDb } from "~db/connection";
import { MIGRATIONS, migrateToLatest } from "~db/migrator";
import { loadDemoData } from "../../../seeds/demo";
import { DEMO, REPO_ROOT, request, signIn } from "../support/test-server";

/*
 * Issue 24: `npm run db:copy` moves a SQLite installation to PostgreSQL with
 * every row intact, all or nothing, and the app runs on the copy.
 */

const adminUrl = inject("postgresAdminUrl");

let dir: string;
let source: string;
let tables: TableShape[];
let sourceSums: Map<string, { rows: number; checksum: string }>;
const databases: string[] = [];

async function newTarget(): Promise<string> {
  const url = await createDatabaseOn(adminUrl, "copy");
  databases.push(url);
  return url;
}

/** Runs work on a pool of the database at `url`, closed after. */
async function onPostgres<T>(url: string, work: (db: TraitkitDb) => Promise<T>): Promise<T> {
  const { db } = createPostgresDb(url, { poolSize: 2 });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

function tableNames(db: TraitkitDb) {
  return sql<{ name: string }>`
    select table_name as name from information_schema.tables where table_schema = current_schema() order by table_name`.execute(db);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-copy-"));
  source = path.join(dir, "traitkit.sqlite");
  const { db, sqlite } = createDb(source);
  try {
    await migrateToLatest(db);
    expect((await loadDemoData(db, new Date("2026-11-22T12:00:00.000Z"))).loaded).toBe(true);
    // Text beyond ASCII and a quote, which a careless copy or checksum would change.
    await recordAudit(
      db,
      { actorUserId: null, action: "user.create", entityType: "user", entityId: 7, details: { name: "Zoë 中文 O'Brien 🎉" } },
      new Date("2026-11-23T08:00:00.000Z"),
    );
    tables = sqliteTables(sqlite);
    sourceSums = sqliteChecksums(sqlite, tables);
  } finally {
    await db.destroy();
  }
});

afterAll(async () => {
  for (const url of databases) await dropDatabaseOn(adminUrl, url);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("db:copy", () => {
  let target: string;

  beforeAll(async () => {
    target = await newTarget();
  });

  it("copies every app table with the same row count and checksum on both sides, in one commit", async () => {
    const result = await copySqliteToPostgres(source, target, { batchRows: 7 });
    expect(result.ok).toBe(true);
    expect(result.sourceMigrations).toEqual([]);
    expect(result.targetMigrations).toEqual(Object.keys(MIGRATIONS));
    expect(result.tables.map((t) => t.table).sort()).toEqual(tables.map((t) => t.name).sort());
    expect(result.tables.map((t) => t.table)).not.toContain("kysely_migration");
    for (const check of result.tables) {
      expect(check.ok, check.table).toBe(true);
      expect(check.target, check.table).toEqual(sourceSums.get(check.table));
    }
    // Demo data in the tables that matter, so equal checksums compare rows and not two empty tables.
    const rows = new Map(result.tables.map((t) => [t.table, t.source.rows]));
    for (const table of ["users", "roles", "assessments", "scorecards", "ratings", "decisions", "assessment_results", "audit_log"]) {
      expect(rows.get(table), table).toBeGreaterThan(0);
    }

    // Read again after the commit, in a new snapshot: what was verified is what stayed.
    const committed = await onPostgres(target, (db) => postgresChecksumsOf(db, tables));
    expect(committed).toEqual(sourceSums);
  });

  it("keeps what the triggers keep: panel sizes, latest decisions and the summaries' generation are the source's", async () => {
    const sqlite = new SQLite(source, { readonly: true });
    const expected = {
      results: sqlite
        .prepare("select assessment_id, assigned_interviewers, decision, fit from assessment_results order by assessment_id")
        .all(),
      generation: sqlite.prepare("select generation from scorecard_summaries_generation").get(),
    };
    sqlite.close();
    await onPostgres(target, async (db) => {
      const results = await db
        .selectFrom("assessment_results")
        .select(["assessment_id", "assigned_interviewers", "decision", "fit"])
        .orderBy("assessment_id")
        .execute();
      expect(results).toEqual(expected.results);
      expect(results.some((row) => row.decision !== null)).toBe(true);
      expect(await db.selectFrom("scorecard_summaries_generation").select("generation").executeTakeFirst()).toEqual(expected.generation);
    });
  });

  it("moves each identity sequence past the copied ids: a new row takes the next id", async () => {
    const sqlite = new SQLite(source, { readonly: true });
    const maxId = (table: string) => sqlite.prepare<[], { id: number }>(`select max(id) as id from ${table}`).get()?.id ?? 0;
    const copied = { audit: maxId("audit_log"), domains: maxId("skill_domains") };
    sqlite.close();
    expect(copied.audit).toBeGreaterThan(0);
    await onPostgres(target, async (db) => {
      await recordAudit(db, { actorUserId: null, action: "user.create", entityType: "user", entityId: 8 }, new Date());
      const audit = await db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.max("id").as("id"))
        .executeTakeFirstOrThrow();
      expect(audit.id).toBe(copied.audit + 1);
      const domain = await db.insertInto("skill_domains").values({ name: "Copy test" }).returning("id").executeTakeFirstOrThrow();
      expect(domain.id).toBe(copied.domains + 1);
      await db.deleteFrom("skill_domains").where("id", "=", domain.id).execute();
      await db.deleteFrom("audit_log").where("id", "=", audit.id).execute();
    });
  });

  it("refuses a second copy into the database, which now holds data, and changes nothing", async () => {
    const before = await onPostgres(target, (db) => postgresChecksumsOf(db, tables));
    await expect(copySqliteToPostgres(source, target)).rejects.toThrow(CopyRefused);
    await expect(copySqliteToPostgres(source, target)).rejects.toThrow(/already holds data \(rows in /);
    expect(await onPostgres(target, (db) => postgresChecksumsOf(db, tables))).toEqual(before);
  });

  it("serves the copy: the demo recruiter signs in and sees the roles", async () => {
    const { db } = createPostgresDb(target, { poolSize: 5 });
    const env = parseEnv({ DATABASE_URL: target, DATABASE_POOL_SIZE: "5", TRAITKIT_DEMO: "0" });
    const app = await createHttpApp({ db, env, source: { kind: "production", buildDir: path.join(REPO_ROOT, "build") } });
    const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    try {
      const address = server.address();
      if (address === null || typeof address === "string") throw new Error("no TCP address");
      const baseURL = `http://127.0.0.1:${address.port}`;
      const cookie = await signIn(baseURL, DEMO.recruiter);
      const response = await request(baseURL, "/roles", { cookie });
      expect(response.status).toBe(200);
      const html = await response.text();
      const sqlite = new SQLite(source, { readonly: true });
      const role = sqlite.prepare<[], { name: string }>("select name from roles where archived_at is null order by id limit 1").get();
      sqlite.close();
      expect(role).toBeDefined();
      expect(html).toContain(role?.name);
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await db.destroy();
    }
  });
});

describe("db:copy refuses", () => {
  it("a missing, unreadable or inconsistent SQLite file, before touching the target", async () => {
    const target = await newTarget();
    await expect(copySqliteToPostgres(path.join(dir, "none.sqlite"), target)).rejects.toThrow(/No SQLite database at .*none\.sqlite/);
    expect(fs.existsSync(path.join(dir, "none.sqlite"))).toBe(false);

    const garbage = path.join(dir, "garbage.sqlite");
    fs.writeFileSync(garbage, "this is not a database, only text ".repeat(200));
    await expect(copySqliteToPostgres(garbage, target)).rejects.toThrow(CopyRefused);

    // A decision of an assessment that does not exist, written with the foreign keys off.
    const broken = path.join(dir, "broken.sqlite");
    fs.copyFileSync(source, broken);
    const sqlite = new SQLite(broken);
    sqlite.pragma("foreign_keys = OFF");
    sqlite
      .prepare(
        "insert into decisions (assessment_id, decision, reason, decided_by, decided_at) select 999999, decision, reason, decided_by, decided_at from decisions limit 1",
      )
      .run();
    sqlite.close();
    await expect(copySqliteToPostgres(broken, target)).rejects.toThrow(/foreign_key_check/);

    // Not even migrated: the target was never opened.
    expect((await onPostgres(target, tableNames)).rows).toEqual([]);
  });

  it("a copy whose rows PostgreSQL stores differently: the comparison finds it and nothing is kept", async () => {
    const target = await newTarget();
    await onPostgres(target, async (db) => {
      await migrateToLatest(db);
      // A rule the target has and the source has not: it changes a skill's name as it is written.
      await sql`create function skills_renamed() returns trigger language plpgsql as $$ begin new.name := new.name || '!'; return new; end $$`.execute(
        db,
      );
      await sql`create trigger skills_renamed before insert on skills for each row execute function skills_renamed()`.execute(db);
    });
    const result = await copySqliteToPostgres(source, target);
    expect(result.ok).toBe(false);
    const differing = result.tables.filter((t) => !t.ok);
    expect(differing.map((t) => t.table)).toEqual(["skills"]);
    expect(differing[0]?.target.rows).toBe(differing[0]?.source.rows);
    expect(differing[0]?.target.checksum).not.toBe(differing[0]?.source.checksum);
    // Rolled back: every table is empty again.
    const sums = await onPostgres(target, (db) => postgresChecksumsOf(db, tables));
    for (const [table, sum] of sums) expect(sum.rows, table).toBe(table === "scorecard_summaries_generation" ? 1 : 0);
  });
});

describe("db:copy of an old installation", () => {
  it("brings the SQLite file to the latest schema first, as a start of the app would, then copies it", async () => {
    const old = path.join(dir, "old.sqlite");
    const names = Object.keys(MIGRATIONS);
    const through = names.indexOf("0012_interview_times_and_outbox");
    const { db, sqlite } = createDb(old);
    try {
      const provider = {
        getMigrations: async () => Object.fromEntries(names.slice(0, through + 1).map((name) => [name, MIGRATIONS[name]!])),
      };
      expect((await new Migrator({ db, provider }).migrateToLatest()).error).toBeUndefined();
      sqlite.prepare("insert into skill_domains (name) values ('Written before 0014')").run();
    } finally {
      await db.destroy();
    }
    const result = await copySqliteToPostgres(old, await newTarget());
    expect(result.sourceMigrations).toEqual(names.slice(through + 1));
    expect(result.ok).toBe(true);
    expect(result.tables.find((t) => t.table === "skill_domains")?.target.rows).toBe(1);
    expect(result.tables.map((t) => t.table)).toContain("scorecard_summaries");
  });
});

describe("npm run db:copy", () => {
  function runCli(args: string[]) {
    const result = spawnSync(process.execPath, ["--import", "tsx", "app/cli/db-copy.ts", ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: "test" },
      encoding: "utf8",
      timeout: 60_000,
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}`, stdout: result.stdout, stderr: result.stderr };
  }

  it("without --from and --to prints the usage and exits 2", () => {
    for (const args of [[], ["--from", source], ["--from", source, "--to", "/tmp/x.sqlite"]]) {
      const run = runCli(args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toContain("Usage: npm run db:copy -- --from <sqlite file> --to <postgres url>");
    }
  });

  it("copies, prints one line per table with its count and checksum, and never the password or a row", async () => {
    const target = new URL(await newTarget());
    // The run's server trusts local connections, so any password connects; it must still never be printed.
    target.username = "traitkit";
    target.password = "pw-Secret-42";
    const run = runCli(["--from", source, "--to", target.toString()]);
    expect(run.status, run.output).toBe(0);
    for (const shape of tables) {
      const sum = sourceSums.get(shape.name);
      expect(run.stdout).toMatch(new RegExp(`\\n  ${shape.name} +${sum?.rows} +${sum?.checksum.slice(0, 12)}  ok\\n`));
    }
    expect(run.stdout).toMatch(/every row count and checksum matches\. Committed\./);
    expect(run.output).not.toContain("pw-Secret-42");
    expect(run.output).not.toContain(DEMO.recruiter);
    expect(run.output).not.toContain("O'Brien");

    const again = runCli(["--from", source, "--to", target.toString()]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already holds data");
    expect(again.output).not.toContain("pw-Secret-42");
  });
});
