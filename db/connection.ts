import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteAdapter, SqliteDialect, type DialectAdapter, type LogEvent, type SqliteDatabase } from "kysely";
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
