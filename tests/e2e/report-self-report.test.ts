import fs from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hydrated, signIn, useBrowser } from "./browser";
import { copyDemoCase, createOwnKit, createOwnRole, useTestData } from "./factories";
import { addDemoSelfReport } from "../../seeds/demo-self-reports";

/*
 * Issue 20, point 6, in a browser: the recruiter ticks "Include the
 * candidate's self-report" as they publish; the candidate opens the link on a
 * phone and reads "Your self-report" (a score per trait, the facets in plain
 * words). axe on both pages. On this file's copy of the demo's strong fit,
 * given a submitted self-report through the questionnaire's model.
 */

const RECRUITER = "recruiter@demo.traitkit.test";
const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");

describe("the self-report in the candidate's report", () => {
  const { browser, baseURL } = useBrowser();
  const contexts: BrowserContext[] = [];
  const testData = useTestData("ReportSelf");
  let candidateName = "";

  beforeAll(async () => {
    const data = testData();
    const role = await createOwnRole(data);
    const kit = await createOwnKit(data, role.slug);
    const copied = await copyDemoCase(data, "Ada Demo-Lovelace", { role, kit });
    candidateName = copied.candidateName;
    const recruiter = await data.db.selectFrom("users").select("id").where("email", "=", RECRUITER).executeTakeFirstOrThrow();
    const start = Date.now() - 2 * 60 * 60 * 1000;
    await addDemoSelfReport(data.db, {
      assessmentId: copied.assessmentId,
      recruiterId: recruiter.id,
      selfReport: {
        language: "en",
        targets: { openness: 70, conscientiousness: 80, extraversion: 55, agreeableness: 65, emotional_stability: 72 },
        answered: 120,
        submitted: true,
        atHour: 0,
      },
      after: (hours) => new Date(start + hours * 60 * 60 * 1000),
    });
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  it("is included when the recruiter ticks the box, and the candidate reads it on a phone", async () => {
    const recruiterContext = await browser().newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    contexts.push(recruiterContext);
    const recruiter = await recruiterContext.newPage();
    await signIn(recruiter, baseURL, RECRUITER);
    await recruiter.goto(`${baseURL}/assessments`);
    await recruiter.getByTestId("assessment-list").getByRole("link", { name: candidateName, exact: true }).first().click();
    await recruiter.getByRole("heading", { level: 1, name: `Assessment of ${candidateName}` }).waitFor();
    await hydrated(recruiter);
    const section = recruiter.getByTestId("report-section");
    await section.getByLabel("Include the candidate's self-report").check();
    await section.getByRole("button", { name: "Publish report" }).click();
    const linkField = section.getByTestId("report-link");
    await linkField.waitFor();
    const link = await linkField.inputValue();
    await expectAccessible(recruiter);

    const phone = await browser().newContext({ locale: "en-US", viewport: { width: 390, height: 844 } });
    contexts.push(phone);
    const candidate = await phone.newPage();
    expect((await candidate.goto(link))?.status()).toBe(200);
    const selfReport = candidate.getByTestId("report-self-report");
    await selfReport.getByRole("heading", { level: 2, name: "Your self-report" }).waitFor();
    await hydrated(candidate);
    const rows = selfReport.getByTestId("self-report-traits").locator("tbody tr");
    await expect(rows.count()).resolves.toBe(6);
    await expect(rows.locator("td").last().textContent()).resolves.toBe("not measured by the questionnaire");
    // Five measured traits, six facets each, every one with its text.
    await expect(selfReport.locator(".self-report-facets dd").count()).resolves.toBe(30);
    await selfReport.getByRole("heading", { level: 3, name: "Emotional Stability: its six facets" }).waitFor();
    await expectAccessible(candidate);
    await expectAccessible(candidate, { javaScriptEnabled: false });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await candidate.screenshot({ path: path.join(SCREENSHOTS, "report-self-report-phone.png"), fullPage: true });
  });
});
