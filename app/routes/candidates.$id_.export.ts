import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/models/audit.server";
import { exportCandidate } from "~/models/privacy.server";
import { notFound, requireUser } from "~/http/auth.server";
import { parseRecordId } from "~/schemas/ids";

/** GET /candidates/:id/export — everything about the candidate as a "traitkit.candidate/v1" JSON file (RELIABILITY.md G1). */
export async function loader({ request, params, context }: LoaderFunctionArgs): Promise<Response> {
  const user = await requireUser(request, context, { role: "recruiter" });
  const id = parseRecordId(params.id);
  if (id === undefined) throw notFound();
  const now = new Date();
  const exported = await exportCandidate(context.db, id, now);
  if (!exported) throw notFound();
  await recordAudit(context.db, { actorUserId: user.id, action: "candidate.export", entityType: "candidate", entityId: id }, now);
  return new Response(`${JSON.stringify(exported, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="candidate-${id}.traitkit-candidate.json"`,
      "Cache-Control": "no-store",
    },
  });
}
