import { spawnSync } from "node:child_process";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { z } from "zod";
import { createDb, type TraitkitDb } from "~db/connection";
import { DEMO_PASSWORD } from "../../seeds/demo-accounts";
import { publishReport } from "../models/report.server";
import { parseEnv } from "../utils/env.server";
import { createHttpApp } from "../server/http-app";

/*
 * npm run bench — page throughput on a large database, as ratios to /healthz
 * measured in the same run. Builds the app when the build is missing or older
 * than the sources, seeds 1,000 and 10,000 candidates (seed:large), serves the
 * production build in this process on 127.0.0.1 and drives it with autocannon
 * (a child process). Writes bench/results.json. A benchmark, not a test.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BUILD_DIR = path.join(ROOT, "build");
const CONNECTIONS = 16;
const DURATION_S = 10;
const WARMUP_S = 3;
const RECRUITER = "recruiter@demo.traitkit.test";
const INTERVIEWER = "interviewer1@demo.traitkit.test";
const SLUG = "mlops-engineer";

type Target = { name: string; path: string; cookie?: string; method?: "GET" | "POST"; body?: string; html: boolean };
type Row = {
  size: number;
  name: string;
  path: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  ratioToHealthz: number;
  non2xx: number;
  errors: number;
};

const autocannonResult = z.object({
  requests: z.object({ average: z.number() }),
  latency: z.object({ p50: z.number(), p99: z.number() }),
  non2xx: z.number(),
  errors: z.number(),
  timeouts: z.number(),
});

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    // The CLI scripts (this one too) are not part of the build.
    if (entry.isDirectory() && entry.name === "cli") continue;
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

function buildIfNeeded(): void {
  const serverEntry = path.join(BUILD_DIR, "server", "index.js");
  if (fs.existsSync(serverEntry) && fs.statSync(serverEntry).mtimeMs >= newestMtime(path.join(ROOT, "app"))) {
    console.log("Production build is up to date");
    return;
  }
  console.log("Building (npm run build)…");
  const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm run build failed");
}

function seed(candidates: number, file: string): void {
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"),
      path.join(ROOT, "app", "cli", "seed-large.ts"),
      "--candidates",
      String(candidates),
      "--database",
      file,
      "--seed",
      "1",
    ],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`seed:large ${candidates} failed`);
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  console.log(`${last} (wall ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function autocannon(baseURL: string, target: Target, seconds: number): Promise<z.infer<typeof autocannonResult>> {
  const args = [
    path.join(ROOT, "node_modules", "autocannon", "autocannon.js"),
    "-c",
    String(CONNECTIONS),
    "-d",
    String(seconds),
    "-j",
    "-H",
    "Accept-Language=en",
  ];
  if (target.cookie) args.push("-H", `Cookie=${target.cookie}`);
  if (target.method === "POST") {
    args.push("-m", "POST", "-H", `Origin=${baseURL}`, "-H", "Content-Type=application/x-www-form-urlencoded", "-b", target.body ?? "");
  }
  args.push(new URL(target.path, baseURL).href);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${String(code)}: ${err}`));
      try {
        resolve(autocannonResult.parse(JSON.parse(out)));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

async function signIn(baseURL: string, email: string): Promise<string> {
  const response = await fetch(new URL("/login", baseURL), {
    method: "POST",
    headers: { Origin: baseURL, "Accept-Language": "en" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    redirect: "manual",
  });
  await response.body?.cancel();
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    if (pair?.startsWith("traitkit_session=")) return pair;
  }
  throw new Error(`Sign-in as ${email} failed: ${response.status}`);
}

async function idOf(db: TraitkitDb, email: string): Promise<number> {
  return (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

/** The pages to drive, with ids from this database. */
async function targets(db: TraitkitDb, baseURL: string, full: boolean): Promise<Target[]> {
  const recruiter = await signIn(baseURL, RECRUITER);
  const healthz: Target = { name: "/healthz", path: "/healthz", html: false };
  const ranking: Target[] = [
    { name: "/roles/:slug/candidates", path: `/roles/${SLUG}/candidates`, cookie: recruiter, html: true },
    { name: "/roles/:slug/ranking.csv", path: `/roles/${SLUG}/ranking.csv`, cookie: recruiter, html: false },
  ];
  if (!full) return [healthz, ...ranking];

  const interviewer = await signIn(baseURL, INTERVIEWER);
  const interviewerId = await idOf(db, INTERVIEWER);
  const recruiterId = await idOf(db, RECRUITER);
  const candidates = await db
    .selectFrom("candidates")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const deepPage = Math.max(1, Math.floor((Number(candidates.n) / 50) * 0.8));
  // An assessment of interviewer 1 with no submitted scorecard of theirs: the autosave answers 200.
  const open = await db
    .selectFrom("assessment_interviewers as ai")
    .innerJoin("assessments as a", "a.id", "ai.assessment_id")
    .leftJoin("scorecards as s", (join) =>
      join.onRef("s.assessment_id", "=", "ai.assessment_id").onRef("s.interviewer_id", "=", "ai.user_id"),
    )
    .select(["a.id", "a.candidate_id"])
    .where("ai.user_id", "=", interviewerId)
    .where((eb) => eb.or([eb("s.status", "is", null), eb("s.status", "=", "draft")]))
    .orderBy("a.id", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  const ranked = await db
    .selectFrom("assessment_results as r")
    .innerJoin("assessments as a", "a.id", "r.assessment_id")
    .select(["a.id", "a.candidate_id"])
    .where("r.role_slug", "=", SLUG)
    .orderBy("a.id")
    .limit(3)
    .execute();
  const first = ranked[0];
  if (!first) throw new Error("No assessed candidate to compare");
  const report = await publishReport(db, { assessmentId: first.id, language: "en", expiresAt: null, actorId: recruiterId }, new Date());
  if (!report.ok) throw new Error("The assessed candidate has no submitted scorecard to publish");
  const kitQuestions = await db
    .selectFrom("assessments as a")
    .innerJoin("kit_questions as q", "q.kit_version_id", "a.kit_version_id")
    .innerJoin("kit_question_traits as t", "t.kit_question_id", "q.id")
    .select(["q.id", "t.trait"])
    .where("a.id", "=", open.id)
    .execute();
  const body = new URLSearchParams(kitQuestions.map((q): [string, string] => [`rating.${q.id}.${q.trait}`, "3"]));
  body.set("recommendation", "yes");

  return [
    healthz,
    { name: "/roles", path: "/roles", cookie: recruiter, html: true },
    { name: "/roles/:slug", path: `/roles/${SLUG}`, cookie: recruiter, html: true },
    { name: "/candidates", path: "/candidates", cookie: recruiter, html: true },
    { name: "/candidates?page=deep", path: `/candidates?page=${deepPage}`, cookie: recruiter, html: true },
    { name: "/candidates/:id", path: `/candidates/${open.candidate_id}`, cookie: recruiter, html: true },
    // The interviewer's home page (their assessments) and the recruiter's view of all of them.
    { name: "/assessments (interviewer)", path: "/assessments", cookie: interviewer, html: true },
    { name: "/assessments (recruiter)", path: "/assessments", cookie: recruiter, html: true },
    { name: "/assessments/:id", path: `/assessments/${open.id}`, cookie: recruiter, html: true },
    { name: "/assessments/:id/scorecard", path: `/assessments/${open.id}/scorecard`, cookie: interviewer, html: true },
    {
      name: "POST /assessments/:id/scorecard/autosave",
      path: `/assessments/${open.id}/scorecard/autosave`,
      cookie: interviewer,
      method: "POST",
      body: body.toString(),
      html: false,
    },
    ...ranking,
    {
      name: "/roles/:slug/compare",
      path: `/roles/${SLUG}/compare?c=${ranked.map((r) => r.candidate_id).join(",")}`,
      cookie: recruiter,
      html: true,
    },
    { name: "/r/:token", path: `/r/${report.token}`, html: true },
  ];
}

/** Median time of one whole CSV export, sequentially. */
async function csvExportMs(baseURL: string, cookie: string): Promise<{ ms: number; rows: number }> {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const response = await fetch(new URL(`/roles/${SLUG}/ranking.csv`, baseURL), { headers: { Cookie: cookie } });
    const text = await response.text();
    times.push(performance.now() - started);
    rows = Math.max(0, text.trim().split("\n").length - 1);
  }
  times.sort((a, b) => a - b);
  return { ms: times[2] ?? 0, rows };
}

type ServerMemory = NodeJS.MemoryUsage & { heapLiveAfterGc: number | null };

/**
 * The server's memory as the run leaves it, and what of its heap is still in
 * use after a full collection (`npm run bench` passes --expose-gc): the heap
 * right after a run is mostly garbage not collected yet.
 */
function serverMemory(): ServerMemory {
  const atEnd = process.memoryUsage();
  if (typeof globalThis.gc !== "function") return { ...atEnd, heapLiveAfterGc: null };
  globalThis.gc();
  return { ...atEnd, heapLiveAfterGc: process.memoryUsage().heapUsed };
}

async function runSize(
  size: number,
  dir: string,
  full: boolean,
): Promise<{ rows: Row[]; csv: { ms: number; rows: number }; memory: ServerMemory }> {
  const file = path.join(dir, `bench-${size}.sqlite`);
  seed(size, file);
  const env = parseEnv({ TRAITKIT_DEMO: "0", DATABASE_PATH: file, NODE_ENV: "production" });
  const { db } = createDb(file);
  const app = await createHttpApp({ db, env, source: { kind: "production", buildDir: BUILD_DIR } });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
    s.once("error", reject);
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("The server has no TCP address");
  const baseURL = `http://127.0.0.1:${address.port}`;
  try {
    const list = await targets(db, baseURL, full);
    const rows: Row[] = [];
    let healthz = 0;
    for (const target of list) {
      await autocannon(baseURL, target, WARMUP_S);
      const result = await autocannon(baseURL, target, DURATION_S);
      if (target.name === "/healthz") healthz = result.requests.average;
      const row: Row = {
        size,
        name: target.name,
        path: target.path.replace(/\/r\/[^/?]+/, "/r/<token>"),
        reqPerSec: result.requests.average,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        ratioToHealthz: healthz > 0 ? result.requests.average / healthz : 0,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      };
      rows.push(row);
      console.log(
        `  ${size} ${row.name.padEnd(42)} ${row.reqPerSec.toFixed(0).padStart(6)} req/s  p50 ${row.p50Ms} ms  p99 ${row.p99Ms} ms  ×${row.ratioToHealthz.toFixed(2)}  non2xx ${row.non2xx}`,
      );
    }
    const csv = await csvExportMs(baseURL, await signIn(baseURL, RECRUITER));
    return { rows, csv, memory: serverMemory() };
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await db.destroy();
  }
}

/** Gzipped bytes of the JavaScript a page's document loads: entry, root and route chain, with their static imports. */
async function pageJavaScript(): Promise<Record<string, number>> {
  const build = (await import(pathToFileURL(path.join(BUILD_DIR, "server", "index.js")).href)) as ServerBuild;
  const { assets } = build;
  const clientDir = path.join(BUILD_DIR, "client");
  const gzipped = new Map<string, number>();
  const size = (url: string): number => {
    const known = gzipped.get(url);
    if (known !== undefined) return known;
    const bytes = gzipSync(fs.readFileSync(path.join(clientDir, url))).length;
    gzipped.set(url, bytes);
    return bytes;
  };
  // The page's language is loaded apart (app/utils/i18n.ts); English, the larger-or-equal default, is counted.
  const english = fs.readdirSync(path.join(clientDir, "assets")).filter((file) => /^en-[\w-]+\.js$/.test(file));
  if (english.length !== 1) throw new Error(`Expected one English texts chunk in the build, found ${english.length}`);
  const englishChunk = `/assets/${english[0]}`;
  const pages: Record<string, number> = {};
  for (const [id, route] of Object.entries(assets.routes)) {
    // Resource routes (no component) load no JavaScript.
    if (id === "root" || build.routes[id]?.module.default === undefined) continue;
    const files = new Set<string>([assets.entry.module, ...assets.entry.imports, englishChunk]);
    for (let current: typeof route | undefined = route; current; current = current.parentId ? assets.routes[current.parentId] : undefined) {
      files.add(current.module);
      for (const file of current.imports ?? []) files.add(file);
    }
    pages[id] = [...files].reduce((sum, file) => sum + size(file), 0);
  }
  return pages;
}

async function main(): Promise<void> {
  // React and Remix pick their production code by this, as `npm start` serves them.
  process.env.NODE_ENV = "production";
  const started = Date.now();
  buildIfNeeded();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-bench-"));
  try {
    const small = await runSize(1000, dir, false);
    const large = await runSize(10000, dir, true);
    const javascript = await pageJavaScript();
    const rows = [...small.rows, ...large.rows];

    const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
    console.log("\n| data | page | req/s | p50 ms | p99 ms | × /healthz | non-2xx |\n|---|---|---:|---:|---:|---:|---:|");
    for (const r of rows)
      console.log(
        `| ${r.size} | \`${r.name}\` | ${r.reqPerSec.toFixed(0)} | ${r.p50Ms} | ${r.p99Ms} | ${r.ratioToHealthz.toFixed(2)} | ${r.non2xx + r.errors} |`,
      );
    console.log(
      `\nCSV export, one request: ${small.csv.rows} rows ${small.csv.ms.toFixed(0)} ms; ${large.csv.rows} rows ${large.csv.ms.toFixed(0)} ms`,
    );
    console.log("\nGzipped JavaScript per page (KB):");
    for (const [id, bytes] of Object.entries(javascript).sort()) console.log(`  ${id.padEnd(44)} ${kb(bytes)}`);
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    const live = large.memory.heapLiveAfterGc;
    console.log(
      `\nServer memory after the 10,000 run: rss ${mb(large.memory.rss)} MB, heap used ${mb(large.memory.heapUsed)} MB` +
        (live === null ? "" : `, ${mb(live)} MB of it live after a full collection`),
    );
    console.log(`Total bench time: ${((Date.now() - started) / 1000).toFixed(0)} s`);

    const out = path.join(ROOT, "bench", "results.json");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          node: process.version,
          cpus: os.cpus().length,
          connections: CONNECTIONS,
          durationSeconds: DURATION_S,
          warmupSeconds: WARMUP_S,
          rows,
          csvExport: { small: small.csv, large: large.csv },
          gzippedJavaScriptBytes: javascript,
          serverMemory: { after1000: small.memory, after10000: large.memory },
        },
        null,
        2,
      )}\n`,
    );
    console.log(`Wrote ${path.relative(ROOT, out)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
