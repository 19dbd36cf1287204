import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { recordAudit } from "~/models/audit.server";
import { fullRanking, RANKING_CSV_HEADER, rankingCsvRecords, roleForRanking } from "~/models/ranking.server";
import { roleSlugParam } from "~/schemas/ranking";
import { notFound, requireUser } from "~/utils/auth.server";

/** GET /roles/:slug/ranking.csv — the whole ranking in rank order, from the stored results (one query). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  const slug = roleSlugParam.safeParse(params.slug);
  if (!slug.success) throw notFound();
  const role = await roleForRanking(context.db, slug.data);
  if (!role) throw notFound();
  const rows = await fullRanking(context.db, role.slug);
  const body = stringify(rankingCsvRecords(rows), { header: true, columns: [...RANKING_CSV_HEADER], cast: { number: (value) => String(value) } });
  await recordAudit(context.db, { actorUserId: user.id, action: "ranking.export", entityType: "role", entityId: role.id, details: { rows: rows.length } }, new Date());
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${role.slug}-ranking.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
