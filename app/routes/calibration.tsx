import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { MIN_ASSESSMENTS_FOR_RELIABILITY } from "~/domain/agreement";
import { maySeeTeamFigures, MIN_INTERVIEWERS_BEHIND_TEAM_FIGURES, periodInstants, type InterviewerHabits } from "~/domain/calibration";
import { RATINGS, RECOMMENDATIONS } from "~/domain/scoring";
import { TRAIT_KEYS } from "~/domain/traits";
import { calibrationPage } from "~/models/calibration.server";
import { readCalibrationRequest } from "~/http/calibration.server";
import { calibrationSearch } from "~/schemas/calibration";
import { calibrationDistributionSvg, sendChart } from "~/components/charts/chart-svg.server";
import { CalibrationFilters } from "~/components/calibration/CalibrationFilters";
import {
  CalibrationExplained,
  DistributionFigure,
  InterviewerTable,
  RATING_COLORS,
  RECOMMENDATION_COLORS,
  ReliabilityTable,
  type DistributionView,
  type InterviewerView,
  type ReliabilityView,
  type ShownHabits,
} from "~/components/calibration/CalibrationTables";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle, type Translator } from "~/utils/i18n";
import { formatInstant } from "~/utils/dates";
import { calibrationFormats, numberFormats } from "~/utils/numbers";
import { useTranslation } from "~/utils/use-translation";
import "~/locales/calibration";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [{ title: loaded?.title ?? notFoundTitle(matches) }];

/** A row's habits written in the reader's language (here, so the page's JavaScript carries no number formatting). */
function shownHabits(habits: InterviewerHabits, language: string): ShownHabits {
  const { sharePercent, signedTwoDecimals, oneDecimal } = calibrationFormats(language);
  return {
    scorecards: String(habits.scorecards),
    adherence: habits.adherence === null ? null : sharePercent(habits.adherence),
    leniency: habits.leniency === null ? null : { value: signedTwoDecimals(habits.leniency.mean), n: habits.leniency.n },
    outliers: String(habits.outlierCount),
    days: habits.medianDaysToSubmit === null ? null : oneDecimal(habits.medianDaysToSubmit),
  };
}

type Bar = { key: string; name: string; habits: InterviewerHabits };

/** One distribution's parts, rows and drawing: the rows, then the team, in the table's order. */
function distribution(
  context: LoaderFunctionArgs["context"],
  { t, language }: Translator,
  kind: "ratings" | "recommendations",
  bars: Bar[],
): DistributionView {
  const ratings = kind === "ratings";
  const parts = ratings
    ? RATINGS.map((value, i) => ({ label: t("calibration.distributions.rating", { value }), color: RATING_COLORS[i] ?? "#000" }))
    : RECOMMENDATIONS.map((value, i) => ({
        label: t(`calibration.distributions.recommendation.${value}`),
        color: RECOMMENDATION_COLORS[i] ?? "#000",
      }));
  const rows = bars.map(({ key, name, habits }) => ({
    key,
    name,
    counts: ratings ? RATINGS.map((r) => habits.ratingDistribution[r]) : RECOMMENDATIONS.map((r) => habits.recommendationDistribution[r]),
  }));
  const svg = calibrationDistributionSvg(
    { label: t(`calibration.distributions.${kind}Title`), colors: parts.map((p) => p.color), rows },
    language,
  );
  return { parts, rows, svg: sendChart(context, svg) };
}

/**
 * GET /calibration — for a period and optionally one role, each interviewer's
 * habits beside the team's and each trait's reliability (issue 21). A
 * recruiter sees every interviewer; an interviewer their own row, beside the
 * team's figures and the reliability, which name no one. A period or role
 * that cannot be read answers 400 with the reason by its field.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, roles, parsed } = await readCalibrationRequest(request, context);
  const isRecruiter = user.role === "recruiter";
  const translator = await getTranslator(request, context);
  const { t, language } = translator;
  const title = pageTitle(t, t("calibration.title"));
  if (!parsed.ok) {
    return data(
      { title, isRecruiter, roles, asked: parsed.asked, problems: parsed.problems, csvHref: null, result: null },
      { status: 400 },
    );
  }
  const { query } = parsed;
  const page = await calibrationPage(context.db, { ...periodInstants(query), roleSlug: query.role }, isRecruiter ? null : user.id);
  const roleFilter = query.role === null ? "" : `&role=${encodeURIComponent(query.role)}`;
  const rows: InterviewerView[] = page.rows.map((row) => ({
    interviewerId: row.interviewerId,
    name: row.name,
    // A recruiter opens the interviewer's assessments (the list's own filters); an interviewer's own list is theirs already.
    assessmentsHref: isRecruiter ? `/assessments?interviewer=${row.interviewerId}${roleFilter}` : "/assessments",
    shown: shownHabits(row, language),
  }));
  const showTeam = maySeeTeamFigures(user.role, page.interviewers);
  const bars: Bar[] = [
    ...page.rows.map((row) => ({ key: String(row.interviewerId), name: row.name, habits: row })),
    ...(showTeam ? [{ key: "team", name: t("calibration.interviewers.team"), habits: page.team }] : []),
  ];
  const { twoDecimals } = numberFormats(language);
  const shownIcc = (e: { icc: number; lower: number; upper: number }) => ({
    icc: twoDecimals(e.icc),
    lower: twoDecimals(e.lower),
    upper: twoDecimals(e.upper),
  });
  const reliability: ReliabilityView[] = TRAIT_KEYS.map((trait) => {
    const r = page.reliability[trait];
    if (r.status !== "estimated") return { trait, status: r.status, assessments: r.assessments };
    const { n, k0, single, average } = r.estimate;
    return {
      trait,
      status: r.status,
      assessments: n,
      k0: twoDecimals(k0),
      single: shownIcc(single),
      average: shownIcc(average),
      band: r.band,
    };
  });
  // A YYYY-MM-DD day as the reader's language writes a date (dates are shown in UTC, as the period's days are).
  const day = (iso: string) => formatInstant(language, `${iso}T00:00:00.000Z`, "date");
  const roleName = query.role === null ? null : (roles.find((r) => r.slug === query.role)?.name ?? query.role);
  return data({
    title,
    isRecruiter,
    roles,
    asked: { from: query.from, to: query.to, role: query.role ?? "" },
    problems: {},
    csvHref: `/calibration.csv${calibrationSearch(query)}`,
    result: {
      period: t("calibration.filters.period", {
        from: day(query.from),
        to: day(query.to),
        role: roleName ?? t("calibration.filters.anyRole").toLowerCase(),
        count: page.assessments,
      }),
      rows,
      team: showTeam ? shownHabits(page.team, language) : null,
      teamHiddenBelow: MIN_INTERVIEWERS_BEHIND_TEAM_FIGURES,
      distributions:
        page.team.scorecards === 0
          ? null
          : {
              ratings: distribution(context, translator, "ratings", bars),
              recommendations: distribution(context, translator, "recommendations", bars),
            },
      reliability,
      // The minimum sent as data: the browser never loads agreement.ts (the F distribution's code).
      needed: MIN_ASSESSMENTS_FOR_RELIABILITY,
    },
  });
}

export default function Calibration() {
  const { isRecruiter, roles, asked, problems, csvHref, result } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("calibration.title")}</h1>
      <p className="lede">{isRecruiter ? t("calibration.introRecruiter") : t("calibration.introInterviewer")}</p>
      {result === null && (
        <p className="alert" role="alert">
          <strong>{t("calibration.problems.title")}.</strong> {t("calibration.problems.body")}
        </p>
      )}
      <CalibrationFilters asked={asked} problems={problems} roles={roles} csvHref={csvHref} />
      {result !== null && (
        <>
          <p data-testid="calibration-period">{result.period}</p>
          <section aria-labelledby="calibration-interviewers">
            <h2 id="calibration-interviewers">{t("calibration.interviewers.title")}</h2>
            {result.distributions === null ? (
              <p>{t("calibration.interviewers.empty")}</p>
            ) : (
              <>
                <InterviewerTable rows={result.rows} team={result.team} />
                {result.team === null && (
                  <p className="muted" data-testid="calibration-team-hidden">
                    {t("calibration.interviewers.teamHidden", { count: result.teamHiddenBelow })}
                  </p>
                )}
              </>
            )}
          </section>
          {result.distributions !== null && (
            <section aria-labelledby="calibration-distributions">
              <h2 id="calibration-distributions">{t("calibration.distributions.title")}</h2>
              <DistributionFigure kind="ratings" view={result.distributions.ratings} />
              <DistributionFigure kind="recommendations" view={result.distributions.recommendations} />
            </section>
          )}
          <section aria-labelledby="calibration-reliability">
            <h2 id="calibration-reliability">{t("calibration.reliability.title")}</h2>
            <ReliabilityTable rows={result.reliability} needed={result.needed} />
          </section>
          <CalibrationExplained needed={result.needed} />
        </>
      )}
    </>
  );
}
