import type { AppLoadContext } from "@remix-run/node";
import { loadScoringKit, saveScorecard, scorecardFieldsOutsideKit } from "~/models/scorecards.server";
import type { AssessmentAccess } from "~/models/assessments.server";
import { parseScorecardForm, readScorecardFields, type ScorecardFormState } from "~/schemas/scorecard";
import type { SessionUser } from "~/models/sessions.server";
import { getLanguage } from "~/utils/i18n.server";
import { mailContext } from "./interview-time.server";

export type ScorecardPostResult =
  | { kind: "not_found" }
  | { kind: "invalid"; errors: Record<string, string>; posted: ScorecardFormState }
  | { kind: "locked" }
  | { kind: "saved"; revision: number; updatedAt: string; submitted: boolean };

/**
 * A scorecard post, from the form (with or without JavaScript) or from
 * autosave, by a member of the panel (the route checked it): their own scorecard, validated against
 * the kit version the assessment uses, saved in one transaction.
 */
export async function handleScorecardPost(
  request: Request,
  context: AppLoadContext,
  user: SessionUser,
  access: AssessmentAccess,
  formData: FormData,
): Promise<ScorecardPostResult> {
  const assessmentId = access.id;
  const kit = await loadScoringKit(context.db, access.kitVersionId);
  if (!kit) return { kind: "not_found" };
  const parsed = parseScorecardForm(formData.entries());
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors, posted: readScorecardFields(formData.entries()) };
  const outside = scorecardFieldsOutsideKit(parsed.data, kit);
  if (Object.keys(outside).length > 0) return { kind: "invalid", errors: outside, posted: readScorecardFields(formData.entries()) };
  const outcome = await saveScorecard(
    context.db,
    { assessmentId, interviewerId: user.id, input: parsed.data, kit, mail: mailContext(context, await getLanguage(request, context)) },
    new Date(),
  );
  if (outcome.status === "saved" && outcome.submitted) context.mail.nudge();
  return outcome.status === "locked"
    ? { kind: "locked" }
    : { kind: "saved", revision: outcome.revision, updatedAt: outcome.updatedAt, submitted: outcome.submitted };
}
