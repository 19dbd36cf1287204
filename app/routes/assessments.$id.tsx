import type { ActionFunctionArgs, AppLoadContext, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { z } from "zod";
import { ConfirmationPage } from "~/components/ConfirmedAction";
import { DecisionSection } from "~/components/assessment/DecisionSection";
import { InterviewersSection, removeSpec, reopenSpec } from "~/components/assessment/InterviewersSection";
import { PanelSection } from "~/components/assessment/PanelSection";
import { maySeePanel } from "~/domain/blind";
import { traitsFlaggedForCalibration } from "~/domain/panel";
import assessmentStyles from "~/styles/assessment.css?url";
import {
  addInterviewer,
  DECISIONS_PAGE_SIZE,
  getAssessmentOverview,
  interviewerChoices,
  listDecisions,
  recordDecision,
  removeInterviewer,
  scheduleInterview,
} from "~/models/assessments.server";
import { scorecardDueHours } from "~/models/settings.server";
import { debriefIsOpen, loadDebrief, recordAgreedReading } from "~/models/debrief.server";
import { agreedReadingSchema } from "~/schemas/debrief";
import { DebriefSection, type DebriefRefusal } from "~/components/assessment/DebriefSection";
import { isTraitKey } from "~/domain/traits";
import { mailContext, readInterviewTime } from "~/http/interview-time.server";
import type { InterviewTimeRefusal } from "~/components/assessment/InterviewersSection";
import { wallTimeOfInstant } from "~/utils/zoned-time";
import { computePanel, submittedNotes } from "~/models/panel-results.server";
import { teamReliability } from "~/models/calibration.server";
import { defaultCalibrationPeriod, periodInstants } from "~/domain/calibration";
import { loadScoringKit, reopenScorecard, submittedExpectationMarks } from "~/models/scorecards.server";
import { SKILL_PROFILE_LANGUAGE } from "~/models/kit-builder.server";
import { expectationSummary, panelExpectations } from "~/domain/expectation-marks";
import { PanelExpectations, type PanelExpectationsView } from "~/components/assessment/PanelExpectations";
import type { AssessmentAccess } from "~/models/assessments.server";
import { showText } from "~/models/shown-text";
import { decisionSchema } from "~/schemas/candidate";
import { notFound, requireAssessmentAccess, requireUser } from "~/http/auth.server";
import type { SessionUser } from "~/http/auth.server";
import { parseForm, readFormData } from "~/http/forms.server";
import { confirmationPage, isConfirmed } from "~/http/confirm.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { REVOKE_SPEC, ReportSection } from "~/components/report/ReportSection";
import { fitChartsSvg, sendChart, sendFitCharts, traitRadarSvg } from "~/components/charts/chart-svg.server";
import { REVOKE_QUESTIONNAIRE_SPEC, SelfReportLinkSection } from "~/components/assessment/SelfReportLinkSection";
import { SelfReportComparison, type SelfReportComparisonView } from "~/components/assessment/SelfReportComparison";
import { compareSelfReport, selfReportFit } from "~/domain/self-report-comparison";
import { questionnaireForAssessment, revokeQuestionnaireLink, sendQuestionnaire } from "~/models/questionnaires.server";
import { facetTexts } from "~/models/self-report-texts.server";
import { sendQuestionnaireSchema } from "~/schemas/questionnaire";
import type { Panel } from "~/models/panel-results.server";
import type { QuestionnaireView } from "~/models/questionnaires.server";
import type { ScoringKit } from "~/models/scorecards.server";
import type { UiLanguage } from "~/utils/i18n";
import { loadAssessmentReportSection, publishReport, revokeReport } from "~/models/report.server";
import { publishReportSchema, revokeReportSchema } from "~/schemas/report";
import { assessmentPageHref, parseAssessmentPageQuery } from "~/schemas/assessment-page";
import "~/locales/assessments";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => [{ title: page?.title ?? notFoundTitle(matches) }];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const access = await requireAssessmentAccess(request, context, user, params.id);
  const [kit, overview] = await Promise.all([
    loadScoringKit(context.db, access.kitVersionId),
    getAssessmentOverview(context.db, access.id),
  ]);
  if (!kit || !overview) throw notFound();
  const isRecruiter = user.role === "recruiter";
  const mine = overview.interviewers.find((i) => i.userId === user.id);
  const canSeePanel = maySeePanel(user.role, mine?.status ?? null);
  const { language: lang, t } = await getTranslator(request, context);
  const [panel, notes, debrief] = canSeePanel
    ? await Promise.all([
        computePanel(context.db, access.id, kit),
        submittedNotes(context.db, access.id),
        loadDebrief(context.db, access.id, overview.interviewers),
      ])
    : [null, [], null];
  const [choices, dueHours] = isRecruiter ? await Promise.all([interviewerChoices(context.db), scorecardDueHours(context.db)]) : [[], 0];
  const pages = parseAssessmentPageQuery(new URL(request.url).searchParams);
  const decisions = isRecruiter
    ? await listDecisions(context.db, access.id, pages.decisionsPage)
    : { rows: [], total: 0, pageSize: DECISIONS_PAGE_SIZE, pageCount: 1 };
  const assigned = new Set(overview.interviewers.map((i) => i.userId));
  // Fit charts and the candidate report links (issue 7).
  const report = await loadAssessmentReportSection(
    context.db,
    { assessmentId: access.id, kit, panel, isRecruiter, linksPage: pages.linksPage },
    new Date(),
  );
  // Before a scorecard is in there is nothing to read: the panel says so once, not again per skill.
  const expectations =
    panel && panel.submittedCount > 0 && kit.expectations.length > 0
      ? await panelExpectationsView(context.db, access.id, kit, panel, lang)
      : null;
  // The self-report questionnaire (issue 20): its link is the recruiter's; its comparison shows with the panel, under the panel's rule.
  const questionnaire = isRecruiter || canSeePanel ? await questionnaireForAssessment(context.db, access.id, new Date()) : null;
  const comparison = panel && questionnaire ? selfReportComparison(questionnaire, panel, kit, lang) : null;
  // A disagreement is read beside how well the team agrees on the trait at all (issue 21): every role, the last 12 months.
  const flagged = panel ? traitsFlaggedForCalibration(panel.traits) : [];
  const flaggedReliability = await teamReliability(context.db, flagged, {
    ...periodInstants(defaultCalibrationPeriod(new Date())),
    roleSlug: null,
  });
  return {
    title: pageTitle(t, t("assessments.pageTitle")),
    isRecruiter,
    pages,
    myStatus: mine?.status ?? null,
    overview: {
      id: overview.id,
      createdAt: overview.createdAt,
      // An interviewer sees the candidate's name on the scorecard anyway; the candidate page is recruiters'.
      candidate: { id: overview.candidate.id, name: overview.candidate.name },
      interviewers: overview.interviewers.map((i) => ({
        ...i,
        scheduleValues: {
          interviewAt: i.interviewAt && i.interviewTimeZone ? wallTimeOfInstant(new Date(i.interviewAt), i.interviewTimeZone) : "",
          interviewTimeZone: i.interviewTimeZone ?? "",
          scorecardDueAt: i.scorecardDueAt && i.interviewTimeZone ? wallTimeOfInstant(new Date(i.scorecardDueAt), i.interviewTimeZone) : "",
        },
      })),
      decisions: { ...decisions, page: pages.decisionsPage },
    },
    kit: {
      kitId: kit.kitId,
      name: kit.name,
      version: kit.version,
      roleSlug: kit.roleSlug,
      roleName: kit.roleName,
      // Blind scoring: the bands would anchor an interviewer as much as the panel's scores.
      idealProfile: canSeePanel ? kit.idealProfile : null,
      questions: kit.questions.map((q, i) => ({
        id: q.id,
        number: i + 1,
        text: showText(q.text, lang, kit.contentLanguage),
        traits: q.traits,
      })),
    },
    panel: panel && {
      traits: panel.traits,
      fit: panel.fit && { fit: panel.fit.fit, coverage: panel.fit.coverage, gaps: panel.fit.gaps, traitsUsed: panel.fit.traitsUsed },
      recommendations: panel.recommendations,
      submittedCount: panel.submittedCount,
      interviewerNames: panel.interviewerNames,
      ratingRows: panel.ratingRows,
      redFlagsSeen: panel.redFlagsSeen.map((f) => ({ ...f, text: showText(f.text, lang, kit.contentLanguage) })),
      strengthsSeen: panel.strengthsSeen.map((s) => ({ count: s.count, text: showText(s.text, lang, kit.contentLanguage) })),
      notes,
      flaggedReliability,
    },
    expectations,
    debrief,
    addable: choices.filter((c) => !assigned.has(c.id)),
    now: new Date().toISOString(),
    dueHours,
    mailOn: context.mail.on,
    // Shown beside "e-mail the report link" only: the address is a recruiter's to see.
    candidateEmail: isRecruiter ? overview.candidate.email : null,
    report,
    chartsSvg: report.charts && sendFitCharts(context, fitChartsSvg(report.charts, lang)),
    questionnaire: isRecruiter && questionnaire ? { status: questionnaire.status, link: questionnaire.link } : null,
    selfReport: comparison && {
      view: comparison,
      chart: sendChart(
        context,
        traitRadarSvg(
          {
            label: t("selfReport.compare.chartTitle"),
            band: comparison.band,
            series: [
              panel?.scores ?? {},
              Object.fromEntries(comparison.rows.flatMap((r) => (r.self.status === "scored" ? [[r.trait, r.self.score]] : []))),
            ],
          },
          lang,
        ),
      ),
    },
  };
}

/** The kit's skill expectations as the submitted scorecards marked them (blind scoring: only once the panel may be seen). */
async function panelExpectationsView(
  db: AppLoadContext["db"],
  assessmentId: number,
  kit: ScoringKit,
  panel: Panel,
  lang: UiLanguage,
): Promise<PanelExpectationsView> {
  const rows = panelExpectations(
    kit.expectations.map((e) => ({
      position: e.position,
      skillName: e.skillName,
      mandatory: e.mandatory,
      // The expectations were written with the skill profiles, in their language, not the kit's.
      description: showText(e.description, lang, SKILL_PROFILE_LANGUAGE),
    })),
    await submittedExpectationMarks(db, assessmentId),
  );
  return {
    level: kit.level,
    interviewers: Object.entries(panel.interviewerNames).map(([id, name]) => ({ id, name })),
    rows,
    summary: expectationSummary(rows),
  };
}

/** The completed self-report beside the panel's interview; null before the questionnaire is submitted. */
function selfReportComparison(
  questionnaire: QuestionnaireView,
  panel: Panel,
  kit: ScoringKit,
  lang: UiLanguage,
): SelfReportComparisonView | null {
  if (questionnaire.status.state !== "completed" || !questionnaire.scores) return null;
  const domains = questionnaire.scores;
  const profile = kit.idealProfile;
  return {
    language: questionnaire.status.language,
    completedAt: questionnaire.status.completedAt,
    rows: compareSelfReport(panel.traits, domains),
    band: profile && Object.fromEntries(Object.entries(profile).map(([trait, b]) => [trait, { low: b.low, high: b.high }])),
    fit: profile && {
      interview: panel.fit && { fit: panel.fit.fit, coverage: panel.fit.coverage },
      self: selfReportFit(domains, profile),
    },
    facets: domains.map((d) => ({
      trait: d.trait,
      facets: d.facets.map((f) => ({
        facet: f.facet,
        title: facetTexts(d.domain, f.facet, lang).title,
        score: f.score,
        answered: f.answered,
        items: f.items,
      })),
    })),
  };
}

const userIdForm = z.object({ userId: z.coerce.number().int().positive() });
const removeForm = userIdForm.extend({ discardDraft: z.literal("1").optional() });
const scorecardIdForm = z.object({ scorecardId: z.coerce.number().int().positive() });

/** What every intent of the page's form acts with: the recruiter, the assessment they may act on, and the post. */
type IntentArgs = {
  request: Request;
  context: AppLoadContext;
  user: SessionUser;
  access: AssessmentAccess;
  formData: FormData;
  now: Date;
};

async function recordDecisionIntent({ context, user, access, formData, now }: IntentArgs) {
  const parsed = parseForm(formData, decisionSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, message: null }, { status: 400 });
  await recordDecision(context.db, { assessmentId: access.id, ...parsed.data, actorId: user.id }, now);
  return redirect(`/assessments/${access.id}`, 303);
}

/** A refused interview time, shown by its form: the add form's (userId null) or one interviewer's. */
function refusedTime(userId: number | null, errors: InterviewTimeRefusal["errors"], values: InterviewTimeRefusal["values"]) {
  const timeRefused: InterviewTimeRefusal = { userId, errors, values };
  return data({ errors: {}, message: null, timeRefused }, { status: 400 });
}

async function addInterviewerIntent({ request, context, user, access, formData, now }: IntentArgs) {
  const parsed = parseForm(formData, userIdForm);
  if (!parsed.ok) return data({ errors: parsed.errors, message: "notAddable" as const }, { status: 400 });
  const time = readInterviewTime(formData);
  if (!time.ok) return refusedTime(null, time.errors, time.values);
  const { language } = await getTranslator(request, context);
  const added = await addInterviewer(
    context.db,
    {
      assessmentId: access.id,
      userId: parsed.data.userId,
      schedule: time.schedule,
      actorId: user.id,
      mail: mailContext(context, language),
    },
    now,
  );
  if (!added) return data({ errors: {}, message: "notAddable" as const }, { status: 409 });
  context.mail.nudge();
  return redirect(`/assessments/${access.id}`, 303);
}

async function agreeIntent({ context, user, access, formData, now }: IntentArgs) {
  const parsed = parseForm(formData, agreedReadingSchema);
  const trait = String(formData.get("trait") ?? "");
  if (!isTraitKey(trait)) throw new Response("Bad request", { status: 400 });
  // Refusals first: errors by a form the page does not show would help no one.
  if (!(await debriefIsOpen(context.db, access.id))) {
    return data({ errors: {}, message: "debriefClosed" as const }, { status: 409 });
  }
  if (!parsed.ok) {
    const debriefRefused: DebriefRefusal = {
      trait,
      errors: parsed.errors,
      reading: String(formData.get("reading") ?? "").slice(0, 5),
      reason: String(formData.get("reason") ?? "").slice(0, 2000),
    };
    return data({ errors: {}, message: null, debriefRefused }, { status: 400 });
  }
  const outcome = await recordAgreedReading(
    context.db,
    {
      assessmentId: access.id,
      trait: parsed.data.trait,
      reading: Number(parsed.data.reading),
      reason: parsed.data.reason,
      actorId: user.id,
    },
    now,
  );
  if (outcome === "closed") return data({ errors: {}, message: "debriefClosed" as const }, { status: 409 });
  return redirect(`/assessments/${access.id}#debrief-${parsed.data.trait}-title`, 303);
}

async function scheduleIntent({ request, context, user, access, formData, now }: IntentArgs) {
  const parsed = parseForm(formData, userIdForm);
  if (!parsed.ok) throw new Response("Bad request", { status: 400 });
  const overview = await getAssessmentOverview(context.db, access.id);
  const interviewer = overview?.interviewers.find((i) => i.userId === parsed.data.userId);
  if (!interviewer) throw notFound();
  // Their scorecard is in: an interview time would change nothing (the page offers none).
  if (interviewer.status === "submitted") return data({ errors: {}, message: "notSchedulable" as const }, { status: 409 });
  const time = readInterviewTime(formData);
  if (!time.ok) return refusedTime(parsed.data.userId, time.errors, time.values);
  const { language } = await getTranslator(request, context);
  const outcome = await scheduleInterview(
    context.db,
    {
      assessmentId: access.id,
      userId: parsed.data.userId,
      schedule: time.schedule,
      actorId: user.id,
      mail: mailContext(context, language),
    },
    now,
  );
  if (outcome === "notOnPanel") throw notFound();
  context.mail.nudge();
  return redirect(`/assessments/${access.id}`, 303);
}

async function removeInterviewerIntent({ context, user, access, formData, now }: IntentArgs) {
  const parsed = parseForm(formData, removeForm);
  if (!parsed.ok) return data({ errors: parsed.errors, message: "notRemovable" as const }, { status: 400 });
  const overview = await getAssessmentOverview(context.db, access.id);
  const interviewer = overview?.interviewers.find((i) => i.userId === parsed.data.userId);
  if (!overview || !interviewer) return data({ errors: {}, message: "notRemovable" as const }, { status: 409 });
  // Refusals first: a confirmation of what cannot happen would only mislead.
  if (interviewer.status === "submitted") return data({ errors: {}, message: "notRemovable" as const }, { status: 409 });
  if (overview.interviewers.length <= 1) return data({ errors: {}, message: "lastInterviewer" as const }, { status: 409 });
  if (!isConfirmed(formData)) return confirmationPage(formData, removeSpec(interviewer));
  const outcome = await removeInterviewer(
    context.db,
    { assessmentId: access.id, userId: parsed.data.userId, actorId: user.id, discardDraft: parsed.data.discardDraft === "1" },
    now,
  );
  if (outcome === "lastInterviewer") return data({ errors: {}, message: "lastInterviewer" as const }, { status: 409 });
  if (outcome !== "removed") return data({ errors: {}, message: "notRemovable" as const }, { status: 409 });
  return redirect(`/assessments/${access.id}`, 303);
}

async function reopenScorecardIntent({ context, user, access, formData, now }: IntentArgs) {
  const parsed = parseForm(formData, scorecardIdForm);
  const kit = await loadScoringKit(context.db, access.kitVersionId);
  if (!parsed.ok || !kit) throw new Response("Bad request", { status: 400 });
  if (!isConfirmed(formData)) {
    const [overview, report] = await Promise.all([
      getAssessmentOverview(context.db, access.id),
      loadAssessmentReportSection(context.db, { assessmentId: access.id, kit, panel: null, isRecruiter: true, linksPage: 1 }, now),
    ]);
    const interviewer = overview?.interviewers.find((i) => i.scorecardId === parsed.data.scorecardId && i.status === "submitted");
    if (!interviewer) throw notFound();
    return confirmationPage(formData, reopenSpec(interviewer.name, report.linkCount.live > 0));
  }
  const reopened = await reopenScorecard(
    context.db,
    { assessmentId: access.id, scorecardId: parsed.data.scorecardId, actorId: user.id, kit },
    now,
  );
  if (!reopened) throw notFound();
  return redirect(`/assessments/${access.id}`, 303);
}

/** A link's expiry from the form's days (empty: none). */
function expiryAfter(days: number | null | undefined, now: Date): Date | null {
  return days === null || days === undefined ? null : new Date(now.getTime() + days * 86_400_000);
}

/**
 * Where a link the recruiter makes is e-mailed: the candidate's address when
 * the box is ticked, null when it is not, "refused" when it is ticked where
 * the form offers no box (no address, or e-mail off).
 */
async function candidateMailTo(
  context: IntentArgs["context"],
  assessmentId: number,
  ticked: boolean,
): Promise<{ email: string; appUrl: string } | null | "refused"> {
  if (!ticked) return null;
  const overview = await getAssessmentOverview(context.db, assessmentId);
  const email = overview?.candidate.email ?? null;
  if (email === null || !context.mail.on) return "refused";
  return { email, appUrl: context.mail.appUrl };
}

async function publishReportIntent({ request, context, user, access, formData, now }: IntentArgs) {
  const parsed = parseForm(formData, publishReportSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, message: null, published: null }, { status: 400 });
  const expiresAt = expiryAfter(parsed.data.expiresInDays, now);
  const mailTo = await candidateMailTo(context, access.id, parsed.data.mailToCandidate === "on");
  // Refused by the field, nothing published.
  if (mailTo === "refused")
    return data({ errors: { mailToCandidate: "mailToCandidate" }, message: null, published: null }, { status: 400 });
  const outcome = await publishReport(
    context.db,
    {
      assessmentId: access.id,
      language: parsed.data.language,
      expiresAt,
      actorId: user.id,
      earlier: parsed.data.earlier,
      mailTo,
      includeSelfReport: parsed.data.includeSelfReport === "on",
    },
    now,
  );
  if (!outcome.ok) return data({ errors: { publish: outcome.reason }, message: null, published: null }, { status: 409 });
  if (mailTo) context.mail.nudge();
  // The token is shown this once and never stored: only its hash is.
  const link = `${new URL(request.url).origin}/r/${outcome.token}`;
  return data({
    errors: {},
    message: null,
    published: {
      link,
      expiresAt: expiresAt?.toISOString() ?? null,
      shortId: outcome.shortId,
      version: outcome.version,
      mailedTo: mailTo?.email ?? null,
    },
  });
}

/** Makes the self-report questionnaire's link (a new one revokes the live one); the token is shown this once. */
async function sendQuestionnaireIntent({ request, context, user, access, formData, now }: IntentArgs) {
  const parsed = parseForm(formData, sendQuestionnaireSchema);
  if (!parsed.ok) return data({ questionnaire: { errors: parsed.errors, made: null } }, { status: 400 });
  const expiresAt = expiryAfter(parsed.data.expiresInDays, now);
  const mailTo = await candidateMailTo(context, access.id, parsed.data.mailToCandidate === "on");
  // Refused by the field, no link made.
  if (mailTo === "refused") return data({ questionnaire: { errors: { mailToCandidate: "mailToCandidate" }, made: null } }, { status: 400 });
  const outcome = await sendQuestionnaire(
    context.db,
    { assessmentId: access.id, language: parsed.data.language, expiresAt, actorId: user.id, mailTo },
    now,
  );
  if (!outcome.ok) return data({ questionnaire: { errors: { questionnaire: "completed" }, made: null } }, { status: 409 });
  if (mailTo) context.mail.nudge();
  // The token is shown this once and never stored: only its hash is.
  const link = `${new URL(request.url).origin}/q/${outcome.token}`;
  return data({
    questionnaire: { errors: {}, made: { link, expiresAt: expiresAt?.toISOString() ?? null, mailedTo: mailTo?.email ?? null } },
  });
}

async function revokeQuestionnaireIntent({ context, user, access, formData, now }: IntentArgs) {
  if (!isConfirmed(formData)) return confirmationPage(formData, REVOKE_QUESTIONNAIRE_SPEC);
  if (!(await revokeQuestionnaireLink(context.db, { assessmentId: access.id, actorId: user.id }, now))) {
    return data({ questionnaire: { errors: { questionnaire: "noLiveLink" }, made: null } }, { status: 409 });
  }
  return redirect(`/assessments/${access.id}`, 303);
}

async function revokeReportLinkIntent({ context, user, access, formData, now }: IntentArgs) {
  const parsed = parseForm(formData, revokeReportSchema);
  if (!parsed.ok) throw new Response("Bad request", { status: 400 });
  if (!isConfirmed(formData)) return confirmationPage(formData, REVOKE_SPEC);
  if (!(await revokeReport(context.db, { assessmentId: access.id, reportId: parsed.data.reportId, actorId: user.id }, now)))
    throw notFound();
  return redirect(`/assessments/${access.id}`, 303);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, { role: "recruiter" });
  const access = await requireAssessmentAccess(request, context, user, params.id);
  const formData = await readFormData(request);
  const args: IntentArgs = { request, context, user, access, formData, now: new Date() };
  switch (formData.get("intent")) {
    case "decision":
      return recordDecisionIntent(args);
    case "add":
      return addInterviewerIntent(args);
    case "schedule":
      return scheduleIntent(args);
    case "agree":
      return agreeIntent(args);
    case "remove":
      return removeInterviewerIntent(args);
    case "reopen":
      return reopenScorecardIntent(args);
    case "publish":
      return publishReportIntent(args);
    case "revoke":
      return revokeReportLinkIntent(args);
    case "questionnaire-send":
      return sendQuestionnaireIntent(args);
    case "questionnaire-revoke":
      return revokeQuestionnaireIntent(args);
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}

export default function AssessmentPage() {
  const {
    isRecruiter,
    pages,
    myStatus,
    overview,
    kit,
    panel,
    expectations,
    debrief,
    addable,
    report,
    chartsSvg,
    now,
    dueHours,
    mailOn,
    candidateEmail,
    questionnaire,
    selfReport,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const confirmation = actionData && "confirmation" in actionData ? actionData.confirmation : undefined;
  if (confirmation) return <ConfirmationPage confirmation={confirmation} />;
  const message = actionData && "message" in actionData ? actionData.message : null;
  const liveReport = report.linkCount.live > 0;

  return (
    <article className="assessment-page">
      <p className="muted">
        {isRecruiter ? <Link to={`/candidates/${overview.candidate.id}`}>{overview.candidate.name}</Link> : overview.candidate.name} /{" "}
        {t("assessments.title", { name: overview.candidate.name })}
      </p>
      <h1>{t("assessments.title", { name: overview.candidate.name })}</h1>
      <p className="muted">
        {t("assessments.kit")}
        {t("app.colon")}
        <Link to={`/kits/${kit.kitId}`}>{kit.name}</Link>
        {t("app.inBrackets", { text: t("assessments.version", { version: kit.version }) })} · {t("assessments.role")}
        {t("app.colon")}
        <Link to={`/roles/${kit.roleSlug}`}>{kit.roleName}</Link>
      </p>
      {myStatus !== null && myStatus !== "submitted" && (
        <p>
          <Link className="button" to={`/assessments/${overview.id}/scorecard`}>
            {t("assessments.openScorecard")}
          </Link>
        </p>
      )}

      <InterviewersSection
        interviewers={overview.interviewers}
        addable={addable}
        isRecruiter={isRecruiter}
        liveReport={liveReport}
        message={message}
        now={now}
        dueHours={dueHours}
        mailOn={mailOn}
        timeRefused={actionData && "timeRefused" in actionData ? actionData.timeRefused : null}
      />

      {!panel ? (
        <p className="note" data-testid="blind-notice">
          {t("assessments.blindNotice")}
        </p>
      ) : (
        <PanelSection panel={panel} idealProfile={kit.idealProfile} questions={kit.questions} />
      )}

      {expectations && <PanelExpectations view={expectations} />}

      {panel && debrief && (
        <DebriefSection
          debrief={debrief}
          traits={panel.traits}
          questions={kit.questions}
          interviewers={Object.entries(panel.interviewerNames).map(([id, name]) => ({ id, name }))}
          ratingRows={panel.ratingRows}
          notes={panel.notes}
          canRecord={isRecruiter}
          refused={actionData && "debriefRefused" in actionData ? actionData.debriefRefused : null}
        />
      )}

      {selfReport && <SelfReportComparison comparison={selfReport.view} chart={selfReport.chart} />}

      {questionnaire && (
        <SelfReportLinkSection
          questionnaire={questionnaire}
          candidateEmail={mailOn ? candidateEmail : null}
          made={actionData && "questionnaire" in actionData ? actionData.questionnaire.made : null}
          errors={actionData && "questionnaire" in actionData ? actionData.questionnaire.errors : {}}
        />
      )}

      <ReportSection
        section={report}
        hrefForLinksPage={(page) => assessmentPageHref(pages, { linksPage: page }, "published-links")}
        chartsSvg={chartsSvg}
        isRecruiter={isRecruiter}
        candidateName={overview.candidate.name}
        candidateEmail={mailOn ? candidateEmail : null}
        published={actionData && "published" in actionData ? actionData.published : null}
        errors={actionData && "published" in actionData ? actionData.errors : {}}
      />

      {isRecruiter && (
        <DecisionSection
          decisions={overview.decisions}
          hrefForPage={(page) => assessmentPageHref(pages, { decisionsPage: page }, "decision")}
          serverErrors={actionData && "errors" in actionData ? actionData.errors : undefined}
        />
      )}
    </article>
  );
}
