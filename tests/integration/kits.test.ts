import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraitkitDb } from "~db/connection";
import { DEMO_KIT } from "../../seeds/demo-kits";
import { DEMO, locationPath, request, signIn, startTestServer, userId, type TestServer } from "./support/test-server";

/*
 * Interview kits through the production build, as a browser without
 * JavaScript posts them: one form per kit, saved whole. The database is read
 * directly to prove what was (and was not) written.
 */

let server: TestServer;
let recruiterCookie: string;
let interviewerCookie: string;
let mlopsQuestionIds: number[];

const KIT_TABLES = [
  "kits",
  "kit_versions",
  "kit_version_traits",
  "kit_questions",
  "kit_question_traits",
  "kit_question_anchors",
  "kit_strengths",
  "kit_red_flags",
  "kit_expectations",
  "assessments",
  "audit_log",
] as const;

beforeAll(async () => {
  server = await startTestServer();
  recruiterCookie = await signIn(server.baseURL, DEMO.recruiter);
  interviewerCookie = await signIn(server.baseURL, DEMO.interviewer1);
  mlopsQuestionIds = await roleQuestionIds(server.db, "mlops-engineer");
});

afterAll(async () => {
  await server?.close();
});

type Entries = [string, string][];

/** A form post with repeated names (checkbox groups), sent as a same-site browser form. */
function post(pathname: string, entries: Entries, cookie: string): Promise<Response> {
  return fetch(new URL(pathname, server.baseURL), {
    method: "POST",
    headers: { Origin: server.baseURL, Cookie: cookie, "Accept-Language": "en" },
    body: new URLSearchParams(entries),
    redirect: "manual",
  });
}

async function roleQuestionIds(db: TraitkitDb, slug: string): Promise<number[]> {
  const rows = await db
    .selectFrom("questions")
    .innerJoin("roles", "roles.id", "questions.role_id")
    .select("questions.id")
    .where("roles.slug", "=", slug)
    .orderBy("questions.position")
    .execute();
  return rows.map((r) => r.id);
}

const CUSTOM_QUESTION = "How do you decide when a model is ready to be retired?";

/**
 * The builder's fields for an MLOps kit: the role questions in `order` (ids,
 * ticked unless in `untick`), then optionally one custom question on openness.
 */
function kitForm(options: {
  name: string;
  level?: string;
  order: number[];
  untick?: number[];
  custom?: boolean;
  strengths?: number[];
  redFlags?: number[];
  intent?: string;
}): Entries {
  const entries: Entries = [
    ["name", options.name],
    ["level", options.level ?? "senior"],
  ];
  options.order.forEach((id, i) => {
    entries.push([`questions.${i}.source`, `role:${id}`]);
    if (!options.untick?.includes(id)) entries.push([`questions.${i}.include`, "on"]);
  });
  let next = options.order.length;
  if (options.custom) {
    const i = next++;
    entries.push(
      [`questions.${i}.source`, "custom"],
      [`questions.${i}.text.en`, CUSTOM_QUESTION],
      [`questions.${i}.traits`, "openness"],
      [`questions.${i}.anchors.openness.1.en`, "Keeps every model forever"],
      [`questions.${i}.anchors.openness.3.en`, "Retires models when asked"],
      [`questions.${i}.anchors.openness.5.en`, "Sets retirement criteria up front"],
    );
  }
  // The always-present empty slot a browser posts too.
  entries.push([`questions.${next}.source`, "custom"], [`questions.${next}.text.en`, ""]);
  for (const position of options.strengths ?? []) entries.push([`strengths.${position - 1}`, String(position)]);
  for (const position of options.redFlags ?? []) entries.push([`redFlags.${position - 1}`, String(position)]);
  entries.push(["intent", options.intent ?? "save"]);
  return entries;
}

async function counts(db: TraitkitDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of KIT_TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

/** Every row of one version, its children included, in a stable order. */
async function versionRows(db: TraitkitDb, versionId: number) {
  const questionIds = (await db.selectFrom("kit_questions").select("id").where("kit_version_id", "=", versionId).execute()).map(
    (r) => r.id,
  );
  const inQuestions = questionIds.length > 0 ? questionIds : [-1];
  return {
    version: await db.selectFrom("kit_versions").selectAll().where("id", "=", versionId).executeTakeFirstOrThrow(),
    traits: await db.selectFrom("kit_version_traits").selectAll().where("kit_version_id", "=", versionId).orderBy("trait").execute(),
    questions: await db.selectFrom("kit_questions").selectAll().where("kit_version_id", "=", versionId).orderBy("position").execute(),
    questionTraits: await db
      .selectFrom("kit_question_traits")
      .selectAll()
      .where("kit_question_id", "in", inQuestions)
      .orderBy("kit_question_id")
      .orderBy("trait")
      .execute(),
    anchors: await db
      .selectFrom("kit_question_anchors")
      .selectAll()
      .where("kit_question_id", "in", inQuestions)
      .orderBy("kit_question_id")
      .orderBy("trait")
      .orderBy("rating")
      .execute(),
    strengths: await db.selectFrom("kit_strengths").selectAll().where("kit_version_id", "=", versionId).orderBy("position").execute(),
    redFlags: await db.selectFrom("kit_red_flags").selectAll().where("kit_version_id", "=", versionId).orderBy("position").execute(),
    expectations: await db.selectFrom("kit_expectations").selectAll().where("kit_version_id", "=", versionId).orderBy("position").execute(),
  };
}

async function versionsOf(db: TraitkitDb, kitId: number) {
  return db.selectFrom("kit_versions").select(["id", "version", "name", "level"]).where("kit_id", "=", kitId).orderBy("version").execute();
}

/** Creates a kit through the builder; returns its id. */
async function createKit(entries: Entries): Promise<number> {
  const response = await post("/kits/new?role=mlops-engineer&level=senior", entries, recruiterCookie);
  await response.body?.cancel();
  expect(response.status).toBe(303);
  const match = /^\/kits\/(\d+)$/.exec(locationPath(response) ?? "");
  expect(match, `redirected to ${response.headers.get("Location")}`).not.toBeNull();
  return Number(match?.[1]);
}

/** An assessment of a new candidate on `kitVersionId`, as the assessments pages will make one. */
async function useVersion(db: TraitkitDb, kitVersionId: number): Promise<number> {
  const now = new Date().toISOString();
  const recruiter = await userId(db, DEMO.recruiter);
  const candidate = await db
    .insertInto("candidates")
    .values({
      name: "Kit Test Candidate",
      email: null,
      role_id: null,
      source: null,
      notes: null,
      created_by: recruiter,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const assessment = await db
    .insertInto("assessments")
    .values({ candidate_id: candidate.id, kit_version_id: kitVersionId, created_by: recruiter, created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return assessment.id;
}

function sourcesInPage(html: string): string[] {
  return [...html.matchAll(/<input[^>]*name="questions\.(\d+)\.source"[^>]*>/g)]
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => /value="([^"]*)"/.exec(m[0])?.[1] ?? "");
}

describe("the demo kit", () => {
  it("is the MLOps Engineer senior panel with the role's 4 questions, 2 strengths, 2 red flags and its ideal profile", async () => {
    const { db } = server;
    const kit = await db.selectFrom("kit_versions").selectAll().where("name", "=", DEMO_KIT.name).executeTakeFirstOrThrow();
    expect(kit).toMatchObject({ version: 1, level: "senior", role_slug: "mlops-engineer", role_name: "MLOps Engineer" });
    const rows = await versionRows(db, kit.id);
    expect(rows.questions.map((q) => q.source_question_id)).toEqual(mlopsQuestionIds);
    expect(rows.strengths).toHaveLength(2);
    expect(rows.redFlags).toHaveLength(2);
    expect(rows.traits).toHaveLength(6);
    // Every trait a question evaluates has its anchors 1, 3 and 5.
    expect(rows.anchors).toHaveLength(rows.questionTraits.length * 3);
  });
});

describe("building a kit", () => {
  it("saves version 1 with the questions in form order, copies of the role's texts, the ideal profile and the level's expectations, mandatory first", async () => {
    const [q1, q2, q3, q4] = mlopsQuestionIds;
    if (q1 === undefined || q2 === undefined || q3 === undefined || q4 === undefined) throw new Error("MLOps has 4 questions");
    const kitId = await createKit(
      kitForm({ name: "Ordered kit", order: [q3, q1, q2, q4], untick: [q4], custom: true, strengths: [1, 3], redFlags: [2] }),
    );
    const [version] = await versionsOf(server.db, kitId);
    expect(version).toMatchObject({ version: 1, name: "Ordered kit", level: "senior" });
    const rows = await versionRows(server.db, version?.id ?? -1);
    expect(rows.questions.map((q) => q.source_question_id)).toEqual([q3, q1, q2, null]);
    expect(JSON.parse(rows.questions[3]?.text ?? "{}")).toEqual({ en: CUSTOM_QUESTION });
    const custom = rows.questions[3]?.id;
    expect(rows.questionTraits.filter((t) => t.kit_question_id === custom).map((t) => t.trait)).toEqual(["openness"]);
    expect(rows.anchors.filter((a) => a.kit_question_id === custom).map((a) => [a.rating, JSON.parse(a.text)])).toEqual([
      [1, { en: "Keeps every model forever" }],
      [3, { en: "Retires models when asked" }],
      [5, { en: "Sets retirement criteria up front" }],
    ]);

    const role = await server.db.selectFrom("roles").select("id").where("slug", "=", "mlops-engineer").executeTakeFirstOrThrow();
    const roleQuestion = await server.db.selectFrom("questions").select("text").where("id", "=", q3).executeTakeFirstOrThrow();
    expect(rows.questions[0]?.text).toBe(roleQuestion.text);
    const strengths = await server.db
      .selectFrom("role_strengths")
      .select("text")
      .where("role_id", "=", role.id)
      .orderBy("position")
      .execute();
    expect(rows.strengths.map((s) => s.text)).toEqual([strengths[0]?.text, strengths[2]?.text]);
    const profile = await server.db
      .selectFrom("role_traits")
      .select(["trait", "low", "high", "weight"])
      .where("role_id", "=", role.id)
      .orderBy("trait")
      .execute();
    expect(rows.traits.map((t) => ({ trait: t.trait, low: t.low, high: t.high, weight: t.weight }))).toEqual(profile);
    const expected = await server.db
      .selectFrom("skill_expectations")
      .select(["mandatory"])
      .where("role_id", "=", role.id)
      .where("level", "=", "senior")
      .execute();
    expect(rows.expectations).toHaveLength(expected.length);
    const mandatory = rows.expectations.map((e) => e.mandatory);
    expect(mandatory).toEqual([...mandatory].sort((a, b) => b - a));

    const audit = await server.db
      .selectFrom("audit_log")
      .select(["action", "entity_type"])
      .where("entity_type", "=", "kit")
      .where("entity_id", "=", String(kitId))
      .execute();
    expect(audit).toEqual([{ action: "kit.create", entity_type: "kit" }]);
  });

  it("builds a kit from custom questions only for a role without questions or ideal profile, and says so", async () => {
    const page = await request(server.baseURL, "/kits/new?role=ml-engineer&level=mid", { cookie: recruiterCookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("This role has no ideal OCEAN+ profile");
    const response = await post(
      "/kits/new?role=ml-engineer&level=mid",
      [
        ["name", "ML Engineer — Mid"],
        ["level", "mid"],
        ["questions.0.source", "custom"],
        ["questions.0.text.en", "Walk me through the last model you shipped."],
        ["questions.0.traits", "conscientiousness"],
        ["questions.0.traits", "openness"],
        ["questions.0.anchors.openness.1.en", "a"],
        ["questions.0.anchors.openness.3.en", "b"],
        ["questions.0.anchors.openness.5.en", "c"],
        ["questions.0.anchors.conscientiousness.1.en", "d"],
        ["questions.0.anchors.conscientiousness.3.en", "e"],
        ["questions.0.anchors.conscientiousness.5.en", "f"],
        ["intent", "save"],
      ],
      recruiterCookie,
    );
    expect(response.status).toBe(303);
    const kitId = Number(/\/kits\/(\d+)/.exec(response.headers.get("Location") ?? "")?.[1]);
    const [version] = await versionsOf(server.db, kitId);
    const rows = await versionRows(server.db, version?.id ?? -1);
    expect(rows.traits).toEqual([]);
    expect(rows.questionTraits.map((t) => t.trait).sort()).toEqual(["conscientiousness", "openness"]);
    const kitPage = await (await request(server.baseURL, `/kits/${kitId}`, { cookie: recruiterCookie })).text();
    expect(kitPage).toContain("This version holds no ideal profile");
  });

  it("moves a question without JavaScript: the form comes back reordered and nothing is stored", async () => {
    const before = await counts(server.db);
    const [q1, q2, q3, q4] = mlopsQuestionIds;
    if (q1 === undefined || q2 === undefined || q3 === undefined || q4 === undefined) throw new Error("MLOps has 4 questions");
    const response = await post(
      "/kits/new?role=mlops-engineer&level=senior",
      kitForm({ name: "Not saved", order: [q1, q2, q3, q4], intent: "move:0:down" }),
      recruiterCookie,
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(sourcesInPage(html)).toEqual([`role:${q2}`, `role:${q1}`, `role:${q3}`, `role:${q4}`, "custom"]);
    // Focus returns to the moved question's button (now question 2), without JavaScript: autofocus.
    expect(html).toMatch(/<button[^>]*autofocus=""[^>]*id="question-1-move-down"|<button[^>]*id="question-1-move-down"[^>]*autofocus=""/);
    expect(await counts(server.db)).toEqual(before);
  });
});

describe("a bad kit form changes nothing", () => {
  it("answers 400 with the errors next to the fields and writes nothing", async () => {
    const before = await counts(server.db);
    const response = await post(
      "/kits/new?role=mlops-engineer&level=senior",
      [
        ["name", "   "],
        ["level", "overlord"],
        ["questions.0.source", "custom"],
        ["questions.0.text.en", "A question without traits"],
        ["strengths.0", "99"],
        ["intent", "save"],
      ],
      recruiterCookie,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("The kit was not saved");
    expect(html).toMatch(/id="kit-name-error"[^>]*>Enter a name for the kit</);
    expect(html).toMatch(/id="kit-level-error"[^>]*>Choose a level</);
    expect(html).toMatch(/id="question-0-traits-error"[^>]*>Tick at least one trait</);
    // Without JavaScript the page starts at the first field in error.
    expect(/<input[^>]*id="kit-name"[^>]*>/.exec(html)?.[0]).toContain('autofocus=""');
    expect(await counts(server.db)).toEqual(before);
  });

  it("refuses a question of another role and a strength the role does not have", async () => {
    const before = await counts(server.db);
    const [other] = await roleQuestionIds(server.db, "data-scientist").then((ids) => (ids.length > 0 ? ids : [999_999]));
    const response = await post(
      "/kits/new?role=mlops-engineer&level=senior",
      [
        ["name", "Forged"],
        ["level", "senior"],
        ["questions.0.source", `role:${other}`],
        ["questions.0.include", "on"],
        ["strengths.0", "42"],
        ["intent", "save"],
      ],
      recruiterCookie,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("This is no longer part of the role");
    expect(await counts(server.db)).toEqual(before);
  });

  it("keeps an edited kit as it was when the edit form is bad", async () => {
    const [q1] = mlopsQuestionIds;
    if (q1 === undefined) throw new Error("MLOps has questions");
    const kitId = await createKit(kitForm({ name: "Kept", order: [q1] }));
    const [version] = await versionsOf(server.db, kitId);
    const before = { counts: await counts(server.db), rows: await versionRows(server.db, version?.id ?? -1) };
    const response = await post(`/kits/${kitId}/edit`, kitForm({ name: "", order: [q1], untick: [q1] }), recruiterCookie);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Enter a name for the kit");
    expect(html).toContain("Tick or write at least one question");
    expect({ counts: await counts(server.db), rows: await versionRows(server.db, version?.id ?? -1) }).toEqual(before);
  });
});

describe("versions", () => {
  it("editing a kit that an assessment uses makes version 2 and leaves version 1's rows unchanged", async () => {
    const [q1, q2, q3, q4] = mlopsQuestionIds;
    if (q1 === undefined || q2 === undefined || q3 === undefined || q4 === undefined) throw new Error("MLOps has 4 questions");
    const kitId = await createKit(kitForm({ name: "Panel A", order: [q1, q2, q3, q4], strengths: [1, 2], redFlags: [1] }));
    const [v1] = await versionsOf(server.db, kitId);
    if (!v1) throw new Error("version 1 exists");
    const assessmentId = await useVersion(server.db, v1.id);
    const v1Before = await versionRows(server.db, v1.id);

    const response = await post(
      `/kits/${kitId}/edit`,
      kitForm({
        name: "Panel A (revised)",
        level: "lead",
        order: [q4, q1, q2, q3],
        untick: [q3],
        custom: true,
        strengths: [2],
        redFlags: [1, 2],
      }),
      recruiterCookie,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`/kits/${kitId}`);

    const versions = await versionsOf(server.db, kitId);
    expect(versions.map((v) => [v.version, v.name, v.level])).toEqual([
      [1, "Panel A", "senior"],
      [2, "Panel A (revised)", "lead"],
    ]);
    expect(await versionRows(server.db, v1.id)).toEqual(v1Before);
    const assessment = await server.db
      .selectFrom("assessments")
      .select("kit_version_id")
      .where("id", "=", assessmentId)
      .executeTakeFirstOrThrow();
    expect(assessment.kit_version_id).toBe(v1.id);
    const v2 = await versionRows(server.db, versions[1]?.id ?? -1);
    expect(v2.questions.map((q) => q.source_question_id)).toEqual([q4, q1, q2, null]);
    expect(v2.strengths).toHaveLength(1);
    expect(v2.redFlags).toHaveLength(2);

    const audit = await server.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_type", "=", "kit")
      .where("entity_id", "=", String(kitId))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["kit.create", "kit.version"]);

    // The kit page shows both, what changed, and which version the assessment uses.
    const html = await (await request(server.baseURL, `/kits/${kitId}`, { cookie: recruiterCookie })).text();
    expect(html).toMatch(/data-version="1"[\s\S]*Used by 1 assessment/);
    expect(html).toContain("Level changed from Senior to Lead.");
    expect(html).toContain("Question removed:");
    expect(html).toMatch(new RegExp(`Question added:(<!-- -->)? (<!-- -->)?<span>${CUSTOM_QUESTION.replace("?", "\\?")}</span>`));
    expect(html).toContain("Questions reordered.");

    // A second edit while version 2 is unused changes version 2 in place.
    const again = await post(
      `/kits/${kitId}/edit`,
      kitForm({ name: "Panel A (v2 fixed)", level: "lead", order: [q4, q1, q2, q3], untick: [q3] }),
      recruiterCookie,
    );
    expect(again.status).toBe(303);
    expect(again.headers.get("Location")).toBe(`/kits/${kitId}`);
    expect((await versionsOf(server.db, kitId)).map((v) => v.name)).toEqual(["Panel A", "Panel A (v2 fixed)"]);
    expect(await versionRows(server.db, v1.id)).toEqual(v1Before);
  });

  it("editing an unused kit changes its latest version in place", async () => {
    const [q1, q2, q3] = mlopsQuestionIds;
    if (q1 === undefined || q2 === undefined || q3 === undefined) throw new Error("MLOps has questions");
    const kitId = await createKit(kitForm({ name: "Draft panel", order: [q1, q2], strengths: [1] }));
    const [before] = await versionsOf(server.db, kitId);
    const response = await post(
      `/kits/${kitId}/edit`,
      kitForm({ name: "Draft panel, final", level: "principal", order: [q3, q2, q1], untick: [q1], redFlags: [3] }),
      recruiterCookie,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`/kits/${kitId}`);
    const versions = await versionsOf(server.db, kitId);
    expect(versions).toEqual([{ id: before?.id, version: 1, name: "Draft panel, final", level: "principal" }]);
    const rows = await versionRows(server.db, before?.id ?? -1);
    expect(rows.questions.map((q) => [q.position, q.source_question_id])).toEqual([
      [1, q3],
      [2, q2],
    ]);
    expect(rows.strengths).toEqual([]);
    expect(rows.redFlags).toHaveLength(1);
    const audit = await server.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_type", "=", "kit")
      .where("entity_id", "=", String(kitId))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["kit.create", "kit.update"]);
  });

  it("opens the edit form with the kit's questions in kit order, then the role's other questions unticked", async () => {
    const [q1, q2, q3, q4] = mlopsQuestionIds;
    if (q1 === undefined || q2 === undefined || q3 === undefined || q4 === undefined) throw new Error("MLOps has 4 questions");
    const kitId = await createKit(kitForm({ name: "Round trip", order: [q2, q4, q1, q3], untick: [q1, q3], custom: true }));
    const html = await (await request(server.baseURL, `/kits/${kitId}/edit`, { cookie: recruiterCookie })).text();
    expect(sourcesInPage(html)).toEqual([`role:${q2}`, `role:${q4}`, "custom", `role:${q1}`, `role:${q3}`, "custom"]);
    expect(html).toContain(CUSTOM_QUESTION);
  });
});

describe("who may do what", () => {
  it("answers 404 for an unknown or malformed kit and version", async () => {
    for (const pathname of [
      "/kits/999999",
      "/kits/abc",
      "/kits/0",
      "/kits/1.5",
      "/kits/999999/print",
      "/kits/1/print?version=99",
      "/kits/1/print?version=x",
      "/kits/999999/edit",
      "/kits/new?role=no-such-role",
    ]) {
      const response = await request(server.baseURL, pathname, { cookie: recruiterCookie });
      await response.body?.cancel();
      expect(response.status, pathname).toBe(404);
    }
    const before = await counts(server.db);
    const response = await post("/kits/999999/edit", kitForm({ name: "Ghost", order: mlopsQuestionIds }), recruiterCookie);
    await response.body?.cancel();
    expect(response.status).toBe(404);
    expect(await counts(server.db)).toEqual(before);
  });

  it("lets an interviewer read and print a kit, but not build or edit one", async () => {
    const demoKit = await server.db.selectFrom("kit_versions").select("kit_id").where("name", "=", DEMO_KIT.name).executeTakeFirstOrThrow();
    for (const [pathname, status] of [
      ["/kits", 200],
      [`/kits/${demoKit.kit_id}`, 200],
      [`/kits/${demoKit.kit_id}/print`, 200],
      ["/kits/new?role=mlops-engineer", 404],
      [`/kits/${demoKit.kit_id}/edit`, 404],
    ] as const) {
      const response = await request(server.baseURL, pathname, { cookie: interviewerCookie });
      await response.body?.cancel();
      expect(response.status, pathname).toBe(status);
    }
    const before = await counts(server.db);
    const response = await post(`/kits/${demoKit.kit_id}/edit`, kitForm({ name: "Hijack", order: mlopsQuestionIds }), interviewerCookie);
    await response.body?.cancel();
    expect(response.status).toBe(404);
    expect(await counts(server.db)).toEqual(before);
  });

  it("sends a signed-out visitor to the sign-in page", async () => {
    for (const pathname of ["/kits", "/kits/1", "/kits/1/print", "/kits/new", "/kits/1/edit"]) {
      const response = await request(server.baseURL, pathname);
      await response.body?.cancel();
      expect(response.status, pathname).toBe(303);
      expect(locationPath(response)).toBe("/login");
    }
  });
});
