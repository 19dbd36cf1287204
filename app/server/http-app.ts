import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import type { TraitkitDb } from "~db/connection";
import { containsNul } from "../http/forms.server";
import { appUrl, mailIsOn, type Env } from "../utils/env.server";
import type { MailWorker } from "./mail-worker";
import { compressResponses, precompressedAssets } from "./compression";
import { refuseCrossOriginWrites } from "./csrf";
import { securityHeaders } from "./security-headers";

declare module "@remix-run/node" {
  interface AppLoadContext {
    db: TraitkitDb;
    cspNonce: string;
    env: Env;
    /** The client's address (behind a proxy only when TRUST_PROXY says so): throttling only, never logged. */
    clientAddress: string;
    /**
     * A document request's chart drawings by id, for its render only (the
     * loaders send the id: each drawing travels once, in the markup). Null for
     * a data request, whose answer has no markup: there the data holds them.
     */
    chartDrawings: Map<string, Readonly<Record<"wide" | "narrow", string>>> | null;
    /**
     * Aborted when the client goes away before the response is whole. Not
     * the loader's request.signal: Remix copies the request twice, and each
     * copy's signal follows the one before through a weak reference to its
     * AbortController (undici), so once a middle copy was garbage-collected
     * the loader's signal never aborted (11 of 16 abandoned CSV downloads
     * measured). This one hangs on the response's close event directly.
     */
    clientGone: AbortSignal;
    /**
     * E-mail: whether it is set up (SMTP_URL and MAIL_FROM), the address its
     * links point to, and a nudge for the worker to send what a request just
     * wrote to the outbox (it would find it at its next poll anyway).
     */
    mail: { on: boolean; appUrl: string; nudge: () => void };
  }
}

export type BuildSource = { kind: "production"; buildDir: string } | { kind: "development" };

/**
 * A path with a NUL character (%00) names no page: a 404 here, before a page
 * could hand it to the database as an id or a slug (PostgreSQL refuses it in
 * text; see containsNul). A query's values go through the pages' schemas,
 * where an odd value is read as the default, and searchWords drops it.
 */
function refuseNulInPath(req: express.Request, res: express.Response, next: express.NextFunction): void {
  if (/%00/i.test(req.path) || containsNul(req.path)) {
    res.status(404).type("text/plain").send("Not found: no Traitkit address has a NUL character (%00).");
    return;
  }
  next();
}

export async function createHttpApp(options: {
  db: TraitkitDb;
  env: Env;
  source: BuildSource;
  /** The outbox's sender in this process; none when e-mail is off (or a test sends nothing). */
  mailWorker?: MailWorker | null;
}): Promise<express.Express> {
  const { db, env, source } = options;
  const mail = { on: mailIsOn(env), appUrl: appUrl(env), nudge: () => options.mailWorker?.nudge() };
  const app = express();
  app.disable("x-powered-by");
  // Remix reads the query string from the URL itself; Express need not parse it for every request.
  app.set("query parser", false);
  // Behind a reverse proxy, its X-Forwarded-* headers give the client's address and https.
  if (env.TRUST_PROXY) app.set("trust proxy", 1);

  app.use(securityHeaders({ development: source.kind === "development" }));
  app.use(refuseNulInPath);
  app.use(refuseCrossOriginWrites);
  app.use(compressResponses());

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (source.kind === "development") {
    const vite = await import("vite");
    const viteServer = await vite.createServer({ server: { middlewareMode: true } });
    app.use(viteServer.middlewares);
    build = () => viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const clientDir = path.join(source.buildDir, "client");
    const assetsDir = path.join(clientDir, "assets");
    // Fingerprinted by Vite: safe to cache for a year. Their brotli and gzip files come from the build.
    app.use("/assets", precompressedAssets(assetsDir), express.static(assetsDir, { immutable: true, maxAge: "1y" }));
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
        chartDrawings: isDataRequest(req) ? null : new Map(),
        clientGone: goneSignal(res),
        mail,
      }),
    }),
  );
  app.use(clientErrorHandler);
  return app;
}

/** A signal aborted when the response is closed before it was finished: its client went away. */
function goneSignal(res: express.Response): AbortSignal {
  const gone = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) gone.abort();
  });
  return gone.signal;
}

/**
 * A request for loader or action data, not a document: single fetch asks for
 * a page's data at its path plus `.data` (`/_root.data` for `/`); Remix still
 * answers the older `?_data=` form.
 */
function isDataRequest(req: express.Request): boolean {
  return req.path.endsWith(".data") || /[?&]_data=/.test(req.originalUrl);
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
