import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hydrated, useBrowser, usePages } from "./browser";
import { createOwnCandidate, useTestData, type OwnCandidate } from "./factories";

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
  const testData = useTestData("Navigation");
  /** The row these tests open: the newest candidate, so on the list's first page. */
  let candidate: OwnCandidate;

  beforeAll(async () => {
    candidate = await createOwnCandidate(testData(), "Row Link", "mlops-engineer");
  });

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
    await page.locator("table tbody tr").getByRole("link", { name: candidate.name, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: candidate.name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/candidates/${candidate.id}`);
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
        .getByRole("link", { name: candidate.name, exact: true })
        .click({ modifiers: ["Control"] }),
    ]);
    await opened.waitForLoadState();
    expect(new URL(opened.url()).pathname).toBe(`/candidates/${candidate.id}`);
    expect(new URL(page.url()).pathname).toBe("/candidates");
    await opened.close();
  });

  it("are plain links without JavaScript", async () => {
    const page = await signedInPage(RECRUITER, { javaScriptEnabled: false });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Candidates" }).click();
    await page.getByRole("heading", { level: 1, name: "Candidates" }).waitFor();
    await page.locator("table tbody tr").getByRole("link", { name: candidate.name, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: candidate.name }).waitFor();
    await expectAccessible(page, { javaScriptEnabled: false });
  });
});
