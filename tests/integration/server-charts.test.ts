import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishReport } from "../../app/models/report.server";
import { readRoleFile } from "../../app/models/role-export.server";
import { roleToFormValues } from "../../app/schemas/role-form";
import { DEMO, REPO_ROOT, formFields, request, signIn, startTestServer, userId, type TestServer } from "./support/test-server";

/*
 * Issue #18: every read-only chart reaches the browser as the server's SVG, in
 * the page's raw HTML (what a browser without JavaScript shows), for the users
 * who may see it; and the pages that only show charts load no Recharts code.
 */

let server: TestServer;
let recruiter: string;
let interviewer1: string;

/** Alan has two submitted scorecards; interviewer 1 has not started Barbara's (the blind case). */
async function assessmentOf(candidate: string): Promise<number> {
  const row = await server.db
    .selectFrom("assessments")
    .innerJoin("candidates", "candidates.id", "assessments.candidate_id")
    .select("assessments.id")
    .where("candidates.name", "=", candidate)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function candidateId(name: string): Promise<number> {
  const row = await server.db.selectFrom("candidates").select("id").where("name", "=", name).executeTakeFirstOrThrow();
  return row.id;
}

async function page(pathname: string, cookie?: string): Promise<string> {
  const response = await request(server.baseURL, pathname, { cookie });
  expect(response.status, pathname).toBe(200);
  return response.text();
}

type Drawings = { wide: string; narrow: string };

/** The server's wide and narrow SVG of the chart marked `testId`, as the page's HTML carries them; undefined when it has none. */
function drawingsIn(html: string, testId: string): Drawings | undefined {
  const drawing = (size: string) =>
    `<div class="chart-drawing chart-${size}"><div class="recharts-wrapper"[^>]*>(<svg\\b[\\s\\S]*?</svg>)</div></div>`;
  const match = new RegExp(`data-testid="${testId}">${drawing("wide")}${drawing("narrow")}`).exec(html);
  return match?.[1] && match[2] ? { wide: match[1], narrow: match[2] } : undefined;
}

/** How often a piece of markup occurs. */
function count(markup: string, piece: string): number {
  return markup.split(piece).length - 1;
}

/** How many bars (Recharts' rectangles) of a colour an SVG draws. */
function bars(svg: string, fill: string): number {
  return [...svg.matchAll(/<path\b[^>]*class="recharts-rectangle"[^>]*>/g)].filter(([tag]) => tag.includes(` fill="${fill}"`)).length;
}

/** A table of the page's HTML, by its test id. */
function table(html: string, testId: string): string {
  return new RegExp(`data-testid="${testId}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? "";
}

/** Each drawing is an SVG that scales by its viewBox, at the wide and the narrow size, named for assistive technology. */
function expectScalableSvgs(drawings: Drawings | undefined, name: string): Drawings {
  expect(drawings, name).toBeDefined();
  const { wide, narrow } = drawings ?? { wide: "", narrow: "" };
  for (const [svg, width] of [
    [wide, 1040],
    [narrow, 360],
  ] as const) {
    const tag = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
    expect(tag, name).toMatch(new RegExp(` viewBox="0 0 ${width} \\d+"`));
    expect(tag, name).toMatch(/ role="img"/);
    expect(tag, name).toMatch(/ aria-label="[^"]+"/);
  }
  return { wide, narrow };
}

beforeAll(async () => {
  server = await startTestServer();
  recruiter = await signIn(server.baseURL, DEMO.recruiter);
  interviewer1 = await signIn(server.baseURL, DEMO.interviewer1);
});

afterAll(async () => {
  await server?.close();
});

describe("charts in the raw HTML", () => {
  it("draws the role page's ideal profile, a bar per trait, for a recruiter; an interviewer who has not scored gets no bands", async () => {
    const drawings = expectScalableSvgs(drawingsIn(await page("/roles/mlops-engineer", recruiter), "ideal-profile-chart"), "role page");
    for (const svg of [drawings.wide, drawings.narrow]) {
      expect(bars(svg, "#2563eb")).toBe(6);
      expect(svg).toContain(">Conscientiousness<");
    }
    const blind = await page("/roles/mlops-engineer", interviewer1);
    expect(blind).toContain('data-testid="bands-hidden"');
    expect(blind).not.toContain("<svg role=");
  });

  it("draws the role form's chart of the saved bands, and an empty scale for a new role", async () => {
    const edit = expectScalableSvgs(drawingsIn(await page("/roles/mlops-engineer/edit", recruiter), "ideal-profile-chart"), "edit form");
    expect(bars(edit.wide, "#2563eb")).toBe(6);
    const blank = expectScalableSvgs(drawingsIn(await page("/roles/new", recruiter), "ideal-profile-chart"), "new role form");
    expect(blank.wide).toContain("recharts-cartesian-grid");
  });

  it("draws a refused role form's chart of the bands as posted, not as saved", async () => {
    const role = await readRoleFile(server.db, "mlops-engineer");
    if (!role) throw new Error("the demo has the MLOps Engineer role");
    const values = roleToFormValues(role);
    values.idealProfile.openness.low = "31";
    values.name = "";
    const response = await request(server.baseURL, "/roles/mlops-engineer/edit", { cookie: recruiter, form: formFields(values) });
    expect(response.status).toBe(400);
    const drawings = expectScalableSvgs(drawingsIn(await response.text(), "ideal-profile-chart"), "refused form");
    for (const svg of [drawings.wide, drawings.narrow]) {
      // Openness as posted (31–85), not as saved (65–85).
      expect(svg).toMatch(/<text [^>]*name="Openness"[^>]*><tspan[^>]*>31–85</);
    }
  });

  it("draws the comparison's radar: the band and one line per candidate", async () => {
    const ids = await Promise.all(["Ada Demo-Lovelace", "Grace Demo-Hopper", "Alan Demo-Turing"].map(candidateId));
    const html = await page(`/roles/mlops-engineer/compare?c=${ids.join(",")}`, recruiter);
    const drawings = expectScalableSvgs(drawingsIn(html, "trait-radar-chart"), "comparison");
    for (const svg of [drawings.wide, drawings.narrow]) {
      expect(svg).toContain('class="recharts-polygon"');
      for (const stroke of ["#b45309", "#6d28d9", "#047857"])
        expect(svg).toMatch(new RegExp(`<path d="M[^"]+" fill="none" stroke="${stroke}"`));
    }
  });

  it("draws the assessment's radar, per-trait and transition charts for the recruiter, and none for an interviewer before they submit", async () => {
    const html = await page(`/assessments/${await assessmentOf("Alan Demo-Turing")}`, recruiter);
    const radar = expectScalableSvgs(drawingsIn(html, "trait-radar-chart"), "assessment radar");
    expect(radar.wide).toMatch(/<path d="M[^"]+" fill="none" stroke="#b45309"/);
    const band = expectScalableSvgs(drawingsIn(html, "trait-band-chart"), "assessment bands");
    // A band bar per trait, and a dark mark per assessed trait (Alan's extraversion is not assessed), as the table says.
    const traits = table(html, "trait-band-table");
    const assessed = count(traits, "<tr data-trait=") - count(traits, ">not assessed<");
    expect(assessed).toBe(5);
    for (const svg of [band.wide, band.narrow]) {
      expect(bars(svg, "#bfdbfe")).toBe(6);
      expect(bars(svg, "#1f2933")).toBe(assessed);
    }
    // The published fit of each transition, and the candidate's own.
    const transitions = expectScalableSvgs(drawingsIn(html, "transition-fit-chart"), "assessment transitions");
    const targets = count(table(html, "transition-table"), '<th scope="row">');
    expect(targets).toBeGreaterThan(0);
    for (const svg of [transitions.wide, transitions.narrow]) {
      expect(bars(svg, "#94a3b8")).toBe(targets);
      expect(bars(svg, "#b45309")).toBe(targets);
    }

    const blind = await page(`/assessments/${await assessmentOf("Barbara Demo-Liskov")}`, interviewer1);
    expect(blind).not.toContain('data-testid="fit-charts"');
    expect(blind).not.toContain("<svg role=");
  });

  it("draws the candidate's report from its snapshot: a later change of the role's transitions changes the assessment page, not the report", async () => {
    const assessmentId = await assessmentOf("Alan Demo-Turing");
    const published = await publishReport(
      server.db,
      { assessmentId, language: "en", expiresAt: null, actorId: await userId(server.db, DEMO.recruiter) },
      new Date(),
    );
    if (!published.ok) throw new Error("Alan's assessment has no submitted scorecard");
    const reportPath = `/r/${published.token}`;
    const before = await page(reportPath);
    const charts = ["trait-radar-chart", "trait-band-chart", "transition-fit-chart"].map((id) =>
      expectScalableSvgs(drawingsIn(before, id), `report ${id}`),
    );

    const role = await server.db.selectFrom("roles").select("id").where("slug", "=", "mlops-engineer").executeTakeFirstOrThrow();
    await server.db.updateTable("transitions").set({ target_name: "Renamed Target Role" }).where("role_id", "=", role.id).execute();

    const live = drawingsIn(await page(`/assessments/${assessmentId}`, recruiter), "transition-fit-chart");
    expect(live?.wide).toContain(">Renamed Target Role<");
    const after = await page(reportPath);
    expect(["trait-radar-chart", "trait-band-chart", "transition-fit-chart"].map((id) => drawingsIn(after, id))).toEqual(charts);
    expect(after).not.toContain("Renamed Target Role");
  });
});

describe("each drawing once in a document", () => {
  /** What the document's scripts hold: the hydration data (window.__remixContext and its turbo-stream) among them. */
  function scriptsOf(html: string): string {
    return [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map(([, body]) => body).join("\n");
  }

  /** The chart pages, with how many charts each draws (a wide and a narrow drawing apiece). */
  async function chartPages(): Promise<{ path: string; cookie?: string; charts: number }[]> {
    const assessmentId = await assessmentOf("Alan Demo-Turing");
    const published = await publishReport(
      server.db,
      { assessmentId, language: "es", expiresAt: null, actorId: await userId(server.db, DEMO.recruiter) },
      new Date(),
    );
    if (!published.ok) throw new Error("Alan's assessment has no submitted scorecard");
    const ids = await Promise.all(["Ada Demo-Lovelace", "Grace Demo-Hopper"].map(candidateId));
    return [
      // The ideal profile and the success case's profile beside it.
      { path: "/roles/mlops-engineer", cookie: recruiter, charts: 2 },
      { path: `/roles/mlops-engineer/compare?c=${ids.join(",")}`, cookie: recruiter, charts: 1 },
      { path: `/assessments/${assessmentId}`, cookie: recruiter, charts: 3 },
      { path: `/r/${published.token}`, charts: 3 },
      { path: "/roles/mlops-engineer/edit", cookie: recruiter, charts: 1 },
      { path: "/roles/new", cookie: recruiter, charts: 1 },
    ];
  }

  it("carries each drawing in its markup and not in its hydration data; a .data request, with no markup, carries the drawings", async () => {
    for (const { path: pathname, cookie, charts } of await chartPages()) {
      const html = await page(pathname, cookie);
      expect(count(html, '<div class="recharts-wrapper"'), pathname).toBe(2 * charts);
      const scripts = scriptsOf(html);
      expect(scripts, pathname).toContain("drawingId");
      expect(scripts, pathname).not.toContain("recharts");

      const url = new URL(pathname, server.baseURL);
      const response = await request(server.baseURL, `${url.pathname}.data${url.search}`, { cookie });
      expect(response.status, `${pathname}.data`).toBe(200);
      const body = await response.text();
      expect(count(body, 'class=\\"recharts-wrapper\\"'), `${pathname}.data`).toBe(2 * charts);
      expect(body, `${pathname}.data`).not.toContain("drawingId");
    }
  });

  it("carries a refused role form's drawing of the posted bands once, in its markup, when it is posted without JavaScript", async () => {
    const role = await readRoleFile(server.db, "mlops-engineer");
    if (!role) throw new Error("the demo has the MLOps Engineer role");
    const values = roleToFormValues(role);
    values.idealProfile.openness.low = "33";
    values.name = "";
    const response = await request(server.baseURL, "/roles/mlops-engineer/edit", { cookie: recruiter, form: formFields(values) });
    expect(response.status).toBe(400);
    const html = await response.text();
    // The loader's drawing of the saved bands is held too, but only the action's (the posted bands) is shown.
    expect(count(html, '<div class="recharts-wrapper"')).toBe(2);
    expect(html).toMatch(/<text [^>]*name="Openness"[^>]*><tspan[^>]*>33–85</);
    expect(scriptsOf(html)).not.toContain("recharts");
  });
});

describe("the browser's JavaScript", () => {
  /** The files a page's document loads (entry, root and route chain, and their static imports), by the build's manifest. */
  async function pageFiles(routeId: string): Promise<string[]> {
    const build = (await import(pathToFileURL(path.join(REPO_ROOT, "build", "server", "index.js")).href)) as ServerBuild;
    const { assets } = build;
    const files = new Set<string>([assets.entry.module, ...assets.entry.imports]);
    for (let route = assets.routes[routeId]; route; route = route.parentId ? assets.routes[route.parentId] : undefined) {
      files.add(route.module);
      for (const file of route.imports ?? []) files.add(file);
    }
    return [...files];
  }

  const clientFile = (file: string) => fs.readFileSync(path.join(REPO_ROOT, "build", "client", file), "utf8");
  // Recharts names every element it draws "recharts-…": a file without the word holds none of its code.
  const holdsRecharts = (file: string) => clientFile(file).includes("recharts");

  it("holds no Recharts code on the chart pages, the role form's included: its live chart loads Recharts later, in a file of its own", async () => {
    for (const routeId of [
      "routes/roles.$slug",
      "routes/roles.$slug_.compare",
      "routes/r.$token",
      "routes/assessments.$id",
      "routes/roles.new",
      "routes/roles.$slug_.edit",
    ]) {
      const files = await pageFiles(routeId);
      expect(files.length, routeId).toBeGreaterThan(2);
      expect(files.filter(holdsRecharts), routeId).toEqual([]);
    }
    const assets = fs.readdirSync(path.join(REPO_ROOT, "build", "client", "assets")).filter((file) => file.endsWith(".js"));
    expect(assets.filter((file) => holdsRecharts(`/assets/${file}`)).map((file) => file.replace(/-[\w-]+\.js$/, ""))).toEqual([
      "TypedBandsDrawing",
    ]);
  });
});
