import { parse } from "csv-parse/sync";
import { CompiledQuery } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRAIT_KEYS, type TraitKey } from "../../app/domain/traits";
import { computeFit } from "../../app/domain/fit";
import { selfReportFitScores, selfReportTraitScores } from "../../app/domain/self-report";
import { questionnaireForAssessment } from "../../app/models/questionnaires.server";
import { rankingBatchQuery, rankingPageQuery } from "../../app/models/ranking.server";
import { loadScoringKit } from "../../app/models/scorecards.server";
import { DEMO, request, setCookieValue, signIn, startTestServer, userId, type TestServer } from "./support/test-server";
import { postgresPlan } from "./support/database-reading";
import { onPostgres } from "./support/test-database";

/*
 * The ranking, its CSV and the comparison through the production build, checked
 * against the stored results (assessment_results) read directly.
 */

const SLUG = "mlops-engineer";
/** The columns other tools read, unchanged, then what a person reads (issue 16, 5a). */
const LEGACY_HEADER = ["candidate_id", "fit", "coverage", ...TRAIT_KEYS, "decision"];
const HEADER = [
  ...LEGACY_HEADER,
  "rank",
  "name",
  "email",
  "fit_percent",
  "coverage_percent",
  "scorecards_submitted",
  "scorecards_assigned",
  "recommend_strong_no",
  "recommend_no",
  "recommend_yes",
  "recommend_strong_yes",
  "calibrate_traits",
  "assessment_url",
  // The submitted self-report (issue 20), beside the ranking, which stays on the interview's fit.
  "self_fit",
  ...TRAIT_KEYS.map((trait) => `self_${trait}`),
];
const EXTRA = 300;

let server: TestServer;
let recruiterCookie: string;
let interviewerCookie: string;

type Stored = {
  assessmentId: number;
  candidateId: number;
  name: string;
  email: string | null;
  submitted: number;
  assigned: number;
  /** Every interviewer on the panel has submitted. */
  complete: boolean;
  fit: number | null;
  coverage: number;
  scores: Record<TraitKey, number | null>;
  decision: string | null;
};

/**
 * Every result of the role straight from the tables, with the latest decision and the
 * panel's size, in the expected rank order; complete panels only unless `all`.
 */
async function storedRanking(all = false): Promise<Stored[]> {
  const rows = await server.db
    .selectFrom("assessment_results")
    .innerJoin("assessments", "assessments.id", "assessment_results.assessment_id")
    .innerJoin("candidates", "candidates.id", "assessments.candidate_id")
    .selectAll("assessment_results")
    .select(["assessments.candidate_id", "candidates.name", "candidates.email"])
    .where("assessment_results.role_slug", "=", SLUG)
    .execute();
  const panels = await server.db.selectFrom("assessment_interviewers").select("assessment_id").execute();
  const cards = await server.db.selectFrom("scorecards").select("assessment_id").where("status", "=", "submitted").execute();
  const countOf = (list: { assessment_id: number }[], id: number) => list.filter((row) => row.assessment_id === id).length;
  const decisions = await server.db
    .selectFrom("decisions")
    .select(["assessment_id", "decision", "decided_at", "id"])
    .orderBy("decided_at")
    .orderBy("id")
    .execute();
  const latest = new Map<number, string>();
  for (const d of decisions) latest.set(d.assessment_id, d.decision);
  const stored = rows.map((r) => ({
    assessmentId: r.assessment_id,
    candidateId: r.candidate_id,
    name: r.name,
    email: r.email,
    // The extra results below have no panel: their stored count stands.
    submitted: countOf(panels, r.assessment_id) === 0 ? r.submitted_scorecards : countOf(cards, r.assessment_id),
    assigned: countOf(panels, r.assessment_id),
    complete: r.submitted_scorecards >= countOf(panels, r.assessment_id),
    fit: r.fit,
    coverage: r.coverage,
    scores: {
      openness: r.openness_score,
      conscientiousness: r.conscientiousness_score,
      extraversion: r.extraversion_score,
      agreeableness: r.agreeableness_score,
      emotional_stability: r.emotional_stability_score,
      relational_engagement: r.relational_engagement_score,
    },
    decision: latest.get(r.assessment_id) ?? null,
  }));
  stored.sort((a, b) => {
    if ((a.fit === null) !== (b.fit === null)) return a.fit === null ? 1 : -1;
    if (a.fit !== null && b.fit !== null && a.fit !== b.fit) return b.fit - a.fit;
    if (a.coverage !== b.coverage) return b.coverage - a.coverage;
    return a.assessmentId - b.assessmentId;
  });
  return all ? stored : stored.filter((s) => s.complete);
}

async function csv(query = ""): Promise<Record<string, string>[]> {
  const records: string[][] = parse(await (await get(`/roles/${SLUG}/ranking.csv${query}`)).text());
  return records.slice(1).map((row) => Object.fromEntries(HEADER.map((name, j) => [name, row[j] ?? ""])));
}

async function demoCandidateId(name: string): Promise<number> {
  return (await server.db.selectFrom("candidates").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
}

function get(pathname: string, cookie = recruiterCookie): Promise<Response> {
  return request(server.baseURL, pathname, { cookie });
}

/** Candidate ids of the ranking table's rows, in order. */
function rankedIds(page: string): number[] {
  const table = /<table data-testid="ranking-table">([\s\S]*?)<\/table>/.exec(page)?.[1] ?? "";
  return [...table.matchAll(/<tr data-candidate-id="(\d+)"/g)].map((m) => Number(m[1]));
}

beforeAll(async () => {
  server = await startTestServer();
  recruiterCookie = await signIn(server.baseURL, DEMO.recruiter);
  interviewerCookie = await signIn(server.baseURL, DEMO.interviewer1);
  // ~300 more results written directly: ties on fit, no fit, traits not assessed, decisions.
  const kitVersion = await server.db
    .selectFrom("kit_versions")
    .select("id")
    .where("role_slug", "=", SLUG)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const recruiterId = await userId(server.db, DEMO.recruiter);
  const at = new Date("2026-01-01T00:00:00Z").toISOString();
  await server.db.transaction().execute(async (trx) => {
    for (let i = 0; i < EXTRA; i++) {
      const candidate = await trx
        .insertInto("candidates")
        .values({
          name: `Ranked Load ${i}`,
          email: null,
          role_id: null,
          source: null,
          notes: null,
          created_by: recruiterId,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const assessment = await trx
        .insertInto("assessments")
        .values({ candidate_id: candidate.id, kit_version_id: kitVersion.id, created_by: recruiterId, created_at: at })
        .returning("id")
        .executeTakeFirstOrThrow();
      const fit = i % 17 === 0 ? null : (i * 37) % 99; // below the demo's 100; many ties on fit, some with no fit
      await trx
        .insertInto("assessment_results")
        .values({
          assessment_id: assessment.id,
          role_slug: SLUG,
          fit: fit === null ? null : fit + 0.125,
          coverage: fit === null ? 0 : ((i * 13) % 11) / 10,
          evidence: i % 9,
          submitted_scorecards: 1,
          computed_at: at,
          latest: 1, // the candidate's only assessment
          openness_score: i % 3 === 0 ? null : (i * 7) % 100,
          conscientiousness_score: (i * 11) % 100,
          extraversion_score: i % 5 === 0 ? null : 50,
          agreeableness_score: 61.5,
          emotional_stability_score: null,
          relational_engagement_score: (i * 3) % 100,
        })
        .execute();
      if (i % 4 === 0) {
        await trx
          .insertInto("decisions")
          .values({
            assessment_id: assessment.id,
            decision: i % 8 === 0 ? "advance" : "reject",
            reason: "load",
            decided_by: recruiterId,
            decided_at: at,
          })
          .execute();
      }
    }
  });
});

afterAll(async () => {
  await server?.close();
});

describe("the ranking CSV", () => {
  it("matches the stored results row by row, in rank order, and is audited", async () => {
    const response = await get(`/roles/${SLUG}/ranking.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${SLUG}-ranking.csv"`);
    const records: string[][] = parse(await response.text());
    const [header, ...rows] = records;
    expect(header).toEqual(HEADER);
    const stored = await storedRanking();
    expect(rows).toHaveLength(stored.length);
    // The demo's six complete panels (Barbara Demo-Liskov's waits for a scorecard).
    expect(rows.length).toBeGreaterThanOrEqual(EXTRA + 6);
    rows.forEach((row, i) => {
      const want = stored[i];
      if (!want) throw new Error(`No stored result for CSV row ${i}`);
      const cells = Object.fromEntries(HEADER.map((name, j) => [name, row[j]]));
      expect(Number(cells.candidate_id), `row ${i}`).toBe(want.candidateId);
      // Full precision: the number as stored, empty when there is no fit.
      expect(cells.fit, `row ${i} fit`).toBe(want.fit === null ? "" : String(want.fit));
      expect(Number(cells.coverage), `row ${i} coverage`).toBe(want.coverage);
      for (const trait of TRAIT_KEYS) {
        const score = want.scores[trait];
        expect(cells[trait], `row ${i} ${trait}`).toBe(score === null ? "" : String(score));
      }
      expect(cells.decision, `row ${i} decision`).toBe(want.decision ?? "");
      // What a person reads: as the page shows it.
      expect(cells.rank, `row ${i} rank`).toBe(String(i + 1));
      expect(cells.name).toBe(want.name);
      expect(cells.email).toBe(want.email ?? "");
      expect(cells.fit_percent, `row ${i} fit_percent`).toBe(want.fit === null ? "" : String(Math.round(want.fit)));
      expect(cells.coverage_percent, `row ${i} coverage_percent`).toBe(String(Math.round(want.coverage * 100)));
      expect([cells.scorecards_submitted, cells.scorecards_assigned], `row ${i} scorecards`).toEqual([
        String(want.submitted),
        String(want.assigned),
      ]);
      expect(cells.assessment_url).toBe(`${server.baseURL}/assessments/${want.assessmentId}`);
    });
    const audit = await server.db
      .selectFrom("audit_log")
      .select(["entity_type", "details"])
      .where("action", "=", "ranking.export")
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
    expect(audit[0]?.entity_type).toBe("role");
  });

  it("lists complete panels only unless complete=0, and says how many scorecards are in", async () => {
    const barbara = await demoCandidateId("Barbara Demo-Liskov");
    expect((await csv()).map((row) => Number(row.candidate_id))).not.toContain(barbara);
    const all = await csv("?complete=0");
    expect(all.map((row) => Number(row.candidate_id))).toEqual((await storedRanking(true)).map((s) => s.candidateId));
    const row = all.find((r) => Number(r.candidate_id) === barbara);
    expect([row?.scorecards_submitted, row?.scorecards_assigned]).toEqual(["1", "2"]);
    // Ranks are the CSV's own order, as on the page with the same filters.
    expect(all.map((r) => r.rank)).toEqual(all.map((_, i) => String(i + 1)));
  });

  it("counts the submitted recommendations and names the traits flagged to calibrate", async () => {
    const rows = await csv();
    const byName = (name: string) => rows.find((row) => row.name === name);
    const ada = byName("Ada Demo-Lovelace");
    expect([ada?.recommend_strong_no, ada?.recommend_no, ada?.recommend_yes, ada?.recommend_strong_yes]).toEqual(["0", "0", "1", "1"]);
    expect(ada?.calibrate_traits).toBe("");
    // The demo's disagreement: Emotional Stability rated 5 against 2.
    const edsger = byName("Edsger Demo-Dijkstra");
    expect(edsger?.calibrate_traits).toBe("emotional_stability");
    expect([edsger?.recommend_no, edsger?.recommend_yes]).toEqual(["1", "1"]);
    // The extra results have no scorecard: zero of each, nothing to calibrate.
    const extra = rows.find((row) => row.name?.startsWith("Ranked Load"));
    expect([
      extra?.recommend_strong_no,
      extra?.recommend_no,
      extra?.recommend_yes,
      extra?.recommend_strong_yes,
      extra?.calibrate_traits,
    ]).toEqual(["0", "0", "0", "0", ""]);
  });

  it("carries the submitted self-report's fit and trait scores at full precision, empty cells without one", async () => {
    const rows = await csv("?complete=0");
    const withSelfReport = rows.filter((row) => row.self_fit !== "");
    // The demo's two submitted self-reports (Margaret Demo-Hamilton's is half done and she has no result to rank).
    expect(withSelfReport.map((row) => row.name).sort()).toEqual(["Ada Demo-Lovelace", "Grace Demo-Hopper"]);
    for (const row of withSelfReport) {
      const assessmentId = Number(/\/assessments\/(\d+)$/.exec(row.assessment_url ?? "")?.[1]);
      // The assessment page's figures: the questionnaire's scores, and fit on the kit version's frozen profile.
      const questionnaire = await questionnaireForAssessment(server.db, assessmentId, new Date());
      if (!questionnaire.scores) throw new Error(`${row.name} has no scored self-report`);
      const { kit_version_id } = await server.db
        .selectFrom("assessments")
        .select("kit_version_id")
        .where("id", "=", assessmentId)
        .executeTakeFirstOrThrow();
      const profile = (await loadScoringKit(server.db, kit_version_id))?.idealProfile;
      if (!profile) throw new Error("The demo kit froze no ideal profile");
      const fit = computeFit(selfReportFitScores(questionnaire.scores), profile).fit;
      expect(row.self_fit, `${row.name} self_fit`).toBe(String(fit));
      const scores = selfReportTraitScores(questionnaire.scores);
      for (const trait of TRAIT_KEYS) {
        const score = scores[trait]?.score ?? null;
        expect(row[`self_${trait}`], `${row.name} self_${trait}`).toBe(score === null ? "" : String(score));
      }
    }
    // Relational Engagement is not measured by the questionnaire: always empty, never 0.
    expect(rows.every((row) => row.self_relational_engagement === "")).toBe(true);
    // Without a submitted self-report every self-report cell is empty.
    const alan = rows.find((row) => row.name === "Alan Demo-Turing");
    expect(TRAIT_KEYS.map((trait) => alan?.[`self_${trait}`])).toEqual(TRAIT_KEYS.map(() => ""));
    expect(alan?.self_fit).toBe("");
    // The demo's disagreement: Grace sees her Conscientiousness 25 points or more above the interview's.
    const grace = rows.find((row) => row.name === "Grace Demo-Hopper");
    expect(Number(grace?.self_conscientiousness) - Number(grace?.conscientiousness)).toBeGreaterThanOrEqual(25);
    // The ranking stays on the interview's fit: the order is the stored results', whatever the self-reports say.
    expect(rows.map((row) => Number(row.candidate_id))).toEqual((await storedRanking(true)).map((s) => s.candidateId));
  });

  it("builds the assessment's address from the proxy's scheme when TRUST_PROXY=1", async () => {
    const proxied = await startTestServer({ trustProxy: true });
    try {
      const overHttps = { "X-Forwarded-Proto": "https" };
      const login = await request(proxied.baseURL, "/login", {
        form: { email: DEMO.recruiter, password: DEMO.password },
        origin: proxied.baseURL.replace("http://", "https://"),
        headers: overHttps,
      });
      await login.body?.cancel();
      const cookie = `__Host-traitkit_session=${setCookieValue(login, "__Host-traitkit_session") ?? ""}`;
      const response = await request(proxied.baseURL, `/roles/${SLUG}/ranking.csv`, { cookie, headers: overHttps });
      const records: string[][] = parse(await response.text());
      const url = records[1]?.[HEADER.indexOf("assessment_url")] ?? "";
      expect(url).toMatch(new RegExp(`^https://${new URL(proxied.baseURL).host}/assessments/\\d+$`));
    } finally {
      await proxied.close();
    }
  });

  it("keeps the page's filters: decision and minimum coverage", async () => {
    const stored = await storedRanking();
    const csvIds = async (query: string) =>
      parse(await (await get(`/roles/${SLUG}/ranking.csv${query}`)).text())
        .slice(1)
        .map((r: string[]) => Number(r[0]));
    const advanced = stored.filter((s) => s.decision === "advance").map((s) => s.candidateId);
    expect(advanced.length).toBeGreaterThan(0);
    expect(await csvIds("?decision=advance")).toEqual(advanced);
    const covered = stored.filter((s) => s.decision === null && s.coverage >= 0.8).map((s) => s.candidateId);
    expect(await csvIds("?decision=none&minCoverage=80")).toEqual(covered);
    // A filter that cannot be read is no filter, as on the page.
    expect(await csvIds("?decision=bogus&minCoverage=-5")).toEqual(stored.map((s) => s.candidateId));
  });

  it("puts the demo's strong fit first and the results without a fit last; not-assessed traits are empty cells", async () => {
    const records: string[][] = parse(await (await get(`/roles/${SLUG}/ranking.csv`)).text());
    const rows = records.slice(1);
    const ada = await server.db.selectFrom("candidates").select("id").where("name", "=", "Ada Demo-Lovelace").executeTakeFirstOrThrow();
    expect(Number(rows[0]?.[0])).toBe(ada.id);
    const fits = rows.map((r) => r[1]);
    const firstEmpty = fits.indexOf("");
    expect(firstEmpty).toBeGreaterThan(0);
    expect(fits.slice(firstEmpty).every((f) => f === "")).toBe(true);
    const numeric = fits.slice(0, firstEmpty).map(Number);
    expect(numeric).toEqual([...numeric].sort((a, b) => b - a));
    // Emotional stability is never assessed in the extra results: an empty cell, never 0.
    const column = HEADER.indexOf("emotional_stability");
    expect(rows.filter((r) => r[column] === "").length).toBeGreaterThanOrEqual(EXTRA);
    // Ties on fit are ordered by coverage, highest first.
    for (let i = 1; i < rows.length; i++) {
      const [prev, cur] = [rows[i - 1], rows[i]];
      if (prev && cur && prev[1] !== "" && prev[1] === cur[1]) expect(Number(prev[2])).toBeGreaterThanOrEqual(Number(cur[2]));
    }
  });
});

describe("the ranking page", () => {
  it("pages 50 at a time through every result in rank order", async () => {
    const stored = await storedRanking();
    const pages = Math.ceil(stored.length / 50);
    const seen: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const response = await get(`/roles/${SLUG}/candidates?page=${page}`);
      expect(response.status).toBe(200);
      const ids = rankedIds(await response.text());
      expect(ids.length).toBe(page < pages ? 50 : stored.length - 50 * (pages - 1));
      seen.push(...ids);
    }
    expect(seen).toEqual(stored.map((s) => s.candidateId));
  });

  it("shows Ada Demo-Lovelace first with a 100% fit", async () => {
    const page = await (await get(`/roles/${SLUG}/candidates`)).text();
    expect(page).toMatch(/<caption>/);
    const firstRow = /<tr data-candidate-id="\d+">([\s\S]*?)<\/tr>/.exec(page)?.[1] ?? "";
    expect(firstRow).toContain("Ada Demo-Lovelace");
    expect(firstRow).toContain("100%");
    expect(firstRow).toContain("2/2 submitted");
  });

  it("hides a panel still waiting for a scorecard by default, and shows it as 1/2 submitted when asked", async () => {
    const barbara = await demoCandidateId("Barbara Demo-Liskov");
    const all = await storedRanking(true);
    const place = all.findIndex((s) => s.candidateId === barbara);
    expect(place).toBeGreaterThanOrEqual(0);
    expect(rankedIds(await (await get(`/roles/${SLUG}/candidates?page=${Math.floor(place / 50) + 1}`)).text())).not.toContain(barbara);
    const page = await (await get(`/roles/${SLUG}/candidates?complete=0&page=${Math.floor(place / 50) + 1}`)).text();
    const row = new RegExp(`<tr data-candidate-id="${barbara}">([\\s\\S]*?)</tr>`).exec(page)?.[1] ?? "";
    expect(row).toContain("1/2 submitted");
    // The form's hidden 0 and ticked 1 together mean "on", as an address without the parameter.
    expect(rankedIds(await (await get(`/roles/${SLUG}/candidates?complete=0&complete=1`)).text())).toEqual(
      (await storedRanking()).slice(0, 50).map((s) => s.candidateId),
    );
  });

  it("names the traits a panel is flagged to calibrate on", async () => {
    const edsger = await demoCandidateId("Edsger Demo-Dijkstra");
    const page = await (await get(`/roles/${SLUG}/candidates`)).text();
    const row = new RegExp(`<tr data-candidate-id="${edsger}">([\\s\\S]*?)</tr>`).exec(page)?.[1] ?? "";
    expect(/data-testid="ranking-calibrate">([^<]*)</.exec(row)?.[1]).toBe("Emotional Stability");
  });

  it("filters by decision and minimum coverage", async () => {
    const stored = await storedRanking();
    const advance = stored.filter((s) => s.decision === "advance").map((s) => s.candidateId);
    expect(rankedIds(await (await get(`/roles/${SLUG}/candidates?decision=advance`)).text())).toEqual(advance.slice(0, 50));
    const none = stored.filter((s) => s.decision === null).map((s) => s.candidateId);
    expect(rankedIds(await (await get(`/roles/${SLUG}/candidates?decision=none`)).text())).toEqual(none.slice(0, 50));
    const covered = stored.filter((s) => s.coverage >= 0.8).map((s) => s.candidateId);
    expect(rankedIds(await (await get(`/roles/${SLUG}/candidates?minCoverage=80`)).text())).toEqual(covered.slice(0, 50));
  });

  it("reads the results through assessment_results_ranking_idx", async () => {
    const compiled = rankingPageQuery(server.db, SLUG, { decision: "any", minCoverage: 0, complete: true }, 1).compile();
    if (onPostgres()) {
      // In rank order straight from the index (no fit last, as it is declared): no Sort step.
      const steps = await postgresPlan(server.db, compiled);
      expect(
        steps.some((s) => s.indexName === "assessment_results_ranking_idx" && /role_slug/.test(s.indexCond ?? "")),
        JSON.stringify(steps),
      ).toBe(true);
      expect(
        steps.filter((s) => s.nodeType === "Sort" || s.nodeType === "Seq Scan"),
        JSON.stringify(steps),
      ).toEqual([]);
      return;
    }
    const plan = await server.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    const details = plan.rows.map((row) => row.detail);
    expect(
      details.some((d) => /SEARCH r USING (COVERING )?INDEX assessment_results_ranking_idx \(role_slug=\? AND latest=\?\)/.test(d)),
      details.join("\n"),
    ).toBe(true);
    expect(
      details.filter((d) => /^SCAN /.test(d)),
      details.join("\n"),
    ).toEqual([]);
  });

  it("reads each batch of the CSV from where the last one stopped, in index order, rows with a fit and rows without", async () => {
    const filters = { decision: "any", minCoverage: 0, complete: true } as const;
    const parts = [
      { withFit: true, after: { fit: 80, coverage: 0.9, assessmentId: 10 }, seek: /\(role_slug=\? AND latest=\? AND fit>\? AND fit<\?\)/ },
      {
        withFit: false,
        after: { fit: null, coverage: 0.5, assessmentId: 10 },
        seek: /\(role_slug=\? AND latest=\? AND fit=\? AND coverage<\?\)/,
      },
    ];
    for (const { seek, ...part } of parts) {
      const compiled = rankingBatchQuery(server.db, SLUG, filters, part, 500).compile();
      if (onPostgres()) {
        // The batch seeks into the index past the cursor and reads on in its order: no Sort step.
        const steps = await postgresPlan(server.db, compiled);
        const read = steps.find((s) => s.indexName === "assessment_results_ranking_idx");
        expect(read?.indexCond ?? "", JSON.stringify(steps)).toMatch(part.withFit ? /fit <= / : /fit IS NULL/);
        expect(
          steps.filter((s) => s.nodeType === "Sort" || s.nodeType === "Seq Scan"),
          JSON.stringify(steps),
        ).toEqual([]);
        continue;
      }
      const plan = await server.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
      );
      const details = plan.rows.map((row) => row.detail);
      expect(
        details.some((d) => /^SEARCH r USING (COVERING )?INDEX assessment_results_ranking_idx /.test(d) && seek.test(d)),
        details.join("\n"),
      ).toBe(true);
      expect(
        details.filter((d) => /^SCAN |TEMP B-TREE/.test(d)),
        details.join("\n"),
      ).toEqual([]);
    }
  });
});

describe("access", () => {
  it("answers 404 to an interviewer on the ranking, the CSV and the comparison", async () => {
    for (const path of [`/roles/${SLUG}/candidates`, `/roles/${SLUG}/ranking.csv`, `/roles/${SLUG}/compare?c=1,2`]) {
      const response = await get(path, interviewerCookie);
      expect(response.status, path).toBe(404);
      await response.body?.cancel();
    }
  });

  it("answers 404 for an unknown role", async () => {
    const response = await get("/roles/no-such-role/candidates");
    expect(response.status).toBe(404);
    await response.body?.cancel();
  });
});

describe("the comparison", () => {
  async function demoIds(names: string[]): Promise<number[]> {
    const rows = await server.db.selectFrom("candidates").select(["id", "name"]).where("name", "in", names).execute();
    return names.map((name) => {
      const row = rows.find((r) => r.name === name);
      if (!row) throw new Error(`No demo candidate ${name}`);
      return row.id;
    });
  }

  it("answers 400 with a message for 1 or 5 candidates, or one without a result", async () => {
    const ids = (await storedRanking()).map((s) => s.candidateId);
    const one = await get(`/roles/${SLUG}/compare?c=${ids[0]}`);
    expect(one.status).toBe(400);
    expect(await one.text()).toContain("Choose at least 2 candidates to compare");
    const five = await get(`/roles/${SLUG}/compare?c=${ids.slice(0, 5).join(",")}`);
    expect(five.status).toBe(400);
    expect(await five.text()).toContain("Compare at most 4 candidates at a time");
    const notAssessed = await server.db
      .insertInto("candidates")
      .values({
        name: "Never Assessed",
        email: null,
        role_id: null,
        source: null,
        notes: null,
        created_by: null,
        created_at: "2026-01-01T00:00:00.000Z",
        updated_at: "2026-01-01T00:00:00.000Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const missing = await get(`/roles/${SLUG}/compare?c=${ids[0]},${notAssessed.id}`);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain(`Candidate ${notAssessed.id} has no result for this role`);
    const junk = await get(`/roles/${SLUG}/compare?c=abc,1`);
    expect(junk.status).toBe(400);
    await junk.body?.cancel();
  });

  it("shows three demo candidates in three columns with their stored fit", async () => {
    const ids = await demoIds(["Ada Demo-Lovelace", "Grace Demo-Hopper", "Alan Demo-Turing"]);
    const response = await get(`/roles/${SLUG}/compare?c=${ids.join(",")}`);
    expect(response.status).toBe(200);
    const page = await response.text();
    const table = /<table data-testid="compare-table">([\s\S]*?)<\/table>/.exec(page)?.[1] ?? "";
    const columns = [...table.matchAll(/<th scope="col" class="num" data-candidate-id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(columns).toEqual(ids);
    const stored = await storedRanking();
    const fitRow = /<tr data-row="fit">([\s\S]*?)<\/tr>/.exec(table)?.[1] ?? "";
    for (const id of ids) {
      const fit = stored.find((s) => s.candidateId === id)?.fit;
      expect(fit).not.toBeNull();
      expect(fitRow).toContain(`${Math.round(fit ?? 0)}%`);
    }
    // Trait scores with one decimal, as on the assessment page: the same figure wherever a candidate is shown.
    for (const trait of ["conscientiousness", "agreeableness"] as const) {
      const row = new RegExp(`<tr data-row="${trait}">([\\s\\S]*?)</tr>`).exec(table)?.[1] ?? "";
      const cells = [...row.matchAll(/<td class="num">([\s\S]*?)<\/td>/g)].map((m) => m[1]).slice(1);
      const expected = ids.map((id) => {
        const value = stored.find((s) => s.candidateId === id)?.scores[trait] ?? null;
        return value === null ? '<span class="muted">not assessed</span>' : String(Math.round(value * 10) / 10);
      });
      expect(cells, trait).toEqual(expected);
      expect(
        expected.some((cell) => cell.includes(".")),
        trait,
      ).toBe(true);
    }
  });

  it("takes repeated c values (the form without JavaScript) to the one shareable address", async () => {
    const ids = await demoIds(["Ada Demo-Lovelace", "Grace Demo-Hopper"]);
    const response = await get(`/roles/${SLUG}/compare?c=${ids[0]}&c=${ids[1]}`);
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`/roles/${SLUG}/compare?c=${ids.join(",")}`);
  });
});
