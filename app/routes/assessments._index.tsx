import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { dueWording } from "~/utils/due-wording";
import { assessmentListChoices, listAssessmentsFor, listDueFor } from "~/models/assessments.server";
import { requireUser } from "~/http/auth.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { useFormatDate } from "~/utils/dates";
import { parseAssessmentListQuery } from "~/schemas/assessment-list";
import { assessmentListHref } from "~/schemas/assessment-list-options";
import { formatInstantInZone } from "~/utils/dates";
import type { Translator } from "~/utils/i18n";
import { PlainLink } from "~/components/PlainLink";
import { DueList } from "~/components/assessment/DueList";
import { AssessmentListFilters } from "~/components/assessment/AssessmentListFilters";
import listStyles from "~/styles/assessment-list.css?url";
import "~/locales/assessments";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: listStyles }];

/** The due wording, written here so the list's JavaScript carries no date code; null without a due time. */
function dueText({ t, language }: Translator, dueAt: string | null, now: Date): { overdue: boolean; text: string } | null {
  return dueWording(t, language, { dueAt, submitted: false, now });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const now = new Date();
  const isRecruiter = user.role === "recruiter";
  const asked = parseAssessmentListQuery(new URL(request.url).searchParams);
  // The filters are the recruiter's: an interviewer's list is their own assessments whatever the address says.
  const choices = isRecruiter ? await assessmentListChoices(context.db) : { roles: [], interviewers: [] };
  const query = {
    ...asked,
    status: isRecruiter ? asked.status : "all",
    overdue: isRecruiter && asked.overdue,
    // A role or interviewer the list does not offer falls back to all, like any other odd value.
    role: choices.roles.some((r) => r.slug === asked.role) ? asked.role : null,
    interviewer: choices.interviewers.some((u) => u.id === asked.interviewer) ? asked.interviewer : null,
  };
  const list = await listAssessmentsFor(context.db, user, query.page, query, now);
  // What the user owes leads their first page: an interviewer's always, a recruiter's when they sit on a panel themselves.
  const listed = query.page === 1 ? await listDueFor(context.db, user.id) : null;
  const owed = listed && (!isRecruiter || listed.total > 0) ? listed : null;
  const translator = await getTranslator(request, context);
  const { t, language } = translator;
  return {
    title: pageTitle(t, t("app.nav.assessments")),
    rows: list.rows.map(({ waitingFor, ...row }) => ({
      ...row,
      // Who the panel waits for; an overdue one with how late (never "due in": the list chases the late).
      waitingFor: waitingFor.map((w) => {
        const due = dueText(translator, w.dueAt, now);
        return { userId: w.userId, name: w.name, overdue: due?.overdue ? due.text : null };
      }),
    })),
    hasMore: list.hasMore,
    query,
    due: owed && {
      total: owed.total,
      rows: owed.rows.map(({ interviewAt, interviewTimeZone, dueAt, ...row }) => ({
        ...row,
        interview:
          interviewAt !== null && interviewTimeZone !== null ? formatInstantInZone(language, interviewAt, interviewTimeZone) : null,
        due: dueText(translator, dueAt, now),
      })),
    },
    choices,
    isRecruiter,
  };
}

export default function AssessmentList() {
  const { rows, hasMore, query, due, choices, isRecruiter } = useLoaderData<typeof loader>();
  const { page } = query;
  const { t } = useTranslation();
  const format = useFormatDate();
  const date = (iso: string) => format(iso, "date");
  const filtered = query.status !== "all" || query.role !== null || query.interviewer !== null || query.overdue;
  return (
    <>
      <h1>{isRecruiter ? t("assessmentList.allTitle") : t("assessmentList.myTitle")}</h1>
      <p className="lede">{isRecruiter ? t("assessmentList.allIntro") : t("assessmentList.myIntro")}</p>
      {due && <DueList rows={due.rows} total={due.total} />}
      {due && <h2>{isRecruiter ? t("assessmentList.everyTitle") : t("assessmentList.allMineTitle")}</h2>}
      {isRecruiter && <AssessmentListFilters query={query} roles={choices.roles} interviewers={choices.interviewers} filtered={filtered} />}
      {rows.length === 0 && page > 1 ? (
        <p>
          {t("assessmentList.pageEmpty")} <Link to={assessmentListHref(query)}>{t("assessmentList.firstPage")}</Link>
        </p>
      ) : rows.length === 0 ? (
        <p>{filtered ? t("assessmentList.noMatch") : t("assessmentList.none")}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="assessment-list">
            <thead>
              <tr>
                <th scope="col">{t("assessmentList.candidate")}</th>
                {isRecruiter && <th scope="col">{t("assessmentList.status")}</th>}
                {isRecruiter && <th scope="col">{t("assessmentList.waitingFor")}</th>}
                <th scope="col">{t("assessmentList.kit")}</th>
                <th scope="col">{t("assessmentList.created")}</th>
                <th scope="col">{t("assessmentList.myScorecard")}</th>
                <th scope="col" className="num">
                  {t("assessmentList.submitted")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id} data-testid="assessment-row" data-assessment-id={a.id} data-status={isRecruiter ? a.status : undefined}>
                  <th scope="row">
                    <PlainLink to={`/assessments/${a.id}`}>{a.candidateName}</PlainLink>
                  </th>
                  {isRecruiter && (
                    <td>
                      {t(`assessmentList.statuses.${a.status}`)}
                      {a.decision !== null && ` (${t(`assessments.decisionValues.${a.decision}`)})`}
                    </td>
                  )}
                  {isRecruiter && (
                    <td>
                      {a.waitingFor.length === 0 ? (
                        "—"
                      ) : (
                        <ul className="waiting-for">
                          {a.waitingFor.map((w) => (
                            <li key={w.userId} data-testid="waiting-for" data-user-id={w.userId}>
                              {w.name}
                              {w.overdue !== null && <span className="due due-overdue">{w.overdue}</span>}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  )}
                  <td>
                    {a.kitName} (v{a.kitVersion})
                  </td>
                  <td>{date(a.createdAt)}</td>
                  <td>
                    {a.myStatus === null ? (
                      "—"
                    ) : a.myStatus === "submitted" ? (
                      t("assessments.status.submitted")
                    ) : (
                      <PlainLink to={`/assessments/${a.id}/scorecard`}>{t(`assessments.status.${a.myStatus}`)}</PlainLink>
                    )}
                  </td>
                  <td className="num">
                    {a.submitted} / {a.interviewers}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > 0 && (
        <nav className="pagination" aria-label={t("assessmentList.pages")}>
          {page > 1 && <Link to={assessmentListHref(query, page - 1)}>{t("assessmentList.previous")}</Link>}
          {hasMore && <Link to={assessmentListHref(query, page + 1)}>{t("assessmentList.next")}</Link>}
        </nav>
      )}
    </>
  );
}
