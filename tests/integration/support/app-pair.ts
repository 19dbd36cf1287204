import fs from "node:fs";
import path from "node:path";
import type { Server } from "node:http";
import type { LogEvent } from "kysely";
import { openDatabase, type TraitkitDb } from "~db/connection";
import { migrateToLatest } from "~db/migrator";
import { createHttpApp } from "../../../app/server/http-app";
import { parseEnv } from "../../../app/utils/env.server";
import { loadDemoData } from "../../../seeds/demo";
import { createTestDatabase } from "./test-database";
import { REPO_ROOT } from "./test-server";

const BUILD_DIR = path.join(REPO_ROOT, "build");

/** Connections each app server keeps: two racing requests and a page's parallel reads fit without queueing. */
const POOL_SIZE = 5;

/** How long a transaction waits at the start line for the other server's before it runs alone (that request made none). */
const START_LINE_TIMEOUT_MS = 1000;

/** PostgreSQL's answers to a lost race: serialization_failure and deadlock_detected (what db/transaction.ts retries). */
const LOST_RACE = new Set(["40001", "40P01"]);

export type Side = 0 | 1;

export type AppPair = {
  /** The two app servers' addresses: the same database behind both. */
  baseURLs: readonly [string, string];
  /** A third pool on that database, the test's own, for fixtures and for reading what the servers wrote. */
  db: TraitkitDb;
  /**
   * Sends one request to each server at the same moment, and lines up the
   * first transaction each of them then opens: both start together, so the
   * two read-then-writes truly overlap in every race, whatever time the
   * requests spent before (hashing a password, loading a kit).
   */
  race: (send: (baseURL: string, side: Side) => Promise<Response>) => Promise<[Response, Response]>;
  /** How many statements PostgreSQL refused on either server as a lost race, since the pair started. */
  lostRaces: () => number;
  close: () => Promise<void>;
};

/**
 * The start line of a race: once armed, each server's next transaction
 * waits at its start until the other server's has reached its own, then both
 * go; a retry after a lost race runs without waiting. Held in the test, as
 * Kysely's query log of each server's pool (which Kysely awaits): the app
 * has no hook for it.
 */
class StartLine {
  #waiting: { side: Side; go: () => void }[] = [];
  #armed = false;
  #timer: NodeJS.Timeout | undefined;

  arm(): void {
    this.#armed = true;
  }

  arrive(side: Side): Promise<void> {
    if (!this.#armed) return Promise.resolve();
    return new Promise((go) => {
      this.#waiting.push({ side, go });
      if (new Set(this.#waiting.map((w) => w.side)).size === 2) this.disarm();
      else this.#timer ??= setTimeout(() => this.disarm(), START_LINE_TIMEOUT_MS);
    });
  }

  /** Lets every waiting transaction go, and the next ones run without waiting. */
  disarm(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#armed = false;
    for (const waiter of this.#waiting.splice(0)) waiter.go();
  }
}

/** One app server of the pair: the production build on its own pool, as a second machine behind a load balancer runs it. */
async function startInstance(
  url: string,
  env: Record<string, string>,
  log: (event: LogEvent) => Promise<void>,
): Promise<{ baseURL: string; close: () => Promise<void> }> {
  // Opened as boot opens it, settings checked: a pool of this instance alone, so the two race on the server, not in one pool.
  const db = await openDatabase({ kind: "postgres", url, poolSize: POOL_SIZE }, { log });
  try {
    const app = await createHttpApp({
      db,
      env: parseEnv({ TRAITKIT_DEMO: "1", ...env }),
      source: { kind: "production", buildDir: BUILD_DIR },
    });
    const server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
      s.once("error", reject);
    });
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("An app server of the pair has no TCP address");
    return {
      baseURL: `http://127.0.0.1:${address.port}`,
      close: async () => {
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          // fetch keeps connections alive; close them so close() returns now.
          server.closeAllConnections();
        });
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/**
 * Two app servers on one new PostgreSQL database holding the demo data, each
 * with its own connection pool: what two app servers behind a load balancer
 * are. A request sent to each at the same moment races them on the database
 * alone, as it would across machines.
 */
export async function startAppPair(): Promise<AppPair> {
  if (!fs.existsSync(path.join(BUILD_DIR, "server", "index.js"))) {
    throw new Error(`No production build in ${BUILD_DIR}: run \`npm run build\` first.`);
  }
  const database = await createTestDatabase();
  if (database.target.kind !== "postgres") {
    await database.drop();
    throw new Error("Two app servers share a database on PostgreSQL only: run this file in the integration-postgres project");
  }
  const { db } = database;
  const startLine = new StartLine();
  let lostRaces = 0;
  const observe =
    (side: Side) =>
    async (event: LogEvent): Promise<void> => {
      if (event.level === "error") {
        const code = (event.error as { code?: unknown } | null)?.code;
        if (LOST_RACE.has(String(code))) lostRaces += 1;
      } else if (/^(start transaction|begin)\b/i.test(event.query.sql)) {
        // After BEGIN, before the first statement, which takes the transaction's snapshot.
        await startLine.arrive(side);
      }
    };
  const started: { close: () => Promise<void> }[] = [];
  try {
    await migrateToLatest(db);
    await loadDemoData(db, new Date());
    const first = await startInstance(database.target.url, database.env, observe(0));
    started.push(first);
    const second = await startInstance(database.target.url, database.env, observe(1));
    started.push(second);
    const baseURLs = [first.baseURL, second.baseURL] as const;
    return {
      baseURLs,
      db,
      race: async (send) => {
        startLine.arm();
        try {
          return await Promise.all([send(baseURLs[0], 0), send(baseURLs[1], 1)]);
        } finally {
          // Both answered without a transaction: the fixtures after the race do not wait at the line.
          startLine.disarm();
        }
      },
      lostRaces: () => lostRaces,
      close: async () => {
        await Promise.all(started.map((instance) => instance.close()));
        await database.drop();
      },
    };
  } catch (error) {
    await Promise.all(started.map((instance) => instance.close()));
    await database.drop();
    throw error;
  }
}
