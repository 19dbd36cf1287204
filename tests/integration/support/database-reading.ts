import { expect } from "vitest";
import { CompiledQuery, sql } from "kysely";
import { dialectOf } from "~db/dialect";
import type { TraitkitDb } from "~db/connection";

/*
 * What tests read about the database itself (its tables, their references,
 * every row), written for SQLite and PostgreSQL, so a test that checks "a
 * refused request changed nothing" or "the erasure reached every table" runs
 * on both.
 */

/** The database's tables, by name: the app's and the migrator's (SQLite's sqlite_sequence included, as fuzz.ts wants). */
export async function tableNames(db: TraitkitDb): Promise<string[]> {
  const query =
    dialectOf(db) === "sqlite"
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`
      : sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema() order by tablename`;
  return (await query.execute(db)).rows.map((row) => row.name);
}

/** The tables `table`'s foreign keys reference. */
export async function referencedTables(db: TraitkitDb, table: string): Promise<string[]> {
  const query =
    dialectOf(db) === "sqlite"
      ? sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`
      : sql<{ table: string }>`
          select parent.relname as "table"
          from pg_constraint c
          join pg_class child on child.oid = c.conrelid
          join pg_class parent on parent.oid = c.confrelid
          where c.contype = 'f' and child.relname = ${table}`;
  return (await query.execute(db)).rows.map((row) => row.table);
}

/**
 * Every row of a table in an order that is the same whenever the table is:
 * SQLite's rowid; on PostgreSQL, which has none that stays put, the rows' text.
 */
export async function rowsOf(db: TraitkitDb, table: string): Promise<Record<string, unknown>[]> {
  const query =
    dialectOf(db) === "sqlite"
      ? sql<Record<string, unknown>>`select * from ${sql.table(table)} order by rowid`
      : sql<Record<string, unknown>>`select * from ${sql.table(table)} as t order by t::text`;
  return (await query.execute(db)).rows;
}

/**
 * The database's own check that nothing is broken: SQLite's integrity and
 * foreign-key checks. PostgreSQL checks every constraint on each write, so
 * there it asserts that none was left unvalidated.
 */
export async function expectIntact(db: TraitkitDb): Promise<void> {
  if (dialectOf(db) === "sqlite") {
    expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows).toEqual([{ integrity_check: "ok" }]);
    expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
    return;
  }
  const unvalidated = await sql<{ conname: string }>`
    select conname from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where n.nspname = current_schema() and not c.convalidated`.execute(db);
  expect(unvalidated.rows).toEqual([]);
}

/** One step of a PostgreSQL plan: its kind, the index it reads and the condition it seeks with. */
export type PlanStep = { nodeType: string; indexName?: string; indexCond?: string };

type PlanNode = { "Node Type": string; "Index Name"?: string; "Index Cond"?: string; Plans?: PlanNode[] };

/**
 * PostgreSQL's plan for a query, flattened. Sequential scans and sorts are
 * turned off for it: on a test's few hundred rows a scan and a sort are
 * cheapest, and the question asked is whether an index serves the query's
 * conditions and order, as it must at a real installation's size.
 */
export async function postgresPlan(db: TraitkitDb, query: { sql: string; parameters: readonly unknown[] }): Promise<PlanStep[]> {
  const result = await db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    // And sorts: the plan without a Sort step, when one exists, is the one that reads in the query's order.
    await sql`set local enable_sort = off`.execute(trx);
    return trx.executeQuery<{ "QUERY PLAN": { Plan: PlanNode }[] }>(
      CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]),
    );
  });
  const steps: PlanStep[] = [];
  const walk = (node: PlanNode) => {
    steps.push({ nodeType: node["Node Type"], indexName: node["Index Name"], indexCond: node["Index Cond"] });
    for (const child of node.Plans ?? []) walk(child);
  };
  for (const root of result.rows[0]?.["QUERY PLAN"] ?? []) walk(root.Plan);
  return steps;
}
