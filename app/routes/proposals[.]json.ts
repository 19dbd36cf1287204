import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/http/auth.server";
import { proposalsFile } from "~/models/proposals.server";

/**
 * GET /proposals.json — every proposal in the `traitkit.proposals/v1` format
 * (issue 22), for recruiters; anyone else gets a 404, as if it did not exist.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, { role: "recruiter" });
  return Response.json(await proposalsFile(context.db), { headers: { "Cache-Control": "private, no-store" } });
}
