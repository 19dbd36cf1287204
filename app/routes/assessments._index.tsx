import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { z } from "zod";
import { listAssessmentsFor } from "~/models/assessments.server";
import { requireUser } from "~/http/auth.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { useFormatDate } from "~/utils/dates";
import { PlainLink } from "~/components/PlainLink";
import "~/locales/assessments";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const page = pageParam.parse(new URL(request.url).searchParams.get("page") ?? 1);
  const { rows, hasMore } = await listAssessmentsFor(context.db, user, page);
  const { t } = await getTranslator(request, context);
  return { title: pageTitle(t, t("app.nav.assessments")), rows, page, hasMore, isRecruiter: user.role === "recruiter" };
}

export default function AssessmentList() {
  const { rows, page, hasMore, isRecruiter } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useFormatDate();
  const date = (iso: string) => format(iso, "date");
  return (
    <>
      <h1>{isRecruiter ? t("assessmentList.allTitle") : t("assessmentList.myTitle")}</h1>
      <p className="lede">{isRecruiter ? t("assessmentList.allIntro") : t("assessmentList.myIntro")}</p>
      {rows.length === 0 && page > 1 ? (
        <p>
          {t("assessmentList.pageEmpty")} <Link to="/assessments">{t("assessmentList.firstPage")}</Link>
        </p>
      ) : rows.length === 0 ? (
        <p>{t("assessmentList.none")}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="assessment-list">
            <thead>
              <tr>
                <th scope="col">{t("assessmentList.candidate")}</th>
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
                <tr key={a.id}>
                  <th scope="row">
                    <PlainLink to={`/assessments/${a.id}`}>{a.candidateName}</PlainLink>
                  </th>
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
          {page > 1 && <Link to={`?page=${page - 1}`}>{t("assessmentList.previous")}</Link>}
          {hasMore && <Link to={`?page=${page + 1}`}>{t("assessmentList.next")}</Link>}
        </nav>
      )}
    </>
  );
}
