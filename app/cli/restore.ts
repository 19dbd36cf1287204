import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import SQLite from "better-sqlite3";
import { createDb } from "~db/connection";
import { migrateToLatest } from "~db/migrator";
import { parseEnv } from "../utils/env.server";
import { checkDatabaseFile, fileArgument, formatCounts, fsyncDir, type TableCount } from "./backup";

/*
 * Replaces the database with a backup made by `npm run backup`:
 *   1. stop the server; 2. npm run restore -- <file>; 3. start the server.
 * Checks the backup (integrity_check, foreign_key_check) before touching the
 * database, refuses while another process has the database open, copies the
 * backup beside DATABASE_PATH (temp file, fsync, rename: the database is the
 * old one or the new one, never half of each), removes the old -wal/-shm and
 * runs the migrations. Exit 0 on success, 1 on failure, 2 on bad usage.
 */

/**
 * True when another connection may have `file` open (a running server).
 * A WAL database keeps its -wal file while any connection is open; the last
 * connection to close checkpoints it and deletes it. So: when a -wal exists,
 * open and close the database once; if the -wal is still there, someone else
 * holds it open. (A -wal left by a crash is checkpointed by that close.)
 */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file) || !fs.existsSync(`${file}-wal`)) return false;
  const probe = new SQLite(file, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma("wal_checkpoint(TRUNCATE)");
  } catch {
    // Busy: another connection is writing; the -wal check below says so.
  } finally {
    probe.close();
  }
  return fs.existsSync(`${file}-wal`);
}

export type RestoreResult = { counts: TableCount[]; migrations: string[] };

export async function restoreDatabase(backupFile: string, databasePath: string): Promise<RestoreResult> {
  if (!fs.existsSync(backupFile)) throw new Error(`No backup file at ${backupFile}.`);
  const target = path.resolve(databasePath);
  if (path.resolve(backupFile) === target) throw new Error("The backup file is the database itself.");
  if (databaseInUse(target)) {
    throw new Error(`${databasePath} is open in another process (is the server running?). Stop the server first, then restore.`);
  }
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.restoring`);
  const removeTemp = () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${temp}${suffix}`, { force: true });
  };
  removeTemp();
  try {
    fs.copyFileSync(backupFile, temp);
    // The check runs on the copy, so what is checked is exactly what gets installed.
    const counts = checkDatabaseFile(temp);
    const fd = fs.openSync(temp, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (databaseInUse(target)) {
      throw new Error(`${databasePath} is open in another process (is the server running?). Stop the server first, then restore.`);
    }
    // A stale -wal must never be replayed into the restored file.
    fs.rmSync(`${target}-wal`, { force: true });
    fs.rmSync(`${target}-shm`, { force: true });
    fs.renameSync(temp, target);
    fsyncDir(dir);
    const { db } = createDb(target);
    try {
      const migrations = await migrateToLatest(db);
      return { counts, migrations };
    } finally {
      await db.destroy();
    }
  } finally {
    removeTemp();
  }
}

async function main(): Promise<number> {
  const backupFile = fileArgument("Usage: npm run restore -- <backup file>   (stop the server first)");
  if (backupFile === undefined) return 2;
  try {
    const env = parseEnv(process.env);
    const { counts, migrations } = await restoreDatabase(backupFile, env.DATABASE_PATH);
    console.log(`Checked ${backupFile}: integrity_check ok, foreign_key_check ok.`);
    console.log(`Restored it into ${env.DATABASE_PATH} (old -wal/-shm removed).`);
    console.log(migrations.length > 0 ? `Applied migrations: ${migrations.join(", ")}.` : "Migrations: already up to date.");
    console.log(`Rows per table:\n${formatCounts(counts)}`);
    return 0;
  } catch (error) {
    console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
