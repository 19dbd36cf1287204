import { newPanelAssessment } from "./support/panel";
import { createHash, randomUUID } from "node:crypto";
import { openDatabase } from "~db/connection";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computePanel } from "../../app/models/panel-results.server";
import type { ScoringKit } from "../../app/models/scorecards.server";
import { createUser } from "../../app/models/users.server";
import { hashPassword } from "../../app/utils/password.server";
import type { TraitKey } from "../../app/domain/traits";
import { NOTES_MAX } from "../../app/schemas/scorecard";
import { demoScoringKit } from "./support/demo-kit";
import { expectIntact, rowsOf } from "./support/database-reading";
import { DEMO_KIT } from "../../seeds/demo-kits";
import { DEMO, locationPath, request, signIn, startTestServer, userId, type TestServer } from "./support/test-server";

/*
 * Issue #6, scorecards through the production build: the plain-POST form
 * contract, autosave, blind scoring on the raw responses (HTML and Remix
 * single-fetch `.data`), concurrent saves, refusals that change nothing,
 * reopening, the panel's cached result and decisions. Fixtures are made with
 * the app's models on the demo kit version; the database is read directly to
 * prove what was (and was not) written.
 */

let server: TestServer;
let kit: ScoringKit;
let ids: { recruiter: number; interviewer1: number; interviewer2: number; outsider: number };
let cookies: { recruiter: string; interviewer1: string; interviewer2: string; outsider: string };
let mlopsRoleId: number;

const OUTSIDER = "outsider.interviewer@example.test";

type Entries = [string, string][];
type Who = "interviewer1" | "interviewer2";

beforeAll(async () => {
  server = await startTestServer();
  const db = server.db;
  kit = await demoScoringKit(db);
  const outsider = await createUser(
    db,
    { email: OUTSIDER, name: "Olga Outsider", role: "interviewer", passwordHash: await hashPassword(DEMO.password) },
    new Date(),
  );
  ids = {
    recruiter: await userId(db, DEMO.recruiter),
    interviewer1: await userId(db, DEMO.interviewer1),
    interviewer2: await userId(db, DEMO.interviewer2),
    outsider,
  };
  cookies = {
    recruiter: await signIn(server.baseURL, DEMO.recruiter),
    interviewer1: await signIn(server.baseURL, DEMO.interviewer1),
    interviewer2: await signIn(server.baseURL, DEMO.interviewer2),
    outsider: await signIn(server.baseURL, OUTSIDER),
  };
  mlopsRoleId = (await db.selectFrom("roles").select("id").where("slug", "=", DEMO_KIT.role).executeTakeFirstOrThrow()).id;
});

afterAll(async () => {
  await server?.close();
});

// ---------- Fixtures and helpers ----------

/** A new candidate (inserted directly) and an assessment on the demo kit version with both demo interviewers. */
async function newAssessment(label: string): Promise<{ id: number; candidateId: number }> {
  return newPanelAssessment(server.db, {
    label: `Test ${label}`,
    kitVersionId: kit.kitVersionId,
    interviewerIds: [ids.interviewer1, ids.interviewer2],
    recruiterId: ids.recruiter,
    roleId: mlopsRoleId,
    source: "test",
  });
}

/** The id of the kit's question at a 0-based position. */
function q(index: number): number {
  const question = kit.questions[index];
  if (!question) throw new Error(`The demo kit has no question ${index + 1}`);
  return question.id;
}

function ratingField(index: number, trait: TraitKey): string {
  return `rating.${q(index)}.${trait}`;
}

function post(pathname: string, entries: Entries, cookie: string): Promise<Response> {
  return request(server.baseURL, pathname, { cookie, form: new URLSearchParams(entries) });
}

function get(pathname: string, cookie: string): Promise<Response> {
  return request(server.baseURL, pathname, { cookie });
}

async function text(response: Response): Promise<string> {
  return response.text();
}

/** Every row of the tables a scorecard post may change, hashed. */
const SCORE_TABLES = [
  "scorecards",
  "ratings",
  "scorecard_notes",
  "observed_strengths",
  "observed_red_flags",
  "assessment_results",
  "decisions",
] as const;

async function checksum(): Promise<string> {
  const hash = createHash("sha256");
  for (const table of SCORE_TABLES) {
    hash.update(`${table}:${JSON.stringify(await rowsOf(server.db, table))}\n`);
  }
  return hash.digest("hex");
}

async function auditCount(): Promise<number> {
  const row = await server.db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function scorecardRow(assessmentId: number, who: Who) {
  return server.db
    .selectFrom("scorecards")
    .selectAll()
    .where("assessment_id", "=", assessmentId)
    .where("interviewer_id", "=", ids[who])
    .executeTakeFirst();
}

/** What is stored for one interviewer's scorecard, in the form's own terms. */
async function storedCard(assessmentId: number, who: Who) {
  const card = await scorecardRow(assessmentId, who);
  if (!card) return undefined;
  const [ratings, notes, strengths, flags] = await Promise.all([
    server.db.selectFrom("ratings").select(["kit_question_id", "trait", "rating"]).where("scorecard_id", "=", card.id).execute(),
    server.db.selectFrom("scorecard_notes").select(["kit_question_id", "notes"]).where("scorecard_id", "=", card.id).execute(),
    server.db.selectFrom("observed_strengths").select("kit_strength_id").where("scorecard_id", "=", card.id).execute(),
    server.db.selectFrom("observed_red_flags").select(["kit_red_flag_id", "evidence"]).where("scorecard_id", "=", card.id).execute(),
  ]);
  return {
    status: card.status,
    recommendation: card.recommendation,
    revision: card.revision,
    ratings: Object.fromEntries(ratings.map((r) => [`rating.${r.kit_question_id}.${r.trait}`, String(r.rating)])),
    notes: Object.fromEntries(notes.map((n) => [`notes.${n.kit_question_id}`, n.notes])),
    strengths: strengths.map((s) => kit.strengths.findIndex((k) => k.id === s.kit_strength_id)).sort(),
    redFlags: Object.fromEntries(flags.map((f) => [String(kit.redFlags.findIndex((k) => k.id === f.kit_red_flag_id)), f.evidence])),
  };
}

/** The same card as posted entries describe it (what storedCard should read back). */
function expectedCard(entries: Entries) {
  const map = new Map<string, string>();
  for (const [name, value] of entries) if (!map.has(name)) map.set(name, value);
  const pick = (prefix: string) =>
    Object.fromEntries(
      [...map].filter(([name, value]) => name.startsWith(prefix) && value.trim() !== "").map(([name, value]) => [name, value.trim()]),
    );
  const ticked = (prefix: string) =>
    [...map]
      .filter(([name, value]) => name.startsWith(prefix) && value === "on")
      .map(([name]) => Number(name.slice(prefix.length)))
      .sort();
  const redFlags = Object.fromEntries(
    ticked("redFlag.").map((index) => [String(index), map.get(`redFlagEvidence.${index}`)?.trim() || null]),
  );
  return {
    recommendation: map.get("recommendation") || null,
    ratings: pick("rating."),
    notes: pick("notes."),
    strengths: ticked("strength."),
    redFlags,
  };
}

/** A complete, valid scorecard's fields for the demo kit. */
function fullCard(options: {
  intent: "save" | "submit";
  ratings: Partial<Record<string, number>>;
  notes?: Record<number, string>;
  strengths?: number[];
  redFlags?: Record<number, string>;
  recommendation?: string;
}): Entries {
  const entries: Entries = [["intent", options.intent]];
  for (const [field, rating] of Object.entries(options.ratings)) if (rating !== undefined) entries.push([field, String(rating)]);
  for (const [index, note] of Object.entries(options.notes ?? {})) entries.push([`notes.${q(Number(index))}`, note]);
  for (const index of options.strengths ?? []) entries.push([`strength.${index}`, "on"]);
  for (const [index, evidence] of Object.entries(options.redFlags ?? {}))
    entries.push([`redFlag.${index}`, "on"], [`redFlagEvidence.${index}`, evidence]);
  if (options.recommendation !== undefined) entries.push(["recommendation", options.recommendation]);
  return entries;
}

async function postScorecard(assessmentId: number, who: Who, entries: Entries): Promise<Response> {
  return post(`/assessments/${assessmentId}/scorecard`, entries, cookies[who]);
}

async function submit(assessmentId: number, who: Who, entries: Entries): Promise<void> {
  const response = await postScorecard(assessmentId, who, entries);
  await response.body?.cancel();
  expect(response.status, `submit by ${who}`).toBe(303);
  expect(locationPath(response)).toBe(`/assessments/${assessmentId}`);
}

/** The cached result must be exactly a fresh recomputation from the ratings. */
async function expectResultIsFresh(assessmentId: number): Promise<void> {
  const row = await server.db
    .selectFrom("assessment_results")
    .selectAll()
    .where("assessment_id", "=", assessmentId)
    .executeTakeFirstOrThrow();
  const panel = await computePanel(server.db, assessmentId, kit);
  expect(row.submitted_scorecards).toBe(panel.submittedCount);
  expect(row.evidence).toBe(panel.evidence);
  expect(row.fit).toBe(panel.fit?.fit ?? null);
  expect(row.coverage).toBe(panel.fit?.coverage ?? 0);
  expect(row.role_slug).toBe(kit.roleSlug);
  for (const trait of [
    "openness",
    "conscientiousness",
    "extraversion",
    "agreeableness",
    "emotional_stability",
    "relational_engagement",
  ] as const) {
    const t = panel.traits[trait];
    expect(row[`${trait}_score`], trait).toBe(t.status === "assessed" ? t.score : null);
    expect(row[`${trait}_evidence`], trait).toBe(t.evidence);
  }
}

/** The text of an element's cells in a server-rendered row, tags stripped. */
function rowCells(html: string, rowStart: string): string[] {
  const start = html.indexOf(rowStart);
  if (start < 0) throw new Error(`No row ${rowStart} in the page`);
  const end = html.indexOf("</tr>", start);
  const row = html.slice(start, end);
  return [...row.matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => decode((m[1] ?? "").replace(/<[^>]+>/g, "")).trim());
}

function decode(s: string): string {
  return s
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The names of the radios and checkboxes checked in a server-rendered page. */
function checkedInputs(html: string): string[] {
  return [...html.matchAll(/<input\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\schecked=""/.test(tag))
    .map((tag) => {
      const name = /\sname="([^"]*)"/.exec(tag)?.[1] ?? "";
      const value = /\svalue="([^"]*)"/.exec(tag)?.[1];
      return value === undefined ? name : `${name}=${value}`;
    })
    .sort();
}

// ---------- Tests ----------

describe("scorecard access", () => {
  it("answers 404 to an interviewer who is not assigned, for GET and POST, and changes nothing", async () => {
    const { id } = await newAssessment("access");
    const before = await checksum();
    const audits = await auditCount();
    for (const path of [
      `/assessments/${id}`,
      `/assessments/${id}.data`,
      `/assessments/${id}/scorecard`,
      `/assessments/${id}/scorecard.data`,
    ]) {
      const response = await get(path, cookies.outsider);
      await response.body?.cancel();
      expect(response.status, `GET ${path}`).toBe(404);
    }
    const entries = fullCard({ intent: "save", ratings: { [ratingField(0, "conscientiousness")]: 4 }, notes: { 0: "outsider" } });
    for (const path of [`/assessments/${id}/scorecard`, `/assessments/${id}/scorecard/autosave`]) {
      const response = await post(path, entries, cookies.outsider);
      await response.body?.cancel();
      expect(response.status, `POST ${path}`).toBe(404);
    }
    const submitted = await post(
      `/assessments/${id}/scorecard`,
      fullCard({ intent: "submit", ratings: {}, recommendation: "yes" }),
      cookies.outsider,
    );
    await submitted.body?.cancel();
    expect(submitted.status).toBe(404);
    // The list does not show it either.
    const list = await text(await get("/assessments", cookies.outsider));
    expectLacks(list, `/assessments/${id}"`);
    expect(await checksum()).toBe(before);
    expect(await auditCount()).toBe(audits);
  });

  it("gives a recruiter who is not on the panel no scorecard (404), and an interviewer no recruiter actions (404)", async () => {
    const { id } = await newAssessment("recruiter-scorecard");
    const before = await checksum();
    const page = await get(`/assessments/${id}/scorecard`, cookies.recruiter);
    await page.body?.cancel();
    expect(page.status).toBe(404);
    const save = await post(
      `/assessments/${id}/scorecard`,
      fullCard({ intent: "save", ratings: { [ratingField(0, "conscientiousness")]: 4 } }),
      cookies.recruiter,
    );
    await save.body?.cancel();
    expect(save.status).toBe(404);
    const decision = await post(
      `/assessments/${id}`,
      [
        ["intent", "decision"],
        ["decision", "advance"],
        ["reason", "not mine to decide"],
      ],
      cookies.interviewer1,
    );
    await decision.body?.cancel();
    expect(decision.status).toBe(404);
    expect(await checksum()).toBe(before);
  });
});

describe("the plain-POST form contract", () => {
  it("saves with intent=save (303 back to the form), on disk for another connection, and shows it all again; empty ratings are not rated", async () => {
    const { id } = await newAssessment("plain-save");
    const entries: Entries = [
      ["intent", "save"],
      [ratingField(0, "conscientiousness"), "4"],
      [ratingField(0, "emotional_stability"), ""],
      [ratingField(1, "openness"), "2"],
      [`notes.${q(0)}`, "Rolled the model back within the hour."],
      [`notes.${q(1)}`, ""],
      ["strength.1", "on"],
      ["redFlag.0", "on"],
      ["redFlagEvidence.0", ""],
      ["redFlagEvidence.1", "typed but not ticked"],
      ["recommendation", ""],
    ];
    const response = await postScorecard(id, "interviewer1", entries);
    await response.body?.cancel();
    expect(response.status).toBe(303);
    expect(locationPath(response)).toBe(`/assessments/${id}/scorecard`);

    // Acknowledged means stored: a separate connection (to the file, or to the server) reads it.
    const other = await openDatabase(server.target);
    try {
      const notes = await other
        .selectFrom("scorecard_notes as n")
        .innerJoin("scorecards as s", "s.id", "n.scorecard_id")
        .select("n.notes")
        .where("s.assessment_id", "=", id)
        .where("s.interviewer_id", "=", ids.interviewer1)
        .execute();
      expect(notes).toEqual([{ notes: "Rolled the model back within the hour." }]);
    } finally {
      await other.destroy();
    }

    const stored = await storedCard(id, "interviewer1");
    expect(stored).toMatchObject({
      status: "draft",
      recommendation: null,
      ratings: { [ratingField(0, "conscientiousness")]: "4", [ratingField(1, "openness")]: "2" },
      notes: { [`notes.${q(0)}`]: "Rolled the model back within the hour." },
      strengths: [1],
      // A ticked red flag may be saved without evidence while a draft.
      redFlags: { "0": null },
    });

    const page = await text(await get(`/assessments/${id}/scorecard`, cookies.interviewer1));
    expect(checkedInputs(page)).toEqual(
      [
        `${ratingField(0, "conscientiousness")}=4`,
        `${ratingField(0, "emotional_stability")}=`,
        `${ratingField(1, "openness")}=2`,
        `${ratingField(1, "conscientiousness")}=`,
        `${ratingField(2, "openness")}=`,
        `${ratingField(2, "conscientiousness")}=`,
        `${ratingField(3, "agreeableness")}=`,
        `${ratingField(3, "relational_engagement")}=`,
        "strength.1",
        "redFlag.0",
        // The kit's skill expectation (MLflow), not asked about: its default.
        "expectations.1=not_asked",
      ].sort(),
    );
    expectHas(page, ">Rolled the model back within the hour.</textarea>");
    expectHas(page, "Saved at ");
  });

  it("refuses a submit without a recommendation (400, the error by the field, the typed values kept) and changes nothing", async () => {
    const { id } = await newAssessment("no-recommendation");
    const draft = fullCard({ intent: "save", ratings: { [ratingField(0, "conscientiousness")]: 3 }, notes: { 0: "first draft" } });
    const saved = await postScorecard(id, "interviewer1", draft);
    await saved.body?.cancel();
    expect(saved.status).toBe(303);
    const before = await checksum();
    const audits = await auditCount();

    const entries = fullCard({
      intent: "submit",
      ratings: { [ratingField(0, "conscientiousness")]: 5, [ratingField(3, "agreeableness")]: 2 },
      notes: { 0: "second thoughts, not saved" },
      strengths: [0],
    });
    const response = await postScorecard(id, "interviewer1", entries);
    expect(response.status).toBe(400);
    const html = await text(response);
    expect(html).toMatch(/<fieldset[^>]*aria-invalid="true"[^>]*aria-describedby="recommendation-error"/);
    expectHas(html, '<p id="recommendation-error" class="field-error">Choose an overall recommendation to submit</p>');
    expectHas(html, "Not submitted: 1 field needs attention");
    // The form comes back as typed.
    expectHas(html, ">second thoughts, not saved</textarea>");
    expect(checkedInputs(html)).toContain(`${ratingField(0, "conscientiousness")}=5`);
    expect(checkedInputs(html)).toContain("strength.0");

    expect(await checksum()).toBe(before);
    expect(await auditCount()).toBe(audits);
    expect(await storedCard(id, "interviewer1")).toMatchObject({ status: "draft", notes: { [`notes.${q(0)}`]: "first draft" } });
  });

  it("refuses a submit with a red flag and no evidence (400, the error by the evidence field) and changes nothing", async () => {
    const { id } = await newAssessment("no-evidence");
    const before = await checksum();
    const entries = fullCard({
      intent: "submit",
      ratings: { [ratingField(0, "conscientiousness")]: 3 },
      redFlags: { 1: "   " },
      recommendation: "no",
    });
    const response = await postScorecard(id, "interviewer1", entries);
    expect(response.status).toBe(400);
    const html = await text(response);
    expect(html).toMatch(
      /<input[^>]*id="redFlagEvidence-1"[^>]*aria-invalid="true"[^>]*aria-describedby="redFlagEvidence-1-error redFlagEvidence-1-hint redFlagEvidence-1-count"/,
    );
    expectHas(html, '<p id="redFlagEvidence-1-error" class="field-error">Write a line of evidence for this red flag</p>');
    expectLacks(html, 'id="recommendation-error"');
    expect(checkedInputs(html)).toEqual(expect.arrayContaining(["recommendation=no", "redFlag.1"]));
    expect(await checksum()).toBe(before);
    expect(await scorecardRow(id, "interviewer1")).toBeUndefined();
  });

  it("answers 400 to ratings for a question or trait not in the kit, or out of range, on the form and on autosave, and changes nothing", async () => {
    const { id } = await newAssessment("outside-kit");
    await postScorecard(id, "interviewer1", fullCard({ intent: "save", ratings: { [ratingField(0, "conscientiousness")]: 3 } })).then((r) =>
      r.body?.cancel(),
    );
    const maxQuestion = await server.db
      .selectFrom("kit_questions")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirstOrThrow();
    const otherQuestion = await server.db
      .selectFrom("kit_questions")
      .select("id")
      .where("kit_version_id", "!=", kit.kitVersionId)
      .executeTakeFirst();
    const unknownQuestion = Number(maxQuestion.id) + 1000;
    const bad: [string, string][] = [
      [`rating.${unknownQuestion}.openness`, "3"], // no such question
      [ratingField(0, "openness"), "3"], // question 1 does not evaluate openness
      [ratingField(0, "extraversion"), "3"], // the kit never evaluates extraversion
      [`rating.${q(0)}.courage`, "3"], // not a trait
      [ratingField(0, "conscientiousness"), "6"],
      [ratingField(0, "conscientiousness"), "0"],
      [ratingField(0, "conscientiousness"), "2.5"],
      [ratingField(0, "conscientiousness"), "high"],
      [`notes.${unknownQuestion}`, "a note on nothing"],
      [`strength.${kit.strengths.length}`, "on"],
      [`redFlag.${kit.redFlags.length}`, "on"],
      ["recommendation", "maybe"],
    ];
    if (otherQuestion) bad.push([`rating.${otherQuestion.id}.openness`, "3"]);
    const before = await checksum();
    const audits = await auditCount();
    for (const [field, value] of bad) {
      const entries: Entries = [
        ["intent", "save"],
        [ratingField(1, "openness"), "4"],
        [field, value],
      ];
      const form = await postScorecard(id, "interviewer1", entries);
      await form.body?.cancel();
      expect(form.status, `form ${field}=${value}`).toBe(400);
      const autosave = await post(`/assessments/${id}/scorecard/autosave`, entries, cookies.interviewer1);
      expect(autosave.status, `autosave ${field}=${value}`).toBe(400);
      const body = (await autosave.json()) as { errors: Record<string, string> };
      expect(Object.keys(body.errors), `autosave ${field}=${value}`).toEqual([field]);
      // A field seen twice keeps its first value: the bad one comes first.
      const submitted = await postScorecard(id, "interviewer1", [
        [field, value],
        ["intent", "submit"],
        ["recommendation", "yes"],
      ]);
      await submitted.body?.cancel();
      expect(submitted.status, `submit ${field}=${value}`).toBe(400);
    }
    const unknownIntent = await postScorecard(id, "interviewer1", [
      ["intent", "publish"],
      [ratingField(1, "openness"), "4"],
    ]);
    await unknownIntent.body?.cancel();
    expect(unknownIntent.status).toBe(400);
    expect(await checksum()).toBe(before);
    expect(await auditCount()).toBe(audits);
  });

  it("never submits through autosave: intent=submit there is a save", async () => {
    const { id } = await newAssessment("autosave-submit");
    const response = await post(
      `/assessments/${id}/scorecard/autosave`,
      fullCard({ intent: "submit", ratings: { [ratingField(0, "conscientiousness")]: 4 }, recommendation: "yes" }),
      cookies.interviewer1,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { revision: number; updatedAt: string };
    expect(body.revision).toBe(1);
    expect(Number.isNaN(Date.parse(body.updatedAt))).toBe(false);
    expect(await storedCard(id, "interviewer1")).toMatchObject({ status: "draft", recommendation: "yes" });
    expect(
      await server.db.selectFrom("assessment_results").select("assessment_id").where("assessment_id", "=", id).executeTakeFirst(),
    ).toBeUndefined();
  });

  it("answers 409 to any further save of a submitted scorecard, on the form and on autosave, and changes nothing", async () => {
    const { id } = await newAssessment("locked");
    await submit(
      id,
      "interviewer1",
      fullCard({ intent: "submit", ratings: { [ratingField(0, "conscientiousness")]: 4 }, recommendation: "yes" }),
    );
    const before = await checksum();
    const audits = await auditCount();
    const change = fullCard({
      intent: "save",
      ratings: { [ratingField(0, "conscientiousness")]: 1 },
      notes: { 0: "changed my mind" },
      recommendation: "strong_no",
    });
    const save = await postScorecard(id, "interviewer1", change);
    expect(save.status).toBe(409);
    expect(await save.text()).toContain("This scorecard was submitted: it is read-only.");
    const resubmit = await postScorecard(id, "interviewer1", [...change.filter(([n]) => n !== "intent"), ["intent", "submit"]]);
    await resubmit.body?.cancel();
    expect(resubmit.status).toBe(409);
    const autosave = await post(`/assessments/${id}/scorecard/autosave`, change, cookies.interviewer1);
    expect(autosave.status).toBe(409);
    expect(await autosave.json()).toEqual({ locked: true });
    expect(await checksum()).toBe(before);
    expect(await auditCount()).toBe(audits);

    // The form is read-only: every field sits in a disabled fieldset, and there is no Save or Submit button.
    const page = await text(await get(`/assessments/${id}/scorecard`, cookies.interviewer1));
    expect(page).toMatch(/<fieldset disabled="" class="scorecard-fields">/);
    expectLacks(page, 'value="submit"');
    expectHas(page, "It is read-only; a recruiter can reopen it.");
  });
});

describe("blind scoring on the raw responses", () => {
  it("shows an interviewer who has not submitted nothing of another's scorecard, in pages or loader data, until they submit", async () => {
    const { id } = await newAssessment("blind");
    const canary = randomUUID().replaceAll("-", "");
    const noteCanary = `NOTECANARY${canary}`;
    const evidenceCanary = `EVIDENCECANARY${canary}`;
    // Interviewer 2 rates question 4 only (which interviewer 1 will not rate), notes every question, flags, recommends strong no, submits.
    const theirs = fullCard({
      intent: "submit",
      ratings: { [ratingField(3, "agreeableness")]: 1, [ratingField(3, "relational_engagement")]: 2 },
      notes: { 0: `${noteCanary}-q1`, 1: `${noteCanary}-q2`, 2: `${noteCanary}-q3`, 3: `${noteCanary}-q4` },
      strengths: [1],
      redFlags: { 0: `${evidenceCanary}-0`, 1: `${evidenceCanary}-1` },
      recommendation: "strong_no",
    });
    await submit(id, "interviewer2", theirs);
    const otherRatingKeys = [`${q(3)}.agreeableness`, `${q(3)}.relational_engagement`];

    // Positive controls: the canaries are findable in raw responses of those who may see them.
    const ownData = await text(await get(`/assessments/${id}/scorecard.data`, cookies.interviewer2));
    expectHas(ownData, noteCanary);
    expectHas(ownData, evidenceCanary);
    for (const key of otherRatingKeys) expectHas(ownData, key);
    expectHas(ownData, "strong_no");
    const recruiterData = await text(await get(`/assessments/${id}.data`, cookies.recruiter));
    expectHas(recruiterData, evidenceCanary);

    const blindPaths = [
      `/assessments/${id}`,
      `/assessments/${id}.data`,
      `/assessments/${id}.data?_routes=${encodeURIComponent("routes/assessments.$id")}`,
      `/assessments/${id}/scorecard`,
      `/assessments/${id}/scorecard.data`,
      `/assessments/${id}/scorecard.data?_routes=${encodeURIComponent("routes/assessments.$id_.scorecard")}`,
      "/assessments",
      "/assessments.data",
    ];
    const expectBlind = async (stage: string, ownRatings: string[]) => {
      for (const path of blindPaths) {
        const response = await get(path, cookies.interviewer1);
        const body = await response.text();
        const where = `${stage}: GET ${path}`;
        expect(response.status, where).toBe(200);
        expectLacks(body, where, canary);
        expectLacks(body, where, "ratingRows");
        expectLacks(body, where, "redFlagsSeen");
        expectLacks(body, where, "interviewerNames");
        expectLacks(body, where, 'data-testid="panel"');
        if (path.includes(".data")) {
          // Loader data: not interviewer 2's rating keys, nor her recommendation.
          for (const key of otherRatingKeys) expectLacks(body, where, key);
          expectLacks(body, where, "strong_no");
        }
        if (path === `/assessments/${id}`) {
          expectHas(body, where, 'data-testid="blind-notice"');
          expectLacks(body, where, "Strong no");
        }
        if (path === `/assessments/${id}/scorecard`) {
          // Only interviewer 1's own choices are checked in the form (not rated and not asked are the defaults).
          expect(
            checkedInputs(body).filter((c) => !c.endsWith("=") && !c.endsWith("=not_asked")),
            where,
          ).toEqual(ownRatings);
        }
      }
    };

    await expectBlind("not started", []);
    // Interviewer 1 saves a draft of their own: still blind.
    const mine = fullCard({ intent: "save", ratings: { [ratingField(0, "conscientiousness")]: 4 }, notes: { 0: "my own draft note" } });
    const saved = await postScorecard(id, "interviewer1", mine);
    await saved.body?.cancel();
    expect(saved.status).toBe(303);
    await expectBlind("draft", [`${ratingField(0, "conscientiousness")}=4`]);
    const autosaved = await post(`/assessments/${id}/scorecard/autosave`, mine, cookies.interviewer1);
    const autosaveBody = await autosaved.text();
    expect(autosaved.status).toBe(200);
    expectLacks(autosaveBody, canary);

    // Once interviewer 1 submits, the panel is theirs to see, red flags with evidence included.
    await submit(id, "interviewer1", [...mine.filter(([n]) => n !== "intent"), ["intent", "submit"], ["recommendation", "yes"]]);
    const after = await text(await get(`/assessments/${id}`, cookies.interviewer1));
    expectHas(after, 'data-testid="panel"');
    expectLacks(after, 'data-testid="blind-notice"');
    expectHas(after, `${evidenceCanary}-0`);
    expectHas(after, `${evidenceCanary}-1`);
    // Submitted, they are on the panel: its evidence holds the other's notes, each under its question.
    for (const n of [1, 2, 3, 4]) expectHas(after, `${noteCanary}-q${n}`);
    const afterData = await text(await get(`/assessments/${id}.data`, cookies.interviewer1));
    expectHas(afterData, "ratingRows");
    expectHas(afterData, noteCanary);
    // Their own scorecard page still shows only their own work.
    const ownAfter = await text(await get(`/assessments/${id}/scorecard.data`, cookies.interviewer1));
    expectLacks(ownAfter, canary);
  });
});

describe("the panel's notes", () => {
  /** The server-rendered evidence of one question (1-based), up to the next question's. */
  function evidenceOf(html: string, number: number): string {
    const start = html.indexOf(`data-question="${number}"`);
    if (start < 0) return "";
    const next = html.indexOf("data-question=", start + 1);
    return decode(html.slice(start, next < 0 ? html.indexOf("</section></section>", start) : next));
  }

  /** One interviewer's item in a question's evidence: their name, ratings and note. */
  function itemOf(evidence: string, name: string): string {
    const start = evidence.indexOf(`data-interviewer="${name}"`);
    if (start < 0) return "";
    const end = evidence.indexOf("</li>", start);
    return evidence.slice(start, end);
  }

  async function nameOf(who: Who): Promise<string> {
    return (await server.db.selectFrom("users").select("name").where("id", "=", ids[who]).executeTakeFirstOrThrow()).name;
  }

  it("shows submitted notes per question, per interviewer, beside their ratings: to the recruiter, and to an interviewer only after submitting", async () => {
    const { id } = await newAssessment("notes");
    const canary = randomUUID().replaceAll("-", "");
    const theirNote = `THEIRNOTE${canary}`;
    const draftNote = `DRAFTNOTE${canary}`;
    // The longest note allowed, with a line break: shown whole, never cut.
    const longNote = `LONGSTART${canary}\n${"evidence ".repeat(600)}`.slice(0, NOTES_MAX - 8) + "LONGEND!";
    expect(longNote.length).toBe(NOTES_MAX);
    await submit(
      id,
      "interviewer2",
      fullCard({
        intent: "submit",
        ratings: { [ratingField(0, "conscientiousness")]: 4 },
        notes: { 0: theirNote, 1: longNote },
        recommendation: "yes",
      }),
    );
    const draft = await postScorecard(
      id,
      "interviewer1",
      fullCard({ intent: "save", ratings: { [ratingField(0, "conscientiousness")]: 2 }, notes: { 0: draftNote } }),
    );
    await draft.body?.cancel();
    expect(draft.status).toBe(303);
    const [name1, name2] = [await nameOf("interviewer1"), await nameOf("interviewer2")];

    // Folded, the evidence is a link to the page with it open (drawn by the server, for a browser without JavaScript).
    const folded = await text(await get(`/assessments/${id}`, cookies.recruiter));
    expectHas(folded, 'data-testid="fold-notes"');
    expectHas(folded, 'href="?show=notes#notes"');
    expectLacks(folded, 'data-testid="evidence-item"');
    // The recruiter: interviewer 2's notes under their questions, beside interviewer 2's rating; a draft's notes nowhere.
    const recruiterPage = await text(await get(`/assessments/${id}?show=notes`, cookies.recruiter));
    expectHas(recruiterPage, 'data-testid="panel-evidence"');
    const q1 = itemOf(evidenceOf(recruiterPage, 1), name2);
    expectHas(q1, theirNote);
    expectHas(q1, "Conscientiousness: 4");
    expect(itemOf(evidenceOf(recruiterPage, 1), name1), "only submitted scorecards are on the panel").toBe("");
    const q2 = itemOf(evidenceOf(recruiterPage, 2), name2);
    expectHas(q2, longNote);
    expectHas(q2, 'data-testid="note-fold"');
    expectHas(q2, "Read the whole note (5000 characters)");
    expectLacks(itemOf(evidenceOf(recruiterPage, 3), name2), canary);
    expectHas(itemOf(evidenceOf(recruiterPage, 3), name2), "No notes.");
    expectLacks(recruiterPage, draftNote);
    expectLacks(await text(await get(`/assessments/${id}.data`, cookies.recruiter)), draftNote);

    // Interviewer 1 with a draft: blind, neither note reaches them but their own on their scorecard.
    for (const path of [`/assessments/${id}?show=notes`, `/assessments/${id}.data`]) {
      const body = await text(await get(path, cookies.interviewer1));
      expectLacks(body, path, theirNote);
      expectLacks(body, path, "LONGSTART");
      expectLacks(body, path, 'data-testid="panel-evidence"');
    }
    // The outsider is refused as before.
    expect((await get(`/assessments/${id}`, cookies.outsider)).status).toBe(404);

    // Submitted, interviewer 1 reads both interviewers' notes, and the recruiter now theirs too.
    await submit(
      id,
      "interviewer1",
      fullCard({ intent: "submit", ratings: { [ratingField(0, "conscientiousness")]: 2 }, notes: { 0: draftNote }, recommendation: "no" }),
    );
    for (const who of ["interviewer1", "recruiter"] as const) {
      const page = await text(await get(`/assessments/${id}?show=notes`, cookies[who]));
      const evidence = evidenceOf(page, 1);
      expectHas(itemOf(evidence, name1), draftNote);
      expectHas(itemOf(evidence, name1), "Conscientiousness: 2");
      expectHas(itemOf(evidence, name2), theirNote);
    }
  });

  it("refuses notes over the limit with a message by the field, on the form and on autosave, and changes nothing", async () => {
    const { id } = await newAssessment("long notes");
    const before = await checksum();
    const over = "x".repeat(NOTES_MAX + 1);
    for (const path of [`/assessments/${id}/scorecard`, `/assessments/${id}/scorecard/autosave`]) {
      const response = await post(
        path,
        [
          ["intent", "save"],
          [`notes.${q(0)}`, over],
        ],
        cookies.interviewer1,
      );
      const body = await response.text();
      expect(response.status, path).toBe(400);
      expectHas(body, path, path.endsWith("autosave") ? `notes.${q(0)}` : "Notes are limited to 5,000 characters");
    }
    expect(await checksum()).toBe(before);
  });
});

describe("concurrent saves", () => {
  it("loses nothing when two interviewers autosave many times at once", async () => {
    const { id } = await newAssessment("concurrent");
    const N = 30;
    const card = (who: Who, k: number): Entries =>
      fullCard({
        intent: "save",
        ratings: {
          [ratingField(0, "conscientiousness")]: (k % 5) + 1,
          [ratingField(0, "emotional_stability")]: ((k + 2) % 5) + 1,
          [ratingField(1, "openness")]: k % 3 === 0 ? undefined : ((k + 1) % 5) + 1,
          [ratingField(3, "agreeableness")]: who === "interviewer1" ? 5 : 1,
        },
        notes: { 0: `${who} save ${k}`, 2: `${who} ${"long note ".repeat(k)}` },
        strengths: k % 2 === 0 ? [0] : [0, 1],
        redFlags: k % 4 === 0 ? { 1: `${who} evidence ${k}` } : {},
        recommendation: ["strong_no", "no", "yes", "strong_yes"][k % 4],
      });
    const posts = Array.from({ length: N }, (_, k) => k).flatMap((k) =>
      (["interviewer1", "interviewer2"] as const).map(async (who) => {
        const entries = card(who, k);
        const response = await post(`/assessments/${id}/scorecard/autosave`, entries, cookies[who]);
        const body = (await response.json()) as { revision?: number; updatedAt?: string };
        return { who, k, entries, status: response.status, revision: body.revision };
      }),
    );
    const results = await Promise.all(posts);

    for (const who of ["interviewer1", "interviewer2"] as const) {
      const mine = results.filter((r) => r.who === who);
      expect(mine.map((r) => r.status)).toEqual(Array.from({ length: N }, () => 200));
      // Each acknowledged save is its own revision: none was merged away or lost.
      expect(mine.map((r) => r.revision).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: N }, (_, i) => i + 1));
      // What is stored is exactly the last acknowledged save, whole.
      const last = mine.reduce((a, b) => ((a.revision ?? 0) > (b.revision ?? 0) ? a : b));
      const stored = await storedCard(id, who);
      expect(stored?.revision).toBe(N);
      expect(stored).toMatchObject({ status: "draft", ...expectedCard(last.entries) });
      const scorecard = await scorecardRow(id, who);
      const audits = await server.db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("action", "=", "scorecard.save")
        .where("entity_id", "=", String(scorecard?.id))
        .executeTakeFirstOrThrow();
      expect(Number(audits.n)).toBe(N);
    }

    await expectIntact(server.db);
  });

  it("keeps both interviewers' plain-POST saves when they interleave with each other's autosaves", async () => {
    const { id } = await newAssessment("concurrent-form");
    const N = 12;
    const results = await Promise.all(
      Array.from({ length: N }, (_, k) => k).flatMap((k) => [
        post(
          `/assessments/${id}/scorecard`,
          fullCard({ intent: "save", ratings: { [ratingField(0, "conscientiousness")]: (k % 5) + 1 }, notes: { 1: `form ${k}` } }),
          cookies.interviewer1,
        ).then(async (r) => {
          await r.body?.cancel();
          return r.status;
        }),
        post(
          `/assessments/${id}/scorecard/autosave`,
          fullCard({ intent: "save", ratings: { [ratingField(2, "openness")]: (k % 5) + 1 }, notes: { 1: `auto ${k}` } }),
          cookies.interviewer2,
        ).then(async (r) => {
          await r.body?.cancel();
          return r.status;
        }),
      ]),
    );
    expect(results.filter((s, i) => i % 2 === 0)).toEqual(Array.from({ length: N }, () => 303));
    expect(results.filter((s, i) => i % 2 === 1)).toEqual(Array.from({ length: N }, () => 200));
    const one = await storedCard(id, "interviewer1");
    const two = await storedCard(id, "interviewer2");
    expect(one?.revision).toBe(N);
    expect(two?.revision).toBe(N);
    expect(Object.keys(one?.ratings ?? {})).toEqual([ratingField(0, "conscientiousness")]);
    expect(Object.keys(two?.ratings ?? {})).toEqual([ratingField(2, "openness")]);
    expect(one?.notes[`notes.${q(1)}`]).toMatch(/^form \d+$/);
    expect(two?.notes[`notes.${q(1)}`]).toMatch(/^auto \d+$/);
    await expectIntact(server.db);
  });
});

describe("the panel", () => {
  // Hand-worked: points = (r − 1) × 25; a trait's score = mean over interviewers of each one's mean points.
  const I1 = {
    ratings: {
      o2: 5,
      o3: 4, // openness: ratings 5, 4 → mean 4.5, points 100, 75 → 87.5
      c1: 4,
      c2: 4,
      c3: 4, // conscientiousness: 4, 4, 4 → 75
      s1: 5, // emotional stability: 5 → 100
    },
  };
  const I2 = {
    ratings: {
      o2: 2, // openness: 2 → 25
      c1: 3, // conscientiousness: 3 → 50
      s1: 2, // emotional stability: 2 → 25
      a4: 4, // agreeableness: 4 → 75
    },
  };

  function fields(ratings: Record<string, number>): Record<string, number> {
    const traitOf: Record<string, TraitKey> = {
      o: "openness",
      c: "conscientiousness",
      s: "emotional_stability",
      a: "agreeableness",
      r: "relational_engagement",
    };
    return Object.fromEntries(
      Object.entries(ratings).map(([key, rating]) => {
        const trait = traitOf[key[0] ?? ""];
        if (!trait) throw new Error(key);
        return [ratingField(Number(key.slice(1)) - 1, trait), rating];
      }),
    );
  }

  it("aggregates submitted scorecards only, by docs/product.md's formulas, and keeps assessment_results equal to a fresh recomputation", async () => {
    const { id } = await newAssessment("panel");
    // Interviewer 1 submits; interviewer 2 only has a wild draft, which must not count.
    await submit(
      id,
      "interviewer1",
      fullCard({ intent: "submit", ratings: fields(I1.ratings), strengths: [0], recommendation: "strong_yes" }),
    );
    const draft = await postScorecard(
      id,
      "interviewer2",
      fullCard({
        intent: "save",
        ratings: fields({ o2: 1, o3: 1, c1: 1, c2: 1, c3: 1, s1: 1, a4: 1, r4: 1 }),
        recommendation: "strong_no",
      }),
    );
    await draft.body?.cancel();
    await expectResultIsFresh(id);
    const onlyOne = await text(await get(`/assessments/${id}`, cookies.recruiter));
    // Openness from interviewer 1 alone: 87.5 (one decimal, so 85 + 2.5 adds up), two ratings, mean rating 4.50, no spread, 2.5 above the band's top.
    expect(rowCells(onlyOne, '<tr data-trait="openness">')).toEqual([
      "Openness",
      "87.5",
      "2",
      name("Interviewer One: 4.50"),
      "0.00",
      band("openness"),
      bandGapText("openness", 87.5),
    ]);
    expect(rowCells(onlyOne, '<tr data-trait="agreeableness">').slice(0, 2)).toEqual(["Agreeableness", "not assessed"]);
    expect(recommendationsOf(onlyOne)).toEqual(["Strong no: 0", "No: 0", "Yes: 0", "Strong yes: 1"]);

    await submit(
      id,
      "interviewer2",
      fullCard({
        intent: "submit",
        ratings: fields(I2.ratings),
        redFlags: { 1: "Could not say how a past run was reproduced." },
        recommendation: "no",
      }),
    );
    await expectResultIsFresh(id);
    const result = await server.db.selectFrom("assessment_results").selectAll().where("assessment_id", "=", id).executeTakeFirstOrThrow();
    expect(result.submitted_scorecards).toBe(2);
    expect(result.openness_score).toBe((87.5 + 25) / 2);
    expect(result.conscientiousness_score).toBe((75 + 50) / 2);
    expect(result.emotional_stability_score).toBe((100 + 25) / 2);
    expect(result.agreeableness_score).toBe(75);
    expect(result.relational_engagement_score).toBeNull();
    expect(result.extraversion_score).toBeNull();
    expect(result.evidence).toBe(3 + 4 + 2 + 1);

    // The fit by hand from the frozen profile (bands and weights read from the kit version).
    const profile = kit.idealProfile;
    if (!profile) throw new Error("The demo kit froze no ideal profile");
    const scores: Partial<Record<TraitKey, number>> = {
      openness: 56.25,
      conscientiousness: 62.5,
      emotional_stability: 62.5,
      agreeableness: 75,
    };
    let num = 0;
    let den = 0;
    let used = 0;
    let all = 0;
    for (const [trait, band] of Object.entries(profile) as [TraitKey, { low: number; high: number; weight: number }][]) {
      if (band.low === 0 && band.high === 100) continue;
      all += band.weight;
      const c = scores[trait];
      if (c === undefined) continue;
      used += band.weight;
      const g = Math.max(0, band.low - c, c - band.high);
      const G = Math.max(band.low, 100 - band.high);
      num += band.weight * g * g;
      den += band.weight * G * G;
    }
    const fit = 100 * (1 - Math.sqrt(num) / Math.sqrt(den));
    expect(result.fit).toBeCloseTo(fit, 9);
    expect(result.coverage).toBeCloseTo(used / all, 12);

    // The ratings behind the scores open, as their fold's link asks the server.
    const html = await text(await get(`/assessments/${id}?show=ratings`, cookies.recruiter));
    const gap = (trait: TraitKey) => bandGapText(trait, scores[trait] ?? 0);
    expect(rowCells(html, '<tr data-trait="openness">')).toEqual([
      "Openness",
      "56.3",
      "3",
      name("Interviewer One: 4.50; Interviewer Two: 2.00"),
      "2.50 calibrate",
      band("openness"),
      gap("openness"),
    ]);
    expect(rowCells(html, '<tr data-trait="conscientiousness">')).toEqual([
      "Conscientiousness",
      "62.5",
      "4",
      name("Interviewer One: 4.00; Interviewer Two: 3.00"),
      "1.00",
      band("conscientiousness"),
      gap("conscientiousness"),
    ]);
    expect(rowCells(html, '<tr data-trait="emotional_stability">')).toEqual([
      "Emotional Stability",
      "62.5",
      "2",
      name("Interviewer One: 5.00; Interviewer Two: 2.00"),
      "3.00 calibrate",
      band("emotional_stability"),
      gap("emotional_stability"),
    ]);
    expect(rowCells(html, '<tr data-trait="agreeableness">')).toEqual([
      "Agreeableness",
      "75",
      "1",
      name("Interviewer Two: 4.00"),
      "0.00",
      band("agreeableness"),
      gap("agreeableness"),
    ]);
    expect(rowCells(html, '<tr data-trait="relational_engagement">').slice(0, 2)).toEqual(["Relational Engagement", "not assessed"]);
    expect(rowCells(html, '<tr data-trait="extraversion">').slice(0, 2)).toEqual(["Extraversion", "not in this kit"]);
    expect(decode(/<p data-testid="fit">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "")).toBe(
      `${Math.round(fit)}% fit, coverage ${Math.round((used / all) * 100)}%`,
    );
    expect(recommendationsOf(html)).toEqual(["Strong no: 0", "No: 1", "Yes: 0", "Strong yes: 1"]);
    expectHas(html, "Could not say how a past run was reproduced.");
    // The ratings behind the scores: one row per question and trait, one column per submitted interviewer.
    expect(rowCells(html, "<tr><td>2</td><td>Openness</td>")).toEqual(["2", "Openness", "5", "2"]);
    expect(rowCells(html, "<tr><td>3</td><td>Openness</td>")).toEqual(["3", "Openness", "4", "—"]);
    expect(rowCells(html, "<tr><td>4</td><td>Relational Engagement</td>")).toEqual(["4", "Relational Engagement", "—", "—"]);

    // An interviewer who has submitted sees the same panel.
    const theirs = await text(await get(`/assessments/${id}`, cookies.interviewer2));
    expectHas(theirs, 'data-testid="panel"');
    expect(rowCells(theirs, '<tr data-trait="openness">')).toEqual(rowCells(html, '<tr data-trait="openness">'));
  });

  it("lets a recruiter reopen a submitted scorecard: audited, assessment_results refreshed, the interviewer can change and resubmit", async () => {
    const { id } = await newAssessment("reopen");
    await submit(id, "interviewer1", fullCard({ intent: "submit", ratings: fields(I1.ratings), recommendation: "yes" }));
    await submit(id, "interviewer2", fullCard({ intent: "submit", ratings: fields(I2.ratings), recommendation: "no" }));
    await expectResultIsFresh(id);
    const card = await scorecardRow(id, "interviewer2");
    if (!card) throw new Error("no scorecard");

    // Not by an interviewer, not a draft, not a scorecard of another assessment.
    const other = await newAssessment("reopen-other");
    const before = await checksum();
    for (const [cookie, assessment, expected] of [
      [cookies.interviewer1, id, 404],
      [cookies.interviewer2, id, 404],
      [cookies.recruiter, other.id, 404],
    ] as const) {
      const response = await post(
        `/assessments/${assessment}`,
        [
          ["intent", "reopen"],
          ["scorecardId", String(card.id)],
          ["confirm", "1"],
        ],
        cookie,
      );
      await response.body?.cancel();
      expect(response.status).toBe(expected);
    }
    expect(await checksum()).toBe(before);

    const reopened = await post(
      `/assessments/${id}`,
      [
        ["intent", "reopen"],
        ["scorecardId", String(card.id)],
        ["confirm", "1"],
      ],
      cookies.recruiter,
    );
    await reopened.body?.cancel();
    expect(reopened.status).toBe(303);
    expect(locationPath(reopened)).toBe(`/assessments/${id}`);
    const audit = await server.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "scorecard.reopen")
      .where("entity_id", "=", String(card.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: ids.recruiter, entity_type: "scorecard" });
    expect(JSON.parse(audit[0]?.details ?? "{}")).toMatchObject({ assessment: id });
    expect(await scorecardRow(id, "interviewer2")).toMatchObject({ status: "draft", submitted_at: null, revision: card.revision + 1 });
    await expectResultIsFresh(id);
    const result = await server.db.selectFrom("assessment_results").selectAll().where("assessment_id", "=", id).executeTakeFirstOrThrow();
    expect(result.submitted_scorecards).toBe(1);
    expect(result.agreeableness_score).toBeNull();
    expect(result.openness_score).toBe(87.5);

    // A second reopen of the same (now draft) scorecard is refused.
    const again = await post(
      `/assessments/${id}`,
      [
        ["intent", "reopen"],
        ["scorecardId", String(card.id)],
        ["confirm", "1"],
      ],
      cookies.recruiter,
    );
    await again.body?.cancel();
    expect(again.status).toBe(404);

    // Back to blind for interviewer 2, whose scorecard is editable again, with everything kept.
    const overview = await text(await get(`/assessments/${id}`, cookies.interviewer2));
    expectHas(overview, 'data-testid="blind-notice"');
    const form = await text(await get(`/assessments/${id}/scorecard`, cookies.interviewer2));
    expect(form).not.toMatch(/<fieldset disabled=""/);
    expect(checkedInputs(form)).toEqual(expect.arrayContaining([`${ratingField(3, "agreeableness")}=4`, "recommendation=no"]));
    await submit(
      id,
      "interviewer2",
      fullCard({ intent: "submit", ratings: { ...fields(I2.ratings), [ratingField(3, "agreeableness")]: 5 }, recommendation: "yes" }),
    );
    await expectResultIsFresh(id);
    const resubmitted = await server.db
      .selectFrom("assessment_results")
      .selectAll()
      .where("assessment_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(resubmitted.submitted_scorecards).toBe(2);
    expect(resubmitted.agreeableness_score).toBe(100);
  });
});

describe("decisions", () => {
  it("records advance, hold or reject with a reason: audited, shown on the assessment and the candidate; refuses one without a reason", async () => {
    const { id, candidateId } = await newAssessment("decision");
    const before = await checksum();
    const audits = await auditCount();
    for (const entries of [
      [
        ["intent", "decision"],
        ["decision", "advance"],
        ["reason", "   "],
      ],
      [
        ["intent", "decision"],
        ["reason", "No decision picked"],
      ],
      [
        ["intent", "decision"],
        ["decision", "promote"],
        ["reason", "Not a decision"],
      ],
    ] as Entries[]) {
      const response = await post(`/assessments/${id}`, entries, cookies.recruiter);
      expect(response.status, JSON.stringify(entries)).toBe(400);
      const html = await response.text();
      expect(html).toMatch(/Give a reason|Choose advance, hold or reject/);
    }
    expect(await checksum()).toBe(before);
    expect(await auditCount()).toBe(audits);

    const reason = "Strong on reproducibility; calibrate emotional stability in the final round.";
    const response = await post(
      `/assessments/${id}`,
      [
        ["intent", "decision"],
        ["decision", "hold"],
        ["reason", reason],
      ],
      cookies.recruiter,
    );
    await response.body?.cancel();
    expect(response.status).toBe(303);
    expect(locationPath(response)).toBe(`/assessments/${id}`);
    const decision = await server.db.selectFrom("decisions").selectAll().where("assessment_id", "=", id).executeTakeFirstOrThrow();
    expect(decision).toMatchObject({ decision: "hold", reason, decided_by: ids.recruiter });
    const audit = await server.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "decision.record")
      .where("entity_id", "=", String(decision.id))
      .executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(ids.recruiter);
    expect(JSON.parse(audit.details ?? "{}")).toMatchObject({ assessment: id, decision: "hold" });

    const html = await text(await get(`/assessments/${id}`, cookies.recruiter));
    const list = decode((/<ul class="compact" data-testid="decisions">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "").replace(/<[^>]+>/g, ""));
    expect(list).toMatch(/^Hold by .+, .+: Strong on reproducibility; calibrate emotional stability in the final round\.$/);
    const candidate = await text(await get(`/candidates/${candidateId}`, cookies.recruiter));
    expectHas(candidate, '<span class="badge">Hold</span>');
    // Interviewers do not see decisions.
    const interviewerView = await text(await get(`/assessments/${id}`, cookies.interviewer1));
    expectLacks(interviewerView, reason);
  });
});

/** Assertions on whole pages that print a few words, not the page, when they fail. */
function expectHas(body: string, labelOrNeedle: string, needle?: string): void {
  const [label, what] = needle === undefined ? ["", labelOrNeedle] : [labelOrNeedle, needle];
  expect(body.includes(what), `${label} should contain ${JSON.stringify(what)}`).toBe(true);
}

function expectLacks(body: string, labelOrNeedle: string, needle?: string): void {
  const [label, what] = needle === undefined ? ["", labelOrNeedle] : [labelOrNeedle, needle];
  const at = body.indexOf(what);
  expect(
    at < 0 ? "" : body.slice(Math.max(0, at - 200), at + what.length + 200),
    `${label} should not contain ${JSON.stringify(what)}`,
  ).toBe("");
}

/** The recommendations tally as shown. */
function recommendationsOf(html: string): string[] {
  const list = /<ul class="compact" data-testid="recommendations">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "";
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => decode((m[1] ?? "").replace(/<!-- -->/g, "")));
}

const names = { interviewer1: "", interviewer2: "" };
beforeAll(async () => {
  const rows = await server.db.selectFrom("users").select(["id", "name"]).where("id", "in", [ids.interviewer1, ids.interviewer2]).execute();
  names.interviewer1 = rows.find((r) => r.id === ids.interviewer1)?.name ?? "";
  names.interviewer2 = rows.find((r) => r.id === ids.interviewer2)?.name ?? "";
});

/** "Interviewer One/Two" replaced by the demo interviewers' display names. */
function name(s: string): string {
  return s.replaceAll("Interviewer One", names.interviewer1).replaceAll("Interviewer Two", names.interviewer2);
}

/** The ideal band of a trait as the trait table shows it. */
function band(trait: TraitKey): string {
  const b = kit.idealProfile?.[trait];
  if (!b) throw new Error("The demo kit froze no ideal profile");
  return `${b.low}–${b.high} (×${b.weight})`;
}

/** g = max(0, low − c, c − high), as the trait table shows it. */
function bandGapText(trait: TraitKey, score: number): string {
  const b = kit.idealProfile?.[trait];
  if (!b) throw new Error("The demo kit froze no ideal profile");
  // The gap from the score as shown (one decimal), so that the two add up on the page.
  const shown = Math.round(score * 10) / 10;
  return new Intl.NumberFormat("en", { maximumFractionDigits: 1 }).format(Math.max(0, b.low - shown, shown - b.high));
}
