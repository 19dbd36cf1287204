import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { recordAudit } from "~/models/audit.server";
import { fullRanking, RANKING_CSV_HEADER, rankingCsvRecords, roleForRanking } from "~/models/ranking.server";
import type { CsvRankedCandidate } from "~/models/ranking.server";
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
  const body = csvInBatches(rows, url.origin);
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

const CSV_BATCH_ROWS = 500;

/**
 * The CSV written a batch of rows at a time, as the client reads it: the first
 * rows go out (compressed, when asked) while the rest are still being written,
 * and a large ranking never sits in memory as one string.
 */
function csvInBatches(rows: CsvRankedCandidate[], origin: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      const batch = rows.slice(next, next + CSV_BATCH_ROWS);
      const text = stringify(rankingCsvRecords(batch, origin), {
        header: next === 0,
        columns: [...RANKING_CSV_HEADER],
        cast: { number: (value) => String(value) },
      });
      next += CSV_BATCH_ROWS;
      controller.enqueue(encoder.encode(text));
      if (next >= rows.length) controller.close();
    },
  });
}
