import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hydrated, useBrowser, usePages } from "./browser";
import { copyDemoCase, createOwnKit, createOwnRole, useTestData, type OwnAssessment, type OwnRole } from "./factories";

/*
 * Issue #18: a document carries each chart's drawing once, in its markup; its
 * hydration data has only the drawing's id. Hydrating must keep the server's
 * drawing, and the page's later data (a revalidation after a post, a client
 * navigation away and back) must draw it again.
 */

const RECRUITER = "recruiter@demo.traitkit.test";
const FIT_CHARTS = ["trait-radar-chart", "trait-band-chart", "transition-fit-chart"] as const;

/** The wide and narrow drawings' SVG markup of the chart marked `testId`, as the page holds it now. */
async function drawingsOf(page: Page, testId: string): Promise<string[]> {
  return page
    .getByTestId(testId)
    .locator(".chart-drawing")
    .evaluateAll((drawings) => drawings.map((drawing) => drawing.innerHTML));
}

/** Each chart's two drawings, each an SVG with marks in it. */
async function expectDrawn(page: Page, testIds: readonly string[]): Promise<void> {
  for (const testId of testIds) {
    const drawings = await drawingsOf(page, testId);
    expect(drawings, testId).toHaveLength(2);
    for (const svg of drawings)
      expect(svg, testId).toMatch(/^<div class="recharts-wrapper"[^>]*><svg\b[\s\S]*class="recharts-surface"[\s\S]*<\/svg>/);
  }
}

describe("charts drawn on the server, in the browser", () => {
  const { browser, baseURL } = useBrowser();
  const { signedInPage } = usePages(browser, baseURL);
  const testData = useTestData("Server charts");
  let role: OwnRole;
  let assessment: OwnAssessment;

  beforeAll(async () => {
    role = await createOwnRole(testData());
    const kit = await createOwnKit(testData(), role.slug);
    assessment = await copyDemoCase(testData(), "Ada Demo-Lovelace", { role, kit });
  });

  it("keeps the server's drawings through hydration, a revalidation after a post, and a client navigation away and back", async () => {
    const page = await signedInPage(RECRUITER);
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    const dataRequests: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.endsWith(".data")) dataRequests.push(new URL(request.url()).pathname);
    });

    await page.goto(`${baseURL}/assessments/${assessment.assessmentId}`);
    await hydrated(page);
    await expectDrawn(page, FIT_CHARTS);
    const served = await Promise.all(FIT_CHARTS.map((testId) => drawingsOf(page, testId)));
    await expectAccessible(page);

    // A decision posted with JavaScript: the action, then the page's loaders again, as data.
    await page.getByLabel("Hold", { exact: true }).check();
    await page.getByLabel("Reason", { exact: true }).fill("Checking the charts after a revalidation");
    await page.getByRole("button", { name: "Record decision" }).click();
    await page.getByText("Checking the charts after a revalidation").first().waitFor();
    expect(dataRequests).toContain(`/assessments/${assessment.assessmentId}.data`);
    await expectDrawn(page, FIT_CHARTS);
    expect(await Promise.all(FIT_CHARTS.map((testId) => drawingsOf(page, testId)))).toEqual(served);

    // To the role page and back, without loading a document: a mark set on the window survives only that.
    await page.evaluate(() => Object.assign(window, { stillThisDocument: true }));
    await page.getByRole("link", { name: role.name, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: role.name }).waitFor();
    await expectDrawn(page, ["ideal-profile-chart"]);
    await page.goBack();
    await page.getByTestId("fit-charts").waitFor();
    await expectDrawn(page, FIT_CHARTS);
    expect(await Promise.all(FIT_CHARTS.map((testId) => drawingsOf(page, testId)))).toEqual(served);
    await expect(page.evaluate(() => "stillThisDocument" in window)).resolves.toBe(true);
    expect(dataRequests).toContain(`/roles/${role.slug}.data`);

    expect(problems).toEqual([]);
  });

  it("keeps the role page's drawing through hydration, on a phone", async () => {
    const page = await signedInPage(RECRUITER, { viewport: { width: 390, height: 844 } });
    await page.goto(`${baseURL}/roles/${role.slug}`);
    await hydrated(page);
    await expectDrawn(page, ["ideal-profile-chart"]);
    await expect(page.getByTestId("ideal-profile-chart").locator(".chart-narrow svg").isVisible()).resolves.toBe(true);
    await expectAccessible(page);
  });
});
