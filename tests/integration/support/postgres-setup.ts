import type { TestProject } from "vitest/node";
import { startScratchPostgres } from "../../../app/cli/scratch-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** A superuser's URL on the run's own PostgreSQL server; empty when the run is on SQLite. */
    postgresAdminUrl: string;
  }
}

/**
 * The PostgreSQL projects' global setup: one server for the whole run, from
 * Debian's package, in a temporary folder, stopped at the end. Every test
 * database is a new database on it (tests/integration/support/test-database.ts).
 * Missing binaries fail the run with the command that installs them.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startScratchPostgres();
  project.provide("postgresAdminUrl", server.url());
  return () => server.stop();
}
