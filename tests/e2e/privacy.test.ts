import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { expectAccessible, hydrated, useBrowser, usePages } from "./browser";

const RECRUITER = "recruiter@demo.traitkit.test";

/** A name and email no other test uses. */
function uniqueCandidate(): { name: string; email: string } {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  return { name: `Privacy Tester-${stamp}`, email: `privacy.${stamp}@example.com` };
}

describe("a candidate's data: export and erase", () => {
  const { browser, baseURL } = useBrowser();
  const { signedInPage: newPage } = usePages(browser, baseURL);

  it("downloads the candidate's JSON, asks before erasing (Escape cancels), then erases the candidate", async () => {
    const person = uniqueCandidate();
    const page = await newPage(RECRUITER);
    await page.goto(`${baseURL}/candidates/new`);
    await page.getByRole("heading", { level: 1, name: "Add a candidate" }).waitFor();
    await page.getByLabel("Name", { exact: true }).fill(person.name);
    await page.getByLabel("Email", { exact: true }).fill(person.email);
    await page.getByRole("button", { name: "Add candidate" }).click();
    await page.getByRole("heading", { level: 1, name: person.name }).waitFor();
    const candidatePath = new URL(page.url()).pathname;
    await page.getByRole("heading", { level: 2, name: "Personal data" }).waitFor();
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export data (JSON)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const file: unknown = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
    expect(file).toMatchObject({ format: "traitkit.candidate/v1", candidate: { name: person.name, email: person.email }, assessments: [] });

    // Erasing looks like what it is, not like the page's next step.
    const colour = (name: string) =>
      page.getByRole("button", { name, exact: true }).evaluate((button) => getComputedStyle(button).backgroundColor);
    await expect(colour("Erase candidate")).resolves.toBe("rgb(180, 35, 24)");
    await expect(colour("Create assessment")).resolves.not.toBe("rgb(180, 35, 24)");

    // It asks first, in a dialog saying what is lost; Escape leaves everything as it was.
    await hydrated(page);
    await page.getByRole("button", { name: "Erase candidate" }).click();
    const dialog = page.getByRole("dialog", { name: `Erase ${person.name} for good?` });
    await dialog.getByText("The audit log keeps only that an erasure happened.", { exact: false }).waitFor();
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("heading", { level: 1, name: person.name }).waitFor();

    await page.getByRole("button", { name: "Erase candidate" }).click();
    await dialog.getByRole("button", { name: "Erase for good" }).click();
    await page.waitForURL((url) => url.pathname === "/candidates");
    await page.getByRole("heading", { level: 1, name: "Candidates" }).waitFor();
    await expect(page.getByText(person.name).count()).resolves.toBe(0);
    await expectAccessible(page);

    const gone = await page.goto(`${baseURL}${candidatePath}`);
    expect(gone?.status()).toBe(404);
  });
});
