import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { createDb, databaseTarget, describeTarget, openDatabase, type DatabaseTarget } from "~db/connection";
import { migrateToLatest } from "~db/migrator";
import { parseEnv } from "../utils/env.server";
import {
  checkDatabaseFile,
  checkPostgresDump,
  fileArgument,
  findPostgresTool,
  formatCounts,
  fsyncDir,
  MissingPostgresTool,
  missingToolMessage,
  postgresTableCounts,
  runPostgresTool,
  splitPassword,
  type TableCount,
} from "./backup";

/*
 * Replaces the database with a backup made by `npm run backup`:
 *   1. stop the server; 2. npm run restore -- <file>; 3. start the server.
 * Checks the backup (integrity_check, foreign_key_check) before touching the
 * database, refuses while another process has the database open, copies the
 * backup beside DATABASE_PATH (temp file, fsync, rename: the database is the
 * old one or the new one, never half of each), removes the old -wal/-shm and
 * runs the migrations. Exit 0 on success, 1 on failure, 2 on bad usage.
 *
 * With DATABASE_URL (PostgreSQL), the backup is a pg_dump archive from
 * `npm run backup`: checked with pg_restore --list, then restored over the
 * database's tables with pg_restore in one transaction (the database is the
 * old one or the backup, never half of each), then migrated.
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

/** pg_restore's arguments: the backup's objects replace the database's, in one transaction, owned by the user restoring. */
function pgRestoreArgs(url: string, file: string): string[] {
  return ["--clean", "--if-exists", "--single-transaction", "--no-owner", "--dbname", url, file];
}

/**
 * Replaces the PostgreSQL database's tables with those of a pg_dump archive,
 * then brings them to the latest schema. Refuses an unreadable archive, a
 * server that fails the app's settings check, and a database another session
 * is connected to (an app server still running would write into the restore).
 */
export async function restorePostgres(
  backupFile: string,
  target: Extract<DatabaseTarget, { kind: "postgres" }>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RestoreResult> {
  if (!fs.existsSync(backupFile)) throw new Error(`No backup file at ${backupFile}.`);
  const { url, password } = splitPassword(target.url);
  const args = pgRestoreArgs(url, backupFile);
  const pgRestore = findPostgresTool("pg_restore", env);
  if (pgRestore === null) throw new MissingPostgresTool(missingToolMessage("pg_restore", args));
  await checkPostgresDump(backupFile, env);
  const db = await openDatabase({ ...target, poolSize: 1 });
  try {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`.execute(
      db,
    );
    const others = rows[0]?.n ?? 0;
    if (others > 0) {
      throw new Error(
        `${describeTarget(target)} has ${others} other connection(s) (are app servers running?). Stop them first, then restore.`,
      );
    }
    const run = await runPostgresTool(pgRestore, args, password, env);
    if (run.status !== 0) throw new Error(`pg_restore failed, and its one transaction was rolled back: ${run.stderr.trim()}`);
    const migrations = await migrateToLatest(db);
    return { counts: await postgresTableCounts(db), migrations };
  } finally {
    await db.destroy();
  }
}

async function restorePostgresMain(backupFile: string, target: Extract<DatabaseTarget, { kind: "postgres" }>): Promise<number> {
  try {
    const { counts, migrations } = await restorePostgres(backupFile, target);
    console.log(`Checked ${backupFile} with pg_restore --list.`);
    console.log(`Restored it into ${describeTarget(target)} with pg_restore (one transaction).`);
    console.log(migrations.length > 0 ? `Applied migrations: ${migrations.join(", ")}.` : "Migrations: already up to date.");
    console.log(`Rows per table:\n${formatCounts(counts)}`);
    return 0;
  } catch (error) {
    console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function main(): Promise<number> {
  const backupFile = fileArgument("Usage: npm run restore -- <backup file>   (stop the server first)");
  if (backupFile === undefined) return 2;
  try {
    const env = parseEnv(process.env);
    const database = databaseTarget(env);
    if (database.kind === "postgres") return await restorePostgresMain(backupFile, database);
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
