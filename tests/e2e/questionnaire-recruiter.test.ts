import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { DOMAIN_TRAITS, type AnswerValue, type SelfReportDomain } from "../../app/domain/self-report";
import type { TraitKey } from "../../app/domain/traits";
import { computePanel } from "../../app/models/panel-results.server";
import { selfReportItems } from "../../app/models/questionnaire-items.server";
import {
  consentToQuestionnaire,
  saveQuestionnaireAnswers,
  sendQuestionnaire,
  submitQuestionnaire,
} from "../../app/models/questionnaires.server";
import { expectAccessible, hydrated, useBrowser, usePages } from "./browser";
import { copyDemoCase, createOwnKit, createOwnRole, useTestData, type OwnAssessment } from "./factories";

/*
 * Issue 20 in a browser, the recruiter's side: making the questionnaire link
 * and reading its status, revoking it; and, with a completed questionnaire
 * whose answers disagree with the interview on one trait by 50 points or
 * more, the comparison, its flag and the facets, for the recruiter and for an
 * interviewer who has submitted. axe on every page; screenshots of the
 * comparison at 1280 and 390 px, in English and Spanish.
 */

const RECRUITER = "recruiter@demo.traitkit.test";
const INTERVIEWER = "interviewer1@demo.traitkit.test";
/** Both interviewers submitted; every assessed trait inside its band. */
const DEMO_CASE = "Ada Demo-Lovelace";
const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.getByTestId("self-report-comparison").screenshot({ path: path.join(SCREENSHOTS, `self-report-${name}.png`) });
}

/** On a phone, the interview's and the self-report's columns are in view beside the traits' names, not scrolled away. */
async function expectBothProfilesInView(page: Page): Promise<void> {
  const table = page.getByTestId("self-report-table");
  const box = await table.locator("xpath=..").boundingBox();
  const selfColumn = await table.locator("thead th").nth(2).boundingBox();
  if (!box || !selfColumn) throw new Error("The comparison table is not laid out");
  expect(selfColumn.x + selfColumn.width).toBeLessThanOrEqual(box.x + box.width);
}

describe("the recruiter's self-report questionnaire", () => {
  const { browser, baseURL } = useBrowser();
  const { signedInPage } = usePages(browser, baseURL);
  const testData = useTestData("Questionnaire");
  let linkCase: OwnAssessment;
  let completedCase: OwnAssessment;
  /** The trait the answers put far from the interview. */
  let disputed: TraitKey;

  beforeAll(async () => {
    const data = testData();
    const role = await createOwnRole(data);
    const kit = await createOwnKit(data, role.slug);
    linkCase = await copyDemoCase(data, DEMO_CASE, { role, kit });
    completedCase = await copyDemoCase(data, DEMO_CASE, { role, kit });

    // Each domain answered near the interview's score, but one assessed trait at the far end of the scale.
    const panel = await computePanel(data.db, completedCase.assessmentId, kit.kit);
    const interview = (trait: TraitKey) => {
      const agg = panel.traits[trait];
      return agg.status === "assessed" ? agg.score : null;
    };
    const order: SelfReportDomain[] = ["C", "O", "A", "N", "E"];
    const disputedDomain = order.find((d) => interview(DOMAIN_TRAITS[d]) !== null) ?? "C";
    disputed = DOMAIN_TRAITS[disputedDomain];
    const targetOf = (domain: SelfReportDomain): number => {
      const score = interview(DOMAIN_TRAITS[domain]);
      if (domain === disputedDomain) return (score ?? 0) >= 50 ? 0 : 100;
      if (score === null) return 50;
      // N is scored the other way round: Emotional Stability = 100 − N.
      return domain === "N" ? 100 - score : score;
    };
    const answers = selfReportItems().map((item) => {
      const points = Math.round(targetOf(item.domain) / 25) + 1;
      const value = (item.keyed === "minus" ? 6 - points : points) as AnswerValue;
      return { itemId: item.id, value };
    });
    const recruiterId = (await data.db.selectFrom("users").select("id").where("email", "=", RECRUITER).executeTakeFirstOrThrow()).id;
    const sent = await sendQuestionnaire(
      data.db,
      { assessmentId: completedCase.assessmentId, language: "es", expiresAt: null, actorId: recruiterId },
      new Date(),
    );
    if (!sent.ok) throw new Error("The questionnaire was not sent");
    await consentToQuestionnaire(data.db, sent.token, new Date());
    if ((await saveQuestionnaireAnswers(data.db, sent.token, answers, new Date())) !== "saved") throw new Error("Answers not saved");
    if ((await submitQuestionnaire(data.db, sent.token, new Date())).status !== "submitted") throw new Error("Not submitted");
  });

  async function assessmentPage(email: string, assessmentId: number, options: { locale?: string; width?: number } = {}): Promise<Page> {
    const page = await signedInPage(email, { locale: options.locale ?? "en-US", viewport: { width: options.width ?? 1280, height: 900 } });
    await page.goto(`${baseURL}/assessments/${assessmentId}`);
    await hydrated(page);
    return page;
  }

  it("makes the link, shows it once, reads its status and revokes it", async () => {
    const page = await assessmentPage(RECRUITER, linkCase.assessmentId);
    const section = page.getByTestId("questionnaire-section");
    await expect(section.getByTestId("questionnaire-status").textContent()).resolves.toBe("Status: Not sent yet.");
    await expectAccessible(page);

    await section.getByLabel("Questionnaire language").selectOption("zh-cn");
    await section.getByLabel("Expires after (days)").fill("10");
    await section.getByRole("button", { name: "Make the questionnaire link" }).click();
    const link = section.getByTestId("questionnaire-link");
    await link.waitFor();
    expect(await link.inputValue()).toMatch(new RegExp(`^${baseURL}/q/[A-Za-z0-9_-]{43}$`));
    await section.locator('[data-testid="questionnaire-status"][data-state="sent"]').waitFor({ timeout: 5000 });
    await expect(section.getByTestId("questionnaire-status").textContent()).resolves.toBe("Status: Sent, not started. Language: 简体中文.");
    await expect(section.getByTestId("questionnaire-live-link").textContent()).resolves.toContain("Not opened yet.");
    await expectAccessible(page);

    // Shown once: a reload has the status, not the link.
    await page.reload();
    await hydrated(page);
    await expect(section.getByTestId("questionnaire-link").count()).resolves.toBe(0);

    // Revoking asks first, in a dialog whose safe choice is in focus.
    await section.getByRole("button", { name: "Revoke the link" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke the questionnaire link?" });
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Revoke the link" }).click();
    await section.locator('[data-testid="questionnaire-status"][data-state="revoked"]').waitFor();
    // Revoked, not final: a new link lets the candidate go on.
    await expect(section.getByRole("button", { name: "Revoke the link" }).count()).resolves.toBe(0);
    await expect(section.getByRole("button", { name: "Make a new link" }).count()).resolves.toBe(1);
    await expectAccessible(page);
  });

  it("shows the recruiter the self-report beside the interview, the flag and the facets", async () => {
    const page = await assessmentPage(RECRUITER, completedCase.assessmentId);
    const comparison = page.getByTestId("self-report-comparison");
    const row = comparison.getByTestId("self-report-table").locator(`tr[data-trait="${disputed}"]`);
    await expect(row.getByTestId("probe").textContent()).resolves.toBe("Self-view and interview disagree: probe");
    await expect(
      comparison.getByTestId("self-report-table").locator('tr[data-trait="relational_engagement"]').getByTestId("self-score").textContent(),
    ).resolves.toBe("not measured");
    await expect(comparison.getByTestId("interview-fit").textContent()).resolves.toMatch(/^Interview fit \(the panel's scores\): \d+%/);
    await expect(comparison.getByTestId("self-fit").textContent()).resolves.toMatch(/^Self-report fit \(the candidate's answers\): \d+%/);
    await comparison.getByTestId("self-report-chart").locator("svg.recharts-surface:visible").waitFor();
    await expect(comparison.getByTestId("facet-table").count()).resolves.toBe(5);
    await expect(comparison.getByTestId("facet-table").locator("tbody tr").count()).resolves.toBe(30);
    await expect(
      comparison.locator('[data-testid="facet-table"][data-trait="emotional_stability"] tbody th').first().textContent(),
    ).resolves.toBe("Calmness");
    // The questionnaire is completed: no new link.
    await expect(page.getByTestId("questionnaire-status").getAttribute("data-state")).resolves.toBe("completed");
    await expect(page.getByRole("button", { name: "Make a new link" }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await screenshot(page, "en-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "en-390");
    await expectBothProfilesInView(page);
    await expectAccessible(page);
  });

  it("reads in Spanish, on a desktop and on a phone", async () => {
    const page = await assessmentPage(RECRUITER, completedCase.assessmentId, { locale: "es-ES" });
    const comparison = page.getByTestId("self-report-comparison");
    await comparison.getByRole("heading", { name: "Autoinforme junto a la entrevista" }).waitFor();
    await expect(comparison.locator(`tr[data-trait="${disputed}"]`).getByTestId("probe").textContent()).resolves.toBe(
      "La visión propia y la entrevista discrepan: indague",
    );
    await expect(
      comparison.locator('[data-testid="facet-table"][data-trait="emotional_stability"] tbody th').first().textContent(),
    ).resolves.toBe("Calma");
    await expectAccessible(page);
    await screenshot(page, "es-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "es-390");
    await expectBothProfilesInView(page);
  });

  it("shows an interviewer the comparison after their own submission, and not the link", async () => {
    const page = await assessmentPage(INTERVIEWER, completedCase.assessmentId);
    const comparison = page.getByTestId("self-report-comparison");
    await expect(comparison.locator(`tr[data-trait="${disputed}"]`).getByTestId("probe").count()).resolves.toBe(1);
    await expect(page.getByTestId("questionnaire-section").count()).resolves.toBe(0);
    await expectAccessible(page);
  });
});
