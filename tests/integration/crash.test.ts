import fs from "node:fs";
import { latestDecisionOf } from "./support/latest-decision";
import os from "node:os";
import path from "node:path";
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type TraitkitDb } from "~db/connection";
import { migrateToLatest } from "~db/migrator";
import { computePanel } from "../../app/models/panel-results.server";
import { createAssessment } from "../../app/models/assessments.server";
import { loadScoringKit, saveScorecard } from "../../app/models/scorecards.server";
import type { ScoringKit } from "../../app/models/scorecards.server";
import { createCandidate } from "../../app/models/candidates.server";
import { createUser } from "../../app/models/users.server";
import { RECOMMENDATIONS } from "../../app/domain/scoring";
import { TRAIT_KEYS } from "../../app/domain/traits";
import { hashPassword } from "../../app/utils/password.server";
import { mulberry32, pick } from "../../app/utils/seeded-random";
import { loadDemoData } from "../../seeds/demo";
import { demoScoringKit } from "./support/demo-kit";
import { DEMO_KIT } from "../../seeds/demo-kits";
import { DEMO, locationPath, request, signIn, userId } from "./support/test-server";
import { bundleServerRunner, startServerProcess, type ServerProcess, type ServerRunner } from "./support/server-process";

/*
 * Issue #9, crash safety: the production server runs as a child process on a
 * database file while several interviewers save, submit and (the recruiter)
 * reopen scorecards over HTTP; it is killed with SIGKILL at random moments and
 * started again on the same file. After every restart the database is read
 * directly: each scorecard holds exactly what its last acknowledged save sent,
 * or what the save in flight at the kill sent, never a mix; its audit trail
 * counts the same saves; the file passes integrity_check; and every
 * assessment's cached result equals a fresh computePanel.
 *
 * Each scorecard is written by one sequence of requests (one in flight at a
 * time), so "the last acknowledged save" is well defined. Random choices come
 * from a seeded generator: CRASH_SEED=<seed> replays the same saves and kill
 * delays (the interleaving of requests still varies with timing).
 */

const KILLS = 24;
const MIN_KILLS = 20;
const ASSESSMENTS = 4;
/** After a round's first acknowledged save, the kill comes within this many ms. */
const KILL_WINDOW_MS = 400;
const FIRST_ACK_TIMEOUT_MS = 10_000;
const INTERVIEWER3 = { email: "interviewer3@crash.traitkit.test", name: "Irene Crash-Three" };

type Who = "interviewer1" | "interviewer2" | "interviewer3";
type Actor = Who | "recruiter";
const PANEL: readonly Who[] = ["interviewer1", "interviewer2", "interviewer3"];

/** A scorecard's content in the form's terms: what a save sends and what is stored. */
type CardContent = {
  /** "questionId.trait" → 1..5 */
  ratings: Record<string, number>;
  /** questionId → text */
  notes: Record<string, string>;
  /** indexes of the kit's strengths, sorted */
  strengths: number[];
  /** index of the kit's red flag → evidence */
  redFlags: Record<string, string | null>;
  recommendation: string | null;
};
type CardState = { status: "draft" | "submitted"; content: CardContent };

type Operation = { kind: "autosave" | "save" | "submit"; content: CardContent } | { kind: "reopen" };

type Card = {
  assessmentId: number;
  interviewer: Who;
  scorecardId: number;
  random: () => number;
  /** The state after the last save the server acknowledged (or found on disk after a kill). */
  acknowledged: CardState;
  revision: number;
  /** The request sent and not (yet) answered; after a kill, it may or may not be on disk. */
  inFlight: Operation | null;
  /** Operations made so far, so every content sent is distinct. */
  made: number;
  acknowledgedThisRound: boolean;
};

type Figures = {
  kills: number;
  acknowledged: Record<Operation["kind"], number>;
  scorecardChecks: number;
  acknowledgedSavesChecked: number;
  inFlightAtKill: number;
  inFlightFoundSaved: number;
};

let seed: number;
let dir: string;
let databasePath: string;
let runner: ServerRunner | undefined;
let server: ServerProcess | undefined;
let kit: ScoringKit;
let cards: Card[];
let demoRowCounts: { roles: number; users: number };

// ---------- Seeded randomness ----------

function readSeed(): number {
  const given = process.env.CRASH_SEED;
  if (given !== undefined && given !== "") {
    const parsed = Number(given);
    if (!Number.isInteger(parsed)) throw new Error(`CRASH_SEED must be an integer, got ${given}`);
    return parsed;
  }
  return randomInt(2 ** 31);
}

// ---------- The database before the first start ----------

async function countRows(db: TraitkitDb, table: "roles" | "users"): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const EMPTY_CONTENT: CardContent = { ratings: {}, notes: {}, strengths: [], redFlags: {}, recommendation: null };

/**
 * Demo data, a third interviewer, and assessments of new candidates on the
 * demo kit with all three interviewers; every scorecard starts as an empty
 * draft (revision 1), so its id is known before the first kill.
 */
async function prepareDatabase(file: string): Promise<void> {
  const { db } = createDb(file);
  try {
    await migrateToLatest(db);
    const now = new Date();
    const demo = await loadDemoData(db, now);
    if (!demo.loaded) throw new Error("The demo data was not loaded into the new database");
    const recruiterId = await userId(db, DEMO.recruiter);
    const interviewerIds: Record<Who, number> = {
      interviewer1: await userId(db, DEMO.interviewer1),
      interviewer2: await userId(db, DEMO.interviewer2),
      interviewer3: await createUser(db, { ...INTERVIEWER3, role: "interviewer", passwordHash: await hashPassword(DEMO.password) }, now),
    };
    kit = await demoScoringKit(db);

    cards = [];
    for (let n = 1; n <= ASSESSMENTS; n++) {
      const candidate = await createCandidate(
        db,
        {
          name: `Crash Demo-Candidate ${n}`,
          email: null,
          roleSlug: DEMO_KIT.role,
          source: "crash test",
          notes: null,
          differentPerson: false,
        },
        recruiterId,
        now,
      );
      if (!candidate.ok) throw new Error(`createCandidate refused: ${candidate.field}`);
      const assessment = await createAssessment(
        db,
        {
          candidateId: candidate.id,
          kitVersionId: kit.kitVersionId,
          interviewerIds: PANEL.map((who) => interviewerIds[who]),
          actorId: recruiterId,
          schedule: null,
          mail: null,
        },
        now,
      );
      if (!assessment.ok) throw new Error(`createAssessment refused: ${JSON.stringify(assessment.errors)}`);
      for (const who of PANEL) {
        const input = { intent: "save" as const, ratings: [], notes: [], strengths: [], redFlags: [], recommendation: null };
        await saveScorecard(db, { assessmentId: assessment.id, interviewerId: interviewerIds[who], input, kit, mail: null }, now);
        const row = await db
          .selectFrom("scorecards")
          .select("id")
          .where("assessment_id", "=", assessment.id)
          .where("interviewer_id", "=", interviewerIds[who])
          .executeTakeFirstOrThrow();
        cards.push({
          assessmentId: assessment.id,
          interviewer: who,
          scorecardId: row.id,
          random: mulberry32(seed + cards.length + 1),
          acknowledged: { status: "draft", content: EMPTY_CONTENT },
          revision: 1,
          inFlight: null,
          made: 0,
          acknowledgedThisRound: false,
        });
      }
    }
    demoRowCounts = { roles: await countRows(db, "roles"), users: await countRows(db, "users") };
  } finally {
    await db.destroy();
  }
}

// ---------- What a save sends ----------

/** A random, valid scorecard for the demo kit; labelled so that no two saves send the same notes. */
function randomContent(card: Card, label: string, complete: boolean): CardContent {
  const { random } = card;
  const ratings: Record<string, number> = {};
  const notes: Record<string, string> = {};
  for (const question of kit.questions) {
    for (const trait of question.traits) if (random() < 0.8) ratings[`${question.id}.${trait}`] = 1 + Math.floor(random() * 5);
    if (random() < 0.5) notes[String(question.id)] = `${label}: answer ${Math.floor(random() * 1000)} — noted`;
  }
  const strengths = kit.strengths.flatMap((_, index) => (random() < 0.5 ? [index] : []));
  const redFlags: Record<string, string | null> = {};
  for (const [index] of kit.redFlags.entries()) if (random() < 0.3) redFlags[String(index)] = `${label}: evidence ${index}`;
  // A draft may hold no recommendation yet; a submission must.
  const recommendation = complete || random() < 0.5 ? pick(random, RECOMMENDATIONS) : null;
  return { ratings, notes, strengths, redFlags, recommendation };
}

/** The next thing this scorecard's author does, given what the server last acknowledged. */
function nextOperation(card: Card): Operation {
  card.made += 1;
  const label = `${card.interviewer} on assessment ${card.assessmentId}, save ${card.made}`;
  if (card.acknowledged.status === "submitted") return { kind: "reopen" };
  const roll = card.random();
  if (roll < 0.5) return { kind: "autosave", content: randomContent(card, label, false) };
  if (roll < 0.8) return { kind: "save", content: randomContent(card, label, false) };
  return { kind: "submit", content: randomContent(card, label, true) };
}

/** The scorecard form's fields (the contract in app/schemas/scorecard.ts). */
function formFields(intent: "save" | "submit", content: CardContent): URLSearchParams {
  const form = new URLSearchParams({ intent });
  for (const [key, rating] of Object.entries(content.ratings)) form.append(`rating.${key}`, String(rating));
  for (const [questionId, text] of Object.entries(content.notes)) form.append(`notes.${questionId}`, text);
  for (const index of content.strengths) form.append(`strength.${index}`, "on");
  for (const [index, evidence] of Object.entries(content.redFlags)) {
    form.append(`redFlag.${index}`, "on");
    form.append(`redFlagEvidence.${index}`, evidence ?? "");
  }
  if (content.recommendation !== null) form.append("recommendation", content.recommendation);
  return form;
}

function stateAfter(state: CardState, operation: Operation): CardState {
  if (operation.kind === "reopen") return { status: "draft", content: state.content };
  return { status: operation.kind === "submit" ? "submitted" : "draft", content: operation.content };
}

// ---------- Sending saves ----------

type Answer = { acknowledged: true } | { acknowledged: false; why: string };

/**
 * Sends one operation; resolves with whether the server acknowledged it as
 * the app does (autosave: 200 with the new revision; the form and reopen: 303
 * to the page they lead to). Rejects when the connection breaks (the kill).
 */
async function send(baseURL: string, cookies: Record<Actor, string>, card: Card, operation: Operation): Promise<Answer> {
  const scorecardPath = `/assessments/${card.assessmentId}/scorecard`;
  if (operation.kind === "autosave") {
    const response = await request(baseURL, `${scorecardPath}/autosave`, {
      cookie: cookies[card.interviewer],
      form: formFields("save", operation.content),
      headers: { Accept: "application/json" },
    });
    const body = await response.text();
    if (response.status !== 200) return { acknowledged: false, why: `autosave answered ${response.status}: ${body.slice(0, 200)}` };
    const revision = (JSON.parse(body) as { revision?: unknown }).revision;
    if (revision !== card.revision + 1)
      return { acknowledged: false, why: `autosave answered revision ${String(revision)}, expected ${card.revision + 1}` };
    return { acknowledged: true };
  }
  const [pathname, cookie, form, expectedLocation] =
    operation.kind === "reopen"
      ? [
          `/assessments/${card.assessmentId}`,
          cookies.recruiter,
          new URLSearchParams({ intent: "reopen", scorecardId: String(card.scorecardId), confirm: "1" }),
          `/assessments/${card.assessmentId}`,
        ]
      : [
          scorecardPath,
          cookies[card.interviewer],
          formFields(operation.kind, operation.content),
          operation.kind === "submit" ? `/assessments/${card.assessmentId}` : scorecardPath,
        ];
  const response = await request(baseURL, pathname, { cookie, form });
  const body = await response.text();
  // A 303 to /login would be a lost session, not an acknowledged save.
  if (response.status !== 303 || locationPath(response) !== expectedLocation) {
    return {
      acknowledged: false,
      why: `${operation.kind} answered ${response.status} → ${String(locationPath(response))}: ${body.slice(0, 200)}`,
    };
  }
  return { acknowledged: true };
}

type Round = {
  killed: boolean;
  acknowledged: number;
  failure: Error | null;
  firstAcknowledged: Promise<void>;
  authors: Promise<void>[];
};

/** Every scorecard's author saves again and again, one request at a time, until the kill. */
function startRound(baseURL: string, cookies: Record<Actor, string>, figures: Figures): Round {
  let onFirst: () => void = () => undefined;
  const round: Round = {
    killed: false,
    acknowledged: 0,
    failure: null,
    firstAcknowledged: new Promise<void>((resolve) => {
      onFirst = resolve;
    }),
    authors: [],
  };
  const author = async (card: Card): Promise<void> => {
    while (!round.killed && round.failure === null) {
      const operation = nextOperation(card);
      card.inFlight = operation;
      let answer: Answer;
      try {
        answer = await send(baseURL, cookies, card, operation);
      } catch (error) {
        // After the kill a broken connection is expected; before it, the server died on its own.
        if (!round.killed) round.failure = new Error(`A request failed before the kill: ${String(error)}`);
        return;
      }
      if (!answer.acknowledged) {
        round.failure = new Error(`Scorecard ${card.scorecardId}: ${answer.why}`);
        return;
      }
      card.acknowledged = stateAfter(card.acknowledged, operation);
      card.revision += 1;
      card.inFlight = null;
      card.acknowledgedThisRound = true;
      figures.acknowledged[operation.kind] += 1;
      round.acknowledged += 1;
      onFirst();
    }
  };
  round.authors = cards.map((card) => author(card));
  return round;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------- Checking the file after a restart ----------

type StoredCard = { revision: number; audited: number; state: CardState };

/** A scorecard as stored, read back in the form's terms. */
async function readStoredCard(db: TraitkitDb, scorecardId: number): Promise<StoredCard> {
  const row = await db
    .selectFrom("scorecards")
    .select(["status", "recommendation", "revision"])
    .where("id", "=", scorecardId)
    .executeTakeFirstOrThrow();
  const [ratings, notes, strengths, redFlags, audited] = await Promise.all([
    db.selectFrom("ratings").select(["kit_question_id", "trait", "rating"]).where("scorecard_id", "=", scorecardId).execute(),
    db.selectFrom("scorecard_notes").select(["kit_question_id", "notes"]).where("scorecard_id", "=", scorecardId).execute(),
    db.selectFrom("observed_strengths").select("kit_strength_id").where("scorecard_id", "=", scorecardId).execute(),
    db.selectFrom("observed_red_flags").select(["kit_red_flag_id", "evidence"]).where("scorecard_id", "=", scorecardId).execute(),
    db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("entity_type", "=", "scorecard")
      .where("entity_id", "=", String(scorecardId))
      .executeTakeFirstOrThrow(),
  ]);
  const content: CardContent = {
    ratings: Object.fromEntries(ratings.map((r) => [`${r.kit_question_id}.${r.trait}`, r.rating])),
    notes: Object.fromEntries(notes.map((n) => [String(n.kit_question_id), n.notes])),
    strengths: strengths.map((s) => kit.strengths.findIndex((k) => k.id === s.kit_strength_id)).sort((a, b) => a - b),
    redFlags: Object.fromEntries(redFlags.map((f) => [String(kit.redFlags.findIndex((k) => k.id === f.kit_red_flag_id)), f.evidence])),
    recommendation: row.recommendation,
  };
  return { revision: row.revision, audited: Number(audited.n), state: { status: row.status, content } };
}

/**
 * The stored scorecard must be the last acknowledged state or, one revision
 * later, exactly the state of the save in flight at the kill. Adopts what was
 * found as the new acknowledged state.
 */
async function checkCard(db: TraitkitDb, card: Card, figures: Figures): Promise<void> {
  const stored = await readStoredCard(db, card.scorecardId);
  const where = `scorecard ${card.scorecardId} (${card.interviewer}, assessment ${card.assessmentId})`;
  // Every save, submission and reopening is audited in its own transaction: as many audit rows as revisions.
  expect(stored.audited, `${where}: audit rows vs revision`).toBe(stored.revision);
  const inFlight = card.inFlight;
  if (inFlight !== null && stored.revision === card.revision + 1) {
    const expected = stateAfter(card.acknowledged, inFlight);
    expect(stored.state, `${where}: the ${inFlight.kind} in flight at the kill, saved`).toEqual(expected);
    card.acknowledged = expected;
    card.revision = stored.revision;
    figures.inFlightFoundSaved += 1;
  } else {
    expect(stored.revision, `${where}: revision`).toBe(card.revision);
    expect(stored.state, `${where}: the last acknowledged state`).toEqual(card.acknowledged);
  }
  if (inFlight !== null) figures.inFlightAtKill += 1;
  if (card.acknowledgedThisRound) figures.acknowledgedSavesChecked += 1;
  figures.scorecardChecks += 1;
  card.inFlight = null;
  card.acknowledgedThisRound = false;
}

/** Every assessment's cached result (ranking and CSV read it) must equal a fresh computation from the ratings. */
async function checkResults(db: TraitkitDb): Promise<void> {
  const assessments = await db.selectFrom("assessments").select(["id", "kit_version_id"]).orderBy("id").execute();
  const kits = new Map<number, ScoringKit>();
  for (const assessment of assessments) {
    let assessmentKit = kits.get(assessment.kit_version_id);
    if (!assessmentKit) {
      assessmentKit = await loadScoringKit(db, assessment.kit_version_id);
      if (!assessmentKit) throw new Error(`Kit version ${assessment.kit_version_id} cannot be loaded`);
      kits.set(assessment.kit_version_id, assessmentKit);
    }
    const panel = await computePanel(db, assessment.id, assessmentKit);
    const row = await db.selectFrom("assessment_results").selectAll().where("assessment_id", "=", assessment.id).executeTakeFirst();
    const where = `assessment ${assessment.id}`;
    if (!row) {
      // Never submitted to: no cached result is right.
      expect(panel.submittedCount, `${where}: submitted scorecards without a cached result`).toBe(0);
      continue;
    }
    const fresh = {
      role_slug: assessmentKit.roleSlug,
      fit: panel.fit?.fit ?? null,
      coverage: panel.fit?.coverage ?? 0,
      evidence: panel.evidence,
      submitted_scorecards: panel.submittedCount,
      ...Object.fromEntries(
        TRAIT_KEYS.flatMap((trait) => {
          const t = panel.traits[trait];
          return [
            [`${trait}_score`, t.status === "assessed" ? t.score : null],
            [`${trait}_evidence`, t.evidence],
            [`${trait}_calibrate`, t.status === "assessed" && t.needsCalibration ? 1 : 0],
          ];
        }),
      ),
    };
    const { assessment_id: _id, computed_at: _at, ...cached } = row;
    const panelSize = await db
      .selectFrom("assessment_interviewers")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("assessment_id", "=", assessment.id)
      .executeTakeFirstOrThrow();
    const latestDecision = await latestDecisionOf(db, assessment.id);
    expect(cached, `${where}: cached result`).toEqual({
      ...fresh,
      latest: (await isLatestResult(db, assessment.id, assessmentKit.roleSlug)) ? 1 : 0,
      assigned_interviewers: Number(panelSize.n),
      decision: latestDecision,
    });
  }
}

/** Whether the assessment is its candidate's latest with a result for the role: the one the ranking shows. */
async function isLatestResult(db: TraitkitDb, assessmentId: number, roleSlug: string): Promise<boolean> {
  const latest = await db
    .selectFrom("assessment_results as r")
    .innerJoin("assessments as a", "a.id", "r.assessment_id")
    .select("r.assessment_id")
    .where("r.role_slug", "=", roleSlug)
    .where("a.candidate_id", "=", (eb) => eb.selectFrom("assessments").select("candidate_id").where("id", "=", assessmentId))
    .orderBy("a.created_at", "desc")
    .orderBy("a.id", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  return latest.assessment_id === assessmentId;
}

/** A direct connection, while the restarted server idles: the file, every scorecard, every cached result. */
async function checkDatabase(figures: Figures): Promise<void> {
  const { db, sqlite } = createDb(databasePath);
  try {
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    for (const card of cards) await checkCard(db, card, figures);
    await checkResults(db);
    // The restart brought the schema up to date and loaded no demo data again.
    expect({ roles: await countRows(db, "roles"), users: await countRows(db, "users") }).toEqual(demoRowCounts);
  } finally {
    await db.destroy();
  }
}

async function signInEveryone(baseURL: string): Promise<Record<Actor, string>> {
  return {
    recruiter: await signIn(baseURL, DEMO.recruiter),
    interviewer1: await signIn(baseURL, DEMO.interviewer1),
    interviewer2: await signIn(baseURL, DEMO.interviewer2),
    interviewer3: await signIn(baseURL, INTERVIEWER3.email),
  };
}

async function restart(): Promise<ServerProcess> {
  if (!runner) throw new Error("The server runner is not bundled");
  server = await startServerProcess(runner, databasePath);
  return server;
}

// ---------- The test ----------

beforeAll(async () => {
  seed = readSeed();
  console.log(`crash test seed ${seed} (replay with CRASH_SEED=${seed})`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-crash-"));
  databasePath = path.join(dir, "traitkit.sqlite");
  runner = await bundleServerRunner();
  await prepareDatabase(databasePath);
}, 60_000);

afterAll(async () => {
  await server?.kill().catch(() => undefined);
  runner?.remove();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("crash safety (issue #9)", () => {
  it(`keeps every acknowledged scorecard save, whole, through ${KILLS} SIGKILLs of the server`, async () => {
    const figures: Figures = {
      kills: 0,
      acknowledged: { autosave: 0, save: 0, submit: 0, reopen: 0 },
      scorecardChecks: 0,
      acknowledgedSavesChecked: 0,
      inFlightAtKill: 0,
      inFlightFoundSaved: 0,
    };
    const killMoments = mulberry32(seed);
    let running = await restart();
    expect(running.demoLoaded, "the first start loaded demo data again").toBe(false);
    // Sessions live in the database: the cookies survive every restart.
    const cookies = await signInEveryone(running.baseURL);

    for (let kill = 1; kill <= KILLS; kill++) {
      const round = startRound(running.baseURL, cookies, figures);
      await withTimeout(
        round.firstAcknowledged,
        FIRST_ACK_TIMEOUT_MS,
        `Round ${kill}: no save acknowledged within ${FIRST_ACK_TIMEOUT_MS} ms (seed ${seed})`,
      );
      await sleep(Math.floor(killMoments() * KILL_WINDOW_MS));
      round.killed = true;
      await running.kill();
      await Promise.all(round.authors);
      if (round.failure) throw new Error(`Round ${kill} (seed ${seed}): ${round.failure.message}\n${running.output()}`);
      expect(round.acknowledged, `round ${kill}: saves acknowledged before the kill`).toBeGreaterThan(0);
      figures.kills += 1;

      running = await restart();
      expect(running.demoLoaded, `restart ${kill} loaded demo data again`).toBe(false);
      await checkDatabase(figures);
    }

    const acknowledged = Object.values(figures.acknowledged).reduce((sum, n) => sum + n, 0);
    console.log(
      [
        `crash test (seed ${seed}): ${figures.kills} kills survived`,
        `${acknowledged} saves acknowledged (${figures.acknowledged.autosave} autosaves, ${figures.acknowledged.save} form saves, ${figures.acknowledged.submit} submissions, ${figures.acknowledged.reopen} reopenings)`,
        `${figures.scorecardChecks} scorecard checks after restarts, ${figures.acknowledgedSavesChecked} of them against a save acknowledged in that round`,
        `${figures.inFlightAtKill} saves in flight at a kill, ${figures.inFlightFoundSaved} of them found saved`,
      ].join("; "),
    );
    expect(figures.kills).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(acknowledged).toBeGreaterThanOrEqual(figures.kills);
    expect(figures.acknowledgedSavesChecked).toBeGreaterThan(0);
    // Submissions and reopenings change the cached results: the check above must have had some to check.
    expect(figures.acknowledged.submit).toBeGreaterThan(0);
    expect(figures.acknowledged.reopen).toBeGreaterThan(0);
  }, 110_000);
});
