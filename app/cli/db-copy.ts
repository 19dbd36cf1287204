import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type SQLite from "better-sqlite3";
import { sql, type RawBuilder } from "kysely";
import { createDb, describeTarget, openDatabase, type DatabaseTarget, type TraitkitDb } from "~db/connection";
import { migrateToLatest } from "~db/migrator";
import { checkDatabaseFile } from "./backup";

/*
 * Moves an existing SQLite installation to PostgreSQL, every row intact:
 *   npm run db:copy -- --from data/traitkit.sqlite --to postgres://traitkit@db.internal/traitkit
 * Stop the app first: the copy reads one snapshot of the file, and a write
 * made after it began is not copied.
 *
 * 1. The SQLite file must exist and pass integrity_check and foreign_key_check;
 *    it is then brought to the latest schema, as a start of the app would.
 * 2. The PostgreSQL database must pass the app's settings check and hold no
 *    data; it is brought to the latest schema (it keeps its own migration records).
 * 3. Every app table is copied in an order that satisfies its foreign keys, in
 *    batches, in one PostgreSQL transaction, with the triggers on: they
 *    recompute their copies and counts and refuse an inconsistent row.
 * 4. Before that transaction commits, each table's row count and checksum are
 *    read back and compared with the source's; any difference rolls it all back.
 * Exit 0 when every table matches, 1 on a refusal or a difference, 2 on bad usage.
 * Nothing printed names a row's content or the URL's password.
 */

/** Kysely's and the migrator's own records: the target writes its own while it migrates. */
const MIGRATION_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);

/**
 * Tables whose rows a migration writes itself, so the target has them before
 * any copy: migration 0017's one-row counter. They hold no data of the
 * installation, and the copy overwrites their rows with the source's.
 */
const WRITTEN_BY_MIGRATIONS = new Set(["scorecard_summaries_generation"]);

/*
 * Tables whose values triggers write when another table changes: a ranked
 * result's panel size (0010) and latest decision (0011), recomputed when the
 * result is inserted and whenever an interviewer or a decision is; the
 * summaries' generation (0017), moved by every summary written. Copied as late
 * as their foreign keys allow, they are written once with the values the
 * triggers agree with, and the generation ends as the source's.
 */
const KEPT_BY_TRIGGERS = new Set(["assessment_results", "scorecard_summaries_generation"]);

/** Rows per INSERT, within PostgreSQL's limit of 65,535 parameters per statement. */
const BATCH_ROWS = 500;
const MAX_PARAMETERS = 65_535;
/** Rows read back per FETCH from the verification's cursor. */
const FETCH_ROWS = 1_000;
/** How many hexadecimal digits of a checksum the report prints: enough to tell two apart by eye. */
const CHECKSUM_PREFIX = 12;

type Row = Record<string, unknown>;

/** A table as the SQLite schema declares it. */
export type TableShape = {
  name: string;
  columns: string[];
  /** The columns rows are read in order of: the primary key's, or every column when there is none. */
  orderBy: string[];
  /** The primary key's columns (empty when there is none). */
  primaryKey: string[];
  /** Tables its foreign keys reference (itself excluded). */
  references: string[];
};

export type TableSum = { rows: number; checksum: string };

export type TableCheck = {
  table: string;
  source: TableSum;
  target: TableSum;
  ok: boolean;
};

export type CopyResult = {
  /** Every app table, in the order it was copied. */
  tables: TableCheck[];
  /** True when every table's count and checksum matched: the copy was committed. Otherwise it was rolled back. */
  ok: boolean;
  sourceMigrations: string[];
  targetMigrations: string[];
};

/** A copy refused before anything was written (a bad source, a target that holds data or has another schema). */
export class CopyRefused extends Error {
  override name = "CopyRefused";
}

function quoteSqliteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The app tables of a SQLite database (SQLite's own and the migration records excepted), with their columns, keys and references. */
export function sqliteTables(sqlite: SQLite.Database): TableShape[] {
  const names = sqlite
    .prepare<[], { name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all()
    .map((row) => row.name)
    .filter((name) => !MIGRATION_TABLES.has(name));
  return names.map((name) => {
    const columns = sqlite.prepare<[], { name: string; pk: number }>(`pragma table_info(${quoteSqliteName(name)})`).all();
    const primaryKey = columns
      .filter((column) => column.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((column) => column.name);
    const references = sqlite
      .prepare<[], { table: string }>(`pragma foreign_key_list(${quoteSqliteName(name)})`)
      .all()
      .map((fk) => fk.table);
    const columnNames = columns.map((column) => column.name);
    return {
      name,
      columns: columnNames,
      orderBy: primaryKey.length > 0 ? primaryKey : [...columnNames].sort(),
      primaryKey,
      references: [...new Set(references)].filter((table) => table !== name).sort(),
    };
  });
}

/**
 * The tables in an order where each comes after every table it references
 * (Kahn's algorithm), the tables kept by triggers as late as that allows,
 * otherwise by name. A self-reference needs the rows in key order, which the
 * copy keeps; a cycle between tables cannot be copied with immediate foreign
 * keys and is refused.
 */
export function copyOrder(tables: readonly TableShape[]): TableShape[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const waitingFor = new Map(tables.map((table) => [table.name, new Set(table.references.filter((name) => byName.has(name)))]));
  const ordered: TableShape[] = [];
  while (waitingFor.size > 0) {
    const ready = [...waitingFor].filter(([, refs]) => refs.size === 0).map(([name]) => name);
    if (ready.length === 0) throw new CopyRefused(`Foreign keys form a cycle between ${[...waitingFor.keys()].join(", ")}.`);
    ready.sort((a, b) => Number(KEPT_BY_TRIGGERS.has(a)) - Number(KEPT_BY_TRIGGERS.has(b)) || a.localeCompare(b));
    const next = ready[0] as string;
    ordered.push(byName.get(next) as TableShape);
    waitingFor.delete(next);
    for (const refs of waitingFor.values()) refs.delete(next);
  }
  return ordered;
}

/*
 * The checksum: sha256 over the rows in key order, each row one line of JSON,
 * its columns sorted by name. Both drivers answer a whole number or a double
 * as a JavaScript number (SQLite's REAL and PostgreSQL's double precision are
 * the same 8-byte double, and PostgreSQL prints a double exactly), text as a
 * string and NULL as null; so a row that is the same on both sides is the same line.
 */
function canonicalValue(table: string, column: string, value: unknown): number | string | null {
  if (value === null || typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  // Traitkit's tables hold integers, doubles and text; anything else would be compared wrongly, so it stops the copy.
  throw new Error(`${table}.${column} holds a value of a type the copy does not compare (${typeof value}).`);
}

export function canonicalRow(table: string, row: Row): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((column) => [column, canonicalValue(table, column, row[column])]),
  );
}

class TableHash {
  private hash = crypto.createHash("sha256");
  rows = 0;
  constructor(private readonly table: string) {}
  add(row: Row): void {
    this.hash.update(`${canonicalRow(this.table, row)}\n`);
    this.rows += 1;
  }
  sum(): TableSum {
    return { rows: this.rows, checksum: this.hash.digest("hex") };
  }
}

/** ORDER BY the table's key, NULL first: SQLite's default, said explicitly so PostgreSQL sorts the same way. */
function sqliteOrderBy(shape: TableShape): string {
  return shape.orderBy.map((column) => `${quoteSqliteName(column)} asc nulls first`).join(", ");
}

/*
 * Text sorts the same on both sides: SQLite compares its bytes (BINARY, the
 * only collation Traitkit's schema uses), and openDatabase has checked that
 * the PostgreSQL database's collation is C, which compares bytes too.
 */
function postgresOrderBy(shape: TableShape): RawBuilder<unknown> {
  return sql.join(shape.orderBy.map((column) => sql`${sql.ref(column)} asc nulls first`));
}

/** Each table's row count and checksum on a SQLite database, read in one snapshot. */
export function sqliteChecksums(sqlite: SQLite.Database, tables: readonly TableShape[]): Map<string, TableSum> {
  const sums = new Map<string, TableSum>();
  sqlite.exec("begin");
  try {
    for (const shape of tables) {
      const hash = new TableHash(shape.name);
      for (const row of sqlite
        .prepare<[], Row>(`select * from ${quoteSqliteName(shape.name)} order by ${sqliteOrderBy(shape)}`)
        .iterate()) {
        hash.add(row);
      }
      sums.set(shape.name, hash.sum());
    }
  } finally {
    sqlite.exec("rollback");
  }
  return sums;
}

/**
 * Each table's row count and checksum on PostgreSQL, read through a cursor so
 * a big table is never held whole. `db` must be one connection inside a
 * transaction (a cursor lives in its transaction).
 */
export async function postgresChecksums(db: TraitkitDb, tables: readonly TableShape[]): Promise<Map<string, TableSum>> {
  const sums = new Map<string, TableSum>();
  for (const shape of tables) {
    const hash = new TableHash(shape.name);
    await sql`declare traitkit_copy_check no scroll cursor for select * from ${sql.table(shape.name)} order by ${postgresOrderBy(shape)}`.execute(
      db,
    );
    for (;;) {
      const { rows } = await sql<Row>`fetch forward ${sql.lit(FETCH_ROWS)} from traitkit_copy_check`.execute(db);
      for (const row of rows) hash.add(row);
      if (rows.length < FETCH_ROWS) break;
    }
    await sql`close traitkit_copy_check`.execute(db);
    sums.set(shape.name, hash.sum());
  }
  return sums;
}

/**
 * Each table's count and checksum on a PostgreSQL database, read in one
 * snapshot (repeatable read), for a check after the copy.
 */
export async function postgresChecksumsOf(db: TraitkitDb, tables: readonly TableShape[]): Promise<Map<string, TableSum>> {
  return db.connection().execute(async (connection) => {
    await sql`begin isolation level repeatable read read only`.execute(connection);
    try {
      return await postgresChecksums(connection, tables);
    } finally {
      await sql`rollback`.execute(connection);
    }
  });
}

type PostgresTable = { columns: Set<string>; identity: string[] };

/** The tables of the PostgreSQL database's schema, with their columns and identity columns. */
async function postgresTables(db: TraitkitDb): Promise<Map<string, PostgresTable>> {
  const { rows } = await sql<{ table: string; column: string; identity: string }>`
    select c.table_name as table, c.column_name as column, c.is_identity as identity
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db);
  const tables = new Map<string, PostgresTable>();
  for (const row of rows) {
    let table = tables.get(row.table);
    if (!table) tables.set(row.table, (table = { columns: new Set(), identity: [] }));
    table.columns.add(row.column);
    if (row.identity === "YES") table.identity.push(row.column);
  }
  return tables;
}

/** The app tables of the PostgreSQL database that hold a row (the rows migrations write excepted). */
async function tablesHoldingData(db: TraitkitDb): Promise<string[]> {
  const held: string[] = [];
  for (const table of (await postgresTables(db)).keys()) {
    if (MIGRATION_TABLES.has(table) || WRITTEN_BY_MIGRATIONS.has(table)) continue;
    // The type parsers of db/connection.ts answer a boolean as 1 or 0.
    const { rows } = await sql<{ held: number }>`select exists (select 1 from ${sql.table(table)}) as held`.execute(db);
    if (rows[0]?.held === 1) held.push(table);
  }
  return held;
}

function refuseIfHoldingData(held: readonly string[], target: string): void {
  if (held.length === 0) return;
  const named = held.slice(0, 5).join(", ") + (held.length > 5 ? `, and ${held.length - 5} more` : "");
  throw new CopyRefused(
    `${target} already holds data (rows in ${named}). db:copy only fills an empty database: create a new one and copy into it.`,
  );
}

/** Every SQLite table must exist on PostgreSQL with the same columns, or the rows cannot land as they are. */
function refuseIfSchemasDiffer(tables: readonly TableShape[], postgres: Map<string, PostgresTable>): void {
  const problems: string[] = [];
  for (const shape of tables) {
    const target = postgres.get(shape.name);
    if (!target) {
      problems.push(`${shape.name} is missing on PostgreSQL`);
      continue;
    }
    const missing = shape.columns.filter((column) => !target.columns.has(column));
    const extra = [...target.columns].filter((column) => !shape.columns.includes(column));
    if (missing.length > 0) problems.push(`${shape.name} has no column ${missing.join(", ")} on PostgreSQL`);
    if (extra.length > 0) problems.push(`${shape.name} has column ${extra.join(", ")} only on PostgreSQL`);
  }
  if (problems.length > 0) throw new CopyRefused(`The two schemas differ after migrating both:\n  ${problems.join("\n  ")}`);
}

/**
 * What PostgreSQL said, without the row it said it about: a constraint's
 * `detail` repeats the row, and a bad value is quoted at the end of the
 * message (`invalid input syntax for type integer: "…"`). Rows hold personal data.
 */
export function postgresErrorWithoutData(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  const message = error.message.replace(/: ".*"$/s, "");
  const parts = [message];
  if (typeof code === "string") parts.push(`SQLSTATE ${code}`);
  if (typeof constraint === "string") parts.push(`constraint ${constraint}`);
  return parts.join("; ");
}

/** The INSERT of one batch; a table migrations already wrote a row of takes the source's values over it. */
function insertBatch(shape: TableShape, rows: readonly Row[]): RawBuilder<unknown> {
  const columns = sql.join(shape.columns.map((column) => sql.ref(column)));
  const values = sql.join(rows.map((row) => sql`(${sql.join(shape.columns.map((column) => row[column] ?? null))})`));
  if (!WRITTEN_BY_MIGRATIONS.has(shape.name)) return sql`insert into ${sql.table(shape.name)} (${columns}) values ${values}`;
  const key = sql.join(shape.primaryKey.map((column) => sql.ref(column)));
  const others = shape.columns.filter((column) => !shape.primaryKey.includes(column));
  const updates = sql.join(others.map((column) => sql`${sql.ref(column)} = excluded.${sql.ref(column)}`));
  return sql`insert into ${sql.table(shape.name)} (${columns}) values ${values} on conflict (${key}) do update set ${updates}`;
}

/** Copies one table in batches, hashing each row as it is sent. */
async function copyTable(sqlite: SQLite.Database, connection: TraitkitDb, shape: TableShape, batchRows: number): Promise<TableSum> {
  const hash = new TableHash(shape.name);
  const perBatch = Math.max(1, Math.min(batchRows, Math.floor(MAX_PARAMETERS / shape.columns.length)));
  let batch: Row[] = [];
  const send = async () => {
    try {
      await insertBatch(shape, batch).execute(connection);
    } catch (error) {
      throw new Error(`PostgreSQL refused a row of ${shape.name}: ${postgresErrorWithoutData(error)}`);
    }
    batch = [];
  };
  for (const row of sqlite.prepare<[], Row>(`select * from ${quoteSqliteName(shape.name)} order by ${sqliteOrderBy(shape)}`).iterate()) {
    hash.add(row);
    batch.push(row);
    if (batch.length >= perBatch) await send();
  }
  if (batch.length > 0) await send();
  return hash.sum();
}

/** Moves each identity column's sequence past the copied ids, or the next insert would take an id that is there. */
async function moveSequences(connection: TraitkitDb, postgres: Map<string, PostgresTable>, tables: readonly TableShape[]): Promise<void> {
  for (const shape of tables) {
    for (const column of postgres.get(shape.name)?.identity ?? []) {
      // An empty table leaves its sequence at its start: setval cannot go below 1.
      await sql`
        select setval(pg_get_serial_sequence(quote_ident(${shape.name}), ${column}), max(${sql.ref(column)}))
        from ${sql.table(shape.name)} having max(${sql.ref(column)}) is not null`.execute(connection);
    }
  }
}

/** Thrown inside the copy's transaction to roll it back when a table differs; carries the comparison out. */
class Differs extends Error {
  constructor(readonly tables: TableCheck[]) {
    super("A table differs after the copy");
  }
}

/** One key for the advisory lock two db:copy runs into the same database take: the second waits, then finds data. */
const COPY_LOCK = "traitkit db:copy";

function compare(order: readonly TableShape[], source: Map<string, TableSum>, target: Map<string, TableSum>): TableCheck[] {
  return order.map((shape) => {
    const s = source.get(shape.name) ?? { rows: 0, checksum: "" };
    const t = target.get(shape.name) ?? { rows: 0, checksum: "" };
    return { table: shape.name, source: s, target: t, ok: s.rows === t.rows && s.checksum === t.checksum };
  });
}

/**
 * Copies the SQLite database at `from` into the PostgreSQL database at `to`,
 * all or nothing. Throws CopyRefused for a source or target it will not copy
 * (nothing written then); returns the comparison of every table, committed
 * only when `ok`.
 */
export async function copySqliteToPostgres(from: string, to: string, options: { batchRows?: number } = {}): Promise<CopyResult> {
  if (!fs.existsSync(from)) throw new CopyRefused(`No SQLite database at ${from}.`);
  try {
    checkDatabaseFile(from);
  } catch (error) {
    throw new CopyRefused(error instanceof Error ? error.message : String(error));
  }
  const target: DatabaseTarget = { kind: "postgres", url: to, poolSize: 2 };
  const where = describeTarget(target);

  // An old installation is brought up to date first, as a start of the app would.
  const source = createDb(from);
  let postgres: TraitkitDb | undefined;
  try {
    const sourceMigrations = await migrateToLatest(source.db);
    const tables = sqliteTables(source.sqlite);
    const order = copyOrder(tables);

    try {
      postgres = await openDatabase(target);
    } catch (error) {
      throw new CopyRefused(`${where}: ${postgresErrorWithoutData(error)}`);
    }
    // Checked before migrating too, so a database that holds data is not even upgraded.
    refuseIfHoldingData(await tablesHoldingData(postgres), where);
    const targetMigrations = await migrateToLatest(postgres);
    const postgresShape = await postgresTables(postgres);
    refuseIfSchemasDiffer(tables, postgresShape);

    const batchRows = options.batchRows ?? BATCH_ROWS;
    /*
     * One connection, one transaction, opened by hand: the copy is not a model
     * write (the lint keeps `.transaction()` to the models), and unlike
     * inTransaction's it must never be run again from the start on a
     * serialization failure: nothing else writes to an empty database, and a
     * second copy waits on the advisory lock, then finds the rows and refuses.
     */
    const tablesChecked = await postgres.connection().execute(async (connection) => {
      await sql`begin`.execute(connection);
      try {
        await sql`select pg_advisory_xact_lock(hashtext(${COPY_LOCK}))`.execute(connection);
        refuseIfHoldingData(await tablesHoldingData(connection), where);
        // The source is read in one snapshot too: its read transaction spans every table.
        source.sqlite.exec("begin");
        const sourceSums = new Map<string, TableSum>();
        try {
          for (const shape of order) {
            sourceSums.set(shape.name, await copyTable(source.sqlite, connection, shape, batchRows));
          }
        } finally {
          source.sqlite.exec("rollback");
        }
        await moveSequences(connection, postgresShape, order);
        // Read back inside the transaction: what is compared is exactly what a commit makes permanent.
        const checked = compare(order, sourceSums, await postgresChecksums(connection, order));
        if (checked.some((table) => !table.ok)) throw new Differs(checked);
        await sql`commit`.execute(connection);
        return checked;
      } catch (error) {
        // A connection that broke has rolled back already; the error worth reporting is the first one.
        await sql`rollback`.execute(connection).catch(() => undefined);
        if (error instanceof Differs) return error.tables;
        throw error;
      }
    });
    return { tables: tablesChecked, ok: tablesChecked.every((table) => table.ok), sourceMigrations, targetMigrations };
  } finally {
    await postgres?.destroy();
    await source.db.destroy();
  }
}

/** The comparison as a table: name, rows, checksum prefix, ok. Counts and checksums only, never a row. */
export function formatChecks(checks: readonly TableCheck[]): string {
  const width = Math.max(5, ...checks.map((check) => check.table.length));
  const header = `  ${"table".padEnd(width)}  ${"rows".padStart(8)}  ${"sha256".padEnd(CHECKSUM_PREFIX)}  ok`;
  const lines = checks.map((check) => {
    const prefix = (sum: TableSum) => sum.checksum.slice(0, CHECKSUM_PREFIX);
    if (check.ok) {
      return `  ${check.table.padEnd(width)}  ${String(check.source.rows).padStart(8)}  ${prefix(check.source)}  ok`;
    }
    return (
      `  ${check.table.padEnd(width)}  ${String(check.source.rows).padStart(8)}  ${prefix(check.source)}  DIFFERS: ` +
      `PostgreSQL has ${check.target.rows} rows, ${prefix(check.target)}`
    );
  });
  return [header, ...lines].join("\n");
}

const USAGE = "Usage: npm run db:copy -- --from <sqlite file> --to <postgres url>   (stop the app first; the target must be empty)";

async function main(): Promise<number> {
  let from: string | undefined;
  let to: string | undefined;
  try {
    ({
      values: { from, to },
    } = parseArgs({ strict: true, options: { from: { type: "string" }, to: { type: "string" } } }));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
  }
  if (from === undefined || to === undefined || !/^postgres(ql)?:\/\//.test(to)) {
    console.error(USAGE);
    return 2;
  }
  const where = describeTarget({ kind: "postgres", url: to, poolSize: 2 });
  try {
    console.log(`Copying ${from} into ${where}…`);
    const result = await copySqliteToPostgres(from, to);
    console.log(
      result.sourceMigrations.length > 0
        ? `Source upgraded first: ${result.sourceMigrations.join(", ")}.`
        : "Source: integrity_check ok, foreign_key_check ok, schema up to date.",
    );
    console.log(formatChecks(result.tables));
    const rows = result.tables.reduce((total, table) => total + table.source.rows, 0);
    if (!result.ok) {
      const differing = result.tables.filter((table) => !table.ok).map((table) => table.table);
      console.error(
        `db:copy failed: ${differing.join(", ")} differ between the two databases. Nothing was kept: the copy was rolled back.`,
      );
      return 1;
    }
    console.log(`Copied ${rows} rows in ${result.tables.length} tables; every row count and checksum matches. Committed.`);
    return 0;
  } catch (error) {
    if (error instanceof CopyRefused) {
      console.error(`db:copy refused: ${error.message}`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`db:copy failed: ${message}\nNo row was copied into ${where}: its transaction was rolled back.`);
    }
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
