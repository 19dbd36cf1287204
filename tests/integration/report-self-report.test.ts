import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { numberFormats } from "../../app/utils/numbers";
import { questionnaireForAssessment } from "../../app/models/questionnaires.server";
import { facetTexts } from "../../app/models/self-report-texts.server";
import { selfReportTraitScores } from "../../app/domain/self-report";
import { DEMO, request, signIn, startTestServer, type TestServer } from "./support/test-server";

/*
 * Issue 20, point 6, through the production build: the recruiter may include
 * the candidate's submitted self-report when publishing; the candidate's page
 * then shows "Your self-report" (a score per trait, the facets in plain
 * words), frozen in the snapshot like the rest of the report.
 */

let server: TestServer;
let recruiterCookie: string;

/** The demo candidate with a submitted self-report, and one without any. */
const WITH_SELF_REPORT = "Ada Demo-Lovelace";
const WITHOUT = "Alan Demo-Turing";

async function assessmentOf(name: string): Promise<number> {
  const row = await server.db
    .selectFrom("assessments")
    .innerJoin("candidates", "candidates.id", "assessments.candidate_id")
    .select("assessments.id")
    .where("candidates.name", "=", name)
    .executeTakeFirstOrThrow();
  return row.id;
}

function publish(assessmentId: number, form: Record<string, string>): Promise<Response> {
  return request(server.baseURL, `/assessments/${assessmentId}`, { cookie: recruiterCookie, form: { intent: "publish", ...form } });
}

function tokenIn(html: string): string {
  const token = /\/r\/([A-Za-z0-9_-]{43})/.exec(html)?.[1];
  if (!token) throw new Error("No report link on the page");
  return token;
}

/** The self-report's section of the candidate's page, or "" when it has none. */
function selfReportSection(html: string): string {
  return /<section aria-labelledby="report-self-report"[\s\S]*?<\/dl><\/section><\/section>/.exec(html)?.[0] ?? "";
}

async function reportLinks(): Promise<number> {
  const row = await server.db
    .selectFrom("report_links")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  server = await startTestServer();
  recruiterCookie = await signIn(server.baseURL, DEMO.recruiter);
});

afterAll(async () => {
  await server?.close();
});

describe("the self-report in the candidate's report", () => {
  let token: string;
  let published: string;

  it("offers the box only when the candidate has submitted a self-report", async () => {
    const withPage = await (
      await request(server.baseURL, `/assessments/${await assessmentOf(WITH_SELF_REPORT)}`, { cookie: recruiterCookie })
    ).text();
    expect(withPage).toContain('name="includeSelfReport"');
    const withoutPage = await (
      await request(server.baseURL, `/assessments/${await assessmentOf(WITHOUT)}`, { cookie: recruiterCookie })
    ).text();
    expect(withoutPage).toContain('data-testid="report-section"');
    expect(withoutPage).not.toContain('name="includeSelfReport"');
  });

  it("shows the candidate their profile, a score per trait and the facets in plain words, in the report's language", async () => {
    const assessmentId = await assessmentOf(WITH_SELF_REPORT);
    const response = await publish(assessmentId, { language: "es", expiresInDays: "", includeSelfReport: "on" });
    expect(response.status).toBe(200);
    token = tokenIn(await response.text());
    const html = await (await request(server.baseURL, `/r/${token}`)).text();
    published = selfReportSection(html);
    expect(published).toContain("Su autoinforme");
    // The figures are the questionnaire's, as the assessment page computes them, shown with one decimal.
    const questionnaire = await questionnaireForAssessment(server.db, assessmentId, new Date());
    const scores = selfReportTraitScores(questionnaire.scores ?? []);
    const { score } = numberFormats("es");
    const openness = scores.openness?.score;
    if (openness === undefined || openness === null) throw new Error("The demo self-report has no Openness score");
    expect(published).toMatch(new RegExp(`data-trait="openness"><th scope="row">Apertura</th><td>${score(openness)}</td>`));
    // Relational Engagement is not measured by the questionnaire: said so, never 0.
    expect(published).toMatch(/data-trait="relational_engagement"><th scope="row">[^<]+<\/th><td>el cuestionario no lo mide<\/td>/);
    // Every facet of the five measured traits with its Spanish text.
    for (const domain of ["O", "C", "E", "A", "N"] as const) {
      for (let facet = 1; facet <= 6; facet++) expect(published).toContain(facetTexts(domain, facet, "es").text.replaceAll('"', "&quot;"));
    }
    // The answers themselves are not shown: no item id of the questionnaire.
    const answers = await server.db
      .selectFrom("questionnaire_answers")
      .select("item_id")
      .where("assessment_id", "=", assessmentId)
      .execute();
    for (const { item_id } of answers) expect(html).not.toContain(item_id);
    // The choice is kept: the box is ticked the next time.
    const page = await (await request(server.baseURL, `/assessments/${assessmentId}`, { cookie: recruiterCookie })).text();
    expect(page).toMatch(/<input[^>]*name="includeSelfReport"[^>]*checked=""/);
  });

  it("keeps the self-report as published: a later change of the answers does not reach the candidate", async () => {
    const assessmentId = await assessmentOf(WITH_SELF_REPORT);
    // Not possible through the app (submitted answers are frozen): written directly, to prove the snapshot holds.
    await server.db.updateTable("questionnaire_answers").set({ value: 3 }).where("assessment_id", "=", assessmentId).execute();
    const html = await (await request(server.baseURL, `/r/${token}`)).text();
    expect(selfReportSection(html)).toBe(published);
  });

  it("leaves it out when the box is not ticked", async () => {
    const assessmentId = await assessmentOf(WITH_SELF_REPORT);
    const response = await publish(assessmentId, { language: "en", expiresInDays: "", earlier: "keep" });
    expect(response.status).toBe(200);
    const html = await (await request(server.baseURL, `/r/${tokenIn(await response.text())}`)).text();
    expect(html).toContain('data-testid="candidate-report"');
    expect(html).not.toContain('data-testid="report-self-report"');
    const { include_in_report } = await server.db
      .selectFrom("questionnaires")
      .select("include_in_report")
      .where("assessment_id", "=", assessmentId)
      .executeTakeFirstOrThrow();
    expect(include_in_report).toBe(0);
  });

  it("refuses to include a self-report the candidate has not submitted: 409, the reason shown, nothing published", async () => {
    const before = await reportLinks();
    const response = await publish(await assessmentOf(WITHOUT), { language: "en", expiresInDays: "", includeSelfReport: "on" });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('data-testid="report-self-report-error"');
    expect(await reportLinks()).toBe(before);
  });
});
