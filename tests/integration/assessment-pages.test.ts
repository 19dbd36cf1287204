import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DECISIONS_PAGE_SIZE, listDecisions, recordDecision } from "../../app/models/assessments.server";
import { listReportLinks, publishReport, REPORT_LINKS_PAGE_SIZE } from "../../app/models/report.server";
import { DEMO, request, signIn, startTestServer, userId, type TestServer } from "./support/test-server";

/*
 * Issue #18, item 4: the assessment page's two lists that grow without bound
 * (the decisions and the report links) show a page of five, newest first,
 * with their count and plain links to the older ones; the queries read one
 * page, never the whole list; an odd page number is the first page and a page
 * past the end says so, as on the other lists.
 */

let server: TestServer;
let recruiterCookie: string;
let assessmentId: number;

/** The demo case with submitted scorecards, so that its report can be published. */
const CANDIDATE = "Alan Demo-Turing";
const DECISIONS = 12;
const LINKS = 7;
const START = Date.parse("2026-01-01T09:00:00Z");

/** The moment of the n-th decision or link made here, an hour apart: n = 1 is the oldest. */
function at(n: number): Date {
  return new Date(START + n * 3_600_000);
}

beforeAll(async () => {
  server = await startTestServer();
  const db = server.db;
  const recruiterId = await userId(db, DEMO.recruiter);
  const row = await db
    .selectFrom("assessments")
    .innerJoin("candidates", "candidates.id", "assessments.candidate_id")
    .select("assessments.id")
    .where("candidates.name", "=", CANDIDATE)
    .executeTakeFirstOrThrow();
  assessmentId = row.id;
  await db.deleteFrom("decisions").where("assessment_id", "=", assessmentId).execute();
  await db.deleteFrom("report_links").where("assessment_id", "=", assessmentId).execute();
  for (let n = 1; n <= DECISIONS; n++) {
    await recordDecision(
      db,
      { assessmentId, decision: n % 2 ? "hold" : "advance", reason: `Reason number ${n}.`, actorId: recruiterId },
      at(n),
    );
  }
  for (let n = 1; n <= LINKS; n++) {
    const outcome = await publishReport(db, { assessmentId, language: "en", expiresAt: null, actorId: recruiterId }, at(n));
    if (!outcome.ok) throw new Error("The demo case's report could not be published");
  }
  // The oldest link revoked: six live, which the publish form counts over every page.
  await db
    .updateTable("report_links")
    .set({ revoked_at: at(LINKS + 1).toISOString() })
    .where("assessment_id", "=", assessmentId)
    .where("created_at", "=", at(1).toISOString())
    .execute();
  recruiterCookie = await signIn(server.baseURL, DEMO.recruiter);
});

afterAll(async () => {
  await server?.close();
});

/** The server's database with every query's rows counted: a page must come from a LIMIT, not from the whole list sliced. */
function countingRows(): { db: TestServer["db"]; largest: () => number } {
  let largest = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: (args) => {
      largest = Math.max(largest, args.result.rows.length);
      return Promise.resolve(args.result);
    },
  };
  return { db: server.db.withPlugin(plugin), largest: () => largest };
}

async function page(query: string): Promise<string> {
  const response = await request(server.baseURL, `/assessments/${assessmentId}${query}`, { cookie: recruiterCookie });
  expect(response.status, query).toBe(200);
  return response.text();
}

/** The reasons of the decisions the page's list draws (not its hydration data), in its order. */
function reasonsIn(html: string): number[] {
  return [...html.matchAll(/Reason number (\d+)\.<\/li>/g)].map((m) => Number(m[1]));
}

/** The short ids of the report links the page lists, in its order. */
function linksIn(html: string): string[] {
  return [...html.matchAll(/data-short-id="([^"]+)"/g)].map((m) => m[1] ?? "");
}

describe("the decisions on the assessment page", () => {
  it("are read a page at a time, newest first, with their count from a count", async () => {
    const counting = countingRows();
    const first = await listDecisions(counting.db, assessmentId, 1);
    expect(first.rows.map((d) => d.reason)).toEqual([12, 11, 10, 9, 8].map((n) => `Reason number ${n}.`));
    expect(first).toMatchObject({ total: DECISIONS, pageSize: DECISIONS_PAGE_SIZE, pageCount: 3 });
    expect(counting.largest()).toBe(DECISIONS_PAGE_SIZE);
    const last = await listDecisions(server.db, assessmentId, 3);
    expect(last.rows.map((d) => d.reason)).toEqual(["Reason number 2.", "Reason number 1."]);
    expect((await listDecisions(server.db, assessmentId, 4)).rows).toEqual([]);
  });

  it("show the newest five, the count, and a plain link to the older ones", async () => {
    const html = await page("");
    expect(reasonsIn(html)).toEqual([12, 11, 10, 9, 8]);
    expect(html).toContain("12 decisions; showing 1–5, newest first");
    expect(html).toContain(`href="/assessments/${assessmentId}?decisionsPage=2#decision"`);
    expect(html).toContain("Page 1 of 3");
  });

  it("show an older page, keeping the links' page, with links both ways", async () => {
    const html = await page("?decisionsPage=3&linksPage=2");
    expect(reasonsIn(html)).toEqual([2, 1]);
    expect(html).toContain("12 decisions; showing 11–12, newest first");
    expect(html).toContain(`href="/assessments/${assessmentId}?decisionsPage=2&amp;linksPage=2#decision"`);
    expect(linksIn(html)).toHaveLength(LINKS - REPORT_LINKS_PAGE_SIZE);
  });

  it("read an odd page number as the first page, and say a page past the end is empty, never a 500", async () => {
    const first = reasonsIn(await page(""));
    for (const odd of ["0", "-1", "2.5", "x", "", "%00", "1%20or%201=1", "9".repeat(400)]) {
      expect(reasonsIn(await page(`?decisionsPage=${odd}`)), odd).toEqual(first);
    }
    const past = await page("?decisionsPage=99");
    expect(reasonsIn(past)).toEqual([]);
    expect(past).toContain("There is no decision on this page.");
    expect(past).toContain(`href="/assessments/${assessmentId}#decision"`);
  });
});

describe("the report links on the assessment page", () => {
  it("are read a page at a time, newest first, with their count and the live ones counted over every page", async () => {
    const counting = countingRows();
    const first = await listReportLinks(counting.db, assessmentId, at(LINKS + 2), 1);
    expect(first.rows).toHaveLength(REPORT_LINKS_PAGE_SIZE);
    expect(first.rows.map((l) => l.createdAt)).toEqual([7, 6, 5, 4, 3].map((n) => at(n).toISOString()));
    expect(first.count).toEqual({ total: LINKS, live: LINKS - 1, pageSize: REPORT_LINKS_PAGE_SIZE, pageCount: 2 });
    expect(counting.largest()).toBe(REPORT_LINKS_PAGE_SIZE);
    const second = await listReportLinks(server.db, assessmentId, at(LINKS + 2), 2);
    expect(second.rows.map((l) => l.status)).toEqual(["live", "revoked"]);
  });

  it("show the newest five, the count, the live links of every page in the publish form, and a link to the older ones", async () => {
    const html = await page("");
    expect(linksIn(html)).toHaveLength(REPORT_LINKS_PAGE_SIZE);
    expect(html).toContain("7 links; showing 1–5, newest first");
    expect(html).toContain("The 6 live links published earlier");
    expect(html).toContain(`href="/assessments/${assessmentId}?linksPage=2#published-links"`);
    const older = await page("?linksPage=2");
    expect(linksIn(older)).toHaveLength(LINKS - REPORT_LINKS_PAGE_SIZE);
    expect(older).toContain("7 links; showing 6–7, newest first");
    expect(older).toContain(`href="/assessments/${assessmentId}#published-links"`);
  });

  it("read an odd page number as the first page, and say a page past the end is empty", async () => {
    const first = linksIn(await page(""));
    for (const odd of ["0", "x", "-3", "1.5"]) expect(linksIn(await page(`?linksPage=${odd}`)), odd).toEqual(first);
    const past = await page("?linksPage=3");
    expect(linksIn(past)).toEqual([]);
    expect(past).toContain("There is no link on this page.");
  });

  it("are not shown to an interviewer, nor the decisions, whatever the page asked", async () => {
    const cookie = await signIn(server.baseURL, DEMO.interviewer1);
    const response = await request(server.baseURL, `/assessments/${assessmentId}?decisionsPage=2&linksPage=2`, { cookie });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).not.toContain("Reason number");
    expect(linksIn(html)).toEqual([]);
  });
});
