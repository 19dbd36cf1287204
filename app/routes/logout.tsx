import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordAudit } from "~/models/audit.server";
import { getUser } from "~/http/auth.server";
import { logSecurityEvent } from "~/utils/log.server";
import { clearedSessionCookie, readSessionId } from "~/http/session.server";
import { destroySession } from "~/models/sessions.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getUser(request, context);
  const sessionId = readSessionId(request);
  if (sessionId) {
    const now = new Date();
    await context.db.transaction().execute(async (trx) => {
      await destroySession(trx, sessionId);
      if (user) await recordAudit(trx, { actorUserId: user.id, action: "user.sign_out", entityType: "user", entityId: user.id }, now);
    });
    if (user) logSecurityEvent({ event: "auth.sign_out", userId: user.id });
  }
  return redirect("/login", { status: 303, headers: { "Set-Cookie": clearedSessionCookie(request) } });
}

/** Signing out changes state, so only POST does it. */
export function loader() {
  return redirect("/login", 303);
}
