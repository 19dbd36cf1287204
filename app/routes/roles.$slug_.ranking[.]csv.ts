import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { recordAudit } from "~/models/audit.server";
import { fullRanking, RANKING_CSV_HEADER, rankingCsvRecords, roleForRanking } from "~/models/ranking.server";
import { rankingQuery, roleSlugParam } from "~/schemas/ranking";
import { notFound, requireUser } from "~/utils/auth.server";

/**
 * GET /roles/:slug/ranking.csv — the whole ranking in rank order, from the
 * stored results (one query); with the page's filters (`decision`,
 * `minCoverage`) when given, so the download is what the recruiter looks at.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  const slug = roleSlugParam.safeParse(params.slug);
  if (!slug.success) throw notFound();
  const role = await roleForRanking(context.db, slug.data);
  if (!role) throw notFound();
  const search = new URL(request.url).searchParams;
  const filters = rankingQuery.parse({ decision: search.get("decision") ?? undefined, minCoverage: search.get("minCoverage") ?? undefined });
  const rows = await fullRanking(context.db, role.slug, { decision: filters.decision, minCoverage: filters.minCoverage });
  const body = stringify(rankingCsvRecords(rows), { header: true, columns: [...RANKING_CSV_HEADER], cast: { number: (value) => String(value) } });
  await recordAudit(context.db, { actorUserId: user.id, action: "ranking.export", entityType: "role", entityId: role.id, details: { rows: rows.length, decision: filters.decision, minCoverage: filters.minCoverage } }, new Date());
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${role.slug}-ranking.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
