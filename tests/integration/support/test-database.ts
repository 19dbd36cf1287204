import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LogEvent } from "kysely";
import { inject } from "vitest";
import { createDatabaseOn, dropDatabaseOn } from "../../../app/cli/scratch-postgres";
import { createDb, createPostgresDb, type DatabaseTarget, type TraitkitDb } from "~db/connection";

/*
 * The integration suite runs twice, on SQLite and on PostgreSQL (vite.config.ts
 * names the projects). A test asks for a database here and gets one of the
 * run's kind: a new file in a temporary folder, or a new database on the run's
 * PostgreSQL server.
 */

/** True in the PostgreSQL run. */
export function onPostgres(): boolean {
  return Boolean(inject("postgresAdminUrl"));
}

export type TestDatabase = {
  db: TraitkitDb;
  /** What an app server or a CLI given this database is configured with. */
  target: DatabaseTarget;
  /** The settings that name it: DATABASE_PATH or DATABASE_URL. */
  env: Record<string, string>;
  /** Closes `db` and removes the database. */
  drop: () => Promise<void>;
};

export async function createTestDatabase(options: { log?: (event: LogEvent) => void; name?: string } = {}): Promise<TestDatabase> {
  const adminUrl = inject("postgresAdminUrl");
  if (adminUrl) {
    const url = await createDatabaseOn(adminUrl, "it");
    const { db } = createPostgresDb(url, { log: options.log, poolSize: 5 });
    return {
      db,
      target: { kind: "postgres", url, poolSize: 5 },
      env: { DATABASE_URL: url, DATABASE_POOL_SIZE: "5" },
      drop: async () => {
        await db.destroy();
        await dropDatabaseOn(adminUrl, url);
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-it-"));
  const file = path.join(dir, `${options.name ?? "traitkit"}.sqlite`);
  const { db } = createDb(file, { log: options.log });
  return {
    db,
    target: { kind: "sqlite", file },
    env: { DATABASE_PATH: file },
    drop: async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
