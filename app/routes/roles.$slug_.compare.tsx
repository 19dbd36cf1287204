import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { TraitRadarChart } from "~/components/charts/TraitRadarChart";
import { sendChart, traitRadarSvg } from "~/components/charts/chart-svg.server";
import { TRAIT_KEYS } from "~/domain/traits";
import { RECOMMENDATIONS } from "~/domain/scoring";
import { compareCandidates, roleForRanking } from "~/models/ranking.server";
import { parseCompareIds, roleSlugParam } from "~/schemas/ranking";
import { notFound, requireUser } from "~/http/auth.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { useNumberFormats } from "~/utils/numbers";
import "~/locales/assessments";
import "~/locales/ranking";
import "~/locales/report";
import "~/locales/roles";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [{ title: loaded?.title ?? notFoundTitle(matches) }];

type CompareError = { kind: "tooFew" | "tooMany"; count: number } | { kind: "badIds" } | { kind: "missing"; ids: number[] };

/**
 * GET /roles/:slug/compare?c=1,2,3 — 2 to 4 candidates side by side, from the
 * stored result of each one's latest assessment for the role. `c` may also be
 * repeated (the ranking's form without JavaScript): that answers with a
 * redirect to the one-list address, so the address to share is always the same.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request, context, { role: "recruiter" });
  const slug = roleSlugParam.safeParse(params.slug);
  if (!slug.success) throw notFound();
  const role = await roleForRanking(context.db, slug.data);
  if (!role) throw notFound();
  const values = new URL(request.url).searchParams.getAll("c");
  const parsed = parseCompareIds(values);
  const roleView = { slug: role.slug, name: role.name, band: role.band };
  const { language, t } = await getTranslator(request, context);
  const title = pageTitle(t, role.name, t("ranking.compare.pageTitle"));
  if (!parsed.ok) {
    const error: CompareError = parsed.reason === "badIds" ? { kind: "badIds" } : { kind: parsed.reason, count: parsed.count };
    return data({ title, role: roleView, error, candidates: [], radarSvg: null }, { status: 400 });
  }
  if (values.length > 1) throw redirect(`/roles/${role.slug}/compare?c=${parsed.ids.join(",")}`, 303);
  const comparison = await compareCandidates(context.db, role.slug, parsed.ids);
  if (!comparison.ok) {
    const error: CompareError = { kind: "missing", ids: comparison.missing };
    return data({ title, role: roleView, error, candidates: [], radarSvg: null }, { status: 400 });
  }
  const radarSvg = sendChart(
    context,
    traitRadarSvg(
      {
        label: t("ranking.compare.radarCaption", { role: role.name }),
        band: role.band,
        series: comparison.candidates.map((c) => c.scores),
      },
      language,
    ),
  );
  return data({ title, role: roleView, error: null, candidates: comparison.candidates, radarSvg });
}

function ErrorMessage({ error }: { error: CompareError }) {
  const { t } = useTranslation();
  switch (error.kind) {
    case "tooFew":
      return <>{t("ranking.compare.tooFew", { count: error.count })}</>;
    case "tooMany":
      return <>{t("ranking.compare.tooMany", { count: error.count })}</>;
    case "badIds":
      return <>{t("ranking.compare.badIds")}</>;
    case "missing":
      return <>{t("ranking.compare.missing", { count: error.ids.length, ids: error.ids.join(", ") })}</>;
  }
}

export default function ComparePage() {
  const { role, error, candidates, radarSvg } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { score: formatScore, fitPercent: formatFit, coveragePercent: formatCoverage } = useNumberFormats();
  const rankingHref = `/roles/${role.slug}/candidates`;
  return (
    <>
      <p className="muted">
        <Link to="/roles">{t("roles.title")}</Link> / <Link to={`/roles/${role.slug}`}>{role.name}</Link> /{" "}
        <Link to={rankingHref}>{t("ranking.breadcrumb")}</Link>
      </p>
      <h1>{t("ranking.compare.title", { role: role.name })}</h1>
      {error !== null || radarSvg === null ? (
        <div role="alert" data-testid="compare-error">
          <h2>{t("ranking.compare.errorTitle")}</h2>
          <p>
            <ErrorMessage error={error} />
          </p>
          <p>
            <Link to={rankingHref}>{t("ranking.compare.backToRanking")}</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="lede">{t("ranking.compare.intro")}</p>
          <p className="muted" data-testid="how-fit">
            {t("ranking.howFit")}
          </p>
          <TraitRadarChart
            caption={t("ranking.compare.radarCaption", { role: role.name })}
            band={role.band}
            series={candidates.map((c) => ({ label: c.name, scores: c.scores }))}
            svg={radarSvg}
            ownTable={false}
          />
          <div className="table-scroll">
            <table data-testid="compare-table">
              <caption>{t("ranking.compare.tableCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("ranking.compare.measure")}</th>
                  <th scope="col" className="num">
                    {t("ranking.compare.band")}
                  </th>
                  {candidates.map((c) => (
                    <th key={c.candidateId} scope="col" className="num" data-candidate-id={c.candidateId}>
                      <Link to={`/candidates/${c.candidateId}`}>{c.name}</Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr data-row="fit">
                  <th scope="row">{t("ranking.compare.fit")}</th>
                  <td className="num">—</td>
                  {candidates.map((c) => (
                    <td key={c.candidateId} className="num">
                      {c.fit === null ? <span className="muted">{t("ranking.noFit")}</span> : formatFit(c.fit)}
                    </td>
                  ))}
                </tr>
                <tr data-row="coverage">
                  <th scope="row">{t("ranking.compare.coverage")}</th>
                  <td className="num">—</td>
                  {candidates.map((c) => (
                    <td key={c.candidateId} className="num">
                      {formatCoverage(c.coverage)}
                    </td>
                  ))}
                </tr>
                {TRAIT_KEYS.map((trait) => {
                  const band = role.band?.[trait];
                  return (
                    <tr key={trait} data-row={trait}>
                      <th scope="row">{t(`traits.${trait}`)}</th>
                      <td className="num">{band ? `${band.low}–${band.high}` : "—"}</td>
                      {candidates.map((c) => {
                        const score = c.scores[trait];
                        return (
                          <td key={c.candidateId} className="num">
                            {score === undefined ? <span className="muted">{t("ranking.compare.notAssessed")}</span> : formatScore(score)}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
                <tr data-row="evidence">
                  <th scope="row">{t("ranking.compare.evidence")}</th>
                  <td className="num">—</td>
                  {candidates.map((c) => (
                    <td key={c.candidateId} className="num">
                      {c.evidence}
                    </td>
                  ))}
                </tr>
                {RECOMMENDATIONS.map((rec) => (
                  <tr key={rec} data-row={`recommendation-${rec}`}>
                    <th scope="row">
                      {t("ranking.compare.recommendations")}
                      {t("app.colon")}
                      {t(`assessments.recommendation.${rec}`)}
                    </th>
                    <td className="num">—</td>
                    {candidates.map((c) => (
                      <td key={c.candidateId} className="num">
                        {c.recommendations[rec]}
                      </td>
                    ))}
                  </tr>
                ))}
                <tr data-row="decision">
                  <th scope="row">{t("ranking.compare.decision")}</th>
                  <td className="num">—</td>
                  {candidates.map((c) => (
                    <td key={c.candidateId}>
                      {c.decision === null ? (
                        <span className="muted">{t("ranking.noDecision")}</span>
                      ) : (
                        t(`ranking.decisions.${c.decision}`)
                      )}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <p>
            <Link to={rankingHref}>{t("ranking.compare.backToRanking")}</Link>
          </p>
        </>
      )}
    </>
  );
}
