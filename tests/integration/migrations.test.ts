import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Migrator, sql, type MigrationProvider } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tableCounts, type TableCount } from "../../app/cli/backup";
import { createDb, type TraitkitDb } from "../../db/connection";
import * as m0001 from "../../db/migrations/0001_initial";
import { migrateToLatest } from "../../db/migrator";
import { loadDemoData } from "../../seeds/demo";
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

const firstOnly: MigrationProvider = { getMigrations: async () => ({ "0001_initial": m0001 }) };

/** Row counts of the application's tables (Kysely's own bookkeeping excluded). */
function dataCounts(): TableCount[] {
  return tableCounts(sqlite).filter((c) => !c.table.startsWith("kysely_"));
}

async function schema(): Promise<{ type: string; name: string; sql: string | null }[]> {
  return (await sql<{ type: string; name: string; sql: string | null }>`select type, name, sql from sqlite_master order by type, name`.execute(db)).rows;
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

describe("migrations", () => {
  it("upgrade a database made by the first migration, holding data, without losing anything", async () => {
    const first = await new Migrator({ db, provider: firstOnly }).migrateToLatest();
    expect(first.error).toBeUndefined();
    expect(first.results?.map((r) => [r.migrationName, r.status])).toEqual([["0001_initial", "Success"]]);
    expect((await loadDemoData(db, new Date("2026-11-22T12:00:00.000Z"))).loaded).toBe(true);
    const before = dataCounts();
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
