import type { AppLoadContext } from "@remix-run/node";
import { assessmentListChoices } from "~/models/assessments.server";
import { requireUser, type SessionUser } from "~/http/auth.server";
import { parseCalibrationQuery, type CalibrationQueryResult } from "~/schemas/calibration";

/**
 * What the calibration page and its CSV both read of a request: the signed-in
 * user (either role) and the filters, checked against the roles the page
 * offers, so the file is always the page's figures.
 */
export async function readCalibrationRequest(
  request: Request,
  context: AppLoadContext,
): Promise<{ user: SessionUser; roles: { slug: string; name: string }[]; parsed: CalibrationQueryResult }> {
  const user = await requireUser(request, context);
  const { roles } = await assessmentListChoices(context.db);
  const parsed = parseCalibrationQuery(
    new URL(request.url).searchParams,
    roles.map((r) => r.slug),
    new Date(),
  );
  return { user, roles, parsed };
}
