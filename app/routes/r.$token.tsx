import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TranslationScope, useTranslation } from "~/utils/use-translation";
import { FitCharts } from "~/components/charts/FitCharts";
import { SelfReportProfile } from "~/components/report/SelfReportProfile";
import { fitChartsSvg, sendFitCharts } from "~/components/charts/chart-svg.server";
import { openCandidateReport } from "~/models/report.server";
import reportStyles from "~/styles/report.css?url";
import { notFound } from "~/http/auth.server";
import { pageTitle, translators } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { useFormatDate } from "~/utils/dates";
import type { RouteHandle } from "~/root";
import "~/locales/report";

/*
 * The candidate's private report: no account, a secret link. An unknown,
 * revoked or expired token all get the same 404. Nothing here names an
 * interviewer, a note, a red flag, a recommendation, a decision or an id.
 * It shows the snapshot frozen when the report was published, never the
 * panel as it is now: a reopened scorecard does not change what the candidate holds.
 */

// In the language the recruiter published it in, whatever the reader's: no language switch around it.
export const handle: RouteHandle = { ownLanguage: true };

const PRIVATE_HEADERS = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

export const headers: HeadersFunction = () => PRIVATE_HEADERS;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: report, matches }) => [
  { title: report?.title ?? notFoundTitle(matches) },
  { name: "robots", content: "noindex" },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const report = /^[A-Za-z0-9_-]{43}$/.test(token) ? await openCandidateReport(context.db, token, new Date()) : undefined;
  if (!report) throw notFound();
  // In the report's language, like its heading, whatever the reader's interface language is.
  const { t } = translators[report.language];
  // Drawn from the snapshot alone, in its language: the charts are what the candidate was sent.
  const chartsSvg = sendFitCharts(context, fitChartsSvg(report.charts, report.language));
  return data({ ...report, chartsSvg, title: pageTitle(t, t("report.page.pageTitle")) }, { headers: PRIVATE_HEADERS });
}

function ReportBody({ report }: { report: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const expires = report.expiresAt ? formatDate(report.expiresAt, "dateTime") : null;
  return (
    <article className="candidate-report" lang={report.language} data-texts-lang={report.language} data-testid="candidate-report">
      <h1>{t("report.page.title")}</h1>
      <p>{t("report.page.intro", { role: report.charts.roleName })}</p>
      <p className="muted">{t("report.page.howToRead")}</p>
      {/* The charts' own headings are h3: a heading of their own keeps the outline in order. */}
      <section aria-labelledby="report-results">
        <h2 id="report-results">{t("report.page.results")}</h2>
        <FitCharts charts={report.charts} svg={report.chartsSvg} seriesLabel={t("report.charts.series")} audience="candidate" />
      </section>
      {/* Only when the recruiter included it when publishing, as it was then. */}
      {report.selfReport && <SelfReportProfile selfReport={report.selfReport} />}
      <p className="muted report-footer">
        {expires && <>{t("report.page.expires", { date: expires })} </>}
        {t("report.page.print")}
      </p>
    </article>
  );
}

/**
 * A candidate whose link no longer works gets a page meant for them: no
 * sign-in or library link, and the same words whether the token was revoked,
 * expired or never existed, so the page tells nothing about other links.
 */
export function ErrorBoundary() {
  const { t } = useTranslation();
  return (
    <section className="auth-card" data-testid="report-unavailable">
      <h1>{t("report.page.unavailableTitle")}</h1>
      <p>{t("report.page.unavailableBody")}</p>
    </section>
  );
}

export default function CandidateReportPage() {
  const report = useLoaderData<typeof loader>();
  // The report's own language, whatever the reader's interface language is.
  return (
    <TranslationScope language={report.language}>
      <ReportBody report={report} />
    </TranslationScope>
  );
}
