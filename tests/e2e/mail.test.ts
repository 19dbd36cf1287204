import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { describedBy, expectAccessible, hydrated, signIn, useBrowser, usePages, type PageOptions } from "./browser";
import {
  INTERVIEWER1,
  INTERVIEWER2,
  RECRUITER,
  calendarOf,
  demoName,
  mailAfter,
  newCandidate,
  unique,
  useMailServers,
  userId,
  waitUntil,
} from "./mail-servers";

/*
 * Issue 19 in a browser: e-mail through a real SMTP server (tests/integration/
 * support/smtp.ts), interview times per interviewer, the account page and the
 * Users page's failed messages. Each describe starts a demo server of its own
 * (mail-servers.ts) with APP_URL set and its own mail server: one that takes
 * every message, one that refuses every recipient. The whole loop, from the
 * panel to the decision, is interview-loop.test.ts.
 */

const APP_URL = "https://traitkit.example.test";
const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");

/** Presses Tab until `target` has focus, at most `max` times. */
async function tabUntil(page: Page, target: Locator, max: number): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${max} presses of Tab did not reach ${target.toString()}`);
}

/** The row of the interviewers table for one interviewer. */
function panelRow(page: Page, name: string): Locator {
  return page
    .getByTestId("interviewers-table")
    .locator("tbody tr")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

/**
 * Full-page screenshots of a page at 1280 and 390 px, in English and Spanish
 * browsers of the user, for a person to look at:
 * tests/.tmp/screenshots/mail-<name>-<lang>-<width>.png. axe checks each.
 */
async function screenshots(
  newPage: (options?: PageOptions) => Promise<Page>,
  baseURL: string,
  email: string,
  pathname: string,
  name: string,
): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const locale of ["en-US", "es-ES"]) {
    const page = await newPage({ locale });
    await signIn(page, baseURL, email);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${baseURL}${pathname}`);
      await hydrated(page);
      const lang = locale.slice(0, 2);
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe(lang);
      await page.screenshot({ path: path.join(SCREENSHOTS, `mail-${name}-${lang}-${width}.png`), fullPage: true });
      await expectAccessible(page);
    }
    await page.context().close();
  }
}

describe("with a mail server that takes every message", () => {
  const servers = useMailServers("record", { APP_URL });
  const { browser } = useBrowser();
  // This describe's own server: its address is known once beforeAll has started it.
  const { newPage } = usePages(browser, "");
  const signedIn = async (email: string, options: PageOptions = {}): Promise<Page> => {
    const page = await newPage(options);
    await signIn(page, servers().app.baseURL, email);
    return page;
  };
  const journey: { assessmentId?: number; candidateName?: string; candidateId?: number } = {};

  it("a recruiter creates an assessment with an interview time: the interviewer gets the panel mail with a calendar file, the page shows the time", async () => {
    const { smtp, db, app } = servers();
    const candidate = await newCandidate(db, "Mila");
    journey.candidateName = candidate.name;
    journey.candidateId = candidate.id;
    const page = await signedIn(RECRUITER);
    await page.goto(`${app.baseURL}/candidates/${candidate.id}`);
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(candidate.name);
    const kit = page.getByLabel("Interview kit", { exact: true });
    await expect(kit.inputValue()).resolves.not.toBe("");
    await page.getByLabel(`${demoName(INTERVIEWER1)} · interviewer`, { exact: true }).check();
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Create assessment" }) });
    await form.getByLabel("Interview date and time", { exact: true }).fill("2026-12-05T10:00");
    const zone = form.getByLabel("Time zone", { exact: true });
    // Once the page runs, the untouched zone is the browser's own.
    await expect(zone.inputValue()).resolves.not.toBe("");
    await zone.fill("");
    await zone.pressSequentially("Europe/Madrid");
    await expect(form.getByLabel("Scorecard due", { exact: true }).inputValue()).resolves.toBe("");
    await expect(describedBy(form.getByLabel("Scorecard due", { exact: true }))).resolves.toBe(
      "Empty: 24 hours after the interview (the team's setting).",
    );
    await expect(
      form.getByText("Each interviewer gets an e-mail saying they are on the panel, with the interview time and a calendar file.").count(),
    ).resolves.toBe(1);
    await expectAccessible(page);
    const before = smtp.received.length;
    await page.getByRole("button", { name: "Create assessment" }).click();
    await page.waitForURL(/\/assessments\/\d+$/);
    const assessmentId = Number(new URL(page.url()).pathname.split("/")[2]);
    journey.assessmentId = assessmentId;

    const mail = await mailAfter(smtp, before, (m) => m.subject === `Interview panel: ${candidate.name}`);
    expect(mail.to).toEqual([INTERVIEWER1]);
    expect(mail.text).toContain(`${APP_URL}/assessments/${assessmentId}`);
    expect(mail.text).toContain("Dec 5, 2026, 10:00 AM GMT+1 (Europe/Madrid)");
    const calendar = calendarOf(mail);
    expect(calendar).toContain("DTSTART:20261205T090000Z");
    // Only the interviewer on the panel is told.
    expect(smtp.received.slice(before).filter((m) => m.subject === `Interview panel: ${candidate.name}`)).toHaveLength(1);

    await hydrated(page);
    const row = panelRow(page, demoName(INTERVIEWER1));
    const time = row.getByTestId("interview-time");
    await expect(time.innerText()).resolves.toMatch(
      /^Dec 5, 2026, 10:00 AM GMT\+1\s+Europe\/Madrid\s+Scorecard due Dec 6, 2026, 10:00 AM GMT\+1\s+due in \d+ hr$/,
    );
    await expectAccessible(page);
  });

  it("refuses an unknown time zone by its field, with and without JavaScript; nothing is created", async () => {
    const { db, app } = servers();
    const candidate = await newCandidate(db, "Zonia");
    const assessmentsBefore = await db.selectFrom("assessments").select("id").execute();
    const outboxBefore = await db.selectFrom("mail_outbox").select("id").execute();

    // With JavaScript: the browser checks the form and the message shows by the field; nothing is posted.
    const page = await signedIn(RECRUITER);
    await page.goto(`${app.baseURL}/candidates/${candidate.id}`);
    await hydrated(page);
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(r.url());
    });
    await page.getByLabel(`${demoName(INTERVIEWER1)} · interviewer`, { exact: true }).check();
    await page.getByLabel("Interview date and time", { exact: true }).fill("2026-12-05T10:00");
    const zone = page.getByLabel("Time zone", { exact: true });
    await zone.fill("Mars/Olympus_Mons");
    await page.getByRole("button", { name: "Create assessment" }).click();
    await page.getByRole("alert").filter({ hasText: "The assessment was not created" }).waitFor();
    await expect(zone.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(describedBy(zone)).resolves.toContain("Enter a time zone by its name, like Europe/Madrid or UTC");
    await expect(page.locator("#assessment-interviewTimeZone-error").textContent()).resolves.toBe(
      "Enter a time zone by its name, like Europe/Madrid or UTC",
    );
    expect(posts).toEqual([]);
    expect(new URL(page.url()).pathname).toBe(`/candidates/${candidate.id}`);
    await expectAccessible(page);
    // Fixed, the message goes at once.
    await zone.fill("UTC");
    await expect(page.locator("#assessment-interviewTimeZone-error").count()).resolves.toBe(0);

    // Without JavaScript: the plain form posts, the server answers 400 with the message by the field.
    const plain = await newPage({ javaScriptEnabled: false });
    await signIn(plain, app.baseURL, RECRUITER);
    await plain.goto(`${app.baseURL}/candidates/${candidate.id}`);
    await plain.getByLabel(`${demoName(INTERVIEWER1)} · interviewer`, { exact: true }).check();
    await plain.getByLabel("Interview date and time", { exact: true }).fill("2026-12-05T10:00");
    // No script: the zone starts as UTC.
    const plainZone = plain.getByLabel("Time zone", { exact: true });
    await expect(plainZone.inputValue()).resolves.toBe("UTC");
    await plainZone.fill("Mars/Olympus_Mons");
    const [response] = await Promise.all([
      plain.waitForResponse((r) => r.request().method() === "POST"),
      plain.getByRole("button", { name: "Create assessment" }).click(),
    ]);
    expect(response.status()).toBe(400);
    await plain.waitForLoadState();
    const refusedZone = plain.getByLabel("Time zone", { exact: true });
    await expect(refusedZone.inputValue()).resolves.toBe("Mars/Olympus_Mons");
    await expect(refusedZone.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(describedBy(refusedZone)).resolves.toContain("Enter a time zone by its name, like Europe/Madrid or UTC");
    // What was typed stays: the interviewer's box and the date-time.
    await expect(plain.getByLabel(`${demoName(INTERVIEWER1)} · interviewer`, { exact: true }).isChecked()).resolves.toBe(true);
    await expect(plain.getByLabel("Interview date and time", { exact: true }).inputValue()).resolves.toBe("2026-12-05T10:00");
    await expectAccessible(plain, { javaScriptEnabled: false });

    expect(await db.selectFrom("assessments").select("id").execute()).toEqual(assessmentsBefore);
    expect(await db.selectFrom("mail_outbox").select("id").execute()).toEqual(outboxBefore);
  });

  it("the recruiter reschedules one interviewer from the assessment page's fold, by keyboard: a second mail arrives", async () => {
    const { smtp, db, app } = servers();
    const { assessmentId, candidateName } = journey;
    if (assessmentId === undefined || candidateName === undefined) throw new Error("The first journey made no assessment");
    const page = await signedIn(RECRUITER);
    await page.goto(`${app.baseURL}/assessments/${assessmentId}`);
    await hydrated(page);
    const name = demoName(INTERVIEWER1);
    const fold = page.locator("details.schedule").filter({ has: page.locator("summary", { hasText: `Interview time of ${name}` }) });
    await expect(fold.getAttribute("open")).resolves.toBeNull();
    // The fold by keyboard: its summary takes focus and opens with Enter.
    const summary = fold.locator("summary");
    await summary.focus();
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await expect(fold.getAttribute("open")).resolves.toBe("");
    // Its fields hold the current time, in the interview's zone.
    const at = fold.getByLabel("Interview date and time", { exact: true });
    await expect(at.inputValue()).resolves.toBe("2026-12-05T10:00");
    await expect(fold.getByLabel("Time zone", { exact: true }).inputValue()).resolves.toBe("Europe/Madrid");
    await expect(fold.getByLabel("Scorecard due", { exact: true }).inputValue()).resolves.toBe("2026-12-06T10:00");
    await expectAccessible(page);

    // Tab from the summary reaches the date-time first; typed by keyboard (US order: month, day, year, hour, minute, AM/PM).
    await page.keyboard.press("Tab");
    await expect(at.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type("1207");
    // The year takes up to 6 digits: the arrow moves on to the hour.
    await page.keyboard.type("2026");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.type("0430P");
    await expect(at.inputValue()).resolves.toBe("2026-12-07T16:30");
    // Tab walks the rest of the date-time's parts, then reaches the zone, which takes a new name.
    const zone = fold.getByLabel("Time zone", { exact: true });
    await tabUntil(page, zone, 8);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("America/Mexico_City");
    await page.keyboard.press("Escape");
    const due = fold.getByLabel("Scorecard due", { exact: true });
    await page.keyboard.press("Tab");
    await expect(due.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // Emptied: the team's 24 hours after the new time.
    await due.fill("");
    // Tab walks the date-time's parts (month, day, year, hour, minute, AM/PM), then on to the button.
    const save = fold.getByRole("button", { name: "Save interview time" });
    await tabUntil(page, save, 8);
    const before = smtp.received.length;
    await page.keyboard.press("Enter");
    const mail = await mailAfter(smtp, before, (m) => m.subject === `Interview panel: ${candidateName}`);
    expect(mail.to).toEqual([INTERVIEWER1]);
    expect(mail.text).toContain("America/Mexico_City");
    // 16:30 in Mexico City (UTC−6, no DST since 2022) is 22:30 UTC.
    const calendar = calendarOf(mail);
    expect(calendar).toContain("DTSTART:20261207T223000Z");
    // The same calendar entry, updated.
    expect(calendar).toMatch(new RegExp(`UID:assessment-${assessmentId}-interviewer-${await userId(db, INTERVIEWER1)}`));

    await page.waitForURL(`${app.baseURL}/assessments/${assessmentId}`);
    await hydrated(page);
    await expect(panelRow(page, name).getByTestId("interview-time").innerText()).resolves.toMatch(
      /^Dec 7, 2026, 4:30 PM CST\s+America\/Mexico_City\s+Scorecard due Dec 8, 2026, /,
    );
    const stored = await db
      .selectFrom("assessment_interviewers")
      .select(["interview_at", "interview_time_zone", "scorecard_due_at"])
      .where("assessment_id", "=", assessmentId)
      .where("user_id", "=", await userId(db, INTERVIEWER1))
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      interview_at: "2026-12-07T22:30:00.000Z",
      interview_time_zone: "America/Mexico_City",
      scorecard_due_at: "2026-12-08T22:30:00.000Z",
    });
    await expectAccessible(page);
  });

  it("any user changes their name, language and e-mail preferences on their account page; a wrong current password is refused by its field", async () => {
    const { db, app } = servers();
    const page = await signedIn(INTERVIEWER2);
    await hydrated(page);
    await page.getByRole("link", { name: /^Signed in as / }).click();
    await page.waitForURL(`${app.baseURL}/settings/account`);
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Your account");
    await expectAccessible(page);

    const newName = unique("Inés Renamed");
    await page.getByLabel("Your name", { exact: true }).fill(newName);
    // The account's own language field (the header's switch is also labelled "Language").
    await page.getByRole("region", { name: "Name and language" }).getByLabel("Language", { exact: true }).selectOption("es");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    // The pages follow the chosen language at once.
    await page.locator("html[lang=es]").waitFor({ state: "attached" });
    await page.getByRole("status").filter({ hasText: "Guardado." }).waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Su cuenta");
    await expect(page.getByRole("link", { name: /^Sesión de / }).textContent()).resolves.toBe(`Sesión de ${newName} · entrevistador`);
    await expectAccessible(page);

    // Reminders off, in Spanish now.
    const reminders = page.getByLabel("Recordatorios de mis scorecards vencidas", { exact: true });
    await expect(reminders.isChecked()).resolves.toBe(true);
    await reminders.uncheck();
    await page.getByRole("button", { name: "Guardar", exact: true }).click();
    await waitUntil("the preference saved", async () => {
      const row = await db
        .selectFrom("users")
        .select(["name", "language", "mail_reminders"])
        .where("email", "=", INTERVIEWER2)
        .executeTakeFirst();
      return row?.mail_reminders === 0 ? row : undefined;
    }).then((row) => expect(row).toEqual({ name: newName, language: "es", mail_reminders: 0 }));
    // Read again: the box stays unticked.
    await page.reload();
    await hydrated(page);
    await expect(page.getByLabel("Recordatorios de mis scorecards vencidas", { exact: true }).isChecked()).resolves.toBe(false);
    await expect(page.getByRole("region", { name: "Nombre e idioma" }).getByLabel("Idioma", { exact: true }).inputValue()).resolves.toBe(
      "es",
    );

    // A wrong current password: its message by the field.
    const current = page.getByLabel("Contraseña actual", { exact: true });
    await current.fill("not-my-password-at-all");
    await page.getByLabel("Contraseña nueva", { exact: true }).fill("a brand new long passphrase 42");
    await page.getByLabel("Repita la contraseña nueva", { exact: true }).fill("a brand new long passphrase 42");
    await page.getByRole("button", { name: "Cambiar la contraseña", exact: true }).click();
    await expect.poll(() => current.getAttribute("aria-invalid")).toBe("true");
    await expect(describedBy(current)).resolves.toContain("Esta no es su contraseña actual");
    await expectAccessible(page);
  });

  it("on a phone, the one-interviewer panel's table can be scrolled by keyboard (its region takes focus)", async () => {
    const { app } = servers();
    const { assessmentId } = journey;
    if (assessmentId === undefined) throw new Error("The first journey made no assessment");
    const page = await signedIn(RECRUITER, { viewport: { width: 390, height: 844 } });
    await page.goto(`${app.baseURL}/assessments/${assessmentId}`);
    await hydrated(page);
    const region = page.locator('section[aria-labelledby="interviewers"] .table-scroll');
    await expect(region.getAttribute("tabindex")).resolves.toBe("0");
    await expectAccessible(page);
  });

  it("screenshots: the new-assessment form, the assessment with interview times, the account page", async () => {
    const { app } = servers();
    const { assessmentId, candidateId } = journey;
    if (assessmentId === undefined || candidateId === undefined) throw new Error("The first journey made no assessment");
    await screenshots(newPage, app.baseURL, RECRUITER, `/candidates/${candidateId}`, "candidate");
    await screenshots(newPage, app.baseURL, RECRUITER, `/assessments/${assessmentId}`, "assessment");
    await screenshots(newPage, app.baseURL, RECRUITER, "/settings/account", "account");
    // The fold open, on a phone and a desktop.
    for (const width of [390, 1280]) {
      const page = await signedIn(RECRUITER, { viewport: { width, height: 900 } });
      await page.goto(`${app.baseURL}/assessments/${assessmentId}`);
      await hydrated(page);
      await page.locator("details.schedule > summary").first().click();
      await page.screenshot({ path: path.join(SCREENSHOTS, `mail-assessment-fold-en-${width}.png`), fullPage: true });
    }
  });
});

describe("with a mail server that refuses every recipient", () => {
  const servers = useMailServers("refuse");
  const { browser } = useBrowser();
  const { newPage } = usePages(browser, "");

  it("an invitation that fails shows on the Users page with the mail server's reason; Retry puts it back in the queue", async () => {
    const { db, app, smtp } = servers();
    const page = await newPage();
    await signIn(page, app.baseURL, RECRUITER);
    await page.goto(`${app.baseURL}/settings/users`);
    await hydrated(page);
    const mailSection = page.getByRole("region", { name: "E-mail", exact: true });
    // The demo's overdue scorecards were reminded at the worker's start, and refused too: only this invitation is followed.
    const email = `${unique("nobody").replace(/\s+/g, ".").toLowerCase()}@example.test`;
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption("interviewer");
    await page.getByRole("button", { name: "Make invite link" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `An e-mail with the invite link is on its way to ${email}` })
      .waitFor();

    const failed = await waitUntil("the invitation marked failed", async () => {
      const row = await db.selectFrom("mail_outbox").selectAll().where("to_address", "=", email).executeTakeFirst();
      return row?.failed_at ? row : undefined;
    });
    await page.reload();
    await hydrated(page);
    const table = page.getByTestId("failed-mail-table");
    const row = table.locator("tbody tr").filter({ hasText: email });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.locator("code").textContent()).resolves.toContain("Mailbox unavailable");
    await expect(row.innerText()).resolves.toContain("after 1 attempt");
    await expect(mailSection.getByText(/^\d+ messages? could not be sent/).count()).resolves.toBe(1);
    await expectAccessible(page);
    await screenshots(newPage, app.baseURL, RECRUITER, "/settings/users", "users");

    await row.getByRole("button", { name: new RegExp(`^Retry the message to ${email.replace(/\./g, "\\.")}: `) }).click();
    await page.getByRole("status").filter({ hasText: "The message is back in the queue: it goes out in a moment." }).waitFor();
    await expectAccessible(page);
    // Tried again, refused again.
    await waitUntil("the retried message failed again", async () => {
      const again = await db.selectFrom("mail_outbox").selectAll().where("id", "=", failed.id).executeTakeFirst();
      return again?.failed_at && again.failed_at !== failed.failed_at ? again : undefined;
    });
    const audit = await db.selectFrom("audit_log").select("entity_id").where("action", "=", "mail.retry").execute();
    expect(audit.map((a) => a.entity_id)).toEqual([String(failed.id)]);
    expect(smtp.received).toEqual([]);
  });
});
