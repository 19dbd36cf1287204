import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { sql } from "kysely";
import { createDatabaseOn, dropDatabaseOn } from "../../../app/cli/scratch-postgres";
import { assertPostgresSettings, createPostgresDb, openDatabase } from "~db/connection";
import { request, startTestServer, type TestServer } from "../support/test-server";
import { bootDatabase } from "../../../app/server/boot";
import { parseEnv } from "../../../app/utils/env.server";
import { DEMO_ACCOUNTS } from "../../../seeds/demo-accounts";
import { MIGRATIONS } from "~db/migrator";

/** Runs one statement as the run's superuser on the maintenance database. */
async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject("postgresAdminUrl") });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const nameOf = (url: string) => new URL(url).pathname.slice(1);

describe("the start-up check of a PostgreSQL database", () => {
  it("takes the run's database (UTF8, C collation, durable settings)", async () => {
    const url = await createDatabaseOn(inject("postgresAdminUrl"), "boot");
    try {
      const db = await openDatabase({ kind: "postgres", url, poolSize: 2 });
      await db.destroy();
    } finally {
      await dropDatabaseOn(inject("postgresAdminUrl"), url);
    }
  });

  it("refuses a collation that sorts or lower-cases differently from SQLite, saying how to create the database", async () => {
    const url = await createDatabaseOn(inject("postgresAdminUrl"), "boot");
    const name = nameOf(url);
    await dropDatabaseOn(inject("postgresAdminUrl"), url);
    await admin(`create database "${name}" template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
    try {
      await expect(openDatabase({ kind: "postgres", url, poolSize: 2 })).rejects.toThrow(
        /collation is C\.UTF-8\/C\.UTF-8: create it with C collation, e\.g\. CREATE DATABASE traitkit TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'/,
      );
    } finally {
      await dropDatabaseOn(inject("postgresAdminUrl"), url);
    }
  });

  it("refuses a database whose commits are not flushed before they are acknowledged", async () => {
    const url = await createDatabaseOn(inject("postgresAdminUrl"), "boot");
    await admin(`alter database "${nameOf(url)}" set synchronous_commit = off`);
    const { db } = createPostgresDb(url, { poolSize: 1 });
    try {
      await expect(assertPostgresSettings(db)).rejects.toThrow(/synchronous_commit is off: set synchronous_commit = on/);
    } finally {
      await db.destroy();
      await dropDatabaseOn(inject("postgresAdminUrl"), url);
    }
  });
});

describe("two app servers starting at once on a new database", () => {
  it("migrate it once and load the library and the demo once; both then serve", async () => {
    const url = await createDatabaseOn(inject("postgresAdminUrl"), "boot");
    const env = parseEnv({ DATABASE_URL: url, DATABASE_POOL_SIZE: "3", TRAITKIT_DEMO: "1" });
    const booted = await Promise.all([bootDatabase(env), bootDatabase(env)]);
    try {
      // Exactly one of them loaded the demo; the other found it loaded.
      expect(booted.map((b) => b.demoLoaded).sort()).toEqual([false, true]);
      const [first] = booted;
      if (!first) throw new Error("No server booted");
      const migrations = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(first.db);
      expect(migrations.rows[0]?.n).toBe(Object.keys(MIGRATIONS).length);
      const users = await first.db.selectFrom("users").select("email").execute();
      expect(users.length).toBe(new Set(users.map((u) => u.email)).size);
      expect(users.map((u) => u.email)).toEqual(expect.arrayContaining(DEMO_ACCOUNTS.map((a) => a.email)));
      const roles = await first.db.selectFrom("roles").select("slug").execute();
      expect(roles.length).toBe(new Set(roles.map((r) => r.slug)).size);
    } finally {
      await Promise.all(booted.map((b) => b.close()));
      await dropDatabaseOn(inject("postgresAdminUrl"), url);
    }
  });
});

describe("/healthz on PostgreSQL", () => {
  let server: TestServer;
  let name = "";

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    if (server.target.kind !== "postgres") throw new Error("This file runs on PostgreSQL");
    name = nameOf(server.target.url);
  });

  afterAll(async () => {
    await admin(`alter database "${name}" allow_connections true`);
    await server.close();
  });

  it("answers 503 while the pool cannot reach the database, and 200 again once it can", async () => {
    const healthy = await request(server.baseURL, "/healthz");
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ status: "ok", database: "ok" });

    // The database refuses new connections and its open ones are ended, as when its server restarts.
    await admin(`alter database "${name}" allow_connections false`);
    await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`);
    let down = await request(server.baseURL, "/healthz");
    // A connection ended under the pool fails one query before the pool drops it: ask again.
    if (down.status === 200) down = await request(server.baseURL, "/healthz");
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "error", database: "unavailable" });

    await admin(`alter database "${name}" allow_connections true`);
    const back = await request(server.baseURL, "/healthz");
    expect(back.status).toBe(200);
    // The app works on, through new connections.
    expect((await sql<{ one: number }>`select 1 as one`.execute(server.db)).rows).toEqual([{ one: 1 }]);
  });
});
