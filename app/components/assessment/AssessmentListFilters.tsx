import { Form, Link } from "@remix-run/react";
import { ASSESSMENT_STATUS_FILTERS, type AssessmentListQuery } from "~/schemas/assessment-list-options";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/assessments";

/**
 * The recruiter's filters: a plain GET form (it works without JavaScript),
 * which starts again at the first page. Each field shows the filter in force.
 */
export function AssessmentListFilters({
  query,
  roles,
  interviewers,
  filtered,
}: {
  query: AssessmentListQuery;
  /** A filter is in force: the form offers to clear it. */
  filtered: boolean;
  roles: { slug: string; name: string }[];
  interviewers: { id: number; name: string }[];
}) {
  const { t } = useTranslation();
  // The keys redraw a field when a link or the back button changes the query: a default value is read once.
  return (
    <Form method="get" action="/assessments" className="filters" aria-label={t("assessmentList.filters.label")}>
      <div className="field">
        <label htmlFor="list-status">{t("assessmentList.status")}</label>
        <select id="list-status" name="status" defaultValue={query.status} key={query.status}>
          {ASSESSMENT_STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {t(`assessmentList.statuses.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="list-role">{t("assessmentList.filters.role")}</label>
        <select id="list-role" name="role" defaultValue={query.role ?? ""} key={query.role}>
          <option value="">{t("assessmentList.filters.anyRole")}</option>
          {roles.map((role) => (
            <option key={role.slug} value={role.slug}>
              {role.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="list-interviewer">{t("assessmentList.filters.interviewer")}</label>
        <select
          id="list-interviewer"
          name="interviewer"
          defaultValue={query.interviewer === null ? "" : String(query.interviewer)}
          key={query.interviewer}
        >
          <option value="">{t("assessmentList.filters.anyInterviewer")}</option>
          {interviewers.map((user) => (
            <option key={user.id} value={String(user.id)}>
              {user.name}
            </option>
          ))}
        </select>
      </div>
      <div className="checkbox">
        <input id="list-overdue" type="checkbox" name="overdue" value="1" defaultChecked={query.overdue} key={String(query.overdue)} />
        <label htmlFor="list-overdue">{t("assessmentList.filters.overdue")}</label>
      </div>
      <button type="submit">{t("assessmentList.filters.apply")}</button>
      {filtered && <Link to="/assessments">{t("assessmentList.filters.clear")}</Link>}
    </Form>
  );
}
