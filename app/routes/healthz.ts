import type { LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "kysely";

export async function loader({ context }: LoaderFunctionArgs) {
  try {
    await sql`select 1`.execute(context.db);
    return Response.json({ status: "ok", database: "ok" });
  } catch {
    return Response.json({ status: "error", database: "unavailable" }, { status: 503 });
  }
}
