import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import SQLite from "better-sqlite3";
import { openSqlite } from "~db/connection";
import { parseEnv } from "../utils/env.server";

/*
 * Writes a consistent copy of the database with SQLite's online backup API,
 * safe while the server runs and takes writes (WAL):
 *   npm run backup -- backups/traitkit-2026-11-22.sqlite
 * Refuses to overwrite an existing file; checks the copy (integrity_check,
 * foreign_key_check) and prints its table row counts. Exit 0 on success,
 * 1 on failure, 2 on bad usage.
 */

export type TableCount = { table: string; rows: number };

/** Every table of the database (SQLite's own excepted) with its row count, by name. */
export function tableCounts(sqlite: SQLite.Database): TableCount[] {
  const names = sqlite
    .prepare<[], { name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all()
    .map((row) => row.name);
  return names.map((table) => {
    const row = sqlite.prepare<[], { n: number }>(`select count(*) as n from "${table.replaceAll('"', '""')}"`).get();
    return { table, rows: row?.n ?? 0 };
  });
}

/** Throws unless the file is a readable SQLite database passing integrity_check and foreign_key_check. */
export function checkDatabaseFile(file: string): TableCount[] {
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file, { fileMustExist: true });
  } catch (error) {
    throw new Error(`${file} cannot be opened as a SQLite database: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    let integrity: unknown;
    try {
      integrity = sqlite.pragma("integrity_check", { simple: true });
    } catch (error) {
      throw new Error(`${file} is not a valid SQLite database: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (integrity !== "ok") throw new Error(`${file} failed PRAGMA integrity_check: ${String(integrity)}`);
    const violations = sqlite.pragma("foreign_key_check");
    if (Array.isArray(violations) && violations.length > 0) {
      throw new Error(`${file} failed PRAGMA foreign_key_check: ${violations.length} broken reference(s)`);
    }
    return tableCounts(sqlite);
  } finally {
    // The last connection to close checkpoints and deletes the copy's -wal and -shm.
    sqlite.close();
  }
}

function fsyncPath(file: string): void {
  const fd = fs.openSync(file, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Best effort: makes a rename or link in the folder durable (not supported on every platform). */
export function fsyncDir(dir: string): void {
  try {
    fsyncPath(dir);
  } catch {
    // Some platforms cannot open a folder for fsync; the file itself is already synced.
  }
}

function removeWithSidecars(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Copies the open database `source` into the new file `target` and checks the copy.
 * The pages are copied in a single step, inside one read transaction: the copy is the
 * database as of one moment, and writers on other connections are not blocked (WAL).
 */
export async function backupDatabase(source: SQLite.Database, target: string): Promise<TableCount[]> {
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new Error(`${target} already exists; refusing to overwrite it. Choose a new file name.`);
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) throw new Error(`The folder ${dir} does not exist.`);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.partial`);
  removeWithSidecars(temp);
  try {
    // 0x7fffffff pages per step: everything at once, so concurrent writes cannot restart the copy.
    await source.backup(temp, { progress: () => 0x7fffffff });
    const counts = checkDatabaseFile(temp);
    fsyncPath(temp);
    try {
      // link fails with EEXIST if the name was taken meanwhile: never overwrites.
      fs.linkSync(temp, file);
    } catch (error) {
      if (error instanceof Error && "code" in error && error.code === "EEXIST") {
        throw new Error(`${target} already exists; refusing to overwrite it. Choose a new file name.`);
      }
      throw error;
    }
    fsyncDir(dir);
    return counts;
  } finally {
    removeWithSidecars(temp);
  }
}

export function formatCounts(counts: readonly TableCount[]): string {
  const width = Math.max(...counts.map((c) => c.table.length), 5);
  return counts.map((c) => `  ${c.table.padEnd(width)}  ${c.rows}`).join("\n");
}

/** The one file argument of a backup or restore command, or undefined after printing the usage. */
export function fileArgument(usage: string): string | undefined {
  let positionals: string[] = [];
  try {
    ({ positionals } = parseArgs({ allowPositionals: true, strict: true, options: {} }));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
  }
  const [file] = positionals;
  if (positionals.length !== 1 || file === undefined) {
    console.error(usage);
    return undefined;
  }
  return file;
}

async function main(): Promise<number> {
  const target = fileArgument("Usage: npm run backup -- <file>   (the file must not exist yet)");
  if (target === undefined) return 2;
  let source: SQLite.Database | undefined;
  try {
    const env = parseEnv(process.env);
    if (!fs.existsSync(env.DATABASE_PATH)) {
      console.error(`No database at ${env.DATABASE_PATH} (DATABASE_PATH); nothing to back up.`);
      return 1;
    }
    if (fs.existsSync(target)) {
      console.error(`${target} already exists; refusing to overwrite it. Choose a new file name.`);
      return 1;
    }
    source = openSqlite(env.DATABASE_PATH);
    const counts = await backupDatabase(source, target);
    console.log(`Backed up ${env.DATABASE_PATH} to ${target}: integrity_check ok, foreign_key_check ok.`);
    console.log(`Rows per table:\n${formatCounts(counts)}`);
    return 0;
  } catch (error) {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    source?.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
