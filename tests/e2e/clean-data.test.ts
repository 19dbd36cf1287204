import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, hydrated, useBrowser, usePages } from "./browser";

/* Issue 16, "Clean data": limits said before they bite, long values that wrap, words the addresses use, one verdict. */

const RECRUITER = "recruiter@demo.traitkit.test";

/** A stamp no other test uses, so each test's records are its own. */
function stamp(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

/** The page is no wider than its window: nothing pushed off-screen sideways. */
async function fitsTheWindow(page: Page): Promise<void> {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

async function addCandidate(page: Page, baseURL: string, fields: { name: string; email: string }): Promise<void> {
  await page.goto(`${baseURL}/candidates/new`);
  await hydrated(page);
  await page.getByLabel("Name", { exact: true }).fill(fields.name);
  await page.getByLabel("Email", { exact: true }).fill(fields.email);
  await page.getByRole("button", { name: "Add candidate" }).click();
  await page.getByText("Candidate added.").waitFor();
}

describe("clean data", () => {
  const { browser, baseURL } = useBrowser();
  const { newPage, signedInPage } = usePages(browser, baseURL);

  it("tells of a pasted 10,000-character name instead of cutting it, and saves nothing", async () => {
    const page = await signedInPage(RECRUITER);
    await page.goto(`${baseURL}/candidates/new`);
    await page.getByRole("heading", { level: 1, name: "Add a candidate" }).waitFor();
    await hydrated(page);
    const name = page.getByLabel("Name", { exact: true });
    await expect(page.locator("#field-name-count").textContent()).resolves.toContain("0 / 200");
    await expectAccessible(page);

    await name.fill("N".repeat(10_000));
    // Nothing cut: the field holds all of it, and the count says by how much it is over.
    await expect(name.inputValue()).resolves.toHaveLength(10_000);
    const count = page.locator("#field-name-count");
    await expect(count.getAttribute("class")).resolves.toContain("character-count-over");
    await expect(count.textContent()).resolves.toContain("10000 / 200");
    await expect(count.textContent()).resolves.toContain("9800 characters over the limit of 200");
    await expect(name.getAttribute("aria-describedby")).resolves.toContain("field-name-count");

    await page.getByRole("button", { name: "Add candidate" }).click();
    await page.locator("#field-name-error").getByText("This is too long").waitFor();
    expect(new URL(page.url()).pathname).toBe("/candidates/new");
    await expectAccessible(page);

    // Near the limit the count warns; at it, it lets the name through.
    await name.fill("N".repeat(190));
    await expect(count.getAttribute("class")).resolves.toContain("character-count-near");
    await expect(count.textContent()).resolves.toContain("10 characters left of 200");
  });

  it("wraps a 200-character name with no spaces in /candidates instead of widening every row, on a desktop and on a phone", async () => {
    const page = await signedInPage(RECRUITER);
    const name = `W${stamp()}`.padEnd(200, "w");
    await addCandidate(page, baseURL, { name, email: `wide.${stamp()}@example.com` });
    await page.goto(`${baseURL}/candidates?q=${name.slice(0, 12)}`);
    const row = page.locator("[data-testid=candidates-table] tbody tr").first();
    await row.getByRole("link", { name }).waitFor();
    await fitsTheWindow(page);
    // The other columns stay on the screen beside the name.
    const table = await page.getByTestId("candidates-table").boundingBox();
    expect(table?.width).toBeLessThanOrEqual(1280);
    await expectAccessible(page);

    const phone = await signedInPage(RECRUITER, { viewport: { width: 390, height: 844 } });
    await phone.goto(`${baseURL}/candidates?q=${name.slice(0, 12)}`);
    await phone.getByRole("link", { name }).waitFor();
    await fitsTheWindow(phone);
    await expectAccessible(phone);
  });

  it("refuses a second candidate with an e-mail on file, links the one there, and keeps it once confirmed as another person", async () => {
    const page = await signedInPage(RECRUITER);
    const email = `twice.${stamp()}@example.com`;
    await addCandidate(page, baseURL, { name: "Tess Twice-First", email });

    await page.goto(`${baseURL}/candidates/new`);
    await hydrated(page);
    await page.getByLabel("Name", { exact: true }).fill("Tess Twice-Second");
    await page.getByLabel("Email", { exact: true }).fill(email.toUpperCase());
    await page.getByRole("button", { name: "Add candidate" }).click();
    const notice = page.getByTestId("duplicate-candidate");
    await notice.getByRole("link", { name: "Tess Twice-First" }).waitFor();
    await page.locator("#field-email-error").getByText("A candidate with this email is already on file.").waitFor();
    await expectAccessible(page);

    await page.getByLabel("This is a different person with the same email: save anyway").check();
    await page.getByRole("button", { name: "Add candidate" }).click();
    await page.getByText("Candidate added.").waitFor();
    await page.getByRole("heading", { level: 1, name: "Tess Twice-Second" }).waitFor();
  });

  it("suggests a new role's slug from its name as it is typed, keeps a slug typed by hand, and refuses a word the addresses use", async () => {
    const page = await signedInPage(RECRUITER);
    await page.goto(`${baseURL}/roles/new`);
    await page.getByRole("heading", { level: 1, name: "New role" }).waitFor();
    await hydrated(page);
    const name = page.getByLabel("Name", { exact: true });
    const slug = page.getByLabel("Slug", { exact: true });
    await name.pressSequentially("Ingeniería de Datos");
    await expect(slug.inputValue()).resolves.toBe("ingenieria-de-datos");
    await name.fill("New");
    await expect(slug.inputValue()).resolves.toBe("new-role");
    await expect(page.locator("#f-name-count").textContent()).resolves.toContain("3 / 200");
    await expectAccessible(page);

    // A name the library has already is worth a look, not a refusal.
    await name.fill("mlops engineer");
    await page.locator("#f-name-warning").getByRole("link", { name: "MLOps Engineer" }).waitFor();
    await expectAccessible(page);

    await slug.fill("import");
    await name.fill("Import Specialist");
    await expect(slug.inputValue()).resolves.toBe("import");
    await page.getByLabel("Family", { exact: true }).fill("Operations");
    await page.getByRole("button", { name: "Create role" }).click();
    await page.locator("#f-slug-error").getByText("The app's addresses use this word").waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("f-slug");
    expect(new URL(page.url()).pathname).toBe("/roles/new");
    await expectAccessible(page);
  });

  it("refuses a role file over 2 MB in the browser, before any upload", async () => {
    const page = await signedInPage(RECRUITER);
    await page.goto(`${baseURL}/roles/import`);
    await page.getByRole("heading", { level: 1, name: "Import a role" }).waitFor();
    await hydrated(page);
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    const field = page.getByLabel("Role file (JSON)");
    await field.setInputFiles({ name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(2 * 1024 * 1024 + 1, " ") });
    await page.locator("#role-file-error").getByText("The file is larger than 2 MB").waitFor();
    await expect(field.getAttribute("aria-invalid")).resolves.toBe("true");
    await page.getByRole("button", { name: "Import" }).click();
    await expectAccessible(page);
    expect(posts).toEqual([]);

    // A file within the limit clears the refusal; an empty one is then said to be empty.
    await field.setInputFiles({ name: "empty.json", mimeType: "application/json", buffer: Buffer.from("") });
    await expect(page.locator("#role-file-error").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Import" }).click();
    await page.getByTestId("import-errors").getByText("The file is empty.").waitFor();
    await expectAccessible(page);
  });

  it("gives an invite's password one verdict: a breached one is withdrawn once changed, and a mismatch is said as a mismatch", async () => {
    const recruiter = await signedInPage(RECRUITER);
    await recruiter.goto(`${baseURL}/settings/users`);
    await recruiter.getByLabel("Email", { exact: true }).fill(`verdict.${stamp()}@example.com`);
    await recruiter.getByLabel("Role", { exact: true }).selectOption("interviewer");
    await recruiter.getByRole("button", { name: "Make invite link" }).click();
    const link = await recruiter.getByLabel("Invite link").inputValue();

    const colleague = await newPage();
    await colleague.goto(link);
    await colleague.getByRole("heading", { level: 1, name: "Join Traitkit" }).waitFor();
    await hydrated(colleague);
    const password = colleague.getByLabel("Password", { exact: true });
    const repeat = colleague.getByLabel("Repeat the password");
    const submit = colleague.getByRole("button", { name: "Create my account" });
    const breached = colleague.getByText("looks like one from lists of breached passwords");
    const differ = colleague.getByText("The two passwords differ");
    await colleague.getByLabel("Your name").fill("Vera Verdict");
    await password.fill("password1234");
    await repeat.fill("password1234");
    await submit.click();
    await breached.waitFor();
    await expectAccessible(colleague);

    // A new passphrase, mistyped in the confirmation: only the mismatch is said.
    await password.fill("quiet harbour lantern evening");
    await repeat.fill("quiet harbour lantern evenin");
    await submit.click();
    await differ.waitFor();
    await expect(breached.count()).resolves.toBe(0);
    await expectAccessible(colleague);

    await repeat.fill("quiet harbour lantern evening");
    await submit.click();
    await colleague.getByRole("heading", { level: 1, name: "My assessments" }).waitFor();
  });
});
