import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../seeds/demo-accounts";
import { describedBy, expectAccessible, hydrated, signIn, useBrowser, usePages } from "./browser";
import { createOwnUser, slugOf, useTestData, type OwnUser } from "./factories";

const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");

const RECRUITER = "recruiter@demo.traitkit.test";
const INTERVIEWER1 = "interviewer1@demo.traitkit.test";

function demoName(email: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`${email} is not a demo account`);
  return account.name;
}

/** Waits for a URL of this site with exactly this path and query (a string would be a glob, where "?" is special). */
async function landsOn(page: Page, pathAndQuery: string): Promise<void> {
  await page.waitForURL((url) => url.pathname + url.search === pathAndQuery);
}

async function signInPage(page: Page): Promise<void> {
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
}

describe("accounts", () => {
  const { browser, baseURL } = useBrowser();
  const { newPage } = usePages(browser, baseURL);
  const testData = useTestData("Accounts");
  /** Deactivated and reactivated here: an account of this file's own, so no demo account is ever locked out. */
  let leaver: OwnUser;

  beforeAll(async () => {
    leaver = await createOwnUser(testData(), "interviewer");
  });

  it("sends a signed-out visitor to the sign-in page and back to the page they asked for", async () => {
    const page = await newPage();
    await page.goto(`${baseURL}/roles`);
    await signInPage(page);
    expect(page.url()).toBe(`${baseURL}/login?redirectTo=%2Froles`);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link").count()).resolves.toBe(0);
    await expectAccessible(page);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "login.png"), fullPage: true });

    await page.getByLabel("Email", { exact: true }).fill(RECRUITER);
    await page.getByLabel("Password", { exact: true }).fill("traitkit-demo");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await landsOn(page, "/roles");
    await page.getByRole("heading", { level: 1, name: "Role library" }).waitFor();
    await expect(page.getByText("Signed in as").textContent()).resolves.toBe(`Signed in as ${demoName(RECRUITER)} · recruiter`);
    await expectAccessible(page);
  });

  it("says a wrong password is not right by the form and stays on the sign-in page", async () => {
    const page = await newPage();
    await page.goto(`${baseURL}/login`);
    await signInPage(page);
    await page.getByLabel("Email", { exact: true }).fill(INTERVIEWER1);
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toBe("The email or password is not right.");
    expect(new URL(page.url()).pathname).toBe("/login");
    await expect(page.getByText("Signed in as").count()).resolves.toBe(0);
    // The form keeps the typed email, never the password.
    await expect(page.getByLabel("Email", { exact: true }).inputValue()).resolves.toBe(INTERVIEWER1);
    await expectAccessible(page);

    // A malformed email next: its own error by the field, not the last answer's message.
    await hydrated(page);
    await page.getByLabel("Email", { exact: true }).fill("not-an-email");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.locator("#field-email-error").waitFor();
    await expect(page.getByText("The email or password is not right.").count()).resolves.toBe(0);
  });

  it("shows an invalid email's error next to the field before posting, with JavaScript on", async () => {
    const page = await newPage();
    await page.goto(`${baseURL}/login`);
    await signInPage(page);
    await hydrated(page);
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    const email = page.getByLabel("Email", { exact: true });
    await email.fill("not-an-email");
    await page.getByLabel("Password", { exact: true }).fill("traitkit-demo");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByText("Enter an email address like name@example.com").waitFor();
    await expect(email.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(describedBy(email)).resolves.toBe("Enter an email address like name@example.com");
    expect(posts).toEqual([]);
    expect(new URL(page.url()).pathname).toBe("/login");
    await expectAccessible(page);
  });

  it("shows the server's error next to an invalid email, with JavaScript off", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${baseURL}/login`);
    await signInPage(page);
    await expectAccessible(page, { javaScriptEnabled: false });
    await page.getByLabel("Email", { exact: true }).fill("not-an-email");
    await page.getByLabel("Password", { exact: true }).fill("traitkit-demo");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Sign in", exact: true }).click(),
    ]);
    expect(response.status()).toBe(400);
    await page.getByText("Enter an email address like name@example.com").waitFor();
    const email = page.getByLabel("Email", { exact: true });
    await expect(email.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(describedBy(email)).resolves.toBe("Enter an email address like name@example.com");
    await expect(email.inputValue()).resolves.toBe("not-an-email");
    expect(new URL(page.url()).pathname).toBe("/login");
    await expectAccessible(page, { javaScriptEnabled: false });
  });

  it("gives the recruiter the Users page with every demo account, and an audit log with the sign-in", async () => {
    const page = await newPage();
    await signIn(page, baseURL, RECRUITER);
    await page.getByRole("heading", { level: 1, name: "Role library" }).waitFor();
    await expectAccessible(page);
    const nav = page.getByRole("navigation", { name: "Main" });
    const recruiterLinks = await nav.getByRole("link").allTextContents();
    expect(recruiterLinks).toEqual(expect.arrayContaining(["Role library", "Skill profiles", "Users", "Audit log"]));

    await nav.getByRole("link", { name: "Users" }).click();
    await landsOn(page, "/settings/users");
    await page.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    const table = page.locator("[data-testid=users-table]");
    for (const account of DEMO_ACCOUNTS) {
      const row = table.locator("tbody tr", { hasText: account.email });
      await expect(row.count()).resolves.toBe(1);
      await expect(row.locator("th").textContent()).resolves.toContain(account.name);
      await expect(row.locator("td").nth(2).textContent()).resolves.toBe("Active");
    }
    await expect(table.locator("tbody tr", { hasText: RECRUITER }).locator("th").textContent()).resolves.toBe(
      `${demoName(RECRUITER)} · you`,
    );
    await expectAccessible(page);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "users.png"), fullPage: true });

    await nav.getByRole("link", { name: "Audit log" }).click();
    await landsOn(page, "/audit");
    await page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();
    const rows = page.locator("[data-testid=audit-table] tbody tr");
    const signIns = rows.filter({ has: page.locator(".audit-action", { hasText: /^Signed in$/ }) });
    // Newest first: the top sign-in is the one this test just made.
    await expect(signIns.count()).resolves.toBeGreaterThan(0);
    await expect(signIns.first().locator("td").nth(1).textContent()).resolves.toBe(demoName(RECRUITER));
    // The action reads as a label, with its exact code kept under it.
    const action = signIns.first().locator("td").nth(2);
    await expect(action.locator(".audit-action").textContent()).resolves.toBe("Signed in");
    await expect(action.locator("code").textContent()).resolves.toBe("user.sign_in");
    await expect(signIns.first().locator("td").nth(3).textContent()).resolves.toMatch(/^user #\d+$/);
    // Every action the app writes has a label: no row shows a bare code.
    await expect(rows.locator(".audit-action").count()).resolves.toBe(await rows.count());
    await expectAccessible(page);
  });

  it("reads the users page and the audit log in Spanish, with formal address and labelled actions", async () => {
    const page = await newPage({ locale: "es-ES" });
    await page.goto(`${baseURL}/login`);
    await page.getByRole("heading", { level: 1, name: "Iniciar sesión" }).waitFor();
    await expect(page.getByText("Inicie sesión con").textContent()).resolves.toBe(
      "Inicie sesión con el correo electrónico y la contraseña de su cuenta de Traitkit.",
    );
    await signIn(page, baseURL, RECRUITER);
    await page.getByRole("heading", { level: 1, name: "Biblioteca de roles" }).waitFor();
    const nav = page.getByRole("navigation", { name: "Principal" });

    await nav.getByRole("link", { name: "Usuarios" }).click();
    await landsOn(page, "/settings/users");
    await page.getByRole("heading", { level: 1, name: "Usuarios" }).waitFor();
    await expect(page.locator("[data-testid=users-table] tbody tr", { hasText: RECRUITER }).locator("th").textContent()).resolves.toBe(
      `${demoName(RECRUITER)} · usted`,
    );

    await nav.getByRole("link", { name: "Auditoría" }).click();
    await landsOn(page, "/audit");
    await page.getByRole("heading", { level: 1, name: "Registro de auditoría" }).waitFor();
    const rows = page.locator("[data-testid=audit-table] tbody tr");
    const signIns = rows
      .filter({ has: page.locator(".audit-action", { hasText: /^Inició sesión$/ }) })
      .filter({ has: page.getByRole("cell", { name: demoName(RECRUITER), exact: true }) });
    await expect(signIns.count()).resolves.toBeGreaterThan(0);
    const action = signIns.first().locator("td").nth(2);
    await expect(action.locator(".audit-action").textContent()).resolves.toBe("Inició sesión");
    await expect(signIns.first().locator("td").nth(3).textContent()).resolves.toMatch(/^usuario #\d+$/);
    await expect(action.locator("code").textContent()).resolves.toBe("user.sign_in");
    await expect(rows.locator(".audit-action").count()).resolves.toBe(await rows.count());
    await expectAccessible(page);
  });

  it("lets an interviewer read the role library but not the recruiter's pages", async () => {
    const page = await newPage();
    await signIn(page, baseURL, INTERVIEWER1);
    // An interviewer starts from the assessments assigned to them.
    await page.getByRole("heading", { level: 1, name: "My assessments" }).waitFor();
    await expect(page.getByText("Signed in as").textContent()).resolves.toBe(`Signed in as ${demoName(INTERVIEWER1)} · interviewer`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Role library" }).click();
    await page.getByRole("heading", { level: 1, name: "Role library" }).waitFor();
    await expect(page.locator("tbody tr").count()).resolves.toBeGreaterThan(0);
    const nav = page.getByRole("navigation", { name: "Main" });
    const interviewerLinks = await nav.getByRole("link").allTextContents();
    expect(interviewerLinks).toEqual(expect.arrayContaining(["Role library", "Skill profiles"]));
    expect(interviewerLinks).not.toContain("Users");
    expect(interviewerLinks).not.toContain("Audit log");
    await expectAccessible(page);

    for (const pathname of ["/settings/users", "/audit"]) {
      const response = await page.goto(`${baseURL}${pathname}`);
      expect(response?.status()).toBe(404);
      await page.getByRole("heading", { level: 1, name: "Not found" }).waitFor();
      await expect(page.getByText("There is nothing at this address.").count()).resolves.toBe(1);
      await expectAccessible(page);
    }
  });

  it("invites a colleague who makes an account with the link, once", async () => {
    const recruiter = await newPage();
    await signIn(recruiter, baseURL, RECRUITER);
    await recruiter.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await recruiter.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    await expectAccessible(recruiter);

    const colleagueName = testData().unique("Nora Newcomer");
    const colleagueEmail = `${slugOf(colleagueName)}@example.com`;
    await recruiter.getByLabel("Email", { exact: true }).fill(colleagueEmail);
    await recruiter.getByLabel("Role", { exact: true }).selectOption("interviewer");
    await recruiter.getByRole("button", { name: "Make invite link" }).click();
    const linkField = recruiter.getByLabel("Invite link");
    await linkField.waitFor();
    await expect(recruiter.getByRole("status").textContent()).resolves.toContain(`Invite link for ${colleagueEmail}`);
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${baseURL}/invite/[^/]+$`));
    await expect(recruiter.getByRole("cell", { name: colleagueEmail, exact: true }).count()).resolves.toBe(1);
    await expectAccessible(recruiter);

    // The colleague: another browser, nobody signed in.
    const colleague = await newPage();
    await colleague.goto(link);
    await colleague.getByRole("heading", { level: 1, name: "Join Traitkit" }).waitFor();
    await expect(colleague.title()).resolves.toBe("Join Traitkit");
    await expect(colleague.getByText("You were invited").textContent()).resolves.toContain(
      `as interviewer with the address ${colleagueEmail}`,
    );
    await expectAccessible(colleague);

    const name = colleague.getByLabel("Your name");
    const password = colleague.getByLabel("Password", { exact: true });
    const repeat = colleague.getByLabel("Repeat the password");
    await name.fill(colleagueName);
    await password.fill("too short");
    await repeat.fill("too short");
    await colleague.getByRole("button", { name: "Create my account" }).click();
    await colleague.getByText("Use at least 12 characters").waitFor();
    await expect(password.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(describedBy(password)).resolves.toContain("Use at least 12 characters");
    expect(new URL(colleague.url()).pathname).toMatch(/^\/invite\//);
    await expectAccessible(colleague);

    await password.fill("quiet river lantern morning");
    await repeat.fill("quiet river lantern morning");
    await colleague.getByRole("button", { name: "Create my account" }).click();
    await landsOn(colleague, "/assessments");
    await colleague.getByRole("heading", { level: 1, name: "My assessments" }).waitFor();
    await expect(colleague.getByText("Signed in as").textContent()).resolves.toBe(`Signed in as ${colleagueName} · interviewer`);
    const colleagueLinks = await colleague.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents();
    expect(colleagueLinks).toContain("Role library");
    expect(colleagueLinks).not.toContain("Users");
    expect(colleagueLinks).not.toContain("Audit log");
    await expectAccessible(colleague);

    const again = await colleague.goto(link);
    expect(again?.status()).toBe(404);
    await colleague.getByRole("heading", { level: 1, name: "This invite link does not work" }).waitFor();
    await expect(colleague.title()).resolves.toBe("This invite link does not work · Traitkit");
    await expectAccessible(colleague);

    // The recruiter sees the new account, and its invite is no longer open.
    await recruiter.goto(`${baseURL}/settings/users`);
    await recruiter.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    const row = recruiter.locator("[data-testid=users-table] tbody tr", { hasText: colleagueEmail });
    await expect(row.locator("th").textContent()).resolves.toBe(colleagueName);
    // Its own invite is spent; other files' open invites, if any, are not this test's business.
    const ownInvite = recruiter.locator("[data-testid=invites-table] tbody tr", { hasText: colleagueEmail });
    await expect(ownInvite.count()).resolves.toBe(0);
    await expectAccessible(recruiter);
  });

  it("cancels an invite sent to a wrong address: its link stops working", async () => {
    const recruiter = await newPage();
    await signIn(recruiter, baseURL, RECRUITER);
    await recruiter.goto(`${baseURL}/settings/users`);
    const wrongEmail = "mistyped.colleage@example.com";
    await recruiter.getByLabel("Email", { exact: true }).fill(wrongEmail);
    await recruiter.getByLabel("Role", { exact: true }).selectOption("recruiter");
    await recruiter.getByRole("button", { name: "Make invite link" }).click();
    const link = await recruiter.getByLabel("Invite link").inputValue();

    await recruiter.getByRole("button", { name: `Cancel the invite for ${wrongEmail}` }).click();
    // It asks first: the link cannot be turned back on.
    await recruiter
      .getByRole("dialog", { name: `Cancel the invite for ${wrongEmail}?` })
      .getByRole("button", { name: "Cancel the invite" })
      .click();
    await expect(recruiter.getByRole("status").filter({ hasText: "Invite cancelled" }).textContent()).resolves.toBe(
      "Invite cancelled: its link no longer works.",
    );
    await expect.poll(() => recruiter.getByRole("cell", { name: wrongEmail, exact: true }).count()).toBe(0);
    await expectAccessible(recruiter);

    const stranger = await newPage();
    const response = await stranger.goto(link);
    expect(response?.status()).toBe(404);
    await stranger.getByRole("heading", { level: 1, name: "This invite link does not work" }).waitFor();
    await expect(stranger.title()).resolves.toBe("This invite link does not work · Traitkit");

    // The audit log says so, without the address.
    await recruiter.goto(`${baseURL}/audit`);
    await recruiter.getByText("Cancelled an invite").first().waitFor();
    await expect(recruiter.locator("main").textContent()).resolves.not.toContain(wrongEmail);
  });

  it("signs out with the Sign out button", async () => {
    const page = await newPage();
    await signIn(page, baseURL, RECRUITER);
    await page.getByRole("heading", { level: 1, name: "Role library" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await landsOn(page, "/login");
    await signInPage(page);
    await expect(page.getByText("Signed in as").count()).resolves.toBe(0);
    await expectAccessible(page);

    await page.goto(`${baseURL}/roles`);
    await signInPage(page);
    expect(page.url()).toBe(`${baseURL}/login?redirectTo=%2Froles`);
  });

  it("ends a deactivated interviewer's session at their next page", async () => {
    const interviewer = await newPage();
    await signIn(interviewer, baseURL, leaver.email);
    await interviewer.getByRole("heading", { level: 1, name: "My assessments" }).waitFor();
    await expectAccessible(interviewer);

    const recruiter = await newPage();
    await signIn(recruiter, baseURL, RECRUITER);
    await recruiter.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await recruiter.getByRole("heading", { level: 1, name: "Users" }).waitFor();
    const name = leaver.name;
    await recruiter.getByRole("button", { name: `Deactivate: ${name}` }).click();
    await recruiter.getByRole("button", { name: `Reactivate: ${name}` }).waitFor();
    await expect(recruiter.getByRole("status").textContent()).resolves.toBe(
      "Deactivated: their sessions ended at once. Their scorecards stay.",
    );
    const row = recruiter.locator("[data-testid=users-table] tbody tr", { hasText: leaver.email });
    await expect(row.locator("td").nth(2).textContent()).resolves.toBe("Deactivated");
    await expectAccessible(recruiter);

    // The interviewer's page is still open; the next click finds the session gone.
    await interviewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Skill profiles" }).click();
    await landsOn(interviewer, "/login?redirectTo=%2Fskills");
    await signInPage(interviewer);
    await expect(interviewer.getByText("Signed in as").count()).resolves.toBe(0);
    await expectAccessible(interviewer);

    // Signing in again fails like a wrong password.
    await interviewer.getByLabel("Email", { exact: true }).fill(leaver.email);
    await interviewer.getByLabel("Password", { exact: true }).fill("traitkit-demo");
    await interviewer.getByRole("button", { name: "Sign in", exact: true }).click();
    await interviewer.getByRole("alert").waitFor();
    await expect(interviewer.getByRole("alert").textContent()).resolves.toBe("The email or password is not right.");

    // Reactivated, the account signs in again (and stays usable for later tests).
    await recruiter.getByRole("button", { name: `Reactivate: ${name}` }).click();
    await recruiter.getByRole("button", { name: `Deactivate: ${name}` }).waitFor();
    await expect(recruiter.getByRole("status").textContent()).resolves.toBe("Reactivated.");
    await expect(row.locator("td").nth(2).textContent()).resolves.toBe("Active");
    await signIn(interviewer, baseURL, leaver.email);
    await interviewer.getByRole("heading", { level: 1, name: "My assessments" }).waitFor();
    await expectAccessible(interviewer);
  });
});
