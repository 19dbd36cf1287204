import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import {
  Kysely,
  PostgresDialect,
  sql,
  SqliteAdapter,
  SqliteDialect,
  type DialectAdapter,
  type LogEvent,
  type SqliteDatabase,
} from "kysely";
import pg from "pg";
import type { Database } from "./schema";

/** Waits this long for a writer's lock before SQLITE_BUSY (docs/reliability.md R2). */
export const BUSY_TIMEOUT_MS = 5000;

/*
 * synchronous=FULL: an acknowledged write survives a process crash and a power
 * loss. WAL with NORMAL would already survive a process crash, but Traitkit
 * stores hiring decisions and its write volume is low, so the extra fsync is cheap.
 */
const REQUIRED_PRAGMAS = {
  journal_mode: "wal",
  synchronous: 2,
  foreign_keys: 1,
} as const;

export type TraitkitDb = Kysely<Database>;

export function openSqlite(file: string): SQLite.Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file, { timeout: BUSY_TIMEOUT_MS });
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  // Erased rows are overwritten with zeros in the file, not just unlinked (docs/reliability.md G2).
  sqlite.pragma("secure_delete = ON");
  assertPragmas(sqlite, file === ":memory:");
  return sqlite;
}

/** Refuses to run on a connection whose safety settings did not take. */
export function assertPragmas(sqlite: SQLite.Database, inMemory = false): void {
  const journal = sqlite.pragma("journal_mode", { simple: true });
  const synchronous = sqlite.pragma("synchronous", { simple: true });
  const foreignKeys = sqlite.pragma("foreign_keys", { simple: true });
  const timeout = sqlite.pragma("busy_timeout", { simple: true });
  const problems: string[] = [];
  // An in-memory database cannot use WAL; it is only ever used by tests.
  if (!inMemory && journal !== REQUIRED_PRAGMAS.journal_mode) problems.push(`journal_mode=${String(journal)}`);
  if (synchronous !== REQUIRED_PRAGMAS.synchronous) problems.push(`synchronous=${String(synchronous)}`);
  if (foreignKeys !== REQUIRED_PRAGMAS.foreign_keys) problems.push(`foreign_keys=${String(foreignKeys)}`);
  if (typeof timeout !== "number" || timeout < BUSY_TIMEOUT_MS) problems.push(`busy_timeout=${String(timeout)}`);
  if (problems.length > 0) {
    throw new Error(`SQLite connection is not safe to use: ${problems.join(", ")}`);
  }
}

/** Compiled statements kept: the app runs the same few hundred SQL texts again and again. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query it runs, and better-sqlite3 compiles the SQL on
 * each prepare. This keeps the most recently used compiled statements. Reusing
 * one is safe: Kysely runs one query at a time on the connection (a streamed
 * query holds it until done), and SQLite re-prepares after a schema change.
 */
export function withStatementCache(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql) => {
      let statement = statements.get(sql);
      if (statement) {
        // Map keeps insertion order: re-inserting marks it as the most recently used.
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        const oldest = statements.size >= size ? statements.keys().next().value : undefined;
        if (oldest !== undefined) statements.delete(oldest);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

/*
 * SQLite changes a schema inside a transaction like any other write, but
 * Kysely's SQLite adapter says it cannot, so its migrator would run each
 * statement of a migration on its own: a migration stopped half-way (a full
 * disk, a killed process) would leave a schema the next start cannot migrate.
 * Saying it can makes the migrator apply the pending migrations, and record
 * them, in one transaction: all or nothing.
 */
class SqliteAdapterWithTransactionalDdl extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TraitkitSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new SqliteAdapterWithTransactionalDdl();
  }
}

export function createDb(file: string, options: { log?: (event: LogEvent) => void } = {}): { db: TraitkitDb; sqlite: SQLite.Database } {
  const sqlite = openSqlite(file);
  const db = new Kysely<Database>({ dialect: new TraitkitSqliteDialect({ database: withStatementCache(sqlite) }), log: options.log });
  return { db, sqlite };
}

/** Connections one app server keeps open to PostgreSQL when DATABASE_POOL_SIZE does not say. */
export const DEFAULT_POOL_SIZE = 10;

/** Where the data lives: a SQLite file (the default) or a PostgreSQL server every app server shares. */
export type DatabaseTarget = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string; poolSize: number };

/** The target a configuration names: DATABASE_URL when set, else the SQLite file at DATABASE_PATH. */
export function databaseTarget(settings: { DATABASE_URL?: string; DATABASE_PATH: string; DATABASE_POOL_SIZE?: number }): DatabaseTarget {
  return settings.DATABASE_URL
    ? { kind: "postgres", url: settings.DATABASE_URL, poolSize: settings.DATABASE_POOL_SIZE ?? DEFAULT_POOL_SIZE }
    : { kind: "sqlite", file: settings.DATABASE_PATH };
}

/** The target without its password, for a start-up line or a log. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "sqlite") return target.file;
  // Host and database only: the URL's user and password are secrets.
  const url = new URL(target.url);
  return `PostgreSQL at ${url.host}${url.pathname} (pool of ${target.poolSize})`;
}

/*
 * PostgreSQL answers in its own types where SQLite answers numbers: count()
 * and sum() are bigint, avg() is numeric (both arrive as text from pg), and a
 * comparison is a boolean. These parsers give the models what SQLite gives
 * them, so no model knows which database it reads: whole numbers, numbers, 1/0.
 * Set on this pool only, not on pg's global parsers.
 */
const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;

function parseCount(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`A bigint beyond JavaScript's safe integers: ${text}`);
  return value;
}

const postgresTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8) return parseCount;
    if (oid === NUMERIC) return (text: string) => Number(text);
    if (oid === BOOL) return (text: string) => (text === "t" ? 1 : 0);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

export function createPostgresDb(
  url: string,
  options: { poolSize?: number; log?: (event: LogEvent) => void } = {},
): { db: TraitkitDb; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    types: postgresTypes,
    // A server that is down fails a request in seconds instead of queueing it for ever.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection the server closed (a restart, a failover) is dropped from the pool, not thrown in the process.
  pool.on("error", () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: options.log });
  return { db, pool };
}

/** Opens the database a target names, after checking it is safe to use (SQLite's pragmas, PostgreSQL's settings). */
export async function openDatabase(target: DatabaseTarget, options: { log?: (event: LogEvent) => void } = {}): Promise<TraitkitDb> {
  if (target.kind === "sqlite") return createDb(target.file, options).db;
  const { db } = createPostgresDb(target.url, { ...options, poolSize: target.poolSize });
  try {
    await assertPostgresSettings(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/** The oldest PostgreSQL Traitkit runs on: the version its tests run on (Debian 12's). */
export const MIN_POSTGRES_VERSION = 15;

/**
 * Refuses to run on a PostgreSQL server whose settings would make it answer
 * differently from SQLite or lose an acknowledged write: every problem is
 * named, with what to do about it.
 */
export async function assertPostgresSettings(db: TraitkitDb): Promise<void> {
  const setting = async (name: string) => {
    const { rows } = await sql<{ value: string }>`select current_setting(${name}) as value`.execute(db);
    return rows[0]?.value ?? "";
  };
  const problems: string[] = [];
  const version = Number(await setting("server_version_num"));
  if (version < MIN_POSTGRES_VERSION * 10000) {
    problems.push(`server version ${await setting("server_version")}: Traitkit needs PostgreSQL ${MIN_POSTGRES_VERSION} or later`);
  }
  // Durability: an acknowledged hiring decision survives a crash or a power loss (as SQLite's synchronous=FULL).
  if ((await setting("fsync")) !== "on") problems.push("fsync is off: set fsync = on");
  if ((await setting("full_page_writes")) !== "on") problems.push("full_page_writes is off: set full_page_writes = on");
  const commit = await setting("synchronous_commit");
  if (commit === "off") problems.push("synchronous_commit is off: set synchronous_commit = on");
  if ((await setting("server_encoding")) !== "UTF8")
    problems.push(`server_encoding is ${await setting("server_encoding")}: the database must be UTF8`);
  // Byte order and ASCII-only case folding, as SQLite: lists sort and search the same on both.
  const { rows } = await sql<{ collate: string; ctype: string }>`
    select datcollate as collate, datctype as ctype from pg_database where datname = current_database()`.execute(db);
  const locale = rows[0];
  const isC = (value: string | undefined) => value === "C" || value === "POSIX";
  if (!isC(locale?.collate) || !isC(locale?.ctype)) {
    problems.push(
      `the database's collation is ${locale?.collate}/${locale?.ctype}: create it with C collation, e.g. ` +
        `CREATE DATABASE traitkit TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`,
    );
  }
  if (problems.length > 0) throw new Error(`PostgreSQL is not safe to use:\n  ${problems.join("\n  ")}`);
}
