import {
  PostgresAdapter,
  sql,
  type ColumnDefinitionBuilder,
  type DialectAdapter,
  type Expression,
  type Kysely,
  type RawBuilder,
  type SqlBool,
} from "kysely";

/*
 * What the models need to say differently on the two databases, in one place.
 * A model asks for the meaning ("no index here", "highest first, none last");
 * this file writes it in the database's own SQL.
 */

export type DialectName = "sqlite" | "postgres";

/** Any Kysely instance or transaction, whatever its tables: only its adapter is read. */
type AnyDb = { getExecutor: () => { readonly adapter: DialectAdapter } };

/** Which database `db` (or a transaction of it) runs on. */
export function dialectOf(db: AnyDb): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/**
 * The column's value in a form the planner cannot match to an index. SQLite
 * picks its index from what a WHERE names; on a few queries the one it picks
 * is the slower, and a unary plus hides a column from it. PostgreSQL plans by
 * its statistics and has no such hint (and no unary plus on text).
 */
export function withoutIndex<T>(db: AnyDb, column: Expression<T>): RawBuilder<T> {
  return dialectOf(db) === "sqlite" ? sql<T>`+${column}` : sql<T>`${column}`;
}

/**
 * Highest first, rows without a value last. SQLite sorts nothing (NULL) last in
 * a descending order by itself, and its indexes are declared that way;
 * PostgreSQL sorts it first unless told.
 */
export function descendingNoneLast(db: AnyDb, column: Expression<unknown>): RawBuilder<unknown> {
  return dialectOf(db) === "sqlite" ? sql`${column} desc` : sql`${column} desc nulls last`;
}

/*
 * For the migrations: one list of steps for both databases, each step saying
 * what differs through these.
 */

/** A table's own id: SQLite's INTEGER PRIMARY KEY AUTOINCREMENT; PostgreSQL's identity column (explicit ids allowed, as in SQLite). */
export function idColumn(db: AnyDb): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return dialectOf(db) === "postgres" ? (c) => c.primaryKey().generatedByDefaultAsIdentity() : (c) => c.primaryKey().autoIncrement();
}

/** A floating-point column: SQLite's REAL is 8 bytes; PostgreSQL's real is 4, so it is double precision there. */
export function floatType(db: AnyDb): "real" | "double precision" {
  return dialectOf(db) === "postgres" ? "double precision" : "real";
}

/**
 * A row trigger on PostgreSQL, whose triggers call a function: the function
 * (named as the trigger) runs `body`, PL/pgSQL statements that may use NEW and
 * OLD. SQLite's migrations write their CREATE TRIGGER directly.
 */
export async function createPostgresTrigger(
  db: Kysely<unknown>,
  trigger: { name: string; timing: "before" | "after"; events: string; table: string; body: string },
): Promise<void> {
  // A BEFORE trigger returns the row to write; an AFTER trigger's answer is ignored.
  const returned = trigger.timing === "before" ? "new" : "null";
  await sql
    .raw(
      `create function ${trigger.name}() returns trigger language plpgsql as $body$ begin ${trigger.body} return ${returned}; end $body$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${trigger.name} ${trigger.timing} ${trigger.events} on ${trigger.table} for each row execute function ${trigger.name}()`,
    )
    .execute(db);
}

/** PL/pgSQL that refuses the write, as a broken CHECK would (SQLite's RAISE(ABORT) in a trigger). */
export function postgresRefusal(message: string): string {
  return `raise exception using errcode = 'check_violation', message = '${message.replaceAll("'", "''")}';`;
}

/**
 * A CHECK that a text column holds JSON. SQLite has json_valid(); PostgreSQL
 * 15 has no such test, but casting to json fails on anything else, which
 * refuses the write all the same.
 */
export function isJsonText(db: AnyDb, column: string): RawBuilder<unknown> {
  return dialectOf(db) === "postgres" ? sql`(${sql.ref(column)}::json is not null)` : sql`json_valid(${sql.ref(column)})`;
}

/**
 * A WHERE term that a boolean expression holds. SQLite's comparisons are the
 * numbers 1 and 0, and its index on an expression is used only by a query that
 * writes "= 1" as the ranking's index does; PostgreSQL's are booleans, which
 * are not numbers.
 */
export function holds(db: AnyDb, condition: Expression<unknown>): RawBuilder<SqlBool> {
  return dialectOf(db) === "sqlite" ? sql<SqlBool>`${condition} = 1` : sql<SqlBool>`${condition}`;
}

/** The ranking index's fit column: highest first, no fit last, as the ranking reads it (descendingNoneLast). */
export function fitDescending(db: AnyDb): string {
  return dialectOf(db) === "sqlite" ? "fit desc" : "fit desc nulls last";
}
