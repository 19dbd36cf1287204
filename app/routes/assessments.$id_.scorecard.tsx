import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { ScorecardForm } from "~/components/scorecard/ScorecardForm";
import { useFormatTime } from "~/components/scorecard/SaveStatus";
import { assessmentCandidateName } from "~/models/assessments.server";
import { getOwnScorecard, loadScoringKit } from "~/models/scorecards.server";
import { handleScorecardPost } from "~/http/scorecard-post.server";
import { showText } from "~/models/shown-text";
import { SKILL_PROFILE_LANGUAGE } from "~/models/kit-builder.server";
import { scorecardToFormState } from "~/schemas/scorecard";
import { notFound, requireAssessmentAccess, requireUser } from "~/http/auth.server";
import { getTranslator, pageTitle } from "~/utils/i18n.server";
import { notFoundTitle } from "~/utils/i18n";
import { useHydrated } from "~/utils/use-hydrated";
import { readFormData } from "~/http/forms.server";
import assessmentStyles from "~/styles/assessment.css?url";
import "~/locales/assessments";
import "~/locales/scorecard";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => [{ title: page?.title ?? notFoundTitle(matches) }];

// The assessment's styles: the scorecard's skill expectations are drawn as the panel's.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: assessmentStyles }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  // Only a member of the panel has a scorecard here; anyone else gets the 404 of an unknown id.
  const access = await requireAssessmentAccess(request, context, user, params.id, { assignedOnly: true });
  const kit = await loadScoringKit(context.db, access.kitVersionId);
  const candidateName = await assessmentCandidateName(context.db, access.id);
  if (!kit || candidateName === undefined) throw notFound();
  const card = await getOwnScorecard(context.db, access.id, user.id, kit);
  const { language: lang, t } = await getTranslator(request, context);
  const show = (json: string) => showText(json, lang, kit.contentLanguage);
  return {
    title: pageTitle(t, t("scorecard.pageTitle")),
    assessmentId: access.id,
    candidateName,
    kit: {
      name: kit.name,
      version: kit.version,
      questions: kit.questions.map((q, i) => ({
        id: q.id,
        number: i + 1,
        text: show(q.text),
        traits: q.traits,
        anchors: q.anchors.map((a) => ({ trait: a.trait, rating: a.rating, text: show(a.text) })),
      })),
      strengths: kit.strengths.map((s) => show(s.text)),
      redFlags: kit.redFlags.map((r) => show(r.text)),
      level: kit.level,
      // The expectations were written with the skill profiles, in their language, not the kit's.
      expectations: kit.expectations.map((e) => ({
        position: e.position,
        skillName: e.skillName,
        mandatory: e.mandatory,
        description: showText(e.description, lang, SKILL_PROFILE_LANGUAGE),
      })),
    },
    card: { status: card.status, updatedAt: card.updatedAt, submittedAt: card.submittedAt, state: scorecardToFormState(card) },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const access = await requireAssessmentAccess(request, context, user, params.id, { assignedOnly: true });
  const assessmentId = access.id;
  const result = await handleScorecardPost(request, context, user, access, await readFormData(request));
  switch (result.kind) {
    case "not_found":
      throw notFound();
    case "invalid":
      return data({ errors: result.errors, posted: result.posted, locked: false }, { status: 400 });
    case "locked":
      return data({ errors: {}, posted: null, locked: true }, { status: 409 });
    case "saved":
      return redirect(result.submitted ? `/assessments/${assessmentId}` : `/assessments/${assessmentId}/scorecard`, 303);
  }
}

export default function ScorecardPage() {
  const { assessmentId, candidateName, kit, card } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const readOnly = card.status === "submitted";
  const hydrated = useHydrated();

  return (
    <article className="scorecard">
      <p className="muted">
        <Link to={`/assessments/${assessmentId}`}>{t("assessments.title", { name: candidateName })}</Link>
      </p>
      <h1>{t("scorecard.title", { name: candidateName })}</h1>
      <p className="muted">{t("scorecard.kitLine", { kit: kit.name, version: kit.version })}</p>
      {readOnly ? (
        <div className="note">
          <p>{card.submittedAt && t("scorecard.submittedAt", { time: formatTime(card.submittedAt) })}</p>
          <Link to={`/assessments/${assessmentId}`}>{t("scorecard.viewPanel")}</Link>
        </div>
      ) : (
        <p className="lede">
          {/* Until the page's script runs nothing saves in the background: the form says so, and how to keep the work. */}
          {t("scorecard.intro")} <span data-testid="save-mode">{hydrated ? t("scorecard.savedAsYouGo") : t("scorecard.saveToKeep")}</span>
        </p>
      )}
      {actionData?.locked && (
        <p className="alert" role="alert">
          {t("scorecard.locked")}
        </p>
      )}
      <ScorecardForm
        assessmentId={assessmentId}
        kit={kit}
        readOnly={readOnly}
        savedAt={card.updatedAt}
        values={actionData?.posted ?? card.state}
        postedErrors={actionData?.errors}
      />
    </article>
  );
}
