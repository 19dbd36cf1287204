import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { languageCookie } from "../../app/utils/i18n.server";
import type { UiLanguage } from "../../app/utils/i18n";
import { expectAccessible, hydrated, useBrowser, usePages } from "./browser";
import { recommendationGroup } from "./scorecard-form";
import { copyDemoCase, createOwnKit, createOwnRole, useTestData, type OwnAssessment, type OwnKit, type OwnRole } from "./factories";

/*
 * Issue #23 in a browser: an interviewer marks the kit's skill expectations on
 * the scorecard and submits; the recruiter reads each mark, the panel's view
 * and the summary in the panel, in English and in Chinese, desktop and phone.
 * The role is a copy of the MLOps Engineer with two skills' expectations
 * (MLflow, mandatory at Senior, and ML Deployment, optional), so the panel has
 * a met skill and one that is not; the case is the demo's blind one (only
 * interviewer 2 submitted, without marks).
 */

const RECRUITER = "recruiter@demo.traitkit.test";
const INTERVIEWER1 = "interviewer1@demo.traitkit.test";
const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");

const data = useTestData("marks");
const { browser, baseURL } = useBrowser();
const { signedInPage } = usePages(browser, baseURL);

let role: OwnRole;
let kit: OwnKit;
let assessment: OwnAssessment;

function screenshot(page: Page, name: string): Promise<Buffer> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: path.join(SCREENSHOTS, `expectation-marks-${name}.png`), fullPage: true });
}

beforeAll(async () => {
  const { db } = data();
  role = await createOwnRole(data());
  // The skill profiles' expectations are the library's, by role: give the copy MLflow's (from the MLOps Engineer) and ML Deployment's (from the Data Scientist).
  const roleId = async (slug: string) => (await db.selectFrom("roles").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
  const skillId = async (slug: string) =>
    (await db.selectFrom("skills").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
  const own = await roleId(role.slug);
  for (const [skill, from] of [
    ["mlflow", "mlops-engineer"],
    ["ml-deployment", "data-scientist"],
  ] as const) {
    const rows = await db
      .selectFrom("skill_expectations")
      .select(["skill_id", "level", "mandatory", "description"])
      .where("role_id", "=", await roleId(from))
      .where("skill_id", "=", await skillId(skill))
      .execute();
    await db
      .insertInto("skill_expectations")
      .values(rows.map((r) => ({ ...r, role_id: own })))
      .execute();
  }
  kit = await createOwnKit(data(), role.slug, "senior");
  assessment = await copyDemoCase(data(), "Barbara Demo-Liskov", { role, kit });
});

// The skill pages list every role with an expectation: the copies leave with this file, as other files read MLflow's page.
afterAll(async () => {
  const { db } = data();
  const own = await db.selectFrom("roles").select("id").where("slug", "=", role.slug).executeTakeFirstOrThrow();
  await db.deleteFrom("skill_expectations").where("role_id", "=", own.id).execute();
});

describe("skill expectations in an assessment", () => {
  it("the kit froze both skills' Senior expectations, the mandatory one first", () => {
    expect(kit.kit.expectations.map((e) => [e.skillName, e.mandatory])).toEqual([
      ["MLflow", true],
      ["ML Deployment", false],
    ]);
  });

  it("an interviewer marks the expectations and submits; the recruiter reads them in the panel", async () => {
    const page = await signedInPage(INTERVIEWER1);
    await page.goto(`${baseURL}/assessments/${assessment.assessmentId}/scorecard`);
    await hydrated(page);
    const section = page.getByRole("region", { name: "Skill expectations (Senior)" });
    await expect(section.getByRole("heading", { level: 2 }).textContent()).resolves.toBe("Skill expectations (Senior)");
    const mlflow = section.getByRole("group", { name: /^MLflow: did the candidate meet it\?/ });
    const deployment = section.getByRole("group", { name: /^ML Deployment: did the candidate meet it\?/ });
    await expect(mlflow.getByLabel("Not asked", { exact: true }).isChecked()).resolves.toBe(true);
    await expect(mlflow.locator(".badge-mandatory").textContent()).resolves.toBe("Mandatory");
    await expect(deployment.textContent()).resolves.toContain("(Optional)");
    await expectAccessible(page);

    await mlflow.getByLabel("Met", { exact: true }).check();
    await deployment.getByLabel("Partly", { exact: true }).check();
    // Autosaved: a reload finds the marks.
    await page
      .getByTestId("save-status")
      .getByText(/^Saved at /)
      .waitFor();
    await page.reload();
    await hydrated(page);
    await expect(mlflow.getByLabel("Met", { exact: true }).isChecked()).resolves.toBe(true);
    await expect(deployment.getByLabel("Partly", { exact: true }).isChecked()).resolves.toBe(true);
    await screenshot(page, "scorecard-en-1280");

    await recommendationGroup(page).getByLabel("Yes", { exact: true }).check();
    await page.getByRole("button", { name: "Submit scorecard" }).click();
    await page.waitForURL(`${baseURL}/assessments/${assessment.assessmentId}`);
    await page.getByTestId("panel-expectations").waitFor();

    const recruiter = await signedInPage(RECRUITER);
    await recruiter.goto(`${baseURL}/assessments/${assessment.assessmentId}`);
    const panel = recruiter.getByTestId("panel-expectations");
    await expect(panel.getByTestId("expectation-summary").textContent()).resolves.toBe("Meets the Senior expectations in 1 of 2 skills.");
    await expect(panel.textContent()).resolves.toContain(
      "A skill counts as met when at least one interviewer asked about it and more than half of those who asked marked it met.",
    );
    const rows = await panel
      .getByTestId("expectation-table")
      .evaluate((table) =>
        [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((cell) => (cell.textContent ?? "").trim())),
      );
    // Ian's column, then Inés's (interviewer 2, who marked nothing), as in the panel's other tables.
    expect(rows.map((cells) => cells.slice(1))).toEqual([
      ["Met", "Not asked", "Metof 1 who asked: met 1, partly 0, not met 0"],
      ["Partly", "Not asked", "Not metof 1 who asked: met 0, partly 1, not met 0"],
    ]);
    expect(rows[0]?.[0]).toMatch(/^MLflow Mandatory/);
    await expectAccessible(recruiter);
    await expectAccessible(recruiter, { javaScriptEnabled: false });
    await screenshot(recruiter, "panel-en-1280");
  });

  it("reads well in Chinese and on a phone", async () => {
    /**
     * Signed in as the sign-in page reads in English, then in `language` as the
     * language switch sets it for this browser (its cookie only: the account's
     * own language, which e-mails use, stays as other tests read it).
     */
    const pageIn = async (email: string, language: UiLanguage, width: number) => {
      const page = await signedInPage(email, { viewport: { width, height: 900 } });
      const [cookie] = (await languageCookie.serialize(language)).split(";");
      const [name = "", value = ""] = (cookie ?? "").split("=");
      await page.context().addCookies([{ name, value, url: baseURL }]);
      return page;
    };
    for (const [language, label] of [
      ["zh-CN", "zh"],
      ["en", "en"],
    ] as const) {
      for (const width of [1280, 390]) {
        const page = await pageIn(RECRUITER, language, width);
        await page.goto(`${baseURL}/assessments/${assessment.assessmentId}`);
        const panel = page.getByTestId("panel-expectations");
        if (label === "zh") {
          await expect(panel.getByRole("heading", { level: 2 }).textContent()).resolves.toBe("技能期望（高级）");
          await expect(panel.getByTestId("expectation-summary").textContent()).resolves.toBe("在2项技能中，有1项达到高级期望。");
        }
        await expectAccessible(page);
        await panel.scrollIntoViewIfNeeded();
        await panel.screenshot({ path: path.join(SCREENSHOTS, `expectation-marks-panel-${label}-${width}.png`) });
        const scorecard = await pageIn(INTERVIEWER1, language, width);
        await scorecard.goto(`${baseURL}/assessments/${assessment.assessmentId}/scorecard`);
        const marks = scorecard.getByTestId("expectation-marks");
        await expectAccessible(scorecard);
        await marks.screenshot({ path: path.join(SCREENSHOTS, `expectation-marks-scorecard-${label}-${width}.png`) });
      }
    }
  });
});
