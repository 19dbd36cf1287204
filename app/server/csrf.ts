import type express from "express";
import { logSecurityEvent } from "../utils/log.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * CSRF defence for every state-changing request (ASVS 5.0 3.5.1): the browser's
 * own Sec-Fetch-Site and Origin (or, without Origin, Referer) must name this
 * site. Clients that send none of them (scripts, curl) carry no ambient cookie
 * of a victim, and SameSite=Lax covers older browsers.
 */
function isSameOrigin(req: express.Request): boolean {
  const fetchSite = req.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const own = `${req.protocol}://${req.get("host") ?? ""}`;
  const origin = req.get("origin");
  // A page sent with Referrer-Policy: no-referrer (the candidate's questionnaire) has the browser write
  // `Origin: null` on its own form posts; Sec-Fetch-Site, which no page can set, still says they are ours.
  if (origin === "null" && fetchSite === "same-origin") {
    // Remix checks Origin against Host once more and cannot read "null" as this site: it is dropped, judged here.
    delete req.headers.origin;
    return true;
  }
  if (origin !== undefined) return origin === own;
  const referer = req.get("referer");
  if (referer !== undefined) {
    try {
      return new URL(referer).origin === own;
    } catch {
      return false;
    }
  }
  return true;
}

/** Refuses a cross-origin state-changing request with a 403 before any route sees it. */
export const refuseCrossOriginWrites: express.RequestHandler = (req, res, next) => {
  if (isSafeMethod(req.method) || isSameOrigin(req)) return next();
  // A report, questionnaire or invite link carries its token in the path: never in a log line.
  const path = /^\/(r|q|invite)\//.test(req.path) ? req.path.replace(/\/[^/]+$/, "/…") : req.path;
  logSecurityEvent({ event: "csrf.rejected", method: req.method, path });
  res.status(403).type("text/plain").send("Cross-origin request refused");
};
