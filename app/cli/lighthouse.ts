import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Config, type Flags } from "lighthouse";
import { createDb, type TraitkitDb } from "~db/connection";
import { signInAsDemo } from "./demo-sign-in";
import { DEMO_KIT } from "../../seeds/demo-kits";
import { publishReport } from "../models/report.server";
import { freePort } from "./free-port";

/*
 * npm run lighthouse — Lighthouse 12 on every main page, as the user who reads
 * it, with the mobile preset and the desktop one (issue #18). Starts the
 * production app (`npm start`'s entry: it builds when the sources changed) on
 * a new demo database in a temporary folder, signs in through the login form,
 * makes a candidate report link with the model functions, and audits each page
 * in Debian's Chromium (or CHROMIUM_PATH). Performance is the median of the
 * runs (3 unless --runs says otherwise); accessibility and best practices,
 * which do not vary, come from the first mobile run. Writes
 * bench/lighthouse.json and prints the README's table.
 *
 *   npm run lighthouse [-- --runs 1] [--only /login,/roles]
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RECRUITER = "recruiter@demo.traitkit.test";
const INTERVIEWER = "interviewer1@demo.traitkit.test";
const SLUG = "mlops-engineer";
const TARGETS = { mobilePerformance: 95, accessibility: 100, bestPractices: 100, desktopPerformance: 100 } as const;

type Reader = "anonymous" | "recruiter" | "interviewer";
type Page = { name: string; path: string; reader: Reader };
type Settings = { runs: number; only: string[] | null };
type Scores = { performance: number; lcpMs: number; tbtMs: number };
type Result = {
  name: string;
  path: string;
  reader: Reader;
  mobile: Scores & { runs: number[] };
  desktop: Scores & { runs: number[] };
  accessibility: number;
  bestPractices: number;
  /** Audits that cost accessibility or best practices points, by id, with the page's elements or messages Lighthouse names. */
  failing: { id: string; title: string; items: string[] }[];
  met: boolean;
};

function parseArgs(argv: readonly string[]): Settings {
  let runs = 3;
  let only: string[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === "--runs" && value !== undefined) {
      runs = Number(value);
      if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a positive integer");
      i++;
    } else if (arg === "--only" && value !== undefined) {
      only = value.split(",");
      i++;
    } else {
      throw new Error(`Unknown or incomplete argument: ${String(arg)}`);
    }
  }
  return { runs, only };
}

/** `npm start`'s entry in a child process, so that Lighthouse's work does not slow the server down. */
async function startApp(database: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--max-semi-space-size=32", "--import", "tsx", path.join(ROOT, "app", "cli", "start.ts")], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: database, TRAITKIT_DEMO: "1", TRAITKIT_LIBRARY: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // A build (when the sources changed) and the demo data come first.
  const deadline = Date.now() + 5 * 60 * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app stopped (exit ${child.exitCode})`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill();
  throw new Error("The app did not answer /healthz within 5 minutes");
}

/** Every main page, with records of the demo data: the MLOps role, the Senior panel kit, a candidate whose panel has submitted. */
async function mainPages(db: TraitkitDb): Promise<Page[]> {
  const recruiterId = (await db.selectFrom("users").select("id").where("email", "=", RECRUITER).executeTakeFirstOrThrow()).id;
  const interviewerId = (await db.selectFrom("users").select("id").where("email", "=", INTERVIEWER).executeTakeFirstOrThrow()).id;
  const kit = await db.selectFrom("kit_versions").select("kit_id").where("name", "=", DEMO_KIT.name).executeTakeFirstOrThrow();
  const skill = await db.selectFrom("skills").select("slug").orderBy("id").executeTakeFirstOrThrow();
  // The candidates the role's ranking shows, best first: the first has the panel's aggregate and a report to publish.
  const ranked = await db
    .selectFrom("assessment_results as r")
    .innerJoin("assessments as a", "a.id", "r.assessment_id")
    .select(["a.id", "a.candidate_id"])
    .where("r.role_slug", "=", SLUG)
    .where("r.latest", "=", 1)
    .orderBy("r.fit", "desc")
    .limit(3)
    .execute();
  const assessed = ranked[0];
  if (!assessed || ranked.length < 2) throw new Error("The demo data has fewer than two ranked candidates");
  const report = await publishReport(db, { assessmentId: assessed.id, language: "en", expiresAt: null, actorId: recruiterId }, new Date());
  if (!report.ok) throw new Error("The ranked candidate has no submitted scorecard to publish");
  // A scorecard interviewer 1 can still fill in: the form, not the read-only card.
  const scorecard = await db
    .selectFrom("assessment_interviewers as ai")
    .leftJoin("scorecards as s", (join) =>
      join.onRef("s.assessment_id", "=", "ai.assessment_id").onRef("s.interviewer_id", "=", "ai.user_id"),
    )
    .select("ai.assessment_id")
    .where("ai.user_id", "=", interviewerId)
    .where((eb) => eb.or([eb("s.status", "is", null), eb("s.status", "=", "draft")]))
    .orderBy("ai.assessment_id")
    .executeTakeFirstOrThrow();
  return [
    { name: "/login", path: "/login", reader: "anonymous" },
    { name: "/roles", path: "/roles", reader: "recruiter" },
    { name: "/roles/:slug", path: `/roles/${SLUG}`, reader: "recruiter" },
    { name: "/roles/:slug/edit", path: `/roles/${SLUG}/edit`, reader: "recruiter" },
    { name: "/roles/:slug/candidates", path: `/roles/${SLUG}/candidates`, reader: "recruiter" },
    { name: "/roles/:slug/compare", path: `/roles/${SLUG}/compare?c=${ranked.map((r) => r.candidate_id).join(",")}`, reader: "recruiter" },
    { name: "/skills", path: "/skills", reader: "recruiter" },
    { name: "/skills/:slug", path: `/skills/${skill.slug}`, reader: "recruiter" },
    { name: "/kits", path: "/kits", reader: "recruiter" },
    { name: "/kits/:id", path: `/kits/${kit.kit_id}`, reader: "recruiter" },
    { name: "/candidates", path: "/candidates", reader: "recruiter" },
    { name: "/candidates/:id", path: `/candidates/${assessed.candidate_id}`, reader: "recruiter" },
    { name: "/assessments (recruiter)", path: "/assessments", reader: "recruiter" },
    { name: "/assessments (interviewer)", path: "/assessments", reader: "interviewer" },
    { name: "/assessments/:id", path: `/assessments/${assessed.id}`, reader: "recruiter" },
    { name: "/assessments/:id/scorecard", path: `/assessments/${scorecard.assessment_id}/scorecard`, reader: "interviewer" },
    { name: "/r/:token", path: `/r/${report.token}`, reader: "anonymous" },
    { name: "/settings/users", path: "/settings/users", reader: "recruiter" },
    { name: "/audit", path: "/audit", reader: "recruiter" },
    { name: "/calibration", path: "/calibration", reader: "recruiter" },
  ];
}

type Audited = {
  performance: number;
  accessibility: number | null;
  bestPractices: number | null;
  lcpMs: number;
  tbtMs: number;
  failing: Result["failing"];
};

async function audit(url: string, port: number, cookie: string | null, config: Config | undefined, everything: boolean): Promise<Audited> {
  const flags: Flags = {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: everything ? ["performance", "accessibility", "best-practices"] : ["performance"],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  };
  const result = await lighthouse(url, flags, config);
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  const score = (id: string) => {
    const value = lhr.categories[id]?.score;
    return typeof value === "number" ? Math.round(value * 100) : null;
  };
  const failing: Result["failing"] = [];
  for (const category of ["accessibility", "best-practices"]) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audited = lhr.audits[ref.id];
      if (!audited || ref.weight === 0 || audited.score === null || audited.score >= 1) continue;
      const details = audited.details;
      const items =
        details && "items" in details && Array.isArray(details.items)
          ? details.items.slice(0, 5).map((item: Record<string, unknown>) => {
              const node = item.node as { snippet?: string } | undefined;
              return String(node?.snippet ?? item.description ?? item.source ?? item.url ?? JSON.stringify(item)).slice(0, 200);
            })
          : [];
      failing.push({ id: ref.id, title: audited.title, items });
    }
  }
  return {
    performance: score("performance") ?? 0,
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    lcpMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? 0,
    tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? 0,
    failing,
  };
}

/** The run with the median performance score, and every run's score. */
function medianRun(runs: Audited[]): Scores & { runs: number[] } {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!middle) throw new Error("No Lighthouse run");
  return { performance: middle.performance, lcpMs: middle.lcpMs, tbtMs: middle.tbtMs, runs: runs.map((r) => r.performance) };
}

function markdown(results: Result[]): string {
  const mark = (value: number, target: number) => (value >= target ? `${value}` : `**${value}**`);
  return [
    `| page | mobile perf (≥ ${TARGETS.mobilePerformance}) | a11y (${TARGETS.accessibility}) | best practices (${TARGETS.bestPractices}) | desktop perf (${TARGETS.desktopPerformance}) | LCP mobile | TBT mobile |`,
    "|---|---:|---:|---:|---:|---:|---:|",
    ...results.map(
      (r) =>
        `| \`${r.name}\` | ${mark(r.mobile.performance, TARGETS.mobilePerformance)} | ${mark(r.accessibility, TARGETS.accessibility)} | ` +
        `${mark(r.bestPractices, TARGETS.bestPractices)} | ${mark(r.desktop.performance, TARGETS.desktopPerformance)} | ` +
        `${(r.mobile.lcpMs / 1000).toFixed(1)} s | ${Math.round(r.mobile.tbtMs)} ms |`,
    ),
  ].join("\n");
}

async function main(): Promise<void> {
  let settings: Settings;
  try {
    settings = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error("Usage: npm run lighthouse [-- --runs 3] [--only /login,/roles]");
    process.exit(2);
  }
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-lighthouse-"));
  const database = path.join(dir, "demo.sqlite");
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let app: ChildProcess | undefined;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    app = await startApp(database, port);
    const { db } = createDb(database);
    let pages: Page[];
    try {
      pages = await mainPages(db);
    } finally {
      await db.destroy();
    }
    if (settings.only) {
      const only = settings.only;
      pages = pages.filter((page) => only.includes(page.name));
    }
    const cookies: Record<Reader, string | null> = {
      anonymous: null,
      recruiter: await signInAsDemo(baseURL, RECRUITER),
      interviewer: await signInAsDemo(baseURL, INTERVIEWER),
    };
    chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-background-networking", "--disable-component-update"],
    });
    const results: Result[] = [];
    for (const page of pages) {
      const url = new URL(page.path, baseURL).href;
      const cookie = cookies[page.reader];
      const mobile: Audited[] = [];
      const desktop: Audited[] = [];
      for (let i = 0; i < settings.runs; i++) {
        mobile.push(await audit(url, chrome.port, cookie, undefined, i === 0));
        desktop.push(await audit(url, chrome.port, cookie, desktopConfig, false));
      }
      const first = mobile[0];
      if (!first) throw new Error("No Lighthouse run");
      const result: Result = {
        name: page.name,
        path: page.path.replace(/\/r\/[^/?]+/, "/r/<token>"),
        reader: page.reader,
        mobile: medianRun(mobile),
        desktop: medianRun(desktop),
        accessibility: first.accessibility ?? 0,
        bestPractices: first.bestPractices ?? 0,
        failing: first.failing,
        met: false,
      };
      result.met =
        result.mobile.performance >= TARGETS.mobilePerformance &&
        result.accessibility >= TARGETS.accessibility &&
        result.bestPractices >= TARGETS.bestPractices &&
        result.desktop.performance >= TARGETS.desktopPerformance;
      results.push(result);
      console.log(
        `  ${page.name.padEnd(30)} mobile ${result.mobile.runs.join("/")}  desktop ${result.desktop.runs.join("/")}  ` +
          `a11y ${result.accessibility}  best practices ${result.bestPractices}` +
          (result.failing.length > 0 ? `  failing: ${result.failing.map((f) => f.id).join(", ")}` : ""),
      );
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(`\n${markdown(results)}\n`);
    const missed = results.filter((r) => !r.met);
    console.log(`Pages meeting every target: ${results.length - missed.length} of ${results.length}. Total time: ${seconds.toFixed(0)} s`);
    for (const r of results)
      for (const f of r.failing)
        console.log(`  ${r.name}: ${f.id} (${f.title})${f.items.length > 0 ? `\n      ${f.items.join("\n      ")}` : ""}`);

    const out = path.join(ROOT, "bench", "lighthouse.json");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, settings, seconds, targets: TARGETS, results, allMet: missed.length === 0 }, null, 2)}\n`,
    );
    console.log(`Wrote ${path.relative(ROOT, out)}`);
  } finally {
    chrome?.kill();
    app?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
