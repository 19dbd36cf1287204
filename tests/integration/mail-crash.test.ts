import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type TraitkitDb } from "~db/connection";
import { migrateToLatest } from "~db/migrator";
import { loadDemoData } from "../../seeds/demo";
import { bundleServerRunner, startServerProcess, type ServerProcess, type ServerRunner } from "./support/server-process";
import { startSmtpServer, type HeldMail, type TestSmtpServer } from "./support/smtp";
import { DEMO, request, signIn } from "./support/test-server";

/*
 * Issue 19, "Done when": a server killed with mail queued sends each message
 * exactly once after the restart; with several server processes, each
 * message is claimed by one. The production server runs as a child process
 * (support/server-process.ts) with its outbox worker sending to a real SMTP
 * server started here (support/smtp.ts); the messages are invitations, written
 * over HTTP as a recruiter writes them. The database file is read directly.
 */

const MAIL_FROM = "Traitkit <traitkit@mail.traitkit.test>";
const APP_URL = "https://traitkit.example.test";

let runner: ServerRunner | undefined;
let dir: string | undefined;
const processes: ServerProcess[] = [];
const smtpServers: TestSmtpServer[] = [];
const connections: TraitkitDb[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-mail-crash-"));
  runner = await bundleServerRunner();
}, 60_000);

afterAll(async () => {
  for (const server of processes) await server.kill().catch(() => undefined);
  for (const db of connections) await db.destroy();
  for (const smtp of smtpServers) await smtp.close();
  runner?.remove();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function start(databasePath: string, smtp: TestSmtpServer, extra: Record<string, string> = {}): Promise<ServerProcess> {
  if (!runner) throw new Error("The server runner is not bundled");
  const server = await startServerProcess(runner, databasePath, { SMTP_URL: smtp.url, MAIL_FROM, APP_URL, ...extra });
  processes.push(server);
  return server;
}

async function smtpServer(...args: Parameters<typeof startSmtpServer>): Promise<TestSmtpServer> {
  const smtp = await startSmtpServer(...args);
  smtpServers.push(smtp);
  return smtp;
}

/** A connection of the test's own to the server's database file, to read the outbox. */
function openDatabase(databasePath: string): TraitkitDb {
  const { db } = createDb(databasePath);
  connections.push(db);
  return db;
}

/**
 * A new database with the demo loaded and every account's reminders off: the
 * demo's panels have overdue scorecards, whose reminders the worker would
 * send beside the invitations these tests count.
 */
async function newDatabasePath(name: string): Promise<string> {
  if (!dir) throw new Error("No temporary directory");
  const file = path.join(dir, `${name}.sqlite`);
  const { db } = createDb(file);
  try {
    await migrateToLatest(db);
    await loadDemoData(db, new Date());
    await db.updateTable("users").set({ mail_reminders: 0 }).execute();
  } finally {
    await db.destroy();
  }
  return file;
}

async function outbox(db: TraitkitDb) {
  return db.selectFrom("mail_outbox").selectAll().orderBy("id").execute();
}

/** The Message-ID header the worker sends for an outbox row's message_id. */
const header = (messageId: string) => `<${messageId}@traitkit>`;

async function waitUntil<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
  everyMs = 10,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** A recruiter invites an interviewer on the Users page: one invitation message is written to the outbox. */
async function invite(baseURL: string, cookie: string, email: string): Promise<void> {
  const response = await request(baseURL, "/settings/users", { cookie, form: { intent: "invite", email, role: "interviewer" } });
  const page = await response.text();
  if (response.status !== 200 || !page.includes(`An e-mail with the invite link is on its way to ${email}`)) {
    throw new Error(`Inviting ${email} answered ${response.status}: ${page.slice(0, 300)}`);
  }
}

/** How often each Message-ID reached the mail server. */
function countByMessageId(smtp: TestSmtpServer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of smtp.received) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
  return counts;
}

/** Fails at once when a message reached the mail server twice, rather than when the wait for the rest times out. */
function assertNoRepeat(smtp: TestSmtpServer): void {
  const repeated = [...countByMessageId(smtp)].filter(([, n]) => n > 1);
  if (repeated.length > 0) throw new Error(`Sent more than once: ${repeated.map(([id, n]) => `${id} × ${n}`).join(", ")}`);
}

/** Waits until every outbox row is marked sent, failing as soon as any message is sent twice. */
async function waitUntilAllSent(db: TraitkitDb, smtp: TestSmtpServer, expected: number) {
  return waitUntil(
    `all ${expected} messages marked sent`,
    async () => {
      assertNoRepeat(smtp);
      const all = await outbox(db);
      return all.length === expected && all.every((r) => r.sent_at !== null) ? all : undefined;
    },
    30_000,
    50,
  );
}

describe("a server killed with mail queued (issue 19)", () => {
  const INVITED = 8;
  /** Messages answered "250 OK" before the kill, one at a time. */
  const SENT_BEFORE_KILL = 3;

  it("sends each message exactly once after the restart; the one in flight at the kill is sent on its second attempt", async () => {
    const databasePath = await newDatabasePath("killed");
    // Each message's answer waits until the test releases it.
    const smtp = await smtpServer("hold");
    // One second per SMTP step: the claim lasts 3 × 1 + 5 = 8 s, then lapses for a killed worker.
    const mailEnv = { MAIL_TIMEOUT_SECONDS: "1" };
    const first = await start(databasePath, smtp, mailEnv);
    const db = openDatabase(databasePath);
    const recruiter = await signIn(first.baseURL, DEMO.recruiter);

    const addresses = Array.from({ length: INVITED }, (_, n) => `queued.${n + 1}@mail-crash.example.test`);
    // All at once, so that the worker is still on the first messages when the last is written.
    let invitesDone = false;
    const invited = Promise.all(addresses.map((email) => invite(first.baseURL, recruiter, email))).then(() => {
      invitesDone = true;
    });
    invited.catch(() => undefined);

    // The worker sends one message at a time. Each is answered as soon as it is held (an answer later than
    // the 1 s socket timeout would be a failed attempt), and is marked sent before the next is released.
    const sentBeforeKill: string[] = [];
    let inFlight: HeldMail;
    for (;;) {
      const held = await waitUntil("a message waiting for its answer", () => smtp.heldMail()[0], 20_000, 2);
      if (sentBeforeKill.length >= SENT_BEFORE_KILL) {
        inFlight = held;
        break;
      }
      smtp.release();
      await waitUntil(`${held.messageId} marked sent`, async () => {
        const row = (await outbox(db)).find((r) => header(r.message_id) === held.messageId);
        return row?.sent_at ? row : undefined;
      });
      sentBeforeKill.push(held.messageId);
    }
    // Every invitation is written (and acknowledged) before the kill: the rest of the queue waits in the file.
    await invited;
    expect(invitesDone).toBe(true);
    await first.kill();

    const atKill = await outbox(db);
    expect(atKill.map((r) => r.to_address).sort()).toEqual([...addresses].sort());
    expect(atKill.every((r) => r.kind === "invitation")).toBe(true);
    expect(atKill.filter((r) => r.sent_at !== null).map((r) => header(r.message_id))).toEqual(sentBeforeKill);
    const inFlightRow = atKill.find((r) => header(r.message_id) === inFlight.messageId);
    // Killed while waiting for the mail server's answer: still claimed, one attempt, no error recorded.
    expect(inFlightRow).toMatchObject({ attempts: 1, sent_at: null, failed_at: null, last_error: null });
    expect(inFlightRow?.claim).not.toBeNull();
    const neverTried = atKill.filter((r) => r.attempts === 0);
    expect(neverTried).toHaveLength(INVITED - SENT_BEFORE_KILL - 1);
    expect(smtp.received.map((m) => m.messageId)).toEqual(sentBeforeKill);

    // The killed sender's connection closes; the answer to its message then reaches no one and records nothing.
    await waitUntil("the killed sender's connection closed", () => (smtp.heldMail().every((m) => m.senderGone) ? true : undefined));
    smtp.answerAll();
    expect(smtp.received).toHaveLength(SENT_BEFORE_KILL);

    const second = await start(databasePath, smtp, mailEnv);
    expect(second.demoLoaded).toBe(false);
    // The never-tried messages go at once; the one in flight when its claim lapses (8 s after it was taken).
    const rows = await waitUntilAllSent(db, smtp, INVITED);

    const counts = countByMessageId(smtp);
    expect(
      rows.map((r) => counts.get(header(r.message_id)) ?? 0),
      "times each outbox row's Message-ID reached the mail server",
    ).toEqual(rows.map(() => 1));
    expect(smtp.received).toHaveLength(INVITED);
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual([...addresses].sort());
    for (const mail of smtp.received) {
      const row = rows.find((r) => header(r.message_id) === mail.messageId);
      expect(mail.to, `the recipient of ${mail.messageId}`).toEqual([row?.to_address]);
      expect(mail.text).toMatch(new RegExp(`${APP_URL.replace(/\./g, "\\.")}/invite/[A-Za-z0-9_-]+`));
    }
    for (const row of rows) {
      expect(row, `outbox row ${row.id}`).toMatchObject({
        failed_at: null,
        last_error: null,
        claim: null,
        claimed_until: null,
        text_body: null,
        html_body: null,
        calendar: null,
        attempts: header(row.message_id) === inFlight.messageId ? 2 : 1,
      });
    }
    // The restarted worker took the message in flight again only once the killed worker's claim had lapsed.
    const resent = rows.find((r) => header(r.message_id) === inFlight.messageId);
    expect(Date.parse(resent?.sent_at ?? "")).toBeGreaterThanOrEqual(Date.parse(inFlightRow?.claimed_until ?? ""));
  }, 90_000);
});

describe("several server processes on one database (issue 19)", () => {
  const MESSAGES = 30;

  it("each message is claimed by one process and sent once; both processes send", async () => {
    const databasePath = await newDatabasePath("shared");
    // A small delay per answer keeps each worker busy long enough for the other to claim meanwhile.
    const smtp = await smtpServer("hold", { answerDelayMs: 20 });
    const one = await start(databasePath, smtp);
    const two = await start(databasePath, smtp);
    const db = openDatabase(databasePath);
    // Sessions live in the database: one sign-in serves both processes.
    const recruiter = await signIn(one.baseURL, DEMO.recruiter);

    const addresses = Array.from({ length: MESSAGES }, (_, n) => `shared.${n + 1}@mail-crash.example.test`);
    await Promise.all(addresses.map((email, n) => invite((n % 2 === 0 ? one : two).baseURL, recruiter, email)));

    // A worker hands the mail server one message at a time, so two messages waiting for their answer at once
    // were sent by the two processes; the default 30 s timeouts let them wait.
    const held = await waitUntil("a message from each process waiting for its answer", () =>
      smtp.heldMail().length === 2 ? smtp.heldMail() : undefined,
    );
    expect(new Set(held.map((m) => m.session)).size).toBe(2);
    expect(held.every((m) => !m.senderGone)).toBe(true);
    smtp.answerAll();

    const rows = await waitUntilAllSent(db, smtp, MESSAGES);
    const counts = countByMessageId(smtp);
    expect(new Set(rows.map((r) => r.message_id)).size).toBe(MESSAGES);
    expect(
      rows.map((r) => counts.get(header(r.message_id)) ?? 0),
      "times each outbox row's Message-ID reached the mail server",
    ).toEqual(rows.map(() => 1));
    expect(smtp.received).toHaveLength(MESSAGES);
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual([...addresses].sort());
    // No claim ever lapsed: every message took one attempt.
    expect(rows.map((r) => r.attempts)).toEqual(rows.map(() => 1));
    // Both messages held at once were answered and recorded.
    for (const m of held) expect(counts.get(m.messageId)).toBe(1);
  }, 60_000);
});
