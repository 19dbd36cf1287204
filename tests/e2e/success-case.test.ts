import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hydrated, useBrowser, usePages } from "./browser";
import { createOwnRole, useTestData, type OwnRole } from "./factories";

/*
 * Issue 23, part 2: the role page draws the success case's OCEAN+ profile
 * beside the ideal bands, with its table, in every language; the recruiter
 * changes a score in the role form and reads it on the page.
 */

const RECRUITER = "recruiter@demo.traitkit.test";
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = path.join(os.tmpdir(), "traitkit-screenshots");

/** The whole page at desktop and phone width, for a person to look at. */
async function screenshots(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [width, viewport] of [
    ["1280", DESKTOP],
    ["390", PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.getByTestId("success-case-profile").screenshot({ path: path.join(SCREENSHOTS, `success-case-${name}-${width}.png`) });
    await expect(clipped(page), `${name} at ${width} px`).resolves.toEqual({ texts: [], sideways: 0 });
  }
  await page.setViewportSize(DESKTOP);
}

/** Texts of the drawing shown at this width that stick out of the chart's box, and how far the page scrolls sideways. */
async function clipped(page: Page): Promise<{ texts: string[]; sideways: number }> {
  const texts = await page.getByTestId("success-case-chart").evaluate((canvas) => {
    const box = canvas.getBoundingClientRect();
    return [...canvas.querySelectorAll("svg text")]
      .filter((text) => {
        const r = text.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
      })
      .map((text) => text.textContent ?? "");
  });
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  return { texts, sideways };
}

/** The success case's table as rows of cell texts. */
async function caseTable(page: Page): Promise<string[][]> {
  return page
    .getByTestId("success-case-table")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim() ?? "")));
}

describe("the success case's profile on the role page", () => {
  const { browser, baseURL } = useBrowser();
  const { signedInPage } = usePages(browser, baseURL);
  const testData = useTestData("Success case");
  let role: OwnRole;

  beforeAll(async () => {
    role = await createOwnRole(testData());
  });

  it("draws the case's scores over the ideal bands, with the table of their numbers, marked illustrative (English, Spanish, Chinese; axe clean)", async () => {
    const page = await signedInPage(RECRUITER);
    await page.goto(`${baseURL}/roles/${role.slug}`);
    const section = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Success case" }) });
    await section.getByRole("heading", { level: 3, name: "The case's OCEAN+ profile" }).waitFor();
    await expect(section.getByText(/^Illustrative: the documents give this profile as a chart only/).isVisible()).resolves.toBe(true);
    await expect(section.locator(".chart-wide svg[role=img]").getAttribute("aria-label")).resolves.toBe(
      "The case's score per trait against the ideal band (0–100)",
    );
    await expect(caseTable(page)).resolves.toEqual([
      ["Openness", "82", "65–85"],
      ["Conscientiousness", "90", "75–95"],
      ["Extraversion", "50", "40–60"],
      ["Agreeableness", "64", "55–75"],
      ["Emotional Stability", "72", "65–85"],
      ["Relational Engagement", "72", "55–75"],
    ]);
    await expectAccessible(page);
    await screenshots(page, "en");

    for (const [language, heading, note] of [
      ["es", "Perfil OCEAN+ del caso", /^Ilustrativo:/],
      ["zh-CN", "案例的OCEAN+档案", /^示意：/],
    ] as const) {
      // The language switch's cookie, set as the switch sets it, without changing the demo account's e-mail language.
      await page.context().addCookies([{ name: "lng", value: encodeURIComponent(btoa(JSON.stringify(language))), url: baseURL }]);
      await page.goto(`${baseURL}/roles/${role.slug}`);
      await page.getByRole("heading", { level: 3, name: heading }).waitFor();
      await expect(page.getByText(note).isVisible()).resolves.toBe(true);
      await expect(caseTable(page).then((rows) => rows.map((row) => row.slice(1)))).resolves.toEqual([
        ["82", "65–85"],
        ["90", "75–95"],
        ["50", "40–60"],
        ["64", "55–75"],
        ["72", "65–85"],
        ["72", "55–75"],
      ]);
      await expectAccessible(page);
      await screenshots(page, language);
    }
  });

  it("the recruiter changes a score and clears another in the role form, and the page shows them", async () => {
    const page = await signedInPage(RECRUITER);
    await page.goto(`${baseURL}/roles/${role.slug}/edit`);
    await hydrated(page);
    const scores = page.getByRole("group", { name: "The case's OCEAN+ profile (optional)" });
    await expect(scores.getByLabel("Openness", { exact: true }).inputValue()).resolves.toBe("82");
    await scores.getByLabel("Openness", { exact: true }).fill("77");
    await scores.getByLabel("Extraversion", { exact: true }).fill("");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Role saved.").waitFor();
    const rows = await caseTable(page);
    expect(rows[0]).toEqual(["Openness", "77", "65–85"]);
    expect(rows[2]).toEqual(["Extraversion", "Not given", "40–60"]);
    await expectAccessible(page);
  });
});
