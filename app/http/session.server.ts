import { redirect } from "@remix-run/node";
import { parse, serialize } from "cookie";
import { SESSION_ABSOLUTE_MS } from "~/models/sessions.server";

/** `__Host-` pins the cookie to this host and path / over https; plain http (local use) cannot carry it. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-traitkit_session" : "traitkit_session";
}

export function isSecureRequest(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

export function readSessionId(request: Request): string | undefined {
  const cookies = parse(request.headers.get("Cookie") ?? "");
  return cookies[sessionCookieName(isSecureRequest(request))] || undefined;
}

export function sessionCookie(request: Request, sessionId: string): string {
  const secure = isSecureRequest(request);
  return serialize(sessionCookieName(secure), sessionId, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

export function clearedSessionCookie(request: Request): string {
  const secure = isSecureRequest(request);
  return serialize(sessionCookieName(secure), "", { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge: 0 });
}

/**
 * A one-time notice ("saved", "imported") for the page a form's save redirects to.
 * It rides in a short-lived cookie rather than the URL, so a reload, a bookmark or a
 * shared link does not say "saved" again; it is bound to the page it was meant for.
 */
const NOTICE_MAX_AGE_S = 60;

function noticeCookieName(secure: boolean): string {
  return secure ? "__Host-traitkit_notice" : "traitkit_notice";
}

function noticeCookie(request: Request, value: string, maxAge: number): string {
  const secure = isSecureRequest(request);
  return serialize(noticeCookieName(secure), value, { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge });
}

/** A 303 to `path` that shows `notice` there once. */
export function redirectWithNotice(request: Request, path: `/${string}`, notice: string): ReturnType<typeof redirect> {
  return redirect(path, { status: 303, headers: { "Set-Cookie": noticeCookie(request, `${notice}|${path}`, NOTICE_MAX_AGE_S) } });
}

/**
 * The notice left for this page, if any, parsed by the page's own list of
 * notices, and the headers that spend it: the loader returns them with its data.
 */
export function takeNotice<T>(request: Request, notices: { parse(value: unknown): T | null }): { notice: T | null; headers: HeadersInit } {
  const stored = parse(request.headers.get("Cookie") ?? "")[noticeCookieName(isSecureRequest(request))];
  const separator = stored?.indexOf("|") ?? -1;
  if (!stored || separator < 0 || stored.slice(separator + 1) !== new URL(request.url).pathname) {
    return { notice: null, headers: {} };
  }
  return {
    notice: notices.parse(stored.slice(0, separator)),
    headers: { "Set-Cookie": noticeCookie(request, "", 0) },
  };
}
