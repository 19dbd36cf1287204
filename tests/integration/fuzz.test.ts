import fc from "fast-check";
import { questionnaireAtStage } from "./support/questionnaire";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getKitBuilderSource, newKitFormValues } from "../../app/models/kit-builder.server";
import { getKitEditor } from "../../app/models/kit-views.server";
import { createCandidate } from "../../app/models/candidates.server";
import { readSkillProfileDocument } from "../../app/models/profile-versions.server";
import { readRoleFile } from "../../app/models/role-export.server";
import { publishReport } from "../../app/models/report.server";
import { selfReportItems } from "../../app/models/questionnaire-items.server";
import { createInvite, createUser } from "../../app/models/users.server";
import { DECISIONS } from "../../app/domain/decisions";
import { roleToFormValues } from "../../app/schemas/role-form";
import { LEVELS } from "../../app/domain/levels";
import { RECOMMENDATIONS } from "../../app/domain/scoring";
import { TRAIT_KEYS } from "../../app/domain/traits";
import { concretePath, routeFiles } from "./support/access-matrix";
import {
  brief,
  changedTables,
  databaseChecksums,
  encodeBody,
  encoding,
  entriesOf,
  FuzzStats,
  hostileNumber,
  hostileQuery,
  hostileSegment,
  hostileString,
  mutatedForm,
  postBody,
  Sessions,
  type Body,
  type Checksums,
  type Encoding,
  type Entry,
  type IgnoredColumns,
} from "./support/fuzz";
import { DEMO, formFields, locationPath, request, signIn, startTestServer, userId, type TestServer } from "./support/test-server";

/*
 * Issue 9, part 2: property-based fuzzing of every action and every route of
 * the production build, as every role. The invariants:
 *   - no request gets a 5xx;
 *   - a refused request (any 4xx, or a redirect to the sign-in page) leaves
 *     every table of the database as it was;
 *   - a 400 page tells the reader what is wrong.
 * Forms start from a valid one and are mutated (fields dropped, repeated,
 * replaced by hostile values, unknown fields added), so that the deep rules
 * are reached and not only the first check. The seed is fixed so a failure
 * reproduces; FUZZ_SEED=<n> tries another one, FUZZ_SCALE=<k> k times as many.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_251_122);
/** FUZZ_SCALE=10 for a longer session; the default keeps the file well under a minute on a 2-core machine. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);

const TEST_TIMEOUT_MS = 30_000 * Math.max(1, SCALE);

function scaled(numRuns: number): number {
  return Math.max(1, Math.round(numRuns * SCALE));
}

/*
 * Columns that change on requests that change nothing: excluded from the
 * checksum so that a refusal is judged on what it must not touch.
 *   sessions.last_seen_at: any signed-in request refreshes it (at most once a
 *   minute, app/models/sessions.server.ts) whatever the answer; the rest of the
 *   session row (who, since when, until when) is compared.
 *   questionnaire_links.last_opened_at: opening a questionnaire link records
 *   when, the page shown after a refused post included (as a report's open).
 * Nothing else is excluded: the app audits no refusal (recordAudit is only
 * called on writes and exports) and keeps no request log in the database.
 */
const IGNORED_COLUMNS: IgnoredColumns = { sessions: ["last_seen_at"], questionnaire_links: ["last_opened_at"] };

type Role = "anonymous" | "interviewer1" | "interviewer2" | "recruiter";
const ROLES: readonly Role[] = ["anonymous", "interviewer1", "interviewer2", "recruiter"];

/** Role arbitrary weighted towards the role that gets past authorization, so the forms' rules get exercised. */
function roleArb(favoured: Role | readonly Role[]): fc.Arbitrary<Role> {
  const favourite = typeof favoured === "string" ? [favoured] : favoured;
  return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...favourite) }, { weight: 1, arbitrary: fc.constantFrom(...ROLES) });
}

/** `form`: sent as a browser sends a form (urlencoded or multipart), else a body that is no form at all. */
type FuzzBody = { body: Body; label: string; form: boolean };

/** One fuzzed request: who sends it, where, and with what. */
type FuzzCase = { role: Role; path: string; body: FuzzBody; headers: Record<string, string> };

type Plan = {
  /** As in README's access table: "POST /assessments/:id". */
  route: string;
  numRuns: number;
  role: fc.Arbitrary<Role>;
  path: fc.Arbitrary<string>;
  body: fc.Arbitrary<FuzzBody>;
  headers?: fc.Arbitrary<Record<string, string>>;
  /** The request may end its own session (logout, sign-in): give it one of its own. */
  throwawaySession?: boolean;
  /** Tables a refusal with this status may change, and why, next to the plan. */
  mayChangeOnRefusal?: (status: number) => readonly string[];
};

let server: TestServer;
let sessions: Sessions;
const stats = new FuzzStats();
const userIds = new Map<Role, number>();

/** Demo accounts as they were: a fuzzed role change or deactivation of one is undone so later plans keep their actors. */
let demoAccounts: { id: number; role: "recruiter" | "interviewer"; deactivated_at: string | null }[] = [];

/** The database's checksums when nothing was written since; undefined when they must be taken again. */
let cached: { sums: Checksums; sessionWrites: number } | undefined;

// ---------- Data the plans draw from, read in beforeAll ----------

const data = {
  roleSlugs: [] as string[],
  skillSlugs: [] as string[],
  candidateIds: [] as number[],
  spareCandidateIds: [] as number[],
  kitIds: [] as number[],
  kitVersionIds: [] as number[],
  assessmentIds: [] as number[],
  scorecardIds: [] as number[],
  reportIds: [] as number[],
  reportTokens: [] as string[],
  inviteTokens: [] as string[],
  /** Questionnaire links sent, consented to (some answers saved) and submitted. */
  questionnaireTokens: [] as string[],
  /** Invites only the users plan cancels, so POST /invite/:token keeps its own. */
  cancellableInviteIds: [] as number[],
  spareUserIds: [] as number[],
  kitQuestions: [] as { id: number; traits: string[] }[],
  kitStrengths: 0,
  kitRedFlags: 0,
  kitNewForm: [] as Entry[],
  kitEditForm: [] as Entry[],
  roleEditForm: [] as Entry[],
  roleFile: {} as Record<string, unknown>,
  /** The demo's change proposals, and the MLflow skill's expectations as its form posts them. */
  proposalIds: [] as number[],
  skillForm: [] as Entry[],
};

async function readIds(table: "candidates" | "kits" | "kit_versions" | "assessments" | "scorecards"): Promise<number[]> {
  const rows = await server.db.selectFrom(table).select("id").orderBy("id").execute();
  return rows.map((row) => row.id);
}

async function prepareAccounts(now: Date): Promise<void> {
  userIds.set("recruiter", await userId(server.db, DEMO.recruiter));
  userIds.set("interviewer1", await userId(server.db, DEMO.interviewer1));
  userIds.set("interviewer2", await userId(server.db, DEMO.interviewer2));
  // Targets for /settings/users: role changes and deactivations land on these, never on the demo accounts the plans act as.
  for (const [i, role] of (["interviewer", "interviewer", "recruiter"] as const).entries()) {
    data.spareUserIds.push(
      await createUser(
        server.db,
        { email: `fuzz-spare-${i}@example.test`, name: `Fuzz Spare ${i}`, role, passwordHash: "not-a-password-hash" },
        now,
      ),
    );
  }
  const recruiterId = userIds.get("recruiter") ?? 0;
  for (let i = 0; i < 8; i++) {
    const invite = await server.db
      .transaction()
      .execute((trx) =>
        createInvite(trx, { email: `fuzz-invitee-${i}@example.test`, role: "interviewer", invitedBy: recruiterId, mail: null }, now),
      );
    data.inviteTokens.push(invite.token);
  }
  for (let i = 0; i < 2; i++) {
    const invite = await server.db
      .transaction()
      .execute((trx) =>
        createInvite(trx, { email: `fuzz-cancellable-${i}@example.test`, role: "recruiter", invitedBy: recruiterId, mail: null }, now),
      );
    data.cancellableInviteIds.push(invite.id);
  }
  demoAccounts = await server.db
    .selectFrom("users")
    .select(["id", "role", "deactivated_at"])
    .where("id", "in", [...userIds.values()])
    .execute();
}

async function prepareRecords(now: Date): Promise<void> {
  const recruiterId = userIds.get("recruiter") ?? 0;
  data.roleSlugs = (await server.db.selectFrom("roles").select("slug").orderBy("id").execute()).map((r) => r.slug);
  data.skillSlugs = (await server.db.selectFrom("skills").select("slug").orderBy("id").limit(10).execute()).map((r) => r.slug);
  data.candidateIds = await readIds("candidates");
  // Erasure by the fuzzer falls mostly on these, so the demo's candidates keep their assessments for the other plans.
  for (let i = 0; i < 10; i++) {
    const created = await createCandidate(
      server.db,
      { name: `Fuzz Spare Candidate ${i}`, email: null, roleSlug: "mlops-engineer", source: null, notes: null, differentPerson: false },
      recruiterId,
      now,
    );
    if (created.ok) data.spareCandidateIds.push(created.id);
  }
  data.kitIds = await readIds("kits");
  data.kitVersionIds = await readIds("kit_versions");
  data.assessmentIds = await readIds("assessments");
  data.scorecardIds = await readIds("scorecards");
  data.proposalIds = (await server.db.selectFrom("proposals").select("id").orderBy("id").execute()).map((row) => row.id);
  for (const [i, assessmentId] of data.assessmentIds.slice(0, 3).entries()) {
    const report = await publishReport(
      server.db,
      { assessmentId, language: i % 2 === 0 ? "en" : "es", expiresAt: null, actorId: recruiterId },
      now,
    );
    if (!report.ok) throw new Error(`Assessment ${assessmentId} has no submitted scorecard to publish`);
    data.reportIds.push(report.id);
    data.reportTokens.push(report.token);
  }
}

/**
 * Questionnaire links at each stage, on assessments of a candidate of their
 * own, made after the other lists were read: the other plans draw as before,
 * and no erasure by them takes these away.
 */
async function prepareQuestionnaires(now: Date): Promise<void> {
  const recruiterId = userIds.get("recruiter") ?? 0;
  const candidate = await createCandidate(
    server.db,
    { name: "Fuzz Questionnaire Candidate", email: null, roleSlug: "mlops-engineer", source: null, notes: null, differentPerson: false },
    recruiterId,
    now,
  );
  if (!candidate.ok) throw new Error("The questionnaire candidate was refused");
  const kitVersionId = data.kitVersionIds[0] ?? 0;
  for (const stage of ["sent", "consented", "submitted"] as const) {
    const token = await questionnaireAtStage(
      server.db,
      {
        candidateId: candidate.id,
        kitVersionId,
        interviewerId: userIds.get("interviewer1") ?? 0,
        recruiterId,
        language: "es",
        stage,
        answered: 20,
        value: 4,
      },
      now,
    );
    data.questionnaireTokens.push(token);
  }
}

async function prepareForms(): Promise<void> {
  const version = await server.db.selectFrom("kit_versions").select("id").orderBy("id", "desc").executeTakeFirstOrThrow();
  const questions = await server.db
    .selectFrom("kit_questions")
    .select("id")
    .where("kit_version_id", "=", version.id)
    .orderBy("position")
    .execute();
  const traits = await server.db
    .selectFrom("kit_question_traits")
    .select(["kit_question_id", "trait"])
    .where(
      "kit_question_id",
      "in",
      questions.map((q) => q.id),
    )
    .execute();
  data.kitQuestions = questions.map((q) => ({ id: q.id, traits: traits.filter((t) => t.kit_question_id === q.id).map((t) => t.trait) }));
  data.kitStrengths = (await server.db.selectFrom("kit_strengths").select("id").where("kit_version_id", "=", version.id).execute()).length;
  data.kitRedFlags = (await server.db.selectFrom("kit_red_flags").select("id").where("kit_version_id", "=", version.id).execute()).length;

  const source = await getKitBuilderSource(server.db, "mlops-engineer", "en");
  const editor = await getKitEditor(server.db, data.kitIds[0] ?? 0, "en");
  const role = await readRoleFile(server.db, "mlops-engineer");
  if (!source || !editor || !role) throw new Error("The demo data lacks the MLOps Engineer role or its kit");
  const newKit = newKitFormValues(source, "senior", "en");
  // Two strengths and a red flag picked, so the picks' rules are reached too.
  newKit.strengths = newKit.strengths.map((_, i) => (i < 2 ? String(i + 1) : false));
  newKit.redFlags = newKit.redFlags.map((_, i) => (i < 1 ? String(i + 1) : false));
  data.kitNewForm = entriesOf(formFields(newKit));
  data.kitEditForm = entriesOf(formFields(editor.values));
  data.roleEditForm = entriesOf(formFields(roleToFormValues(role)));
  data.roleFile = JSON.parse(JSON.stringify(role)) as Record<string, unknown>;
  const skill = await readSkillProfileDocument(server.db, "mlflow");
  if (!skill) throw new Error("The demo data lacks the MLflow skill profile");
  // The skill form's fields, named by dot paths as the role form's are.
  data.skillForm = skill.expectations.flatMap((expectation, i): Entry[] => [
    [`expectations.${i}.role`, expectation.role],
    [`expectations.${i}.level`, expectation.level],
    ...(expectation.mandatory ? [[`expectations.${i}.mandatory`, "on"] as const] : []),
    ...Object.entries(expectation.description).map(([lang, value]): Entry => [`expectations.${i}.description.${lang}`, value]),
  ]);
}

beforeAll(async () => {
  // Behind a "proxy", so the sign-in plan can come from many addresses and stay under the per-address throttle.
  server = await startTestServer({ trustProxy: true });
  sessions = new Sessions(server.db);
  const now = new Date();
  await prepareAccounts(now);
  await prepareRecords(now);
  await prepareForms();
  await prepareQuestionnaires(now);
  // The sign-in form itself is exercised once the ordinary way; every other session is made in the database.
  await signIn(server.baseURL, DEMO.recruiter);
});

afterAll(async () => {
  console.log(`Fuzzed requests tried per route (seed ${SEED}):\n${stats.summary()}`);
  await server?.close();
});

// ---------- Running a plan ----------

async function cookieOf(role: Role, throwaway: boolean): Promise<string | undefined> {
  const id = userIds.get(role);
  if (id === undefined) return undefined;
  return throwaway ? sessions.throwaway(id) : sessions.cookieFor(id);
}

async function checksumsNow(): Promise<Checksums> {
  if (cached && cached.sessionWrites === sessions.writes) return cached.sums;
  const sums = await databaseChecksums(server.db, IGNORED_COLUMNS);
  cached = { sums, sessionWrites: sessions.writes };
  return sums;
}

/** Undoes a fuzzed change to a demo account (see demoAccounts), so every plan keeps its four actors. */
async function keepDemoAccounts(): Promise<void> {
  for (const account of demoAccounts) {
    const now = await server.db
      .selectFrom("users")
      .select(["role", "deactivated_at"])
      .where("id", "=", account.id)
      .executeTakeFirstOrThrow();
    if (now.role === account.role && now.deactivated_at === account.deactivated_at) continue;
    await server.db
      .updateTable("users")
      .set({ role: account.role, deactivated_at: account.deactivated_at })
      .where("id", "=", account.id)
      .execute();
    cached = undefined;
  }
}

const I18N_KEY = /^[a-z][a-zA-Z]*(\.[a-zA-Z0-9_]+)+$/;

/** The texts of the page's error markup: alerts, field errors and the error page's heading. */
function errorMessages(html: string): string[] {
  const markers = [
    /<[a-z]+[^>]*role="alert"[^>]*>([\s\S]*?)<\/(p|div)>/g,
    /<p[^>]*class="field-error"[^>]*>([\s\S]*?)<\/p>/g,
    /class="error-page"><h1>([\s\S]*?)<\/h1>/g,
  ];
  return markers.flatMap((marker) =>
    [...html.matchAll(marker)].map((m) =>
      (m[1] ?? "")
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    ),
  );
}

/** Browsers send forms in these; any other body is answered by the route's error page (app/http/forms.server.ts readFormData). */
const FORM_ENCODINGS: readonly Encoding[] = ["urlencoded", "multipart", "multipart-files"];

/**
 * A 400 must say what is wrong, in words: to a form, an alert, a field's error
 * or the error page as HTML, errors as JSON, or a text; to a body that is no
 * form, the route's error page (its heading).
 */
function expectClearMessage(response: Response, text: string, label: string, formPosted: boolean): void {
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("text/html")) {
    const messages = formPosted
      ? errorMessages(text)
      : [...text.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => (m[1] ?? "").replace(/<[^>]+>/g, "").trim());
    expect(messages.length, `400 without an error message: ${label}`).toBeGreaterThan(0);
    expect(
      messages.filter((m) => m === "" || I18N_KEY.test(m)),
      `400 with an empty or untranslated message: ${label}`,
    ).toEqual([]);
  } else if (type.includes("json")) {
    const json = JSON.parse(text) as { errors?: Record<string, string> };
    expect(Object.keys(json.errors ?? {}).length, `400 JSON without errors: ${label}`).toBeGreaterThan(0);
  } else {
    expect(text.trim(), `400 without a body: ${label}`).not.toBe("");
  }
}

function describeCase(c: FuzzCase): string {
  return `${c.role} POST ${brief(c.path, 120)} ${c.body.label}${Object.keys(c.headers).length > 0 ? ` headers ${brief(c.headers)}` : ""}`;
}

async function checkCase(plan: Plan, c: FuzzCase): Promise<void> {
  const cookie = await cookieOf(c.role, plan.throwawaySession ?? false);
  const before = await checksumsNow();
  const response = await postBody(server.baseURL, c.path, c.body.body, { cookie, headers: c.headers });
  const text = await response.text();
  stats.record(plan.route, response.status);
  const label = `${describeCase(c)} → ${response.status} ${brief(text, 200)}`;
  expect(response.status, `5xx: ${label}`).toBeLessThan(500);

  const refused =
    response.status >= 400 || (c.role === "anonymous" && locationPath(response) === "/login" && plan.route !== "POST /logout");
  if (refused) {
    cached = undefined;
    const after = await checksumsNow();
    const changed = changedTables(before, after, plan.mayChangeOnRefusal?.(response.status) ?? []);
    expect(changed, `a refusal changed the database: ${label}`).toEqual([]);
  } else {
    cached = undefined;
  }
  if (response.status === 400) expectClearMessage(response, text, label, c.body.form);
  await keepDemoAccounts();
}

async function runPlan(plan: Plan, index: number): Promise<void> {
  cached = undefined;
  const caseArb = fc
    .record({ role: plan.role, path: plan.path, body: plan.body, headers: plan.headers ?? fc.constant({}) })
    .map((c): FuzzCase => Object.assign(c, { [fc.toStringMethod]: () => describeCase(c) }));
  await fc.assert(
    fc.asyncProperty(caseArb, (c) => checkCase(plan, c)),
    { numRuns: scaled(plan.numRuns), seed: SEED + index },
  );
}

// ---------- Arbitraries built from the demo's records ----------

/** A path segment: mostly a record of the right kind, else another kind's id, an unknown one or garbage. */
function segment(valid: readonly (string | number)[], others: readonly (string | number)[] = []): fc.Arbitrary<string> {
  const options: fc.WeightedArbitrary<string>[] = [
    { weight: 8, arbitrary: fc.constantFrom(...valid.map(String)) },
    { weight: 2, arbitrary: hostileSegment() },
  ];
  if (others.length > 0) options.push({ weight: 1, arbitrary: fc.constantFrom(...others.map(String)) });
  options.push({ weight: 1, arbitrary: fc.constantFrom("999999", "2147483647") });
  return fc.oneof(...options);
}

function allIds(): number[] {
  return [...data.candidateIds, ...data.kitIds, ...data.assessmentIds, ...data.scorecardIds, ...data.spareUserIds, ...data.reportIds];
}

function formBody(form: fc.Arbitrary<Entry[]>, how: fc.Arbitrary<Encoding> = encoding()): fc.Arbitrary<FuzzBody> {
  return fc.tuple(form, how).map(([entries, enc]) => ({
    body: encodeBody(entries, enc),
    form: FORM_ENCODINGS.includes(enc),
    label: `${enc} ${brief(
      entries.map(([n, v]) => `${n}=${v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v}`),
      600,
    )}`,
  }));
}

/** Valid values by field name, so that a replaced field is often right and the next rule is reached. */
type ValueFor = (name: string) => fc.Arbitrary<string>;

function valuesBy(rules: readonly [RegExp, fc.Arbitrary<string>][]): ValueFor {
  return (name) => rules.find(([pattern]) => pattern.test(name))?.[1] ?? hostileString();
}

const text = (...samples: string[]) => fc.oneof(fc.constantFrom(...samples), fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 }));
const ids = (list: readonly number[]) => fc.constantFrom(...list.map(String));
const wallTimes = fc.constantFrom(
  "2026-12-05T10:00",
  "2026-12-06T09:00",
  "",
  "2026-02-31T10:00",
  "2026-13-01T10:00",
  "yesterday",
  "2026-12-05",
);
const timeZones = fc.constantFrom("Europe/Madrid", "UTC", "europe/madrid", "", "Mars/Olympus", "../../etc/passwd", "x".repeat(65));
const serial = fc.nat({ max: 1_000_000 });

// ---------- The plans: one per action, in an order that keeps the demo's records for the plans that need them ----------

function loginPlan(): Plan {
  const emails = fc.constantFrom(
    DEMO.recruiter,
    DEMO.interviewer1,
    DEMO.interviewer2,
    "nobody@example.test",
    "fuzz-spare-0@example.test",
    "RECRUITER@demo.traitkit.test",
  );
  const passwords = fc.constantFrom(DEMO.password, "wrong password", DEMO.password.toUpperCase());
  const form = fc.tuple(emails, passwords).chain(([email, password]) =>
    mutatedForm(
      [
        ["email", email],
        ["password", password],
        ["redirectTo", "/roles"],
      ],
      valuesBy([
        [/^email$/, emails],
        [/^password$/, passwords],
        [
          /^redirectTo$/,
          fc.constantFrom(
            "/roles",
            "/assessments?page=2",
            "//evil.example",
            "/\\evil",
            "https://evil.example",
            "/é",
            "/\u0000",
            "/a\r\nSet-Cookie: x=1",
          ),
        ],
      ]),
    ),
  );
  return {
    route: "POST /login",
    numRuns: 60,
    role: fc.constantFrom(...ROLES),
    path: fc.constantFrom("/login", "/login?redirectTo=%2Fkits", "/login?redirectTo=https://evil.example"),
    body: formBody(form),
    // Each try from its own address: the per-address throttle (50 failures in 15 minutes) must not lock out the later plans.
    headers: fc.ipV4().map((ip) => ({ "X-Forwarded-For": ip })),
    // Signing in over a session ends that session.
    throwawaySession: true,
    // A wrong password is counted against the throttle (app/models/login-throttle.server.ts): that row is the point of a 401.
    mayChangeOnRefusal: (status) => (status === 401 ? ["login_failures"] : []),
  };
}

function languagePlan(): Plan {
  const lng = fc.constantFrom("en", "es", "zh", "EN", "");
  const redirect = fc.constantFrom(
    "/roles",
    "/kits?x=1",
    "//evil.example",
    "/\\evil",
    "javascript:alert(1)",
    "/é",
    "/\u0000",
    "/a\r\nX: y",
    "/" + "x".repeat(10_000),
  );
  return {
    route: "POST /language",
    numRuns: 40,
    role: fc.constantFrom(...ROLES),
    path: fc.constant("/language"),
    body: formBody(
      fc.tuple(lng, redirect).chain(([l, r]) =>
        mutatedForm(
          [
            ["lng", l],
            ["redirectTo", r],
          ],
          valuesBy([
            [/^lng$/, lng],
            [/^redirectTo$/, redirect],
          ]),
        ),
      ),
    ),
  };
}

function logoutPlan(): Plan {
  return {
    route: "POST /logout",
    numRuns: 20,
    role: fc.constantFrom(...ROLES),
    path: fc.constantFrom("/logout", "/logout?redirectTo=%2F%2Fevil.example"),
    body: formBody(mutatedForm([])),
    throwawaySession: true,
  };
}

function invitePlan(): Plan {
  const passwords = fc.constantFrom(
    "violet anchor meadow quartz 9431",
    "password1234",
    "short",
    "x".repeat(257),
    "ümlaut ß ñ 漢字 passphrase 42",
  );
  const form = passwords.chain((password) =>
    mutatedForm(
      [
        ["name", "Fuzz Invitee"],
        ["password", password],
        ["confirmPassword", password],
      ],
      valuesBy([
        [/password/i, passwords],
        [/^name$/, text("Ana Pérez", "محمد", "李雷")],
      ]),
    ),
  );
  return {
    route: "POST /invite/:token",
    numRuns: 60,
    role: roleArb("anonymous"),
    path: segment(data.inviteTokens, data.reportTokens).map((token) => `/invite/${token}`),
    body: formBody(form),
  };
}

function questionnairePlan(): Plan {
  const items = selfReportItems().slice(0, 3);
  const intents = fc.constantFrom("next", "back", "submit", "consent", "decline", "", "erase");
  const pages = fc.constantFrom("1", "2", "8", "0", "9", "review", "", "1.5");
  const langs = fc.constantFrom("en", "es", "zh-cn", "zh-CN", "");
  const values = fc.constantFrom("1", "3", "5", "0", "6", "", "2.5", "-1", "05");
  const form = fc.tuple(intents, pages, langs, values).chain(([intent, page, lang, value]) =>
    mutatedForm(
      [["intent", intent], ["lang", lang], ["page", page], ...items.map((item): Entry => [`answer.${item.id}`, value])],
      valuesBy([
        [/^intent$/, intents],
        [/^page$/, pages],
        [/^lang$/, langs],
        [/^answer\./, values],
      ]),
    ),
  );
  return {
    route: "POST /q/:token",
    numRuns: 60,
    role: roleArb("anonymous"),
    path: fc
      .tuple(segment(data.questionnaireTokens, data.reportTokens), fc.constantFrom("", "?lang=es&page=1", "?page=review", "?lang=xx"))
      .map(([token, query]) => `/q/${token}${query}`),
    body: formBody(form),
  };
}

function usersPlan(): Plan {
  // Only spare accounts, the recruiter's own (refused: not yourself) and unknown ids: the demo accounts act in the other plans.
  const targets = fc.constantFrom(...data.spareUserIds.map(String), String(userIds.get("recruiter")), "999999");
  const userRoles = fc.constantFrom("interviewer", "recruiter", "admin", "");
  const invite = serial.chain((n) =>
    mutatedForm(
      [
        ["intent", "invite"],
        ["email", `fuzz-invite-${n}@example.test`],
        ["role", "interviewer"],
      ],
      valuesBy([
        [/^role$/, userRoles],
        [/^email$/, fc.constantFrom(DEMO.interviewer1, "not-an-email", `new-${n}@example.test`)],
      ]),
    ),
  );
  const roleChange = fc.tuple(targets, userRoles).chain(([id, role]) =>
    mutatedForm(
      [
        ["intent", "role"],
        ["userId", id],
        ["role", role],
      ],
      valuesBy([
        [/^userId$/, targets],
        [/^role$/, userRoles],
      ]),
    ),
  );
  const active = fc.tuple(targets, fc.constantFrom("deactivate", "reactivate")).chain(([id, intent]) =>
    mutatedForm(
      [
        ["intent", intent],
        ["userId", id],
      ],
      valuesBy([[/^userId$/, targets]]),
    ),
  );
  const inviteIds = fc.constantFrom(...data.cancellableInviteIds.map(String), "999999", "0", "-1", "1e3", "");
  const cancel = fc.tuple(inviteIds, fc.constantFrom<Entry[]>([], [["confirm", "1"]])).chain(([id, confirm]) =>
    mutatedForm(
      [["intent", "cancelInvite"], ["inviteId", id], ...confirm],
      valuesBy([
        [/^inviteId$/, inviteIds],
        [/^confirm$/, fc.constantFrom("1", "on", "")],
      ]),
    ),
  );
  const mailIds = fc.constantFrom("1", "999999", "0", "-1", "1e3", "");
  const retry = mailIds.chain((id) =>
    mutatedForm(
      [
        ["intent", "retryMail"],
        ["mailId", id],
      ],
      valuesBy([[/^mailId$/, mailIds]]),
    ),
  );
  const hours = fc.constantFrom("24", "1", "672", "0", "673", "1.5", "-3", "abc", "", "1e2");
  const dueHours = hours.chain((h) =>
    mutatedForm(
      [
        ["intent", "dueHours"],
        ["hours", h],
      ],
      valuesBy([[/^hours$/, hours]]),
    ),
  );
  return {
    route: "POST /settings/users",
    numRuns: 90,
    role: roleArb("recruiter"),
    path: fc.constant("/settings/users"),
    body: formBody(fc.oneof(invite, roleChange, active, cancel, retry, dueHours)),
  };
}

/** One's own account: any signed-in user. The password form never gets the right current password: the plans sign in with it. */
function accountPlan(): Plan {
  const names = fc.oneof(text("Ana Fuzz", "李 Fuzz"), fc.constantFrom("", " ", "x".repeat(121)));
  const languages = fc.constantFrom("en", "es", "zh", "");
  const ticks = fc.constantFrom("on", "", "off", "true");
  const account = fc.tuple(names, languages).chain(([name, language]) =>
    mutatedForm(
      [
        ["intent", "account"],
        ["name", name],
        ["language", language],
        ["mailReminders", "on"],
        ["mailAllIn", ""],
      ],
      valuesBy([
        [/^name$/, names],
        [/^language$/, languages],
        [/^mail(Reminders|AllIn)$/, ticks],
      ]),
    ),
  );
  const passwords = fc.constantFrom("not the password", "", "correct horse battery staple 42", "short", "x".repeat(257));
  const password = passwords.chain((p) =>
    mutatedForm(
      [
        ["intent", "password"],
        ["currentPassword", "not the password"],
        ["password", p],
        ["confirmPassword", p],
      ],
      valuesBy([
        [/^currentPassword$/, fc.constantFrom("not the password", "", "x".repeat(300))],
        [/^(password|confirmPassword)$/, passwords],
      ]),
    ),
  );
  return {
    route: "POST /settings/account",
    numRuns: 60,
    role: roleArb(["recruiter", "interviewer1"]),
    path: fc.constant("/settings/account"),
    body: formBody(fc.oneof(account, password)),
  };
}

function scorecardForm(): fc.Arbitrary<Entry[]> {
  const ratingValues = fc.constantFrom("1", "2", "3", "4", "5", "");
  const base = (intent: string, recommendation: string): Entry[] => [
    ["intent", intent],
    ...data.kitQuestions.flatMap((q) => q.traits.map((trait): Entry => [`rating.${q.id}.${trait}`, "4"])),
    ...data.kitQuestions.map((q): Entry => [`notes.${q.id}`, "Clear answer with an example."]),
    ...Array.from({ length: data.kitStrengths }, (_, i): Entry => [`strength.${i}`, "on"]),
    ...Array.from({ length: data.kitRedFlags }, (_, i): Entry => [`redFlag.${i}`, "on"]),
    ...Array.from({ length: data.kitRedFlags }, (_, i): Entry => [`redFlagEvidence.${i}`, "Blamed the team."]),
    ["recommendation", recommendation],
  ];
  const valueFor = valuesBy([
    [/^rating\./, ratingValues],
    [/^recommendation$/, fc.constantFrom(...RECOMMENDATIONS, "")],
    [/^intent$/, fc.constantFrom("save", "submit", "delete")],
    [/^(strength|redFlag)\.\d+$/, fc.constantFrom("on", "true", "1", "off", "")],
    [/^(notes|redFlagEvidence)\./, fc.oneof(text("ok"), fc.constant("x".repeat(5001)))],
  ]);
  return fc
    .tuple(fc.constantFrom("save", "submit"), fc.constantFrom(...RECOMMENDATIONS))
    .chain(([intent, recommendation]) => mutatedForm(base(intent, recommendation), valueFor, 5))
    .chain((entries) =>
      // Other questions' and unknown questions' ids in the field names: the server must check them against the kit.
      fc
        .array(
          fc.tuple(
            fc.constantFrom("rating", "notes"),
            fc.oneof(ids(allIds()), hostileNumber()),
            fc.constantFrom(...TRAIT_KEYS, "charisma"),
          ),
          { maxLength: 2 },
        )
        .map((extra) => [
          ...entries,
          ...extra.map(([kind, id, trait]): Entry => (kind === "rating" ? [`rating.${id}.${trait}`, "3"] : [`notes.${id}`, "Note"])),
        ]),
    );
}

function scorecardPlan(route: "POST /assessments/:id/scorecard" | "POST /assessments/:id/scorecard/autosave"): Plan {
  const suffix = route.endsWith("autosave") ? "/scorecard/autosave" : "/scorecard";
  return {
    route,
    numRuns: 90,
    role: roleArb(["interviewer1", "interviewer2"]),
    path: segment(data.assessmentIds, [...data.candidateIds, ...data.scorecardIds]).map((id) => `/assessments/${id}${suffix}`),
    body: formBody(scorecardForm()),
  };
}

function assessmentPlan(): Plan {
  const people = fc.constantFrom(...[...userIds.values(), ...data.spareUserIds, 999_999].map(String));
  const valueFor = valuesBy([
    [/^decision$/, fc.constantFrom(...DECISIONS, "maybe")],
    [/^reason$/, fc.oneof(text("Strong fit."), fc.constant("x".repeat(2001)))],
    [/^userId$/, people],
    [/^scorecardId$/, ids(data.scorecardIds)],
    [/^reportId$/, ids(data.reportIds)],
    [/^language$/, fc.constantFrom("en", "es", "zh", "zh-cn")],
    [/^expiresInDays$/, fc.constantFrom("", "1", "365", "366", "0", "007")],
    [
      /^intent$/,
      fc.constantFrom(
        "decision",
        "add",
        "remove",
        "reopen",
        "publish",
        "revoke",
        "questionnaire-send",
        "questionnaire-revoke",
        "schedule",
        "agree",
        "erase",
        "",
      ),
    ],
    [/^mailToCandidate$/, fc.constantFrom("on", "off", "")],
    [/^trait$/, fc.constantFrom(...TRAIT_KEYS, "charisma", "")],
    [/^reading$/, fc.constantFrom("1", "3", "5", "0", "6", "2.5", "", "x")],
    [/^(confirm|discardDraft)$/, fc.constantFrom("1", "on", "0", "")],
    [/^(interviewAt|scorecardDueAt)$/, wallTimes],
    [/^interviewTimeZone$/, timeZones],
  ]);
  // Destructive intents with and without confirm=1: the confirmation page and the act.
  const confirmed = fc.constantFrom<Entry[]>(
    [],
    [["confirm", "1"]],
    [
      ["confirm", "1"],
      ["discardDraft", "1"],
    ],
  );
  const bases: fc.Arbitrary<Entry[]> = fc.oneof(
    fc.constantFrom(...DECISIONS).map((d): Entry[] => [
      ["intent", "decision"],
      ["decision", d],
      ["reason", "The panel agrees."],
    ]),
    people.map((id): Entry[] => [
      ["intent", "add"],
      ["userId", id],
    ]),
    fc.constantFrom(...TRAIT_KEYS).map((trait): Entry[] => [
      ["intent", "agree"],
      ["trait", trait],
      ["reading", "4"],
      ["reason", "The panel agreed after the debrief."],
    ]),
    fc.tuple(people, fc.constantFrom("add", "schedule")).map(([id, intent]): Entry[] => [
      ["intent", intent],
      ["userId", id],
      ["interviewAt", "2026-12-05T10:00"],
      ["interviewTimeZone", "Europe/Madrid"],
      ["scorecardDueAt", ""],
    ]),
    fc.tuple(people, confirmed).map(([id, confirm]): Entry[] => [["intent", "remove"], ["userId", id], ...confirm]),
    fc.tuple(ids(data.scorecardIds), confirmed).map(([id, confirm]): Entry[] => [["intent", "reopen"], ["scorecardId", id], ...confirm]),
    fc.constantFrom("en", "es").map((lang): Entry[] => [
      ["intent", "publish"],
      ["language", lang],
      ["expiresInDays", "30"],
    ]),
    fc.tuple(ids(data.reportIds), confirmed).map(([id, confirm]): Entry[] => [["intent", "revoke"], ["reportId", id], ...confirm]),
    fc.constantFrom("en", "es", "zh-cn").map((lang): Entry[] => [
      ["intent", "questionnaire-send"],
      ["language", lang],
      ["expiresInDays", "14"],
      ["mailToCandidate", "on"],
    ]),
    confirmed.map((confirm): Entry[] => [["intent", "questionnaire-revoke"], ...confirm]),
  );
  return {
    route: "POST /assessments/:id",
    numRuns: 130,
    role: roleArb("recruiter"),
    path: segment(data.assessmentIds, [...data.candidateIds, ...data.kitIds]).map((id) => `/assessments/${id}`),
    body: formBody(bases.chain((base) => mutatedForm(base, valueFor))),
  };
}

function candidateForm(): fc.Arbitrary<Entry[]> {
  const valueFor = valuesBy([
    [/^name$/, fc.oneof(text("Ana Fuzz", "محمد الفوز", "李 Fuzz"), fc.constantFrom("x".repeat(201), "x".repeat(10_000)))],
    // A demo candidate's address: refused as a duplicate unless differentPerson is "on".
    [/^email$/, fc.constantFrom("", "ana@example.com", "not-an-email", `${"a".repeat(250)}@example.com`, "ada.demo-lovelace@example.com")],
    [/^differentPerson$/, fc.constantFrom("on", "", "off", "true")],
    [/^roleSlug$/, fc.constantFrom(...data.roleSlugs, "", "no-such-role", "MLOPS-ENGINEER")],
    [/^notes$/, fc.oneof(text("Referred."), fc.constant("x".repeat(5001)))],
  ]);
  return serial.chain((n) =>
    mutatedForm(
      [
        ["name", `Fuzz Candidate ${n}`],
        ["email", `fuzz-${n}@example.com`],
        ["roleSlug", "mlops-engineer"],
        ["source", "Fuzzing"],
        ["notes", "Made by the fuzz test."],
        ["differentPerson", ""],
      ],
      valueFor,
    ),
  );
}

function candidateNewPlan(): Plan {
  return {
    route: "POST /candidates/new",
    numRuns: 70,
    role: roleArb("recruiter"),
    path: fc.constant("/candidates/new"),
    body: formBody(candidateForm()),
  };
}

function candidateEditPlan(): Plan {
  return {
    route: "POST /candidates/:id/edit",
    numRuns: 70,
    role: roleArb("recruiter"),
    path: segment([...data.spareCandidateIds, ...data.candidateIds], data.assessmentIds).map((id) => `/candidates/${id}/edit`),
    body: formBody(candidateForm()),
  };
}

function candidatePagePlan(): Plan {
  const interviewers = [...userIds.values(), ...data.spareUserIds].map(String);
  const valueFor = valuesBy([
    [/^kitVersionId$/, fc.constantFrom(...data.kitVersionIds.map(String), "999999")],
    [/^interviewerIds$/, fc.constantFrom(...interviewers, "999999")],
    [/^confirm$/, fc.constantFrom("1", "on", "off", "true", "")],
    [/^intent$/, fc.constantFrom("assessment", "erase", "decision", "")],
  ]);
  const assessment = fc
    .subarray(interviewers, { minLength: 1, maxLength: 3 })
    .map((people): Entry[] => [
      ["intent", "assessment"],
      ["kitVersionId", String(data.kitVersionIds[0])],
      ...people.map((p): Entry => ["interviewerIds", p]),
    ]);
  const erase = fc.constant<Entry[]>([
    ["intent", "erase"],
    ["confirm", "1"],
  ]);
  return {
    route: "POST /candidates/:id",
    numRuns: 80,
    role: roleArb("recruiter"),
    // Mostly the spare candidates: an erasure of a demo candidate would take its assessments from the plans after this one.
    path: segment(data.spareCandidateIds, [...data.candidateIds, ...data.assessmentIds]).map((id) => `/candidates/${id}`),
    body: formBody(
      fc.oneof({ weight: 3, arbitrary: assessment }, { weight: 1, arbitrary: erase }).chain((base) => mutatedForm(base, valueFor)),
    ),
  };
}

function kitValueFor(): ValueFor {
  return valuesBy([
    [/^level$/, fc.constantFrom(...LEVELS, "intern")],
    [/^name$/, fc.oneof(text("Fuzz Kit"), fc.constant("x".repeat(201)))],
    [/\.source$/, fc.constantFrom("custom", "role:1", "role:2", "role:0", "role:99999", "role:01")],
    [/\.traits$/, fc.constantFrom(...TRAIT_KEYS, "charisma")],
    [/\.include$/, fc.constantFrom("on", "")],
    [/\.text\./, fc.oneof(text("How do you roll back a model?"), fc.constant("x".repeat(1001)))],
    [/\.anchors\./, fc.oneof(text("Names the steps."), fc.constant("x".repeat(601)))],
    [/^(strengths|redFlags)\./, fc.constantFrom("1", "2", "3", "99", "0", "", "01")],
    [/^intent$/, kitIntent()],
  ]);
}

function kitIntent(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant("save") },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "add",
        "refresh",
        "move:0:down",
        "move:1:up",
        "move:999:up",
        "remove:0",
        "remove:5",
        "remove:999",
        "move:-1:up",
        "move:0:sideways",
      ),
    },
  );
}

/** A custom question, complete or not: the slot after the role's questions. */
function customQuestion(index: number): fc.Arbitrary<Entry[]> {
  return fc
    .subarray([...TRAIT_KEYS], { minLength: 0, maxLength: 4 })
    .map((traits) => [
      [`questions.${index}.source`, "custom"],
      [`questions.${index}.text.en`, "Tell us about a failed deploy."],
      ...traits.map((trait): Entry => [`questions.${index}.traits`, trait]),
      ...traits.flatMap((trait) =>
        ["1", "3", "5"].map((rating): Entry => [`questions.${index}.anchors.${trait}.${rating}.en`, `Anchor ${rating}`]),
      ),
    ]);
}

function kitForm(base: readonly Entry[]): fc.Arbitrary<Entry[]> {
  // The custom slot the form always ends with: drop the empty one the base holds and append a filled one (or none).
  const customIndex = Math.max(0, ...base.map(([name]) => Number(/^questions\.(\d+)\./.exec(name)?.[1] ?? -1)));
  const withoutEmpty = base.filter(([name]) => !name.startsWith(`questions.${customIndex}.`));
  return fc
    .tuple(fc.option(customQuestion(customIndex), { nil: undefined }), kitIntent())
    .chain(([custom, intent]) => mutatedForm([...withoutEmpty, ...(custom ?? []), ["intent", intent]], kitValueFor(), 5));
}

function kitNewPlan(): Plan {
  return {
    route: "POST /kits/new",
    numRuns: 80,
    role: roleArb("recruiter"),
    path: fc
      .tuple(segment(data.roleSlugs.slice(0, 1), data.roleSlugs), fc.constantFrom(...LEVELS, "intern"))
      .map(([slug, level]) => `/kits/new?role=${slug}&level=${level}`),
    body: formBody(kitForm(data.kitNewForm)),
  };
}

function kitEditPlan(): Plan {
  return {
    route: "POST /kits/:id/edit",
    numRuns: 80,
    role: roleArb("recruiter"),
    path: segment(data.kitIds, [...data.candidateIds, ...data.kitVersionIds]).map((id) => `/kits/${id}/edit`),
    body: formBody(kitForm(data.kitEditForm)),
  };
}

function roleValueFor(): ValueFor {
  return valuesBy([
    [/\.(low|high)$/, fc.oneof(fc.integer({ min: 0, max: 100 }).map(String), hostileNumber())],
    [/\.weight$/, fc.constantFrom("1", "2", "3", "4", "0")],
    [/\.deltas\./, fc.oneof(fc.integer({ min: -100, max: 100 }).map(String), hostileNumber())],
    [/publishedFit$/, fc.oneof(fc.integer({ min: 0, max: 100 }).map(String), hostileNumber())],
    [/\.traits$/, fc.constantFrom(...TRAIT_KEYS, "charisma")],
    [/^contentLanguage$/, fc.constantFrom("es", "en", "zh", "fr")],
    [/bandSource$/, fc.constantFrom("team", "published", "other")],
    [/^hasIdealProfile$/, fc.constantFrom("on", "true", "")],
    [/(^slug|\.slug|\.target)$/, fc.constantFrom(...data.roleSlugs, "Bad Slug", "a", "a--b", "x".repeat(81), "new", "import", "edit")],
    [/\.(es|en|zh)$/, fc.oneof(text("Texto", "Text", "文本"), fc.constantFrom("", "x".repeat(2001)))],
  ]);
}

function roleNewPlan(): Plan {
  const blank = entriesOf(formFields(roleToFormValues(null)));
  const form = serial.chain((n) =>
    mutatedForm(
      [
        ...blank.filter(([name]) => !["slug", "name", "family"].includes(name)),
        ["slug", `fuzz-role-${n}`],
        ["name", `Fuzz Role ${n}`],
        ["family", "Fuzzing"],
      ],
      roleValueFor(),
      6,
    ),
  );
  return { route: "POST /roles/new", numRuns: 70, role: roleArb("recruiter"), path: fc.constant("/roles/new"), body: formBody(form) };
}

function roleEditPlan(): Plan {
  return {
    route: "POST /roles/:slug/edit",
    numRuns: 70,
    role: roleArb("recruiter"),
    path: segment(["mlops-engineer"], data.roleSlugs).map((slug) => `/roles/${slug}/edit`),
    body: formBody(mutatedForm(data.roleEditForm, roleValueFor(), 6)),
  };
}

/** Every leaf's path in a JSON value: the places a mutation of an imported file can land. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length === 0 ? [prefix] : value.flatMap((v, i) => leafPaths(v, [...prefix, i]));
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    return entries.length === 0 ? [prefix] : entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  }
  return [prefix];
}

function setAt(root: unknown, path: readonly (string | number)[], value: unknown, remove: boolean): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last === undefined) return;
  if (remove) delete node[last];
  else node[last] = value;
}

function importedFile(): fc.Arbitrary<string> {
  const paths = leafPaths(data.roleFile).filter((p) => p.length > 0);
  const jsonValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileString(), hostileNumber().map(Number));
  const mutations = fc.array(fc.tuple(fc.constantFrom(...paths), jsonValue, fc.boolean()), { maxLength: 3 });
  const mutated = fc.tuple(serial, mutations).map(([n, list]) => {
    const file = structuredClone(data.roleFile);
    file.slug = `fuzz-import-${n}`;
    for (const [path, value, remove] of list) setAt(file, path, value, remove);
    return JSON.stringify(file);
  });
  return fc.oneof(
    { weight: 6, arbitrary: mutated },
    { weight: 1, arbitrary: fc.constant(JSON.stringify({ ...data.roleFile, unknownKey: 1 })) },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: hostileString() },
  );
}

function libraryPlan(): Plan {
  return {
    route: "POST /roles",
    numRuns: 40,
    role: roleArb("recruiter"),
    path: fc.constant("/roles"),
    body: formBody(
      mutatedForm(
        [["intent", "library"]],
        valuesBy([[/^intent$/, fc.constantFrom("library", "Library", "", "library ", "x".repeat(10_000))]]),
      ),
    ),
  };
}

function roleImportPlan(): Plan {
  const body = fc
    .tuple(importedFile(), fc.constantFrom("on", "off", undefined), fc.constantFrom("file", "file", "file", "upload", "string"))
    .map(([content, replace, shape]): FuzzBody => {
      const form = new FormData();
      // "string": the file's field sent as a text, the wrong type; "upload": under another name.
      if (shape === "string") form.append("file", content.slice(0, 100_000));
      else form.append(shape, new Blob([content], { type: "application/json" }), "role.json");
      if (replace !== undefined) form.append("replace", replace);
      return { body: { body: form }, form: true, label: `multipart ${shape} replace=${String(replace)} ${brief(content, 300)}` };
    });
  const wrongEncodings = formBody(
    fc.constant<Entry[]>([["file", JSON.stringify(data.roleFile)]]),
    fc.constantFrom<Encoding>("urlencoded", "json", "text", "broken-multipart", "none"),
  );
  return {
    route: "POST /roles/import",
    numRuns: 70,
    role: roleArb("recruiter"),
    path: fc.constant("/roles/import"),
    body: fc.oneof({ weight: 5, arbitrary: body }, { weight: 1, arbitrary: wrongEncodings }),
  };
}

/** Archive, restore and delete on a role's or a kit's page, with and without confirm=1. */
function archivePlan(route: "POST /roles/:slug" | "POST /kits/:id"): Plan {
  const valueFor = valuesBy([
    [/^intent$/, fc.constantFrom("archive", "restore", "delete", "erase", "")],
    [/^confirm$/, fc.constantFrom("1", "on", "0", "")],
  ]);
  const base = fc
    .tuple(fc.constantFrom("archive", "restore", "delete"), fc.constantFrom<Entry[]>([], [["confirm", "1"]]))
    .map(([intent, confirm]): Entry[] => [["intent", intent], ...confirm]);
  return {
    route,
    numRuns: 60,
    role: roleArb("recruiter"),
    path:
      route === "POST /roles/:slug"
        ? segment(data.roleSlugs, data.kitIds).map((slug) => `/roles/${slug}`)
        : segment(data.kitIds, [...data.candidateIds, ...data.kitVersionIds]).map((id) => `/kits/${id}`),
    body: formBody(base.chain((entries) => mutatedForm(entries, valueFor))),
  };
}

/** What a proposal adds to the editor's form: a title (at most 120 characters) and a rationale (at most 4000). */
const PROPOSAL_FIELDS: readonly Entry[] = [
  ["title", "Fuzzed proposal"],
  ["rationale", "Because the fuzzer says so."],
];

function proposalValueFor(editor: ValueFor): ValueFor {
  return (name) => {
    if (name === "title") return fc.oneof(text("A title"), fc.constantFrom("", "x".repeat(121)));
    if (name === "rationale") return fc.oneof(text("Why", "Line one\nline two"), fc.constantFrom("", "x".repeat(4001)));
    return editor(name);
  };
}

function skillValueFor(): ValueFor {
  return valuesBy([
    [/\.role$/, fc.constantFrom(...data.roleSlugs, "no-such-role", "")],
    [/\.level$/, fc.constantFrom(...LEVELS, "expert", "")],
    [/\.mandatory$/, fc.constantFrom("on", "true", "", "off")],
    [/\.(es|en|zh)$/, fc.oneof(text("Texto", "Text", "文本"), fc.constantFrom("", "x".repeat(2001)))],
  ]);
}

/** "Suggest a change" on a role or a skill: the editor's form pre-filled from the current version, with a title and a rationale. */
function proposePlan(kind: "role" | "skill"): Plan {
  const form = kind === "role" ? data.roleEditForm : data.skillForm;
  const editor = kind === "role" ? roleValueFor() : skillValueFor();
  return {
    route: `POST /${kind}s/:slug/propose`,
    numRuns: 60,
    role: roleArb(["interviewer1", "interviewer2", "recruiter"]),
    path:
      kind === "role"
        ? segment(["mlops-engineer"], data.skillSlugs).map((slug) => `/roles/${slug}/propose`)
        : segment(["mlflow", ...data.skillSlugs], data.roleSlugs).map((slug) => `/skills/${slug}/propose`),
    body: formBody(mutatedForm([...form, ...PROPOSAL_FIELDS], proposalValueFor(editor), 6)),
  };
}

/** The author's update of an open proposal: the role form (most demo proposals are on MLOps Engineer), or the skill's. */
function proposalEditPlan(): Plan {
  const form = fc
    .constantFrom(data.roleEditForm, data.skillForm)
    .chain((base) =>
      mutatedForm([...base, ...PROPOSAL_FIELDS], proposalValueFor(base === data.skillForm ? skillValueFor() : roleValueFor()), 6),
    );
  return {
    route: "POST /proposals/:id/edit",
    numRuns: 50,
    role: roleArb(["interviewer1", "interviewer2"]),
    path: segment(data.proposalIds, allIds()).map((id) => `/proposals/${id}/edit`),
    body: formBody(form),
  };
}

/** A recruiter's direct edit of a skill's expectations. */
function skillEditPlan(): Plan {
  return {
    route: "POST /skills/:slug/edit",
    numRuns: 50,
    role: roleArb("recruiter"),
    path: segment(["mlflow", ...data.skillSlugs], data.roleSlugs).map((slug) => `/skills/${slug}/edit`),
    body: formBody(mutatedForm(data.skillForm, skillValueFor(), 6)),
  };
}

/** Every intent of a proposal's page: votes, comments and their edits and removals, accept (with conflict choices), reject, withdraw. */
function proposalPagePlan(): Plan {
  const commentIds = fc.oneof(fc.integer({ min: 1, max: 20 }).map(String), hostileNumber());
  const base = fc.constantFrom<Entry[]>(
    [
      ["intent", "vote"],
      ["value", "1"],
    ],
    [
      ["intent", "vote"],
      ["value", "0"],
    ],
    [
      ["intent", "comment"],
      ["body", "A comment\nwith two lines."],
    ],
    [
      ["intent", "edit-comment"],
      ["commentId", "1"],
      ["body", "Edited."],
    ],
    [
      ["intent", "remove-comment"],
      ["commentId", "1"],
    ],
    [
      ["intent", "accept"],
      ["note", "Agreed."],
      ["resolve:idealProfile.openness.high", "proposed"],
    ],
    [
      ["intent", "reject"],
      ["reason", "Not now."],
    ],
    [["intent", "withdraw"]],
  );
  const valueFor = valuesBy([
    [/^intent$/, fc.constantFrom("vote", "comment", "edit-comment", "remove-comment", "accept", "reject", "withdraw", "delete", "")],
    [/^value$/, fc.constantFrom("1", "-1", "0", "2", "+1", "−1", "")],
    [/^commentId$/, commentIds],
    [/^(body|reason|note)$/, fc.oneof(text("Text", "<b>bold</b>", "**bold**"), fc.constantFrom("", "x".repeat(10_001)))],
    [/^resolve:/, fc.constantFrom("proposed", "current", "both", "")],
  ]);
  return {
    route: "POST /proposals/:id",
    numRuns: 80,
    role: roleArb(["interviewer1", "interviewer2", "recruiter"]),
    path: segment(data.proposalIds, allIds()).map((id) => `/proposals/${id}`),
    body: formBody(base.chain((entries) => mutatedForm(entries, valueFor))),
  };
}

/** Follow or unfollow a role or a skill, back to its page or to /proposals. */
function followPlan(): Plan {
  const base = fc
    .tuple(fc.constantFrom("role", "skill"), fc.constantFrom("1", "0"), fc.constantFrom<Entry[]>([], [["back", "proposals"]]))
    .map(([kind, follow, back]): Entry[] => [
      ["kind", kind],
      ["slug", kind === "role" ? "mlops-engineer" : "mlflow"],
      ["follow", follow],
      ...back,
    ]);
  const valueFor = valuesBy([
    [/^kind$/, fc.constantFrom("role", "skill", "kit", "")],
    [/^slug$/, fc.constantFrom(...data.roleSlugs, ...data.skillSlugs, "no-such-profile", "")],
    [/^follow$/, fc.constantFrom("1", "0", "true", "")],
    [/^back$/, fc.constantFrom("proposals", "//evil.example", "https://evil.example", "")],
  ]);
  return {
    route: "POST /follows",
    numRuns: 50,
    role: roleArb(["interviewer1", "interviewer2", "recruiter"]),
    path: fc.constant("/follows"),
    body: formBody(base.chain((entries) => mutatedForm(entries, valueFor))),
  };
}

function postPlans(): Plan[] {
  return [
    loginPlan(),
    languagePlan(),
    logoutPlan(),
    invitePlan(),
    usersPlan(),
    accountPlan(),
    scorecardPlan("POST /assessments/:id/scorecard/autosave"),
    scorecardPlan("POST /assessments/:id/scorecard"),
    assessmentPlan(),
    candidateNewPlan(),
    candidateEditPlan(),
    kitNewPlan(),
    kitEditPlan(),
    roleNewPlan(),
    roleEditPlan(),
    roleImportPlan(),
    libraryPlan(),
    followPlan(),
    proposePlan("role"),
    proposePlan("skill"),
    skillEditPlan(),
    // Before the page's plan, which may withdraw, accept or reject the proposals it edits.
    proposalEditPlan(),
    proposalPagePlan(),
    // Late: they may archive or delete the roles and kits the plans above read.
    archivePlan("POST /kits/:id"),
    archivePlan("POST /roles/:slug"),
    // Last of the forms: it may erase candidates.
    candidatePagePlan(),
    // Last: its links are on a candidate made after the lists the plans above draw from.
    questionnairePlan(),
  ];
}

/** A concrete path with each parameter replaced by a record, another kind's record, or garbage. */
function fuzzedPath(pattern: string): fc.Arbitrary<string> {
  const parts = pattern.split("/").map((part): fc.Arbitrary<string> => {
    if (!part.startsWith(":")) return fc.constant(part);
    if (pattern.startsWith("/roles/")) return segment(data.roleSlugs, data.skillSlugs);
    if (pattern.startsWith("/skills/")) return segment(data.skillSlugs, data.roleSlugs);
    if (pattern.startsWith("/kits/")) return segment(data.kitIds, allIds());
    if (pattern.startsWith("/candidates/")) return segment([...data.candidateIds, ...data.spareCandidateIds], allIds());
    if (pattern.startsWith("/assessments/")) return segment(data.assessmentIds, allIds());
    if (pattern.startsWith("/proposals/")) return segment(data.proposalIds, allIds());
    if (pattern.startsWith("/invite/")) return segment(data.inviteTokens, data.reportTokens);
    if (pattern.startsWith("/r/")) return segment(data.reportTokens, data.inviteTokens);
    if (pattern.startsWith("/q/")) return segment(data.questionnaireTokens, data.reportTokens);
    return hostileSegment();
  });
  return fc.tuple(...parts).map((segments) => segments.join("/") || "/");
}

/** Query keys the loaders read (see each loader's URL parsing). */
const QUERY_KEYS = [
  "q",
  "sort",
  "page",
  "level",
  "imported",
  "saved",
  "version",
  "c",
  "before",
  "decision",
  "minCoverage",
  "role",
  "redirectTo",
  "profile",
  "show",
  "decisionsPage",
  "linksPage",
  "lang",
  "from",
  "to",
  "skill",
  "status",
  "author",
];

const PATTERNS = routeFiles();
const ACTION_ROUTES = PATTERNS.filter((r) => r.hasAction).map((r) => `POST ${r.pattern}`);

// ---------- The tests ----------

describe("fuzzed requests to every route", () => {
  it("has a fuzz plan for every action in app/routes", () => {
    const planned = new Set(postPlans().map((plan) => plan.route));
    expect(ACTION_ROUTES.filter((route) => !planned.has(route))).toEqual([]);
  });

  describe("POST to each action", () => {
    // The plans read beforeAll's data, so they are made when the tests run, one test per action for a readable report.
    const names = [
      "POST /login",
      "POST /language",
      "POST /logout",
      "POST /invite/:token",
      "POST /settings/users",
      "POST /assessments/:id/scorecard/autosave",
      "POST /assessments/:id/scorecard",
      "POST /assessments/:id",
      "POST /candidates/new",
      "POST /candidates/:id/edit",
      "POST /kits/new",
      "POST /kits/:id/edit",
      "POST /roles/new",
      "POST /roles/:slug/edit",
      "POST /roles/import",
      "POST /roles",
      "POST /kits/:id",
      "POST /roles/:slug",
      "POST /candidates/:id",
      "POST /q/:token",
      // Appended, so the plans above keep their seeds (the index is the seed's offset).
      "POST /follows",
      "POST /roles/:slug/propose",
      "POST /skills/:slug/propose",
      "POST /skills/:slug/edit",
      "POST /proposals/:id/edit",
      "POST /proposals/:id",
    ];
    names.forEach((name, index) => {
      it(
        `${name}: never a 5xx, a refusal changes nothing, a 400 says why`,
        async () => {
          const plan = postPlans().find((p) => p.route === name);
          if (!plan) throw new Error(`No plan named ${name}`);
          await runPlan(plan, index);
        },
        TEST_TIMEOUT_MS,
      );
    });
  });

  it("POST /roles/import: a file over the 2 MB limit is refused with 413 and changes nothing", async () => {
    // Not in the random mix: refused unread (as another role), a 2 MB upload stalls until the keep-alive timeout.
    const form = new FormData();
    form.append(
      "file",
      new Blob([`{"format":"traitkit.role/v1","name":"${"x".repeat(2_200_000)}"}`], { type: "application/json" }),
      "role.json",
    );
    const plan: Plan = {
      route: "POST /roles/import",
      numRuns: 1,
      role: fc.constant("recruiter"),
      path: fc.constant("/roles/import"),
      body: fc.constant({ body: { body: form }, form: true, label: "multipart 2.2 MB file" }),
    };
    await runPlan(plan, 99);
    expect(stats.count("POST /roles/import", 413)).toBeGreaterThan(0);
  });

  it("POST to routes without an action: refused without a change", async () => {
    const plans: Plan[] = [];
    for (const route of PATTERNS.filter((r) => !r.hasAction)) {
      const path = await concretePath(server.db, route.pattern);
      plans.push({
        route: `POST ${route.pattern} (no action)`,
        numRuns: 4,
        role: fc.constantFrom(...ROLES),
        path: fc.constant(path),
        body: formBody(mutatedForm([["intent", "save"]])),
      });
    }
    for (const [i, plan] of plans.entries()) await runPlan(plan, 100 + i);
  });

  it(
    "GET every route with fuzzed path parameters and queries, as every role: never a 5xx",
    async () => {
      const patterns = PATTERNS.map((r) => r.pattern);
      for (const [i, pattern] of patterns.entries()) {
        const route = `GET ${pattern}`;
        const withParams = pattern.includes(":");
        const caseArb = fc.record({ role: fc.constantFrom(...ROLES), path: fuzzedPath(pattern), query: hostileQuery(QUERY_KEYS) });
        await fc.assert(
          fc.asyncProperty(caseArb, async ({ role, path, query }) => {
            const cookie = await cookieOf(role, false);
            const response = await request(server.baseURL, `${path}${query}`, { cookie });
            const body = await response.text();
            stats.record(route, response.status);
            expect(response.status, `5xx: ${role} GET ${brief(path + query, 300)} → ${response.status} ${brief(body, 200)}`).toBeLessThan(
              500,
            );
          }),
          { numRuns: scaled(withParams ? 32 : 14), seed: SEED + 200 + i },
        );
      }
    },
    TEST_TIMEOUT_MS,
  );
});
