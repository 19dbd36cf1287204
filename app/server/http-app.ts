import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import type { TraitkitDb } from "~db/connection";
import type { Env } from "../utils/env.server";
import { logSecurityEvent } from "../utils/log.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    db: TraitkitDb;
    cspNonce: string;
    env: Env;
    /** The client's address (behind a proxy only when TRUST_PROXY says so): throttling only, never logged. */
    clientAddress: string;
  }
}

export type BuildSource = { kind: "production"; buildDir: string } | { kind: "development" };

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

export async function createHttpApp(options: { db: TraitkitDb; env: Env; source: BuildSource }): Promise<express.Express> {
  const { db, env, source } = options;
  const app = express();
  app.disable("x-powered-by");
  // Remix reads the query string from the URL itself; Express need not parse it for every request.
  app.set("query parser", false);
  // Behind a reverse proxy, its X-Forwarded-* headers give the client's address and https.
  if (env.TRUST_PROXY) app.set("trust proxy", 1);

  app.use((req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, source.kind === "development"));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", req.path.startsWith("/r/") ? "no-referrer" : "same-origin");
    if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    // Pages hold personal data: no shared or browser cache keeps them. Fingerprinted assets set their own.
    if (!req.path.startsWith("/assets/")) res.setHeader("Cache-Control", "no-store");
    next();
  });

  app.use((req, res, next) => {
    if (isSafeMethod(req.method) || isSameOrigin(req)) return next();
    // A report or invite link carries its token in the path: never in a log line.
    const path = /^\/(r|invite)\//.test(req.path) ? req.path.replace(/\/[^/]+$/, "/…") : req.path;
    logSecurityEvent({ event: "csrf.rejected", method: req.method, path });
    res.status(403).type("text/plain").send("Cross-origin request refused");
  });

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (source.kind === "development") {
    const vite = await import("vite");
    const viteServer = await vite.createServer({ server: { middlewareMode: true } });
    app.use(viteServer.middlewares);
    build = () => viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const clientDir = path.join(source.buildDir, "client");
    // Fingerprinted by Vite: safe to cache for a year.
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
    // The other public files (favicon…), by name: a page's path never costs a file-system lookup.
    const publicFiles = new Set(
      fs
        .readdirSync(clientDir)
        .filter((name) => fs.statSync(path.join(clientDir, name)).isFile())
        .map((name) => `/${name}`),
    );
    const publicStatic = express.static(clientDir, { maxAge: "1h" });
    app.use((req, res, next) => (publicFiles.has(req.path) ? publicStatic(req, res, next) : next()));
    const serverEntry = path.join(source.buildDir, "server", "index.js");
    build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild;
  }

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: source.kind,
      getLoadContext: (req, res) => ({
        db,
        env,
        cspNonce: String(res.locals.cspNonce),
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      }),
    }),
  );
  app.use(clientErrorHandler);
  return app;
}

/**
 * Express refuses some requests before Remix sees them (a path with a bad
 * percent-escape such as `/kits/%ZZ` fails to decode): answer those 4xx with
 * a plain message, never Express's page with a stack trace. Anything else goes
 * on to Express's own handler as before.
 */
function clientErrorHandler(error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction): void {
  const status = typeof error === "object" && error !== null && "status" in error ? Number(error.status) : NaN;
  if (res.headersSent || !(status >= 400 && status < 500)) return next(error);
  const message = error instanceof URIError ? "Bad request: the address is not a valid URL." : "The request was refused.";
  res.status(status).type("text/plain").send(message);
}
