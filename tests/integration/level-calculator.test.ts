import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mlEngineer from "../../seeds/roles/ml-engineer.json";
import { LEVELS, type Level } from "../../app/domain/levels";
import { DEMO, locationPath, request, signIn, startTestServer, type TestServer } from "./support/test-server";

/*
 * The grade calculator over HTTP with the production build: who may open it,
 * which roles have one, the estimate read from the page's address, and a bad
 * answer in the address answered 400 beside its skill, never a 500.
 */

const PAGE = "/roles/ml-engineer/level";

let server: TestServer;
let interviewer: string;
let recruiter: string;

const matrixSkills = mlEngineer.skillsMatrix.groups.flatMap((group) => group.skills);

/** The levels a skill of the demo's matrix is expected at (a "—" cell is not). */
function expectedAt(skill: (typeof matrixSkills)[number]): Level[] {
  const codes: Partial<Record<Level, string>> = skill.codes;
  return LEVELS.filter((level) => codes[level] !== undefined && codes[level] !== "—");
}

/** The address of answers: every skill at the highest level it is expected at up to `upTo`, but for `except`. */
function answers(upTo: Level, except: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const skill of matrixSkills) {
    const reachable = expectedAt(skill).filter((level) => LEVELS.indexOf(level) <= LEVELS.indexOf(upTo));
    params.set(`met.${skill.slug}`, except[skill.slug] ?? reachable.at(-1) ?? "none");
  }
  return `${PAGE}?${params.toString()}`;
}

async function page(path: string, cookie = interviewer, language = "en"): Promise<{ status: number; html: string }> {
  const response = await request(server.baseURL, path, { cookie, headers: { "Accept-Language": language } });
  return { status: response.status, html: await response.text() };
}

/** The text of the estimate's section and of the recommendations' list, tags left out. */
function textOf(html: string, testId: string): string {
  const start = html.indexOf(`data-testid="${testId}"`);
  if (start < 0) return "";
  return html
    .slice(start, html.indexOf("</section>", start))
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

beforeAll(async () => {
  server = await startTestServer();
  interviewer = await signIn(server.baseURL, DEMO.interviewer1);
  recruiter = await signIn(server.baseURL, DEMO.recruiter);
});

afterAll(async () => {
  await server?.close();
});

describe("GET /roles/:slug/level", () => {
  it("sends a signed-out visitor to sign in (303)", async () => {
    const response = await request(server.baseURL, PAGE);
    expect(response.status).toBe(303);
    expect(locationPath(response)).toBe("/login");
  });

  it("asks ML Engineer's matrix skill by skill, grouped as the matrix, MLflow marked mandatory, before estimating anything", async () => {
    for (const cookie of [interviewer, recruiter]) {
      const { status, html } = await page(PAGE, cookie);
      expect(status).toBe(200);
      expect(html).toContain("<title>ML Engineer · Grade calculator · Traitkit</title>");
      expect(html).toContain("your level is the highest level that counts with every level below it.");
      expect(html.match(/<fieldset/g)).toHaveLength(mlEngineer.skillsMatrix.groups.length);
      expect(html.match(/<select id="met-/g)).toHaveLength(matrixSkills.length);
      expect(html).toContain("<legend>Machine Learning &amp; AI</legend>");
      expect(html).toContain("mandatory at Junior, Mid, Senior, Lead, and Principal");
      expect(html).not.toContain('data-testid="level-estimate"');
    }
    // Structured Logging's matrix reads W, A, E, —, —: Lead and Principal are no choice.
    const { html } = await page(PAGE);
    const select = html.slice(
      html.indexOf('name="met.structured-logging"'),
      html.indexOf("</select>", html.indexOf('name="met.structured-logging"')),
    );
    expect(select).toContain('value="senior"');
    expect(select).not.toContain('value="lead"');
  });

  it("estimates from the address: every skill met up to Senior is Senior, and Lead's recommendations start with mandatory MLflow", async () => {
    const { status, html } = await page(answers("senior"));
    expect(status).toBe(200);
    expect(textOf(html, "level-estimate")).toContain("Your level: Senior");
    const recommendations = textOf(html, "level-recommendations");
    expect(recommendations).toContain("To reach Lead");
    expect(recommendations).toContain("Every skill mandatory at Lead is needed");
    const first = html.indexOf("<li", html.indexOf('data-testid="level-missing"'));
    expect(html.slice(first, html.indexOf("</li>", first))).toMatch(/data-skill="mlflow".*Mandatory/s);
    // The chart drawn on the server, and its numbers in a table.
    expect(html).toMatch(/data-testid="level-met-chart"[^]*<svg[^>]*recharts-surface/);
    expect(html).toMatch(/<tr data-level="senior"><th scope="row">Senior<\/th><td class="num">\d+<\/td>/);
  });

  it("stays below Junior while a mandatory skill is not yet met, however many others are", async () => {
    const { html } = await page(answers("principal", { mlflow: "none" }));
    expect(textOf(html, "level-estimate")).toContain("Your level: Below Junior");
    const recommendations = textOf(html, "level-recommendations");
    expect(recommendations).toContain("To reach Junior");
    expect(recommendations).toContain("MLflow Mandatory");
  });

  it("reads Principal as the end of the path", async () => {
    const { html } = await page(answers("principal"));
    expect(textOf(html, "level-estimate")).toContain("Your level: Principal");
    expect(textOf(html, "level-recommendations")).toContain("there is no next level");
  });

  it("answers 400 with the message beside the skill for a value that is not one of its levels, and estimates nothing", async () => {
    for (const bad of ["expert", "lead", ""]) {
      const { status, html } = await page(answers("senior", { "structured-logging": bad }));
      expect(status).toBe(400);
      expect(html).toContain('id="met-structured-logging-error"');
      expect(html).toContain("This is not one of the levels listed for this skill.");
      expect(html).toMatch(/aria-invalid="true"[^>]*aria-describedby="met-structured-logging-next met-structured-logging-error"/);
      expect(html).not.toContain('data-testid="level-estimate"');
    }
  });

  it("ignores an answer for a skill the matrix does not have", async () => {
    const { status, html } = await page(`${answers("mid")}&met.no-such-skill=lead`);
    expect(status).toBe(200);
    expect(textOf(html, "level-estimate")).toContain("Your level: Mid");
  });

  it("is a 404 for a role without a skills matrix and for an unknown role", async () => {
    expect((await page("/roles/mlops-engineer/level")).status).toBe(404);
    expect((await page("/roles/no-such-role/level")).status).toBe(404);
  });

  it("reads in Chinese for a Chinese browser, level names included", async () => {
    const { status, html } = await page(answers("senior"), interviewer, "zh-CN");
    expect(status).toBe(200);
    expect(html).toContain("<title>ML Engineer · 级别计算器 · Traitkit</title>");
    expect(textOf(html, "level-estimate")).toContain("您的级别：高级");
    expect(textOf(html, "level-recommendations")).toContain("达到主管");
  });
});
