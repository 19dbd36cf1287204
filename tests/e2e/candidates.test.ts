import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_KIT } from "../../seeds/demo-kits";
import { expectAccessible, useBrowser, usePages, hydrated } from "./browser";

const RECRUITER = "recruiter@demo.traitkit.test";
const INTERVIEWER = "interviewer1@demo.traitkit.test";
const INTERVIEWER_NAMES = ["Ian Interviewer (demo)", "Inés Interviewer (demo)"];
const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");

function screenshot(page: Page, name: string): Promise<Buffer> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Picks the demo kit in the picker, whose options name each kit with its version. */
async function chooseDemoKit(page: Page): Promise<void> {
  const select = page.getByLabel("Interview kit");
  const labels = await select.locator("option").allTextContents();
  const label = labels.find((text) => text.startsWith(`${DEMO_KIT.name} (v`));
  if (!label) throw new Error(`No "${DEMO_KIT.name}" among the kits: ${labels.join(", ")}`);
  await select.selectOption({ label });
}

/** A name and email no other test uses, so the search finds exactly this candidate. */
function uniqueCandidate(label: string): { name: string; email: string } {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  return { name: `${label} Tester-${stamp}`, email: `tester.${stamp}@example.com` };
}

describe("candidates", () => {
  const { browser, baseURL } = useBrowser();
  const { signedInPage: newPage } = usePages(browser, baseURL);

  it("adds a candidate by typing, finds it in the list, opens it and creates an assessment with the demo kit and both interviewers", async () => {
    const person = uniqueCandidate("Quinn");
    const page = await newPage(RECRUITER);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Candidates" }).click();
    await page.getByRole("heading", { level: 1, name: "Candidates" }).waitFor();
    await page.getByRole("link", { name: "Ada Demo-Lovelace" }).waitFor();
    await expect.poll(() => page.title()).toBe("Candidates · Traitkit");
    await expectAccessible(page);
    await screenshot(page, "candidates-list");

    await page.getByRole("link", { name: "Add a candidate" }).click();
    await page.getByRole("heading", { level: 1, name: "Add a candidate" }).waitFor();
    await expect.poll(() => page.title()).toBe("Add a candidate · Traitkit");
    await hydrated(page);
    await expectAccessible(page);

    // The browser checks the form with the server's schema before posting.
    await page.getByRole("button", { name: "Add candidate" }).click();
    await page.locator("#field-name-error").getByText("Enter a name").waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("field-name");
    await expect(page.getByLabel("Name", { exact: true }).getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.getByLabel("Name", { exact: true }).getAttribute("aria-describedby")).resolves.toContain("field-name-error");
    await expectAccessible(page);

    await page.getByLabel("Name", { exact: true }).pressSequentially(person.name);
    await page.getByLabel("Email", { exact: true }).pressSequentially("not an email");
    await page.getByLabel("Source").click();
    await page.locator("#field-email-error").getByText("Enter an email address like name@example.com").waitFor();
    await page.getByLabel("Email", { exact: true }).fill("");
    await page.getByLabel("Email", { exact: true }).pressSequentially(person.email);
    await page.getByLabel("Role applied for").selectOption({ label: "MLOps Engineer" });
    await page.getByLabel("Source").pressSequentially("Referral");
    await page.getByLabel("Notes").pressSequentially("Ran the feature store at a fintech.");
    await screenshot(page, "candidate-new");
    await page.getByRole("button", { name: "Add candidate" }).click();

    await page.waitForURL(/\/candidates\/\d+$/);
    await page.getByRole("heading", { level: 1, name: person.name }).waitFor();
    await page.getByRole("status").getByText("Candidate added.").waitFor();
    await page.getByText("No assessment yet").waitFor();
    await expectAccessible(page);

    // The list, newest first, has it; the search finds it by email.
    await page.getByRole("link", { name: "Candidates" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Candidates" }).waitFor();
    await expect(page.locator("[data-testid=candidates-table] tbody tr").first().locator("th").textContent()).resolves.toBe(person.name);
    await page.getByLabel("Search by name or email").fill(person.email.toUpperCase());
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByText(`1 candidate matches`).waitFor();
    await expect(page.locator("[data-testid=candidates-table] tbody tr").count()).resolves.toBe(1);
    await expectAccessible(page);
    await page.getByRole("link", { name: person.name }).click();
    await page.getByRole("heading", { level: 1, name: person.name }).waitFor();
    await hydrated(page);

    // No interviewer ticked: the error shows by the group, nothing is posted.
    await chooseDemoKit(page);
    await page.getByRole("button", { name: "Create assessment" }).click();
    await page.locator("#assessment-interviewers-error").getByText("Choose at least one interviewer").waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("assessment-interviewer-0");
    await expectAccessible(page);
    for (const name of INTERVIEWER_NAMES) await page.getByRole("group", { name: "Interviewers" }).getByLabel(name).check();
    // Fixed: the error goes as soon as an interviewer is ticked.
    await page.locator("#assessment-interviewers-error").waitFor({ state: "detached" });
    await screenshot(page, "candidate-page");
    await page.getByRole("button", { name: "Create assessment" }).click();
    await page.waitForURL(/\/assessments\/\d+$/);
  });

  it("adds a candidate and an assessment without JavaScript: the server's errors show by the fields", async () => {
    const person = uniqueCandidate("Robin");
    const page = await newPage(RECRUITER, { javaScriptEnabled: false });
    await page.goto(`${baseURL}/candidates/new`);
    await page.getByLabel("Email", { exact: true }).fill("robin@");
    await page.getByLabel("Source").fill("Job board");
    await page.getByRole("button", { name: "Add candidate" }).click();
    await page.getByRole("alert").getByText("The candidate was not saved").waitFor();
    await page.locator("#field-name-error").getByText("Enter a name").waitFor();
    await page.locator("#field-email-error").getByText("Enter an email address like name@example.com").waitFor();
    // What was typed is still there.
    await expect(page.getByLabel("Email", { exact: true }).inputValue()).resolves.toBe("robin@");
    await expect(page.getByLabel("Source").inputValue()).resolves.toBe("Job board");
    await expectAccessible(page, { javaScriptEnabled: false });
    await screenshot(page, "candidate-new-errors-nojs");

    await page.getByLabel("Name", { exact: true }).fill(person.name);
    await page.getByLabel("Email", { exact: true }).fill(person.email);
    await page.getByLabel("Role applied for").selectOption({ label: "MLOps Engineer" });
    await page.getByRole("button", { name: "Add candidate" }).click();
    await page.waitForURL(/\/candidates\/\d+$/);
    await page.getByRole("heading", { level: 1, name: person.name }).waitFor();
    await expectAccessible(page, { javaScriptEnabled: false });

    await chooseDemoKit(page);
    await page.getByRole("button", { name: "Create assessment" }).click();
    await page.locator("#assessment-interviewers-error").getByText("Choose at least one interviewer").waitFor();
    await expectAccessible(page, { javaScriptEnabled: false });
    for (const name of INTERVIEWER_NAMES) await page.getByRole("group", { name: "Interviewers" }).getByLabel(name).check();
    await page.getByRole("button", { name: "Create assessment" }).click();
    await page.waitForURL(/\/assessments\/\d+$/);

    // Edit: the saved values are in the server's HTML.
    await page.goto(`${baseURL}/candidates`);
    await page.getByLabel("Search by name or email").fill(person.name);
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: person.name }).click();
    await page.getByRole("link", { name: "Edit candidate" }).click();
    await expect(page.getByLabel("Email", { exact: true }).inputValue()).resolves.toBe(person.email);
    await expect(page.getByLabel("Role applied for").inputValue()).resolves.toBe("mlops-engineer");
    await expectAccessible(page, { javaScriptEnabled: false });
    await page.getByLabel("Notes").fill("Second round booked.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(/\/candidates\/\d+$/);
    await page.getByText("Second round booked.").waitFor();
    await page.locator("[data-testid=candidate-assessments]").getByText("0 of 2").waitFor();
  });

  it("shows the demo candidates and their assessments, and pages through the list", async () => {
    const page = await newPage(RECRUITER);
    await page.goto(`${baseURL}/candidates?sort=name`);
    const names = await page.locator("[data-testid=candidates-table] tbody th").allTextContents();
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await page.getByText(/^Page 1 of \d+$/).waitFor();
    // Dates as every other list writes them in the reader's language (the assessments list's "Nov 23, 2026").
    const added = await page.locator("[data-testid=candidates-table] tbody time").allTextContents();
    expect(added.length).toBeGreaterThan(0);
    for (const date of added) expect(date).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    await page.getByRole("link", { name: "Barbara Demo-Liskov" }).click();
    await page.getByRole("heading", { level: 1, name: "Barbara Demo-Liskov" }).waitFor();
    const row = page.locator("[data-testid=candidate-assessments] tbody tr").first();
    // The version the assessment was created with, whatever later edits of the kit made.
    await expect(row.locator("th").textContent()).resolves.toBe(`${DEMO_KIT.name} · version 1`);
    await expect(row.getByText("1 of 2").count()).resolves.toBe(1);
    await expectAccessible(page);
    await screenshot(page, "candidate-demo-blind-case");

    await page.goto(`${baseURL}/candidates?q=Demo-Lovelace`);
    await page.getByRole("link", { name: "Ada Demo-Lovelace" }).click();
    await page.locator("[data-testid=candidate-assessments]").getByText("Advance").waitFor();
    await page.getByRole("link", { name: "Edit candidate" }).click();
    await page.getByRole("heading", { level: 1, name: "Edit Ada Demo-Lovelace" }).waitFor();
    await expectAccessible(page);
    await screenshot(page, "candidate-edit");
  });

  it("reads in Spanish", async () => {
    const page = await newPage(RECRUITER, { locale: "es-ES" });
    await page.goto(`${baseURL}/candidates`);
    await page.getByRole("heading", { level: 1, name: "Candidatos" }).waitFor();
    await page.getByRole("link", { name: "Agregar un candidato" }).waitFor();
    await expect(page.title()).resolves.toBe("Candidatos · Traitkit");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Ada Demo-Lovelace" }).click();
    await page.getByRole("heading", { level: 2, name: "Nueva evaluación" }).waitFor();
    await expect.poll(() => page.title()).toBe("Ada Demo-Lovelace · Traitkit");
    await page.goto(`${baseURL}/roles/mlops-engineer/candidates`);
    await expect(page.title()).resolves.toBe("MLOps Engineer · Clasificación · Traitkit");
    await expectAccessible(page);
    await screenshot(page, "candidate-page-es");
  });

  it("is not there for an interviewer: no link, and the pages answer not found", async () => {
    const page = await newPage(INTERVIEWER);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Candidates" }).count()).resolves.toBe(0);
    const response = await page.goto(`${baseURL}/candidates`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Not found" }).waitFor();
  });
});
