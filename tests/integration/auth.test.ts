import crypto from "node:crypto";
import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkThrottle, recordLoginFailure, THROTTLE_RULES, throttleKeys } from "../../app/models/login-throttle.server";
import { changeAccountUnlessLastRecruiter, createInvite } from "../../app/models/users.server";
import { createSession, findSessionUser, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "../../app/models/sessions.server";
import { sendQuestionnaire } from "../../app/models/questionnaires.server";
import type { TraitkitDb } from "~db/connection";
import { concretePath, readMatrix, type MatrixRow } from "./support/access-matrix";
import {
  accountState,
  captureLogs,
  DEMO,
  locationPath,
  request,
  SESSION_COOKIE,
  sessionCookieHeader,
  setCookieHeader,
  setCookieValue,
  signIn,
  startTestServer,
  userId,
  type LogCapture,
  type TestServer,
} from "./support/test-server";

const MATRIX = readMatrix();
const MINUTE = 60 * 1000;
const STRONG_PASSWORD = "violet anchor meadow quartz 9431";

function sha256Hex(value: string): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}

/** The text of the page's alert (the sign-in form's error), tags and whitespace removed. */
function alertText(html: string): string | undefined {
  const match = /<[^>]*role="alert"[^>]*>([\s\S]*?)<\/(p|div)>/.exec(html);
  return match?.[1]
    ?.replace(/<[^>]*>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

async function postLogin(
  baseURL: string,
  email: string,
  password: string,
  extra: { cookie?: string; headers?: Record<string, string> } = {},
) {
  return request(baseURL, "/login", { form: { email, password }, ...extra });
}

/** The session cookie's value from a Cookie header made by signIn(). */
function cookieValue(cookie: string): string {
  return cookie.slice(cookie.indexOf("=") + 1);
}

async function expectSignedOut(baseURL: string, cookie: string): Promise<void> {
  const response = await request(baseURL, "/roles", { cookie });
  expect(response.status).toBe(303);
  expect(locationPath(response)).toBe("/login");
}

async function expectSignedIn(baseURL: string, cookie: string, pathname = "/roles"): Promise<void> {
  const response = await request(baseURL, pathname, { cookie });
  expect(response.status).toBe(200);
  await response.body?.cancel();
}

async function sessionCount(server: TestServer, email: string): Promise<number> {
  const id = await userId(server.db, email);
  const row = await server.db
    .selectFrom("sessions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A live questionnaire link (/q/:token), sent by the recruiter on an assessment that has no questionnaire yet. */
async function questionnaireToken(db: TraitkitDb): Promise<string> {
  const assessment = await db
    .selectFrom("assessments")
    .leftJoin("questionnaires", "questionnaires.assessment_id", "assessments.id")
    .select("assessments.id")
    .where("questionnaires.assessment_id", "is", null)
    .orderBy("assessments.id")
    .executeTakeFirstOrThrow();
  const actorId = await userId(db, DEMO.recruiter);
  const sent = await sendQuestionnaire(db, { assessmentId: assessment.id, language: "en", expiresAt: null, actorId }, new Date());
  if (!sent.ok) throw new Error("The questionnaire was refused");
  return sent.token;
}

describe("sessions (S1, S2, S3)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("signs in with an HttpOnly, SameSite=Lax, Path=/ cookie named traitkit_session, not Secure over http", async () => {
    const response = await postLogin(server.baseURL, DEMO.recruiter, DEMO.password);
    expect(response.status).toBe(303);
    expect(locationPath(response)).toBe("/roles");
    const header = setCookieHeader(response, SESSION_COOKIE);
    expect(header).toBeDefined();
    const attributes = (header ?? "").split(";").map((part) => part.trim().toLowerCase());
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes).not.toContain("secure");
    expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);
    // 32 random bytes, base64url: at least 128 bits of entropy.
    expect(setCookieValue(response)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("gives a new session id at every sign-in and rejects the one from before", async () => {
    const first = await signIn(server.baseURL, DEMO.interviewer1);
    const second = await signIn(server.baseURL, DEMO.interviewer1, DEMO.password, first);
    expect(cookieValue(second)).not.toBe(cookieValue(first));
    await expectSignedOut(server.baseURL, first);
    await expectSignedIn(server.baseURL, second);
  });

  it("never adopts a session id chosen before sign-in (fixation)", async () => {
    const planted = crypto.randomBytes(32).toString("base64url");
    const cookie = await signIn(server.baseURL, DEMO.interviewer1, DEMO.password, sessionCookieHeader(planted));
    expect(cookieValue(cookie)).not.toBe(planted);
    await expectSignedOut(server.baseURL, sessionCookieHeader(planted));
  });

  it("stores only the SHA-256 of the session id", async () => {
    const cookie = await signIn(server.baseURL, DEMO.interviewer2);
    const id = cookieValue(cookie);
    const rows = await server.db.selectFrom("sessions").select("id_hash").execute();
    expect(rows.some((row) => row.id_hash === id)).toBe(false);
    expect(rows.filter((row) => row.id_hash === sha256Hex(id))).toHaveLength(1);
  });

  it("ends the session server-side at sign-out: the old cookie then redirects to /login", async () => {
    const cookie = await signIn(server.baseURL, DEMO.interviewer2);
    const hashOfId = sha256Hex(cookieValue(cookie));
    const response = await request(server.baseURL, "/logout", { cookie, form: {} });
    expect(response.status).toBe(303);
    expect(locationPath(response)).toBe("/login");
    expect(setCookieHeader(response, SESSION_COOKIE)?.toLowerCase()).toContain("max-age=0");
    const row = await server.db.selectFrom("sessions").select("id_hash").where("id_hash", "=", hashOfId).executeTakeFirst();
    expect(row).toBeUndefined();
    // A client that ignores the cleared cookie gets nothing with it.
    await expectSignedOut(server.baseURL, cookie);
  });

  it("does not sign out on GET /logout (no state change through GET)", async () => {
    const cookie = await signIn(server.baseURL, DEMO.interviewer2);
    const response = await request(server.baseURL, "/logout", { cookie });
    expect(response.status).toBe(303);
    await expectSignedIn(server.baseURL, cookie);
  });

  describe("expiry, with a fake clock", () => {
    const t0 = new Date("2026-03-02T08:00:00.000Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    let uid: number;
    beforeAll(async () => {
      uid = await userId(server.db, DEMO.interviewer2);
    });

    async function lastSeen(id: string): Promise<string | undefined> {
      const row = await server.db.selectFrom("sessions").select("last_seen_at").where("id_hash", "=", sha256Hex(id)).executeTakeFirst();
      return row?.last_seen_at;
    }

    it("ends a session after 30 minutes idle, and deletes its row", async () => {
      const id = await createSession(server.db, uid, t0);
      expect(await findSessionUser(server.db, id, at(SESSION_IDLE_MS - 1000))).toMatchObject({ id: uid, role: "interviewer" });
      const idleFrom = at(SESSION_IDLE_MS - 1000);
      expect(await findSessionUser(server.db, id, new Date(idleFrom.getTime() + SESSION_IDLE_MS))).toBeUndefined();
      expect(await lastSeen(id)).toBeUndefined();
      expect(SESSION_IDLE_MS).toBe(30 * MINUTE);
    });

    it("touches last_seen on use, so an active session outlives 30 minutes", async () => {
      const id = await createSession(server.db, uid, t0);
      expect(await findSessionUser(server.db, id, at(20 * MINUTE))).toBeDefined();
      expect(await lastSeen(id)).toBe(at(20 * MINUTE).toISOString());
      expect(await findSessionUser(server.db, id, at(45 * MINUTE))).toBeDefined();
      expect(await lastSeen(id)).toBe(at(45 * MINUTE).toISOString());
    });

    it("ends a session after 12 hours even when it was used every 20 minutes", async () => {
      const id = await createSession(server.db, uid, t0);
      let elapsed = 0;
      while (elapsed + 20 * MINUTE < SESSION_ABSOLUTE_MS) {
        elapsed += 20 * MINUTE;
        expect(await findSessionUser(server.db, id, at(elapsed))).toBeDefined();
      }
      expect(await findSessionUser(server.db, id, at(SESSION_ABSOLUTE_MS))).toBeUndefined();
      expect(await lastSeen(id)).toBeUndefined();
      expect(SESSION_ABSOLUTE_MS).toBe(12 * 60 * MINUTE);
    });

    it("rejects an unknown session id", async () => {
      expect(await findSessionUser(server.db, crypto.randomBytes(32).toString("base64url"), t0)).toBeUndefined();
    });
  });

  it("upgrades a weaker stored password hash at the next sign-in (P1)", async () => {
    const id = await userId(server.db, DEMO.interviewer2);
    const weak = await hash(DEMO.password, { algorithm: 2, memoryCost: 4096, timeCost: 2, parallelism: 1 });
    await server.db.updateTable("users").set({ password_hash: weak }).where("id", "=", id).execute();
    await signIn(server.baseURL, DEMO.interviewer2);
    const row = await server.db.selectFrom("users").select("password_hash").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.password_hash).not.toBe(weak);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=3,p=1\$/);
  });
});

describe("sessions behind an https proxy (TRUST_PROXY=1)", () => {
  let server: TestServer;
  let httpsOrigin: string;
  beforeAll(async () => {
    server = await startTestServer({ trustProxy: true });
    httpsOrigin = server.baseURL.replace("http://", "https://");
  });
  afterAll(async () => {
    await server?.close();
  });

  it("names the cookie __Host-traitkit_session and marks it Secure, and sends HSTS", async () => {
    const response = await request(server.baseURL, "/login", {
      form: { email: DEMO.recruiter, password: DEMO.password },
      origin: httpsOrigin,
      headers: { "X-Forwarded-Proto": "https" },
    });
    expect(response.status).toBe(303);
    const header = setCookieHeader(response, "__Host-traitkit_session");
    expect(header).toBeDefined();
    const attributes = (header ?? "").split(";").map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["secure", "httponly", "samesite=lax", "path=/"]));
    expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);
    expect(setCookieHeader(response, SESSION_COOKIE)).toBeUndefined();
    const hsts = response.headers.get("Strict-Transport-Security") ?? "";
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31536000);
    expect(hsts).toContain("includeSubDomains");

    const value = setCookieValue(response, "__Host-traitkit_session") ?? "";
    const page = await request(server.baseURL, "/roles", {
      cookie: `__Host-traitkit_session=${value}`,
      headers: { "X-Forwarded-Proto": "https" },
    });
    expect(page.status).toBe(200);
    await page.body?.cancel();
  });
});

describe("account changes end sessions at once (S2)", () => {
  let server: TestServer;
  let recruiterCookie: string;
  beforeAll(async () => {
    server = await startTestServer();
    recruiterCookie = await signIn(server.baseURL, DEMO.recruiter);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function usersAction(cookie: string, form: Record<string, string>) {
    return request(server.baseURL, "/settings/users", { cookie, form });
  }

  it("deactivation ends the user's sessions, and their sign-in then fails like a wrong password", async () => {
    const cookie = await signIn(server.baseURL, DEMO.interviewer2);
    await expectSignedIn(server.baseURL, cookie);
    const id = await userId(server.db, DEMO.interviewer2);

    const response = await usersAction(recruiterCookie, { intent: "deactivate", userId: String(id) });
    expect(response.status).toBe(200);
    await response.body?.cancel();
    expect(await sessionCount(server, DEMO.interviewer2)).toBe(0);
    await expectSignedOut(server.baseURL, cookie);

    const deactivated = await postLogin(server.baseURL, DEMO.interviewer2, DEMO.password);
    const wrong = await postLogin(server.baseURL, DEMO.interviewer1, "not-the-password");
    expect(deactivated.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(setCookieValue(deactivated)).toBeUndefined();
    const deactivatedText = alertText(await deactivated.text());
    expect(deactivatedText).toBe("The email or password is not right.");
    expect(deactivatedText).toBe(alertText(await wrong.text()));
  });

  it("a role change ends the user's sessions, and the new role applies at the next sign-in", async () => {
    const cookie = await signIn(server.baseURL, DEMO.interviewer1);
    const id = await userId(server.db, DEMO.interviewer1);
    const response = await usersAction(recruiterCookie, { intent: "role", userId: String(id), role: "recruiter" });
    expect(response.status).toBe(200);
    await response.body?.cancel();
    expect(await sessionCount(server, DEMO.interviewer1)).toBe(0);
    await expectSignedOut(server.baseURL, cookie);
    const again = await signIn(server.baseURL, DEMO.interviewer1);
    await expectSignedIn(server.baseURL, again, "/settings/users");
  });

  it("refuses a recruiter deactivating or demoting themself", async () => {
    const id = await userId(server.db, DEMO.recruiter);
    const before = await accountState(server.db);
    const forms: Record<string, string>[] = [
      { intent: "deactivate", userId: String(id) },
      { intent: "role", userId: String(id), role: "interviewer" },
    ];
    for (const form of forms) {
      const response = await usersAction(recruiterCookie, form);
      expect(response.status).toBe(400);
      await response.body?.cancel();
    }
    expect(await accountState(server.db)).toEqual(before);
    await expectSignedIn(server.baseURL, recruiterCookie, "/settings/users");
  });

  it("never deactivates the last active recruiter, even when two recruiters deactivate each other at once", async () => {
    // After the role change above there are two recruiters.
    const a = await signIn(server.baseURL, DEMO.recruiter);
    const b = await signIn(server.baseURL, DEMO.interviewer1);
    const aId = await userId(server.db, DEMO.recruiter);
    const bId = await userId(server.db, DEMO.interviewer1);
    const [byA, byB] = await Promise.all([
      usersAction(a, { intent: "deactivate", userId: String(bId) }),
      usersAction(b, { intent: "deactivate", userId: String(aId) }),
    ]);
    await Promise.all([byA.body?.cancel(), byB.body?.cancel()]);
    const statuses = [byA.status, byB.status];
    // One wins; the other is refused as the last recruiter (409) or finds its session already ended (303).
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 409 || s === 303)).toBe(true);
    const active = await server.db
      .selectFrom("users")
      .select("id")
      .where("role", "=", "recruiter")
      .where("deactivated_at", "is", null)
      .execute();
    expect(active).toHaveLength(1);
  });

  it("never demotes the last active recruiter: the change is refused and nothing is written, audit log and sessions included", async () => {
    const last = await server.db
      .selectFrom("users")
      .select("id")
      .where("role", "=", "recruiter")
      .where("deactivated_at", "is", null)
      .executeTakeFirstOrThrow();
    const actor = await userId(server.db, DEMO.interviewer2);
    const before = await accountState(server.db);
    const outcome = await changeAccountUnlessLastRecruiter(
      server.db,
      { actorId: actor, userId: last.id, kind: "role", role: "interviewer" },
      new Date(),
    );
    expect(outcome).toBe("last_recruiter");
    expect(await accountState(server.db)).toEqual(before);
  });
});

describe("the account page's current password counts against the sign-in limits (B1)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const changePassword = (cookie: string, currentPassword: string) =>
    request(server.baseURL, "/settings/account", {
      cookie,
      form: { intent: "password", currentPassword, password: STRONG_PASSWORD, confirmPassword: STRONG_PASSWORD },
    });

  it("after 5 wrong current passwords answers 429 with Retry-After, even to the right one, and sign-in for that account is held too", async () => {
    const cookie = await signIn(server.baseURL, DEMO.interviewer2);
    const hashBefore = await server.db
      .selectFrom("users")
      .select("password_hash")
      .where("email", "=", DEMO.interviewer2)
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 5; i += 1) {
      const response = await changePassword(cookie, `not-my-password-${i}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("This is not your current password");
    }
    const limited = await changePassword(cookie, DEMO.password);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await limited.text()).toContain("Too many wrong passwords. Wait a few minutes, then try again.");
    expect(
      await server.db.selectFrom("users").select("password_hash").where("email", "=", DEMO.interviewer2).executeTakeFirstOrThrow(),
    ).toEqual(hashBefore);
    // The guesses were a sign-in's: the sign-in page holds the account from this address as well.
    const login = await postLogin(server.baseURL, DEMO.interviewer2, DEMO.password);
    expect(login.status).toBe(429);
    await login.body?.cancel();
  });

  it("forgives the failures when the right current password comes before the limit", async () => {
    const cookie = await signIn(server.baseURL, DEMO.recruiter);
    for (let i = 0; i < 4; i += 1) {
      const response = await changePassword(cookie, `not-my-password-${i}`);
      expect(response.status).toBe(400);
      await response.body?.cancel();
    }
    const changed = await changePassword(cookie, DEMO.password);
    expect(changed.status).toBe(200);
    await changed.body?.cancel();
    const keys = throttleKeys(DEMO.recruiter, "127.0.0.1");
    expect(await checkThrottle(server.db, keys, new Date())).toEqual({ limited: false });
    const failures = await server.db.selectFrom("login_failures").select("at").where("account_key", "=", keys.accountKey).execute();
    expect(failures).toEqual([]);
  });
});

describe("sign-in throttling (B1)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers an unknown email and a wrong password with the same status and message", async () => {
    const unknown = await postLogin(server.baseURL, "nobody@demo.traitkit.test", "not-the-password");
    const wrong = await postLogin(server.baseURL, DEMO.recruiter, "not-the-password");
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(unknown.status);
    const unknownText = alertText(await unknown.text());
    expect(unknownText).toBeTruthy();
    expect(alertText(await wrong.text())).toBe(unknownText);
  });

  it("after 5 failures for one account from one address, answers 429 with Retry-After even to the right password", async () => {
    for (let i = 0; i < 5; i += 1) {
      const response = await postLogin(server.baseURL, DEMO.interviewer1, `wrong-password-${i}`);
      expect(response.status).toBe(401);
      await response.body?.cancel();
    }
    const response = await postLogin(server.baseURL, DEMO.interviewer1, DEMO.password);
    expect(response.status).toBe(429);
    expect(setCookieValue(response)).toBeUndefined();
    const retryAfter = response.headers.get("Retry-After") ?? "";
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(15 * 60);
    expect(alertText(await response.text())).toMatch(/^Too many failed sign-ins\./);
  });

  it("answers the browser's script-driven sign-in (/login.data) with the same 429 and Retry-After", async () => {
    const response = await request(server.baseURL, "/login.data", { form: { email: DEMO.interviewer1, password: DEMO.password } });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    await response.body?.cancel();
  });

  it("is not escaped by a forged X-Forwarded-For when no proxy is trusted", async () => {
    const response = await postLogin(server.baseURL, DEMO.interviewer1, DEMO.password, { headers: { "X-Forwarded-For": "203.0.113.9" } });
    expect(response.status).toBe(429);
    await response.body?.cancel();
  });

  it("still signs in another account from the same address", async () => {
    const cookie = await signIn(server.baseURL, DEMO.interviewer2);
    await expectSignedIn(server.baseURL, cookie);
  });

  it("throttles an unknown email exactly like a real account", async () => {
    const email = "no-such-person@demo.traitkit.test";
    for (let i = 0; i < 5; i += 1) {
      const response = await postLogin(server.baseURL, email, `wrong-password-${i}`);
      expect(response.status).toBe(401);
      await response.body?.cancel();
    }
    const response = await postLogin(server.baseURL, email, "wrong-password-6");
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    await response.body?.cancel();
  });

  describe("limits, with a fake clock", () => {
    const t0 = new Date("2026-03-02T08:00:00.000Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);

    it("forgets account+address failures after 15 minutes", async () => {
      const keys = throttleKeys("clock-a@example.test", "198.51.100.1");
      for (let i = 0; i < 5; i += 1) await recordLoginFailure(server.db, keys, at(i * 1000));
      const limited = await checkThrottle(server.db, keys, at(14 * MINUTE));
      expect(limited).toMatchObject({ limited: true, scope: "account_client" });
      expect(limited.limited && limited.retryAfterSeconds).toBe(60);
      expect(await checkThrottle(server.db, keys, at(15 * MINUTE + 4000))).toEqual({ limited: false });
      // Another address is not held back by this one's failures.
      expect(await checkThrottle(server.db, throttleKeys("clock-a@example.test", "198.51.100.2"), at(MINUTE))).toEqual({ limited: false });
    });

    it("holds an account after 100 failures in an hour from any mix of addresses", async () => {
      const rule = THROTTLE_RULES.find((r) => r.scope === "account");
      expect(rule).toMatchObject({ maxFailures: 100, windowMs: 60 * MINUTE });
      for (let i = 0; i < 100; i += 1) {
        await recordLoginFailure(server.db, throttleKeys("clock-b@example.test", `198.51.101.${i}`), at(i * 1000));
      }
      expect(await checkThrottle(server.db, throttleKeys("clock-b@example.test", "198.51.102.1"), at(30 * MINUTE))).toMatchObject({
        limited: true,
        scope: "account",
      });
      expect(await checkThrottle(server.db, throttleKeys("clock-b@example.test", "198.51.102.1"), at(61 * MINUTE + 40 * 1000))).toEqual({
        limited: false,
      });
    });

    it("holds an address after 50 failures in 15 minutes across accounts", async () => {
      for (let i = 0; i < 50; i += 1) {
        await recordLoginFailure(server.db, throttleKeys(`clock-c${i}@example.test`, "198.51.103.1"), at(2 * 60 * MINUTE + i * 1000));
      }
      expect(
        await checkThrottle(server.db, throttleKeys("clock-fresh@example.test", "198.51.103.1"), at(2 * 60 * MINUTE + 5 * MINUTE)),
      ).toMatchObject({
        limited: true,
        scope: "client",
      });
    });
  });
});

describe("invites over HTTP", () => {
  let server: TestServer;
  let recruiterCookie: string;
  beforeAll(async () => {
    server = await startTestServer();
    recruiterCookie = await signIn(server.baseURL, DEMO.recruiter);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function userCount(): Promise<number> {
    const row = await server.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  function acceptForm(password: string, confirmPassword = password) {
    return { name: "Nadia New", password, confirmPassword };
  }

  it("makes a one-time link that creates the account, signs it in, and then answers 404", async () => {
    const email = "nadia@example.test";
    const invited = await request(server.baseURL, "/settings/users", {
      cookie: recruiterCookie,
      form: { intent: "invite", email, role: "interviewer" },
    });
    expect(invited.status).toBe(200);
    const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(await invited.text())?.[1];
    expect(token).toBeDefined();
    const link = `/invite/${token ?? ""}`;

    const page = await request(server.baseURL, link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(email);

    const users = await userCount();
    for (const [password, why] of [
      ["password1234", "guessable"],
      ["short-pw-1", "too short"],
    ] as const) {
      const refused = await request(server.baseURL, link, { form: acceptForm(password) });
      expect(refused.status, why).toBe(400);
      expect(setCookieValue(refused)).toBeUndefined();
      await refused.body?.cancel();
    }
    const mismatch = await request(server.baseURL, link, { form: acceptForm(STRONG_PASSWORD, `${STRONG_PASSWORD}!`) });
    expect(mismatch.status).toBe(400);
    await mismatch.body?.cancel();
    expect(await userCount()).toBe(users);

    const accepted = await request(server.baseURL, link, { form: acceptForm(STRONG_PASSWORD) });
    expect(accepted.status).toBe(303);
    // An interviewer's home is their assessments.
    expect(locationPath(accepted)).toBe("/assessments");
    const value = setCookieValue(accepted);
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expectSignedIn(server.baseURL, sessionCookieHeader(value ?? ""));
    expect(await userCount()).toBe(users + 1);
    const row = await server.db.selectFrom("users").select(["role", "password_hash"]).where("email", "=", email).executeTakeFirstOrThrow();
    expect(row.role).toBe("interviewer");
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=3,p=1\$/);

    const before = await accountState(server.db);
    const again = await request(server.baseURL, link);
    expect(again.status).toBe(404);
    await again.body?.cancel();
    const reused = await request(server.baseURL, link, { form: acceptForm(STRONG_PASSWORD) });
    expect(reused.status).toBe(404);
    await reused.body?.cancel();
    expect(await accountState(server.db)).toEqual(before);

    // The new account signs in with its password.
    await expectSignedIn(server.baseURL, await signIn(server.baseURL, email, STRONG_PASSWORD));
  });

  it("answers 404 to an invite older than 7 days", async () => {
    const recruiterId = await userId(server.db, DEMO.recruiter);
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * MINUTE);
    const invite = await server.db
      .transaction()
      .execute((trx) =>
        createInvite(trx, { email: "late@example.test", role: "interviewer", invitedBy: recruiterId, mail: null }, eightDaysAgo),
      );
    const before = await accountState(server.db);
    const page = await request(server.baseURL, `/invite/${invite.token}`);
    expect(page.status).toBe(404);
    await page.body?.cancel();
    const post = await request(server.baseURL, `/invite/${invite.token}`, { form: acceptForm(STRONG_PASSWORD) });
    expect(post.status).toBe(404);
    await post.body?.cancel();
    expect(await accountState(server.db)).toEqual(before);
  });

  it("refuses a body that is not a form as such, not as a link that does not work", async () => {
    const recruiterId = await userId(server.db, DEMO.recruiter);
    const invite = await server.db
      .transaction()
      .execute((trx) =>
        createInvite(trx, { email: "json@example.test", role: "interviewer", invitedBy: recruiterId, mail: null }, new Date()),
      );
    const before = await accountState(server.db);
    const post = await fetch(new URL(`/invite/${invite.token}`, server.baseURL), {
      method: "POST",
      headers: { Origin: server.baseURL, "Accept-Language": "en", "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Jay", password: STRONG_PASSWORD }),
    });
    expect(post.status).toBe(400);
    const page = await post.text();
    expect(page).toContain("This request could not be used");
    expect(page).not.toContain("This invite link does not work");
    expect(await accountState(server.db)).toEqual(before);
    // The link still works.
    expect((await request(server.baseURL, `/invite/${invite.token}`)).status).toBe(200);
  });
});

describe("cross-site requests are refused (C1)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const postRows = MATRIX.filter((row) => row.method === "POST");

  /** A request body the route would accept from its own site. */
  async function goodRequest(row: MatrixRow): Promise<{ path: string; form: Record<string, string> }> {
    switch (row.route) {
      case "/login":
        return { path: "/login", form: { email: DEMO.interviewer2, password: DEMO.password } };
      case "/language":
        return { path: "/language", form: { lng: "es", redirectTo: "/roles" } };
      case "/settings/users":
        return { path: "/settings/users", form: { intent: "invite", email: "csrf-victim@example.test", role: "recruiter" } };
      case "/invite/:token": {
        const recruiterId = await userId(server.db, DEMO.recruiter);
        const invite = await server.db
          .transaction()
          .execute((trx) =>
            createInvite(trx, { email: "csrf-invitee@example.test", role: "interviewer", invitedBy: recruiterId, mail: null }, new Date()),
          );
        return { path: `/invite/${invite.token}`, form: { name: "Mallory", password: STRONG_PASSWORD, confirmPassword: STRONG_PASSWORD } };
      }
      case "/q/:token":
        return { path: `/q/${await questionnaireToken(server.db)}`, form: { intent: "consent", lang: "en" } };
      default:
        return { path: await concretePath(server.db, row.route), form: {} };
    }
  }

  const CROSS_SITE: { name: string; origin: string | null; headers: Record<string, string> }[] = [
    { name: "Origin: https://evil.example", origin: "https://evil.example", headers: {} },
    { name: "Sec-Fetch-Site: cross-site", origin: null, headers: { "Sec-Fetch-Site": "cross-site" } },
    { name: "a foreign Referer and no Origin", origin: null, headers: { Referer: "https://evil.example/form.html" } },
    { name: "Origin: null", origin: "null", headers: {} },
  ];

  it("covers at least the account POST routes", () => {
    expect(postRows.map((row) => row.route)).toEqual(expect.arrayContaining(["/login", "/logout", "/settings/users", "/invite/:token"]));
  });

  for (const row of postRows) {
    it(`refuses POST ${row.route} from another site with 403 and changes nothing`, async () => {
      const cookie = await signIn(server.baseURL, DEMO.recruiter);
      const good = await goodRequest(row);
      for (const variant of CROSS_SITE) {
        const before = await accountState(server.db);
        const response = await request(server.baseURL, good.path, {
          cookie,
          form: good.form,
          origin: variant.origin,
          headers: variant.headers,
        });
        expect(response.status, variant.name).toBe(403);
        expect(response.headers.get("Set-Cookie"), variant.name).toBeNull();
        await response.body?.cancel();
        expect(await accountState(server.db), `${variant.name} changed data`).toEqual(before);
      }
      await expectSignedIn(server.baseURL, cookie);
      // The same request from the site itself is not refused.
      const own = await request(server.baseURL, good.path, { cookie, form: good.form, headers: { "Sec-Fetch-Site": "same-origin" } });
      expect(own.status).not.toBe(403);
      await own.body?.cancel();
    });
  }
});

describe("security headers (H1)", () => {
  let server: TestServer;
  let recruiterCookie: string;
  let inviteToken: string;
  beforeAll(async () => {
    server = await startTestServer();
    recruiterCookie = await signIn(server.baseURL, DEMO.recruiter);
    const recruiterId = await userId(server.db, DEMO.recruiter);
    const invite = await server.db
      .transaction()
      .execute((trx) =>
        createInvite(trx, { email: "headers@example.test", role: "interviewer", invitedBy: recruiterId, mail: null }, new Date()),
      );
    inviteToken = invite.token;
  });
  afterAll(async () => {
    await server?.close();
  });

  const getRows = MATRIX.filter((row) => row.method === "GET");

  function directives(csp: string): Map<string, string> {
    return new Map(
      csp
        .split(";")
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => {
          const space = part.indexOf(" ");
          return space < 0 ? [part, ""] : [part.slice(0, space), part.slice(space + 1)];
        }),
    );
  }

  /** A live candidate-report token (/r/:token), published by the recruiter and read from the page. */
  async function reportToken(): Promise<string> {
    const published = await request(server.baseURL, await concretePath(server.db, "/assessments/:id"), {
      cookie: recruiterCookie,
      form: { intent: "publish", language: "en" },
    });
    return /\/r\/([A-Za-z0-9_-]{43})/.exec(await published.text())?.[1] ?? "";
  }

  async function fetchPage(row: MatrixRow): Promise<Response> {
    const pathname = (await concretePath(server.db, row.route)).replace(
      ":token",
      row.route === "/r/:token" ? await reportToken() : row.route === "/q/:token" ? await questionnaireToken(server.db) : inviteToken,
    );
    // Anonymous where the page is open to everyone (the sign-in page redirects a signed-in user), else the
    // recruiter, or interviewer1 where only a member of the panel may look (scorecards).
    const cookie = row.cells.anonymous.codes.includes(200)
      ? undefined
      : row.cells.recruiter.codes.includes(200)
        ? recruiterCookie
        : await signIn(server.baseURL, DEMO.interviewer1);
    return request(server.baseURL, pathname, { cookie });
  }

  for (const row of getRows) {
    it(`sends an enforced CSP with a fresh nonce and the other headers on GET ${row.route}`, async () => {
      const first = await fetchPage(row);
      const second = await fetchPage(row);
      // An address no route has is a 404 page for everyone: it gets the headers all the same.
      const expected = row.route === "/*" ? 404 : 200;
      expect(first.status).toBe(expected);
      expect(second.status).toBe(expected);
      const nonces: string[] = [];
      for (const response of [first, second]) {
        const csp = response.headers.get("Content-Security-Policy");
        expect(csp).toBeTruthy();
        expect(response.headers.get("Content-Security-Policy-Report-Only")).toBeNull();
        const policy = directives(csp ?? "");
        const scriptSrc = policy.get("script-src") ?? "";
        expect(scriptSrc).not.toContain("unsafe-inline");
        const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
        expect(nonce).toBeDefined();
        expect(Buffer.from(nonce ?? "", "base64").length).toBeGreaterThanOrEqual(16);
        nonces.push(nonce ?? "");
        expect(policy.get("object-src")).toBe("'none'");
        expect(policy.get("base-uri")).toBe("'none'");
        expect(policy.get("frame-ancestors")).toBe("'none'");
        expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
        // The candidate's report (/r/*) and questionnaire (/q/*) send no referrer at all: their URL is the secret.
        expect(response.headers.get("Referrer-Policy")).toBe(/^\/[rq]\//.test(row.route) ? "no-referrer" : "same-origin");
        const cacheControl = (response.headers.get("Cache-Control") ?? "").split(",").map((d) => d.trim());
        expect(cacheControl).toContain("no-store");
        expect(cacheControl.filter((d) => d !== "no-store")).toEqual([]);

        const body = await response.text();
        if ((response.headers.get("Content-Type") ?? "").startsWith("text/html")) {
          const scripts = [...body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
          expect(scripts.length).toBeGreaterThan(0);
          for (const tag of scripts) expect(/\snonce="([^"]*)"/.exec(tag)?.[1], tag).toBe(nonce);
        }
      }
      expect(nonces[0]).not.toBe(nonces[1]);
    });
  }
});

describe("logs hold no secrets, one event per attempt (L1)", () => {
  let server: TestServer;
  let capture: LogCapture;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    capture?.stop();
    await server?.close();
  });

  function authEvents(events: { event?: unknown }[]) {
    return events.filter((e) => typeof e.event === "string" && e.event.startsWith("auth."));
  }

  it("logs one auth.sign_in for a success and one auth.sign_in_failed for a failure, without password, email or session id", async () => {
    const wrongPassword = "canary-wrong-password-5e1f";
    capture = captureLogs();
    const success = await postLogin(server.baseURL, DEMO.interviewer1, DEMO.password);
    expect(success.status).toBe(303);
    const sessionId = setCookieValue(success) ?? "";
    expect(sessionId).not.toBe("");
    const successEvents = authEvents(capture.events());
    capture.stop();
    expect(successEvents).toEqual([
      { level: 30, time: expect.any(Number), event: "auth.sign_in", userId: await userId(server.db, DEMO.interviewer1) },
    ]);

    capture = captureLogs();
    const failure = await postLogin(server.baseURL, DEMO.interviewer1, wrongPassword);
    expect(failure.status).toBe(401);
    await failure.body?.cancel();
    const failureEvents = authEvents(capture.events());
    const failureText = capture.text();
    capture.stop();
    expect(failureEvents).toEqual([{ level: 30, time: expect.any(Number), event: "auth.sign_in_failed", reason: "bad_credentials" }]);

    // Logging out writes the session id nowhere either.
    capture = captureLogs();
    const logout = await request(server.baseURL, "/logout", { cookie: sessionCookieHeader(sessionId), form: {} });
    expect(logout.status).toBe(303);
    const logoutEvents = authEvents(capture.events());
    const logoutText = capture.text();
    capture.stop();
    expect(logoutEvents.map((e) => e.event)).toEqual(["auth.sign_out"]);

    const all = [JSON.stringify(successEvents), failureText, logoutText].join("\n");
    for (const canary of [
      DEMO.password,
      wrongPassword,
      sessionId,
      sha256Hex(sessionId),
      DEMO.interviewer1,
      "interviewer1",
      "Ian Interviewer",
    ]) {
      expect(all.includes(canary), `log holds ${canary}`).toBe(false);
    }
  });

  it("logs one auth.throttled for a throttled attempt, one authz.denied for a denial and one csrf.rejected for a cross-site post", async () => {
    for (let i = 0; i < 5; i += 1) {
      const response = await postLogin(server.baseURL, DEMO.interviewer2, `wrong-${i}`);
      await response.body?.cancel();
    }
    const interviewer = await signIn(server.baseURL, DEMO.interviewer1);
    capture = captureLogs();
    const throttled = await postLogin(server.baseURL, DEMO.interviewer2, DEMO.password);
    expect(throttled.status).toBe(429);
    await throttled.body?.cancel();
    const denied = await request(server.baseURL, "/settings/users", { cookie: interviewer });
    expect(denied.status).toBe(404);
    await denied.body?.cancel();
    const crossSite = await request(server.baseURL, "/logout", { cookie: interviewer, form: {}, origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    await crossSite.body?.cancel();
    const events = capture.events();
    const text = capture.text();
    capture.stop();
    expect(events.filter((e) => e.event === "auth.throttled")).toEqual([expect.objectContaining({ scope: "account_client" })]);
    expect(events.filter((e) => e.event === "auth.sign_in_failed")).toEqual([]);
    expect(events.filter((e) => e.event === "authz.denied")).toEqual([
      expect.objectContaining({ userId: await userId(server.db, DEMO.interviewer1), path: "/settings/users" }),
    ]);
    expect(events.filter((e) => e.event === "csrf.rejected")).toEqual([expect.objectContaining({ method: "POST", path: "/logout" })]);
    for (const canary of [DEMO.password, DEMO.interviewer2, cookieValue(interviewer)]) {
      expect(text.includes(canary), `log holds ${canary}`).toBe(false);
    }
  });
});
