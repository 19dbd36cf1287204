import { afterAll, beforeAll, expect } from "vitest";
import { createDb, type TraitkitDb } from "~db/connection";
import { createCandidate } from "../../app/models/candidates.server";
import { findUserForSignIn } from "../../app/models/users.server";
import { candidateSchema } from "../../app/schemas/candidate";
import { DEMO_ACCOUNTS } from "../../seeds/demo-accounts";
import { DEMO_KIT } from "../../seeds/demo-kits";
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from "../integration/support/smtp";
import { startAppServer, type AppServer } from "./global-setup";

/*
 * What the browser tests of e-mail share: the shared demo server sends no
 * mail, so a file that follows messages starts a demo server of its own whose
 * SMTP_URL points at a mail server of its own (tests/integration/support/smtp.ts).
 */

export const MAIL_FROM = "Traitkit <traitkit@mail.traitkit.test>";
export const RECRUITER = "recruiter@demo.traitkit.test";
export const INTERVIEWER1 = "interviewer1@demo.traitkit.test";
export const INTERVIEWER2 = "interviewer2@demo.traitkit.test";

export function demoName(email: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`${email} is not a demo account`);
  return account.name;
}

export type MailSetup = { smtp: TestSmtpServer; app: AppServer; db: TraitkitDb };

/**
 * A mail server in `mode` and a demo app server sending through it (with
 * `env` besides SMTP_URL and MAIL_FROM); stopped, and the app's log checked
 * for errors, after the describe.
 */
export function useMailServers(mode: "record" | "refuse", env: Record<string, string> = {}): () => MailSetup {
  let setup: MailSetup | undefined;
  beforeAll(async () => {
    const smtp = await startSmtpServer(mode);
    const app = await startAppServer({ TRAITKIT_DEMO: "1", SMTP_URL: smtp.url, MAIL_FROM, ...env });
    const { db } = createDb(app.databasePath);
    setup = { smtp, app, db };
  }, 120_000);
  afterAll(async () => {
    await setup?.db.destroy();
    const stopped = await setup?.app.stop();
    await setup?.smtp.close();
    expect(stopped?.errors, stopped?.output).toEqual([]);
  });
  return () => {
    if (!setup) throw new Error("The mail servers start in beforeAll");
    return setup;
  };
}

let stampCount = 0;
const STAMP = `${Date.now().toString(36)}${Math.floor(Math.random() * 1_000_000).toString(36)}`;
/** A name no other run or test uses. */
export function unique(what: string): string {
  stampCount += 1;
  return `${what} mail-${STAMP}${stampCount}`;
}

/** A candidate for the demo kit's role, added by the demo recruiter: the new-assessment form offers the demo kit. */
export async function newCandidate(db: TraitkitDb, label: string, email?: string): Promise<{ id: number; name: string }> {
  const name = unique(label);
  const recruiter = await findUserForSignIn(db, RECRUITER);
  if (!recruiter) throw new Error("No demo recruiter");
  const made = await createCandidate(
    db,
    candidateSchema.parse({ name, email, roleSlug: DEMO_KIT.role, notes: "" }),
    recruiter.id,
    new Date(),
  );
  if (!made.ok) throw new Error(`The candidate ${name} was refused (${made.field})`);
  return { id: made.id, name };
}

export async function userId(db: TraitkitDb, email: string): Promise<number> {
  const user = await findUserForSignIn(db, email);
  if (!user) throw new Error(`No account ${email}`);
  return user.id;
}

/** The mail received after the first `before` messages that matches, waiting for it. */
export async function mailAfter(smtp: TestSmtpServer, before: number, match: (mail: ReceivedMail) => boolean): Promise<ReceivedMail> {
  const until = Date.now() + 20_000;
  for (;;) {
    const found = smtp.received.slice(before).find(match);
    if (found) return found;
    if (Date.now() > until) {
      throw new Error(`No matching mail; received: ${JSON.stringify(smtp.received.slice(before).map((m) => [m.to, m.subject]))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The calendar file attached to a message, as a mail program lists it: invite.ics. */
export function calendarOf(mail: ReceivedMail): string {
  const calendar = mail.attachments.find((a) => a.filename === "invite.ics");
  expect(calendar, JSON.stringify(mail.attachments.map((a) => [a.filename, a.contentType]))).toBeDefined();
  return calendar?.content ?? "";
}

export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
