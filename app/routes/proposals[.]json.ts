import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/http/auth.server";
import { recordAudit } from "~/models/audit.server";
import { proposalsFile } from "~/models/proposals.server";

/**
 * GET /proposals.json — every proposal in the `traitkit.proposals/v1` format
 * (issue 22), for recruiters; anyone else gets a 404, as if it did not exist.
 * It says who voted what, so each download is audited, as the other exports are.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  const file = await proposalsFile(context.db);
  await recordAudit(
    context.db,
    {
      actorUserId: user.id,
      action: "proposal.export",
      entityType: "proposal",
      entityId: null,
      details: { proposals: file.proposals.length },
    },
    new Date(),
  );
  return Response.json(file, { headers: { "Cache-Control": "no-store" } });
}
