import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import mlEngineer from "../../seeds/roles/ml-engineer.json";
import mlflow from "../../seeds/skills/mlflow.json";
import { expectAccessible, hydrated, signIn, useBrowser, usePages } from "./browser";
import { createOwnUser, useTestData } from "./factories";

/*
 * A member works out their level on ML Engineer's matrix: answers chosen in
 * the page (with and without JavaScript), kept in the address, the estimate
 * and what stops the next level, mandatory MLflow first; once in Chinese.
 */

const PAGE = "/roles/ml-engineer/level";
const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");
/** The MLflow profile's English text for ML Engineer at Senior. */
const MLFLOW_SENIOR = mlflow.expectations.find((e) => e.role === "ml-engineer" && e.level === "senior")?.description.en ?? "";
const SKILL_COUNT = mlEngineer.skillsMatrix.groups.reduce((n, group) => n + group.skills.length, 0);

/** The first skill of the list of what stops the next level, as read on the page. */
function firstMissing(page: Page) {
  return page.locator("[data-testid=level-missing] > li").first();
}

describe("grade calculator", () => {
  const { browser, baseURL } = useBrowser();
  const { newPage, signedInPage } = usePages(browser, baseURL);
  const data = useTestData("level");

  it("works without JavaScript: every skill at Mid but MLflow not yet is below Junior, MLflow first to meet, and the address keeps the answers", async () => {
    const member = await createOwnUser(data(), "interviewer");
    const page = await signedInPage(member.email, { javaScriptEnabled: false });
    await page.goto(`${baseURL}${PAGE}`);
    await page.getByRole("heading", { level: 1, name: "ML Engineer: grade calculator" }).waitFor();
    await expect(page.getByTestId("level-rule").textContent()).resolves.toBe(
      "A level counts when at least one skill is expected at it, every skill mandatory at it is met, and at least 80 % of the skills expected at it are met; your level is the highest level that counts with every level below it.",
    );
    // The Print button needs JavaScript; the hint says the browser's own command works.
    await expect(page.getByRole("button", { name: "Print" }).count()).resolves.toBe(0);
    await expectAccessible(page, { javaScriptEnabled: false });

    const selects = page.locator('select[name^="met."]');
    await expect(selects.count()).resolves.toBe(SKILL_COUNT);
    for (const select of await selects.all()) {
      await select.selectOption((await select.getAttribute("name")) === "met.mlflow" ? "none" : "mid");
    }
    await expect(page.getByRole("combobox", { name: /^MLflow/ }).getAttribute("aria-describedby")).resolves.toContain("met-mlflow-next");
    await page.getByRole("button", { name: "Estimate" }).click();
    await page.getByTestId("level-estimate").waitFor();
    const address = new URL(page.url());
    expect(address.searchParams.get("met.mlflow")).toBe("none");
    expect(address.searchParams.get("met.docker")).toBe("mid");

    await expect(page.getByTestId("level-estimate").textContent()).resolves.toContain("Your level: Below Junior");
    const recommendations = page.getByTestId("level-recommendations");
    await expect(recommendations.getByRole("heading", { name: "To reach Junior" }).isVisible()).resolves.toBe(true);
    await expect(recommendations.textContent()).resolves.toContain("You meet at least 80 % of the skills expected at Junior.");
    await expect(firstMissing(page).getAttribute("data-skill")).resolves.toBe("mlflow");
    await expect(firstMissing(page).textContent()).resolves.toMatch(/^MLflow Mandatory \(your answer: Not yet\)/);
    await expect(page.getByTestId("level-met-table").locator("tr[data-level=junior] td").allTextContents()).resolves.toEqual([
      String(SKILL_COUNT),
      String(SKILL_COUNT - 1),
      "1",
      "No",
    ]);
    await page.locator("[data-testid=level-met-chart] svg.recharts-surface:visible").waitFor();
    await expectAccessible(page, { javaScriptEnabled: false });

    // The address is the page's memory: opened again, it shows the same answers.
    await page.reload();
    await expect(page.locator('select[name="met.docker"]').inputValue()).resolves.toBe("mid");
    await expect(page.locator('select[name="met.mlflow"]').inputValue()).resolves.toBe("none");
    await expect(page.getByTestId("level-estimate").textContent()).resolves.toContain("Your level: Below Junior");
  });

  it("estimates again as an answer changes, replacing the address; recommendations for Senior put mandatory MLflow first", async () => {
    const member = await createOwnUser(data(), "interviewer");
    const page = await signedInPage(member.email);
    const mid = new URLSearchParams(
      mlEngineer.skillsMatrix.groups.flatMap((group) =>
        group.skills.map((skill) => [`met.${skill.slug}`, skill.slug === "mlflow" ? "none" : "mid"]),
      ),
    );
    await page.goto(`${baseURL}${PAGE}?${mid.toString()}`);
    await hydrated(page);
    await expect(page.getByTestId("level-estimate").textContent()).resolves.toContain("Your level: Below Junior");
    await expect(page.getByRole("button", { name: "Print" }).isVisible()).resolves.toBe(true);

    await page.locator('select[name="met.mlflow"]').selectOption("mid");
    await page.waitForURL(/met\.mlflow=mid/);
    await page.getByTestId("level-estimate").getByText("Your level: Mid").waitFor();
    await expect(page.getByRole("heading", { name: "To reach Senior" }).isVisible()).resolves.toBe(true);
    await expect(firstMissing(page).textContent()).resolves.toMatch(/^MLflow Mandatory \(your answer: Mid\)/);
    // The profile's own words for Senior, not a code.
    await expect(firstMissing(page).textContent()).resolves.toContain(MLFLOW_SENIOR);
    await expect(page.locator('select[name="met.mlflow"]').inputValue()).resolves.toBe("mid");
    await expectAccessible(page);

    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "level-calculator-en-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, "level-calculator-en-390.png"), fullPage: true });
  });

  it("reads in Chinese: the estimate, the recommendations and the chart's table, at desktop and phone sizes", async () => {
    const member = await createOwnUser(data(), "interviewer");
    const page = await newPage();
    await signIn(page, baseURL, member.email);
    const senior = new URLSearchParams(
      mlEngineer.skillsMatrix.groups.flatMap((group) =>
        group.skills.map((skill) => {
          const codes: Record<string, string | undefined> = skill.codes;
          return [`met.${skill.slug}`, codes.senior === "—" ? "mid" : "senior"];
        }),
      ),
    );
    await page.goto(`${baseURL}${PAGE}?${senior.toString()}`);
    await hydrated(page);
    await page.getByLabel("Language").selectOption("zh-CN");
    await page.locator("html[lang=zh-CN]").waitFor();
    expect(new URL(page.url()).searchParams.get("met.mlflow")).toBe("senior");
    await page.getByRole("heading", { level: 1, name: "ML Engineer：级别计算器" }).waitFor();
    await expect(page.title()).resolves.toBe("ML Engineer · 级别计算器 · Traitkit");
    await expect(page.getByTestId("level-estimate").textContent()).resolves.toContain("您的级别：高级");
    await expect(page.getByRole("heading", { name: "达到主管" }).isVisible()).resolves.toBe(true);
    await expect(firstMissing(page).textContent()).resolves.toMatch(/^MLflow\s*必要/);
    await expect(page.getByTestId("level-met-table").locator("tr[data-level=senior] th").textContent()).resolves.toBe("高级");
    await expectAccessible(page);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "level-calculator-zh-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, "level-calculator-zh-390.png"), fullPage: true });
  });
});
