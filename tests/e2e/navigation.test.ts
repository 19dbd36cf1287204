import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, hydrated, useBrowser, usePages } from "./browser";

const RECRUITER = "recruiter@demo.traitkit.test";

/** Marks the loaded document: the mark is gone after a full page load, and stays through the app's own navigation. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { traitkitMark: number }).traitkitMark = 1;
  });
}

async function documentKept(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { traitkitMark?: number }).traitkitMark === 1);
}

describe("links of the menu and of long tables", () => {
  const { browser, baseURL } = useBrowser();
  const { signedInPage } = usePages(browser, baseURL);

  it("go to their page without reloading it, mark the current menu entry, and leave modified clicks to the browser", async () => {
    const page = await signedInPage(RECRUITER);
    await page.goto(`${baseURL}/roles`);
    await hydrated(page);
    await markDocument(page);
    const menu = page.getByRole("navigation", { name: "Main" });
    await expect(menu.getByRole("link", { name: "Role library" }).getAttribute("aria-current")).resolves.toBe("page");

    await menu.getByRole("link", { name: "Candidates" }).click();
    await page.getByRole("heading", { level: 1, name: "Candidates" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/candidates");
    await expect(documentKept(page)).resolves.toBe(true);
    await expect(menu.getByRole("link", { name: "Candidates" }).getAttribute("aria-current")).resolves.toBe("page");
    await expect(menu.getByRole("link", { name: "Role library" }).getAttribute("aria-current")).resolves.toBeNull();
    await expectAccessible(page);

    // A row's link: the candidate's page, and the menu still marks the section.
    const firstRow = page.locator("table tbody tr").first().getByRole("link");
    const name = (await firstRow.textContent()) ?? "";
    await firstRow.click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/candidates\/\d+$/);
    await expect(documentKept(page)).resolves.toBe(true);
    await expect(menu.getByRole("link", { name: "Candidates" }).getAttribute("aria-current")).resolves.toBe("page");

    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Candidates" }).waitFor();
    await expect(documentKept(page)).resolves.toBe(true);

    // Ctrl+click opens the row in a new tab, as on any link; this page stays.
    const [opened] = await Promise.all([
      page.context().waitForEvent("page"),
      page
        .locator("table tbody tr")
        .first()
        .getByRole("link")
        .click({ modifiers: ["Control"] }),
    ]);
    await opened.waitForLoadState();
    expect(new URL(opened.url()).pathname).toMatch(/^\/candidates\/\d+$/);
    expect(new URL(page.url()).pathname).toBe("/candidates");
    await opened.close();
  });

  it("are plain links without JavaScript", async () => {
    const page = await signedInPage(RECRUITER, { javaScriptEnabled: false });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Candidates" }).click();
    await page.getByRole("heading", { level: 1, name: "Candidates" }).waitFor();
    const firstRow = page.locator("table tbody tr").first().getByRole("link");
    const name = (await firstRow.textContent()) ?? "";
    await firstRow.click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await expectAccessible(page, { javaScriptEnabled: false });
  });
});
