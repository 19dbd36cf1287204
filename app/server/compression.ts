import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import compression from "compression";
import type express from "express";
import Negotiator from "negotiator";

/**
 * The encodings the build writes beside each fingerprinted asset
 * (app/cli/precompress.ts), best first: what the server picks by the
 * request's Accept-Encoding.
 */
export const PRECOMPRESSED_ENCODINGS = [
  { encoding: "br", extension: ".br" },
  { encoding: "gzip", extension: ".gz" },
] as const;

/** Asset types worth compressing; images and fonts in the build are compressed formats already. */
export const PRECOMPRESSIBLE_EXTENSIONS = new Set([".js", ".mjs", ".css", ".svg", ".json", ".txt", ".map"]);

/** Below this a compressed body saves less than the encoding costs (and can come out larger). */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Brotli for responses made per request at quality 4: measured on the role page
 * (40.6 KB of HTML → 9.6 KB; gzip 6: 9.8 KB) it costs about what gzip does,
 * while quality 5 saves 6% more for half again the CPU and quality 11 takes
 * ~150 ms. The build compresses the assets at quality 11 instead.
 */
const ON_THE_FLY_BROTLI_PARAMS = { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 };

/**
 * Compresses what the app makes per request (pages, `.data`, JSON, CSV) with
 * brotli, or gzip for a client that does not accept br, with Vary:
 * Accept-Encoding. Never compressed:
 * - the fingerprinted assets, compressed once by the build and served by
 *   `precompressedAssets`;
 * - answers to a write (any method but GET and HEAD): where a freshly made
 *   secret (an invite link, a report link) is shown beside text the user typed;
 * - the invite page, whose form carries its token beside the address's query
 *   string, which whoever makes the request chooses.
 * A secret beside chosen text lets a BREACH attacker read the secret from the
 * compressed length (README, "Compression and caching"; docs/reliability.md H2).
 * Streams still stream: Remix flushes after each chunk it writes.
 */
export function compressResponses(): express.RequestHandler[] {
  const compress = compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    brotli: { params: ON_THE_FLY_BROTLI_PARAMS },
    // originalUrl: under the /assets mount, req.path no longer starts with it.
    filter: (req, res) =>
      isReadRequest(req.method) && !req.originalUrl.startsWith("/assets/") && !carriesTokenInPage(req) && compression.filter(req, res),
  });
  return [compress, holdSmallBodies(COMPRESSION_THRESHOLD_BYTES)];
}

function carriesTokenInPage(req: express.Request): boolean {
  return req.originalUrl.startsWith("/invite/");
}

function isReadRequest(method: string): boolean {
  return method === "GET" || method === "HEAD";
}

/**
 * A Remix response has no Content-Length, so the compression middleware
 * chooses its encoding at the first chunk without knowing the body's size:
 * it would brotli a 30-byte JSON answer. This holds the first bytes of a
 * response of unknown length (flushes included) until there are enough to be
 * worth compressing or the response ends, so a small body goes out whole and
 * uncompressed. A streamed page or CSV passes its first chunk, which is
 * larger, at once.
 */
function holdSmallBodies(threshold: number): express.RequestHandler {
  return (_req, res, next) => {
    // The originals, called with the arguments a caller gave (Node's overloads are many).
    const write = res.write as (this: express.Response, ...args: unknown[]) => boolean;
    const end = res.end as (this: express.Response, ...args: unknown[]) => express.Response;
    const flush = res.flush;
    const held: Buffer[] = [];
    let heldBytes = 0;
    let holding = true;

    const release = (): void => {
      holding = false;
      if (held.length > 0) write.call(res, Buffer.concat(held));
      held.length = 0;
    };

    res.write = function (this: express.Response, ...args: unknown[]): boolean {
      const [chunk, encoding] = args;
      if (!holding || res.headersSent || res.getHeader("Content-Length") !== undefined || !isBody(chunk)) {
        if (holding) release();
        return write.apply(this, args);
      }
      const buffer = toBuffer(chunk, encoding);
      held.push(buffer);
      heldBytes += buffer.length;
      const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
      if (heldBytes >= threshold) release();
      if (callback) process.nextTick(callback);
      return true;
    } as express.Response["write"];

    res.end = function (this: express.Response, ...args: unknown[]): express.Response {
      if (holding && held.length > 0) {
        const [chunk, encoding] = args;
        if (isBody(chunk)) held.push(toBuffer(chunk, encoding));
        holding = false;
        const callback = args.find((arg) => typeof arg === "function");
        const body = Buffer.concat(held);
        // The whole body, its length known: the compression middleware measures it against its threshold.
        if (!res.headersSent) res.setHeader("Content-Length", body.length);
        return end.call(this, body, callback);
      }
      holding = false;
      return end.apply(this, args);
    } as express.Response["end"];

    res.flush = function (): void {
      if (!holding) flush.call(res);
    };
    next();
  };
}

function isBody(chunk: unknown): chunk is string | Uint8Array {
  return typeof chunk === "string" || chunk instanceof Uint8Array;
}

function toBuffer(chunk: string | Uint8Array, encoding: unknown): Buffer {
  if (typeof chunk !== "string") return Buffer.from(chunk);
  return Buffer.from(chunk, Buffer.isEncoding(String(encoding)) ? (encoding as BufferEncoding) : "utf8");
}

/**
 * Serves a fingerprinted asset's build-time brotli or gzip file when the
 * request accepts it and the build wrote one, with the asset's own
 * Content-Type, Content-Encoding and Vary: Accept-Encoding; express.static
 * (mounted after it on the same path) then sends that file with its ETag,
 * Last-Modified, 304s, HEAD and the year-long immutable Cache-Control.
 */
export function precompressedAssets(assetsDir: string): express.RequestHandler {
  const available = new Set(fs.existsSync(assetsDir) ? fs.readdirSync(assetsDir, { recursive: true, encoding: "utf8" }) : []);
  return (req, res, next) => {
    if (!isReadRequest(req.method)) return next();
    const file = decodeURIComponentOrNull(req.path.slice(1));
    if (file === null || !PRECOMPRESSIBLE_EXTENSIONS.has(path.extname(file))) return next();
    const variants = PRECOMPRESSED_ENCODINGS.filter((variant) => available.has(`${file}${variant.extension}`));
    if (variants.length === 0) return next();
    res.vary("Accept-Encoding");
    const accepted = preferredEncoding(
      req,
      variants.map((variant) => variant.encoding),
    );
    const chosen = variants.find((variant) => variant.encoding === accepted);
    if (!chosen) return next();
    res.type(path.extname(file));
    res.setHeader("Content-Encoding", chosen.encoding);
    req.url = `${req.path}${chosen.extension}`;
    next();
  };
}

/**
 * The encoding to send among `available` (best first): the client's highest
 * q-value wins, and among equals ours, as the compression middleware decides.
 * Browsers send "gzip, deflate, br" with equal weights; by the client's order
 * alone (req.acceptsEncodings) they would get gzip. negotiator 0.6.4 takes the
 * server's order as a second argument, which @types/negotiator does not declare.
 */
function preferredEncoding(req: express.Request, available: string[]): string | undefined {
  const negotiator = new Negotiator(req) as Negotiator & { encoding(available: string[], preferred: string[]): string | undefined };
  return negotiator.encoding(available, available);
}

function decodeURIComponentOrNull(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
