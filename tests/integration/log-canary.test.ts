// First: the log capture must replace stdout's write before any logger is made (see log-capture.ts).
import { captureLogs, type LogCapture } from "./support/log-capture";
// Second: production builds of the dependencies, as `npm start` runs them (see production-mode.ts).
import { NODE_ENV_BEFORE } from "./support/production-mode";
import crypto from "node:crypto";
import util from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScoringKit } from "../../app/models/scorecards.server";
import {
  DEMO,
  locationPath,
  request,
  SESSION_COOKIE,
  setCookieValue,
  startTestServer,
  userId,
  type RequestOptions,
  type TestServer,
} from "./support/test-server";

/*
 * The run-wide log canary (issue 9, docs/reliability.md L1): "tokens and session ids
 * never appear in logs; personal data never goes to logs". The main flows run
 * over HTTP as every role, with distinctive canary values for the personal
 * data typed in; then everything the process wrote — the JSON log lines on
 * stdout, stderr, and console calls — is searched for every secret and every
 * piece of personal data the run saw. Any hit fails, showing the line with the
 * secrets replaced by their labels. The server runs the production build with
 * NODE_ENV=production, as `npm start` does.
 */

const tag = crypto.randomBytes(4).toString("hex");

/** Personal data typed in during the run: distinctive, so a hit can only be a leak. */
const CANARY = {
  candidateName: `Quintessa Canarywing-${tag}`,
  candidateEmail: `quintessa.canarywing-${tag}@example.test`,
  candidateNotes: `Canary candidate notes ${tag}: met at the lighthouse meetup.`,
  scorecardNotes: `Canary scorecard notes ${tag}: spoke about the pager rotation.`,
  autosaveNotes: `Canary autosave notes ${tag}: still typing.`,
  redFlagEvidence: `Canary red flag evidence ${tag}: could not say who reviewed the model.`,
  decisionReason: `Canary decision reason ${tag}: strong panel, hold for budget.`,
  inviteeEmail: `ottoline.canaryquill-${tag}@example.test`,
  inviteeName: `Ottoline Canaryquill-${tag}`,
  unknownEmail: `nobody.canaryghost-${tag}@example.test`,
  wrongPassword: `wrong canary password ${tag}`,
  newPassword: `harbor lantern ${tag} oak meadow`,
};

/** Every value that must never be logged, with a label to show instead of it. */
const secrets = new Map<string, string>();
function secret(label: string, value: string | null | undefined): void {
  if (!value || value.length < 6) return;
  for (const variant of [value, encodeURIComponent(value)]) if (!secrets.has(variant)) secrets.set(variant, label);
}
for (const [name, value] of Object.entries(CANARY)) secret(name, value);
secret("demo password", DEMO.password);

function sha256(value: string): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}

/** Tokens: the value and the hash the database keeps of it. */
function token(label: string, value: string): void {
  secret(label, value);
  secret(`${label} (hash)`, sha256(value));
}

// ---------- Everything written: stdout (pino), stderr, console ----------

let stdout: LogCapture;
const otherOutput: string[] = [];
const originalStderrWrite = process.stderr.write.bind(process.stderr);
const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug", "trace"] as const;
const originalConsole = Object.fromEntries(CONSOLE_METHODS.map((m) => [m, console[m]])) as Record<
  (typeof CONSOLE_METHODS)[number],
  (...args: unknown[]) => void
>;

function startCapture(): void {
  stdout = captureLogs();
  process.stderr.write = ((chunk: Uint8Array | string, ...rest: unknown[]) => {
    otherOutput.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return (originalStderrWrite as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  for (const method of CONSOLE_METHODS) {
    console[method] = (...args: unknown[]) => {
      otherOutput.push(util.format(...args));
      originalConsole[method].apply(console, args);
    };
  }
}

function stopCapture(): void {
  stdout?.stop();
  process.stderr.write = originalStderrWrite;
  for (const method of CONSOLE_METHODS) console[method] = originalConsole[method];
}

// ---------- The server and requests that remember every session cookie ----------

let server: TestServer;
let requests = 0;

async function send(pathname: string, options: RequestOptions = {}): Promise<Response> {
  const response = await request(server.baseURL, pathname, options);
  requests += 1;
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const eq = pair?.indexOf("=") ?? -1;
    if (pair && eq > 0 && /session/i.test(pair.slice(0, eq))) token("session cookie", decodeURIComponent(pair.slice(eq + 1).trim()));
  }
  return response;
}

async function status(pathname: string, options: RequestOptions = {}): Promise<number> {
  const response = await send(pathname, options);
  await response.body?.cancel();
  return response.status;
}

async function html(pathname: string, options: RequestOptions = {}): Promise<string> {
  const response = await send(pathname, options);
  expect(response.status, pathname).toBe(200);
  return response.text();
}

async function signInAs(email: string, password: string = DEMO.password): Promise<string> {
  const response = await send("/login", { form: { email, password } });
  await response.body?.cancel();
  expect(response.status, `sign in as ${email}`).toBe(303);
  const value = setCookieValue(response);
  if (!value) throw new Error(`No session cookie signing in as ${email}`);
  return `${SESSION_COOKIE}=${value}`;
}

beforeAll(async () => {
  startCapture();
  server = await startTestServer();
  // The demo accounts' emails and names are personal data too.
  for (const user of await server.db.selectFrom("users").select(["email", "name"]).execute()) {
    secret("a user's email", user.email);
    secret("a user's name", user.name);
  }
});

afterAll(async () => {
  stopCapture();
  await server?.close();
  process.env.NODE_ENV = NODE_ENV_BEFORE;
});

// ---------- The flows ----------

describe("the log canary", () => {
  it("runs the main flows as every role", async () => {
    // Sign-in: the right password, a wrong one, an unknown email.
    const recruiter = await signInAs(DEMO.recruiter);
    const interviewer1 = await signInAs(DEMO.interviewer1);
    const interviewer2 = await signInAs(DEMO.interviewer2);
    expect(await status("/login", { form: { email: DEMO.recruiter, password: CANARY.wrongPassword } })).toBe(401);
    expect(await status("/login", { form: { email: CANARY.unknownEmail, password: CANARY.wrongPassword } })).toBe(401);
    // A sign-in page with a redirect back, as a signed-out visit to a private page leaves.
    expect(await status(`/login?redirectTo=${encodeURIComponent("/candidates")}`)).toBe(200);

    // The recruiter adds the canary candidate and opens its pages.
    const created = await send("/candidates/new", {
      cookie: recruiter,
      form: {
        name: CANARY.candidateName,
        email: CANARY.candidateEmail,
        roleSlug: "mlops-engineer",
        source: "canary",
        notes: CANARY.candidateNotes,
      },
    });
    await created.body?.cancel();
    expect(created.status).toBe(303);
    const candidatePath = locationPath(created) ?? "";
    expect(candidatePath).toMatch(/^\/candidates\/\d+$/);
    expect(await html(candidatePath, { cookie: recruiter })).toContain(CANARY.candidateName);
    for (const page of [
      `${candidatePath}/edit`,
      `${candidatePath}/export`,
      "/candidates",
      `/candidates?q=${encodeURIComponent(CANARY.candidateName)}`,
      "/roles/mlops-engineer/candidates",
      "/roles/mlops-engineer/ranking.csv",
    ]) {
      expect(await status(page, { cookie: recruiter }), page).toBe(200);
    }

    // An assessment with interviewer1 on the panel.
    const kitVersion = await server.db
      .selectFrom("kit_versions")
      .innerJoin("kits", "kits.id", "kit_versions.kit_id")
      .select("kit_versions.id")
      .orderBy("kit_versions.id")
      .executeTakeFirstOrThrow();
    const assessed = await send(candidatePath, {
      cookie: recruiter,
      form: {
        intent: "assessment",
        kitVersionId: String(kitVersion.id),
        interviewerIds: String(await userId(server.db, DEMO.interviewer1)),
      },
    });
    await assessed.body?.cancel();
    expect(assessed.status).toBe(303);
    const assessmentPath = locationPath(assessed) ?? "";
    expect(assessmentPath).toMatch(/^\/assessments\/\d+$/);

    // interviewer1 fills in the scorecard: an autosave, a draft, then the submission, all with canary notes.
    const kit = await loadScoringKit(server.db, kitVersion.id);
    if (!kit) throw new Error(`Kit version ${kitVersion.id} cannot be loaded`);
    const [first] = kit.questions;
    if (!first) throw new Error("The kit has no question");
    expect(await html("/assessments", { cookie: interviewer1 })).toContain(assessmentPath);
    expect(await html(`${assessmentPath}/scorecard`, { cookie: interviewer1 })).toContain(CANARY.candidateName);
    expect(
      await status(`${assessmentPath}/scorecard/autosave`, { cookie: interviewer1, form: { [`notes.${first.id}`]: CANARY.autosaveNotes } }),
    ).toBe(200);
    expect(
      await status(`${assessmentPath}/scorecard`, {
        cookie: interviewer1,
        form: { intent: "save", [`notes.${first.id}`]: CANARY.scorecardNotes },
      }),
    ).toBe(303);
    const card = new URLSearchParams({ intent: "submit", recommendation: "yes", [`notes.${first.id}`]: CANARY.scorecardNotes });
    for (const question of kit.questions) for (const trait of question.traits) card.set(`rating.${question.id}.${trait}`, "4");
    if (kit.redFlags.length > 0) {
      card.set("redFlag.0", "on");
      card.set("redFlagEvidence.0", CANARY.redFlagEvidence);
    }
    expect(await status(`${assessmentPath}/scorecard`, { cookie: interviewer1, form: card })).toBe(303);
    const notes = await server.db.selectFrom("scorecard_notes").select("notes").where("kit_question_id", "=", first.id).execute();
    expect(notes.map((n) => n.notes)).toContain(CANARY.scorecardNotes);
    expect(await html(assessmentPath, { cookie: interviewer1 })).toContain(CANARY.candidateName);

    // The recruiter reads the panel, decides, publishes a report link; the candidate opens it.
    expect(await html(assessmentPath, { cookie: recruiter })).toContain(CANARY.candidateName);
    expect(
      await status(assessmentPath, { cookie: recruiter, form: { intent: "decision", decision: "hold", reason: CANARY.decisionReason } }),
    ).toBe(303);
    const published = await html(assessmentPath, { cookie: recruiter, form: { intent: "publish", language: "en", expiresInDays: "30" } });
    const reportToken = /\/r\/([A-Za-z0-9_-]{43})/.exec(published)?.[1];
    if (!reportToken) throw new Error("No report link in the answer to publishing");
    token("report token", reportToken);
    expect(await status(`/r/${reportToken}`)).toBe(200);
    expect(await status(`/r/${reportToken}`, { cookie: interviewer2 })).toBe(200);
    // Paths around the token: no route, no action, a refused cross-site post.
    expect(await status(`/r/${reportToken}/more`)).toBe(404);
    expect(await status(`/r/${reportToken}`, { form: {} })).toBe(405);
    expect(await status(`/r/${reportToken}`, { form: {}, origin: "https://evil.example" })).toBe(403);
    // Revoked: the same link answers 404.
    const link = await server.db
      .selectFrom("report_links")
      .select("id")
      .where("token_hash", "=", sha256(reportToken))
      .executeTakeFirstOrThrow();
    expect(await status(assessmentPath, { cookie: recruiter, form: { intent: "revoke", reportId: String(link.id), confirm: "1" } })).toBe(
      303,
    );
    expect(await status(`/r/${reportToken}`)).toBe(404);
    const unknownReport = crypto.randomBytes(32).toString("base64url");
    token("unknown report token", unknownReport);
    expect(await status(`/r/${unknownReport}`)).toBe(404);

    // An invite: created, opened, refused cross-site, accepted (signed in), then spent.
    const settings = await html("/settings/users", {
      cookie: recruiter,
      form: { intent: "invite", email: CANARY.inviteeEmail, role: "interviewer" },
    });
    const inviteToken = /\/invite\/([A-Za-z0-9_-]{43})/.exec(settings)?.[1];
    if (!inviteToken) throw new Error("No invite link in the answer to inviting");
    token("invite token", inviteToken);
    expect(await status(`/invite/${inviteToken}`)).toBe(200);
    const acceptance = { name: CANARY.inviteeName, password: CANARY.newPassword, confirmPassword: CANARY.newPassword };
    expect(await status(`/invite/${inviteToken}`, { form: acceptance, origin: "https://evil.example" })).toBe(403);
    expect(await status(`/invite/${inviteToken}`, { form: { ...acceptance, confirmPassword: `${CANARY.newPassword} typo` } })).toBe(400);
    const accepted = await send(`/invite/${inviteToken}`, { form: acceptance });
    await accepted.body?.cancel();
    expect(accepted.status).toBe(303);
    const invitee = `${SESSION_COOKIE}=${setCookieValue(accepted) ?? ""}`;
    expect(await status("/assessments", { cookie: invitee })).toBe(200);
    expect(await status(`/invite/${inviteToken}`)).toBe(404);
    expect(await status(`/invite/${inviteToken}`, { form: acceptance })).toBe(404);

    // Refusals: 404 for a role or a panel one is not on (authz.denied), 404 for nothing there, 403 cross-site.
    expect(await status(candidatePath, { cookie: interviewer1 })).toBe(404);
    expect(await status(assessmentPath, { cookie: interviewer2 })).toBe(404);
    expect(
      await status(`${assessmentPath}/scorecard`, {
        cookie: interviewer2,
        form: { intent: "save", [`notes.${first.id}`]: CANARY.scorecardNotes },
      }),
    ).toBe(404);
    expect(
      await status("/settings/users", { cookie: invitee, form: { intent: "invite", email: CANARY.inviteeEmail, role: "recruiter" } }),
    ).toBe(404);
    expect(await status("/candidates/999999", { cookie: recruiter })).toBe(404);
    expect(await status(`/no-such-page/${encodeURIComponent(CANARY.candidateEmail)}`, { cookie: recruiter })).toBe(404);
    expect(
      await status("/candidates/new", {
        cookie: recruiter,
        form: { name: CANARY.candidateName, email: CANARY.candidateEmail, roleSlug: "mlops-engineer" },
        origin: "https://evil.example",
      }),
    ).toBe(403);
    expect(await status("/logout", { cookie: interviewer2, form: {}, headers: { "Sec-Fetch-Site": "cross-site" }, origin: null })).toBe(
      403,
    );

    // The recruiter erases the canary candidate.
    expect(await status(candidatePath, { cookie: recruiter, form: { intent: "erase", confirm: "1" } })).toBe(303);

    // Sign-out, everyone; the old session is gone.
    for (const cookie of [interviewer1, interviewer2, invitee, recruiter]) {
      expect(await status("/logout", { cookie, form: {} })).toBe(303);
      expect(await status("/roles", { cookie })).toBe(303);
    }

    // Throttling, last (it blocks this address's further sign-ins to the account): wrong passwords until 429.
    let throttled = 0;
    for (let attempt = 0; attempt < 8 && throttled === 0; attempt += 1) {
      const answer = await status("/login", { form: { email: DEMO.interviewer2, password: CANARY.wrongPassword } });
      if (answer === 429) throttled += 1;
      else expect(answer).toBe(401);
    }
    expect(throttled, "no 429 after eight wrong passwords").toBe(1);
    expect(await status("/login", { form: { email: DEMO.interviewer2, password: DEMO.password } })).toBe(429);
  });

  it("logged the run: security events, one JSON line each", () => {
    expect(process.env.NODE_ENV).toBe("production");
    const events = stdout.events();
    // Everything on stdout is a structured log line.
    expect(
      stdout
        .text()
        .split("\n")
        .filter((line) => line.trim() !== "" && !line.trim().startsWith("{")),
    ).toEqual([]);
    const counts = new Map<unknown, number>();
    for (const event of events) counts.set(event.event, (counts.get(event.event) ?? 0) + 1);
    console.log(
      `log canary: ${requests} requests, ${stdout.text().split("\n").filter(Boolean).length} stdout lines, ${otherOutput.length} other writes, events ${JSON.stringify(Object.fromEntries(counts))}, ${secrets.size} secret values searched`,
    );
    // Not silence: each kind of security event the flows cause was written.
    for (const kind of ["auth.sign_in", "auth.sign_in_failed", "auth.throttled", "auth.sign_out", "authz.denied", "csrf.rejected"]) {
      expect(counts.get(kind) ?? 0, `${kind} events`).toBeGreaterThan(0);
    }
    expect(counts.get("auth.sign_in")).toBeGreaterThanOrEqual(3);
    expect(counts.get("authz.denied")).toBeGreaterThanOrEqual(4);
    expect(counts.get("csrf.rejected")).toBeGreaterThanOrEqual(4);
  });

  it("logged no token, no session id, no password and no personal data", () => {
    const all = [stdout.text(), ...otherOutput].join("\n");
    expect(all.length).toBeGreaterThan(0);
    // Longest first, so a value inside another is redacted as the longer one.
    const values = [...secrets.keys()].sort((a, b) => b.length - a.length);
    const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const redact = (line: string) =>
      values.reduce((out, value) => out.replace(new RegExp(escape(value), "gi"), `[${secrets.get(value) ?? "secret"}]`), line);
    const hits: string[] = [];
    for (const line of all.split("\n")) {
      const lower = line.toLowerCase();
      const found = values.filter((value) => lower.includes(value.toLowerCase()));
      if (found.length > 0) hits.push(`${[...new Set(found.map((v) => secrets.get(v)))].join(", ")}: ${redact(line).slice(0, 500)}`);
    }
    expect(hits).toEqual([]);
    // The search saw what it looks for: sessions, both kinds of token, the canary data.
    const labels = new Set(secrets.values());
    for (const label of [
      "session cookie",
      "session cookie (hash)",
      "report token",
      "invite token",
      "candidateName",
      "a user's email",
      "demo password",
    ])
      expect(labels.has(label), label).toBe(true);
  });
});
