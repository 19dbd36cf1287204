import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, REPO_ROOT, signIn, startTestServer, userId, type TestServer } from "./support/test-server";

/*
 * Compression through the production build (README, "Compression and
 * caching"; docs/reliability.md H2): what is compressed in which encoding,
 * what never is (BREACH), the build's precompressed assets, and streams that
 * still stream. Requests go over a raw socket, so the test sees the bytes on
 * the wire: the encoded body and each chunk the server wrote.
 */

const SLUG = "mlops-engineer";
/** More ranking rows than the CSV writes in one batch (500), so it has to come in several. */
const LARGE_RANKING = 1_200;
const ASSETS_DIR = path.join(REPO_ROOT, "build", "client", "assets");

let server: TestServer;
let recruiterCookie: string;
let candidateId: number;

type Wire = {
  status: number;
  headers: Map<string, string>;
  /** The body as sent: still encoded, chunked framing removed. */
  body: Buffer;
  /** Each chunk of a chunked response, as the server wrote it. */
  chunks: Buffer[];
};

/** One HTTP/1.1 request on its own connection; the whole answer as it came over the wire. */
function wireRequest(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Wire> {
  const { port } = new URL(server.baseURL);
  const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, Connection: "close", "Accept-Language": "en", ...options.headers };
  if (options.body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(options.body));
  const head = [`${options.method ?? "GET"} ${pathname} HTTP/1.1`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), "127.0.0.1");
    const received: Buffer[] = [];
    socket.on("data", (data) => received.push(data));
    socket.on("error", reject);
    socket.on("end", () => resolve(parseWire(Buffer.concat(received), options.method === "HEAD")));
    socket.write(`${head.join("\r\n")}\r\n\r\n${options.body ?? ""}`);
  });
}

function parseWire(raw: Buffer, head: boolean): Wire {
  const split = raw.indexOf("\r\n\r\n");
  const [statusLine = "", ...lines] = raw.subarray(0, split).toString("latin1").split("\r\n");
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  const rest = raw.subarray(split + 4);
  const chunks: Buffer[] = [];
  if (!head && headers.get("transfer-encoding") === "chunked") {
    let at = 0;
    for (;;) {
      const lineEnd = rest.indexOf("\r\n", at);
      const size = parseInt(rest.subarray(at, lineEnd).toString("latin1"), 16);
      if (size === 0) break;
      chunks.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
  }
  return { status: Number(statusLine.split(" ")[1]), headers, body: chunks.length > 0 ? Buffer.concat(chunks) : rest, chunks };
}

/** The body decoded as its Content-Encoding says; a truncated stream decodes as far as it goes. */
function decoded(body: Buffer, encoding: string | undefined, partial = false): string {
  if (encoding === "br") {
    return zlib.brotliDecompressSync(body, partial ? { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH } : {}).toString("utf8");
  }
  if (encoding === "gzip") return zlib.gunzipSync(body, partial ? { finishFlush: zlib.constants.Z_SYNC_FLUSH } : {}).toString("utf8");
  return body.toString("utf8");
}

function varies(wire: Wire): boolean {
  return (wire.headers.get("vary") ?? "").split(",").some((name) => name.trim().toLowerCase() === "accept-encoding");
}

/** What a client sends to ask for each encoding; "identity" sends no Accept-Encoding at all. */
const ASKS = [
  { asked: "br", acceptEncoding: "gzip, deflate, br", expected: "br" },
  { asked: "gzip only", acceptEncoding: "gzip", expected: "gzip" },
  { asked: "neither", acceptEncoding: null, expected: undefined },
] as const;

function asking(acceptEncoding: string | null, extra: Record<string, string> = {}): Record<string, string> {
  return acceptEncoding === null ? extra : { ...extra, "Accept-Encoding": acceptEncoding };
}

/** The largest JavaScript file of the build: the one most worth its precompressed files. */
function largestScript(): string {
  const scripts = fs.readdirSync(ASSETS_DIR).filter((name) => name.endsWith(".js"));
  const largest = scripts.sort((a, b) => fs.statSync(path.join(ASSETS_DIR, b)).size - fs.statSync(path.join(ASSETS_DIR, a)).size)[0];
  if (!largest) throw new Error("The build has no JavaScript asset");
  return largest;
}

/** Ranking rows for the role, written directly: enough for the CSV to come in several batches. */
async function addRankingRows(count: number): Promise<void> {
  const kitVersion = await server.db
    .selectFrom("kit_versions")
    .select("id")
    .where("role_slug", "=", SLUG)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const recruiterId = await userId(server.db, DEMO.recruiter);
  const at = new Date("2026-01-01T00:00:00Z").toISOString();
  await server.db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) {
      const candidate = await trx
        .insertInto("candidates")
        .values({
          name: `Streamed Row ${i}`,
          email: `streamed-${i}@example.com`,
          role_id: null,
          source: null,
          notes: null,
          created_by: recruiterId,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const assessment = await trx
        .insertInto("assessments")
        .values({ candidate_id: candidate.id, kit_version_id: kitVersion.id, created_by: recruiterId, created_at: at })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("assessment_results")
        .values({
          assessment_id: assessment.id,
          role_slug: SLUG,
          fit: (i * 37) % 99,
          coverage: ((i * 13) % 11) / 10,
          evidence: i % 9,
          submitted_scorecards: 1,
          computed_at: at,
          latest: 1,
          openness_score: (i * 7) % 100,
          conscientiousness_score: (i * 11) % 100,
          extraversion_score: 50,
          agreeableness_score: 61.5,
          emotional_stability_score: null,
          relational_engagement_score: (i * 3) % 100,
        })
        .execute();
    }
  });
}

beforeAll(async () => {
  server = await startTestServer();
  recruiterCookie = await signIn(server.baseURL, DEMO.recruiter);
  const candidate = await server.db.selectFrom("candidates").select("id").orderBy("id").executeTakeFirstOrThrow();
  candidateId = candidate.id;
  await addRankingRows(LARGE_RANKING);
});

afterAll(async () => {
  await server?.close();
});

describe("responses are compressed as the client asks", () => {
  const responses = [
    { what: "a page", path: () => `/roles/${SLUG}`, deterministic: false, contains: "</html>" },
    { what: "a .data request (a client navigation)", path: () => `/roles/${SLUG}.data`, deterministic: true, contains: "MLOps Engineer" },
    { what: "the role's JSON export", path: () => `/roles/${SLUG}/export`, deterministic: true, contains: '"traitkit.role/v1"' },
    {
      what: "the candidate's JSON export",
      path: () => `/candidates/${candidateId}/export`,
      deterministic: false,
      contains: "traitkit.candidate/v1",
    },
    { what: "the ranking CSV", path: () => `/roles/${SLUG}/ranking.csv?complete=0`, deterministic: true, contains: "Streamed Row 0," },
    { what: "an asset", path: () => `/assets/${largestScript()}`, deterministic: true, contains: "" },
  ];

  for (const response of responses) {
    it(`${response.what}: br when asked for br, gzip when only gzip, plain when neither, always Vary: Accept-Encoding`, async () => {
      const bodies: string[] = [];
      for (const { asked, acceptEncoding, expected } of ASKS) {
        const wire = await wireRequest(response.path(), { headers: asking(acceptEncoding, { Cookie: recruiterCookie }) });
        expect(wire.status, asked).toBe(200);
        expect(wire.headers.get("content-encoding"), asked).toBe(expected);
        expect(varies(wire), `Vary when asked for ${asked}`).toBe(true);
        const text = decoded(wire.body, expected);
        expect(text).toContain(response.contains);
        if (expected !== undefined) expect(wire.body.length, `${asked} is smaller`).toBeLessThan(Buffer.byteLength(text));
        bodies.push(text);
      }
      if (response.deterministic) {
        expect(bodies[0]).toBe(bodies[2]);
        expect(bodies[1]).toBe(bodies[2]);
      }
    });
  }

  it("a body below the threshold is sent plain, with its length, and still varies", async () => {
    const wire = await wireRequest("/healthz", { headers: { "Accept-Encoding": "br, gzip" } });
    expect(wire.status).toBe(200);
    expect(wire.headers.get("content-encoding")).toBeUndefined();
    expect(wire.headers.get("content-length")).toBe(String(wire.body.length));
    expect(JSON.parse(wire.body.toString("utf8"))).toEqual({ status: "ok", database: "ok" });
    expect(varies(wire)).toBe(true);
  });
});

describe("the build's precompressed assets", () => {
  it("are the build's own brotli 11 and gzip 9 files, immutable, each encoding with its own ETag", async () => {
    const name = largestScript();
    const etags = new Set<string>();
    for (const { asked, acceptEncoding, expected } of ASKS) {
      const wire = await wireRequest(`/assets/${name}`, { headers: asking(acceptEncoding) });
      expect(wire.headers.get("cache-control"), asked).toBe("public, max-age=31536000, immutable");
      expect(wire.headers.get("content-type"), asked).toMatch(/^application\/javascript; charset=utf-8$/i);
      const file = path.join(ASSETS_DIR, `${name}${expected === "br" ? ".br" : expected === "gzip" ? ".gz" : ""}`);
      expect(wire.body.equals(fs.readFileSync(file)), `${asked}: the file the build wrote`).toBe(true);
      expect(wire.headers.get("content-length")).toBe(String(fs.statSync(file).size));
      etags.add(wire.headers.get("etag") ?? "");
    }
    expect(etags.size).toBe(ASKS.length);
  });

  it("answer a conditional request with 304 and HEAD with the GET's headers", async () => {
    const name = largestScript();
    const first = await wireRequest(`/assets/${name}`, { headers: { "Accept-Encoding": "br" } });
    const etag = first.headers.get("etag") ?? "";
    const revalidated = await wireRequest(`/assets/${name}`, { headers: { "Accept-Encoding": "br", "If-None-Match": etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect(varies(revalidated)).toBe(true);
    // The gzip file has another ETag: a cache holding the br one must not get a 304 for it.
    const otherEncoding = await wireRequest(`/assets/${name}`, { headers: { "Accept-Encoding": "gzip", "If-None-Match": etag } });
    expect(otherEncoding.status).toBe(200);
    const head = await wireRequest(`/assets/${name}`, { method: "HEAD", headers: { "Accept-Encoding": "br" } });
    expect(head.status).toBe(200);
    for (const header of ["content-encoding", "content-type", "content-length", "etag", "cache-control", "vary"]) {
      expect(head.headers.get(header), header).toBe(first.headers.get(header));
    }
  });
});

describe("streams still stream", () => {
  /** The CSV's header and rows at a chunk's end: a chunk that ends mid-row was not flushed there. */
  function wholeRows(text: string): number {
    return text.endsWith("\n") ? text.split("\n").length - 2 : -1;
  }

  it("the ranking CSV comes in several chunks, each ending at a row, when sent plain", async () => {
    const wire = await wireRequest(`/roles/${SLUG}/ranking.csv?complete=0`, { headers: { Cookie: recruiterCookie } });
    expect(wire.headers.get("transfer-encoding")).toBe("chunked");
    expect(wire.chunks.length).toBeGreaterThan(2);
    const rows = wholeRows(wire.body.toString("utf8"));
    expect(rows).toBeGreaterThanOrEqual(LARGE_RANKING);
    let sent = "";
    for (const chunk of wire.chunks) {
      sent += chunk.toString("utf8");
      expect(wholeRows(sent)).toBeGreaterThan(0);
    }
  });

  for (const encoding of ["br", "gzip"] as const) {
    it(`the ranking CSV in ${encoding} is flushed batch by batch: the first chunks decode to whole rows before the last is sent`, async () => {
      const wire = await wireRequest(`/roles/${SLUG}/ranking.csv?complete=0`, {
        headers: { Cookie: recruiterCookie, "Accept-Encoding": encoding },
      });
      expect(wire.headers.get("content-encoding")).toBe(encoding);
      const total = wholeRows(decoded(wire.body, encoding));
      // Each prefix of the chunks as far as a client could decode it on arrival.
      const decodedSoFar = wire.chunks.map((_, i) => wholeRows(decoded(Buffer.concat(wire.chunks.slice(0, i + 1)), encoding, true)));
      const flushedBeforeTheEnd = decodedSoFar.filter((rows) => rows > 0 && rows < total);
      expect(flushedBeforeTheEnd.length).toBeGreaterThan(0);
    });
  }
});

describe("no compression where a secret sits beside text an attacker could choose (BREACH)", () => {
  it("the invite link made by a post is sent plain, as a page and as data, even when br is asked for", async () => {
    for (const [pathname, email] of [
      ["/settings/users", "breach-page@example.com"],
      ["/settings/users.data", "breach-data@example.com"],
    ] as const) {
      const body = new URLSearchParams({ intent: "invite", email, role: "interviewer" }).toString();
      const wire = await wireRequest(pathname, {
        method: "POST",
        body,
        headers: {
          Cookie: recruiterCookie,
          Origin: server.baseURL,
          "Content-Type": "application/x-www-form-urlencoded",
          "Accept-Encoding": "br, gzip",
        },
      });
      expect(wire.status, pathname).toBe(200);
      expect(wire.headers.get("content-encoding"), pathname).toBeUndefined();
      const text = wire.body.toString("utf8");
      expect(text, pathname).toContain("/invite/");
      expect(text, pathname).toContain(email);
    }
  });

  it("the invite page, whose form carries its token beside the query string, is sent plain even when br is asked for", async () => {
    const body = new URLSearchParams({ intent: "invite", email: "breach-invite-page@example.com", role: "interviewer" }).toString();
    const created = await wireRequest("/settings/users", {
      method: "POST",
      body,
      headers: { Cookie: recruiterCookie, Origin: server.baseURL, "Content-Type": "application/x-www-form-urlencoded" },
    });
    const invitePath = /\/invite\/[A-Za-z0-9_-]+/.exec(created.body.toString("utf8"))?.[0];
    if (!invitePath) throw new Error("No invite link in the answer");
    const page = await wireRequest(`${invitePath}?chosen=by-whoever-sends-the-link`, { headers: { "Accept-Encoding": "br, gzip" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-encoding")).toBeUndefined();
    const text = page.body.toString("utf8");
    expect(text).toContain(invitePath);
    expect(text).toContain("by-whoever-sends-the-link");
  });

  it("the report link made by publishing is sent plain; the report's page, which holds no token, is compressed", async () => {
    const assessment = await server.db
      .selectFrom("assessments")
      .innerJoin("candidates", "candidates.id", "assessments.candidate_id")
      .select("assessments.id")
      .where("candidates.name", "=", "Alan Demo-Turing")
      .executeTakeFirstOrThrow();
    const wire = await wireRequest(`/assessments/${assessment.id}`, {
      method: "POST",
      body: new URLSearchParams({ intent: "publish", language: "en", expiresInDays: "" }).toString(),
      headers: {
        Cookie: recruiterCookie,
        Origin: server.baseURL,
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept-Encoding": "br, gzip",
      },
    });
    expect(wire.status).toBe(200);
    expect(wire.headers.get("content-encoding")).toBeUndefined();
    const reportPath = /\/r\/[A-Za-z0-9_-]{43}/.exec(wire.body.toString("utf8"))?.[0];
    if (!reportPath) throw new Error("No report link in the answer");

    // The report itself is compressed: its page holds neither its token nor anything from the address.
    const report = await wireRequest(`${reportPath}?chosen=by-whoever-sends-the-link`, { headers: { "Accept-Encoding": "br, gzip" } });
    expect(report.status).toBe(200);
    expect(report.headers.get("content-encoding")).toBe("br");
    const text = decoded(report.body, "br");
    expect(text).toContain("</html>");
    expect(text).not.toContain(reportPath.slice("/r/".length));
    expect(text).not.toContain("by-whoever-sends-the-link");
  });
});
