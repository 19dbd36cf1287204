import type { TestProject } from "vitest/node";
import { startRoundRobinProxy } from "../../../app/cli/round-robin-proxy";
import { startScratchPostgres } from "../../../app/cli/scratch-postgres";
import { startAppServer, type AppServer } from "../global-setup";

/*
 * The e2e-postgres project's servers: a throwaway PostgreSQL, one demo database
 * on it, two production app servers sharing that database, and the round-robin
 * proxy in front of them. `baseURL` is the proxy's, so the browser helpers
 * (tests/e2e/browser.ts) drive both servers without knowing there are two; the
 * proxy answers GET /__upstreams with the requests each server served.
 */

export default async function setup(project: TestProject) {
  const postgres = await startScratchPostgres();
  const servers: AppServer[] = [];
  let proxy: Awaited<ReturnType<typeof startRoundRobinProxy>> | undefined;
  const stopAll = async (): Promise<{ output: string; errors: string[] }[]> => {
    await proxy?.stop();
    const stopped = await Promise.all(servers.map((server) => server.stop()));
    await postgres.stop();
    return stopped;
  };
  try {
    const url = await postgres.createDatabase("traitkit_e2e");
    // TRUST_PROXY: the app reads the client's address and scheme from the proxy's X-Forwarded-* headers.
    const env = { TRAITKIT_DEMO: "1", DATABASE_URL: url, TRUST_PROXY: "1" };
    // One after the other: the first migrates the new database and loads the demo; the second finds both done.
    servers.push(await startAppServer(env));
    servers.push(await startAppServer(env));
    proxy = await startRoundRobinProxy(servers.map((server) => server.baseURL));
  } catch (error) {
    await stopAll();
    throw error;
  }
  project.provide("baseURL", proxy.baseURL);

  return async () => {
    const stopped = await stopAll();
    // A server-side error during the run fails the suite even when every page looked right (as tests/e2e/global-setup.ts).
    const problems = stopped.flatMap(({ errors, output }, index) =>
      errors.length > 0 ? [`Server ${index + 1} logged errors:\n${errors.join("\n")}\n\nEverything it printed:\n${output}`] : [],
    );
    if (problems.length > 0) throw new Error(`The servers logged errors during the browser tests:\n${problems.join("\n\n")}`);
  };
}
