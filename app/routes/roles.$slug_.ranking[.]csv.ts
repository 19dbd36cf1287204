import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { recordAudit } from "~/models/audit.server";
import { fullRanking, RANKING_CSV_HEADER, rankingCsvRecords, roleForRanking } from "~/models/ranking.server";
import { parseRankingQuery, roleSlugParam } from "~/schemas/ranking";
import { notFound, requireUser } from "~/http/auth.server";

/**
 * GET /roles/:slug/ranking.csv — the whole ranking in rank order, from the
 * stored results (three queries); with the page's filters (`decision`,
 * `minCoverage`, `complete`, complete panels only unless `complete=0`), so
 * the download is what the recruiter looks at.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  const slug = roleSlugParam.safeParse(params.slug);
  if (!slug.success) throw notFound();
  const role = await roleForRanking(context.db, slug.data);
  if (!role) throw notFound();
  const url = new URL(request.url);
  const { decision, minCoverage, complete } = parseRankingQuery(url.searchParams);
  const rows = await fullRanking(context.db, role.slug, { decision, minCoverage, complete });
  // The request's origin is the address the recruiter reached (behind a proxy, its scheme when TRUST_PROXY=1).
  const body = stringify(rankingCsvRecords(rows, url.origin), {
    header: true,
    columns: [...RANKING_CSV_HEADER],
    cast: { number: (value) => String(value) },
  });
  await recordAudit(
    context.db,
    {
      actorUserId: user.id,
      action: "ranking.export",
      entityType: "role",
      entityId: role.id,
      details: { rows: rows.length, decision, minCoverage, complete },
    },
    new Date(),
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${role.slug}-ranking.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
