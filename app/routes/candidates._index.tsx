import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { listCandidates } from "~/models/candidates.server";
import { candidateListQuery } from "~/schemas/candidate";
import { CANDIDATE_SORTS } from "~/schemas/list-options";
import { requireUser } from "~/http/auth.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { PlainLink } from "~/components/PlainLink";
import { useFormatDate } from "~/utils/dates";
import "~/locales/candidates";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, { role: "recruiter" });
  const params = new URL(request.url).searchParams;
  const query = candidateListQuery.parse({
    q: params.get("q") ?? "",
    sort: params.get("sort") ?? "newest",
    page: params.get("page") ?? "1",
  });
  const { rows, total, pageCount } = await listCandidates(context.db, query);
  const { t } = await getTranslator(request, context);
  return { title: pageTitle(t, t("candidates.title")), query, candidates: rows, total, pageCount };
}

/** A link to another page of the same search. */
function pageHref(query: { q: string; sort: string }, page: number): string {
  const params = new URLSearchParams();
  if (query.q !== "") params.set("q", query.q);
  if (query.sort !== "newest") params.set("sort", query.sort);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search === "" ? "/candidates" : `/candidates?${search}`;
}

function Pagination({ query, pageCount }: { query: { q: string; sort: string; page: number }; pageCount: number }) {
  const { t } = useTranslation();
  const { page } = query;
  return (
    <nav aria-label={t("candidates.pagination.label")} className="actions pagination">
      {page > 1 ? (
        <Link to={pageHref(query, Math.min(page - 1, pageCount))} rel="prev">
          {t("candidates.pagination.previous")}
        </Link>
      ) : (
        <span className="muted" aria-hidden="true">
          {t("candidates.pagination.previous")}
        </span>
      )}
      <span>{t("candidates.pagination.page", { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link to={pageHref(query, page + 1)} rel="next">
          {t("candidates.pagination.next")}
        </Link>
      ) : (
        <span className="muted" aria-hidden="true">
          {t("candidates.pagination.next")}
        </span>
      )}
    </nav>
  );
}

export default function CandidatesPage() {
  const { query, candidates, total, pageCount } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <>
      <h1>{t("candidates.title")}</h1>
      <p className="lede">{t("candidates.intro")}</p>
      <div className="actions">
        <Link className="button" to="/candidates/new">
          {t("candidates.add")}
        </Link>
      </div>
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="candidate-search">{t("candidates.search")}</label>
          <input id="candidate-search" type="search" name="q" maxLength={200} defaultValue={query.q} key={query.q} />
        </div>
        <div className="field">
          <label htmlFor="candidate-sort">{t("candidates.sort")}</label>
          <select id="candidate-sort" name="sort" defaultValue={query.sort} key={query.sort}>
            {CANDIDATE_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`candidates.sorts.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("candidates.searchButton")}</button>
      </Form>
      <p aria-live="polite" className="muted" data-testid="candidate-count">
        {query.q === "" ? t("candidates.count", { count: total }) : t("candidates.countFor", { count: total, q: query.q })}
      </p>
      {total === 0 ? (
        <p>{query.q === "" ? t("candidates.empty") : t("candidates.none")}</p>
      ) : candidates.length === 0 ? (
        <p>
          {t("candidates.pageEmpty")} <Link to={pageHref(query, 1)}>{t("candidates.firstPage")}</Link>
        </p>
      ) : (
        <div className="table-scroll">
          <table data-testid="candidates-table">
            <thead>
              <tr>
                <th scope="col">{t("candidates.columns.name")}</th>
                <th scope="col">{t("candidates.columns.email")}</th>
                <th scope="col">{t("candidates.columns.role")}</th>
                <th scope="col">{t("candidates.columns.source")}</th>
                <th scope="col">{t("candidates.columns.added")}</th>
                <th scope="col" className="num">
                  {t("candidates.columns.assessments")}
                </th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((candidate) => (
                <tr key={candidate.id}>
                  <th scope="row">
                    <PlainLink to={`/candidates/${candidate.id}`}>{candidate.name}</PlainLink>
                  </th>
                  <td>{candidate.email ?? <span className="muted">{t("candidates.notGiven")}</span>}</td>
                  <td>{candidate.roleName ?? <span className="muted">{t("candidates.notGiven")}</span>}</td>
                  <td>{candidate.source ?? <span className="muted">{t("candidates.notGiven")}</span>}</td>
                  <td>
                    <time dateTime={candidate.createdAt}>{formatDate(candidate.createdAt, "date")}</time>
                  </td>
                  <td className="num">{candidate.assessmentCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {candidates.length > 0 && <Pagination query={query} pageCount={pageCount} />}
    </>
  );
}
