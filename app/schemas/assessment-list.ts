import { z } from "./zod-mini";
import { ASSESSMENT_STATUSES } from "~/domain/assessment-status";

/** The recruiter's status filter: every assessment, or one status. */
export const ASSESSMENT_STATUS_FILTERS = ["all", ...ASSESSMENT_STATUSES] as const;
export type AssessmentStatusFilter = (typeof ASSESSMENT_STATUS_FILTERS)[number];

const userId = z.coerce.number().check(z.int(), z.positive(), z.maximum(Number.MAX_SAFE_INTEGER));

/**
 * The assessment list's query string; anything odd falls back to the default
 * (every assessment, the first page). A role or interviewer that is well formed
 * but not among the list's choices is dropped by the page as well.
 */
export const assessmentListQuery = z.object({
  status: z.catch(z.enum(ASSESSMENT_STATUS_FILTERS), "all"),
  role: z.catch(z.nullable(z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[a-z0-9][a-z0-9-]*$/))), null),
  interviewer: z.catch(z.nullable(userId), null),
  overdue: z.boolean(),
  page: z.catch(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000)), 1),
});
export type AssessmentListQuery = z.output<typeof assessmentListQuery>;

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

/** The filters as a query string, defaults left out; with the page when it is not the first. */
export function assessmentListParams(query: AssessmentListQuery, page = 1): URLSearchParams {
  const params = new URLSearchParams();
  if (query.status !== "all") params.set("status", query.status);
  if (query.role !== null) params.set("role", query.role);
  if (query.interviewer !== null) params.set("interviewer", String(query.interviewer));
  if (query.overdue) params.set("overdue", "1");
  if (page > 1) params.set("page", String(page));
  return params;
}

/** The list's address with these filters at this page. */
export function assessmentListHref(query: AssessmentListQuery, page = 1): string {
  const search = assessmentListParams(query, page).toString();
  return `/assessments${search === "" ? "" : `?${search}`}`;
}
