import { z } from "./zod-mini";

const listPage = z.catch(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000)), 1);

/**
 * The assessment page's query string: which page of its decisions and of its
 * report links to show. Anything odd is the first page, as on the other lists.
 */
export const assessmentPageQuery = z.object({ decisionsPage: listPage, linksPage: listPage });
export type AssessmentPageQuery = z.output<typeof assessmentPageQuery>;

export function parseAssessmentPageQuery(search: URLSearchParams): AssessmentPageQuery {
  return assessmentPageQuery.parse({
    decisionsPage: search.get("decisionsPage") ?? undefined,
    linksPage: search.get("linksPage") ?? undefined,
  });
}

/**
 * The assessment page's address with one list turned to another page, the other
 * list's page kept, at the list's heading. Built from the parsed numbers alone:
 * nothing else of the address is repeated in the page (decision 0009).
 */
export function assessmentPageHref(query: AssessmentPageQuery, change: Partial<AssessmentPageQuery>, anchor: string): string {
  const pages = { ...query, ...change };
  const params = new URLSearchParams();
  if (pages.decisionsPage > 1) params.set("decisionsPage", String(pages.decisionsPage));
  if (pages.linksPage > 1) params.set("linksPage", String(pages.linksPage));
  const search = params.toString();
  return `?${search}#${anchor}`;
}
