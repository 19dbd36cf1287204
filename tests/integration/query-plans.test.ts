import { DEMO, request, signIn, startTestServer, type TestServer } from "./support/test-server";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CompiledQuery } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedLarge } from "../../seeds/large";
import { publishReport } from "../../app/models/report.server";
import { claimNextMessage, forgetOldSentMessages } from "../../app/models/outbox.server";
import { queueDueReminders } from "../../app/models/reminders.server";
import { calibrationPage, teamReliability } from "../../app/models/calibration.server";
import { defaultCalibrationPeriod, periodInstants } from "../../app/domain/calibration";

/*
 * Issue 8.4: the main pages stay fast as the data grows. Each page runs the
 * same number of queries on a small and on a larger database (no query per
 * row), and no query reads a growing table from end to end without an index.
 */

const SLUG = "mlops-engineer";
const SMALL = 60;
const LARGE = 600;
// 27: the assessment page reads the team's scorecard due time and the debrief (issue 19).
// 31 (2026-12-04, issue 20): the assessment page reads the self-report questionnaire, and once there is one,
// its live link and its answers, and whether a submitted self-report may go into the candidate's report:
// four queries a page whatever the number of candidates.
// 32 (2026-12-05, issue 22): the menu counts the change-proposal news of a signed-in member, one statement.
// 34 (2026-12-05, issue 23): the kit an assessment uses brings its skill expectations, and the panel reads
// the submitted scorecards' marks on them: two statements a page whatever the number of candidates.
const MAX_QUERIES_PER_PAGE = 34;

/** Tables whose size grows with the number of candidates. */
const GROWING_TABLES = [
  "candidates",
  "assessments",
  "assessment_interviewers",
  "scorecards",
  "ratings",
  "scorecard_notes",
  "observed_strengths",
  "observed_red_flags",
  "decisions",
  "assessment_results",
  "scorecard_summaries",
  "report_links",
  "audit_log",
  "mail_outbox",
  "questionnaires",
  "questionnaire_links",
  "questionnaire_answers",
];

type Served = {
  server: TestServer;
  queries: { sql: string; parameters: readonly unknown[] }[];
  recruiter: string;
  interviewer: string;
  pages: Record<string, { path: string; cookie: "recruiter" | "interviewer" | "none" }>;
};

let dir: string;
const served: Record<"small" | "large", Served | undefined> = { small: undefined, large: undefined };

async function serve(candidates: number): Promise<Served> {
  const database = path.join(dir, `${candidates}.sqlite`);
  await seedLarge({ candidates, database, seed: 7 }, () => {});
  const queries: Served["queries"] = [];
  const server = await startTestServer({ database, onQuery: (sql, parameters) => queries.push({ sql, parameters }) });
  const { db } = server;
  const interviewerId = (await db.selectFrom("users").select("id").where("email", "=", DEMO.interviewer1).executeTakeFirstOrThrow()).id;
  const recruiterId = (await db.selectFrom("users").select("id").where("email", "=", DEMO.recruiter).executeTakeFirstOrThrow()).id;
  const assessed = await db
    .selectFrom("assessment_results as r")
    .innerJoin("assessments as a", "a.id", "r.assessment_id")
    .innerJoin("assessment_interviewers as ai", "ai.assessment_id", "a.id")
    .select(["a.id", "a.candidate_id"])
    .where("r.role_slug", "=", SLUG)
    .where("ai.user_id", "=", interviewerId)
    .orderBy("a.id")
    .limit(3)
    .execute();
  const first = assessed[0];
  if (!first) throw new Error("No assessed candidate in the seeded data");
  const report = await publishReport(db, { assessmentId: first.id, language: "en", expiresAt: null, actorId: recruiterId }, new Date());
  if (!report.ok) throw new Error("The assessed candidate has no submitted scorecard to publish");
  const { n } = await db
    .selectFrom("candidates")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const lastPage = Math.ceil(Number(n) / 50);
  return {
    server,
    queries,
    recruiter: await signIn(server.baseURL, DEMO.recruiter),
    interviewer: await signIn(server.baseURL, DEMO.interviewer1),
    pages: {
      "/roles": { path: "/roles", cookie: "recruiter" },
      "/roles/:slug": { path: `/roles/${SLUG}`, cookie: "recruiter" },
      "/candidates": { path: "/candidates", cookie: "recruiter" },
      "/candidates by name": { path: "/candidates?sort=name", cookie: "recruiter" },
      "/candidates last page": { path: `/candidates?page=${lastPage}`, cookie: "recruiter" },
      "/candidates/:id": { path: `/candidates/${first.candidate_id}`, cookie: "recruiter" },
      "/assessments": { path: "/assessments", cookie: "interviewer" },
      "/assessments (recruiter)": { path: "/assessments", cookie: "recruiter" },
      "/assessments (recruiter) filtered": { path: `/assessments?status=waiting&role=${SLUG}&overdue=1`, cookie: "recruiter" },
      "/assessments (recruiter) by interviewer": {
        path: `/assessments?status=ready&interviewer=${interviewerId}&overdue=1`,
        cookie: "recruiter",
      },
      "/assessments (recruiter) decided": { path: "/assessments?status=decided", cookie: "recruiter" },
      "/assessments/:id": { path: `/assessments/${first.id}`, cookie: "recruiter" },
      "/assessments/:id/scorecard": { path: `/assessments/${first.id}/scorecard`, cookie: "interviewer" },
      "/roles/:slug/candidates": { path: `/roles/${SLUG}/candidates`, cookie: "recruiter" },
      "/roles/:slug/candidates filtered": { path: `/roles/${SLUG}/candidates?decision=advance&minCoverage=50`, cookie: "recruiter" },
      "/roles/:slug/ranking.csv": { path: `/roles/${SLUG}/ranking.csv`, cookie: "recruiter" },
      "/roles/:slug/compare": { path: `/roles/${SLUG}/compare?c=${assessed.map((a) => a.candidate_id).join(",")}`, cookie: "recruiter" },
      "/r/:token": { path: `/r/${report.token}`, cookie: "none" },
    },
  };
}

function get(where: Served, name: string): Served["pages"][string] {
  const page = where.pages[name];
  if (!page) throw new Error(`No page ${name}`);
  return page;
}

/** The statements one request of the page runs, after a first request has warmed up sessions. */
async function queriesOf(where: Served, name: string): Promise<Served["queries"]> {
  const page = get(where, name);
  const cookie = page.cookie === "none" ? undefined : where[page.cookie];
  const response = await request(where.server.baseURL, page.path, { cookie });
  expect(response.status, `${name} answers`).toBe(200);
  await response.text();
  where.queries.length = 0;
  const again = await request(where.server.baseURL, page.path, { cookie });
  expect(again.status).toBe(200);
  await again.text();
  return [...where.queries];
}

async function planOf(where: Served, query: Served["queries"][number]): Promise<string[]> {
  const plan = await where.server.db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
  );
  return plan.rows.map((row) => row.detail);
}

type PlanRow = { id: number; parent: number; detail: string };

async function planTreeOf(where: Served, query: Served["queries"][number]): Promise<PlanRow[]> {
  const plan = await where.server.db.executeQuery<PlanRow>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
  return plan.rows;
}

/**
 * Sorts of what a scan of a growing table produced: the query reads every row
 * to find the first page. Sorting a page's own rows (fetched by id from a
 * paged subquery) is fine: they are bounded by the page size. So is sorting
 * what an index search found: that grows with one key's rows, not with the
 * table (the lists that grow with a user's own records walk an index, tested
 * below).
 */
function sortsOfScans(plan: PlanRow[]): string[] {
  return plan
    .filter((row) => /USE TEMP B-TREE FOR ORDER BY/.test(row.detail))
    .filter((sort) =>
      plan.some(
        (row) =>
          row.parent === sort.parent &&
          row.id !== sort.id &&
          fullScans([row.detail.replace(/ USING (COVERING )?INDEX .*$/, "")]).length > 0,
      ),
    )
    .map((sort) => sort.detail);
}

/** Plan lines that read a growing table whole: a SCAN with no index. */
function fullScans(lines: string[]): string[] {
  return lines.filter((line) => {
    const scanned = /^SCAN (\w+)(?: AS \w+)?$/.exec(line.trim());
    return scanned !== null && GROWING_TABLES.some((table) => line.includes(table) || scanned[1] === table);
  });
}

function servedAt(size: "small" | "large"): Served {
  const where = served[size];
  if (!where) throw new Error(`The ${size} server did not start`);
  return where;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-plans-"));
  served.small = await serve(SMALL);
  served.large = await serve(LARGE);
}, 120_000);

afterAll(async () => {
  await served.small?.server.close();
  await served.large?.server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("queries per page", () => {
  it("is the same on a small and a ten times larger database, and small", async () => {
    const small = servedAt("small");
    const large = servedAt("large");
    for (const name of Object.keys(small.pages)) {
      const fewer = await queriesOf(small, name);
      const more = await queriesOf(large, name);
      expect(more.length, `${name}: ${more.map((q) => q.sql).join("\n")}`).toBe(fewer.length);
      expect(more.length, name).toBeLessThanOrEqual(MAX_QUERIES_PER_PAGE);
    }
  });
});

describe("query plans", () => {
  it("no page reads a growing table whole without an index", async () => {
    const large = servedAt("large");
    for (const name of Object.keys(large.pages)) {
      for (const query of await queriesOf(large, name)) {
        if (!/^\s*select/i.test(query.sql)) continue;
        const lines = await planOf(large, query);
        expect(fullScans(lines), `${name}\n${query.sql}\n${lines.join("\n")}`).toEqual([]);
      }
    }
  });

  it("a paged list walks an index in its order instead of sorting the whole table", async () => {
    const large = servedAt("large");
    for (const name of Object.keys(large.pages)) {
      for (const query of await queriesOf(large, name)) {
        if (!/^\s*select/i.test(query.sql) || !/\blimit\b/i.test(query.sql)) continue;
        const plan = await planTreeOf(large, query);
        expect(sortsOfScans(plan), `${name}\n${query.sql}\n${plan.map((row) => row.detail).join("\n")}`).toEqual([]);
      }
    }
  });

  it("the ranking walks assessment_results_ranking_idx in rank order, without sorting, and counts on an index range", async () => {
    const large = servedAt("large");
    for (const name of ["/roles/:slug/candidates", "/roles/:slug/candidates filtered"]) {
      const queries = (await queriesOf(large, name)).filter((q) => q.sql.includes('from "assessment_results"'));
      expect(queries.length, name).toBe(2); // the count and the page
      for (const query of queries) {
        const lines = await planOf(large, query);
        const plan = `${name}\n${query.sql}\n${lines.join("\n")}`;
        // The decision filter reads the copy kept beside the result (migration 0011), not the decisions of each row.
        expect(
          lines.filter((d) => /decisions|CORRELATED/.test(d)),
          plan,
        ).toEqual([]);
        if (/count\(/i.test(query.sql)) {
          // Complete panels only (the default) is a range of assessment_results_count_idx, read alone.
          expect(
            lines.some((d) =>
              /SEARCH r USING COVERING INDEX assessment_results_count_idx \(role_slug=\? AND latest=\? AND <expr>=\?/.test(d),
            ),
            plan,
          ).toBe(true);
          continue;
        }
        expect(
          lines.some((d) => /SEARCH r USING (COVERING )?INDEX assessment_results_ranking_idx \(role_slug=\? AND latest=\?\)/.test(d)),
          plan,
        ).toBe(true);
        expect(
          lines.some((d) => /USE TEMP B-TREE FOR ORDER BY/.test(d)),
          plan,
        ).toBe(false);
      }
    }
  });

  it("the comparison reads the compared candidates' results, not the role's whole ranking", async () => {
    const large = servedAt("large");
    const queries = await queriesOf(large, "/roles/:slug/compare");
    const compared = queries.find((q) => q.sql.includes('cross join "assessment_results"'));
    if (!compared) throw new Error("The comparison ran no query of the results");
    const lines = await planOf(large, compared);
    expect(
      lines.some((d) => d.includes("INDEX assessments_candidate_idx")),
      lines.join("\n"),
    ).toBe(true);
    expect(
      lines.some((d) => d.includes("assessment_results_ranking_idx")),
      lines.join("\n"),
    ).toBe(false);
  });

  it("an interviewer's list walks assessment_interviewers_list_idx in list order, without sorting", async () => {
    const large = servedAt("large");
    const queries = await queriesOf(large, "/assessments");
    const page = queries.find((q) => q.sql.includes("limit"));
    if (!page) throw new Error("The interviewer's list ran no paged query");
    const plan = await planTreeOf(large, page);
    const shown = plan.map((row) => row.detail).join("\n");
    const walk = plan.find((row) =>
      /SEARCH assessment_interviewers USING COVERING INDEX assessment_interviewers_list_idx \(user_id=\?\)/.test(row.detail),
    );
    if (!walk) throw new Error(`The page's ids are not found by assessment_interviewers_list_idx\n${shown}`);
    // The page's own rows may be sorted once fetched; the search for them may not.
    expect(
      plan.filter((row) => row.parent === walk.parent && /USE TEMP B-TREE/.test(row.detail)),
      shown,
    ).toEqual([]);
  });

  it("the recruiter's filtered list walks the list's index in order, each filter an index lookup per assessment", async () => {
    const large = servedAt("large");
    for (const [name, index] of [
      ["/assessments (recruiter) filtered", "SCAN assessments USING COVERING INDEX assessments_created_idx"],
      ["/assessments (recruiter) decided", "SCAN assessments USING COVERING INDEX assessments_created_idx"],
      [
        "/assessments (recruiter) by interviewer",
        "SEARCH assessment_interviewers USING COVERING INDEX assessment_interviewers_list_idx (user_id=?)",
      ],
    ] as const) {
      const queries = await queriesOf(large, name);
      const page = queries.find((q) => q.sql.includes("limit"));
      if (!page) throw new Error(`${name} ran no paged query`);
      const plan = await planTreeOf(large, page);
      const shown = `${name}\n${plan.map((row) => row.detail).join("\n")}`;
      const walk = plan.find((row) => row.detail === index);
      if (!walk) throw new Error(`The page's ids are not found by walking ${index}\n${shown}`);
      expect(
        plan.filter((row) => row.parent === walk.parent && /USE TEMP B-TREE/.test(row.detail)),
        shown,
      ).toEqual([]);
      // Every filter reads one assessment's rows by key: no scan inside the walk.
      expect(
        plan.filter((row) => row.id !== walk.id && /^SCAN /.test(row.detail)),
        shown,
      ).toEqual([]);
    }
  });

  it("an interviewer's due section reads their own assignments by assessment_interviewers_list_idx", async () => {
    const large = servedAt("large");
    const all = await queriesOf(large, "/assessments");
    const rows = all.filter((q) => q.sql.includes("scorecard_due_at is null"));
    const count = all.find((q) => /count\(\*\)/.test(q.sql) && q.sql.includes('"assessment_interviewers" as "ai"'));
    expect(rows.length, "the due section reads its rows once").toBe(1);
    for (const query of [...rows, ...(count ? [count] : [])]) {
      const lines = await planOf(large, query);
      const shown = `${query.sql}\n${lines.join("\n")}`;
      expect(lines[0], shown).toMatch(/^SEARCH ai USING (COVERING )?INDEX assessment_interviewers_list_idx \(user_id=\?\)$/);
      expect(
        lines.filter((d) => /^SCAN /.test(d)),
        shown,
      ).toEqual([]);
    }
    expect(count, "the due section counts what the user owes").toBeDefined();
  });

  it("the mail worker's rounds (claim, reminders, forgetting sent messages) read no growing table whole", async () => {
    const large = servedAt("large");
    const now = new Date();
    large.queries.length = 0;
    await claimNextMessage(large.server.db, "query-plans", now, 60_000);
    await queueDueReminders(large.server.db, "http://traitkit.test", now);
    await forgetOldSentMessages(large.server.db, now);
    const statements = large.queries.filter((q) => /^\s*(select|update|delete|insert)/i.test(q.sql));
    expect(statements.some((q) => /^\s*delete from "mail_outbox"/i.test(q.sql))).toBe(true);
    for (const query of statements) {
      const lines = await planOf(large, query);
      expect(fullScans(lines), `${query.sql}\n${lines.join("\n")}`).toEqual([]);
    }
  });

  it("calibration reads the period's (and a role's) scorecard summaries by their indexes, never the ratings", async () => {
    const large = servedAt("large");
    const db = large.server.db;
    // seed:large submits through saveScorecard, so every submitted scorecard has its summary, nearly all in the default period.
    const count = async (table: "scorecard_summaries" | "scorecards") => {
      let query = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n"));
      if (table === "scorecards") query = query.where("status", "=", "submitted");
      return Number((await query.executeTakeFirstOrThrow()).n);
    };
    expect(await count("scorecard_summaries")).toBe(await count("scorecards"));
    const period = periodInstants(defaultCalibrationPeriod(new Date()));
    for (const [roleSlug, index] of [
      [null, /^SEARCH scorecard_summaries USING INDEX scorecard_summaries_period_idx \(submitted_at>\? AND submitted_at<\?\)$/],
      [
        SLUG,
        /^SEARCH scorecard_summaries USING INDEX scorecard_summaries_role_idx \(role_slug=\? AND submitted_at>\? AND submitted_at<\?\)$/,
      ],
    ] as const) {
      const scope = { ...period, roleSlug };
      large.queries.length = 0;
      const page = await calibrationPage(db, scope, null);
      expect(page.team.scorecards, "the large data's scorecards fall in the default period").toBeGreaterThan(LARGE);
      await calibrationPage(db, scope, page.rows[0]?.interviewerId ?? null);
      await teamReliability(db, ["openness", "emotional_stability"], scope);
      const statements = large.queries.filter((q) => /^\s*select/i.test(q.sql));
      const reads = statements.filter((q) => q.sql.includes('from "scorecard_summaries"'));
      // The interviewer's view of the same scope reads the figures kept since the recruiter's (nothing changed in between).
      expect(reads, `${roleSlug}: the page and the trait's line`).toHaveLength(2);
      for (const query of statements) {
        const lines = await planOf(large, query);
        const shown = `${roleSlug}\n${query.sql}\n${lines.join("\n")}`;
        expect(fullScans(lines), shown).toEqual([]);
        expect(query.sql, "the ratings are never read").not.toMatch(/"ratings"/);
        if (reads.includes(query))
          expect(
            lines.some((d) => index.test(d)),
            shown,
          ).toBe(true);
      }
    }
  });

  it("the candidate list pages through candidates_created_idx, or candidates_name_idx by name", async () => {
    const large = servedAt("large");
    for (const [name, index] of [
      ["/candidates", "candidates_created_idx"],
      ["/candidates last page", "candidates_created_idx"],
      ["/candidates by name", "candidates_name_idx"],
    ] as const) {
      const queries = await queriesOf(large, name);
      const page = queries.find((q) => q.sql.includes("limit"));
      if (!page) throw new Error(`${name} ran no paged query`);
      const lines = await planOf(large, page);
      expect(
        lines.some((d) => d.includes(`INDEX ${index}`)),
        `${name}\n${lines.join("\n")}`,
      ).toBe(true);
    }
  });
});
