import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { databaseTarget, describeTarget, openSqlite, type TraitkitDb } from "~db/connection";
import { parseEnv } from "../utils/env.server";
import { findPostgresBin, POSTGRES_INSTALL_COMMAND } from "./scratch-postgres";

/*
 * Writes a consistent copy of the database with SQLite's online backup API,
 * safe while the server runs and takes writes (WAL):
 *   npm run backup -- backups/traitkit-2026-11-22.sqlite
 * Refuses to overwrite an existing file; checks the copy (integrity_check,
 * foreign_key_check) and prints its table row counts. Exit 0 on success,
 * 1 on failure, 2 on bad usage.
 *
 * With DATABASE_URL (PostgreSQL), the copy is pg_dump's custom format, one
 * snapshot of the database taken while the app servers run:
 *   npm run backup -- backups/traitkit-2026-11-22.dump
 * It refuses to overwrite too, and checks the dump with pg_restore --list.
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

/**
 * Gives the checked temporary copy its name, durably: fsync the file, link it
 * (which fails if the name was taken meanwhile: never overwrites), fsync the folder.
 */
function linkIntoPlace(temp: string, file: string, target: string, dir: string): void {
  fsyncPath(temp);
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EEXIST") {
      throw new Error(`${target} already exists; refusing to overwrite it. Choose a new file name.`);
    }
    throw error;
  }
  fsyncDir(dir);
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
    linkIntoPlace(temp, file, target, dir);
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

/*
 * PostgreSQL: pg_dump and pg_restore, run as child processes. The URL they
 * are given has no password, since a command line is visible to every user
 * of the machine (ps); the password goes in the child's PGPASSWORD.
 */

/** A PostgreSQL program the backup needs and did not find; its message says what to install and run. */
export class MissingPostgresTool extends Error {
  override name = "MissingPostgresTool";
}

/**
 * The path of a PostgreSQL client program (pg_dump, pg_restore). PG_BIN, when
 * set, is the one folder used (an operator pins the version that way);
 * otherwise the server's own folder (Debian's newest), then PATH.
 */
export function findPostgresTool(tool: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const folders = env.PG_BIN
    ? [env.PG_BIN]
    : [findPostgresBin(), ...(env.PATH ?? "").split(path.delimiter)].filter((dir): dir is string => Boolean(dir));
  return folders.map((dir) => path.join(dir, tool)).find((file) => fs.existsSync(file)) ?? null;
}

/** The URL without its password (in the user part or a `password` parameter), and the password. */
export function splitPassword(url: string): { url: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : (parsed.searchParams.get("password") ?? undefined);
  parsed.password = "";
  parsed.searchParams.delete("password");
  return { url: parsed.toString(), password };
}

/** A command line as a POSIX shell reads it, for a person to copy. */
export function shellLine(args: readonly string[]): string {
  return args.map((arg) => (/^[\w./:@%=+,-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`)).join(" ");
}

/** The message when a program is missing: what to install, then the exact command to run by hand. */
export function missingToolMessage(tool: string, args: readonly string[]): string {
  return (
    `${tool} was not found (PG_BIN, /usr/lib/postgresql/<version>/bin, PATH). Install PostgreSQL's programs:\n` +
    `  ${POSTGRES_INSTALL_COMMAND}\n` +
    `or run it yourself, with the password in PGPASSWORD rather than in the URL:\n` +
    `  ${shellLine([tool, ...args])}`
  );
}

export type ToolRun = { status: number | null; stdout: string; stderr: string };

/** Runs a PostgreSQL program with the password in its environment only. */
export function runPostgresTool(
  file: string,
  args: readonly string[],
  password: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env: password === undefined ? env : { ...env, PGPASSWORD: password },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Finds a program or throws the message that says what to install and run instead. */
function requireTool(tool: string, args: readonly string[], env: NodeJS.ProcessEnv): string {
  const file = findPostgresTool(tool, env);
  if (file === null) throw new MissingPostgresTool(missingToolMessage(tool, args));
  return file;
}

/** How many tables' data a pg_dump archive holds, read with pg_restore --list; throws when it is not one. */
export async function checkPostgresDump(file: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const args = ["--list", file];
  const run = await runPostgresTool(requireTool("pg_restore", args, env), args, undefined, env);
  if (run.status !== 0) throw new Error(`${file} is not a readable pg_dump archive: ${run.stderr.trim()}`);
  // A table's rows are one "TABLE DATA" entry of the archive's table of contents.
  return run.stdout.split("\n").filter((line) => / TABLE DATA /.test(line)).length;
}

export type PostgresBackup = { tables: number; bytes: number };

/**
 * Dumps the PostgreSQL database at `url` to the new file `target`
 * (pg_dump --format=custom: one snapshot, compressed, restored by pg_restore)
 * and checks the dump. Never overwrites: the dump is written beside the
 * target and linked to its name only once checked.
 */
export async function backupPostgres(url: string, target: string, env: NodeJS.ProcessEnv = process.env): Promise<PostgresBackup> {
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new Error(`${target} already exists; refusing to overwrite it. Choose a new file name.`);
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) throw new Error(`The folder ${dir} does not exist.`);
  const { url: safeUrl, password } = splitPassword(url);
  const pgDump = requireTool("pg_dump", ["--format=custom", "--file", target, safeUrl], env);
  requireTool("pg_restore", ["--list", target], env);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.partial`);
  fs.rmSync(temp, { force: true });
  try {
    const run = await runPostgresTool(pgDump, ["--format=custom", "--file", temp, safeUrl], password, env);
    if (run.status !== 0) throw new Error(`pg_dump failed: ${run.stderr.trim()}`);
    const tables = await checkPostgresDump(temp, env);
    linkIntoPlace(temp, file, target, dir);
    return { tables, bytes: fs.statSync(file).size };
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Every table of the PostgreSQL database's schema with its row count, by name. */
export async function postgresTableCounts(db: TraitkitDb): Promise<TableCount[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const counts: TableCount[] = [];
  for (const { name } of rows) {
    const { rows: counted } = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    counts.push({ table: name, rows: counted[0]?.n ?? 0 });
  }
  return counts;
}

async function backupPostgresMain(url: string, target: string, where: string): Promise<number> {
  try {
    const { tables, bytes } = await backupPostgres(url, target);
    console.log(`Backed up ${where} to ${target} with pg_dump (custom format, ${bytes} bytes).`);
    console.log(`Checked it with pg_restore --list: the data of ${tables} tables.`);
    console.log(`Restore it with: npm run restore -- ${shellLine([target])}`);
    return 0;
  } catch (error) {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function main(): Promise<number> {
  const target = fileArgument("Usage: npm run backup -- <file>   (the file must not exist yet)");
  if (target === undefined) return 2;
  let source: SQLite.Database | undefined;
  try {
    const env = parseEnv(process.env);
    const database = databaseTarget(env);
    if (database.kind === "postgres") return await backupPostgresMain(database.url, target, describeTarget(database));
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
