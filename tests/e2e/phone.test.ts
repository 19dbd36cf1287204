import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, hydrated, useBrowser, usePages } from "./browser";
import { createOwnUser, useTestData } from "./factories";

const PHONE = { width: 390, height: 844 };

/** How far the page reaches right of the screen: 0 when nothing makes it scroll sideways. */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Boxes of the chart's text that stick out of the chart's own box. */
async function clippedChartText(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).evaluate((canvas) => {
    const box = canvas.getBoundingClientRect();
    return [...canvas.querySelectorAll("svg text")]
      .filter((text) => {
        const r = text.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
      })
      .map((text) => text.textContent ?? "");
  });
}

/** The boxes and round choices of the page smaller than 24 × 24 px (WCAG 2.5.8), by name. */
async function smallChoices(page: Page): Promise<string[]> {
  return page.locator('input[type="checkbox"], input[type="radio"]').evaluateAll((inputs) =>
    inputs
      .filter((input) => {
        const r = input.getBoundingClientRect();
        return r.width > 0 && (r.width < 24 || r.height < 24);
      })
      .map((input) => input.getAttribute("aria-label") ?? input.id),
  );
}

describe("on a phone (390 × 844)", () => {
  const { browser, baseURL } = useBrowser();
  const { signedInPage } = usePages(browser, baseURL);
  const testData = useTestData("phone");

  it("shows the recruiter's pages without scrolling sideways, the header's Sign out on screen", async () => {
    const page = await signedInPage("recruiter@demo.traitkit.test", { viewport: PHONE });
    // The forms too: a visually hidden label in a scrolling table once widened them.
    for (const path of [
      "/roles",
      "/roles/mlops-engineer",
      "/candidates",
      "/roles/mlops-engineer/candidates",
      "/assessments/1",
      "/roles/mlops-engineer/compare?c=1,2,3",
      "/roles/new",
      "/roles/mlops-engineer/edit",
      "/settings/users",
    ]) {
      await page.goto(`${baseURL}${path}`);
      await hydrated(page);
      expect(await sidewaysOverflow(page), path).toBe(0);
      const signOut = await page.getByRole("button", { name: "Sign out" }).boundingBox();
      expect(signOut && signOut.x + signOut.width, path).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page);
    }
  });

  it("draws the assessment's charts with their labels inside and room for the plot", async () => {
    const page = await signedInPage("recruiter@demo.traitkit.test", { viewport: PHONE });
    await page.goto(`${baseURL}/assessments/1`);
    await hydrated(page);
    for (const chart of ["trait-radar-chart", "trait-band-chart"]) {
      // The server's narrow drawing: the wide one is not shown on a phone.
      await page.getByTestId(chart).locator(".chart-narrow svg").waitFor();
      await expect(page.getByTestId(chart).locator(".chart-wide").isHidden()).resolves.toBe(true);
      expect(await clippedChartText(page, chart), chart).toEqual([]);
    }
    // The band chart's plot (its grid) keeps at least 40% of the chart's width (it had 12% behind 170 px labels).
    const canvas = await page.getByTestId("trait-band-chart").boundingBox();
    const grid = await page.getByTestId("trait-band-chart").locator(".chart-narrow .recharts-cartesian-grid").boundingBox();
    expect(canvas && grid && grid.width / canvas.width).toBeGreaterThan(0.4);
    // Each trait's figures ("83.3 (n=6)") stand right of the scale, clear of its band and mark.
    const labels = await page
      .getByTestId("trait-band-chart")
      .locator(".chart-narrow .recharts-label-list text")
      .evaluateAll((texts) => texts.map((text) => text.getBoundingClientRect().left));
    expect(labels).toHaveLength(6);
    for (const left of labels) expect(left).toBeGreaterThanOrEqual((grid?.x ?? 0) + (grid?.width ?? 0) - 1);
    // The transitions' sentence column has a readable width: rows of a few lines, not a column of single words (~180 px rows).
    const rowHeights = await page
      .getByTestId("transition-table")
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height));
    expect(rowHeights.length).toBeGreaterThan(0);
    for (const height of rowHeights) expect(height).toBeLessThan(120);
  });

  it("keeps the radar's trait names inside it on a 320 px phone, in English and Spanish", async () => {
    // An account with a long name is offered in the page's "Interviewer to add" list: a select
    // as wide as its longest option pushed the page sideways.
    await createOwnUser(testData(), "interviewer");
    for (const locale of ["en-US", "es-ES"]) {
      const page = await signedInPage("recruiter@demo.traitkit.test", { viewport: { width: 320, height: 640 }, locale });
      await page.goto(`${baseURL}/assessments/1`);
      await hydrated(page);
      await page.getByTestId("trait-radar-chart").locator(".chart-narrow svg").waitFor();
      // "Conscientiousness" and "Responsabilidad", one word each, ran off the screen.
      expect(await clippedChartText(page, "trait-radar-chart"), locale).toEqual([]);
      expect(await sidewaysOverflow(page), locale).toBe(0);
    }
  });

  it("keeps the header to a quarter of the screen in English and Spanish", async () => {
    for (const locale of ["en-US", "es-ES"]) {
      const page = await signedInPage("recruiter@demo.traitkit.test", { viewport: PHONE, locale });
      await page.goto(`${baseURL}/roles`);
      const header = await page.locator(".site-header").boundingBox();
      // It took 315 px (seven rows) before the menu, language and Sign out shared rows.
      expect(header && header.height, locale).toBeLessThanOrEqual(PHONE.height / 4);
      // The label is hidden from the eye only: the select keeps its name.
      const language = page.getByRole("combobox", { name: locale === "en-US" ? "Language" : "Idioma" });
      await expect(language.isVisible()).resolves.toBe(true);
      // Under 16 px a phone zooms the page in when the field gets focus.
      await expect(language.evaluate((select) => parseFloat(getComputedStyle(select).fontSize))).resolves.toBeGreaterThanOrEqual(16);
      await expectAccessible(page);
    }
  });

  it("adds a candidate with a long address and name, whose page and list wrap them instead of scrolling sideways", async () => {
    const page = await signedInPage("recruiter@demo.traitkit.test", { viewport: PHONE });
    const stamp = Date.now().toString(36);
    const email = `alexandra.konstantinidou.${stamp}@recruiting-partners.example.com`;
    const name = `Konstantinidou-Papadopoulou-${stamp}`;
    await page.goto(`${baseURL}/candidates/new`);
    await hydrated(page);
    await page.getByLabel("Name", { exact: true }).pressSequentially(name);
    await page.getByLabel("Email", { exact: true }).pressSequentially(email);
    await page.getByRole("button", { name: "Add candidate" }).click();
    await page.waitForURL(/\/candidates\/\d+$/);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await page.getByRole("cell", { name: email }).waitFor();
    expect(await sidewaysOverflow(page)).toBe(0);
    await expectAccessible(page);

    await page.goto(`${baseURL}/candidates?q=${encodeURIComponent(email)}`);
    await page.getByRole("cell", { name: email }).waitFor();
    expect(await sidewaysOverflow(page)).toBe(0);
  });

  it("keeps each row's name in view while a wide table scrolls sideways", async () => {
    const page = await signedInPage("recruiter@demo.traitkit.test", { viewport: PHONE });
    await page.goto(`${baseURL}/roles/mlops-engineer/compare?c=1,2,3`);
    const box = page.locator(".table-scroll").first();
    await box.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
    await expect.poll(() => box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    const rowName = await box.getByRole("rowheader", { name: "Openness" }).boundingBox();
    const boxEdge = await box.boundingBox();
    expect(rowName && boxEdge && rowName.x).toBeGreaterThanOrEqual(boxEdge?.x ?? 0);
    await expectAccessible(page);
  });

  it("scrolls a field the keyboard reaches in a wide table out from under the row's name", async () => {
    const page = await signedInPage("recruiter@demo.traitkit.test", { viewport: PHONE });
    await page.goto(`${baseURL}/roles/new`);
    await hydrated(page);
    for (const trait of ["Openness", "Conscientiousness"]) {
      await page.getByLabel(`${trait}: Low`, { exact: true }).focus();
      await page.keyboard.press("Tab");
      const high = page.getByLabel(`${trait}: High`, { exact: true });
      await expect(high.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
      const [field, rowName] = await Promise.all([
        high.boundingBox(),
        page.getByRole("rowheader", { name: trait, exact: true }).boundingBox(),
      ]);
      expect(field && rowName && field.x, trait).toBeGreaterThanOrEqual((rowName?.x ?? 0) + (rowName?.width ?? 0));
    }
  });

  it("keeps a failed save's warning in view while the interviewer scores, far from the action bar", async () => {
    const page = await signedInPage("interviewer1@demo.traitkit.test", { viewport: PHONE });
    await page.goto(`${baseURL}/assessments`);
    await page.getByRole("link", { name: "Barbara Demo-Liskov" }).first().click();
    await page.getByRole("link", { name: "Open my scorecard" }).click();
    await hydrated(page);
    // The scorecard is there (its route's files and texts loaded) before the connection goes.
    await page.getByLabel("Notes on question 1", { exact: true }).waitFor();
    // Offline from here to the end: nothing reaches the server, so the demo data stays as it was.
    await page.context().setOffline(true);
    await page.getByLabel("Notes on question 1", { exact: true }).fill("Spoke of the rollback first.");
    const status = page.getByTestId("save-status");
    await status.filter({ hasText: "Not saved — retrying" }).waitFor();
    const box = await status.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= PHONE.height).toBe(true);
    // Ratings are chosen by finger: every round choice is big enough, and a rating's whole row takes the tap.
    expect(await smallChoices(page)).toEqual([]);
    const rating = page.locator(".rating-group").first().locator(".rating-option").nth(1);
    const [row, label] = await Promise.all([rating.boundingBox(), rating.locator("label").boundingBox()]);
    expect(row && label && label.x + label.width).toBeGreaterThan((row?.x ?? 0) + (row?.width ?? 0) - 2);
    await expectAccessible(page);
    await page.close();
  });

  it("gives the ranking's compare boxes a finger-sized target", async () => {
    const page = await signedInPage("recruiter@demo.traitkit.test", { viewport: PHONE });
    await page.goto(`${baseURL}/roles/mlops-engineer/candidates`);
    await expect(page.getByTestId("ranking-table").getByRole("checkbox").count()).resolves.toBeGreaterThan(0);
    expect(await smallChoices(page)).toEqual([]);
    await expectAccessible(page);
  });

  it("shows an interviewer's assessments without scrolling sideways", async () => {
    const page = await signedInPage("interviewer1@demo.traitkit.test", { viewport: PHONE });
    await page.goto(`${baseURL}/assessments`);
    await hydrated(page);
    expect(await sidewaysOverflow(page)).toBe(0);
    await expectAccessible(page);
  });
});

describe("between a phone and a desktop (641–1280 px)", () => {
  const { browser, baseURL } = useBrowser();
  const { signedInPage } = usePages(browser, baseURL);

  it("keeps the header inside the window in English and Spanish, the menu wrapping when it must", async () => {
    for (const locale of ["en-US", "es-ES"]) {
      const page = await signedInPage("recruiter@demo.traitkit.test", { locale, viewport: { width: 1280, height: 800 } });
      for (const width of [641, 660, 720, 780, 900, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${baseURL}/roles`);
        expect(await sidewaysOverflow(page), `${locale} at ${width} px`).toBe(0);
      }
      await expectAccessible(page);
    }
  });
});
