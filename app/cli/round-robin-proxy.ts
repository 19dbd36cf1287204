import http from "node:http";
import type { AddressInfo } from "node:net";

/*
 * The smallest load balancer that shows whether the app holds across servers:
 * each request goes to the next app server in turn, whatever connection it
 * came on, so one user's page and its `.data` requests, assets and form posts
 * land on every server. Bodies stream both ways; headers pass unchanged but
 * for the hop-by-hop ones and the X-Forwarded-* a reverse proxy adds (the app
 * trusts them with TRUST_PROXY=1). The browser tests and `npm run bench -- --db
 * postgres` use it; it is not for production.
 */

/** Answered by the proxy itself: how many requests each upstream served, as JSON. */
export const UPSTREAMS_PATH = "/__upstreams";

export type UpstreamCounts = { requests: number[]; failed: number };

export type RoundRobinProxy = {
  baseURL: string;
  /** Requests each upstream answered, in the order the upstreams were given, and those no upstream answered (502). */
  counts: () => UpstreamCounts;
  stop: () => Promise<void>;
};

/** Headers for one connection only (RFC 9110 §7.6.1): never forwarded. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"]);

function endToEnd(rawHeaders: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? "";
    if (!HOP_BY_HOP.has(name.toLowerCase()) && !name.toLowerCase().startsWith("x-forwarded-")) kept.push(name, rawHeaders[i + 1] ?? "");
  }
  return kept;
}

/** Starts the proxy on a free loopback port in front of `upstreams` (base URLs such as http://127.0.0.1:3001). */
export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  if (upstreams.length === 0) throw new Error("The proxy needs at least one upstream");
  const targets = upstreams.map((url) => new URL(url));
  const requests = upstreams.map(() => 0);
  let failed = 0;
  let next = 0;
  // Keep-alive to the upstreams, as a real proxy pools its connections: a new TCP connection per request would be measured too.
  const agent = new http.Agent({ keepAlive: true });

  const server = http.createServer((req, res) => {
    if (req.method === "GET" && req.url === UPSTREAMS_PATH) {
      res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      res.end(JSON.stringify({ requests, failed } satisfies UpstreamCounts));
      return;
    }
    const index = next;
    next = (next + 1) % targets.length;
    const target = targets[index];
    if (!target) throw new Error(`No upstream ${index}`);
    const headers = endToEnd(req.rawHeaders);
    // The client's address and scheme as the app sees them behind any reverse proxy; Host stays the proxy's own,
    // so the app's same-origin check on form posts compares the address the browser used.
    headers.push("X-Forwarded-For", req.socket.remoteAddress ?? "", "X-Forwarded-Proto", "http");
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent },
      (answer) => {
        requests[index] = (requests[index] ?? 0) + 1;
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.rawHeaders));
        answer.pipe(res);
        // A client that leaves mid-answer (a cancelled download) ends the upstream's answer too.
        res.once("close", () => {
          if (!answer.complete) answer.destroy();
        });
      },
    );
    upstream.once("error", () => {
      failed++;
      if (!res.headersSent) res.writeHead(502, { "Content-Type": "text/plain" }).end("Bad gateway");
      else res.destroy();
    });
    req.pipe(upstream);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    counts: () => ({ requests: [...requests], failed }),
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      agent.destroy();
    },
  };
}
