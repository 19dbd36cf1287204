import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, signIn, useBrowser, hydrated } from "./browser";
import { recordDecision } from "../../app/models/assessments.server";
import { publishReport } from "../../app/models/report.server";
import { copyDemoCase, createOwnKit, createOwnRole, useTestData, type OwnKit, type OwnRole } from "./factories";

/*
 * Issue #7 in a browser: the recruiter sees the fit charts and publishes the
 * candidate's report; the candidate opens the copied link in a fresh context
 * (no account), with and without JavaScript; the recruiter revokes it and the
 * link answers 404. axe on every page. The reports are published on this
 * file's copy of the demo's strong fit, on a role and kit of its own.
 */

const RECRUITER = "recruiter@demo.traitkit.test";
const INTERVIEWER = "interviewer1@demo.traitkit.test";
const INTERVIEWER_NAME = "Ian Interviewer (demo)";
/** The recruiters' words the candidate's report must not use (issue 16.2), English and Spanish. */
const INTERNAL_WORDS = /weight|coverage|deltas|peso|ponderad|cobertura/i;
/** The demo case the reports are published from: every assessed trait inside its band. */
const STRONG_FIT = "Ada Demo-Lovelace";
const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");

function screenshot(page: Page, name: string): Promise<Buffer> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe("the candidate's report", () => {
  const { browser, baseURL } = useBrowser();
  const contexts: BrowserContext[] = [];
  const testData = useTestData("Report");
  let role: OwnRole;
  let kit: OwnKit;
  let candidateName = "";

  beforeAll(async () => {
    const data = testData();
    role = await createOwnRole(data);
    kit = await createOwnKit(data, role.slug);
    candidateName = (await copyDemoCase(data, STRONG_FIT, { role, kit })).candidateName;
  });

  async function newContext(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
    const context = await browser().newContext({ locale: "en-US", viewport: { width: 1280, height: 900 }, ...options });
    contexts.push(context);
    return context;
  }

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  /** The recruiter's page of the candidate's assessment, from their assessment list, hydrated. */
  async function openAssessmentAsRecruiter(): Promise<Page> {
    const recruiter = await (await newContext()).newPage();
    await signIn(recruiter, baseURL, RECRUITER);
    await recruiter.goto(`${baseURL}/assessments`);
    await recruiter.getByTestId("assessment-list").getByRole("link", { name: candidateName, exact: true }).first().click();
    await recruiter.getByRole("heading", { level: 1, name: `Assessment of ${candidateName}` }).waitFor();
    await hydrated(recruiter);
    return recruiter;
  }

  it("publishes, opens the link without an account, revokes, and the link is gone", async () => {
    const recruiter = await openAssessmentAsRecruiter();

    // The recruiter's charts, drawn by the server, with their tables.
    const charts = recruiter.getByTestId("fit-charts-section");
    await charts.getByTestId("trait-radar-chart").locator("svg.recharts-surface:visible").waitFor();
    await charts.getByTestId("trait-band-chart").locator("svg.recharts-surface:visible").waitFor();
    await expect(charts.getByTestId("trait-radar-table").locator("tbody tr").count()).resolves.toBe(6);
    // Extraversion is not in the kit: missing, never 0.
    await expect(charts.getByTestId("trait-radar-table").locator('tr[data-trait="extraversion"] td').last().textContent()).resolves.toBe(
      "not assessed",
    );
    await expectAccessible(recruiter);

    // Publish in English, without expiry; the link is shown once.
    const section = recruiter.getByTestId("report-section");
    await section.getByLabel("Report language").selectOption("en");
    await section.getByRole("button", { name: "Publish report" }).click();
    const linkField = section.getByTestId("report-link");
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
    await section.locator('li[data-status="live"]').first().waitFor();
    // The report shows the submitted scorecards: beside Reopen, the recruiter is told a reopen changes it.
    await expect(recruiter.getByTestId("reopen-changes-report").textContent()).resolves.toContain(
      "Reopening a scorecard does not change what the candidate sees",
    );
    await expectAccessible(recruiter);
    await charts.scrollIntoViewIfNeeded();
    await screenshot(recruiter, "report-recruiter-assessment");

    // The candidate: a fresh context, no session.
    const candidateContext = await newContext();
    const candidate = await candidateContext.newPage();
    const response = await candidate.goto(link);
    expect(response?.status()).toBe(200);
    await candidate.getByRole("heading", { level: 1, name: "Your interview profile" }).waitFor();
    await expect(candidate.title()).resolves.toBe("Interview profile · Traitkit");
    await hydrated(candidate);
    await candidate.getByTestId("trait-radar-chart").locator("svg.recharts-surface:visible").waitFor();
    await candidate.getByTestId("transition-fit-chart").locator("svg.recharts-surface:visible").waitFor();
    for (const table of ["trait-radar-table", "trait-band-table", "transition-table"]) {
      await expect(candidate.getByTestId(table).isVisible()).resolves.toBe(true);
    }
    await expect(candidate.getByTestId("areas-to-develop").first().isVisible()).resolves.toBe(true);
    // The report speaks to the candidate; the assessment page speaks about them.
    await expect(candidate.getByTestId("transition-table").locator("thead").textContent()).resolves.toContain("Your fit");
    await expect(recruiter.getByTestId("transition-table").locator("thead").textContent()).resolves.toContain("Candidate's fit");
    await expect(recruiter.getByTestId("fit-charts").textContent()).resolves.not.toMatch(/\byour\b/i);
    // Each area's figures add up as shown: range start − score = the points between, in plain words.
    const areaLines = await candidate.getByTestId("areas-to-develop").locator("li").allTextContents();
    expect(areaLines.length).toBeGreaterThan(0);
    for (const line of areaLines) {
      const [, score, low, gap] = /: your score ([\d.]+); the role's range starts at ([\d.]+), ([\d.]+) points higher/.exec(line) ?? [];
      expect(Number(low) - Number(score), line).toBeCloseTo(Number(gap), 1);
    }
    const text = (await candidate.locator("main").textContent()) ?? "";
    expect(text).not.toMatch(/Interviewer|recommend|decision|red flag/i);
    // Plain words for the candidate; the recruiter keeps the internal figures.
    expect(text).not.toMatch(INTERNAL_WORDS);
    await expect(candidate.getByTestId("trait-band-table").locator("thead").textContent()).resolves.toContain("Importance for the role");
    await expect(recruiter.getByTestId("trait-band-table").locator("thead").textContent()).resolves.toContain("Weight");
    await expect(recruiter.getByTestId("transition-table").locator("thead").textContent()).resolves.toContain("Coverage");
    expect(text).not.toContain(candidateName);
    // The report keeps the language it was published in: no switch that would change only the frame around it.
    await expect(candidate.locator("#language-select").count()).resolves.toBe(0);
    // The outline never skips a level (axe's heading-order): h1, then h2, then the charts' h3.
    const levels = await candidate
      .locator("main :is(h1, h2, h3, h4, h5, h6)")
      .evaluateAll((headings) => headings.map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    levels.slice(1).forEach((level, i) => expect(level, `heading ${i + 2} of ${levels.join(",")}`).toBeLessThanOrEqual(levels[i]! + 1));
    await expectAccessible(candidate);
    await screenshot(candidate, "report-candidate");
    await candidate.getByTestId("trait-radar-chart").screenshot({ path: path.join(SCREENSHOTS, "report-candidate-radar.png") });
    await candidate.emulateMedia({ media: "print" });
    await screenshot(candidate, "report-candidate-print");
    await candidate.pdf({ path: path.join(SCREENSHOTS, "report-candidate.pdf"), format: "A4", printBackground: true });
    await candidate.emulateMedia({ media: "screen" });

    // Without JavaScript: the tables, in the server's HTML.
    const noJs = await (await newContext({ javaScriptEnabled: false })).newPage();
    await noJs.goto(link);
    await noJs.getByRole("heading", { level: 1, name: "Your interview profile" }).waitFor();
    await expect(noJs.getByTestId("trait-radar-table").locator("tbody tr").count()).resolves.toBe(6);
    await expect(noJs.getByTestId("transition-table").isVisible()).resolves.toBe(true);
    await expectAccessible(noJs, { javaScriptEnabled: false });

    // Revoke: the link then answers 404, like any unknown link, with a page meant for the candidate.
    // It asks first, in a dialog saying the link cannot be turned back on.
    await section
      .locator('li[data-status="live"]')
      .first()
      .getByRole("button", { name: /^Revoke/ })
      .click();
    const dialog = recruiter.getByRole("dialog", { name: "Revoke this candidate report link?" });
    await dialog.getByText("cannot be turned back on", { exact: false }).waitFor();
    await expectAccessible(recruiter);
    await dialog.getByRole("button", { name: "Revoke the link" }).click();
    await section.locator('li[data-status="revoked"]').first().waitFor();
    await expectAccessible(recruiter);
    const gone = await candidate.goto(link);
    expect(gone?.status()).toBe(404);
    await candidate.getByRole("heading", { level: 1, name: "This report link does not work" }).waitFor();
    await expect(candidate.getByTestId("report-unavailable").textContent()).resolves.toContain(
      "Ask the recruiter who sent it to you for a new link.",
    );
    // Nothing there leads a candidate to pages that need an account, not even the brand.
    await expect(candidate.locator("a[href]:not(.skip-link)").count()).resolves.toBe(0);
    await expectAccessible(candidate);
    const unknown = await candidate.goto(`${baseURL}/r/${"x".repeat(43)}`);
    expect(unknown?.status()).toBe(404);
    await candidate.getByRole("heading", { level: 1, name: "This report link does not work" }).waitFor();
  });

  it("pages the decisions and the report links five at a time, with their count, with and without JavaScript", async () => {
    // The demo's strong fit comes with one decision: seven more make eight, and six links; all a minute apart, newest last.
    const data = testData();
    const own = await copyDemoCase(data, STRONG_FIT, { role, kit });
    const recruiterId = (await data.db.selectFrom("users").select("id").where("email", "=", RECRUITER).executeTakeFirstOrThrow()).id;
    const start = Date.now();
    for (let n = 1; n <= 7; n++) {
      await recordDecision(
        data.db,
        { assessmentId: own.assessmentId, decision: "hold", reason: `Paged reason ${n}.`, actorId: recruiterId },
        new Date(start + n * 60_000),
      );
    }
    for (let n = 1; n <= 6; n++) {
      const outcome = await publishReport(
        data.db,
        { assessmentId: own.assessmentId, language: n === 1 ? "es" : "en", expiresAt: null, actorId: recruiterId },
        new Date(start + n * 60_000),
      );
      if (!outcome.ok) throw new Error("The report could not be published");
    }
    const address = `${baseURL}/assessments/${own.assessmentId}`;
    const decisionReasons = (page: Page) => page.getByTestId("decisions").locator("li").allTextContents();

    for (const javaScriptEnabled of [true, false]) {
      const page = await (await newContext({ javaScriptEnabled })).newPage();
      await signIn(page, baseURL, RECRUITER);
      await page.goto(address);
      if (javaScriptEnabled) await hydrated(page);
      const reasons = await decisionReasons(page);
      expect(reasons.map((r) => /Paged reason (\d)/.exec(r)?.[1])).toEqual(["7", "6", "5", "4", "3"]);
      await expect(page.getByTestId("decisions-shown").textContent()).resolves.toBe("8 decisions; showing 1–5, newest first");
      await expect(page.getByTestId("report-links").locator(":scope > li").count()).resolves.toBe(5);
      await expect(page.getByTestId("report-links-shown").textContent()).resolves.toBe("6 links; showing 1–5, newest first");
      // The publish form counts the live links of every page, not only the five shown.
      await expect(page.getByTestId("report-earlier").locator("legend").textContent()).resolves.toBe("The 6 live links published earlier");
      await expectAccessible(page, { javaScriptEnabled });

      await page.getByRole("navigation", { name: "Pages of the decisions" }).getByRole("link", { name: "Older decisions" }).click();
      await page.getByTestId("decisions-shown").getByText("8 decisions; showing 6–8, newest first").waitFor();
      expect(new URL(page.url()).search).toBe("?decisionsPage=2");
      expect(new URL(page.url()).hash).toBe("#decision");
      const older = await decisionReasons(page);
      expect(older).toHaveLength(3);
      expect(older[0]).toContain("Paged reason 2.");
      expect(older[1]).toContain("Paged reason 1.");
      expect(older[2]).not.toContain("Paged reason");
      await expect(page.getByTestId("report-links").locator(":scope > li").count()).resolves.toBe(5);
      await expectAccessible(page, { javaScriptEnabled });

      // The links' older page keeps the decisions' page; the oldest link is the Spanish one.
      await page.getByRole("navigation", { name: "Pages of the published links" }).getByRole("link", { name: "Older links" }).click();
      await page.getByTestId("report-links-shown").getByText("6 links; showing 6–6, newest first").waitFor();
      expect(new URL(page.url()).search).toBe("?decisionsPage=2&linksPage=2");
      await expect(page.getByTestId("report-links").locator(":scope > li").allTextContents()).resolves.toEqual([
        expect.stringContaining("Español"),
      ]);
      await expect(decisionReasons(page)).resolves.toEqual(older);
      await expectAccessible(page, { javaScriptEnabled });

      await page.getByRole("navigation", { name: "Pages of the decisions" }).getByRole("link", { name: "Newer decisions" }).click();
      await page.getByTestId("decisions-shown").getByText("8 decisions; showing 1–5, newest first").waitFor();
      expect(new URL(page.url()).search).toBe("?linksPage=2");
      if (javaScriptEnabled) await screenshot(page, "assessment-pages");
    }
  });

  it("keeps a Spanish report in Spanish for an English browser, through hydration", async () => {
    const recruiter = await openAssessmentAsRecruiter();
    const section = recruiter.getByTestId("report-section");
    await section.getByLabel("Report language").selectOption("es");
    await section.getByRole("button", { name: /^Publish/ }).click();
    const link = await section.getByTestId("report-link").inputValue();

    // The browser has only English texts at first; the report's Spanish ones load before it hydrates.
    const reader = await (await newContext()).newPage();
    const errors: string[] = [];
    reader.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    reader.on("pageerror", (error) => errors.push(error.message));
    await reader.goto(link);
    await hydrated(reader);
    await reader.getByTestId("trait-radar-chart").locator("svg.recharts-surface:visible").waitFor();
    await reader.getByRole("heading", { level: 1, name: "Su perfil de entrevista" }).waitFor();
    // The charts' keys are the report's words too (Recharts' own legend spoke English).
    await expect(reader.getByTestId("transition-fit-chart").locator(".chart-legend li").allTextContents()).resolves.toEqual([
      "Ajuste publicado %",
      "Su ajuste %",
    ]);
    await expect(reader.getByTestId("trait-radar-chart").locator(".chart-legend li").first().textContent()).resolves.toBe("Banda ideal");
    // The title is in the report's language, like its heading, not the browser's.
    await expect(reader.title()).resolves.toBe("Perfil de entrevista · Traitkit");
    await expect(reader.locator("html").getAttribute("lang")).resolves.toBe("en");
    await expect(reader.getByTestId("candidate-report").getAttribute("lang")).resolves.toBe("es");
    expect((await reader.locator("main").textContent()) ?? "").not.toMatch(INTERNAL_WORDS);
    expect(errors).toEqual([]);
    await expectAccessible(reader);

    // Put back what the test changed: the new link is revoked.
    const revoked = await section.locator('li[data-status="revoked"]').count();
    await section
      .locator('li[data-status="live"]')
      .first()
      .getByRole("button", { name: /^Revoke/ })
      .click();
    await recruiter.getByRole("dialog").getByRole("button", { name: "Revoke the link" }).click();
    await expect.poll(() => section.locator('li[data-status="revoked"]').count()).toBe(revoked + 1);
  });

  /** A new candidate with an assessment by interviewer 1 alone, made through the UI: this test changes its panel. */
  async function newAssessment(recruiter: Page): Promise<string> {
    const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
    const name = `Snapshot Tester-${stamp}`;
    await recruiter.goto(`${baseURL}/candidates/new`);
    await hydrated(recruiter);
    await recruiter.getByLabel("Name", { exact: true }).fill(name);
    await recruiter.getByLabel("Email", { exact: true }).fill(`snapshot.${stamp}@example.com`);
    await recruiter.getByRole("button", { name: "Add candidate" }).click();
    await recruiter.getByRole("heading", { level: 1, name }).waitFor();
    await hydrated(recruiter);
    const picker = recruiter.getByLabel("Interview kit");
    const label = (await picker.locator("option").allTextContents()).find((text) => text.startsWith(`${kit.name} (v`));
    if (!label) throw new Error(`No "${kit.name}" among the kits`);
    await picker.selectOption({ label });
    await recruiter.getByRole("group", { name: "Interviewers" }).getByLabel(INTERVIEWER_NAME).check();
    await recruiter.getByRole("button", { name: "Create assessment" }).click();
    await recruiter.waitForURL(/\/assessments\/\d+$/);
    await recruiter.getByRole("heading", { level: 1, name: `Assessment of ${name}` }).waitFor();
    return recruiter.url();
  }

  /** Interviewer 1 rates question 1's first trait and submits, without JavaScript (a plain post). */
  async function submitScorecard(interviewer: Page, assessmentURL: string, rating: number): Promise<void> {
    await interviewer.goto(`${assessmentURL}/scorecard`);
    const group = interviewer
      .getByRole("region", { name: /^Question 1 of \d+$/ })
      .locator("fieldset.rating-group")
      .first();
    await group
      .locator("label")
      .filter({ has: interviewer.locator("strong", { hasText: new RegExp(`^${rating}$`) }) })
      .click();
    await interviewer
      .getByRole("group", { name: "Overall recommendation", exact: true })
      .getByRole("radio", { name: "Yes", exact: true })
      .check();
    await interviewer.getByRole("button", { name: "Submit scorecard" }).click();
    // Submitted: the interviewer lands on the panel.
    await interviewer.getByTestId("panel").waitFor();
  }

  it("freezes what the candidate holds: a reopened, rescored panel leaves it, the page says it is out of date, a new version replaces it", async () => {
    const recruiter = await (await newContext()).newPage();
    await signIn(recruiter, baseURL, RECRUITER);
    const assessmentURL = await newAssessment(recruiter);
    const section = recruiter.getByTestId("report-section");

    // Nothing submitted: no report to publish, and the page says why beside the button.
    const publish = section.getByRole("button", { name: "Publish report" });
    await expect(publish.isDisabled()).resolves.toBe(true);
    await expect(section.getByTestId("report-publish-blocked").textContent()).resolves.toContain("No scorecard is submitted yet");
    await expect(publish.getAttribute("aria-describedby")).resolves.toContain("report-publish-blocked");
    await expectAccessible(recruiter);

    const interviewer = await (await newContext({ javaScriptEnabled: false })).newPage();
    await signIn(interviewer, baseURL, INTERVIEWER);
    await submitScorecard(interviewer, assessmentURL, 5);
    await expectAccessible(interviewer, { javaScriptEnabled: false });

    await recruiter.reload();
    await hydrated(recruiter);
    await section.getByLabel("Report language").selectOption("en");
    await publish.click();
    const link = await section.getByTestId("report-link").inputValue();
    await expect(section.getByTestId("report-out-of-date").count()).resolves.toBe(0);

    const candidate = await (await newContext()).newPage();
    await candidate.goto(link);
    await candidate.getByRole("heading", { level: 1, name: "Your interview profile" }).waitFor();
    const published = await candidate.getByTestId("trait-radar-table").textContent();
    expect((await candidate.locator("main").textContent()) ?? "").not.toMatch(INTERNAL_WORDS);
    await expectAccessible(candidate);

    // The recruiter reopens the scorecard; the interviewer scores it otherwise and submits again.
    await recruiter.reload();
    await recruiter.getByRole("button", { name: `Reopen the scorecard of ${INTERVIEWER_NAME}` }).click();
    // Reopening asks first; the dialog says what leaves the panel.
    await recruiter
      .getByRole("dialog", { name: `Reopen the scorecard of ${INTERVIEWER_NAME}?` })
      .getByRole("button", { name: "Reopen the scorecard" })
      .click();
    await recruiter.getByRole("button", { name: `Reopen the scorecard of ${INTERVIEWER_NAME}` }).waitFor({ state: "detached" });
    await submitScorecard(interviewer, assessmentURL, 1);

    // The candidate's report has not moved; the recruiter is told it is out of date.
    await candidate.reload();
    await candidate.getByRole("heading", { level: 1, name: "Your interview profile" }).waitFor();
    await expect(candidate.getByTestId("trait-radar-table").textContent()).resolves.toBe(published);
    await recruiter.reload();
    await hydrated(recruiter);
    await expect(section.getByTestId("report-out-of-date").textContent()).resolves.toContain("The published report is out of date");
    await expect(section.locator('li[data-status="live"]').first().textContent()).resolves.toMatch(/opened 2 times/);
    await expectAccessible(recruiter);

    // A new version, the earlier link kept: it shows the new one.
    await section.getByRole("radio", { name: "Keep it working: it shows the new version" }).check();
    await section.getByRole("button", { name: "Publish a new version" }).click();
    await section
      .getByRole("status")
      .getByText(/version 2/)
      .waitFor();
    // The action's answer comes before the page's data is read again: the notice goes with the latter.
    await section.getByTestId("report-out-of-date").waitFor({ state: "detached" });
    await expectAccessible(recruiter);
    await candidate.reload();
    await candidate.getByRole("heading", { level: 1, name: "Your interview profile" }).waitFor();
    await expect(candidate.getByTestId("trait-radar-table").textContent()).resolves.not.toBe(published);
    await expectAccessible(candidate);
  });
});
