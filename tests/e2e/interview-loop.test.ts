import fs from "node:fs";
import path from "node:path";
import { TZDate } from "@date-fns/tz";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { ReceivedMail } from "../integration/support/smtp";
import { DEMO_PASSWORD, describedBy, expectAccessible, hydrated, useBrowser, usePages } from "./browser";
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
} from "./mail-servers";
import { rate, ratingGroups, recommendationGroup } from "./scorecard-form";

/*
 * Issue 19's "done when", in a browser: a whole interview loop where nobody
 * copies a link by hand. Every page after the first is opened from the link in
 * an e-mail the test's SMTP server received: the recruiter puts two
 * interviewers on a panel with an interview time, each gets the panel mail with
 * its calendar file; the first misses the due time and is reminded (once); both
 * submit, reading one trait two points apart; the recruiter is told that all
 * scorecards are in, runs the debrief on that trait, records the decision that
 * closes it and e-mails the candidate the report link, which the candidate
 * opens. APP_URL is not set: the links point at this test's own server, as they
 * do on a machine without a public address. The server looks for overdue
 * scorecards every second (MAIL_REMINDER_CHECK_SECONDS), not every minute.
 */

const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");
const ZONE = "Europe/Madrid";

/** The link a message's plain text gives after its action's words ("Open your scorecard: http://…"). */
function linkIn(mail: ReceivedMail, action: string): string {
  const found = new RegExp(`^${action}: (\\S+)$`, "m").exec(mail.text);
  if (!found?.[1]) throw new Error(`No "${action}" link in: ${mail.text}`);
  return found[1];
}

/** The date, in the interview's zone, `days` days before today: "2026-12-02". */
function daysAgoInZone(days: number): { date: string; y: number; m: number; d: number } {
  const day = new TZDate(Date.now() - days * 86_400_000, ZONE);
  const [y, m, d] = [day.getFullYear(), day.getMonth() + 1, day.getDate()];
  return { date: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`, y, m, d };
}

/** Opens a link from a message in a browser that is not signed in: the sign-in page, then where the link pointed. */
async function openFromMail(page: Page, link: string, email: string): Promise<void> {
  await page.goto(link);
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(link);
  // With JavaScript the sign-in navigates in the page: the address changes before the new page is drawn.
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor({ state: "detached" });
  await hydrated(page);
}

function screenshot(page: Page, name: string): Promise<Buffer> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: path.join(SCREENSHOTS, `loop-${name}.png`), fullPage: true });
}

/**
 * Rates every group of the scorecard: `trait` at `traitRating`, every other
 * trait 4; recommends "Yes" and submits, landing on the assessment page.
 */
async function submitScorecard(page: Page, trait: string, traitRating: number): Promise<void> {
  const groups = await ratingGroups(page);
  expect(groups.map((g) => g.trait)).toContain(trait);
  for (const group of groups) await rate(page, { ...group, rating: group.trait === trait ? traitRating : 4 });
  await recommendationGroup(page).getByText("Yes", { exact: true }).click();
  await page.getByRole("button", { name: "Submit scorecard" }).click();
  await page.getByTestId("panel").waitFor();
}

describe("a whole interview loop, run by e-mail", () => {
  const servers = useMailServers("record", { MAIL_REMINDER_CHECK_SECONDS: "1" });
  const { browser } = useBrowser();
  const { newPage } = usePages(browser, "");
  const loop: { assessmentId?: number; candidateName?: string; candidateEmail?: string; trait?: string } = {};
  const started = (): { assessmentId: number; candidateName: string; candidateEmail: string } => {
    const { assessmentId, candidateName, candidateEmail } = loop;
    if (assessmentId === undefined || !candidateName || !candidateEmail) throw new Error("The first step made no assessment");
    return { assessmentId, candidateName, candidateEmail };
  };
  const rated = (): { assessmentId: number; candidateName: string; candidateEmail: string; trait: string } => {
    if (!loop.trait) throw new Error("The first interviewer rated nothing");
    return { ...started(), trait: loop.trait };
  };

  it("the recruiter puts two interviewers on a panel with the interview two days ago: each gets the panel mail with its calendar file", async () => {
    const { smtp, db, app } = servers();
    const candidateEmail = `${unique("noor").replace(/\s+/g, ".").toLowerCase()}@candidate.example.test`;
    const candidate = await newCandidate(db, "Noor", candidateEmail);
    const page = await newPage();
    await openFromMail(page, `${app.baseURL}/candidates/${candidate.id}`, RECRUITER);
    await page.getByLabel(`${demoName(INTERVIEWER1)} · interviewer`, { exact: true }).check();
    await page.getByLabel(`${demoName(INTERVIEWER2)} · interviewer`, { exact: true }).check();
    // The interview took place two days ago: its scorecards, due 24 hours after it, are overdue.
    const day = daysAgoInZone(2);
    await page.getByLabel("Interview date and time", { exact: true }).fill(`${day.date}T10:00`);
    const zone = page.getByLabel("Time zone", { exact: true });
    await zone.fill(ZONE);
    await page.keyboard.press("Escape");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Create assessment" }).click();
    await page.waitForURL(/\/assessments\/\d+$/);
    const assessmentId = Number(new URL(page.url()).pathname.split("/")[2]);
    Object.assign(loop, { assessmentId, candidateName: candidate.name, candidateEmail });

    const interviewUtc = new Date(new TZDate(day.y, day.m - 1, day.d, 10, 0, 0, ZONE).getTime()).toISOString().replace(/[-:]|\.000/g, "");
    for (const email of [INTERVIEWER1, INTERVIEWER2]) {
      const mail = await mailAfter(smtp, 0, (m) => m.subject === `Interview panel: ${candidate.name}` && m.to.includes(email));
      expect(mail.to).toEqual([email]);
      expect(linkIn(mail, "Open the assessment")).toBe(`${app.baseURL}/assessments/${assessmentId}`);
      const calendar = calendarOf(mail);
      expect(calendar).toContain(`DTSTART:${interviewUtc}`);
      expect(calendar).toContain(`UID:assessment-${assessmentId}-interviewer-${await userId(db, email)}`);
    }
  });

  it("the first interviewer misses the due time: one reminder comes, and its link leads through sign-in to the scorecard, which they submit", async () => {
    const { smtp, app } = servers();
    const { assessmentId, candidateName } = started();
    const reminder = await mailAfter(smtp, 0, (m) => m.subject === `Scorecard overdue: ${candidateName}` && m.to.includes(INTERVIEWER1));
    expect(reminder.text).toMatch(/was due .* and is not submitted yet/);
    const link = linkIn(reminder, "Open your scorecard");
    expect(link).toBe(`${app.baseURL}/assessments/${assessmentId}/scorecard`);

    const page = await newPage();
    await openFromMail(page, link, INTERVIEWER1);
    await page.getByRole("heading", { level: 1, name: `Scorecard: ${candidateName}` }).waitFor();
    await expectAccessible(page);
    // Their list leads with it: overdue.
    const list = await newPage();
    await openFromMail(list, `${app.baseURL}/assessments`, INTERVIEWER1);
    const due = list.getByTestId("due-row").filter({ hasText: candidateName });
    await expect(due.getByTestId("due-state").innerText()).resolves.toMatch(/^overdue \d+ (hr|days?)$/);
    await expectAccessible(list);

    // The first trait of the scorecard is the one the two interviewers will read differently.
    const trait = (await ratingGroups(page))[0]?.trait;
    if (!trait) throw new Error("The scorecard has no rating group");
    loop.trait = trait;
    await submitScorecard(page, trait, 2);
    // One of two scorecards in: no debrief yet.
    await expect(page.getByTestId("debrief").count()).resolves.toBe(0);
    await expectAccessible(page);
  });

  it("the second interviewer submits from their reminder; the recruiter is told all scorecards are in; the first interviewer now reads the debrief, without its forms", async () => {
    const { smtp, app } = servers();
    const { assessmentId, candidateName, trait } = rated();
    const reminder = await mailAfter(smtp, 0, (m) => m.subject === `Scorecard overdue: ${candidateName}` && m.to.includes(INTERVIEWER2));
    const page = await newPage();
    await openFromMail(page, linkIn(reminder, "Open your scorecard"), INTERVIEWER2);
    await submitScorecard(page, trait, 4);

    const allIn = await mailAfter(smtp, 0, (m) => m.subject === `All scorecards are in: ${candidateName}`);
    expect(allIn.to).toEqual([RECRUITER]);
    expect(allIn.text).toContain("(2)");
    expect(linkIn(allIn, "Open the assessment")).toBe(`${app.baseURL}/assessments/${assessmentId}`);

    const first = await newPage();
    await openFromMail(first, `${app.baseURL}/assessments/${assessmentId}`, INTERVIEWER1);
    const debrief = first.getByTestId("debrief");
    await expect(debrief.locator("h3").allTextContents()).resolves.toEqual([trait]);
    await expect(debrief.getByRole("button").count()).resolves.toBe(0);
    await expectAccessible(first);
  });

  it("the recruiter runs the debrief from the 'all in' mail: the agreed reading of the trait (refused without a reason), then the decision, which closes it", async () => {
    const { smtp, db } = servers();
    const { assessmentId, candidateName, trait } = rated();
    const allIn = await mailAfter(smtp, 0, (m) => m.subject === `All scorecards are in: ${candidateName}`);
    const page = await newPage();
    await openFromMail(page, linkIn(allIn, "Open the assessment"), RECRUITER);
    const debrief = page.getByTestId("debrief");
    await expect(debrief.locator("h3").allTextContents()).resolves.toEqual([trait]);
    // The ratings side by side: one column per interviewer, 2 against 4 on every question of the trait.
    const table = debrief.getByRole("table", { name: `Each interviewer's ratings and notes on ${trait}` });
    await expect(table.locator("thead th").allInnerTexts()).resolves.toEqual(["Question", demoName(INTERVIEWER1), demoName(INTERVIEWER2)]);
    const cells = await table
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll("td strong")).map((cell) => cell.textContent)));
    expect(cells.length).toBeGreaterThan(0);
    for (const row of cells) expect(row).toEqual(["2", "4"]);
    await expectAccessible(page);
    await screenshot(page, "debrief-open");

    // A reading without its reason: refused by the field, nothing recorded.
    const reading = page.getByLabel(`Agreed reading of ${trait}`, { exact: true });
    await reading.selectOption("3");
    const record = page.getByRole("button", { name: `Record the reading of ${trait}` });
    const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), record.click()]);
    expect(refused.status()).toBe(400);
    const reason = page.getByLabel("Why (what the panel agreed on)", { exact: true });
    await expect.poll(() => reason.getAttribute("aria-invalid")).toBe("true");
    await expect(describedBy(reason)).resolves.not.toBe("");
    expect(await db.selectFrom("debrief_readings").selectAll().where("assessment_id", "=", assessmentId).execute()).toEqual([]);
    await expectAccessible(page);

    await reason.fill("Both saw the same planning; the second probe showed it on a deadline. We agree on 3.");
    await record.click();
    await debrief.getByTestId(/^agreed-/).waitFor();
    const agreed = await debrief.getByTestId(/^agreed-/).innerText();
    expect(agreed.startsWith(`Agreed reading: 3 of 5 — recorded by ${demoName(RECRUITER)}, `), agreed).toBe(true);
    expect(agreed).toContain("\nBoth saw the same planning; the second probe showed it on a deadline. We agree on 3.");

    // "Record the decision to close the debrief" leads to the decision.
    await page.getByRole("link", { name: "Record the decision to close the debrief" }).click();
    expect(new URL(page.url()).hash).toBe("#decision");
    await page.getByRole("radio", { name: "Advance", exact: true }).check();
    await page.getByLabel("Reason", { exact: true }).fill("Strong on the role's core; the debrief settled the one open trait.");
    await page.getByRole("button", { name: "Record decision" }).click();
    await page
      .getByTestId("decisions")
      .getByText(/^Advance by /)
      .waitFor();
    await expect(
      debrief.getByText("The debrief is closed: a decision was recorded after the last scorecard came in.").count(),
    ).resolves.toBe(1);
    await expect(debrief.getByRole("button").count()).resolves.toBe(0);
    await expectAccessible(page);
    await screenshot(page, "debrief-closed");

    // The scorecards stay as submitted: the reading is recorded beside them.
    const ratings = await db
      .selectFrom("ratings as r")
      .innerJoin("scorecards as s", "s.id", "r.scorecard_id")
      .select(["s.interviewer_id", "r.rating"])
      .where("s.assessment_id", "=", assessmentId)
      .execute();
    const firstId = await userId(db, INTERVIEWER1);
    expect(new Set(ratings.filter((r) => r.interviewer_id === firstId).map((r) => r.rating))).toEqual(new Set([2, 4]));
    const readings = await db.selectFrom("debrief_readings").select(["reading"]).where("assessment_id", "=", assessmentId).execute();
    expect(readings).toEqual([{ reading: 3 }]);
  });

  it("the recruiter e-mails the candidate the report link; the candidate opens it from the mail", async () => {
    const { smtp, app } = servers();
    const { assessmentId, candidateEmail } = started();
    const page = await newPage();
    await openFromMail(page, `${app.baseURL}/assessments/${assessmentId}`, RECRUITER);
    await page.getByLabel(`E-mail the link to ${candidateEmail}, in the report's language`, { exact: true }).check();
    await page.getByRole("button", { name: "Publish report" }).click();
    await page.getByText(`The link is on its way to ${candidateEmail}.`, { exact: true }).waitFor();
    await expectAccessible(page);

    const mail = await mailAfter(smtp, 0, (m) => m.to.includes(candidateEmail));
    expect(mail.subject).toMatch(/^Your interview report: /);
    // Nothing beyond what the candidate may see: no name of an interviewer, no rating.
    expect(mail.text).not.toContain(demoName(INTERVIEWER1));
    expect(mail.text).not.toContain(demoName(INTERVIEWER2));
    expect(mail.text).not.toContain("Agreed reading");
    const link = linkIn(mail, "Open your report");
    expect(link).toMatch(new RegExp(`^${app.baseURL}/r/[A-Za-z0-9_-]{43}$`));

    const candidate = await newPage();
    const opened = await candidate.goto(link);
    expect(opened?.status()).toBe(200);
    await candidate.getByRole("heading", { level: 1 }).waitFor();
    await expectAccessible(candidate);
  });

  it("each message went once: one panel mail per interviewer, one reminder each (none after submitting), one 'all in'", async () => {
    const { smtp } = servers();
    const { candidateName } = started();
    // Long enough for several reminder checks after the last submission.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const about = smtp.received.filter((m) => m.subject.endsWith(`: ${candidateName}`));
    const count = (subject: string, to: string) => about.filter((m) => m.subject === subject && m.to.includes(to)).length;
    expect(count(`Interview panel: ${candidateName}`, INTERVIEWER1)).toBe(1);
    expect(count(`Interview panel: ${candidateName}`, INTERVIEWER2)).toBe(1);
    expect(count(`Scorecard overdue: ${candidateName}`, INTERVIEWER1)).toBe(1);
    expect(count(`Scorecard overdue: ${candidateName}`, INTERVIEWER2)).toBe(1);
    expect(count(`All scorecards are in: ${candidateName}`, RECRUITER)).toBe(1);
    expect(about).toHaveLength(5);
  });
});
