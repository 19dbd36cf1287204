import fs from "node:fs";
import path from "node:path";
import type { TraitkitDb } from "~db/connection";
import { DEMO_PROPOSALS } from "../../../seeds/demo-proposals";
import { REPO_ROOT } from "./test-server";

/*
 * README.md's "Who may do what" table (between the access-matrix markers),
 * parsed, and the routes app/routes defines. Tests take both from here so the
 * README stays the one source of who may do what.
 */

/**
 * The table's columns after route and method. The two interviewer columns are
 * one account each: "assigned" is on the panel of the assessment a row's
 * `:id` stands for, "not assigned" is not. On routes not tied to an
 * assessment both say the same.
 */
export const ROLES = ["anonymous", "interviewer assigned", "interviewer not assigned", "recruiter", "candidate link"] as const;
export type Role = (typeof ROLES)[number];

/** One table cell: its text, every status code it names, and the redirect target after `→`, if any. */
export type Cell = { text: string; codes: number[]; location: string | null };
export type MatrixRow = { route: string; method: string; cells: Record<Role, Cell> };

const START = "<!-- access-matrix:start -->";
const END = "<!-- access-matrix:end -->";

function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((cell) => cell.trim().replaceAll("`", ""));
}

function parseCell(text: string, first: Cell | undefined): Cell {
  if (text === "same") {
    if (!first) throw new Error(`"same" in the first role column`);
    return first;
  }
  const codes = [...text.matchAll(/\b([1-5]\d\d)\b/g)].map((m) => Number(m[1]));
  if (codes.length === 0) throw new Error(`No status code in access-table cell "${text}"`);
  const location = /→\s*(\/[^\s(),]*)/.exec(text)?.[1] ?? null;
  return { text, codes, location };
}

export function parseMatrix(readme: string): MatrixRow[] {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error("README.md has no access-matrix markers");
  const lines = readme
    .slice(start + START.length, end)
    .split("\n")
    .filter((line) => line.trim().startsWith("|"));
  const [header, separator, ...body] = lines;
  if (!header || !separator) throw new Error("The access table has no header");
  const columns = tableCells(header);
  if (JSON.stringify(columns) !== JSON.stringify(["route", "method", ...ROLES])) {
    throw new Error(`Unexpected access-table columns: ${columns.join(", ")}`);
  }
  return body.map((line) => {
    const [route, method, ...texts] = tableCells(line);
    if (!route || !method || texts.length !== ROLES.length) throw new Error(`Bad access-table row: ${line}`);
    const parsed: Cell[] = [];
    for (const text of texts) parsed.push(parseCell(text, parsed[0]));
    const cells = Object.fromEntries(
      ROLES.map((role, i) => {
        const cell = parsed[i];
        if (!cell) throw new Error(`Bad access-table row: ${line}`);
        return [role, cell];
      }),
    ) as Record<Role, Cell>;
    return { route, method: method.toUpperCase(), cells };
  });
}

export function readMatrix(): MatrixRow[] {
  return parseMatrix(fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8"));
}

/** Remix flat-route file names to URL patterns: `roles.$slug` → `/roles/:slug`, `_index` → `/`. */
export function routePattern(fileName: string): string {
  const segments = fileName
    .split(/\.(?![^[]*\])/) // a dot inside brackets (`ranking[.]csv`) is part of the segment
    .map((segment) => segment.replace(/\[([^\]]*)\]/g, "$1"))
    .filter((segment) => segment !== "_index" && segment !== "route" && !/^_[^_]/.test(segment))
    .map((segment) => segment.replace(/_$/, ""))
    .map((segment) => (segment === "$" ? "*" : segment.startsWith("$") ? `:${segment.slice(1)}` : segment));
  return `/${segments.join("/")}`;
}

export type RouteFile = { file: string; pattern: string; hasAction: boolean };

/** Every route module in app/routes (flat files and folders with a route.tsx). */
export function routeFiles(): RouteFile[] {
  const dir = path.join(REPO_ROOT, "app", "routes");
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry): RouteFile[] => {
    let file: string;
    let name: string;
    if (entry.isDirectory()) {
      const inner = ["route.tsx", "route.ts"].find((f) => fs.existsSync(path.join(dir, entry.name, f)));
      if (!inner) return [];
      file = path.join(entry.name, inner);
      name = entry.name;
    } else if (/\.(tsx|ts)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      file = entry.name;
      name = entry.name.replace(/\.(tsx|ts)$/, "");
    } else {
      return [];
    }
    const source = fs.readFileSync(path.join(dir, file), "utf8");
    const hasAction = /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(source);
    return [{ file, pattern: routePattern(name), hasAction }];
  });
}

/**
 * A concrete URL path for a table route: the demo's MLOps Engineer role, MLflow
 * skill profile, first kit and first candidate; for `/assessments/:id`, the
 * assessment given, else the demo's blind case; for `/proposals/:id`, the
 * demo's open band proposal on MLOps Engineer (interviewer1's, with comments
 * by interviewer2 and interviewer3).
 */
export async function concretePath(db: TraitkitDb, route: string, options: { assessmentId?: number } = {}): Promise<string> {
  if (route === "/*") return "/no-such-page/here";
  let concrete = route.replace("/roles/:slug", "/roles/mlops-engineer").replace("/skills/:slug", "/skills/mlflow");
  // Only ML Engineer has a skills matrix in the demo: the grade calculator of any other role is a 404.
  if (route === "/roles/:slug/level") concrete = "/roles/ml-engineer/level";
  if (concrete === "/roles/mlops-engineer/compare") {
    // Two candidates with a result for the role, chosen now (others may have been erased).
    const assessed = await db
      .selectFrom("assessment_results")
      .innerJoin("assessments", "assessments.id", "assessment_results.assessment_id")
      .select("assessments.candidate_id")
      .distinct()
      .where("assessment_results.role_slug", "=", "mlops-engineer")
      .orderBy("assessments.candidate_id")
      .limit(2)
      .execute();
    if (assessed.length < 2) throw new Error("The demo data has fewer than two assessed candidates for /roles/:slug/compare");
    concrete = `${concrete}?c=${assessed.map((a) => a.candidate_id).join(",")}`;
  }
  if (concrete.includes("/kits/:id")) {
    const kit = await db.selectFrom("kits").select("id").orderBy("id").executeTakeFirst();
    if (!kit) throw new Error("The demo data has no kit for /kits/:id");
    concrete = concrete.replace("/kits/:id", `/kits/${kit.id}`);
  }
  if (concrete.includes("/candidates/:id")) {
    const candidate = await db.selectFrom("candidates").select("id").orderBy("id").executeTakeFirst();
    if (!candidate) throw new Error("The demo data has no candidate for /candidates/:id");
    concrete = concrete.replace("/candidates/:id", `/candidates/${candidate.id}`);
  }
  if (concrete.includes("/proposals/:id")) {
    const proposal = await db.selectFrom("proposals").select("id").where("title", "=", DEMO_PROPOSALS.band).executeTakeFirst();
    if (!proposal) throw new Error("The demo data has no band proposal for /proposals/:id");
    concrete = concrete.replace("/proposals/:id", `/proposals/${proposal.id}`);
  }
  if (concrete.includes("/assessments/:id") && options.assessmentId !== undefined) {
    concrete = concrete.replace("/assessments/:id", `/assessments/${options.assessmentId}`);
  }
  if (concrete.includes("/assessments/:id")) {
    // The demo's blind case: interviewer1 is on the panel and has not started; the recruiter is not on it.
    const assessment = await db
      .selectFrom("assessments")
      .innerJoin("candidates", "candidates.id", "assessments.candidate_id")
      .select("assessments.id")
      .where("candidates.name", "=", "Barbara Demo-Liskov")
      .executeTakeFirst();
    if (!assessment) throw new Error("The demo data has no blind-case assessment for /assessments/:id");
    concrete = concrete.replace("/assessments/:id", `/assessments/${assessment.id}`);
  }
  return concrete;
}

/** `/roles/:slug` as a regular expression for a concrete path. */
export function pathPattern(pattern: string): RegExp {
  const escaped = pattern
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${escaped}$`);
}
