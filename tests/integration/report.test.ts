import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScoringKit, saveScorecard } from "../../app/models/scorecards.server";
import { publishReport } from "../../app/models/report.server";
import { DEMO, request, rowCounts, signIn, startTestServer, userId, type TestServer } from "./support/test-server";

/*
 * Issue #7, the candidate's private report through the production build:
 * publish → a link that works without a session and shows nothing private;
 * revoked, expired and unknown tokens answer the same 404; an interviewer
 * cannot publish; the private headers.
 */

let server: TestServer;
let recruiterCookie: string;
let interviewerCookie: string;
let assessmentId: number;
let candidateId: number;
let recruiterId: number;

const SECRET_NOTE = "Private note: mentioned a salary of 99 thousand";
const INTERVIEWER_NAMES = ["Ian Interviewer (demo)", "Inés Interviewer (demo)"];

/** The candidate with a red flag, a decision and submitted scorecards. */
const CANDIDATE = "Alan Demo-Turing";

beforeAll(async () => {
  server = await startTestServer();
  const db = server.db;
  recruiterId = await userId(db, DEMO.recruiter);
  const row = await db
    .selectFrom("assessments")
    .innerJoin("candidates", "candidates.id", "assessments.candidate_id")
    .select(["assessments.id", "candidates.id as candidate_id"])
    .where("candidates.name", "=", CANDIDATE)
    .executeTakeFirstOrThrow();
  assessmentId = row.id;
  candidateId = row.candidate_id;
  // A note on a submitted scorecard, to prove the report does not show it.
  const card = await db
    .selectFrom("scorecards")
    .select("id")
    .where("assessment_id", "=", assessmentId)
    .where("status", "=", "submitted")
    .executeTakeFirstOrThrow();
  const question = await db
    .selectFrom("kit_questions")
    .innerJoin("assessments", "assessments.kit_version_id", "kit_questions.kit_version_id")
    .select("kit_questions.id")
    .where("assessments.id", "=", assessmentId)
    .orderBy("kit_questions.position")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("scorecard_notes")
    .values({ scorecard_id: card.id, kit_question_id: question.id, notes: SECRET_NOTE })
    .onConflict((oc) => oc.columns(["scorecard_id", "kit_question_id"]).doUpdateSet({ notes: SECRET_NOTE }))
    .execute();
  recruiterCookie = await signIn(server.baseURL, DEMO.recruiter);
  interviewerCookie = await signIn(server.baseURL, DEMO.interviewer1);
});

afterAll(async () => {
  await server?.close();
});

async function publish(form: Record<string, string>): Promise<Response> {
  return request(server.baseURL, `/assessments/${assessmentId}`, { cookie: recruiterCookie, form: { intent: "publish", ...form } });
}

function tokenIn(html: string): string {
  const token = /\/r\/([A-Za-z0-9_-]{43})/.exec(html)?.[1];
  if (!token) throw new Error("No report link on the page");
  return token;
}

/** The test server's row counts, report links and snapshots included. */
async function counts(): Promise<Record<string, number>> {
  const links = await server.db
    .selectFrom("report_links")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const snapshots = await server.db
    .selectFrom("report_snapshots")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return { ...(await rowCounts(server.db)), report_links: Number(links.n), report_snapshots: Number(snapshots.n) };
}

/** A 404 page as a reader sees it: the per-response CSP nonce aside. */
function normalized(html: string, token: string): string {
  return html.replace(/nonce="[^"]*"/g, 'nonce=""').replaceAll(token, "TOKEN");
}

describe("the candidate's report", () => {
  let token: string;
  let html: string;

  it("publishes a link shown once, storing only the token's hash, audited", async () => {
    const response = await publish({ language: "en", expiresInDays: "" });
    expect(response.status).toBe(200);
    token = tokenIn(await response.text());
    const link = await server.db
      .selectFrom("report_links")
      .selectAll()
      .where("token_hash", "=", createHash("sha256").update(token).digest("hex"))
      .executeTakeFirstOrThrow();
    expect(link).toMatchObject({
      assessment_id: assessmentId,
      language: "en",
      expires_at: null,
      revoked_at: null,
      created_by: recruiterId,
    });
    const stored = JSON.stringify(await server.db.selectFrom("report_links").selectAll().execute());
    expect(stored).not.toContain(token);
    const audit = await server.db.selectFrom("audit_log").select(["entity_id", "details"]).where("action", "=", "report.publish").execute();
    expect(audit.map((a) => a.entity_id)).toContain(String(link.id));
    expect(JSON.stringify(audit)).not.toContain(token);
    // The page shows the link's status afterwards, never the token again.
    const page = await request(server.baseURL, `/assessments/${assessmentId}`, { cookie: recruiterCookie });
    const again = await page.text();
    expect(again).not.toContain(token);
    expect(again).toContain('data-testid="report-links"');
  });

  it("opens without a session, with the private headers", async () => {
    const response = await request(server.baseURL, `/r/${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(response.headers.get("x-robots-tag")).toBe("noindex");
    html = await response.text();
    expect(html).toMatch(/<meta name="robots" content="noindex"\/?>/);
    expect(html).toContain('data-testid="trait-radar-table"');
    expect(html).toContain('data-testid="trait-band-table"');
    expect(html).toContain('data-testid="transition-table"');
    expect(html).toContain('data-testid="areas-to-develop"');
  });

  it("shows no interviewer, note, red flag, recommendation, decision, candidate name or internal id", async () => {
    for (const name of INTERVIEWER_NAMES) expect(html).not.toContain(name);
    expect(html).not.toContain(SECRET_NOTE);
    expect(html).not.toContain(CANDIDATE);
    const flags = await server.db
      .selectFrom("observed_red_flags")
      .innerJoin("scorecards", "scorecards.id", "observed_red_flags.scorecard_id")
      .innerJoin("kit_red_flags", "kit_red_flags.id", "observed_red_flags.kit_red_flag_id")
      .select(["kit_red_flags.text", "observed_red_flags.evidence"])
      .where("scorecards.assessment_id", "=", assessmentId)
      .execute();
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) {
      for (const text of Object.values(parseLocalized(flag.text))) expect(html).not.toContain(text);
      if (flag.evidence) expect(html).not.toContain(flag.evidence);
    }
    const decision = await server.db
      .selectFrom("decisions")
      .select("reason")
      .where("assessment_id", "=", assessmentId)
      .executeTakeFirstOrThrow();
    expect(html).not.toContain(decision.reason);
    expect(html).not.toMatch(/strong_yes|strong_no|recommend|decision|advance|reject|red flag|interviewer/i);
    expect(html).not.toContain(`/assessments/${assessmentId}`);
    expect(html).not.toContain(`/candidates/${candidateId}`);
    // The route's data as the browser fetches it (single fetch), and as the HTML embeds it.
    const data = await (await request(server.baseURL, `/r/${token}.data`)).text();
    expect(data).toContain("charts");
    for (const [text, pattern] of [html, data]
      .flatMap((body) => [/assessment_?id/i, /candidate_?id/i, /kit_?version_?id/i, /scorecard/i].map((p) => [body, p] as const))
      .concat([[data, /"id"/]])) {
      const hit = pattern.exec(text);
      expect(hit && text.slice(Math.max(0, hit.index - 120), hit.index + 60), String(pattern)).toBeNull();
    }
  });

  it("answers revoked, expired and unknown tokens with the same 404", async () => {
    const link = await server.db
      .selectFrom("report_links")
      .select("id")
      .where("token_hash", "=", createHash("sha256").update(token).digest("hex"))
      .executeTakeFirstOrThrow();
    const revoke = await request(server.baseURL, `/assessments/${assessmentId}`, {
      cookie: recruiterCookie,
      form: { intent: "revoke", reportId: String(link.id), confirm: "1" },
    });
    expect(revoke.status).toBe(303);
    const revoked = await server.db.selectFrom("report_links").select("revoked_at").where("id", "=", link.id).executeTakeFirstOrThrow();
    expect(revoked.revoked_at).not.toBeNull();
    expect(
      await server.db
        .selectFrom("audit_log")
        .select("id")
        .where("action", "=", "report.revoke")
        .where("entity_id", "=", String(link.id))
        .executeTakeFirst(),
    ).toBeDefined();

    const expired = await publishReport(
      server.db,
      { assessmentId, language: "es", expiresAt: new Date(Date.now() - 60_000), actorId: recruiterId },
      new Date(Date.now() - 3_600_000),
    );
    if (!expired.ok) throw new Error("The demo assessment has no submitted scorecard");
    const unknown = createHash("sha256").update("nobody issued this").digest("base64url");

    const bodies: string[] = [];
    for (const t of [token, expired.token, unknown]) {
      const response = await request(server.baseURL, `/r/${t}`);
      expect(response.status).toBe(404);
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      bodies.push(normalized(await response.text(), t));
    }
    expect(bodies[1]).toBe(bodies[0]);
    expect(bodies[2]).toBe(bodies[0]);
  });

  it("a live link with an expiry still opens, in its language", async () => {
    const response = await publish({ language: "es", expiresInDays: "7" });
    expect(response.status).toBe(200);
    const page = await request(server.baseURL, `/r/${tokenIn(await response.text())}`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain("Su perfil de entrevista");
    expect(text).toContain('lang="es"');
  });

  it("refuses a bad expiry with 400 and writes nothing", async () => {
    const before = await counts();
    const response = await publish({ language: "en", expiresInDays: "0" });
    expect(response.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it("refuses publishing by an interviewer with 404 and writes nothing", async () => {
    const before = await counts();
    const response = await request(server.baseURL, `/assessments/${assessmentId}`, {
      cookie: interviewerCookie,
      form: { intent: "publish", language: "en" },
    });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/\/r\/[A-Za-z0-9_-]{43}/);
    expect(await counts()).toEqual(before);
  });
});

/*
 * Issue #16.2: a published report is a snapshot. Reopening and resubmitting a
 * scorecard changes the panel, not what the candidate holds; the assessment
 * page says the report is out of date; a new version moves the earlier links
 * to it or revokes them; nothing is published before a scorecard is in.
 */
describe("a sent report does not change under the candidate", () => {
  /** Both scorecards submitted: the panel can change under a live link. */
  const SNAPSHOT_CANDIDATE = "Frances Demo-Allen";
  /** An assessment with no scorecard at all. */
  const NOTHING_SUBMITTED = "Donald Demo-Knuth";
  let id: number;
  let firstToken: string;
  let firstPage: string;

  async function assessmentOf(name: string): Promise<number> {
    const row = await server.db
      .selectFrom("assessments")
      .innerJoin("candidates", "candidates.id", "assessments.candidate_id")
      .select("assessments.id")
      .where("candidates.name", "=", name)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const publishOn = (assessment: number, form: Record<string, string>) =>
    request(server.baseURL, `/assessments/${assessment}`, {
      cookie: recruiterCookie,
      form: { intent: "publish", language: "en", expiresInDays: "", ...form },
    });

  /** The candidate's page as HTML, the per-response nonce aside. */
  async function reportPage(token: string): Promise<{ status: number; html: string }> {
    const response = await request(server.baseURL, `/r/${token}`);
    return { status: response.status, html: (await response.text()).replace(/nonce="[^"]*"/g, 'nonce=""') };
  }

  async function assessmentPage(assessment: number): Promise<string> {
    return (await request(server.baseURL, `/assessments/${assessment}`, { cookie: recruiterCookie })).text();
  }

  function linkOf(token: string) {
    return server.db
      .selectFrom("report_links")
      .selectAll()
      .where("token_hash", "=", createHash("sha256").update(token).digest("hex"))
      .executeTakeFirstOrThrow();
  }

  beforeAll(async () => {
    id = await assessmentOf(SNAPSHOT_CANDIDATE);
  });

  it("publishes a snapshot the link shows, and the page is not out of date", async () => {
    const response = await publishOn(id, {});
    expect(response.status).toBe(200);
    firstToken = tokenIn(await response.text());
    const link = await linkOf(firstToken);
    const snapshot = await server.db
      .selectFrom("report_snapshots")
      .selectAll()
      .where("id", "=", link.snapshot_id ?? 0)
      .executeTakeFirstOrThrow();
    expect(snapshot).toMatchObject({ assessment_id: id, version: 1, language: "en", created_by: recruiterId });
    expect(JSON.parse(snapshot.content)).toMatchObject({
      language: "en",
      charts: { roleName: expect.any(String), traits: expect.any(Array) },
    });
    const page = await reportPage(firstToken);
    expect(page.status).toBe(200);
    firstPage = page.html;
    expect(await assessmentPage(id)).not.toContain('data-testid="report-out-of-date"');
  });

  it("counts each open and keeps its time, and nothing about the reader", async () => {
    const before = await linkOf(firstToken);
    const at = new Date().toISOString();
    await reportPage(firstToken);
    await reportPage(firstToken);
    const after = await linkOf(firstToken);
    expect(after.opens).toBe(before.opens + 2);
    expect(after.last_opened_at && after.last_opened_at >= at).toBe(true);
    expect(Object.keys(after).sort()).toEqual([
      "assessment_id",
      "created_at",
      "created_by",
      "expires_at",
      "id",
      "language",
      "last_opened_at",
      "opens",
      "revoked_at",
      "snapshot_id",
      "token_hash",
    ]);
    // The recruiter's list: short id, who published it, language, version and the opens.
    const page = await assessmentPage(id);
    const recruiter = await server.db.selectFrom("users").select("name").where("id", "=", recruiterId).executeTakeFirstOrThrow();
    const shortId = after.token_hash.slice(0, 8).toUpperCase();
    const line = new RegExp(`<li data-status="live" data-short-id="${shortId}">(.*?)</li>`).exec(page)?.[1] ?? "";
    expect(line).toContain(`Link ${shortId}`);
    expect(line).toContain(`by ${recruiter.name}`);
    expect(line).toContain("English");
    expect(line).toContain("version 1");
    expect(line).toContain(`opened ${after.opens} times, last `);
  });

  it("keeps the report as published after a reopen and a resubmission with other ratings; the page says it is out of date", async () => {
    const card = await server.db
      .selectFrom("scorecards")
      .innerJoin("users", "users.id", "scorecards.interviewer_id")
      .select(["scorecards.id", "scorecards.interviewer_id"])
      .where("scorecards.assessment_id", "=", id)
      .where("users.email", "=", DEMO.interviewer1)
      .executeTakeFirstOrThrow();
    const reopen = await request(server.baseURL, `/assessments/${id}`, {
      cookie: recruiterCookie,
      form: { intent: "reopen", scorecardId: String(card.id), confirm: "1" },
    });
    expect(reopen.status).toBe(303);
    expect((await reportPage(firstToken)).html).toBe(firstPage);
    expect(await assessmentPage(id)).toContain('data-testid="report-out-of-date"');

    const { kit_version_id } = await server.db
      .selectFrom("assessments")
      .select("kit_version_id")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const kit = await loadScoringKit(server.db, kit_version_id);
    if (!kit) throw new Error("No kit");
    const ratings = kit.questions.flatMap((q) => q.traits.map((trait) => ({ questionId: q.id, trait, rating: 1 as const })));
    const saved = await saveScorecard(
      server.db,
      {
        assessmentId: id,
        interviewerId: card.interviewer_id,
        kit,
        input: { intent: "submit", ratings, notes: [], strengths: [], redFlags: [], recommendation: "no" },
        mail: null,
      },
      new Date(),
    );
    expect(saved.status).toBe("saved");
    expect((await reportPage(firstToken)).html).toBe(firstPage);
    const page = await assessmentPage(id);
    expect(page).toContain('data-testid="report-out-of-date"');
    expect(page).toContain("The published report is out of date");
  });

  let secondToken: string;

  it("publishes a new version that the earlier link then shows, in its own language", async () => {
    const response = await publishOn(id, { language: "es", earlier: "keep" });
    expect(response.status).toBe(200);
    secondToken = tokenIn(await response.text());
    const [first, second] = [await linkOf(firstToken), await linkOf(secondToken)];
    const versions = await server.db
      .selectFrom("report_snapshots")
      .select(["id", "version", "language"])
      .where("assessment_id", "=", id)
      .orderBy("id")
      .execute();
    expect(versions.map((v) => [v.version, v.language])).toEqual([
      [1, "en"],
      [2, "es"],
      [2, "en"],
    ]);
    expect(second.snapshot_id).toBe(versions[1]?.id);
    expect(first.snapshot_id).toBe(versions[2]?.id);
    expect(first.revoked_at).toBeNull();
    const moved = await reportPage(firstToken);
    expect(moved.status).toBe(200);
    expect(moved.html).not.toBe(firstPage);
    expect(moved.html).toContain("Your interview profile");
    expect(await assessmentPage(id)).not.toContain('data-testid="report-out-of-date"');
    const audit = await server.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "report.publish")
      .where("entity_id", "=", String(second.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details ?? "{}")).toMatchObject({ assessment: id, version: 2, earlier: "keep", earlierLinks: 1 });
  });

  it("revokes the earlier links when the recruiter chooses so, audited", async () => {
    const response = await publishOn(id, { earlier: "revoke" });
    expect(response.status).toBe(200);
    const third = await linkOf(tokenIn(await response.text()));
    for (const token of [firstToken, secondToken]) {
      expect((await reportPage(token)).status).toBe(404);
      const link = await linkOf(token);
      expect(link.revoked_at).not.toBeNull();
      const audit = await server.db
        .selectFrom("audit_log")
        .select("details")
        .where("action", "=", "report.revoke")
        .where("entity_id", "=", String(link.id))
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.details ?? "{}")).toMatchObject({ assessment: id, replacedBy: third.id });
    }
    expect(third.revoked_at).toBeNull();
  });

  it("refuses a choice other than keep or revoke with 400 and writes nothing", async () => {
    const before = await counts();
    const response = await publishOn(id, { earlier: "everything" });
    expect(response.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it("refuses to publish before a scorecard is submitted: 409, the reason beside the button, nothing written", async () => {
    const empty = await assessmentOf(NOTHING_SUBMITTED);
    const page = await assessmentPage(empty);
    expect(page).toMatch(/<button type="submit" name="intent" value="publish" disabled=""/);
    expect(page).toContain('id="report-publish-blocked"');
    const before = await counts();
    const response = await publishOn(empty, {});
    expect(response.status).toBe(409);
    const body = await response.text();
    expect(body).toContain("No scorecard is submitted yet");
    expect(body).not.toMatch(/\/r\/[A-Za-z0-9_-]{43}/);
    expect(await counts()).toEqual(before);
  });

  it("says the report is out of date when every submitted scorecard is reopened, and the candidate keeps what was sent", async () => {
    const published = await publishOn(id, {});
    expect(published.status).toBe(200);
    const token = tokenIn(await published.text());
    const sent = (await reportPage(token)).html;
    const cards = await server.db
      .selectFrom("scorecards")
      .select("id")
      .where("assessment_id", "=", id)
      .where("status", "=", "submitted")
      .execute();
    for (const card of cards) {
      const reopen = await request(server.baseURL, `/assessments/${id}`, {
        cookie: recruiterCookie,
        form: { intent: "reopen", scorecardId: String(card.id), confirm: "1" },
      });
      expect(reopen.status).toBe(303);
    }
    const page = await assessmentPage(id);
    expect(page).toContain('data-testid="report-out-of-date"');
    expect(page).toContain('id="report-publish-blocked"');
    expect((await reportPage(token)).html).toBe(sent);
  });
});

function parseLocalized(text: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    }
  } catch {
    // Plain text.
  }
  return { text };
}
