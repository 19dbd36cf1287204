import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { UPSTREAMS_PATH, type UpstreamCounts } from "../../../app/cli/round-robin-proxy";
import { DEMO_ACCOUNTS } from "../../../seeds/demo-accounts";
import { DEMO_KIT } from "../../../seeds/demo-kits";
import { expectAccessible, hydrated, useBrowser, usePages } from "../browser";
import { rate, ratingGroups, recommendationGroup } from "../scorecard-form";

/*
 * Issue 24's browser test: the app on PostgreSQL through two app servers behind
 * a round-robin proxy (tests/e2e/postgres/global-setup.ts). Every request goes
 * to the other server than the one before, so each user's pages, `.data`
 * requests and form posts are split between them: a recruiter adds a candidate
 * and puts both demo interviewers on an assessment, the two fill in and submit
 * their scorecards at the same time in their own browsers, and the recruiter
 * reads the panel and records the decision. A session made on one server must
 * hold on the other (nobody is sent back to /login), and both servers must
 * have done a fair share of the work.
 */

const RECRUITER = "recruiter@demo.traitkit.test";
const INTERVIEWERS = ["interviewer1@demo.traitkit.test", "interviewer2@demo.traitkit.test"] as const;

function demoName(email: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`${email} is not a demo account`);
  return account.name;
}

async function upstreamCounts(baseURL: string): Promise<UpstreamCounts> {
  const response = await fetch(new URL(UPSTREAMS_PATH, baseURL));
  expect(response.status).toBe(200);
  return (await response.json()) as UpstreamCounts;
}

/** Every request a context made to the sign-in page after its user signed in: a session another server did not know. */
function watchForSignIn(context: BrowserContext): string[] {
  const bounced: string[] = [];
  context.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === "/login" || pathname === "/login.data") bounced.push(`${request.method()} ${request.url()}`);
  });
  return bounced;
}

/** Picks the demo kit in the picker, whose options name each kit with its version. */
async function chooseDemoKit(page: Page): Promise<void> {
  const select = page.getByLabel("Interview kit");
  const labels = await select.locator("option").allTextContents();
  const label = labels.find((text) => text.startsWith(`${DEMO_KIT.name} (v`));
  if (!label) throw new Error(`No "${DEMO_KIT.name}" among the kits: ${labels.join(", ")}`);
  await select.selectOption({ label });
}

/** From their list of assessments, an interviewer opens the candidate's, then their scorecard; rates every group and submits "Yes". */
async function fillAndSubmit(page: Page, candidate: string, rating: number): Promise<void> {
  await page.getByRole("heading", { level: 1, name: "My assessments" }).waitFor();
  await hydrated(page);
  await expectAccessible(page);
  await page.getByTestId("assessment-list").getByRole("link", { name: candidate, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: `Assessment of ${candidate}` }).waitFor();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Open my scorecard" }).click();
  await page.getByRole("heading", { level: 1, name: `Scorecard: ${candidate}` }).waitFor();
  await hydrated(page);
  await expectAccessible(page);
  const groups = await ratingGroups(page);
  expect(groups.length).toBeGreaterThan(0);
  for (const group of groups) await rate(page, { ...group, rating });
  await recommendationGroup(page).getByText("Yes", { exact: true }).click();
  await page.getByRole("button", { name: "Submit scorecard" }).click();
  await page.getByTestId("panel").waitFor();
  await expectAccessible(page);
}

describe("two app servers on one PostgreSQL database, behind a round-robin proxy", () => {
  const { browser, baseURL } = useBrowser();
  const { signedInPage } = usePages(browser, baseURL);

  it("a recruiter and two interviewers work a whole assessment while their requests alternate between the servers", async () => {
    const before = await upstreamCounts(baseURL);
    const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
    const candidate = `Morgan Tester-${stamp}`;

    // The recruiter adds the candidate and the assessment with both interviewers on its panel.
    const recruiter = await signedInPage(RECRUITER);
    const recruiterBounced = watchForSignIn(recruiter.context());
    await expectAccessible(recruiter);
    await recruiter.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Candidates" }).click();
    await recruiter.getByRole("heading", { level: 1, name: "Candidates" }).waitFor();
    await expectAccessible(recruiter);
    await recruiter.getByRole("link", { name: "Add a candidate" }).click();
    await recruiter.getByRole("heading", { level: 1, name: "Add a candidate" }).waitFor();
    await hydrated(recruiter);
    await expectAccessible(recruiter);
    await recruiter.getByLabel("Name", { exact: true }).fill(candidate);
    await recruiter.getByLabel("Email", { exact: true }).fill(`morgan.${stamp}@example.com`);
    await recruiter.getByLabel("Role applied for").selectOption({ label: "MLOps Engineer" });
    await recruiter.getByLabel("Source").fill("Referral");
    await recruiter.getByRole("button", { name: "Add candidate" }).click();
    await recruiter.waitForURL(/\/candidates\/\d+$/);
    await recruiter.getByRole("heading", { level: 1, name: candidate }).waitFor();
    await recruiter.getByRole("status").getByText("Candidate added.").waitFor();
    await hydrated(recruiter);
    await expectAccessible(recruiter);
    await chooseDemoKit(recruiter);
    for (const email of INTERVIEWERS) await recruiter.getByRole("group", { name: "Interviewers" }).getByLabel(demoName(email)).check();
    await recruiter.getByRole("button", { name: "Create assessment" }).click();
    await recruiter.waitForURL(/\/assessments\/\d+$/);
    const assessmentPath = new URL(recruiter.url()).pathname;
    await recruiter.getByRole("heading", { level: 1, name: `Assessment of ${candidate}` }).waitFor();
    await expectAccessible(recruiter);

    // Both interviewers at once, each in a browser of their own: their posts race on the same assessment.
    const interviewers = await Promise.all(INTERVIEWERS.map((email) => signedInPage(email)));
    const interviewersBounced = interviewers.map((page) => watchForSignIn(page.context()));
    await Promise.all(interviewers.map((page, index) => fillAndSubmit(page, candidate, 3 + index)));

    // The recruiter finds the assessment in the list, reads both scorecards in the panel and decides.
    await recruiter.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Assessments" }).click();
    await recruiter.getByRole("heading", { level: 1, name: "Assessments" }).waitFor();
    await hydrated(recruiter);
    await expectAccessible(recruiter);
    await recruiter.getByTestId("assessment-list").getByRole("link", { name: candidate, exact: true }).click();
    await recruiter.waitForURL((url) => url.pathname === assessmentPath);
    await recruiter.getByTestId("panel").waitFor();
    await hydrated(recruiter);
    await expect(recruiter.getByTestId("recommendations").locator("li").allTextContents()).resolves.toEqual([
      "Strong no: 0",
      "No: 0",
      "Yes: 2",
      "Strong yes: 0",
    ]);
    await recruiter.getByText("Ratings behind the scores", { exact: true }).click();
    const ratings = recruiter.getByTestId("ratings-table");
    await ratings.waitFor();
    const columns = (await ratings.locator("thead th").allTextContents()).map((text) => text.trim());
    expect(columns.slice(2).sort()).toEqual(INTERVIEWERS.map(demoName).sort());
    // Each column holds its interviewer's one rating (3 and 4): nothing of one scorecard landed in the other.
    const cells = await ratings
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("td")].slice(2).map((cell) => (cell.textContent ?? "").trim())));
    expect(cells.length).toBeGreaterThan(0);
    const expected = columns.slice(2).map((name) => String(3 + INTERVIEWERS.findIndex((email) => demoName(email) === name)));
    for (const row of cells) expect(row).toEqual(expected);
    await recruiter.getByText("No decision yet.").waitFor();
    await expectAccessible(recruiter);

    const why = "Both interviewers saw steady evidence on every trait; advance to the final round.";
    await recruiter.getByRole("group", { name: "Decision", exact: true }).getByText("Advance", { exact: true }).click();
    await recruiter.getByLabel("Reason", { exact: true }).fill(why);
    await recruiter.getByRole("button", { name: "Record decision" }).click();
    const decision = recruiter.getByTestId("decisions").locator("li").filter({ hasText: why });
    await decision.waitFor();
    await expect(decision.textContent()).resolves.toMatch(new RegExp(`^Advance by ${demoName(RECRUITER).replace(/[()]/g, "\\$&")}, `));
    await expect(recruiter.getByText("No decision yet.").count()).resolves.toBe(0);
    await expectAccessible(recruiter);

    // Read again, on whichever server answers next: the decision and both scorecards are in the database, not in a process.
    await recruiter.reload();
    await decision.waitFor();
    await expect(recruiter.getByTestId("recommendations").getByText("Yes: 2", { exact: true }).count()).resolves.toBe(1);
    await expectAccessible(recruiter);

    // Signed in once each, never sent back to the sign-in page by the other server.
    expect(recruiterBounced).toEqual([]);
    expect(interviewersBounced).toEqual([[], []]);

    const after = await upstreamCounts(baseURL);
    expect(after.failed).toBe(before.failed);
    const served = after.requests.map((count, index) => count - (before.requests[index] ?? 0));
    expect(served).toHaveLength(2);
    const total = served.reduce((sum, count) => sum + count, 0);
    // A whole journey is hundreds of requests (pages, .data, assets, posts); each server must have taken a real share.
    expect(total).toBeGreaterThan(100);
    for (const count of served) expect(count / total, `requests per server: ${served.join(", ")}`).toBeGreaterThan(0.25);
  });
});
