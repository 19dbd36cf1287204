import type { LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "kysely";

/**
 * How long the database may take to answer before the server counts as
 * unhealthy. On PostgreSQL the query waits for a free connection of the pool
 * and may open one: a pool that is exhausted or cannot reach the server fails
 * here within this time, and the reverse proxy stops sending this server requests.
 */
const HEALTH_TIMEOUT_MS = 2000;

export async function loader({ context }: LoaderFunctionArgs) {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("The database did not answer in time")), HEALTH_TIMEOUT_MS);
    });
    await Promise.race([sql`select 1`.execute(context.db), timedOut]);
    return Response.json({ status: "ok", database: "ok" });
  } catch {
    return Response.json({ status: "error", database: "unavailable" }, { status: 503 });
  } finally {
    clearTimeout(timer);
  }
}
