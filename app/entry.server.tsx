import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { logger } from "~/utils/log.server";
import { getLanguage, translators } from "~/utils/i18n.server";
import { TranslationProvider } from "~/utils/use-translation";
import { NonceContext } from "~/utils/nonce";
import { ServerDrawings } from "~/components/charts/DrawnChart";

export const streamTimeout = 5000;

/**
 * Unexpected errors only: a 404 (an unknown address, a record the user may
 * not see) is an answer, not an error, and a client that went away is no fault.
 * The request's URL may carry a token, so only the method and path are logged.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  const { pathname } = new URL(request.url);
  const path = /^\/(r|q|invite)\//.test(pathname) ? pathname.replace(/\/[^/]+$/, "/…") : pathname;
  logger.error({
    event: "server.error",
    method: request.method,
    path,
    err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error),
  });
};

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const lng = await getLanguage(request, loadContext);
  const nonce = loadContext.cspNonce;

  /*
   * Every page is whole once its loaders are done (none defers data), so the
   * document is rendered completely and sent as one buffer: one write to the
   * socket instead of a stream of small chunks, and a 500 status is still
   * possible when rendering fails.
   */
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // Cleared once answered: a pending timer would keep the request's document in memory.
    const timeout = setTimeout(() => abort(), streamTimeout + 1000);
    const chunks: Buffer[] = [];
    const document = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        const body = Buffer.concat(chunks);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        responseHeaders.set("Content-Language", lng);
        responseHeaders.set("Content-Length", String(body.byteLength));
        clearTimeout(timeout);
        resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
        done();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <TranslationProvider language={lng} translators={translators}>
          <ServerDrawings.Provider value={loadContext.chartDrawings}>
            <RemixServer context={remixContext} url={request.url} nonce={nonce} />
          </ServerDrawings.Provider>
        </TranslationProvider>
      </NonceContext.Provider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          pipe(document);
        },
        onShellError(error: unknown) {
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged here; during the shell, onShellError rejects.
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}
