import { setImmediate as nextTurn } from "node:timers/promises";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { recordAudit } from "~/models/audit.server";
import { RANKING_CSV_HEADER, rankedCount, rankingCsvRecords, rankingInBatches, roleForRanking } from "~/models/ranking.server";
import type { CsvRankedCandidate } from "~/models/ranking.server";
import { parseRankingQuery, roleSlugParam } from "~/schemas/ranking";
import { notFound, requireUser } from "~/http/auth.server";

/**
 * GET /roles/:slug/ranking.csv — the whole ranking in rank order, from the
 * stored results, read and written a batch at a time; with the page's filters (`decision`,
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
  const filters = { decision, minCoverage, complete };
  // The audit names how many rows the ranking had when asked; the rows are read as the client takes them.
  const rows = await rankedCount(context.db, role.slug, filters);
  // The request's origin is the address the recruiter reached (behind a proxy, its scheme when TRUST_PROXY=1).
  const body = csvInBatches(rankingInBatches(context.db, role.slug, filters), url.origin, context.clientGone);
  await recordAudit(
    context.db,
    {
      actorUserId: user.id,
      action: "ranking.export",
      entityType: "role",
      entityId: role.id,
      details: { rows, decision, minCoverage, complete },
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

/**
 * The CSV written a batch of rows at a time: a batch is read from the
 * database only when the stream is read (pull), so the first rows go out
 * (compressed, when asked) at once and the rows are never whole in memory.
 * Remix writes each chunk to the response without waiting for the socket to
 * drain (@remix-run/node's writeReadableStreamToWritable), so a client slower
 * than the database lets the written bytes queue in the socket's buffer: at
 * most the file itself (a few MB compressed), not its rows as objects. For
 * the same reason Remix goes on reading after the client has gone: `gone`
 * (the load context's clientGone, aborted when the connection closes before
 * the file is whole; the request's own signal can miss it) stops the reading, or every abandoned download would still read
 * and format the whole ranking, taking the server's turns from everyone else.
 */
function csvInBatches(batches: AsyncGenerator<CsvRankedCandidate[]>, origin: string, gone: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let header = true;
  return new ReadableStream({
    async pull(controller) {
      // better-sqlite3 answers synchronously, so without a turn of the event loop between batches the whole file would be
      // made in one run of promises: no byte sent, every other request waiting, every chunk held until the end.
      await nextTurn();
      if (gone.aborted) {
        await batches.return(undefined);
        controller.close();
        return;
      }
      const next = await batches.next();
      // An empty ranking is still a file: its header.
      if (next.done && !header) {
        controller.close();
        return;
      }
      const text = stringify(rankingCsvRecords(next.done ? [] : next.value, origin), {
        header,
        columns: [...RANKING_CSV_HEADER],
        cast: { number: (value) => String(value) },
      });
      header = false;
      controller.enqueue(encoder.encode(text));
      if (next.done) controller.close();
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
