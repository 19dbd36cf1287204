import crypto from "node:crypto";
import type express from "express";

/** The CSP of every HTML response; scripts run only with this response's nonce. */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${development ? " 'unsafe-eval'" : ""}`,
    // Recharts and React set style attributes; no inline <style> from users is ever rendered.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Sets the security headers of every response and makes the request's CSP nonce,
 * which the load context hands to the document (res.locals.cspNonce).
 */
export function securityHeaders(options: { development: boolean }): express.RequestHandler {
  return (req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, options.development));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    // A candidate's private link (report, questionnaire) is its own secret: no page of it sends a referrer.
    res.setHeader("Referrer-Policy", req.path.startsWith("/r/") || req.path.startsWith("/q/") ? "no-referrer" : "same-origin");
    if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    // Pages hold personal data: no shared or browser cache keeps them. Fingerprinted assets set their own.
    if (!req.path.startsWith("/assets/")) res.setHeader("Cache-Control", "no-store");
    next();
  };
}
