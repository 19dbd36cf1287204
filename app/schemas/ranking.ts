import { z } from "./zod-mini";
import { MAX_RECORD_ID } from "./ids";
import { compareCountProblem, DECISION_FILTERS } from "./list-options";

/** The role's slug from the URL. */
export const roleSlugParam = z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[a-z0-9][a-z0-9-]*$/));

/** The ranking page's query string; anything odd falls back to the default. */
export const rankingQuery = z.object({
  decision: z.catch(z.enum(DECISION_FILTERS), "any"),
  minCoverage: z.catch(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(100)), 0),
  complete: z.boolean(),
  page: z.catch(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000)), 1),
});
export type RankingQuery = z.output<typeof rankingQuery>;

/**
 * "Complete panels only" from every `complete` value of the query string: on
 * unless only `0` is given. The filter form sends a hidden `complete=0` before
 * its checkbox's `complete=1`, so an unticked box (which sends nothing) still
 * turns the filter off, and an address without the parameter keeps the default.
 */
export function completeOnly(values: string[]): boolean {
  return values.length === 0 || values.includes("1");
}

/** The ranking's query from the request's search parameters (the page and the CSV). */
export function parseRankingQuery(search: URLSearchParams): RankingQuery {
  return rankingQuery.parse({
    decision: search.get("decision") ?? undefined,
    minCoverage: search.get("minCoverage") ?? undefined,
    complete: completeOnly(search.getAll("complete")),
    page: search.get("page") ?? undefined,
  });
}

const candidateId = z.coerce.number().check(z.int(), z.positive(), z.maximum(MAX_RECORD_ID));

/**
 * The candidates of a comparison from `c`, given repeated (`c=1&c=2`, the
 * ranking's form) or as one comma list (`c=1,2`, the shareable address), or both.
 * Duplicates count once.
 */
export function parseCompareIds(
  values: string[],
): { ok: true; ids: number[] } | { ok: false; reason: "badIds" } | { ok: false; reason: "tooFew" | "tooMany"; count: number } {
  const parts = values
    .flatMap((value) => value.split(","))
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const ids: number[] = [];
  for (const part of parts) {
    if (!/^\d+$/.test(part)) return { ok: false, reason: "badIds" };
    const parsed = candidateId.safeParse(part);
    if (!parsed.success) return { ok: false, reason: "badIds" };
    if (!ids.includes(parsed.data)) ids.push(parsed.data);
  }
  const problem = compareCountProblem(ids.length);
  return problem === null ? { ok: true, ids } : { ok: false, reason: problem, count: ids.length };
}
