import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getUser } from "~/http/auth.server";
import { logSecurityEvent } from "~/utils/log.server";
import { clearedSessionCookie, readSessionId } from "~/http/session.server";
import { signOut } from "~/models/sessions.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getUser(request, context);
  const sessionId = readSessionId(request);
  if (sessionId) {
    await signOut(context.db, sessionId, user?.id, new Date());
    if (user) logSecurityEvent({ event: "auth.sign_out", userId: user.id });
  }
  return redirect("/login", { status: 303, headers: { "Set-Cookie": clearedSessionCookie(request) } });
}

/** Signing out changes state, so only POST does it. */
export function loader() {
  return redirect("/login", 303);
}
