/*
 * The assessment list's filters apart from their zod schema
 * (assessment-list.ts): the page draws the form and its links in the browser,
 * which then needs no zod.
 */
import { ASSESSMENT_STATUSES, type AssessmentStatus } from "~/domain/assessment-status";

/** The recruiter's status filter: every assessment, or one status. */
export const ASSESSMENT_STATUS_FILTERS = ["all", ...ASSESSMENT_STATUSES] as const;
export type AssessmentStatusFilter = (typeof ASSESSMENT_STATUS_FILTERS)[number];

/** The list's query: the recruiter's filters and the page. */
export type AssessmentListQuery = {
  status: "all" | AssessmentStatus;
  role: string | null;
  interviewer: number | null;
  overdue: boolean;
  page: number;
};

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
