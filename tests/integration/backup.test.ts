import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupDatabase, tableCounts, type TableCount } from "../../app/cli/backup";
import { recordAudit } from "../../app/models/audit.server";
import { createDb, openSqlite, type TraitkitDb } from "~db/connection";
import { migrateToLatest } from "~db/migrator";
import { loadDemoData } from "../../seeds/demo";

/*
 * docs/reliability.md R5 / issue 9.4: a backup taken while the app writes is a
 * consistent, checked copy the app runs on; the CLI scripts refuse clearly.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");

let dir: string;
let source: string;
let db: TraitkitDb;
let sqlite: SQLite.Database;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-backup-"));
  source = path.join(dir, "source.sqlite");
  ({ db, sqlite } = createDb(source));
  await migrateToLatest(db);
  const demo = await loadDemoData(db, new Date("2026-11-22T12:00:00.000Z"));
  expect(demo.loaded).toBe(true);
});

afterEach(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

function countsByTable(counts: readonly TableCount[]): Map<string, number> {
  return new Map(counts.map((c) => [c.table, c.rows]));
}

function runCli(script: "backup" | "restore", args: string[], databasePath: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `app/cli/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: databasePath, NODE_ENV: "test" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("backup", () => {
  it("copies a consistent, checked database while another connection writes", async () => {
    const before = countsByTable(tableCounts(sqlite));
    expect(before.get("users")).toBeGreaterThan(0);
    expect(before.get("audit_log")).toBeDefined();

    // The writer is a second connection, as the running server would be.
    const writer = createDb(source);
    let stop = false;
    let written = 0;
    let writtenWhenBackupStarted = 0;
    const writes = (async () => {
      while (!stop) {
        await writer.db.transaction().execute(async (trx) => {
          await recordAudit(
            trx,
            { actorUserId: null, action: "user.create", entityType: "user", entityId: written, details: { n: written } },
            new Date(),
          );
        });
        written += 1;
        // Let the backup's steps (setImmediate) interleave with the writes.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    try {
      while (written < 20) await new Promise((resolve) => setImmediate(resolve));
      writtenWhenBackupStarted = written;
      const copy = path.join(dir, "copy.sqlite");
      const copyCounts = countsByTable(await backupDatabase(sqlite, copy));
      const writtenWhenBackupEnded = written;
      while (written < writtenWhenBackupEnded + 20) await new Promise((resolve) => setImmediate(resolve));
      stop = true;
      await writes;

      const after = countsByTable(tableCounts(sqlite));
      expect(after.get("audit_log")).toBe((before.get("audit_log") ?? 0) + written);
      expect(written).toBeGreaterThan(writtenWhenBackupStarted);

      // Tables nobody wrote are equal; the written one holds a prefix of the writes.
      expect([...copyCounts.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [table, rows] of before) {
        if (table === "audit_log") continue;
        expect(copyCounts.get(table), table).toBe(rows);
      }
      const copiedAudit = copyCounts.get("audit_log") ?? -1;
      expect(copiedAudit).toBeGreaterThanOrEqual((before.get("audit_log") ?? 0) + writtenWhenBackupStarted);
      expect(copiedAudit).toBeLessThan(after.get("audit_log") ?? 0);

      // The copy is sound, the app's connection settings take on it, and it is already migrated.
      const restored = createDb(copy);
      try {
        expect(restored.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(restored.sqlite.pragma("foreign_key_check")).toEqual([]);
        expect(await migrateToLatest(restored.db)).toEqual([]);
        expect(countsByTable(tableCounts(restored.sqlite))).toEqual(copyCounts);
        // The copied audit rows are the first ones written, in order: no gap.
        const ids = restored.sqlite
          .prepare<[], { entity_id: string }>("select entity_id from audit_log where details like '{\"n\":%' order by id")
          .all();
        expect(ids.map((r) => Number(r.entity_id))).toEqual(ids.map((_, i) => i));
      } finally {
        await restored.db.destroy();
      }
    } finally {
      stop = true;
      await writes;
      await writer.db.destroy();
    }
  });

  it("refuses to overwrite an existing file", async () => {
    const existing = path.join(dir, "existing.sqlite");
    fs.writeFileSync(existing, "keep me");
    await expect(backupDatabase(sqlite, existing)).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(existing, "utf8")).toBe("keep me");
  });
});

describe("backup and restore scripts", () => {
  it("back up, refuse an existing file, refuse a running database, restore", async () => {
    const copy = path.join(dir, "cli-copy.sqlite");
    const ok = runCli("backup", [copy], source);
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Backed up .* integrity_check ok/);
    expect(ok.stdout).toMatch(/users\s+\d+/);
    expect(fs.existsSync(copy)).toBe(true);

    const again = runCli("backup", [copy], source);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/already exists; refusing to overwrite/);

    const usage = runCli("backup", [], source);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Usage: npm run backup -- <file>/);

    const missing = runCli("backup", [path.join(dir, "x.sqlite")], path.join(dir, "none.sqlite"));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/No database at/);

    // The source is open in this process, as under a running server: restore refuses.
    const busy = runCli("restore", [copy], source);
    expect(busy.status).toBe(1);
    expect(busy.stderr).toMatch(/Stop the server first/);

    // A file that is not a database is refused before anything is touched.
    const garbage = path.join(dir, "garbage.sqlite");
    fs.writeFileSync(garbage, "not a database ".repeat(500));
    const target = path.join(dir, "restored", "traitkit.sqlite");
    const bad = runCli("restore", [garbage], target);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Restore failed: .*(not a valid|cannot be opened)/);
    expect(fs.existsSync(target)).toBe(false);

    // A stopped database with a stale -shm left behind is replaced by the backup.
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const old = openSqlite(target);
    old.exec("create table leftover (x)");
    old.close();
    fs.writeFileSync(`${target}-shm`, "stale");
    const restored = runCli("restore", [copy], target);
    expect(restored.stderr).toBe("");
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/Restored it into/);
    expect(restored.stdout).toMatch(/Migrations: already up to date/);
    const check = createDb(target);
    try {
      expect(check.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(countsByTable(tableCounts(check.sqlite))).toEqual(countsByTable(tableCounts(sqlite)));
    } finally {
      await check.db.destroy();
    }
    expect(fs.readdirSync(path.dirname(target)).filter((f) => f.includes("restoring"))).toEqual([]);
  });
});
