import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/models/audit.server";
import { readRoleFile } from "~/models/role-export.server";
import { notFound, requireUser } from "~/http/auth.server";

/** GET /roles/:slug/export — the role as a "traitkit.role/v1" JSON file. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  const role = await readRoleFile(context.db, params.slug ?? "");
  if (!role) throw notFound();
  const roleRow = await context.db.selectFrom("roles").select("id").where("slug", "=", role.slug).executeTakeFirstOrThrow();
  await recordAudit(context.db, { actorUserId: user.id, action: "role.export", entityType: "role", entityId: roleRow.id }, new Date());
  return new Response(`${JSON.stringify(role, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${role.slug}.traitkit-role.json"`,
    },
  });
}
