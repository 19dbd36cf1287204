import crypto from "node:crypto";
import fs from "node:fs";
import { getQuestions } from "@alheimsins/b5-johnson-120-ipip-neo-pi-r";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraitkitDb } from "~db/connection";
import type { CandidateExport } from "../../app/models/privacy.server";
import { referencedTables, tableNames } from "./support/database-reading";
import { onPostgres } from "./support/test-database";
import { DEMO, locationPath, request, signIn, startTestServer, userId, type TestServer } from "./support/test-server";

/*
 * A candidate's data export and erasure through the production build
 * (docs/reliability.md G1 and G2). The database is read directly, the export is
 * checked against every table with a foreign-key path to the candidate, and
 * after the erasure the database FILE is searched byte by byte.
 */

let server: TestServer;
let recruiterCookie: string;
let interviewerCookie: string;

const CANDIDATE_NAME = "Ada Demo-Lovelace";
const CANARY = `canary-note-${crypto.randomBytes(6).toString("hex")}`;
const REPORT_TOKEN_HASH = crypto.createHash("sha256").update(crypto.randomBytes(32)).digest("hex");
/** In a published report's snapshot: the candidate's report is personal data too. */
const SNAPSHOT_CANARY = `canary-snapshot-${crypto.randomBytes(6).toString("hex")}`;

let candidateId: number;
let candidateEmail: string;

beforeAll(async () => {
  server = await startTestServer();
  recruiterCookie = await signIn(server.baseURL, DEMO.recruiter);
  interviewerCookie = await signIn(server.baseURL, DEMO.interviewer1);
  const candidate = await server.db
    .selectFrom("candidates")
    .select(["id", "email"])
    .where("name", "=", CANDIDATE_NAME)
    .executeTakeFirstOrThrow();
  candidateId = candidate.id;
  candidateEmail = candidate.email ?? "";
  expect(candidateEmail).not.toBe("");
  // Make every table on the candidate's FK paths hold a row: a canary note and a
  // red flag with canary evidence on a submitted scorecard, and a report link
  // showing a snapshot (the report feature publishes these).
  const card = await server.db
    .selectFrom("scorecards")
    .innerJoin("assessments", "assessments.id", "scorecards.assessment_id")
    .select(["scorecards.id", "scorecards.assessment_id", "assessments.kit_version_id"])
    .where("assessments.candidate_id", "=", candidateId)
    .where("scorecards.status", "=", "submitted")
    .orderBy("scorecards.id")
    .executeTakeFirstOrThrow();
  const question = await server.db
    .selectFrom("kit_questions")
    .select("id")
    .where("kit_version_id", "=", card.kit_version_id)
    .where((eb) => eb("id", "not in", eb.selectFrom("scorecard_notes").select("kit_question_id").where("scorecard_id", "=", card.id)))
    .orderBy("position")
    .executeTakeFirstOrThrow();
  await server.db
    .insertInto("scorecard_notes")
    .values({ scorecard_id: card.id, kit_question_id: question.id, notes: `Said: ${CANARY}` })
    .execute();
  const flag = await server.db
    .selectFrom("kit_red_flags")
    .select("id")
    .where("kit_version_id", "=", card.kit_version_id)
    .where((eb) => eb("id", "not in", eb.selectFrom("observed_red_flags").select("kit_red_flag_id").where("scorecard_id", "=", card.id)))
    .orderBy("position")
    .executeTakeFirstOrThrow();
  await server.db
    .insertInto("observed_red_flags")
    .values({ scorecard_id: card.id, kit_red_flag_id: flag.id, evidence: `Seen: ${CANARY}` })
    .execute();
  const recruiterId = await userId(server.db, DEMO.recruiter);
  const published = await server.db
    .insertInto("report_snapshots")
    .values({
      assessment_id: card.assessment_id,
      version: 1,
      language: "en",
      content: JSON.stringify({ language: "en", charts: { roleName: SNAPSHOT_CANARY } }),
      created_by: recruiterId,
      created_at: new Date().toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // A draft kept aside when its interviewer left the panel (issue 16), with the canary in its notes.
  const at = new Date().toISOString();
  await server.db
    .insertInto("parked_drafts")
    .values({
      assessment_id: card.assessment_id,
      interviewer_id: await userId(server.db, DEMO.recruiter),
      revision: 2,
      content: JSON.stringify({
        recommendation: null,
        ratings: [],
        notes: [{ questionId: question.id, text: `Parked: ${CANARY}` }],
        strengths: [],
        redFlags: [],
      }),
      updated_at: at,
      parked_at: at,
    })
    .execute();
  await server.db
    .insertInto("report_links")
    .values({
      assessment_id: card.assessment_id,
      token_hash: REPORT_TOKEN_HASH,
      language: "en",
      created_by: recruiterId,
      created_at: new Date().toISOString(),
      expires_at: null,
      revoked_at: null,
      snapshot_id: published.id,
    })
    .execute();
  // A debrief's agreed reading, with a canary reason.
  await server.db
    .insertInto("debrief_readings")
    .values({
      assessment_id: card.assessment_id,
      trait: "openness",
      reading: 4,
      reason: `Agreed after the debrief ${CANARY}`,
      recorded_by: recruiterId,
      recorded_at: new Date().toISOString(),
    })
    .execute();
  // A message written about the assessment (e-mail, issue 19) names the candidate in its subject.
  await server.db
    .insertInto("mail_outbox")
    .values({
      kind: "assigned",
      message_id: crypto.randomUUID(),
      to_address: DEMO.interviewer1,
      assessment_id: card.assessment_id,
      subject: `Interview panel: ${CANDIDATE_NAME} ${CANARY}`,
      text_body: CANARY,
      html_body: CANARY,
      created_at: new Date().toISOString(),
      next_attempt_at: new Date(Date.now() + 86_400_000).toISOString(),
    })
    .execute();
});

afterAll(async () => {
  await server?.close();
});

async function exportOf(id: number, cookie = recruiterCookie): Promise<{ response: Response; body: string }> {
  const response = await request(server.baseURL, `/candidates/${id}/export`, { cookie });
  return { response, body: await response.text() };
}

// ---------- G1: the export covers every table with an FK path to the candidate ----------

/** Tables whose rows reach `candidates` by following foreign keys, read from the live schema. */
async function tablesReachingCandidates(db: TraitkitDb): Promise<string[]> {
  const parents = new Map<string, Set<string>>();
  for (const name of await tableNames(db)) {
    if (name.startsWith("sqlite_")) continue;
    parents.set(name, new Set(await referencedTables(db, name)));
  }
  const reaching = new Set(["candidates"]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [table, refs] of parents) {
      if (!reaching.has(table) && [...refs].some((parent) => reaching.has(parent))) {
        reaching.add(table);
        grew = true;
      }
    }
  }
  return [...reaching].sort();
}

type Coverage = {
  /** The table's rows about the candidate, each as a key. */
  rows: (db: TraitkitDb, candidateId: number) => Promise<string[]>;
  /** Where the export holds them, as the same keys. */
  exported: (file: CandidateExport) => string[];
};

const assessmentsOf = (db: TraitkitDb, id: number) => db.selectFrom("assessments").select("id").where("candidate_id", "=", id);
const scorecardsOf = (db: TraitkitDb, id: number) =>
  db.selectFrom("scorecards").select("id").where("assessment_id", "in", assessmentsOf(db, id));
const cards = (file: CandidateExport) => file.assessments.flatMap((a) => a.scorecards);

/** Table → where its rows appear in the export. A table with an FK path to candidates missing here fails the test. */
const COVERAGE: Record<string, Coverage> = {
  candidates: {
    rows: async (db, id) =>
      (await db.selectFrom("candidates").selectAll().where("id", "=", id).execute()).map(
        (c) => `${c.id}|${c.name}|${c.email}|${c.notes}|${c.source}|${c.created_at}`,
      ),
    exported: (f) => [
      `${f.candidate.id}|${f.candidate.name}|${f.candidate.email}|${f.candidate.notes}|${f.candidate.source}|${f.candidate.createdAt}`,
    ],
  },
  assessments: {
    rows: async (db, id) =>
      (await db.selectFrom("assessments").selectAll().where("candidate_id", "=", id).execute()).map(
        (a) => `${a.id}|${a.kit_version_id}|${a.created_at}`,
      ),
    exported: (f) => f.assessments.map((a) => `${a.id}|${a.kit.kitVersionId}|${a.createdAt}`),
  },
  assessment_interviewers: {
    rows: async (db, id) =>
      (await db.selectFrom("assessment_interviewers").selectAll().where("assessment_id", "in", assessmentsOf(db, id)).execute()).map(
        (r) => `${r.assessment_id}|${r.user_id}|${r.added_at}`,
      ),
    exported: (f) => f.assessments.flatMap((a) => a.interviewers.map((i) => `${a.id}|${i.interviewer}|${i.addedAt}`)),
  },
  scorecards: {
    rows: async (db, id) =>
      (await db.selectFrom("scorecards").selectAll().where("assessment_id", "in", assessmentsOf(db, id)).execute()).map(
        (s) => `${s.id}|${s.assessment_id}|${s.interviewer_id}|${s.status}|${s.recommendation}|${s.submitted_at}`,
      ),
    exported: (f) =>
      f.assessments.flatMap((a) =>
        a.scorecards.map((s) => `${s.id}|${a.id}|${s.interviewer}|${s.status}|${s.recommendation}|${s.submittedAt}`),
      ),
  },
  ratings: {
    rows: async (db, id) =>
      (await db.selectFrom("ratings").selectAll().where("scorecard_id", "in", scorecardsOf(db, id)).execute()).map(
        (r) => `${r.scorecard_id}|${r.kit_question_id}|${r.trait}|${r.rating}`,
      ),
    exported: (f) => cards(f).flatMap((s) => s.ratings.map((r) => `${s.id}|${r.questionId}|${r.trait}|${r.rating}`)),
  },
  scorecard_notes: {
    rows: async (db, id) =>
      (await db.selectFrom("scorecard_notes").selectAll().where("scorecard_id", "in", scorecardsOf(db, id)).execute()).map(
        (n) => `${n.scorecard_id}|${n.kit_question_id}|${n.notes}`,
      ),
    exported: (f) => cards(f).flatMap((s) => s.notes.map((n) => `${s.id}|${n.questionId}|${n.text}`)),
  },
  observed_strengths: {
    rows: async (db, id) =>
      (await db.selectFrom("observed_strengths").selectAll().where("scorecard_id", "in", scorecardsOf(db, id)).execute()).map(
        (o) => `${o.scorecard_id}|${o.kit_strength_id}`,
      ),
    exported: (f) => cards(f).flatMap((s) => s.observedStrengths.map((o) => `${s.id}|${o.strengthId}`)),
  },
  observed_red_flags: {
    rows: async (db, id) =>
      (await db.selectFrom("observed_red_flags").selectAll().where("scorecard_id", "in", scorecardsOf(db, id)).execute()).map(
        (o) => `${o.scorecard_id}|${o.kit_red_flag_id}|${o.evidence}`,
      ),
    exported: (f) => cards(f).flatMap((s) => s.observedRedFlags.map((o) => `${s.id}|${o.redFlagId}|${o.evidence}`)),
  },
  scorecard_expectation_marks: {
    rows: async (db, id) =>
      (await db.selectFrom("scorecard_expectation_marks").selectAll().where("scorecard_id", "in", scorecardsOf(db, id)).execute()).map(
        (m) => `${m.scorecard_id}|${m.position}|${m.mark}`,
      ),
    exported: (f) => cards(f).flatMap((s) => s.expectationMarks.map((m) => `${s.id}|${m.position}|${m.mark}`)),
  },
  decisions: {
    rows: async (db, id) =>
      (await db.selectFrom("decisions").selectAll().where("assessment_id", "in", assessmentsOf(db, id)).execute()).map(
        (d) => `${d.id}|${d.assessment_id}|${d.decision}|${d.reason}|${d.decided_by}|${d.decided_at}`,
      ),
    exported: (f) =>
      f.assessments.flatMap((a) => a.decisions.map((d) => `${d.id}|${a.id}|${d.decision}|${d.reason}|${d.decidedBy}|${d.decidedAt}`)),
  },
  assessment_results: {
    rows: async (db, id) =>
      (await db.selectFrom("assessment_results").selectAll().where("assessment_id", "in", assessmentsOf(db, id)).execute()).map(
        (r) => `${r.assessment_id}|${r.fit}|${r.coverage}|${r.evidence}|${r.submitted_scorecards}`,
      ),
    exported: (f) =>
      f.assessments.flatMap((a) =>
        a.storedResult
          ? [`${a.id}|${a.storedResult.fit}|${a.storedResult.coverage}|${a.storedResult.evidence}|${a.storedResult.submittedScorecards}`]
          : [],
      ),
  },
  scorecard_summaries: {
    rows: async (db, id) =>
      (await db.selectFrom("scorecard_summaries").selectAll().where("assessment_id", "in", assessmentsOf(db, id)).execute()).map(
        (r) =>
          `${r.scorecard_id}|${r.assessment_id}|${r.interviewer_id}|${r.role_slug}|${r.submitted_at}|${r.assigned_at}|${r.kit_cells}|${r.rated_cells}|${r.ratings_3}|${r.openness_sum}|${r.openness_count}`,
      ),
    exported: (f) =>
      f.assessments.flatMap((a) =>
        a.storedScorecardSummaries.map(
          (r) =>
            `${r.scorecardId}|${a.id}|${r.interviewer}|${r.roleSlug}|${r.submittedAt}|${r.assignedAt}|${r.kitCells}|${r.ratedCells}|${r.ratingCounts["3"]}|${r.traits.openness.sum}|${r.traits.openness.count}`,
        ),
      ),
  },
  parked_drafts: {
    rows: async (db, id) =>
      (await db.selectFrom("parked_drafts").selectAll().where("assessment_id", "in", assessmentsOf(db, id)).execute()).map(
        (d) => `${d.assessment_id}|${d.interviewer_id}|${d.revision}|${d.content}`,
      ),
    exported: (f) =>
      f.assessments.flatMap((a) => a.parkedDrafts.map((d) => `${a.id}|${d.interviewer}|${d.revision}|${JSON.stringify(d.content)}`)),
  },
  debrief_readings: {
    rows: async (db, id) =>
      (await db.selectFrom("debrief_readings").selectAll().where("assessment_id", "in", assessmentsOf(db, id)).execute()).map(
        (r) => `${r.assessment_id}|${r.trait}|${r.reading}|${r.reason}|${r.recorded_by}|${r.recorded_at}`,
      ),
    exported: (f) =>
      f.assessments.flatMap((a) =>
        a.debriefReadings.map((r) => `${a.id}|${r.trait}|${r.reading}|${r.reason}|${r.recordedBy}|${r.recordedAt}`),
      ),
  },
  mail_outbox: {
    rows: async (db, id) =>
      (await db.selectFrom("mail_outbox").selectAll().where("assessment_id", "in", assessmentsOf(db, id)).execute()).map(
        (m) => `${m.id}|${m.assessment_id}|${m.kind}|${m.subject}|${m.created_at}|${m.sent_at}|${m.failed_at}`,
      ),
    exported: (f) =>
      f.assessments.flatMap((a) =>
        a.messages.map((m) => `${m.id}|${a.id}|${m.kind}|${m.subject}|${m.createdAt}|${m.sentAt}|${m.failedAt}`),
      ),
  },
  report_links: {
    rows: async (db, id) =>
      (await db.selectFrom("report_links").selectAll().where("assessment_id", "in", assessmentsOf(db, id)).execute()).map(
        (l) => `${l.id}|${l.assessment_id}|${l.created_at}|${l.expires_at}|${l.revoked_at}|${l.snapshot_id}|${l.opens}|${l.last_opened_at}`,
      ),
    exported: (f) =>
      f.assessments.flatMap((a) =>
        a.reportLinks.map(
          (l) => `${l.id}|${a.id}|${l.createdAt}|${l.expiresAt}|${l.revokedAt}|${l.snapshotId}|${l.opens}|${l.lastOpenedAt}`,
        ),
      ),
  },
  report_snapshots: {
    rows: async (db, id) =>
      (await db.selectFrom("report_snapshots").selectAll().where("assessment_id", "in", assessmentsOf(db, id)).execute()).map(
        (r) => `${r.id}|${r.assessment_id}|${r.version}|${r.language}|${r.created_by}|${r.created_at}|${r.content}`,
      ),
    exported: (f) =>
      f.assessments.flatMap((a) =>
        a.reportSnapshots.map(
          (r) => `${r.id}|${a.id}|${r.version}|${r.language}|${r.createdBy}|${r.createdAt}|${JSON.stringify(r.content)}`,
        ),
      ),
  },
  questionnaires: {
    rows: async (db, id) =>
      (await db.selectFrom("questionnaires").selectAll().where("assessment_id", "in", assessmentsOf(db, id)).execute()).map(
        (q) =>
          `${q.assessment_id}|${q.instrument}|${q.language}|${q.created_by}|${q.created_at}|${q.consented_at}|${q.completed_at}|${q.include_in_report}`,
      ),
    exported: (f) =>
      f.assessments.flatMap((a) => {
        const q = a.selfReport;
        return q
          ? [
              `${a.id}|${q.instrument}|${q.language}|${q.createdBy}|${q.createdAt}|${q.consentedAt}|${q.completedAt}|${q.includeInReport ? 1 : 0}`,
            ]
          : [];
      }),
  },
  questionnaire_links: {
    rows: async (db, id) =>
      (await db.selectFrom("questionnaire_links").selectAll().where("assessment_id", "in", assessmentsOf(db, id)).execute()).map(
        (l) =>
          `${l.id}|${l.assessment_id}|${l.language}|${l.created_by}|${l.created_at}|${l.expires_at}|${l.revoked_at}|${l.last_opened_at}`,
      ),
    exported: (f) =>
      f.assessments.flatMap((a) =>
        (a.selfReport?.links ?? []).map(
          (l) => `${l.id}|${a.id}|${l.language}|${l.createdBy}|${l.createdAt}|${l.expiresAt}|${l.revokedAt}|${l.lastOpenedAt}`,
        ),
      ),
  },
  questionnaire_answers: {
    rows: async (db, id) =>
      (await db.selectFrom("questionnaire_answers").selectAll().where("assessment_id", "in", assessmentsOf(db, id)).execute()).map(
        (r) => `${r.assessment_id}|${r.item_id}|${r.value}|${r.answered_at}`,
      ),
    exported: (f) =>
      f.assessments.flatMap((a) => (a.selfReport?.answers ?? []).map((r) => `${a.id}|${r.itemId}|${r.value}|${r.answeredAt}`)),
  },
};

/**
 * docs/product.md "Self-report", written out again here from the item
 * package's own keys: points are the value, 6 − value when keyed minus; a
 * domain is (mean points − 1) × 25 over its answered items, not scored past
 * 20 % unanswered; N is read as Emotional Stability, 100 − N.
 */
function recomputeSelfReport(answers: { itemId: string; value: number }[]): Record<string, { score: number; answered: number } | null> {
  const given = new Map(answers.map((a) => [a.itemId, a.value]));
  const traits: Record<string, string> = {
    O: "openness",
    C: "conscientiousness",
    E: "extraversion",
    A: "agreeableness",
    N: "emotional_stability",
  };
  const out: Record<string, { score: number; answered: number } | null> = { relational_engagement: null };
  for (const [domain, trait] of Object.entries(traits)) {
    const items = getQuestions("en").filter((q) => q.domain === domain);
    const points = items.flatMap((q) => {
      const value = given.get(q.id);
      return value === undefined ? [] : [q.keyed === "minus" ? 6 - value : value];
    });
    if ((items.length - points.length) / items.length > 0.2) {
      out[trait] = null;
      continue;
    }
    const score = (points.reduce((a, b) => a + b, 0) / points.length - 1) * 25;
    out[trait] = { score: domain === "N" ? 100 - score : score, answered: points.length };
  }
  return out;
}

/** docs/product.md "Scoring", written out again here: independent of app code. */
function recomputeTraitScores(file: CandidateExport["assessments"][number]): Record<string, { score: number; evidence: number } | null> {
  const byTrait = new Map<string, Map<number, number[]>>();
  for (const card of file.scorecards) {
    if (card.submittedAt === null) continue;
    for (const r of card.ratings) {
      const perInterviewer = byTrait.get(r.trait) ?? new Map<number, number[]>();
      perInterviewer.set(card.interviewer, [...(perInterviewer.get(card.interviewer) ?? []), (r.rating - 1) * 25]);
      byTrait.set(r.trait, perInterviewer);
    }
  }
  const out: Record<string, { score: number; evidence: number } | null> = {};
  for (const trait of ["openness", "conscientiousness", "extraversion", "agreeableness", "emotional_stability", "relational_engagement"]) {
    const perInterviewer = byTrait.get(trait);
    if (!perInterviewer) {
      out[trait] = null;
      continue;
    }
    const means = [...perInterviewer.values()].map((points) => points.reduce((a, b) => a + b, 0) / points.length);
    out[trait] = {
      score: means.reduce((a, b) => a + b, 0) / means.length,
      evidence: [...perInterviewer.values()].reduce((n, p) => n + p.length, 0),
    };
  }
  return out;
}

/** docs/product.md "Fit", written out again here. */
function recomputeFit(
  profile: NonNullable<CandidateExport["assessments"][number]["idealProfile"]>,
  scores: Record<string, { score: number } | null>,
): { value: number; coverage: number } | null {
  let num = 0;
  let den = 0;
  let usedWeight = 0;
  let bandedWeight = 0;
  for (const [trait, band] of Object.entries(profile)) {
    if (band.low === 0 && band.high === 100) continue;
    bandedWeight += band.weight;
    const c = scores[trait]?.score;
    if (c === undefined) continue;
    usedWeight += band.weight;
    const g = Math.max(0, band.low - c, c - band.high);
    const G = Math.max(band.low, 100 - band.high);
    num += band.weight * g * g;
    den += band.weight * G * G;
  }
  if (usedWeight === 0 || den === 0) return null;
  return { value: 100 * (1 - Math.sqrt(num) / Math.sqrt(den)), coverage: usedWeight / bandedWeight };
}

describe("GET /candidates/:id/export (docs/reliability.md G1)", () => {
  it("downloads a traitkit.candidate/v1 JSON file and audits it", async () => {
    const { response, body } = await exportOf(candidateId);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".+\.json"$/);
    const file = JSON.parse(body) as CandidateExport;
    expect(file.format).toBe("traitkit.candidate/v1");
    expect(file.candidate).toMatchObject({ id: candidateId, name: CANDIDATE_NAME, email: candidateEmail });
    const audit = await server.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "candidate.export")
      .where("entity_id", "=", String(candidateId))
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    for (const row of audit) expect(`${row.details ?? ""}`).not.toContain(CANDIDATE_NAME);
  });

  it("holds every row of every table with a foreign-key path to the candidate", async () => {
    const file = JSON.parse((await exportOf(candidateId)).body) as CandidateExport;
    const reaching = await tablesReachingCandidates(server.db);
    expect(reaching).toEqual(
      expect.arrayContaining([
        "candidates",
        "assessments",
        "scorecards",
        "ratings",
        "report_links",
        "report_snapshots",
        "assessment_results",
      ]),
    );
    const uncovered = reaching.filter((table) => !(table in COVERAGE));
    expect(uncovered, "tables with an FK path to candidates that the export (and this test's COVERAGE) does not cover").toEqual([]);
    for (const table of reaching) {
      const coverage = COVERAGE[table];
      if (!coverage) continue;
      const rows = await coverage.rows(server.db, candidateId);
      expect(rows.length, `${table}: the seeded candidate has rows here`).toBeGreaterThan(0);
      expect(coverage.exported(file).sort(), `${table} in the export`).toEqual(rows.sort());
    }
  });

  it("holds the frozen ideal profile, the kit's questions, the scorecards and the audit trail, never a report token", async () => {
    const { body } = await exportOf(candidateId);
    const file = JSON.parse(body) as CandidateExport;
    expect(body).not.toContain(REPORT_TOKEN_HASH);
    expect(body).toContain(CANARY);
    const [assessment] = file.assessments;
    if (!assessment) throw new Error("The demo candidate has no assessment");
    expect(assessment.role).toBe("mlops-engineer");
    const bands = await server.db
      .selectFrom("kit_version_traits")
      .select(["trait", "low", "high", "weight"])
      .where("kit_version_id", "=", assessment.kit.kitVersionId)
      .execute();
    expect(assessment.idealProfile).not.toBeNull();
    for (const band of bands)
      expect(assessment.idealProfile?.[band.trait]).toMatchObject({ low: band.low, high: band.high, weight: band.weight });
    const questionIds = await server.db
      .selectFrom("kit_questions")
      .select("id")
      .where("kit_version_id", "=", assessment.kit.kitVersionId)
      .execute();
    expect(assessment.questions.map((q) => q.id).sort()).toEqual(questionIds.map((q) => q.id).sort());
    for (const q of assessment.questions) expect(q.traits.length).toBeGreaterThan(0);
    for (const card of assessment.scorecards) expect(card.submittedAt === null).toBe(card.status === "draft");
    expect(assessment.reportLinks.map((l) => l.status)).toEqual(["active"]);
    // Each published version, as the candidate's page renders it.
    expect(assessment.reportSnapshots.map((r) => [r.version, r.language])).toEqual([[1, "en"]]);
    expect(body).toContain(SNAPSHOT_CANARY);
    // The audit trail: the candidate's creation, its assessment, the scorecards' submissions and the decision.
    const actions = new Set(file.audit.map((a) => a.action));
    for (const action of ["assessment.create", "scorecard.submit", "decision.record", "candidate.export"])
      expect(actions, action).toContain(action);
  });

  it("has ratings that recompute to the export's result (docs/product.md formulas)", async () => {
    const file = JSON.parse((await exportOf(candidateId)).body) as CandidateExport;
    let checked = 0;
    for (const assessment of file.assessments) {
      const expected = recomputeTraitScores(assessment);
      for (const [trait, value] of Object.entries(assessment.result.traitScores)) {
        const want = expected[trait];
        if (want === null || want === undefined) {
          expect(value, trait).toBeNull();
          continue;
        }
        expect(value?.score, trait).toBeCloseTo(want.score, 10);
        expect(value?.evidence, trait).toBe(want.evidence);
        checked += 1;
      }
      const fit = assessment.idealProfile ? recomputeFit(assessment.idealProfile, expected) : null;
      if (fit === null) {
        expect(assessment.result.fit).toBeNull();
      } else {
        expect(assessment.result.fit?.value).toBeCloseTo(fit.value, 10);
        expect(assessment.result.fit?.coverage).toBeCloseTo(fit.coverage, 10);
        // The ranking's cache agrees with the ratings.
        expect(assessment.storedResult?.fit).toBeCloseTo(fit.value, 10);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("holds the completed self-report: every answer by item id, and trait scores that recompute from them with the package's keys", async () => {
    const file = JSON.parse((await exportOf(candidateId)).body) as CandidateExport;
    const selfReport = file.assessments.find((a) => a.selfReport !== null)?.selfReport;
    if (!selfReport) throw new Error("The demo candidate has no self-report");
    expect(selfReport).toMatchObject({ instrument: "ipip-neo-120", language: "en", status: "completed", includeInReport: false });
    expect(selfReport.completedAt).not.toBeNull();
    expect(selfReport.answers).toHaveLength(120);
    // In the questionnaire's order, each value on the agreement scale as the candidate chose it.
    expect(selfReport.answers.map((a) => a.itemId)).toEqual(getQuestions("en").map((q) => q.id));
    expect(selfReport.answers.every((a) => Number.isInteger(a.value) && a.value >= 1 && a.value <= 5)).toBe(true);
    const expected = recomputeSelfReport(selfReport.answers);
    expect(Object.keys(selfReport.traitScores ?? {}).sort()).toEqual(Object.keys(expected).sort());
    for (const [trait, want] of Object.entries(expected)) {
      const got = selfReport.traitScores?.[trait as keyof typeof selfReport.traitScores];
      if (want === null) {
        expect(got, trait).toBeNull();
        continue;
      }
      // Full precision: the same number, not a rounded one.
      expect(got?.score, trait).toBeCloseTo(want.score, 10);
      expect(got?.answered, trait).toBe(want.answered);
    }
    expect(selfReport.traitScores?.relational_engagement).toBeNull();
    expect(selfReport.links.map((l) => l.status)).toEqual(["active"]);
    // Never the link's token nor its hash.
    const hashes = await server.db.selectFrom("questionnaire_links").select("token_hash").execute();
    const body = JSON.stringify(file);
    for (const { token_hash } of hashes) expect(body).not.toContain(token_hash);
  });

  it("holds the questionnaire's audit trail (sent, started, completed), ids only, shown on the audit page", async () => {
    const file = JSON.parse((await exportOf(candidateId)).body) as CandidateExport;
    const entries = file.audit.filter((a) => a.entityType === "questionnaire");
    expect(entries.map((a) => a.action)).toEqual(["questionnaire.send", "questionnaire.start", "questionnaire.complete"]);
    const assessmentId = file.assessments.find((a) => a.selfReport !== null)?.id;
    for (const entry of entries) {
      const details = JSON.parse(entry.details ?? "{}") as Record<string, unknown>;
      expect(details.assessment).toBe(assessmentId);
      // Ids, a language code, counts and flags: nothing the candidate wrote or is.
      for (const value of Object.values(details)) expect(["number", "boolean", "string"]).toContain(typeof value);
      expect(Object.values(details).filter((v) => typeof v === "string")).toEqual(entry.action === "questionnaire.send" ? ["en"] : []);
      expect(JSON.stringify(entry)).not.toContain(CANDIDATE_NAME);
      expect(JSON.stringify(entry)).not.toContain(candidateEmail);
    }
    // The audit page names each action in words and its record, the questionnaire link, by id.
    const newest = Math.max(...entries.map((e) => e.id));
    const page = await (await request(server.baseURL, `/audit?before=${newest + 1}`, { cookie: recruiterCookie })).text();
    for (const label of [
      "Sent a candidate a self-report questionnaire link",
      "A candidate consented and started the questionnaire",
      "A candidate submitted the questionnaire",
    ])
      expect(page).toContain(label);
    // React separates the words and the id with empty comments in the server's markup.
    expect(page).toMatch(new RegExp(`questionnaire link(<!-- -->)? (<!-- -->)?#${entries[0]?.entityId ?? "none"}<`));
  });

  it("holds a started questionnaire's answers and status, with no trait scores until it is submitted", async () => {
    const started = await server.db
      .selectFrom("candidates")
      .select("id")
      .where("name", "=", "Margaret Demo-Hamilton")
      .executeTakeFirstOrThrow();
    const file = JSON.parse((await exportOf(started.id)).body) as CandidateExport;
    const selfReport = file.assessments[0]?.selfReport;
    expect(selfReport).toMatchObject({ status: "started", completedAt: null, traitScores: null });
    expect(selfReport?.consentedAt).not.toBeNull();
    expect(selfReport?.answers).toHaveLength(60);
  });

  it("holds selfReport null for an assessment with no questionnaire", async () => {
    const none = await server.db.selectFrom("candidates").select("id").where("name", "=", "Alan Demo-Turing").executeTakeFirstOrThrow();
    const file = JSON.parse((await exportOf(none.id)).body) as CandidateExport;
    expect(file.assessments.length).toBeGreaterThan(0);
    for (const assessment of file.assessments) expect(assessment.selfReport).toBeNull();
  });

  it("answers 404 for an unknown candidate and for an interviewer", async () => {
    expect((await exportOf(999_999)).response.status).toBe(404);
    const { response, body } = await exportOf(candidateId, interviewerCookie);
    expect(response.status).toBe(404);
    expect(body).not.toContain(CANDIDATE_NAME);
  });
});

// ---------- G2: erase leaves no trace ----------

async function databaseFile(db: TraitkitDb): Promise<string> {
  const list = await sql<{ name: string; file: string }>`select name, file from pragma_database_list`.execute(db);
  const main = list.rows.find((row) => row.name === "main");
  if (!main?.file) throw new Error("The test database has no file");
  return main.file;
}

/**
 * What the database holds, as bytes to search. SQLite: its file and WAL, after
 * a checkpoint (and VACUUM when asked), since secure_delete overwrites erased
 * rows there. PostgreSQL keeps its files to itself and frees a deleted row's
 * space by VACUUM later (docs/reliability.md G2): there, every row of every
 * table as text, after a VACUUM when asked.
 */
async function storedBytes(db: TraitkitDb, options: { vacuum: boolean }): Promise<Buffer> {
  if (onPostgres()) {
    if (options.vacuum) await sql`vacuum`.execute(db);
    const parts: Buffer[] = [];
    for (const table of await tableNames(db)) {
      const { rows } = await sql<{ row: string }>`select t::text as row from ${sql.table(table)} as t`.execute(db);
      parts.push(Buffer.from(rows.map((r) => r.row).join("\n"), "utf8"));
    }
    return Buffer.concat(parts);
  }
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  if (options.vacuum) {
    await sql`vacuum`.execute(db);
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  }
  const file = await databaseFile(db);
  const parts = [fs.readFileSync(file)];
  if (fs.existsSync(`${file}-wal`)) parts.push(fs.readFileSync(`${file}-wal`));
  return Buffer.concat(parts);
}

async function snapshot(db: TraitkitDb, id: number): Promise<unknown> {
  const assessments = await db.selectFrom("assessments").select("id").where("candidate_id", "=", id).execute();
  const ids = assessments.map((a) => a.id);
  return {
    candidate: await db.selectFrom("candidates").selectAll().where("id", "=", id).execute(),
    assessments: ids,
    scorecards: ids.length ? await db.selectFrom("scorecards").select("id").where("assessment_id", "in", ids).execute() : [],
    results: ids.length
      ? await db.selectFrom("assessment_results").select("assessment_id").where("assessment_id", "in", ids).execute()
      : [],
    erasures: await db.selectFrom("audit_log").select("id").where("action", "=", "candidate.erase").execute(),
  };
}

describe("erasing a candidate (docs/reliability.md G2)", () => {
  const erase = (form: Record<string, string>, cookie = recruiterCookie) =>
    request(server.baseURL, `/candidates/${candidateId}`, { cookie, form: { intent: "erase", ...form } });

  it("refuses an interviewer with a 404 and changes nothing", async () => {
    const before = await snapshot(server.db, candidateId);
    const response = await erase({ confirm: "1" }, interviewerCookie);
    expect(response.status).toBe(404);
    await response.body?.cancel();
    expect(await snapshot(server.db, candidateId)).toEqual(before);
  });

  it("answers the confirmation page, not an erasure, when confirm=1 is missing, and changes nothing", async () => {
    const before = await snapshot(server.db, candidateId);
    const unconfirmed: Record<string, string>[] = [{}, { confirm: "on" }, { confirm: "true" }];
    for (const form of unconfirmed) {
      const response = await erase(form);
      expect(response.status).toBe(200);
      const page = await response.text();
      expect(page).toContain('data-testid="confirmation-page"');
      expect(page).toMatch(/<h1 id="confirm-title">Erase .+ for good\?<\/h1>/);
      expect(page).toMatch(/<button type="submit" name="confirm" value="1" class="button-danger">Erase for good<\/button>/);
      expect(page).toContain('<input type="hidden" name="intent" value="erase"/>');
    }
    expect(await snapshot(server.db, candidateId)).toEqual(before);
  });

  it("erases everything about the candidate in one step; the audit log keeps ids and counts only", async () => {
    const assessmentIds = (await server.db.selectFrom("assessments").select("id").where("candidate_id", "=", candidateId).execute()).map(
      (a) => a.id,
    );
    expect(assessmentIds.length).toBeGreaterThan(0);
    const summariesBefore = (
      await server.db.selectFrom("scorecard_summaries").select("scorecard_id").where("assessment_id", "in", assessmentIds).execute()
    ).length;
    expect(summariesBefore, "the candidate's submitted scorecards have summaries").toBeGreaterThan(0);
    // The canary is in the file before: the byte search below can find what it looks for.
    const before = await storedBytes(server.db, { vacuum: false });
    expect(before.includes(Buffer.from(CANARY, "utf8"))).toBe(true);
    expect(before.includes(Buffer.from(SNAPSHOT_CANARY, "utf8"))).toBe(true);
    expect(before.includes(Buffer.from(CANDIDATE_NAME, "utf8"))).toBe(true);

    const response = await erase({ confirm: "1" });
    expect(response.status).toBe(303);
    expect(locationPath(response)).toBe("/candidates");

    for (const table of await tablesReachingCandidates(server.db)) {
      const coverage = COVERAGE[table];
      if (coverage) expect(await coverage.rows(server.db, candidateId), table).toEqual([]);
    }
    for (const table of [
      "assessment_interviewers",
      "scorecards",
      "decisions",
      "assessment_results",
      "scorecard_summaries",
      "report_links",
      "report_snapshots",
      "mail_outbox",
      "debrief_readings",
      "questionnaires",
      "questionnaire_links",
      "questionnaire_answers",
    ] as const) {
      const left = await server.db.selectFrom(table).select("assessment_id").where("assessment_id", "in", assessmentIds).execute();
      expect(left, table).toEqual([]);
    }
    const entry = await server.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "candidate.erase")
      .where("entity_type", "=", "candidate")
      .where("entity_id", "=", String(candidateId))
      .executeTakeFirstOrThrow();
    const details: unknown = JSON.parse(entry.details ?? "{}");
    expect(details).toMatchObject({
      assessments: assessmentIds.length,
      scorecardSummaries: summariesBefore,
      reportSnapshots: 1,
      questionnaires: 1,
      questionnaireAnswers: 120,
    });
    const text = JSON.stringify(entry);
    for (const secret of [CANDIDATE_NAME, candidateEmail, CANARY]) expect(text).not.toContain(secret);

    // Gone from the app: the page, the export and the list.
    expect((await request(server.baseURL, `/candidates/${candidateId}`, { cookie: recruiterCookie })).status).toBe(404);
    expect((await exportOf(candidateId)).response.status).toBe(404);
    const list = await (await request(server.baseURL, "/candidates", { cookie: recruiterCookie })).text();
    expect(list).not.toContain(CANDIDATE_NAME);
  });

  it(`leaves no byte of the name, email or a note ${onPostgres() ? "in any row of any table" : "in the database file"}`, async () => {
    const needles = [CANDIDATE_NAME, candidateEmail, CANARY, SNAPSHOT_CANARY].map((s) => Buffer.from(s, "utf8"));
    // secure_delete alone already overwrote the rows: a checkpoint, no VACUUM.
    const checkpointed = await storedBytes(server.db, { vacuum: false });
    for (const needle of needles) expect(checkpointed.includes(needle), `${needle.toString()} after a checkpoint`).toBe(false);
    const vacuumed = await storedBytes(server.db, { vacuum: true });
    for (const needle of needles) expect(vacuumed.includes(needle), `${needle.toString()} after VACUUM`).toBe(false);
  });
});
