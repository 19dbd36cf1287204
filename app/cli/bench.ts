// First: the dependencies below load in their production builds, as `npm start` serves them (see production-mode.ts).
import "./production-mode";
import { spawnSync } from "node:child_process";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Server } from "node:http";
import { z } from "zod";
import { createDb, createPostgresDb, type TraitkitDb } from "~db/connection";
import { seedLargeInto } from "../../seeds/large";
import { signInAsDemo } from "./demo-sign-in";
import { startRoundRobinProxy, type RoundRobinProxy } from "./round-robin-proxy";
import { startScratchPostgres, type ScratchPostgres } from "./scratch-postgres";
import { publishReport } from "../models/report.server";
import { parseEnv } from "../utils/env.server";
import { createHttpApp } from "../server/http-app";
import { measurePageJavaScript } from "./page-javascript";
import type { PageJavaScript } from "./page-javascript";
import { freePort } from "./free-port";

/*
 * npm run bench — each page's server cost against the framework's own floor,
 * measured in the same run: a page's req/s as a ratio to the signed-in 404
 * page's (a document with the layout and nothing in it), a client navigation's
 * `.data` request as a ratio to /healthz. Builds the app when the build is
 * missing or older than the sources, seeds each data set (seed:large), serves
 * the production build in this process on 127.0.0.1 and drives it with
 * autocannon (a child process). Prints Markdown tables for the README and
 * writes bench/results.json with every figure and whether it meets its target
 * (issue #18). A benchmark, not a test.
 *
 * With `--db postgres` (issue #24) the same pages run on PostgreSQL: a
 * throwaway server (scratch-postgres.ts), each data set seeded into a database
 * of its own by the same generator, then driven twice: through one app server,
 * and through two behind the round-robin proxy (round-robin-proxy.ts). The app
 * servers are child processes started as `npm start` starts one, so the two
 * really run side by side; their memory is read from /proc. Writes
 * bench/results-postgres.json.
 *
 *   npm run bench [-- --candidates 1000,10000,100000] [--quick] [--db sqlite|postgres]
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BUILD_DIR = path.join(ROOT, "build");
const RECRUITER = "recruiter@demo.traitkit.test";
const INTERVIEWER = "interviewer1@demo.traitkit.test";
const SLUG = "mlops-engineer";
/** An address no route has: signed in, it answers the layout with nothing in it. */
const FLOOR_PATH = "/bench-floor-no-such-page";

const TARGETS = {
  pageToFloor: 0.5,
  dataToHealthz: 0.25,
  p99At16Ms: 100,
  p99At4Ms: 50,
  listAtLargestToSmallest: 2,
  csvSeconds: 3,
  csvRssGrowthMb: 100,
  seedSeconds: 180,
  javascriptKb: 90,
  javascriptWithFormKb: 115,
} as const;

type DatabaseKind = "sqlite" | "postgres";
type Settings = { db: DatabaseKind; sizes: number[]; warmupS: number; durationS: number; runsAt16: number };

const FULL: Omit<Settings, "sizes" | "db"> = { warmupS: 2, durationS: 4, runsAt16: 3 };
const QUICK: Omit<Settings, "sizes" | "db"> = { warmupS: 1, durationS: 2, runsAt16: 1 };

function parseArgs(argv: readonly string[]): Settings {
  let sizes = [1000, 10000, 100000];
  let timing = FULL;
  let db: DatabaseKind = "sqlite";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === "--quick") {
      timing = QUICK;
    } else if (arg === "--candidates" && value !== undefined) {
      sizes = value.split(",").map(Number);
      if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--candidates takes positive integers separated by commas");
      i++;
    } else if (arg === "--db" && (value === "sqlite" || value === "postgres")) {
      db = value;
      i++;
    } else {
      throw new Error(`Unknown or incomplete argument: ${String(arg)}`);
    }
  }
  return { db, sizes: [...sizes].sort((a, b) => a - b), ...timing };
}

/** floor: the signed-in 404 page; page: an HTML document; data: a client navigation's Single Fetch request. */
type Kind = "healthz" | "floor" | "page" | "data" | "csv" | "autosave";
type Target = { name: string; path: string; kind: Kind; cookie?: string; method?: "GET" | "POST"; body?: string };
type Run = { reqPerSec: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number };
type Row = {
  size: number;
  name: string;
  kind: Kind;
  path: string;
  /** Medians over the runs at 16 connections. */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  runsAt16: Run[];
  /** Pages and the floor only. */
  p99At4Ms: number | null;
  /** To the floor for pages, to /healthz for `.data` requests. */
  ratio: number | null;
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

/** Seeds the data set and answers its wall time in seconds. */
function seed(candidates: number, file: string): number {
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
  const seconds = (Date.now() - started) / 1000;
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  console.log(`${last} (wall ${seconds.toFixed(1)} s)`);
  return seconds;
}

function autocannon(baseURL: string, target: Target, connections: number, seconds: number): Promise<Run> {
  const args = [
    path.join(ROOT, "node_modules", "autocannon", "autocannon.js"),
    "-c",
    String(connections),
    "-d",
    String(seconds),
    "-j",
    "-H",
    "Accept-Language=en",
    // As a browser asks: the server's cost includes compressing what it sends.
    "-H",
    "Accept-Encoding=br, gzip",
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
        const result = autocannonResult.parse(JSON.parse(out));
        resolve({
          reqPerSec: result.requests.average,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
        });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function idOf(db: TraitkitDb, email: string): Promise<number> {
  return (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

/** The client navigation's request for a page: Remix's Single Fetch asks for `<path>.data`, with the page's query. */
function dataPath(pagePath: string): string {
  const url = new URL(pagePath, "http://bench.invalid");
  return `${url.pathname === "/" ? "/_root" : url.pathname.replace(/\/$/, "")}.data${url.search}`;
}

/** The pages to drive, with ids from this database: /healthz, the floor, each page, its `.data` request, the CSV and autosave. */
async function targets(db: TraitkitDb, baseURL: string): Promise<Target[]> {
  const recruiter = await signInAsDemo(baseURL, RECRUITER);
  const interviewer = await signInAsDemo(baseURL, INTERVIEWER);
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

  const pages: Target[] = [
    { name: "/roles", path: "/roles", kind: "page", cookie: recruiter },
    { name: "/roles/:slug", path: `/roles/${SLUG}`, kind: "page", cookie: recruiter },
    { name: "/candidates", path: "/candidates", kind: "page", cookie: recruiter },
    { name: "/candidates?page=deep", path: `/candidates?page=${deepPage}`, kind: "page", cookie: recruiter },
    { name: "/candidates/:id", path: `/candidates/${open.candidate_id}`, kind: "page", cookie: recruiter },
    // The interviewer's home page (their assessments) and the recruiter's view of all of them.
    { name: "/assessments (interviewer)", path: "/assessments", kind: "page", cookie: interviewer },
    { name: "/assessments (recruiter)", path: "/assessments", kind: "page", cookie: recruiter },
    { name: "/assessments/:id", path: `/assessments/${open.id}`, kind: "page", cookie: recruiter },
    { name: "/assessments/:id/scorecard", path: `/assessments/${open.id}/scorecard`, kind: "page", cookie: interviewer },
    { name: "/roles/:slug/candidates", path: `/roles/${SLUG}/candidates`, kind: "page", cookie: recruiter },
    {
      name: "/roles/:slug/compare",
      path: `/roles/${SLUG}/compare?c=${ranked.map((r) => r.candidate_id).join(",")}`,
      kind: "page",
      cookie: recruiter,
    },
    { name: "/r/:token", path: `/r/${report.token}`, kind: "page" },
    // Interviewer calibration (issue 21) over its default period, the last 12 months: every submitted scorecard's summary.
    { name: "/calibration", path: "/calibration", kind: "page", cookie: recruiter },
  ];
  return [
    { name: "/healthz", path: "/healthz", kind: "healthz" },
    { name: "404 signed in (the floor)", path: FLOOR_PATH, kind: "floor", cookie: recruiter },
    ...pages,
    ...pages.map((page): Target => ({ ...page, name: `${page.name} .data`, path: dataPath(page.path), kind: "data" })),
    { name: "/roles/:slug/ranking.csv", path: `/roles/${SLUG}/ranking.csv`, kind: "csv", cookie: recruiter },
    { name: "/calibration.csv", path: "/calibration.csv", kind: "csv", cookie: recruiter },
    {
      name: "POST /assessments/:id/scorecard/autosave",
      path: `/assessments/${open.id}/scorecard/autosave`,
      kind: "autosave",
      cookie: interviewer,
      method: "POST",
      body: body.toString(),
    },
  ];
}

/** A wrong id or a lost session would measure an error page: each target answers as it should before it is driven. */
async function checkAnswers(baseURL: string, target: Target): Promise<void> {
  const response = await fetch(new URL(target.path, baseURL), {
    method: target.method ?? "GET",
    headers: {
      "Accept-Language": "en",
      ...(target.cookie ? { Cookie: target.cookie } : {}),
      ...(target.method === "POST" ? { Origin: baseURL, "Content-Type": "application/x-www-form-urlencoded" } : {}),
    },
    body: target.body,
    redirect: "manual",
  });
  await response.body?.cancel();
  const expected = target.kind === "floor" ? 404 : 200;
  if (response.status !== expected) throw new Error(`${target.name} answered ${response.status}, not ${expected}`);
}

type CsvExport = { rows: number; seconds: number; rssBeforeMb: number; rssPeakMb: number; rssAfterMb: number; rssGrowthMb: number };

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const thousands = (n: number) => n.toLocaleString("en-US");

/** A figure of a process's /proc/<pid>/status (Linux), in bytes; null elsewhere. */
function procStatusBytes(pid: number | "self", field: "VmRSS" | "VmHWM"): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match?.[1] ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Resets a process's peak resident memory (VmHWM) to its current resident size: writing 5 to clear_refs does. */
function resetPeakRss(pid: number | "self"): void {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    // Not Linux, or not allowed: the samples alone give the peak.
  }
}

type ServerMemory = { rssMb: number; heapUsedMb: number | null; heapLiveAfterGcMb: number | null };

/** Where the server's memory is read: this process, or the app servers' own processes. */
type MemoryProbe = {
  /** Resident memory now, in bytes. */
  rss: () => number;
  /** Before a measurement: a full collection where it can, and the kernel's peak reset. */
  settle: () => void;
  /** The kernel's peak since `settle`, in bytes; null where it cannot be read. */
  peak: () => number | null;
  /** The memory as the run leaves it. */
  atEnd: () => ServerMemory;
};

/** SQLite's server, which runs in this process. */
const THIS_PROCESS: MemoryProbe = {
  rss: () => process.memoryUsage.rss(),
  settle: () => {
    globalThis.gc?.();
    resetPeakRss("self");
  },
  peak: () => procStatusBytes("self", "VmHWM"),
  /**
   * What of its heap is still in use after a full collection too (`npm run bench`
   * passes --expose-gc): the heap right after a run is mostly garbage not collected yet.
   */
  atEnd: () => {
    const atEnd = process.memoryUsage();
    if (typeof globalThis.gc !== "function") return { rssMb: mb(atEnd.rss), heapUsedMb: mb(atEnd.heapUsed), heapLiveAfterGcMb: null };
    globalThis.gc();
    return { rssMb: mb(atEnd.rss), heapUsedMb: mb(atEnd.heapUsed), heapLiveAfterGcMb: mb(process.memoryUsage().heapUsed) };
  },
};

/**
 * App servers in processes of their own, taken together: their resident memory
 * summed. Their peak is the sum of each one's peak, which is at least the peak
 * of the sum: a bound, not a reading. Their heaps are out of reach.
 */
function childProcesses(pids: readonly number[]): MemoryProbe {
  const sum = (field: "VmRSS" | "VmHWM"): number | null => {
    let total = 0;
    for (const pid of pids) {
      const bytes = procStatusBytes(pid, field);
      if (bytes === null) return null;
      total += bytes;
    }
    return total;
  };
  return {
    rss: () => sum("VmRSS") ?? 0,
    settle: () => pids.forEach(resetPeakRss),
    peak: () => sum("VmHWM"),
    atEnd: () => ({ rssMb: mb(sum("VmRSS") ?? 0), heapUsedMb: null, heapLiveAfterGcMb: null }),
  };
}

/**
 * One whole export of the ranking's CSV with every ranked candidate (`complete=0`),
 * read by a child process so that only the server's memory is in the probe's: its
 * resident memory before, at its peak (sampled every 50 ms and the kernel's
 * high-water mark, reset first) and after.
 */
async function csvExport(baseURL: string, cookie: string, memory: MemoryProbe): Promise<CsvExport> {
  memory.settle();
  const before = memory.rss();
  let sampled = before;
  const sampler = setInterval(() => (sampled = Math.max(sampled, memory.rss())), 50);
  const reader = `
    const started = performance.now();
    const response = await fetch(process.argv[1], { headers: { Cookie: process.argv[2] } });
    let rows = -1;
    for await (const chunk of response.body) for (const byte of chunk) if (byte === 10) rows++;
    console.log(JSON.stringify({ status: response.status, rows, seconds: (performance.now() - started) / 1000 }));`;
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--input-type=module", "-e", reader, new URL(`/roles/${SLUG}/ranking.csv?complete=0`, baseURL).href, cookie],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`The CSV reader exited ${String(code)}`))));
  });
  clearInterval(sampler);
  const after = memory.rss();
  const read = z.object({ status: z.literal(200), rows: z.number(), seconds: z.number() }).parse(JSON.parse(output));
  const peak = Math.max(sampled, after, memory.peak() ?? 0);
  return {
    rows: read.rows,
    seconds: read.seconds,
    rssBeforeMb: mb(before),
    rssPeakMb: mb(peak),
    rssAfterMb: mb(after),
    rssGrowthMb: mb(peak - before),
  };
}

type SizeResult = {
  size: number;
  /** PostgreSQL's: "1 server" or "2 servers" (behind the proxy); null for SQLite's one in-process server. */
  setup: string | null;
  seedSeconds: number;
  rows: Row[];
  csv: CsvExport;
  memory: ServerMemory;
  /** Behind the proxy: the requests each app server answered. */
  requestsPerServer: number[] | null;
};

/** A data set's name in the tables and the log: "10,000", or "10,000 · 2 servers". */
function setName(result: Pick<SizeResult, "size" | "setup">): string {
  return result.setup === null ? thousands(result.size) : `${thousands(result.size)} · ${result.setup}`;
}

type DataSet = Pick<SizeResult, "size" | "setup">;

async function drive(baseURL: string, target: Target, settings: Settings, floor: number, healthz: number, set: DataSet): Promise<Row> {
  await checkAnswers(baseURL, target);
  const documentLike = target.kind === "page" || target.kind === "floor";
  // A `.data` request runs the loaders its page has just warmed up.
  await autocannon(baseURL, target, 16, documentLike ? settings.warmupS : 1);
  const runs: Run[] = [];
  // Documents are measured three times (their p99 moves from run to run); the rest once.
  for (let i = 0; i < (documentLike ? settings.runsAt16 : 1); i++) runs.push(await autocannon(baseURL, target, 16, settings.durationS));
  const at4 = documentLike ? await autocannon(baseURL, target, 4, settings.durationS) : null;
  const reqPerSec = median(runs.map((r) => r.reqPerSec));
  const base = target.kind === "page" ? floor : target.kind === "data" ? healthz : 0;
  const row: Row = {
    size: set.size,
    name: target.name,
    kind: target.kind,
    path: target.path.replace(/\/r\/[^/?.]+/, "/r/<token>"),
    reqPerSec,
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    runsAt16: runs,
    p99At4Ms: at4?.p99Ms ?? null,
    ratio: base > 0 ? reqPerSec / base : null,
    // The floor answers 404 on purpose.
    non2xx: target.kind === "floor" ? 0 : runs.reduce((sum, r) => sum + r.non2xx, at4?.non2xx ?? 0),
    errors: runs.reduce((sum, r) => sum + r.errors, at4?.errors ?? 0),
  };
  console.log(
    `  ${logName(set)} ${row.name.padEnd(48)} ${row.reqPerSec.toFixed(0).padStart(6)} req/s  p50 ${row.p50Ms} ms  p99 ${row.p99Ms} ms` +
      (row.p99At4Ms === null ? "" : ` (at 4: ${row.p99At4Ms} ms)`) +
      (row.ratio === null ? "" : `  ×${row.ratio.toFixed(2)}`) +
      (row.non2xx + row.errors > 0 ? `  non-2xx/errors ${row.non2xx + row.errors}` : ""),
  );
  return row;
}

/** A data set in the progress lines: "1000", or "1000 2 servers". */
function logName(set: DataSet): string {
  return set.setup === null ? String(set.size) : `${set.size} ${set.setup}`;
}

/** Drives every target through `baseURL`, then the CSV export, and reads the server's memory. */
async function measure(
  db: TraitkitDb,
  baseURL: string,
  memory: MemoryProbe,
  settings: Settings,
  set: DataSet,
  seedSeconds: number,
): Promise<Omit<SizeResult, "requestsPerServer">> {
  const rows: Row[] = [];
  let healthz = 0;
  let floor = 0;
  for (const target of await targets(db, baseURL)) {
    const row = await drive(baseURL, target, settings, floor, healthz, set);
    if (target.kind === "healthz") healthz = row.reqPerSec;
    if (target.kind === "floor") floor = row.reqPerSec;
    rows.push(row);
  }
  const csv = await csvExport(baseURL, await signInAsDemo(baseURL, RECRUITER), memory);
  console.log(
    `  ${logName(set)} CSV export: ${csv.rows} rows in ${csv.seconds.toFixed(2)} s, server rss ${csv.rssBeforeMb} → peak ${csv.rssPeakMb} MB (+${csv.rssGrowthMb})`,
  );
  return { ...set, seedSeconds, rows, csv, memory: memory.atEnd() };
}

async function runSize(size: number, dir: string, settings: Settings): Promise<SizeResult> {
  const file = path.join(dir, `bench-${size}.sqlite`);
  const seedSeconds = seed(size, file);
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
    const result = await measure(db, baseURL, THIS_PROCESS, settings, { size, setup: null }, seedSeconds);
    return { ...result, requestsPerServer: null };
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await db.destroy();
  }
}

type AppProcess = {
  baseURL: string;
  pid: number;
  /** The lines it logged at pino's error level or above so far (an answer of 500 logs one). */
  errors: () => number;
  stop: () => Promise<void>;
};

/** pino's error level: 50 (60 is fatal). */
const PINO_ERROR_LEVEL = 50;

function isErrorLine(line: string): boolean {
  if (!line.startsWith("{")) return false;
  try {
    const parsed: unknown = JSON.parse(line);
    return (
      typeof parsed === "object" &&
      parsed !== null &&
      "level" in parsed &&
      typeof parsed.level === "number" &&
      parsed.level >= PINO_ERROR_LEVEL
    );
  } catch {
    return false;
  }
}

/** What a server printed last, for the message when it fails to start: a start-up error is short. */
const KEPT_OUTPUT = 16_384;

/**
 * An app server as `npm start` runs one (the production build, the same Node
 * flags) in a process of its own, on `databaseUrl`, once it answers /healthz.
 */
async function startAppProcess(databaseUrl: string, env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--max-semi-space-size=32", "--import", "tsx", path.join(ROOT, "app", "cli", "start.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      TRAITKIT_DEMO: "0",
      DATABASE_URL: databaseUrl,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-KEPT_OUTPUT));
  let errors = 0;
  let partial = "";
  child.stdout.on("data", (chunk: Buffer) => {
    keep(chunk);
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    errors += lines.filter(isErrorLine).length;
  });
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
  };
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${baseURL}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The app server did not answer /healthz within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (child.pid === undefined) throw new Error("The app server has no process id");
  return { baseURL, pid: child.pid, errors: () => errors, stop };
}

/** One setup of PostgreSQL's run: `count` app servers on the database, behind the round-robin proxy when more than one. */
async function runSetup(
  db: TraitkitDb,
  databaseUrl: string,
  count: number,
  settings: Settings,
  set: DataSet,
  seedSeconds: number,
): Promise<SizeResult> {
  const apps: AppProcess[] = [];
  let proxy: RoundRobinProxy | null = null;
  try {
    // Behind the proxy, the app takes the client's address from its X-Forwarded-For, as behind any reverse proxy.
    for (let i = 0; i < count; i++) apps.push(await startAppProcess(databaseUrl, count > 1 ? { TRUST_PROXY: "1" } : {}));
    proxy = count > 1 ? await startRoundRobinProxy(apps.map((app) => app.baseURL)) : null;
    const baseURL = proxy?.baseURL ?? apps[0]?.baseURL;
    if (baseURL === undefined) throw new Error("No app server to drive");
    const result = await measure(db, baseURL, childProcesses(apps.map((app) => app.pid)), settings, set, seedSeconds);
    const requestsPerServer = proxy?.counts().requests ?? null;
    if (requestsPerServer) console.log(`  ${logName(set)} requests per server: ${requestsPerServer.map(thousands).join(" / ")}`);
    // The rows count non-2xx answers; this says whether they were the server's own errors (500s) and how many.
    const errors = apps.reduce((sum, app) => sum + app.errors(), 0);
    if (errors > 0) console.log(`  ${logName(set)} the app servers logged ${thousands(errors)} errors`);
    return { ...result, requestsPerServer };
  } finally {
    await proxy?.stop();
    await Promise.all(apps.map((app) => app.stop()));
  }
}

/** PostgreSQL's run of one data set: seeded into a new database by the same generator, then driven with one and with two servers. */
async function runSizePostgres(size: number, postgres: ScratchPostgres, settings: Settings): Promise<SizeResult[]> {
  const databaseUrl = await postgres.createDatabase(`bench_${size}`);
  const { db } = createPostgresDb(databaseUrl);
  try {
    const started = Date.now();
    // The batches' progress lines stay quiet, as SQLite's seeding child's do.
    const seeded = await seedLargeInto(db, { candidates: size, seed: 1 }, () => undefined);
    const seedSeconds = (Date.now() - started) / 1000;
    console.log(
      `Seeded PostgreSQL: ${seeded.candidates} candidates, ${seeded.assessments} assessments, ${seeded.scorecards} scorecards, ` +
        `${seeded.decisions} decisions, ${seeded.reportLinks} report links (wall ${seedSeconds.toFixed(1)} s)`,
    );
    const results: SizeResult[] = [];
    for (const count of [1, 2]) {
      results.push(
        await runSetup(db, databaseUrl, count, settings, { size, setup: count === 1 ? "1 server" : `${count} servers` }, seedSeconds),
      );
    }
    return results;
  } finally {
    await db.destroy();
    await postgres.dropDatabase(databaseUrl);
  }
}

type Check = { target: string; figure: string; met: boolean };

const LISTS = ["/roles/:slug/candidates", "/candidates", "/assessments (recruiter)", "/assessments (interviewer)", "/calibration"];

function checks(results: SizeResult[], javascript: PageJavaScript[]): Check[] {
  const list: Check[] = [];
  for (const result of results) {
    const { size, setup, rows, csv, seedSeconds } = result;
    const set = setName(result);
    for (const row of rows) {
      if (row.kind === "page" && row.ratio !== null)
        list.push({
          target: `${set} ${row.name} ≥ ${TARGETS.pageToFloor}× the floor`,
          figure: `${row.ratio.toFixed(2)}×`,
          met: row.ratio >= TARGETS.pageToFloor,
        });
      if (row.kind === "data" && row.ratio !== null)
        list.push({
          target: `${set} ${row.name} ≥ ${TARGETS.dataToHealthz}× /healthz`,
          figure: `${row.ratio.toFixed(2)}×`,
          met: row.ratio >= TARGETS.dataToHealthz,
        });
      if (row.kind === "page" || row.kind === "floor") {
        list.push({
          target: `${set} ${row.name} p99 < ${TARGETS.p99At16Ms} ms at 16 connections`,
          figure: `${row.p99Ms} ms`,
          met: row.p99Ms < TARGETS.p99At16Ms,
        });
        if (row.p99At4Ms !== null)
          list.push({
            target: `${set} ${row.name} p99 < ${TARGETS.p99At4Ms} ms at 4 connections`,
            figure: `${row.p99At4Ms} ms`,
            met: row.p99At4Ms < TARGETS.p99At4Ms,
          });
      }
      if (row.non2xx + row.errors > 0)
        list.push({
          target: `${set} ${row.name} answers without errors`,
          figure: `${row.non2xx + row.errors} non-2xx or errors`,
          met: false,
        });
    }
    list.push({
      target: `${set} CSV of the ranking (${thousands(csv.rows)} rows) in < ${TARGETS.csvSeconds} s`,
      figure: `${csv.seconds.toFixed(2)} s`,
      met: csv.seconds < TARGETS.csvSeconds,
    });
    list.push({
      target: `${set} CSV: server memory grows < ${TARGETS.csvRssGrowthMb} MB`,
      figure: `+${csv.rssGrowthMb} MB`,
      met: csv.rssGrowthMb < TARGETS.csvRssGrowthMb,
    });
    // PostgreSQL's setups share one seeding: counted once.
    if (setup === null || setup === results.find((r) => r.size === size)?.setup)
      list.push({
        target: `seed:large --candidates ${size}${setup === null ? "" : " into PostgreSQL"} < ${TARGETS.seedSeconds} s`,
        figure: `${seedSeconds.toFixed(0)} s`,
        met: seedSeconds < TARGETS.seedSeconds,
      });
  }
  // Each setup's largest data set against its own smallest.
  for (const setup of new Set(results.map((r) => r.setup))) {
    const same = results.filter((r) => r.setup === setup);
    const smallest = same[0];
    const largest = same.at(-1);
    if (!smallest || !largest || largest === smallest) continue;
    const where = setup === null ? "" : ` (${setup})`;
    for (const name of LISTS) {
      const small = smallest.rows.find((r) => r.name === name);
      const large = largest.rows.find((r) => r.name === name);
      if (!small || !large) continue;
      const slower = small.reqPerSec / large.reqPerSec;
      list.push({
        target: `${name}${where} at ${thousands(largest.size)} within ${TARGETS.listAtLargestToSmallest}× of ${thousands(smallest.size)}`,
        figure: `${slower.toFixed(2)}× slower`,
        met: slower <= TARGETS.listAtLargestToSmallest,
      });
    }
  }
  for (const page of javascript) {
    const budget = page.validatedForm ? TARGETS.javascriptWithFormKb : TARGETS.javascriptKb;
    list.push({
      target: `${page.route} gzipped JavaScript ≤ ${budget} KB`,
      figure: `${kb(page.gzippedBytes)} KB`,
      met: kb(page.gzippedBytes) <= budget,
    });
  }
  return list;
}

/** The README's tables: one row per page, one column per data set. */
function markdown(results: SizeResult[], javascript: PageJavaScript[], all: Check[]): string {
  const sizes = results.map(setName);
  const cell = (row: Row | undefined, kind: Kind): string => {
    if (!row) return "";
    const ratio = row.ratio === null ? `${row.reqPerSec.toFixed(0)} req/s` : `${row.ratio.toFixed(2)}×`;
    const miss =
      (kind === "page" && (row.ratio ?? 0) < TARGETS.pageToFloor) || (kind === "data" && (row.ratio ?? 0) < TARGETS.dataToHealthz);
    const p99 = row.p99At4Ms === null ? `${row.p99Ms}` : `${row.p99Ms} / ${row.p99At4Ms}`;
    return `${miss ? `**${ratio}**` : ratio} · ${p99}`;
  };
  const names = (kinds: Kind[]) => [
    ...new Set(results.flatMap((r) => r.rows.filter((row) => kinds.includes(row.kind)).map((row) => row.name))),
  ];
  const table = (title: string, kinds: Kind[]) => [
    `| ${title} | ${sizes.join(" | ")} |`,
    `|---|${sizes.map(() => "---:").join("|")}|`,
    ...names(kinds).map((name) => {
      const cells = results.map((r) => {
        const row = r.rows.find((x) => x.name === name);
        return cell(row, row?.kind ?? "page");
      });
      return `| \`${name}\` | ${cells.join(" | ")} |`;
    }),
  ];
  const csvRow = `| CSV of the ranking, every ranked candidate | ${results.map((r) => `${thousands(r.csv.rows)} rows ${r.csv.seconds.toFixed(2)} s, +${r.csv.rssGrowthMb} MB`).join(" | ")} |`;
  const seedRow = `| \`seed:large\` | ${results.map((r) => `${r.seedSeconds.toFixed(0)} s`).join(" | ")} |`;
  const missed = all.filter((c) => !c.met);
  return [
    "Documents: req/s as a ratio to the floor (× floor, target ≥ 0.5) · p99 ms at 16 connections (median of the runs) / at 4 (< 100 / < 50):",
    "",
    ...table("page", ["healthz", "floor", "page"]),
    "",
    "Client navigations (Single Fetch `.data`): req/s as a ratio to `/healthz` (target ≥ 0.25) · p99 ms at 16 connections:",
    "",
    ...table("request", ["data", "csv", "autosave"]),
    csvRow,
    seedRow,
    "",
    `Gzipped JavaScript per page (KB; ≤ ${TARGETS.javascriptKb}, ≤ ${TARGETS.javascriptWithFormKb} with a validated form marked *): ` +
      javascript.map((p) => `\`${p.route}\` ${kb(p.gzippedBytes)}${p.validatedForm ? "*" : ""}`).join(", "),
    "",
    `Targets met: ${all.length - missed.length} of ${all.length}.` + (missed.length > 0 ? " Not met:" : ""),
    ...missed.map((c) => `- ${c.target}: ${c.figure}`),
  ].join("\n");
}

async function main(): Promise<void> {
  let settings: Settings;
  try {
    settings = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error("Usage: npm run bench [-- --candidates 1000,10000,100000] [--quick] [--db sqlite|postgres]");
    process.exit(2);
  }
  const started = Date.now();
  buildIfNeeded();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-bench-"));
  try {
    const results: SizeResult[] = [];
    if (settings.db === "postgres") {
      const postgres = await startScratchPostgres();
      try {
        for (const size of settings.sizes) results.push(...(await runSizePostgres(size, postgres, settings)));
      } finally {
        await postgres.stop();
      }
    } else {
      for (const size of settings.sizes) results.push(await runSize(size, dir, settings));
    }
    const javascript = await measurePageJavaScript(BUILD_DIR);
    const all = checks(results, javascript);
    const seconds = (Date.now() - started) / 1000;
    console.log(`\n${markdown(results, javascript, all)}\n`);
    console.log(`Total bench time: ${seconds.toFixed(0)} s`);

    // Each database's run keeps its own file: a PostgreSQL run does not replace SQLite's figures.
    const out = path.join(ROOT, "bench", settings.db === "postgres" ? "results-postgres.json" : "results.json");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          node: process.version,
          cpus: os.cpus().length,
          settings,
          seconds,
          targets: TARGETS,
          results,
          gzippedJavaScript: javascript,
          checks: all,
          allMet: all.every((c) => c.met),
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
