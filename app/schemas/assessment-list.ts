import { z } from "./zod-mini";
import { MAX_RECORD_ID } from "./ids";
import { ASSESSMENT_STATUS_FILTERS, type AssessmentListQuery } from "./assessment-list-options";

const userId = z.coerce.number().check(z.int(), z.positive(), z.maximum(MAX_RECORD_ID));

/**
 * The assessment list's query string; anything odd falls back to the default
 * (every assessment, the first page). A role or interviewer that is well formed
 * but not among the list's choices is dropped by the page as well.
 */
export const assessmentListQuery: z.ZodMiniType<AssessmentListQuery> = z.object({
  status: z.catch(z.enum(ASSESSMENT_STATUS_FILTERS), "all"),
  role: z.catch(z.nullable(z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[a-z0-9][a-z0-9-]*$/))), null),
  interviewer: z.catch(z.nullable(userId), null),
  overdue: z.boolean(),
  page: z.catch(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000)), 1),
});

/** The list's query from the request's search parameters; only `overdue=1` turns that filter on. */
export function parseAssessmentListQuery(search: URLSearchParams): AssessmentListQuery {
  return assessmentListQuery.parse({
    status: search.get("status") ?? undefined,
    role: search.get("role") || null,
    interviewer: search.get("interviewer") || null,
    overdue: search.getAll("overdue").includes("1"),
    page: search.get("page") ?? undefined,
  });
}
