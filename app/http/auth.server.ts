import { redirect, type AppLoadContext, type HeadersFunction } from "@remix-run/node";
import type { UserRole } from "~/domain/accounts";
import { findAssessmentFor, type AssessmentAccess } from "~/models/assessments.server";
import { logSecurityEvent } from "~/utils/log.server";
import { parseRecordId } from "~/schemas/ids";
import { findSessionUser } from "~/models/sessions.server";
import type { SessionUser } from "~/models/sessions.server";
import { readSessionId } from "./session.server";

export type { SessionUser };

/*
 * Root and route loaders of one request share the lookup. They get separate
 * Request objects but one load context, made per request by the server.
 */
const usersByRequest = new WeakMap<AppLoadContext, Promise<SessionUser | undefined>>();

/** The signed-in user of this request, or undefined. */
export function getUser(request: Request, context: AppLoadContext): Promise<SessionUser | undefined> {
  let user = usersByRequest.get(context);
  if (!user) {
    const sessionId = readSessionId(request);
    user = sessionId ? findSessionUser(context.db, sessionId, new Date()) : Promise.resolve(undefined);
    usersByRequest.set(context, user);
  }
  return user;
}

function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  const target = back === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo: back })}`;
  return redirect(target, 303);
}

/** Thrown for a record the user may not see: the same answer as for one that does not exist. */
export function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

/** A record that exists but this user may not see: logged as a denial, answered like an unknown id. */
export function deniedAsNotFound(request: Request, user: SessionUser, reason: string): Response {
  logSecurityEvent({ event: "authz.denied", userId: user.id, path: new URL(request.url).pathname, reason });
  return notFound();
}

/**
 * The assessment of the URL's :id as this user may see it, or a thrown 404;
 * with `assignedOnly`, only for a member of its panel (scorecards).
 */
export async function requireAssessmentAccess(
  request: Request,
  context: AppLoadContext,
  user: SessionUser,
  idParam: string | undefined,
  options: { assignedOnly?: boolean } = {},
): Promise<AssessmentAccess> {
  const id = parseRecordId(idParam);
  const found = id === undefined ? undefined : await findAssessmentFor(context.db, id, user);
  if (found === undefined) throw notFound();
  if (found === "denied" || (options.assignedOnly && !found.assigned))
    throw deniedAsNotFound(request, user, "not on the assessment's panel");
  return found;
}

/**
 * The first call of every private loader and action: the signed-in user, or a
 * thrown redirect to /login; with `role`, a user of another role gets a 404,
 * as if the page did not exist.
 */
export async function requireUser(request: Request, context: AppLoadContext, options: { role?: UserRole } = {}): Promise<SessionUser> {
  const user = await getUser(request, context);
  if (!user) throw loginRedirect(request);
  if (options.role && user.role !== options.role) {
    logSecurityEvent({ event: "authz.denied", userId: user.id, path: new URL(request.url).pathname, reason: `requires ${options.role}` });
    throw notFound();
  }
  return user;
}

/** Where a user lands after signing in: interviewers start from their assessments. */
export function homePath(role?: UserRole): string {
  return role === "interviewer" ? "/assessments" : "/roles";
}

/**
 * A route's `headers`: passes a throttled action's Retry-After on to the page
 * (a document's headers are the route's to give; the action's own are not sent).
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
