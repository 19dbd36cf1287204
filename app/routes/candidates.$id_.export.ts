import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { recordAudit } from "~/models/audit.server";
import { exportCandidate } from "~/models/privacy.server";
import { notFound, requireUser } from "~/http/auth.server";

/** A candidate id as it appears in the URL: digits only, no leading zero. */
const idParam = z
  .string()
  .regex(/^[1-9]\d{0,14}$/)
  .transform(Number);

/** GET /candidates/:id/export — everything about the candidate as a "traitkit.candidate/v1" JSON file (docs/reliability.md G1). */
export async function loader({ request, params, context }: LoaderFunctionArgs): Promise<Response> {
  const user = await requireUser(request, context, { role: "recruiter" });
  const id = idParam.safeParse(params.id);
  if (!id.success) throw notFound();
  const now = new Date();
  const exported = await exportCandidate(context.db, id.data, now);
  if (!exported) throw notFound();
  await recordAudit(context.db, { actorUserId: user.id, action: "candidate.export", entityType: "candidate", entityId: id.data }, now);
  return new Response(`${JSON.stringify(exported, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="candidate-${id.data}.traitkit-candidate.json"`,
      "Cache-Control": "no-store",
    },
  });
}
