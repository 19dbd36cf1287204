import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraitkitDb } from "~db/connection";
import { queueDueReminders } from "../../app/models/reminders.server";
import { loadScoringKit, saveScorecard } from "../../app/models/scorecards.server";
import { DEMO, locationPath, request, signIn, startTestServer, userId, type TestServer } from "./support/test-server";
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from "./support/smtp";

/*
 * Issue 19: e-mail through a real SMTP server (smtp-server, started here).
 * The app writes each message to the outbox in the transaction of the change
 * that causes it; the worker in the server process sends it. These tests
 * drive the app over HTTP as its users do and read what the mail server got.
 */

const MAIL_FROM = "Traitkit <traitkit@mail.traitkit.test>";

async function startWithMail(smtp: TestSmtpServer, extra: Record<string, string> = {}): Promise<TestServer> {
  return startTestServer({ env: { SMTP_URL: smtp.url, MAIL_FROM, APP_URL: "https://traitkit.example.test", ...extra } });
}

async function outboxRows(db: TraitkitDb) {
  return db.selectFrom("mail_outbox").selectAll().orderBy("id").execute();
}

/**
 * The messages matching `match`, once there are `count` of them. The demo's
 * overdue scorecards are reminded when the worker starts: the tests pick their
 * own messages out by recipient and subject, never by position.
 */
async function mailsMatching(
  smtp: TestSmtpServer,
  what: string,
  match: (mail: ReceivedMail) => boolean,
  count = 1,
): Promise<ReceivedMail[]> {
  return waitUntil(what, async () => {
    const found = smtp.received.filter(match);
    return found.length >= count ? found : undefined;
  });
}

async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A new candidate (through the app) and the id of a kit version to assess them with. */
async function newCandidate(server: TestServer, cookie: string, name: string): Promise<{ id: number; kitVersionId: number }> {
  const made = await request(server.baseURL, "/candidates/new", { cookie, form: { name, roleSlug: "mlops-engineer" } });
  expect(made.status).toBe(303);
  const id = Number(locationPath(made)?.split("/")[2]);
  const kit = await server.db.selectFrom("kit_versions").select("id").orderBy("id").executeTakeFirstOrThrow();
  return { id, kitVersionId: kit.id };
}

describe("with a mail server that takes every message", () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  let recruiter: string;

  beforeAll(async () => {
    smtp = await startSmtpServer("record");
    server = await startWithMail(smtp);
    recruiter = await signIn(server.baseURL, DEMO.recruiter);
  });

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it("an interviewer assigned with an interview time gets one e-mail with the link and a calendar file; the sent body is cleared", async () => {
    const candidate = await newCandidate(server, recruiter, "Mail Person Alpha");
    const created = await request(server.baseURL, `/candidates/${candidate.id}`, {
      cookie: recruiter,
      form: new URLSearchParams([
        ["intent", "assessment"],
        ["kitVersionId", String(candidate.kitVersionId)],
        ["interviewerIds", String(await userId(server.db, DEMO.interviewer1))],
        ["interviewAt", "2026-12-05T10:00"],
        ["interviewTimeZone", "Europe/Madrid"],
        ["scorecardDueAt", ""],
      ]),
    });
    expect(created.status).toBe(303);
    const assessmentId = Number(locationPath(created)?.split("/")[2]);
    const panelMails = await mailsMatching(smtp, "the panel mail", (m) => m.subject === "Interview panel: Mail Person Alpha");
    expect(panelMails).toHaveLength(1);
    const [mail] = panelMails;
    expect(mail?.to).toEqual([DEMO.interviewer1]);
    expect(mail?.text).toContain(`https://traitkit.example.test/assessments/${assessmentId}`);
    expect(mail?.text).toContain("Dec 5, 2026, 10:00 AM GMT+1 (Europe/Madrid)");
    // Due 24 hours later by default, said in the interview's zone.
    expect(mail?.text).toContain("Your scorecard is due Dec 6, 2026, 10:00 AM GMT+1");
    expect(mail?.html).toContain(`href="https://traitkit.example.test/assessments/${assessmentId}"`);
    expect(mail?.html).not.toMatch(/<img/i);
    const calendar = mail?.attachments.find((a) => a.contentType.startsWith("text/calendar"));
    expect(calendar?.content).toContain("DTSTART:20261205T090000Z");
    expect(calendar?.content).toContain(`UID:assessment-${assessmentId}-interviewer-`);
    const place = await server.db
      .selectFrom("assessment_interviewers")
      .select(["interview_at", "interview_time_zone", "scorecard_due_at"])
      .where("assessment_id", "=", assessmentId)
      .executeTakeFirstOrThrow();
    expect(place).toEqual({
      interview_at: "2026-12-05T09:00:00.000Z",
      interview_time_zone: "Europe/Madrid",
      scorecard_due_at: "2026-12-06T09:00:00.000Z",
    });
    const row = await waitUntil("the message marked sent", async () => {
      const rows = await outboxRows(server.db);
      const sent = rows.find((r) => r.assessment_id === assessmentId && r.sent_at !== null);
      return sent ?? undefined;
    });
    expect(row).toMatchObject({ kind: "assigned", attempts: 1, text_body: null, html_body: null, calendar: null, failed_at: null });
    expect(mail?.messageId).toBe(`<${row.message_id}@traitkit>`);
  });

  it("a wrong interview time is refused by its field with a 400, and nothing is written or sent", async () => {
    const candidate = await newCandidate(server, recruiter, "Mail Person Beta");
    const assessments = await server.db.selectFrom("assessments").select("id").execute();
    const outbox = await outboxRows(server.db);
    const response = await request(server.baseURL, `/candidates/${candidate.id}`, {
      cookie: recruiter,
      form: new URLSearchParams([
        ["intent", "assessment"],
        ["kitVersionId", String(candidate.kitVersionId)],
        ["interviewerIds", String(await userId(server.db, DEMO.interviewer1))],
        ["interviewAt", "2026-12-05T10:00"],
        ["interviewTimeZone", "Mars/Olympus_Mons"],
      ]),
    });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toMatch(/id="assessment-interviewTimeZone-error" class="field-error">Enter a time zone by its name/);
    expect(await server.db.selectFrom("assessments").select("id").execute()).toEqual(assessments);
    expect(await outboxRows(server.db)).toEqual(outbox);
  });

  it("a due time before the interview is refused by the due field", async () => {
    const candidate = await newCandidate(server, recruiter, "Mail Person Gamma");
    const response = await request(server.baseURL, `/candidates/${candidate.id}`, {
      cookie: recruiter,
      form: new URLSearchParams([
        ["intent", "assessment"],
        ["kitVersionId", String(candidate.kitVersionId)],
        ["interviewerIds", String(await userId(server.db, DEMO.interviewer1))],
        ["interviewAt", "2026-12-05T10:00"],
        ["interviewTimeZone", "UTC"],
        ["scorecardDueAt", "2026-12-05T09:00"],
      ]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(
      /id="assessment-scorecardDueAt-error" class="field-error">The scorecard is due after the interview/,
    );
  });

  it("an overdue scorecard is reminded once; a submitted panel tells its recruiter once that all scorecards are in", async () => {
    const candidate = await newCandidate(server, recruiter, "Mail Person Delta");
    const interviewer1 = await userId(server.db, DEMO.interviewer1);
    const created = await request(server.baseURL, `/candidates/${candidate.id}`, {
      cookie: recruiter,
      form: new URLSearchParams([
        ["intent", "assessment"],
        ["kitVersionId", String(candidate.kitVersionId)],
        ["interviewerIds", String(interviewer1)],
      ]),
    });
    const assessmentId = Number(locationPath(created)?.split("/")[2]);
    // No interview time yet: "you have been assigned" goes out without one.
    const delta = (m: ReceivedMail) => m.subject === "Interview panel: Mail Person Delta";
    expect((await mailsMatching(smtp, "the panel mail", delta))[0]?.text).toContain("No interview time is set yet.");
    // The interview was yesterday, the scorecard due an hour ago: the recruiter sets it so on the assessment page.
    const now = new Date();
    const wall = (ms: number) => new Date(now.getTime() + ms).toISOString().slice(0, 16);
    const scheduled = await request(server.baseURL, `/assessments/${assessmentId}`, {
      cookie: recruiter,
      form: {
        intent: "schedule",
        userId: String(interviewer1),
        interviewAt: wall(-26 * 3600_000),
        interviewTimeZone: "UTC",
        scorecardDueAt: wall(-3600_000),
      },
    });
    expect(scheduled.status).toBe(303);
    // The new time is sent again, with a calendar file that updates the entry.
    const rescheduled = (await mailsMatching(smtp, "the rescheduled panel mail", delta, 2)).at(-1);
    expect(rescheduled?.subject).toBe("Interview panel: Mail Person Delta");
    expect(rescheduled?.attachments.some((a) => a.contentType.startsWith("text/calendar"))).toBe(true);
    // The worker's minute tick, run now (twice: the second writes nothing).
    await queueDueReminders(server.db, "https://traitkit.example.test", new Date());
    expect(await queueDueReminders(server.db, "https://traitkit.example.test", new Date())).toBe(0);
    const reminders = await server.db
      .selectFrom("mail_outbox")
      .select("id")
      .where("assessment_id", "=", assessmentId)
      .where("kind", "=", "reminder")
      .execute();
    expect(reminders).toHaveLength(1);
    const [reminder] = await mailsMatching(smtp, "the reminder", (m) => m.subject === "Scorecard overdue: Mail Person Delta");
    expect(reminder?.to).toEqual([DEMO.interviewer1]);
    expect(reminder?.subject).toBe("Scorecard overdue: Mail Person Delta");
    expect(reminder?.text).toContain(`https://traitkit.example.test/assessments/${assessmentId}/scorecard`);

    // The interviewer submits: the panel is complete, and the recruiter who made the assessment is told, once.
    const access = await server.db
      .selectFrom("assessments")
      .select("kit_version_id")
      .where("id", "=", assessmentId)
      .executeTakeFirstOrThrow();
    const kit = await loadScoringKit(server.db, access.kit_version_id);
    if (!kit) throw new Error("no kit");
    const submitted = await saveScorecard(
      server.db,
      {
        assessmentId,
        interviewerId: interviewer1,
        kit,
        input: { intent: "submit", ratings: [], notes: [], strengths: [], redFlags: [], recommendation: "yes" },
        mail: { appUrl: "https://traitkit.example.test", language: "en" },
      },
      new Date(),
    );
    expect(submitted.status).toBe("saved");
    const [allIn] = await mailsMatching(smtp, "all in", (m) => m.subject === "All scorecards are in: Mail Person Delta");
    expect(allIn?.to).toEqual([DEMO.recruiter]);
    expect(allIn?.subject).toBe("All scorecards are in: Mail Person Delta");
    // Submitted: no further reminder, and "all in" once.
    expect(await queueDueReminders(server.db, "https://traitkit.example.test", new Date())).toBe(0);
    expect(smtp.received.filter((m) => m.subject === "All scorecards are in: Mail Person Delta")).toHaveLength(1);
  });

  it("a published report's link goes to the candidate's address only when the recruiter ticks the box beside it", async () => {
    const assessment = await server.db
      .selectFrom("assessments as a")
      .innerJoin("candidates as c", "c.id", "a.candidate_id")
      .innerJoin("scorecards as s", "s.assessment_id", "a.id")
      .select(["a.id", "c.email", "c.name"])
      .where("c.email", "is not", null)
      .where("s.status", "=", "submitted")
      .orderBy("a.id")
      .executeTakeFirstOrThrow();
    const pathname = `/assessments/${assessment.id}`;
    const pageHtml = await (await request(server.baseURL, pathname, { cookie: recruiter })).text();
    expect(pageHtml).toContain(`E-mail the link to ${assessment.email}`);
    const outboxBefore = (await outboxRows(server.db)).length;
    // Not ticked: published, nothing written to the outbox.
    const quiet = await request(server.baseURL, pathname, {
      cookie: recruiter,
      form: { intent: "publish", language: "en", expiresInDays: "" },
    });
    expect(quiet.status).toBe(200);
    expect((await outboxRows(server.db)).length).toBe(outboxBefore);
    const mailed = await request(server.baseURL, pathname, {
      cookie: recruiter,
      form: { intent: "publish", language: "es", expiresInDays: "30", mailToCandidate: "on" },
    });
    expect(mailed.status).toBe(200);
    expect(await mailed.text()).toContain(`The link is on its way to ${assessment.email}`);
    const [mail] = await mailsMatching(
      smtp,
      "the report link",
      (m) => m.to.includes(assessment.email ?? "") && m.subject.startsWith("Su informe"),
    );
    expect(mail?.to).toEqual([assessment.email]);
    expect(mail?.subject).toMatch(/^Su informe de entrevista: /);
    const link = /https:\/\/traitkit\.example\.test(\/r\/[A-Za-z0-9_-]{43})/.exec(mail?.text ?? "")?.[1];
    expect(link).toBeDefined();
    expect((await request(server.baseURL, link ?? "/")).status).toBe(200);
  });

  it("an invitation carries its one-time link, which works; the copy link is still shown", async () => {
    const response = await request(server.baseURL, "/settings/users", {
      cookie: recruiter,
      form: { intent: "invite", email: "new.colleague@example.test", role: "interviewer" },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("An e-mail with the invite link is on its way to new.colleague@example.test");
    const [mail] = await mailsMatching(smtp, "the invitation", (m) => m.to.includes("new.colleague@example.test"));
    expect(mail?.to).toEqual(["new.colleague@example.test"]);
    const link = /https:\/\/traitkit\.example\.test(\/invite\/[A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1];
    expect(link).toBeDefined();
    const page = await request(server.baseURL, link ?? "/");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("new.colleague@example.test");
  });
});

describe("with a mail server that refuses every recipient", () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  let recruiter: string;

  beforeAll(async () => {
    smtp = await startSmtpServer("refuse");
    server = await startWithMail(smtp);
    recruiter = await signIn(server.baseURL, DEMO.recruiter);
  });

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it("a permanent refusal marks the message failed at once; the Users page shows the reason and puts it back on retry", async () => {
    const response = await request(server.baseURL, "/settings/users", {
      cookie: recruiter,
      form: { intent: "invite", email: "nobody@example.test", role: "interviewer" },
    });
    expect(response.status).toBe(200);
    const failed = await waitUntil("the message marked failed", async () => {
      const row = (await outboxRows(server.db)).find((r) => r.to_address === "nobody@example.test");
      return row?.failed_at ? row : undefined;
    });
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toContain("550");
    const page = await (await request(server.baseURL, "/settings/users", { cookie: recruiter })).text();
    expect(page).toContain('data-testid="failed-mail-table"');
    expect(page).toContain("Mailbox unavailable");

    const retried = await request(server.baseURL, "/settings/users", {
      cookie: recruiter,
      form: { intent: "retryMail", mailId: String(failed.id) },
    });
    expect(retried.status).toBe(200);
    const audit = await server.db.selectFrom("audit_log").selectAll().where("action", "=", "mail.retry").execute();
    expect(audit.map((a) => a.entity_id)).toEqual([String(failed.id)]);
    // Tried again, refused again: failed after one more attempt.
    await waitUntil("the retried message failed again", async () => {
      const row = (await outboxRows(server.db)).find((r) => r.id === failed.id);
      return row?.failed_at && row.failed_at !== failed.failed_at ? row : undefined;
    });
    // A message that is not failed cannot be retried: like an unknown id, a 404.
    const again = await request(server.baseURL, "/settings/users", { cookie: recruiter, form: { intent: "retryMail", mailId: "999999" } });
    expect(again.status).toBe(404);
    expect(smtp.received).toEqual([]);
  });
});

describe("with a mail server that never answers", () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  let recruiter: string;

  beforeAll(async () => {
    smtp = await startSmtpServer("hang");
    server = await startWithMail(smtp, { MAIL_TIMEOUT_SECONDS: "1" });
    recruiter = await signIn(server.baseURL, DEMO.recruiter);
  });

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it("the request that wrote the message is answered at once; the attempt times out and is scheduled again", async () => {
    const response = await request(server.baseURL, "/settings/users", {
      cookie: recruiter,
      form: { intent: "invite", email: "patient@example.test", role: "interviewer" },
    });
    expect(response.status).toBe(200);
    const row = await waitUntil("a timed-out attempt", async () => {
      const found = (await outboxRows(server.db)).find((r) => r.to_address === "patient@example.test");
      return found?.last_error ? found : undefined;
    });
    expect(row.attempts).toBe(1);
    expect(row.failed_at).toBeNull();
    expect(row.sent_at).toBeNull();
    // The greeting's timer and the idle socket's run alike (MAIL_TIMEOUT_SECONDS each): either may say it first.
    expect(row.last_error).toMatch(/^(Greeting never received|Timeout)$/);
    // Backoff: the next attempt is a minute or more away.
    expect(new Date(row.next_attempt_at).getTime() - Date.now()).toBeGreaterThan(50_000);
  });
});
