import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedLarge } from "../../seeds/large";
import { ASSESSMENT_PAGE_SIZE, DUE_LIST_SIZE, listAssessmentsFor } from "../../app/models/assessments.server";
import type { SessionUser } from "../../app/models/sessions.server";
import { assessmentStatus, type AssessmentStatus } from "../../app/domain/assessment-status";
import { dueState } from "../../app/domain/scorecard-due";
import { formatInstantInZone } from "../../app/utils/dates";
import type { TraitkitDb } from "~db/connection";
import { DEMO, request, signIn, startTestServer, type TestServer } from "./support/test-server";

/*
 * The assessment list pages through ids first and fills in the page's rows
 * after: every page must still be the next slice of the whole list, newest
 * first, with only what the reader may see. Over HTTP (the production build):
 * an interviewer's page leads with what they owe, and the recruiter's filters
 * give exactly the assessments they name, page after page.
 */

let dir: string;
let server: TestServer;
let db: TraitkitDb;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-assessment-list-"));
  const database = path.join(dir, "list.sqlite");
  await seedLarge({ candidates: 900, database, seed: 3 }, () => {});
  server = await startTestServer({ database });
  db = server.db;
}, 60_000);

afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function userByEmail(email: string): Promise<SessionUser> {
  return db.selectFrom("users").select(["id", "email", "name", "role"]).where("email", "=", email).executeTakeFirstOrThrow();
}

/** The whole list, newest first, as the database has it. */
async function expectedIds(user: SessionUser): Promise<number[]> {
  let query = db.selectFrom("assessments").select("assessments.id");
  if (user.role !== "recruiter")
    query = query.innerJoin("assessment_interviewers as ai", "ai.assessment_id", "assessments.id").where("ai.user_id", "=", user.id);
  const rows = await query.orderBy("assessments.created_at", "desc").orderBy("assessments.id", "desc").execute();
  return rows.map((row) => row.id);
}

async function allPages(
  user: SessionUser,
): Promise<{ ids: number[]; pages: number; lastHasMore: boolean; items: Awaited<ReturnType<typeof listAssessmentsFor>>["rows"] }> {
  const ids: number[] = [];
  const items: Awaited<ReturnType<typeof listAssessmentsFor>>["rows"] = [];
  let page = 1;
  for (;;) {
    const { rows, hasMore } = await listAssessmentsFor(db, user, page);
    expect(rows.length).toBeLessThanOrEqual(ASSESSMENT_PAGE_SIZE);
    ids.push(...rows.map((row) => row.id));
    items.push(...rows);
    if (!hasMore) return { ids, pages: page, lastHasMore: hasMore, items };
    expect(rows.length, `page ${page} is full when another follows`).toBe(ASSESSMENT_PAGE_SIZE);
    page += 1;
  }
}

describe("the assessment list", () => {
  it("gives a recruiter every assessment, newest first, page after page without gaps or repeats", async () => {
    const recruiter = await userByEmail("recruiter@demo.traitkit.test");
    const expected = await expectedIds(recruiter);
    expect(expected.length).toBeGreaterThan(2 * ASSESSMENT_PAGE_SIZE);
    const { ids, pages } = await allPages(recruiter);
    expect(ids).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / ASSESSMENT_PAGE_SIZE));
  });

  it("gives an interviewer only their own assessments, in the same order, with their scorecard's state", async () => {
    const interviewer = await userByEmail("interviewer1@demo.traitkit.test");
    const expected = await expectedIds(interviewer);
    expect(expected.length).toBeGreaterThan(ASSESSMENT_PAGE_SIZE);
    const { ids, items } = await allPages(interviewer);
    expect(ids).toEqual(expected);
    const own = await db
      .selectFrom("scorecards")
      .select(["assessment_id", "status"])
      .where("interviewer_id", "=", interviewer.id)
      .execute();
    const statusOf = new Map(own.map((row) => [row.assessment_id, row.status]));
    for (const item of items) expect(item.myStatus, `assessment ${item.id}`).toBe(statusOf.get(item.id) ?? "not_started");
  });

  it("answers a page past the end with no rows", async () => {
    const interviewer = await userByEmail("interviewer1@demo.traitkit.test");
    const { rows, hasMore } = await listAssessmentsFor(db, interviewer, 1000);
    expect(rows).toEqual([]);
    expect(hasMore).toBe(false);
  });
});

// ---------- Over HTTP: the due section, the filters, who a panel waits for ----------

const HOUR = 3_600_000;
const ZONES = ["Europe/Madrid", "America/New_York", "Asia/Tokyo"];
/** Due times far enough from a minute boundary that the seconds between setting them and reading the page change no word. */
const DUE_OFFSETS = [-3 * 24 * HOUR, 5.5 * HOUR, -2.5 * HOUR, null, null] as const;

type Assignment = { userId: number; dueAt: string | null; submitted: boolean };
type Known = { id: number; createdAt: string; roleSlug: string; panel: Assignment[]; decided: boolean };

function decode(html: string): string {
  return html
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Each table row with a data-testid, as its id and its markup. */
function rowsOf(html: string, testId: string): { id: number; html: string }[] {
  const rows: { id: number; html: string }[] = [];
  for (const match of html.matchAll(/<tr\b([^>]*)>([\s\S]*?)<\/tr>/g)) {
    const attributes = match[1] ?? "";
    if (!attributes.includes(`data-testid="${testId}"`)) continue;
    const id = /data-assessment-id="(\d+)"/.exec(attributes)?.[1];
    if (id === undefined) throw new Error(`A ${testId} row without an id: ${attributes}`);
    rows.push({ id: Number(id), html: match[2] ?? "" });
  }
  return rows;
}

function nextHref(html: string): string | null {
  const href = /<a[^>]*href="([^"]*)"[^>]*>Next page<\/a>/.exec(html)?.[1];
  return href === undefined ? null : decode(href);
}

let now: Date;
let recruiter: string;
let interviewer1: string;
let interviewer1Id: number;
let interviewer2Id: number;
let otherRoleSlug: string;

async function html(pathname: string, cookie: string): Promise<string> {
  const response = await request(server.baseURL, pathname, { cookie });
  expect(response.status, pathname).toBe(200);
  return response.text();
}

/** Every assessment with its panel, as the tables have it, to judge the pages by. */
async function known(): Promise<Known[]> {
  const assessments = await db
    .selectFrom("assessments as a")
    .innerJoin("kit_versions as kv", "kv.id", "a.kit_version_id")
    .select(["a.id", "a.created_at", "kv.role_slug"])
    .orderBy("a.created_at", "desc")
    .orderBy("a.id", "desc")
    .execute();
  const panels = await db.selectFrom("assessment_interviewers").select(["assessment_id", "user_id", "scorecard_due_at"]).execute();
  const submitted = new Set(
    (await db.selectFrom("scorecards").select(["assessment_id", "interviewer_id"]).where("status", "=", "submitted").execute()).map(
      (s) => `${s.assessment_id}:${s.interviewer_id}`,
    ),
  );
  const decided = new Set((await db.selectFrom("decisions").select("assessment_id").execute()).map((d) => d.assessment_id));
  const byAssessment = new Map<number, Assignment[]>();
  for (const p of panels) {
    const list = byAssessment.get(p.assessment_id) ?? [];
    list.push({ userId: p.user_id, dueAt: p.scorecard_due_at, submitted: submitted.has(`${p.assessment_id}:${p.user_id}`) });
    byAssessment.set(p.assessment_id, list);
  }
  return assessments.map((a) => ({
    id: a.id,
    createdAt: a.created_at,
    roleSlug: a.role_slug,
    panel: byAssessment.get(a.id) ?? [],
    decided: decided.has(a.id),
  }));
}

function statusOf(a: Known): AssessmentStatus {
  return assessmentStatus({ submitted: a.panel.filter((p) => p.submitted).length, assigned: a.panel.length, decided: a.decided });
}

function overdue(p: Assignment, at: Date): boolean {
  return !p.submitted && p.dueAt !== null && p.dueAt < at.toISOString();
}

/** Every page of the list at `start`, following its Next links; each link must keep the filters. */
async function walk(start: string, cookie: string): Promise<{ ids: number[]; pages: string[] }> {
  const ids: number[] = [];
  const pages: string[] = [];
  const filters = new URL(start, server.baseURL).searchParams;
  filters.delete("page");
  let at: string | null = start;
  while (at !== null) {
    const page = await html(at, cookie);
    pages.push(page);
    ids.push(...rowsOf(page, "assessment-row").map((r) => r.id));
    at = nextHref(page);
    if (at !== null) {
      const next = new URL(at, server.baseURL).searchParams;
      for (const [name, value] of filters) if (value !== "" && value !== "all") expect(next.get(name), `${at} keeps ${name}`).toBe(value);
    }
    expect(pages.length).toBeLessThan(100);
  }
  return { ids, pages };
}

describe("the assessment list over HTTP", () => {
  beforeAll(async () => {
    now = new Date();
    interviewer1Id = (await db.selectFrom("users").select("id").where("email", "=", DEMO.interviewer1).executeTakeFirstOrThrow()).id;
    interviewer2Id = (await db.selectFrom("users").select("id").where("email", "=", DEMO.interviewer2).executeTakeFirstOrThrow()).id;

    // A second role's kit, used by every fourth assessment, so the role filter has something to tell apart.
    const source = await db.selectFrom("kit_versions").selectAll().orderBy("id").executeTakeFirstOrThrow();
    otherRoleSlug = source.role_slug === "ml-engineer" ? "ai-researcher" : "ml-engineer";
    const kit = await db
      .insertInto("kits")
      .values({ role_id: null, created_by: source.created_by, created_at: source.created_at })
      .returning("id")
      .executeTakeFirstOrThrow();
    const version = await db
      .insertInto("kit_versions")
      .values({ ...source, id: undefined, kit_id: kit.id, name: "Other role panel", role_slug: otherRoleSlug, role_name: "Other Role" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .updateTable("assessments")
      .set({ kit_version_id: version.id })
      .where(sql<boolean>`id % 4 = 0`)
      .execute();

    // interviewer1 joins 60 more panels, so what they owe is more than the due section shows.
    const joined = await db
      .selectFrom("assessments as a")
      .select(["a.id", "a.created_at"])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("assessment_interviewers as ai")
              .select("ai.user_id")
              .whereRef("ai.assessment_id", "=", "a.id")
              .where("ai.user_id", "=", interviewer1Id),
          ),
        ),
      )
      .orderBy("a.id")
      .limit(60)
      .execute();
    await db
      .insertInto("assessment_interviewers")
      .values(
        joined.map((a) => ({ assessment_id: a.id, user_id: interviewer1Id, added_at: a.created_at, assessment_created_at: a.created_at })),
      )
      .execute();

    // Interview and due times on most panels, submitted or not: a submitted scorecard is never overdue.
    const places = await db.selectFrom("assessment_interviewers").select(["assessment_id", "user_id"]).execute();
    for (const place of places) {
      const offset = DUE_OFFSETS[(place.assessment_id + place.user_id) % DUE_OFFSETS.length] ?? null;
      if (offset === null) continue;
      const due = new Date(now.getTime() + offset);
      await db
        .updateTable("assessment_interviewers")
        .set({
          scorecard_due_at: due.toISOString(),
          interview_at: new Date(due.getTime() - 24 * HOUR).toISOString(),
          interview_time_zone: ZONES[place.assessment_id % ZONES.length] ?? "UTC",
        })
        .where("assessment_id", "=", place.assessment_id)
        .where("user_id", "=", place.user_id)
        .execute();
    }
    recruiter = await signIn(server.baseURL, DEMO.recruiter);
    interviewer1 = await signIn(server.baseURL, DEMO.interviewer1);
  }, 60_000);

  it("leads an interviewer's page with the scorecards they owe, most overdue first, at most 50, then says how many more", async () => {
    const mine = await db
      .selectFrom("assessment_interviewers as ai")
      .innerJoin("assessments as a", "a.id", "ai.assessment_id")
      .innerJoin("candidates as c", "c.id", "a.candidate_id")
      .leftJoin("scorecards as s", (join) =>
        join.onRef("s.assessment_id", "=", "ai.assessment_id").onRef("s.interviewer_id", "=", "ai.user_id"),
      )
      .select([
        "ai.assessment_id",
        "ai.scorecard_due_at",
        "ai.interview_at",
        "ai.interview_time_zone",
        "ai.assessment_created_at",
        "c.name",
        "s.status",
      ])
      .where("ai.user_id", "=", interviewer1Id)
      .execute();
    const owed = mine
      .filter((m) => m.status !== "submitted")
      .sort((x, y) => {
        if ((x.scorecard_due_at === null) !== (y.scorecard_due_at === null)) return x.scorecard_due_at === null ? 1 : -1;
        if (x.scorecard_due_at !== y.scorecard_due_at) return (x.scorecard_due_at ?? "") < (y.scorecard_due_at ?? "") ? -1 : 1;
        if (x.assessment_created_at !== y.assessment_created_at) return x.assessment_created_at > y.assessment_created_at ? -1 : 1;
        return y.assessment_id - x.assessment_id;
      });
    expect(owed.length).toBeGreaterThan(DUE_LIST_SIZE);
    expect(owed.some((o) => o.scorecard_due_at === null)).toBe(true);

    const page = await html("/assessments", interviewer1);
    const due = rowsOf(page, "due-row");
    expect(due.map((r) => r.id)).toEqual(owed.slice(0, DUE_LIST_SIZE).map((o) => o.assessment_id));
    const shown = new Date();
    for (const [i, row] of due.entries()) {
      const expected = owed[i];
      if (!expected) throw new Error("More due rows than owed");
      const text = decode(row.html);
      expect(text, `row ${row.id}`).toContain(expected.name);
      if (expected.interview_at && expected.interview_time_zone) {
        expect(text).toContain(formatInstantInZone("en", expected.interview_at, expected.interview_time_zone));
      } else {
        expect(text).toMatch(/<td>—<\/td>/);
      }
      const state = dueState(expected.scorecard_due_at === null ? null : new Date(expected.scorecard_due_at), false, shown);
      if (state.state === "none") {
        expect(text).not.toContain('data-testid="due-state"');
      } else {
        const distance = new Intl.NumberFormat("en", { style: "unit", unit: state.unit, unitDisplay: "short" }).format(state.amount);
        expect(text).toContain(state.state === "overdue" ? `overdue ${distance}` : `due in ${distance}`);
      }
    }
    expect(decode(page)).toContain(`And ${owed.length - DUE_LIST_SIZE} more in the list below.`);
    // The paged list below is unchanged: the newest of their assessments first.
    const listed = rowsOf(page, "assessment-row").map((r) => r.id);
    expect(listed).toEqual((await expectedIds(await userByEmail(DEMO.interviewer1))).slice(0, ASSESSMENT_PAGE_SIZE));
    // The due section leads the first page only.
    expect(rowsOf(await html("/assessments?page=2", interviewer1), "due-row")).toEqual([]);
  });

  it("never shows an interviewer another's assessments, whatever filters the address names", async () => {
    const own = new Set(await expectedIds(await userByEmail(DEMO.interviewer1)));
    const plain = await html("/assessments", interviewer1);
    for (const path of [
      `/assessments?interviewer=${interviewer2Id}`,
      `/assessments?status=decided&role=${otherRoleSlug}&overdue=1`,
      `/assessments?interviewer=${interviewer2Id}&page=2`,
    ]) {
      const page = await html(path, interviewer1);
      expect(page).not.toContain('name="status"');
      for (const row of [...rowsOf(page, "assessment-row"), ...rowsOf(page, "due-row")])
        expect(own.has(row.id), `${path}: ${row.id}`).toBe(true);
      if (!path.includes("page=2")) expect(rowsOf(page, "assessment-row")).toEqual(rowsOf(plain, "assessment-row"));
    }
    const { ids } = await walk("/assessments", interviewer1);
    expect(ids).toEqual([...own]);
  });

  it("leads a recruiter's page with the scorecards they owe only when they sit on a panel themselves", async () => {
    expect(await html("/assessments", recruiter)).not.toContain('data-testid="due-section"');
    const recruiterId = (await userByEmail(DEMO.recruiter)).id;
    const target = await db.selectFrom("assessments").select(["id", "created_at"]).orderBy("id", "desc").executeTakeFirstOrThrow();
    const now = Date.now();
    await db
      .insertInto("assessment_interviewers")
      .values({
        assessment_id: target.id,
        user_id: recruiterId,
        added_at: target.created_at,
        assessment_created_at: target.created_at,
        interview_at: new Date(now - 26 * HOUR).toISOString(),
        interview_time_zone: "UTC",
        scorecard_due_at: new Date(now - 2 * HOUR - 60_000).toISOString(),
      })
      .execute();
    try {
      const page = await html("/assessments", recruiter);
      const due = rowsOf(page, "due-row");
      expect(due.map((r) => r.id)).toEqual([target.id]);
      expect(decode(due[0]?.html ?? "")).toContain("overdue 2 hr");
      expect(decode(page)).toMatch(/<h2[^>]*>Waiting for your scorecard<\/h2>[\s\S]*<h2>Every assessment<\/h2>[\s\S]*name="status"/);
      // The recruiter's list below keeps its filters and every assessment.
      expect(rowsOf(page, "assessment-row").length).toBe(ASSESSMENT_PAGE_SIZE);
    } finally {
      await db.deleteFrom("assessment_interviewers").where("assessment_id", "=", target.id).where("user_id", "=", recruiterId).execute();
    }
  });

  const filterCases: [string, (a: Known, at: Date) => boolean][] = [
    ["status=waiting", (a) => statusOf(a) === "waiting"],
    ["status=ready", (a) => statusOf(a) === "ready"],
    ["status=decided", (a) => statusOf(a) === "decided"],
    ["role=OTHER", (a) => a.roleSlug === otherRoleSlug],
    ["interviewer=I2", (a) => a.panel.some((p) => p.userId === interviewer2Id)],
    ["overdue=1", (a, at) => a.panel.some((p) => overdue(p, at))],
    [
      "status=waiting&overdue=1&role=OTHER",
      (a, at) => statusOf(a) === "waiting" && a.roleSlug === otherRoleSlug && a.panel.some((p) => overdue(p, at)),
    ],
    ["status=ready&interviewer=I2", (a) => statusOf(a) === "ready" && a.panel.some((p) => p.userId === interviewer2Id)],
    [
      "status=decided&role=OTHER&interviewer=I2",
      (a) => statusOf(a) === "decided" && a.roleSlug === otherRoleSlug && a.panel.some((p) => p.userId === interviewer2Id),
    ],
    ["interviewer=I2&overdue=1", (a, at) => a.panel.some((p) => p.userId === interviewer2Id) && a.panel.some((p) => overdue(p, at))],
  ];

  for (const [filters, keep] of filterCases) {
    it(`gives the recruiter exactly the assessments of ${filters}, newest first, on every page`, async () => {
      const query = filters.replace("OTHER", otherRoleSlug).replace("I2", String(interviewer2Id));
      const all = await known();
      const expected = all.filter((a) => keep(a, new Date())).map((a) => a.id);
      expect(expected.length, "the data has some").toBeGreaterThan(0);
      const { ids, pages } = await walk(`/assessments?${query}`, recruiter);
      expect(ids).toEqual(expected);
      // The form shows the filters in force.
      const first = pages[0] ?? "";
      for (const [name, value] of new URLSearchParams(query)) {
        if (name === "overdue") expect(first).toMatch(/<input[^>]*name="overdue"[^>]*checked/);
        else expect(first).toMatch(new RegExp(`<option[^>]*value="${value}"[^>]*selected`));
      }
    });
  }

  it("shows each row's status and names only the interviewers who have not submitted, marking the overdue ones", async () => {
    const all = new Map((await known()).map((a) => [a.id, a]));
    const names = new Map((await db.selectFrom("users").select(["id", "name"]).execute()).map((u) => [u.id, u.name]));
    const at = new Date();
    let overdueSeen = 0;
    for (const path of ["/assessments", "/assessments?status=waiting", "/assessments?overdue=1&page=2"]) {
      const page = await html(path, recruiter);
      const rows = rowsOf(page, "assessment-row");
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const a = all.get(row.id);
        if (!a) throw new Error(`Unknown assessment ${row.id}`);
        const status = statusOf(a);
        expect(page).toMatch(new RegExp(`data-assessment-id="${row.id}" data-status="${status}"`));
        const waiting = [...row.html.matchAll(/<li data-testid="waiting-for" data-user-id="(\d+)">([\s\S]*?)<\/li>/g)].map((m) => ({
          userId: Number(m[1]),
          text: decode(m[2] ?? ""),
        }));
        const unsubmitted = a.panel.filter((p) => !p.submitted);
        expect(waiting.map((w) => w.userId).sort(), `assessment ${row.id}`).toEqual(unsubmitted.map((p) => p.userId).sort());
        for (const w of waiting) {
          const place = unsubmitted.find((p) => p.userId === w.userId);
          expect(w.text).toContain(names.get(w.userId) ?? "?");
          const late = place !== undefined && overdue(place, at);
          expect(w.text.includes("overdue "), `assessment ${row.id}, user ${w.userId}`).toBe(late);
          expect(w.text).not.toContain("due in");
          if (late) overdueSeen += 1;
        }
      }
    }
    expect(overdueSeen).toBeGreaterThan(0);
  });

  it("answers odd filter values with the default list, never an error", async () => {
    const plain = rowsOf(await html("/assessments", recruiter), "assessment-row").map((r) => r.id);
    for (const query of [
      "status=bogus",
      "status=",
      "role=..%2Fetc",
      "role=no-such-role",
      "role=" + "x".repeat(500),
      "interviewer=abc",
      "interviewer=-3",
      "interviewer=99999999",
      "interviewer=1e400",
      "overdue=yes",
      "page=-1",
      "page=abc",
      "status=%00&role=%20",
      "status[]=ready&interviewer[]=1",
    ]) {
      const page = await html(`/assessments?${query}`, recruiter);
      expect(
        rowsOf(page, "assessment-row").map((r) => r.id),
        query,
      ).toEqual(plain);
    }
  });
});
