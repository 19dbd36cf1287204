import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "~/utils/use-translation";
import { RANKING_PAGE_SIZE, rankCandidates, roleForRanking } from "~/models/ranking.server";
import { compareCountProblem, DECISION_FILTERS } from "~/schemas/list-options";
import { parseRankingQuery, roleSlugParam, type RankingQuery } from "~/schemas/ranking";
import { notFound, requireUser } from "~/http/auth.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { PlainLink } from "~/components/PlainLink";
import { useNumberFormats } from "~/utils/numbers";
import "~/locales/ranking";
import "~/locales/roles";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data?.title ?? notFoundTitle(matches) }];

/** GET /roles/:slug/candidates — the role's assessed candidates by fit, from the stored results. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context, { role: "recruiter" });
  const slug = roleSlugParam.safeParse(params.slug);
  if (!slug.success) throw notFound();
  const role = await roleForRanking(context.db, slug.data);
  if (!role) throw notFound();
  const query = parseRankingQuery(new URL(request.url).searchParams);
  const { rows, total, pageCount } = await rankCandidates(
    context.db,
    role.slug,
    { decision: query.decision, minCoverage: query.minCoverage, complete: query.complete },
    query.page,
  );
  // Only what the table draws: the trait scores stay in the CSV and the comparison.
  const drawn = rows.map(({ assessmentId, candidateId, name, fit, coverage, evidence, decision, submitted, assigned, calibrate }) => ({
    assessmentId,
    candidateId,
    name,
    fit,
    coverage,
    evidence,
    decision,
    submitted,
    assigned,
    calibrate,
  }));
  const { t } = await getTranslator(request, context);
  return {
    title: pageTitle(t, role.name, t("ranking.breadcrumb")),
    role: { slug: role.slug, name: role.name },
    query,
    rows: drawn,
    total,
    pageCount,
    firstRank: (query.page - 1) * RANKING_PAGE_SIZE + 1,
  };
}

/** The filters as a query string; defaults left out. */
function filterParams(query: RankingQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.decision !== "any") params.set("decision", query.decision);
  if (query.minCoverage > 0) params.set("minCoverage", String(query.minCoverage));
  if (!query.complete) params.set("complete", "0");
  return params;
}

function pageHref(slug: string, query: RankingQuery, page: number): string {
  const params = filterParams(query);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return `/roles/${slug}/candidates${search === "" ? "" : `?${search}`}`;
}

/** The CSV of what the page shows: the same filters, every page. */
function csvHref(slug: string, query: RankingQuery): string {
  const search = filterParams(query).toString();
  return `/roles/${slug}/ranking.csv${search === "" ? "" : `?${search}`}`;
}

function Pagination({ slug, query, pageCount }: { slug: string; query: RankingQuery; pageCount: number }) {
  const { t } = useTranslation();
  const { page } = query;
  return (
    <nav aria-label={t("ranking.pagination.label")} className="actions pagination">
      {page > 1 ? (
        <Link to={pageHref(slug, query, Math.min(page - 1, pageCount))} rel="prev">
          {t("ranking.pagination.previous")}
        </Link>
      ) : (
        <span className="muted" aria-hidden="true">
          {t("ranking.pagination.previous")}
        </span>
      )}
      <span>{t("ranking.pagination.page", { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link to={pageHref(slug, query, page + 1)} rel="next">
          {t("ranking.pagination.next")}
        </Link>
      ) : (
        <span className="muted" aria-hidden="true">
          {t("ranking.pagination.next")}
        </span>
      )}
    </nav>
  );
}

/**
 * A plain GET form, so it works without JavaScript (the comparison page then
 * explains a wrong count); with it, a wrong count is said by the button and
 * the ticked boxes stay as they are.
 */
function CompareForm({ action, children }: { action: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<{ kind: "tooFew" | "tooMany"; count: number } | null>(null);
  return (
    <form
      method="get"
      action={action}
      onSubmit={(event) => {
        const count = event.currentTarget.querySelectorAll('input[name="c"]:checked').length;
        const kind = compareCountProblem(count);
        if (kind === null) return;
        event.preventDefault();
        setProblem({ kind, count });
      }}
      // A count said before the last tick would be stale.
      onChange={() => setProblem(null)}
    >
      {children}
      <div className="actions">
        <button type="submit" aria-describedby={problem ? "compare-problem" : undefined}>
          {t("ranking.compareSelected")}
        </button>
        {problem && (
          <p id="compare-problem" className="field-error" role="alert">
            {t(`ranking.compare.${problem.kind}`, { count: problem.count })}
          </p>
        )}
      </div>
    </form>
  );
}

export default function RankingPage() {
  const { role, query, rows, total, pageCount, firstRank } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { fitPercent: formatFit, coveragePercent: formatCoverage } = useNumberFormats();
  // Translated once, not once per row.
  const noFit = <span className="muted">{t("ranking.noFit")}</span>;
  const noDecision = <span className="muted">{t("ranking.noDecision")}</span>;
  const noCalibrate = <span className="muted">{t("ranking.noCalibrate")}</span>;
  return (
    <>
      <p className="muted">
        <Link to="/roles">{t("roles.title")}</Link> / <Link to={`/roles/${role.slug}`}>{role.name}</Link> / {t("ranking.breadcrumb")}
      </p>
      <h1>{t("ranking.title", { role: role.name })}</h1>
      <p className="lede">{t("ranking.intro")}</p>
      <p className="muted" data-testid="how-fit">
        {t("ranking.howFit")}
      </p>
      <div className="actions">
        <a className="button button-secondary" href={csvHref(role.slug, query)} download>
          {t("ranking.downloadCsv")}
        </a>
      </div>
      <Form method="get" className="filters" aria-label={t("ranking.filters")}>
        <div className="field">
          <label htmlFor="ranking-decision">{t("ranking.decision")}</label>
          <select id="ranking-decision" name="decision" defaultValue={query.decision} key={query.decision}>
            {DECISION_FILTERS.map((d) => (
              <option key={d} value={d}>
                {t(`ranking.decisions.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ranking-min-coverage">{t("ranking.minCoverage")}</label>
          <input
            id="ranking-min-coverage"
            type="number"
            name="minCoverage"
            min={0}
            max={100}
            step={1}
            defaultValue={query.minCoverage}
            key={query.minCoverage}
          />
        </div>
        <div className="checkbox">
          {/* Sent whatever the box: an unticked box sends nothing, and no value means "on". */}
          <input type="hidden" name="complete" value="0" />
          <input
            id="ranking-complete"
            type="checkbox"
            name="complete"
            value="1"
            defaultChecked={query.complete}
            key={String(query.complete)}
          />
          <label htmlFor="ranking-complete">{t("ranking.completeOnly")}</label>
        </div>
        <button type="submit">{t("ranking.apply")}</button>
      </Form>
      <p aria-live="polite" className="muted" data-testid="ranking-count">
        {t("ranking.count", { count: total })}
      </p>
      {total === 0 ? (
        <p>{t("ranking.empty")}</p>
      ) : rows.length === 0 ? (
        <p>
          {t("ranking.pageEmpty")} <Link to={pageHref(role.slug, query, 1)}>{t("ranking.firstPage")}</Link>
        </p>
      ) : (
        <CompareForm action={`/roles/${role.slug}/compare`}>
          <p className="muted" id="compare-hint">
            {t("ranking.compareHint")}
          </p>
          <div className="table-scroll">
            <table data-testid="ranking-table">
              <caption>{t("ranking.caption", { role: role.name, page: query.page, pages: pageCount })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("ranking.columns.select")}</th>
                  <th scope="col" className="num">
                    {t("ranking.columns.rank")}
                  </th>
                  <th scope="col">{t("ranking.columns.name")}</th>
                  <th scope="col" className="num">
                    {t("ranking.columns.fit")}
                  </th>
                  <th scope="col" className="num">
                    {t("ranking.columns.coverage")}
                  </th>
                  <th scope="col" className="num">
                    {t("ranking.columns.evidence")}
                  </th>
                  <th scope="col">{t("ranking.columns.panel")}</th>
                  <th scope="col">{t("ranking.columns.calibrate")}</th>
                  <th scope="col">{t("ranking.columns.decision")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={row.assessmentId} data-candidate-id={row.candidateId}>
                    <td>
                      <input
                        type="checkbox"
                        name="c"
                        value={row.candidateId}
                        id={`compare-${row.candidateId}`}
                        aria-label={t("ranking.selectCandidate", { name: row.name })}
                        aria-describedby="compare-hint"
                      />
                    </td>
                    <td className="num">{firstRank + i}</td>
                    <th scope="row">
                      <PlainLink to={`/candidates/${row.candidateId}`}>{row.name}</PlainLink>
                    </th>
                    <td className="num" data-testid="ranking-fit">
                      {row.fit === null ? noFit : formatFit(row.fit)}
                    </td>
                    <td className="num">{formatCoverage(row.coverage)}</td>
                    <td className="num">{row.evidence}</td>
                    <td data-testid="ranking-panel">{t("ranking.submitted", { submitted: row.submitted, assigned: row.assigned })}</td>
                    <td data-testid="ranking-calibrate">
                      {row.calibrate.length === 0
                        ? noCalibrate
                        : row.calibrate.map((trait) => t(`traits.${trait}`)).join(t("app.listSeparator"))}
                    </td>
                    <td>{row.decision === null ? noDecision : t(`ranking.decisions.${row.decision}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </CompareForm>
      )}
      {rows.length > 0 && <Pagination slug={role.slug} query={query} pageCount={pageCount} />}
    </>
  );
}
