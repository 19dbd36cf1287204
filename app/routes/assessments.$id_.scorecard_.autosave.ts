import type { ActionFunctionArgs } from "@remix-run/node";
import { handleScorecardPost } from "~/http/scorecard-post.server";
import { notFound, requireAssessmentAccess, requireUser } from "~/http/auth.server";
import { readFormData } from "~/http/forms.server";

/**
 * POST /assessments/:id/scorecard/autosave — the scorecard form's background
 * save (JSON answer). The same handler as the form's own post; "submit" is
 * refused here, submitting is always the interviewer's explicit act.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const access = await requireAssessmentAccess(request, context, user, params.id, { assignedOnly: true });
  const formData = await readFormData(request);
  formData.set("intent", "save");
  const result = await handleScorecardPost(request, context, user, access, formData);
  switch (result.kind) {
    case "not_found":
      throw notFound();
    case "invalid":
      return Response.json({ errors: result.errors }, { status: 400 });
    case "locked":
      return Response.json({ locked: true }, { status: 409 });
    case "saved":
      return Response.json({ revision: result.revision, updatedAt: result.updatedAt });
  }
}

export function loader() {
  return notFound();
}
