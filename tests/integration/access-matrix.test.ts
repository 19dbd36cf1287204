import crypto from "node:crypto";
import { questionnaireAtStage, type QuestionnaireStage } from "./support/questionnaire";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvite, createUser } from "../../app/models/users.server";
import { createAssessment } from "../../app/models/assessments.server";
import { selfReportItems } from "../../app/models/questionnaire-items.server";
import { createCandidate } from "../../app/models/candidates.server";
import { candidateSchema } from "../../app/schemas/candidate";
import { roleFileSchema } from "../../app/schemas/role";
import { roleToFormValues } from "../../app/schemas/role-form";
import { getKitBuilderSource, newKitFormValues } from "../../app/models/kit-builder.server";
import { getKitEditor } from "../../app/models/kit-views.server";
import type { KitFormValues } from "../../app/schemas/kit";
import { findProfileTarget, readSkillProfileDocument } from "../../app/models/profile-versions.server";
import { addComment, createProposal, withdrawProposal } from "../../app/models/proposals.server";
import { saveSkillExpectations } from "../../app/models/skills.server";
import type { ProfileExpectation } from "../../app/schemas/skill";
import { skillToFormValues } from "../../app/schemas/skill-form";
import { DEMO_PROPOSALS } from "../../seeds/demo-proposals";
import {
  concretePath,
  pathPattern,
  readMatrix,
  ROLES,
  routeFiles,
  type Cell,
  type MatrixRow as Row,
  type Role,
} from "./support/access-matrix";
import {
  accountState,
  captureLogs,
  DEMO,
  formFields,
  locationPath,
  request,
  sessionCookieHeader,
  setCookieValue,
  signIn,
  startTestServer,
  userId,
  type TestServer,
} from "./support/test-server";

/*
 * README.md's "Who may do what" table, checked cell by cell against the
 * production build (docs/reliability.md A1). The table is the source: a row added
 * there without a scenario here, or a route file without a row, fails.
 */
const MATRIX = readMatrix();

/** The index route only redirects into the app; it is asserted below instead of having a row. */
const EXEMPT_FROM_TABLE = new Set(["/"]);

describe("the access table covers every route", () => {
  it("reads a non-empty table with the five role columns from README.md", () => {
    expect(MATRIX.length).toBeGreaterThan(0);
    for (const row of MATRIX) expect(Object.keys(row.cells)).toEqual([...ROLES]);
  });

  it("tells the two interviewer columns apart only on routes of one assessment", () => {
    const differing = MATRIX.filter((row) => row.cells["interviewer assigned"].text !== row.cells["interviewer not assigned"].text).map(
      (row) => `${row.method} ${row.route}`,
    );
    // Off an assessment, being on a panel changes nothing.
    expect(differing.filter((key) => !key.includes(" /assessments/:id"))).toEqual([]);
    // On one, the interviewer who is not on its panel is refused like a page that does not exist.
    const onAssessment = MATRIX.filter((row) => row.route.startsWith("/assessments/:id"));
    expect(onAssessment.length).toBeGreaterThan(0);
    for (const row of onAssessment) expect(row.cells["interviewer not assigned"].codes, `${row.method} ${row.route}`).toEqual([404]);
  });

  it("has a row for every route file under app/routes", () => {
    const tableRoutes = new Set(MATRIX.map((row) => row.route));
    const missing = routeFiles()
      .filter((route) => !EXEMPT_FROM_TABLE.has(route.pattern) && !tableRoutes.has(route.pattern))
      .map((route) => `${route.file} (${route.pattern})`);
    expect(missing).toEqual([]);
  });

  it("has a POST row for every route with an action", () => {
    const postRoutes = new Set(MATRIX.filter((row) => row.method === "POST").map((row) => row.route));
    const missing = routeFiles()
      .filter((route) => route.hasAction && !postRoutes.has(route.pattern))
      .map((route) => `${route.file} (${route.pattern})`);
    expect(missing).toEqual([]);
  });

  it("names only routes that exist", () => {
    const patterns = new Set(routeFiles().map((route) => route.pattern));
    expect(MATRIX.map((row) => row.route).filter((route) => !patterns.has(route))).toEqual([]);
  });
});

let server: TestServer;
const cookies = new Map<Role, string>();
let targetUserId: number;
let recruiterId: number;
/** The assessment every `/assessments/:id` row stands for: interviewer1 is on its panel, interviewer2 and the recruiter are not. */
let matrixAssessmentId: number;
/** The matrix assessment's candidate and kit version: each questionnaire link gets an assessment of its own from them. */
let matrixCandidateId: number;
let matrixKitVersionId: number;
let serial = 0;
/** Cells whose every request answered as the table says, and those requests. */
let cellsChecked = 0;
let requestsSent = 0;

const ACCOUNT_OF: Partial<Record<Role, string>> = {
  "interviewer assigned": DEMO.interviewer1,
  "interviewer not assigned": DEMO.interviewer2,
  recruiter: DEMO.recruiter,
};
/** Signs in for columns without a session, and for wrong-password tries (a second session of that account). */
const OTHER_ACCOUNT = DEMO.interviewer2;
const NEW_PASSWORD = "violet anchor meadow quartz 9431";

beforeAll(async () => {
  server = await startTestServer();
  recruiterId = await userId(server.db, DEMO.recruiter);
  targetUserId = await createUser(
    server.db,
    { email: "matrix-target@example.test", name: "Matrix Target", role: "interviewer", passwordHash: "not-a-password-hash" },
    new Date(),
  );
  // A candidate of the demo role with one assessment on the demo kit, only interviewer1 on its panel.
  const kitVersion = await server.db
    .selectFrom("assessments")
    .innerJoin("candidates", "candidates.id", "assessments.candidate_id")
    .select("assessments.kit_version_id")
    .where("candidates.name", "=", "Barbara Demo-Liskov")
    .executeTakeFirstOrThrow();
  const candidate = await createCandidate(
    server.db,
    candidateSchema.parse({ name: "Matrix Panel Candidate", email: "", roleSlug: "mlops-engineer", source: "matrix", notes: "" }),
    recruiterId,
    new Date(),
  );
  if (!candidate.ok) throw new Error(`The matrix candidate was refused (${candidate.field})`);
  const assessment = await createAssessment(
    server.db,
    {
      candidateId: candidate.id,
      kitVersionId: kitVersion.kit_version_id,
      interviewerIds: [await userId(server.db, DEMO.interviewer1)],
      actorId: recruiterId,
      schedule: null,
      mail: null,
    },
    new Date(),
  );
  if (!assessment.ok) throw new Error(`The matrix assessment was refused: ${JSON.stringify(assessment.errors)}`);
  matrixAssessmentId = assessment.id;
  matrixCandidateId = candidate.id;
  matrixKitVersionId = kitVersion.kit_version_id;
});

afterAll(async () => {
  await server?.close();
});

/** A table route as a URL path, `/assessments/:id` being the matrix assessment. */
function pathFor(route: string): Promise<string> {
  return concretePath(server.db, route, { assessmentId: matrixAssessmentId });
}

/**
 * What a refused request must leave as it was: the accounts (accountState),
 * everything of the assessments — panels, scorecards and their contents,
 * decisions, report links, results, candidates — and of the change proposals:
 * proposals, votes, comments, their activity, profile versions and follows.
 */
async function matrixState(): Promise<unknown> {
  const db = server.db;
  return {
    accounts: await accountState(db),
    candidates: await db.selectFrom("candidates").selectAll().orderBy("id").execute(),
    assessments: await db.selectFrom("assessments").selectAll().orderBy("id").execute(),
    panels: await db
      .selectFrom("assessment_interviewers")
      .select(["assessment_id", "user_id", "interview_at", "interview_time_zone", "scorecard_due_at"])
      .orderBy("assessment_id")
      .orderBy("user_id")
      .execute(),
    scorecards: await db.selectFrom("scorecards").selectAll().orderBy("id").execute(),
    ratings: await db.selectFrom("ratings").selectAll().orderBy("scorecard_id").orderBy("kit_question_id").orderBy("trait").execute(),
    notes: await db.selectFrom("scorecard_notes").selectAll().orderBy("scorecard_id").orderBy("kit_question_id").execute(),
    strengths: await db.selectFrom("observed_strengths").selectAll().orderBy("scorecard_id").orderBy("kit_strength_id").execute(),
    redFlags: await db.selectFrom("observed_red_flags").selectAll().orderBy("scorecard_id").orderBy("kit_red_flag_id").execute(),
    decisions: await db.selectFrom("decisions").selectAll().orderBy("id").execute(),
    results: await db.selectFrom("assessment_results").selectAll().orderBy("assessment_id").execute(),
    questionnaires: await db.selectFrom("questionnaires").selectAll().orderBy("assessment_id").execute(),
    // Opening a questionnaire link records when (last_opened_at), as a report's open does.
    questionnaireLinks: (await db.selectFrom("questionnaire_links").selectAll().orderBy("id").execute()).map(
      ({ last_opened_at: _lastOpenedAt, ...link }) => link,
    ),
    questionnaireAnswers: await db.selectFrom("questionnaire_answers").selectAll().orderBy("assessment_id").orderBy("item_id").execute(),
    // Opening a report counts the open (a number and a time), the one write a GET makes by design.
    reportLinks: (await db.selectFrom("report_links").selectAll().orderBy("id").execute()).map(
      ({ opens: _opens, last_opened_at: _lastOpenedAt, ...link }) => link,
    ),
    accountSettings: await db
      .selectFrom("users")
      .select(["id", "name", "language", "mail_reminders", "mail_all_in"])
      .orderBy("id")
      .execute(),
    outbox: await db.selectFrom("mail_outbox").selectAll().orderBy("id").execute(),
    teamSettings: await db.selectFrom("app_settings").selectAll().orderBy("key").execute(),
    proposals: await db.selectFrom("proposals").selectAll().orderBy("id").execute(),
    proposalVotes: await db.selectFrom("proposal_votes").selectAll().orderBy("proposal_id").orderBy("user_id").execute(),
    proposalComments: await db.selectFrom("proposal_comments").selectAll().orderBy("id").execute(),
    proposalActivity: await db.selectFrom("proposal_activity").selectAll().orderBy("id").execute(),
    profileVersions: await db
      .selectFrom("profile_versions")
      .select(["id", "role_id", "skill_id", "version", "source", "proposal_id", "made_by", "made_at"])
      .orderBy("id")
      .execute(),
    follows: await db.selectFrom("profile_follows").selectAll().orderBy("user_id").orderBy("role_id").orderBy("skill_id").execute(),
    // Not proposal_feed_reads: a visit to /proposals marks its news seen, by design, like a report's open count.
  };
}

function withoutAudit(state: unknown): unknown {
  const copy = structuredClone(state) as { accounts: { counts: Record<string, number> } };
  delete copy.accounts.counts.audit_log;
  return copy;
}

/** The role's session cookie (signing in when it has none), or undefined for columns without an account. */
async function cookieFor(role: Role): Promise<string | undefined> {
  const email = ACCOUNT_OF[role];
  if (!email) return undefined;
  let cookie = cookies.get(role);
  if (!cookie) {
    cookie = await signIn(server.baseURL, email);
    cookies.set(role, cookie);
  }
  return cookie;
}

async function openInviteToken(): Promise<string> {
  serial += 1;
  const email = `matrix-invitee-${serial}@example.test`;
  const invite = await server.db
    .transaction()
    .execute((trx) => createInvite(trx, { email, role: "interviewer", invitedBy: recruiterId, mail: null }, new Date()));
  return invite.token;
}

function unknownToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/**
 * A demo assessment with submitted scorecards, as a URL path: a report can be
 * published only once a scorecard is in, and the matrix assessment has none.
 */
async function publishablePath(): Promise<string> {
  // Read at each use: the matrix erases candidates as it goes.
  const row = await server.db
    .selectFrom("scorecards")
    .select("assessment_id")
    .where("status", "=", "submitted")
    .orderBy("assessment_id", "desc")
    .executeTakeFirstOrThrow();
  return `/assessments/${row.assessment_id}`;
}

/** Publishes a report of the assessment at `pathname` as the recruiter and returns its token, read from the page. */
async function publishedReportToken(pathname: string): Promise<string> {
  const response = await request(server.baseURL, pathname, {
    cookie: await cookieFor("recruiter"),
    form: { intent: "publish", language: "en" },
  });
  const token = /\/r\/([A-Za-z0-9_-]{43})/.exec(await response.text())?.[1];
  if (!token) throw new Error(`No report link in the answer to publishing on ${pathname}`);
  return token;
}

/**
 * A live questionnaire link, on an assessment of its own (one questionnaire an
 * assessment), as the recruiter sends it and the candidate has taken it so far.
 */
async function questionnaireToken(stage: QuestionnaireStage): Promise<string> {
  return questionnaireAtStage(
    server.db,
    {
      candidateId: matrixCandidateId,
      kitVersionId: matrixKitVersionId,
      interviewerId: await userId(server.db, DEMO.interviewer1),
      recruiterId,
      language: "en",
      stage,
    },
    new Date(),
  );
}

/** The demo's MLOps Engineer role file, as the app exports it. */
async function exportedRole(): Promise<string> {
  const response = await request(server.baseURL, "/roles/mlops-engineer/export", { cookie: await cookieFor("recruiter") });
  expect(response.status).toBe(200);
  return response.text();
}

/** One request a cell stands for, and what must hold after a success. */
type Step = {
  label: string;
  send: (cookie: string | undefined) => Promise<Response>;
  afterSuccess?: (response: Response) => Promise<void>;
  /** A success that stores nothing (a form re-rendered without JavaScript). */
  writesNothing?: boolean;
  /** For a refusal: words its answer must contain, so it was refused for the reason the cell names. */
  says?: string;
};

/** The kit builder's form and where it posts: a new MLOps Engineer kit, or the demo kit's editor. */
async function kitForm(kind: "new" | "edit"): Promise<{ pathname: string; values: KitFormValues }> {
  if (kind === "new") {
    const source = await getKitBuilderSource(server.db, "mlops-engineer", "en");
    if (!source) throw new Error("The demo role mlops-engineer is missing");
    return { pathname: "/kits/new?role=mlops-engineer&level=senior", values: newKitFormValues(source, "senior", "en") };
  }
  const kit = await server.db.selectFrom("kits").select("id").orderBy("id").executeTakeFirstOrThrow();
  const editor = await getKitEditor(server.db, kit.id, "en");
  if (!editor) throw new Error(`Kit ${kit.id} has no editor`);
  return { pathname: `/kits/${kit.id}/edit`, values: editor.values };
}

async function kitSteps(kind: "new" | "edit", code: number): Promise<Step[] | undefined> {
  const { pathname, values } = await kitForm(kind);
  const post = (fields: URLSearchParams, intent: string) => {
    fields.set("intent", intent);
    return (cookie: string | undefined) => request(server.baseURL, pathname, { cookie, form: fields });
  };
  if (code === 303) {
    serial += 1;
    return [
      {
        label: "save",
        send: post(formFields({ ...values, name: `Matrix Kit ${serial}` }), "save"),
        afterSuccess: async (response) => {
          expect(locationPath(response)).toMatch(/^\/kits\/\d+$/);
        },
      },
    ];
  }
  if (code === 200) {
    return [{ label: "move the first question down", send: post(formFields(values), "move:0:down"), writesNothing: true }];
  }
  if (code === 400) return [{ label: "no name", send: post(formFields({ ...values, name: "" }), "save") }];
  return undefined;
}

const SETTINGS_VARIANTS: Record<string, () => Step | Promise<Step>> = {
  invite: () => {
    serial += 1;
    const email = `matrix-invite-${serial}@example.test`;
    return {
      label: "invite",
      send: (cookie) => request(server.baseURL, "/settings/users", { cookie, form: { intent: "invite", email, role: "interviewer" } }),
      afterSuccess: async (response) => {
        expect(await response.text()).toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
        const row = await server.db.selectFrom("invites").select("id").where("email", "=", email).executeTakeFirst();
        expect(row).toBeDefined();
      },
    };
  },
  "change role": () => ({
    label: "change role",
    send: (cookie) =>
      request(server.baseURL, "/settings/users", { cookie, form: { intent: "role", userId: String(targetUserId), role: "recruiter" } }),
    afterSuccess: async () => {
      const row = await server.db.selectFrom("users").select("role").where("id", "=", targetUserId).executeTakeFirstOrThrow();
      expect(row.role).toBe("recruiter");
    },
  }),
  "cancel an invite": async () => {
    serial += 1;
    // Made before the cell's "nothing changed" snapshot: a refused cancel leaves it open.
    const { id } = await server.db
      .transaction()
      .execute((trx) =>
        createInvite(
          trx,
          { email: `matrix-cancel-${serial}@example.test`, role: "interviewer", invitedBy: recruiterId, mail: null },
          new Date(),
        ),
      );
    return {
      label: "cancel an invite",
      send: (cookie) =>
        request(server.baseURL, "/settings/users", { cookie, form: { intent: "cancelInvite", inviteId: String(id), confirm: "1" } }),
      afterSuccess: async () => {
        expect(await server.db.selectFrom("invites").select("id").where("id", "=", id).executeTakeFirst()).toBeUndefined();
      },
    };
  },
  "cancel without confirm": async () => {
    serial += 1;
    const { id } = await server.db
      .transaction()
      .execute((trx) =>
        createInvite(
          trx,
          { email: `matrix-keep-${serial}@example.test`, role: "interviewer", invitedBy: recruiterId, mail: null },
          new Date(),
        ),
      );
    return {
      label: "cancel an invite without confirm=1: the confirmation page",
      send: (cookie) => request(server.baseURL, "/settings/users", { cookie, form: { intent: "cancelInvite", inviteId: String(id) } }),
      writesNothing: true,
    };
  },
  "retry an e-mail": async () => {
    serial += 1;
    // A message the mail server refused, made before the cell's snapshot: a refused retry leaves it failed.
    const now = new Date().toISOString();
    const { id } = await server.db
      .insertInto("mail_outbox")
      .values({
        kind: "invitation",
        message_id: crypto.randomUUID(),
        to_address: `matrix-refused-${serial}@example.test`,
        subject: "Matrix refused message",
        text_body: "text",
        html_body: "<p>html</p>",
        created_at: now,
        attempts: 1,
        next_attempt_at: now,
        failed_at: now,
        last_error: "550 5.1.1 no such user",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return {
      label: "retry a failed e-mail",
      send: (cookie) => request(server.baseURL, "/settings/users", { cookie, form: { intent: "retryMail", mailId: String(id) } }),
      afterSuccess: async () => {
        const row = await server.db
          .selectFrom("mail_outbox")
          .select(["failed_at", "attempts"])
          .where("id", "=", id)
          .executeTakeFirstOrThrow();
        expect(row).toEqual({ failed_at: null, attempts: 0 });
      },
    };
  },
  "due time": () => {
    serial += 1;
    const hours = 24 + serial;
    return {
      label: "set the scorecard due time",
      send: (cookie) => request(server.baseURL, "/settings/users", { cookie, form: { intent: "dueHours", hours: String(hours) } }),
      afterSuccess: async () => {
        const row = await server.db.selectFrom("app_settings").select("value").where("key", "=", "scorecard_due_hours").executeTakeFirst();
        expect(row?.value).toBe(String(hours));
      },
    };
  },
  deactivate: () => ({
    label: "deactivate",
    send: (cookie) => request(server.baseURL, "/settings/users", { cookie, form: { intent: "deactivate", userId: String(targetUserId) } }),
    afterSuccess: async () => {
      const row = await server.db.selectFrom("users").select("deactivated_at").where("id", "=", targetUserId).executeTakeFirstOrThrow();
      expect(row.deactivated_at).not.toBeNull();
    },
  }),
};

/** The account a role column signs in with, by id; the columns without one have no proposals to make. */
async function accountId(role: Role): Promise<number> {
  const email = ACCOUNT_OF[role];
  if (!email) throw new Error(`No account for ${role}`);
  return userId(server.db, email);
}

/** The demo's open band proposal on MLOps Engineer (`/proposals/:id`): interviewer1's, with comments by interviewer2 and interviewer3. */
async function bandProposalId(): Promise<number> {
  return Number((await pathFor("/proposals/:id")).split("/")[2]);
}

async function demoProposalId(title: string): Promise<number> {
  const row = await server.db.selectFrom("proposals").select("id").where("title", "=", title).executeTakeFirstOrThrow();
  return row.id;
}

/** The MLflow skill's expectations with the first one's English wording replaced. */
async function rewordedSkill(wording: string): Promise<ProfileExpectation[]> {
  const profile = await readSkillProfileDocument(server.db, DEMO_PROPOSALS.skill);
  if (!profile) throw new Error(`The demo skill ${DEMO_PROPOSALS.skill} is missing`);
  return profile.expectations.map((expectation, index) =>
    index === 0 ? { ...expectation, description: { ...expectation.description, en: wording } } : expectation,
  );
}

/**
 * A fresh open proposal on the MLflow skill by `authorId` (withdrawn when
 * asked), made before the cell's snapshot: its author's acts on it and
 * everybody else's refusals need one nobody else has touched.
 */
async function skillProposal(authorId: number, options: { withdrawn?: boolean } = {}): Promise<number> {
  serial += 1;
  const created = await createProposal(
    server.db,
    {
      kind: "skill",
      slug: DEMO_PROPOSALS.skill,
      authorId,
      title: `Matrix proposal ${serial}`,
      rationale: "Made by the access matrix.",
      proposed: { kind: "skill", expectations: await rewordedSkill(`Matrix wording ${serial}`) },
    },
    new Date(),
  );
  if (created.status !== "created") throw new Error(`The matrix proposal was not created: ${created.status}`);
  if (options.withdrawn && (await withdrawProposal(server.db, { id: created.id, authorId }, new Date())) !== "done") {
    throw new Error(`The matrix proposal ${created.id} was not withdrawn`);
  }
  return created.id;
}

/** A proposal whose wording the recruiter has since edited otherwise: accepting it meets a conflict. */
async function conflictingProposal(): Promise<number> {
  const id = await skillProposal(await userId(server.db, DEMO.interviewer3));
  serial += 1;
  const saved = await saveSkillExpectations(
    server.db,
    { slug: DEMO_PROPOSALS.skill, actorId: recruiterId, expectations: await rewordedSkill(`Matrix direct wording ${serial}`) },
    new Date(),
  );
  if (saved.status !== "saved") throw new Error(`The matrix's direct edit of the skill was refused: ${saved.status}`);
  return id;
}

/** A comment by `authorId` on the band proposal, made now (so still editable), and its id. */
async function freshComment(authorId: number): Promise<number> {
  const proposalId = await bandProposalId();
  serial += 1;
  const body = `Matrix comment ${serial}`;
  if ((await addComment(server.db, { id: proposalId, userId: authorId, body }, new Date())) !== "saved") {
    throw new Error("The matrix comment was not saved");
  }
  const row = await server.db.selectFrom("proposal_comments").select("id").where("body", "=", body).executeTakeFirstOrThrow();
  return row.id;
}

/** interviewer3's demo comment on the band proposal: nobody else's to edit or (but for a recruiter) remove. */
async function othersCommentId(): Promise<number> {
  const row = await server.db
    .selectFrom("proposal_comments")
    .select("id")
    .where("proposal_id", "=", await bandProposalId())
    .where("author_id", "=", await userId(server.db, DEMO.interviewer3))
    .orderBy("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function proposalRow(id: number) {
  return server.db
    .selectFrom("proposals")
    .select(["status", "title", "author_id", "role_id", "skill_id", "changes"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

/** A POST to a proposal's page that must come back to it. */
function proposalPost(id: number, label: string, form: Record<string, string>, check?: (response: Response) => Promise<void>): Step {
  return {
    label,
    send: (cookie) => request(server.baseURL, `/proposals/${id}`, { cookie, form }),
    afterSuccess: async (response) => {
      expect(locationPath(response)).toBe(`/proposals/${id}`);
      await check?.(response);
    },
  };
}

/** The requests of POST /proposals/:id for one code, as the role's account may make them. */
async function proposalPageSteps(role: Role, code: number): Promise<Step[] | undefined> {
  const me = await accountId(role);
  const band = await bandProposalId();
  const recruiter = role === "recruiter";
  const myVote = () =>
    server.db.selectFrom("proposal_votes").select("value").where("proposal_id", "=", band).where("user_id", "=", me).executeTakeFirst();
  if (code === 303) {
    const ownComment = await freshComment(me);
    const ownProposal = await skillProposal(me);
    serial += 1;
    const body = `Matrix comment ${serial}\non two lines`;
    const edited = `Matrix comment ${serial}, edited`;
    const comment = (id: number) =>
      server.db.selectFrom("proposal_comments").select(["body", "removed_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    const steps = [
      proposalPost(band, "vote +1", { intent: "vote", value: "1" }, async () => {
        expect(await myVote()).toEqual({ value: 1 });
      }),
      proposalPost(band, "withdraw the vote", { intent: "vote", value: "0" }, async () => {
        expect(await myVote()).toBeUndefined();
      }),
      proposalPost(band, "a comment", { intent: "comment", body }, async () => {
        const saved = await server.db.selectFrom("proposal_comments").select("author_id").where("body", "=", body).executeTakeFirst();
        expect(saved?.author_id).toBe(me);
      }),
      proposalPost(band, "edit their own comment", { intent: "edit-comment", commentId: String(ownComment), body: edited }, async () => {
        expect((await comment(ownComment)).body).toBe(edited);
      }),
      proposalPost(band, "remove their own comment", { intent: "remove-comment", commentId: String(ownComment) }, async () => {
        expect((await comment(ownComment)).removed_at).not.toBeNull();
      }),
      proposalPost(ownProposal, "withdraw their own proposal", { intent: "withdraw" }, async () => {
        expect((await proposalRow(ownProposal)).status).toBe("withdrawn");
      }),
    ];
    if (!recruiter) return steps;
    const othersComment = await freshComment(await userId(server.db, DEMO.interviewer3));
    const interviewer3 = await userId(server.db, DEMO.interviewer3);
    const toAccept = await skillProposal(interviewer3);
    const toReject = await skillProposal(interviewer3);
    return [
      ...steps,
      proposalPost(band, "remove another's comment", { intent: "remove-comment", commentId: String(othersComment) }, async () => {
        expect((await comment(othersComment)).removed_at).not.toBeNull();
      }),
      proposalPost(toAccept, "accept", { intent: "accept", note: "Matrix acceptance" }, async () => {
        expect((await proposalRow(toAccept)).status).toBe("accepted");
        const version = await server.db.selectFrom("profile_versions").select("source").where("proposal_id", "=", toAccept).execute();
        expect(version).toEqual([{ source: "proposal" }]);
      }),
      proposalPost(toReject, "reject with a reason", { intent: "reject", reason: "Matrix rejection" }, async () => {
        expect((await proposalRow(toReject)).status).toBe("rejected");
      }),
    ];
  }
  if (code === 400) {
    const steps = [{ ...proposalPost(band, "an empty comment", { intent: "comment", body: "" }), says: "Write a comment" }];
    if (!recruiter) return steps;
    return [
      ...steps,
      { ...proposalPost(band, "a reject without a reason", { intent: "reject", reason: "" }), says: "Give the reason for rejecting" },
      proposalPost(band, "an accept with a conflict's choice that is neither", { intent: "accept", "resolve:expectations": "both" }),
    ];
  }
  if (code === 403) {
    const othersProposal = await skillProposal(await userId(server.db, DEMO.interviewer3));
    const othersComment = String(await othersCommentId());
    const steps = [
      proposalPost(othersProposal, "withdraw another's proposal", { intent: "withdraw" }),
      {
        ...proposalPost(band, "edit another's comment", { intent: "edit-comment", commentId: othersComment, body: "Matrix edit" }),
        says: "This comment can no longer be changed by you",
      },
    ];
    if (recruiter) return steps;
    return [
      ...steps,
      {
        ...proposalPost(band, "remove another's comment", { intent: "remove-comment", commentId: othersComment }),
        says: "This comment can no longer be changed by you",
      },
      proposalPost(band, "accept", { intent: "accept", note: "" }),
      proposalPost(band, "reject with a reason", { intent: "reject", reason: "Matrix rejection" }),
    ];
  }
  if (code === 404) {
    return [
      proposalPost(band, "edit a comment the proposal does not have", { intent: "edit-comment", commentId: "999999", body: "Matrix edit" }),
      proposalPost(band, "remove a comment the proposal does not have", { intent: "remove-comment", commentId: "999999" }),
    ];
  }
  if (code === 409) {
    const rejected = await demoProposalId(DEMO_PROPOSALS.rejected);
    const steps = [
      {
        ...proposalPost(rejected, "a vote on a decided proposal", { intent: "vote", value: "1" }),
        says: "This proposal is no longer open",
      },
    ];
    if (!recruiter) return steps;
    return [
      ...steps,
      {
        ...proposalPost(await conflictingProposal(), "an accept leaving a conflict unresolved", { intent: "accept" }),
        says: "Resolve every conflict before accepting",
      },
    ];
  }
  return undefined;
}

/** The skill proposal form as the page posts it: the MLflow expectations (the first reworded), a title and a rationale. */
async function skillProposalForm(wording: string, proposal: { title: string; rationale: string }): Promise<URLSearchParams> {
  const fields = formFields(skillToFormValues(await rewordedSkill(wording)));
  fields.set("title", proposal.title);
  fields.set("rationale", proposal.rationale);
  return fields;
}

/** GET or POST /proposals/:id/edit for one code: their own open proposal; 404: another's, or their own once withdrawn. */
async function proposalEditSteps(row: Row, role: Role, code: number): Promise<Step[] | undefined> {
  const me = await accountId(role);
  serial += 1;
  const title = `Matrix proposal ${serial}, updated`;
  const form = await skillProposalForm(`Matrix update ${serial}`, { title, rationale: "Updated by the access matrix." });
  const open = (id: number, label: string, body: URLSearchParams = form): Step => ({
    label,
    send: (cookie) =>
      row.method === "GET"
        ? request(server.baseURL, `/proposals/${id}/edit`, { cookie })
        : request(server.baseURL, `/proposals/${id}/edit`, { cookie, form: body }),
    afterSuccess: async (response) => {
      if (row.method === "GET") return;
      expect(locationPath(response)).toBe(`/proposals/${id}`);
      expect((await proposalRow(id)).title).toBe(title);
    },
  });
  if (code === 200 || code === 303) return [open(await skillProposal(me), "their own open proposal")];
  if (code === 400) {
    const noRationale = new URLSearchParams(form);
    noRationale.set("rationale", "");
    return [
      { ...open(await skillProposal(me), "their own open proposal, no rationale", noRationale), says: "Say why the profile should change" },
    ];
  }
  if (code === 404) {
    return [
      open(await skillProposal(await userId(server.db, DEMO.interviewer3)), "another's open proposal"),
      open(await skillProposal(me, { withdrawn: true }), "their own withdrawn proposal"),
    ];
  }
  return undefined;
}

/** "Suggest a change" posted as the page posts it; 400: the same without a rationale. */
async function proposeSteps(row: Row, role: Role, code: number): Promise<Step[] | undefined> {
  if (code !== 303 && code !== 400) return undefined;
  const me = await accountId(role);
  serial += 1;
  const title = `Matrix suggestion ${serial}`;
  const rationale = code === 400 ? "" : "Suggested by the access matrix.";
  let form: URLSearchParams;
  if (row.route === "/roles/:slug/propose") {
    // A red flag reworded: a change any member may propose (an interviewer who may not see the bands has no band fields).
    const values = roleToFormValues(roleFileSchema.parse(JSON.parse(await exportedRole())));
    values.redFlags[0] = { es: `Bandera roja de la matriz ${serial}`, en: `Matrix red flag ${serial}`, zh: "" };
    form = formFields({ ...values, title, rationale });
  } else {
    form = await skillProposalForm(`Matrix suggestion wording ${serial}`, { title, rationale });
  }
  const pathname = await pathFor(row.route);
  return [
    {
      label: code === 303 ? "a reworded text with a title and a rationale" : "no rationale",
      ...(code === 400 ? { says: "Say why the profile should change" } : {}),
      send: (cookie) => request(server.baseURL, pathname, { cookie, form }),
      afterSuccess: async (response) => {
        const target = locationPath(response) ?? "";
        expect(target).toMatch(/^\/proposals\/\d+$/);
        const saved = await proposalRow(Number(target.split("/")[2]));
        expect(saved).toMatchObject({ status: "open", title, author_id: me });
        expect(row.route.startsWith("/roles/") ? saved.role_id : saved.skill_id).not.toBeNull();
        // The form posted whole, the proposal holds the one text reworded and nothing else (no band, for whoever may not see them).
        const changed = (JSON.parse(saved.changes) as { path: string[] }[]).map((change) => change.path[0]);
        expect(new Set(changed)).toEqual(new Set([row.route.startsWith("/roles/") ? "redFlags" : "expectations"]));
      },
    },
  ];
}

/** POST /follows: follow and unfollow MLOps Engineer and MLflow, back to each page or to /proposals. */
function followSteps(role: Role, code: number): Step[] | undefined {
  const post = (form: Record<string, string>) => (cookie: string | undefined) => request(server.baseURL, "/follows", { cookie, form });
  if (code === 400)
    return [
      {
        label: "a kind that is neither role nor skill",
        send: post({ kind: "team", slug: "mlops-engineer", follow: "1" }),
        says: "Send kind (role or skill), slug and follow (1 or 0).",
      },
    ];
  if (code === 404) return [{ label: "no such role", send: post({ kind: "role", slug: "no-such-role", follow: "1" }) }];
  if (code !== 303) return undefined;
  const follows = async (kind: "role" | "skill") => {
    const target = await findProfileTarget(server.db, kind, kind === "role" ? "mlops-engineer" : "mlflow");
    if (!target) throw new Error(`The demo ${kind} is missing`);
    const rows = await server.db
      .selectFrom("profile_follows")
      .select("user_id")
      .where("user_id", "=", await accountId(role))
      .where(kind === "role" ? "role_id" : "skill_id", "=", target.id)
      .execute();
    return rows.length;
  };
  const step = (label: string, form: Record<string, string>, kind: "role" | "skill", target: string, following: boolean): Step => ({
    label,
    send: post(form),
    afterSuccess: async (response) => {
      expect(locationPath(response)).toBe(target);
      expect(await follows(kind)).toBe(following ? 1 : 0);
    },
  });
  // Unfollowed first, then followed: interviewer1 ends following MLOps Engineer, as the demo has it.
  return [
    step("unfollow the role", { kind: "role", slug: "mlops-engineer", follow: "0" }, "role", "/roles/mlops-engineer", false),
    step("follow the role", { kind: "role", slug: "mlops-engineer", follow: "1" }, "role", "/roles/mlops-engineer", true),
    step("follow the skill", { kind: "skill", slug: "mlflow", follow: "1" }, "skill", "/skills/mlflow", true),
    step(
      "unfollow the skill, back to /proposals",
      { kind: "skill", slug: "mlflow", follow: "0", back: "proposals" },
      "skill",
      "/proposals",
      false,
    ),
  ];
}

/** The recruiter's direct edit of MLflow's expectations; 400: a row naming a role the library does not have. */
async function skillEditSteps(code: number): Promise<Step[] | undefined> {
  if (code !== 303 && code !== 400) return undefined;
  serial += 1;
  const wording = `Matrix edited wording ${serial}`;
  const values = skillToFormValues(await rewordedSkill(wording));
  const first = values.expectations[0];
  if (!first) throw new Error("The demo skill has no expectations");
  if (code === 400) first.role = "no-such-role";
  return [
    {
      label: code === 303 ? "the first expectation reworded" : "an unknown role",
      send: (cookie) => request(server.baseURL, "/skills/mlflow/edit", { cookie, form: formFields(values) }),
      afterSuccess: async (response) => {
        expect(locationPath(response)).toBe("/skills/mlflow");
        const target = await findProfileTarget(server.db, "skill", "mlflow");
        const latest = await server.db
          .selectFrom("profile_versions")
          .select(["source", "content"])
          .where("skill_id", "=", target?.id ?? 0)
          .orderBy("version", "desc")
          .executeTakeFirstOrThrow();
        expect(latest.source).toBe("edit");
        expect(latest.content).toContain(wording);
      },
    },
  ];
}

/** The requests that show one status code of one cell. */
async function stepsFor(row: Row, role: Role, cell: Cell, code: number): Promise<Step[]> {
  const key = `${row.method} ${row.route}`;
  switch (key) {
    case "POST /login": {
      const own = ACCOUNT_OF[role];
      const email = own ?? OTHER_ACCOUNT;
      if (code === 401) {
        return [
          {
            label: "wrong password",
            send: (cookie) => request(server.baseURL, "/login", { cookie, form: { email, password: "not-the-password" } }),
          },
        ];
      }
      return [
        {
          label: "right password",
          send: (cookie) => request(server.baseURL, "/login", { cookie, form: { email, password: DEMO.password } }),
          afterSuccess: async (response) => {
            // Interviewers start from their assessments, everybody else from the role library.
            expect(locationPath(response)).toBe(email === DEMO.recruiter ? "/roles" : "/assessments");
            expect(setCookieValue(response)).toBeTruthy();
            // Signing in again replaced the role's session.
            cookies.delete(role);
          },
        },
      ];
    }
    case "POST /logout":
      return [{ label: "sign out", send: (cookie) => request(server.baseURL, "/logout", { cookie, form: {} }) }];
    case "POST /language":
      return [
        {
          label: "switch language",
          send: (cookie) => request(server.baseURL, "/language", { cookie, form: { lng: "en", redirectTo: "/roles" } }),
        },
      ];
    case "POST /settings/users": {
      const wanted =
        code === 200 ? (/\(([^)]*)\)/.exec(cell.text)?.[1] ?? "invite").split(",").map((s) => s.trim()) : Object.keys(SETTINGS_VARIANTS);
      return Promise.all(
        wanted.map((name) => {
          const make = SETTINGS_VARIANTS[name];
          if (!make) throw new Error(`No request for "${name}" in ${key}`);
          return make();
        }),
      );
    }
    case "POST /settings/account": {
      if (code === 400) {
        return [
          {
            label: "an empty name",
            send: (cookie) =>
              request(server.baseURL, "/settings/account", { cookie, form: { intent: "account", name: "", language: "en" } }),
          },
        ];
      }
      if (code === 200) {
        serial += 1;
        const email = ACCOUNT_OF[role];
        const name = `Matrix Name ${serial}`;
        return [
          {
            label: "save one's name, language and e-mail choices",
            send: (cookie) =>
              request(server.baseURL, "/settings/account", {
                cookie,
                form: { intent: "account", name, language: "es", mailReminders: "on" },
              }),
            afterSuccess: async () => {
              if (!email) throw new Error(`No account for ${role}`);
              const row = await server.db
                .selectFrom("users")
                .select(["name", "language", "mail_reminders", "mail_all_in"])
                .where("email", "=", email)
                .executeTakeFirstOrThrow();
              expect(row).toEqual({ name, language: "es", mail_reminders: 1, mail_all_in: 0 });
            },
          },
        ];
      }
      break;
    }
    case "GET /invite/:token":
    case "POST /invite/:token": {
      const open = code !== 404;
      const token = open ? await openInviteToken() : unknownToken();
      const pathname = `/invite/${token}`;
      if (row.method === "GET") {
        return [{ label: open ? "open invite" : "unknown token", send: (cookie) => request(server.baseURL, pathname, { cookie }) }];
      }
      return [
        {
          label: open ? "open invite" : "unknown token",
          send: (cookie) =>
            request(server.baseURL, pathname, {
              cookie,
              form: { name: "Matrix Invitee", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
            }),
        },
      ];
    }
    case "POST /roles": {
      if (code === 400)
        return [{ label: "no intent", send: (cookie) => request(server.baseURL, "/roles", { cookie, form: { intent: "nothing" } }) }];
      if (code === 303) {
        return [
          {
            label: "add the Traitkit library",
            send: (cookie) => request(server.baseURL, "/roles", { cookie, form: { intent: "library" } }),
            afterSuccess: async (response) => {
              expect(locationPath(response)).toBe("/roles");
              expect(
                await server.db.selectFrom("audit_log").select("id").where("action", "=", "role.library_add").executeTakeFirst(),
              ).toBeDefined();
            },
          },
        ];
      }
      break;
    }
    case "POST /roles/import": {
      // A role file as the app exports it; with replace=on it imports over the existing role.
      const upload = (content: string, replace: boolean) => {
        const body = new FormData();
        body.set("file", new Blob([content], { type: "application/json" }), "mlops-engineer.traitkit-role.json");
        if (replace) body.set("replace", "on");
        return body;
      };
      const label = code === 400 ? "a file that is not a role" : code === 409 ? "slug taken, no replace" : "replace";
      const content = code === 400 ? "{}" : await exportedRole();
      return [
        {
          label,
          send: (cookie) => request(server.baseURL, "/roles/import", { cookie, multipart: upload(content, code !== 409) }),
          afterSuccess: async (response) => {
            expect(locationPath(response)).toBe("/roles/mlops-engineer");
          },
        },
      ];
    }
    case "POST /kits/new":
    case "POST /kits/:id/edit": {
      const steps = await kitSteps(row.route === "/kits/new" ? "new" : "edit", code);
      if (steps) return steps;
      break;
    }
    case "POST /roles/new": {
      if (code === 303) {
        serial += 1;
        const slug = `matrix-role-${serial}`;
        const values = roleToFormValues(null);
        values.name = `Matrix Role ${serial}`;
        values.slug = slug;
        values.family = "Platform & Infrastructure";
        return [
          {
            label: "a new role",
            send: (cookie) => request(server.baseURL, "/roles/new", { cookie, form: formFields(values) }),
            afterSuccess: async (response) => {
              expect(locationPath(response)).toBe(`/roles/${slug}`);
              const row = await server.db.selectFrom("roles").select("id").where("slug", "=", slug).executeTakeFirst();
              expect(row).toBeDefined();
            },
          },
        ];
      }
      if (code === 400) {
        // The blank form: no name, no slug.
        return [
          {
            label: "a blank form",
            send: (cookie) => request(server.baseURL, "/roles/new", { cookie, form: formFields(roleToFormValues(null)) }),
          },
        ];
      }
      break;
    }
    case "POST /roles/:slug/edit": {
      if (code === 303 || code === 400) {
        const values = roleToFormValues(roleFileSchema.parse(JSON.parse(await exportedRole())));
        // 400: a band whose low is above its high.
        if (code === 400) values.idealProfile.extraversion.low = "99";
        return [
          {
            label: code === 303 ? "the role as it is" : "a band with low above high",
            send: (cookie) => request(server.baseURL, "/roles/mlops-engineer/edit", { cookie, form: formFields(values) }),
            afterSuccess: async (response) => {
              expect(locationPath(response)).toBe("/roles/mlops-engineer");
            },
          },
        ];
      }
      break;
    }
    case "POST /proposals/:id": {
      // Turned away to sign in: the refusal below, with no account to act as.
      if (cell.location === "/login") break;
      const steps = await proposalPageSteps(role, code);
      if (steps) return steps;
      break;
    }
    case "GET /proposals/:id/edit":
    case "POST /proposals/:id/edit": {
      // Turned away to sign in: the refusal below, with no account to act as.
      if (cell.location === "/login") break;
      const steps = await proposalEditSteps(row, role, code);
      if (steps) return steps;
      break;
    }
    case "POST /roles/:slug/propose":
    case "POST /skills/:slug/propose": {
      // Turned away to sign in: the refusal below, with no account to act as.
      if (cell.location === "/login") break;
      const steps = await proposeSteps(row, role, code);
      if (steps) return steps;
      break;
    }
    case "POST /follows": {
      // Turned away to sign in: the refusal below, with no account to act as.
      if (cell.location === "/login") break;
      const steps = followSteps(role, code);
      if (steps) return steps;
      break;
    }
    case "POST /skills/:slug/edit": {
      // Turned away to sign in: the refusal below, with no account to act as.
      if (cell.location === "/login") break;
      const steps = await skillEditSteps(code);
      if (steps) return steps;
      break;
    }
    case "GET /roles/:slug/level": {
      // 400: an answer that is not one of the skill's levels.
      if (code === 400) {
        const pathname = await pathFor(row.route);
        return ["met.mlflow=expert", "met.mlflow="].map((query) => ({
          label: query,
          send: (cookie) => request(server.baseURL, `${pathname}?${query}`, { cookie }),
        }));
      }
      break;
    }
    case "GET /roles/:slug/history":
    case "GET /skills/:slug/history": {
      // 400: a version number that cannot be read, and one the profile does not have.
      const pathname = await pathFor(row.route);
      if (code === 400) {
        return ["abc", "999"].map((from) => ({
          label: `from=${from}`,
          send: (cookie) => request(server.baseURL, `${pathname}?from=${from}`, { cookie }),
        }));
      }
      break;
    }
    case "GET /r/:token": {
      // A live link is published by the recruiter first; 404: a token nobody issued.
      const token = code === 200 ? await publishedReportToken(await publishablePath()) : unknownToken();
      return [
        {
          label: code === 200 ? "live report link" : "unknown token",
          send: (cookie) => request(server.baseURL, `/r/${token}`, { cookie }),
        },
      ];
    }
    case "GET /q/:token": {
      // A live link is sent by the recruiter first; 404: a token nobody issued.
      const token = code === 200 ? await questionnaireToken("sent") : unknownToken();
      return [
        {
          label: code === 200 ? "live questionnaire link" : "unknown token",
          send: (cookie) => request(server.baseURL, `/q/${token}`, { cookie }),
        },
      ];
    }
    case "POST /q/:token": {
      const firstItem = selfReportItems()[0]?.id ?? "";
      if (code === 303) {
        const token = await questionnaireToken("sent");
        return [
          {
            label: "consent",
            send: (cookie) => request(server.baseURL, `/q/${token}`, { cookie, form: { intent: "consent", lang: "en" } }),
            afterSuccess: async (response) => {
              expect(locationPath(response)).toBe(`/q/${token}`);
              const hash = crypto.createHash("sha256").update(token).digest("hex");
              const consented = await server.db
                .selectFrom("questionnaires")
                .innerJoin("questionnaire_links", "questionnaire_links.assessment_id", "questionnaires.assessment_id")
                .select("questionnaires.consented_at")
                .where("questionnaire_links.token_hash", "=", hash)
                .executeTakeFirstOrThrow();
              expect(consented.consented_at).not.toBeNull();
            },
          },
        ];
      }
      if (code === 200) {
        const token = await questionnaireToken("sent");
        return [
          {
            label: "consent declined",
            send: (cookie) => request(server.baseURL, `/q/${token}`, { cookie, form: { intent: "decline", lang: "en" } }),
            writesNothing: true,
          },
        ];
      }
      // 400: an answer off the scale; 409: a page posted after the submission; 404: a token nobody issued.
      const token =
        code === 400 ? await questionnaireToken("consented") : code === 409 ? await questionnaireToken("submitted") : unknownToken();
      const value = code === 400 ? "6" : "3";
      return [
        {
          label: code === 400 ? "an answer outside 1–5" : code === 409 ? "a page after the submission" : "unknown token",
          send: (cookie) =>
            request(server.baseURL, `/q/${token}?lang=en&page=1`, {
              cookie,
              form: { intent: "next", lang: "en", page: "1", [`answer.${firstItem}`]: value },
            }),
        },
      ];
    }
    case "POST /assessments/:id": {
      if (code === 200) {
        const pathname = await publishablePath();
        // A panel of two, made before the cell's snapshot: removing one is possible, so it is asked first.
        const candidate = await server.db
          .selectFrom("candidates")
          .select("id")
          .where("name", "=", "Matrix Panel Candidate")
          .executeTakeFirstOrThrow();
        const kitVersion = await server.db
          .selectFrom("assessments")
          .select("kit_version_id")
          .where("id", "=", matrixAssessmentId)
          .executeTakeFirstOrThrow();
        const panel = [await userId(server.db, DEMO.interviewer1), await userId(server.db, DEMO.interviewer2)];
        const pair = await createAssessment(
          server.db,
          {
            candidateId: candidate.id,
            kitVersionId: kitVersion.kit_version_id,
            interviewerIds: panel,
            actorId: recruiterId,
            schedule: null,
            mail: null,
          },
          new Date(),
        );
        if (!pair.ok) throw new Error("The two-interviewer assessment was refused");
        return [
          {
            label: "remove an interviewer without confirm=1: the confirmation page",
            send: (cookie) =>
              request(server.baseURL, `/assessments/${pair.id}`, { cookie, form: { intent: "remove", userId: String(panel[1]) } }),
            afterSuccess: async (response) => {
              expect(await response.text()).toContain('data-testid="confirmation-page"');
            },
            writesNothing: true,
          },
          {
            label: "publish a report",
            send: (cookie) =>
              request(server.baseURL, pathname, { cookie, form: { intent: "publish", language: "es", expiresInDays: "30" } }),
            afterSuccess: async (response) => {
              const token = /\/r\/([A-Za-z0-9_-]{43})/.exec(await response.text())?.[1] ?? "";
              const hash = crypto.createHash("sha256").update(token).digest("hex");
              const saved = await server.db.selectFrom("report_links").select("language").where("token_hash", "=", hash).executeTakeFirst();
              expect(saved?.language).toBe("es");
            },
          },
        ];
      }
      if (code === 409) {
        // The matrix assessment's panel is interviewer1 alone: they cannot be removed.
        const pathname = await pathFor(row.route);
        const only = await userId(server.db, DEMO.interviewer1);
        return [
          {
            label: "remove the last interviewer",
            send: (cookie) => request(server.baseURL, pathname, { cookie, form: { intent: "remove", userId: String(only), confirm: "1" } }),
          },
        ];
      }
      if (code === 303 || code === 400 || code === 404) {
        const pathname = await pathFor(row.route);
        const reason = code === 400 ? "" : `Matrix decision ${serial++}`;
        return [
          {
            label:
              code === 303
                ? "a decision with its reason"
                : code === 404
                  ? "a decision with its reason, not a recruiter"
                  : "a decision without a reason",
            send: (cookie) => request(server.baseURL, pathname, { cookie, form: { intent: "decision", decision: "hold", reason } }),
            afterSuccess: async (response) => {
              expect(locationPath(response)).toBe(pathname);
              const saved = await server.db.selectFrom("decisions").select("id").where("reason", "=", reason).executeTakeFirst();
              expect(saved).toBeDefined();
            },
          },
        ];
      }
      break;
    }
    case "POST /roles/:slug":
    case "POST /kits/:id": {
      const pathname = await pathFor(row.route);
      const archivedAt = async () => {
        const table = row.route === "/roles/:slug" ? "roles" : "kits";
        const id = Number(pathname.split("/")[2]);
        const query = server.db.selectFrom(table).select("archived_at");
        return (
          await (
            table === "roles" ? query.where("slug", "=", pathname.split("/")[2] ?? "") : query.where("id", "=", id)
          ).executeTakeFirstOrThrow()
        ).archived_at;
      };
      const post = (form: Record<string, string>) => (cookie: string | undefined) => request(server.baseURL, pathname, { cookie, form });
      // The demo role and kit are used by the demo's assessments: never deleted, archived only for a moment.
      if (code === 303) {
        return [
          {
            label: "archive with confirm=1",
            send: post({ intent: "archive", confirm: "1" }),
            afterSuccess: async (response) => {
              expect(locationPath(response)).toBe(pathname);
              expect(await archivedAt()).not.toBeNull();
            },
          },
          {
            label: "restore",
            send: post({ intent: "restore" }),
            afterSuccess: async () => {
              expect(await archivedAt()).toBeNull();
            },
          },
        ];
      }
      if (code === 200) {
        return [
          { label: "archive without confirm=1: the confirmation page", send: post({ intent: "archive" }), writesNothing: true },
          { label: "delete without confirm=1: the confirmation page", send: post({ intent: "delete" }), writesNothing: true },
        ];
      }
      if (code === 409) return [{ label: "delete while in use", send: post({ intent: "delete", confirm: "1" }) }];
      break;
    }
    case "GET /assessments": {
      // "Assigned ones only": the matrix assessment is listed for a member of its panel and for nobody else of the interviewers.
      const listed = ACCOUNT_OF[role] === DEMO.interviewer1 || role === "recruiter";
      return [
        {
          label: "the list",
          send: (cookie) => request(server.baseURL, "/assessments", { cookie }),
          afterSuccess: async (response) => {
            const html = await response.text();
            if (listed)
              expect(html, `${key} as ${role} lists the matrix assessment`).toContain(`href="/assessments/${matrixAssessmentId}"`);
            else expect(html, `${key} as ${role} lists the matrix assessment`).not.toContain(`href="/assessments/${matrixAssessmentId}"`);
          },
        },
      ];
    }
    case "POST /assessments/:id/scorecard":
    case "POST /assessments/:id/scorecard/autosave": {
      if (code === 303 || code === 200 || code === 400 || code === 404) {
        const pathname = await pathFor(row.route);
        const assessmentId = Number(pathname.split("/")[2]);
        const question = await server.db
          .selectFrom("kit_question_traits")
          .innerJoin("kit_questions", "kit_questions.id", "kit_question_traits.kit_question_id")
          .innerJoin("assessments", "assessments.kit_version_id", "kit_questions.kit_version_id")
          .select(["kit_question_traits.kit_question_id", "kit_question_traits.trait"])
          .where("assessments.id", "=", assessmentId)
          .orderBy("kit_questions.position")
          .executeTakeFirstOrThrow();
        const field = `rating.${question.kit_question_id}.${question.trait}`;
        // 400: a submit without a recommendation (form) or a rating out of range (autosave).
        // 404: the same draft as a member saves, from somebody not on the panel.
        const form: Record<string, string> =
          code === 400
            ? row.route.endsWith("autosave")
              ? { [field]: "9" }
              : { intent: "submit", [field]: "3" }
            : { intent: "save", [field]: "3", [`notes.${question.kit_question_id}`]: "Matrix note" };
        return [
          {
            label:
              code === 400
                ? "a scorecard that cannot be taken"
                : code === 404
                  ? "a draft with one rating, not on the panel"
                  : "a draft with one rating",
            send: (cookie) => request(server.baseURL, pathname, { cookie, form }),
            afterSuccess: async (response) => {
              if (code === 303) expect(locationPath(response)).toBe(pathname);
              const card = await server.db
                .selectFrom("scorecards")
                .select("status")
                .where("assessment_id", "=", assessmentId)
                .where("interviewer_id", "=", await userId(server.db, DEMO.interviewer1))
                .executeTakeFirstOrThrow();
              expect(card.status).toBe("draft");
            },
          },
        ];
      }
      break;
    }
    case "POST /candidates/new":
    case "POST /candidates/:id/edit": {
      if (code === 303 || code === 400) {
        const creating = row.route === "/candidates/new";
        const pathname = creating ? "/candidates/new" : await pathFor(row.route);
        serial += 1;
        const name = code === 400 ? "" : `Matrix Candidate ${serial}`;
        const form = { name, email: `matrix-candidate-${serial}@example.com`, roleSlug: "mlops-engineer", source: "matrix", notes: "" };
        return [
          {
            label: code === 303 ? (creating ? "a new candidate" : "the candidate renamed") : "no name",
            send: (cookie) => request(server.baseURL, pathname, { cookie, form }),
            afterSuccess: async (response) => {
              const target = locationPath(response);
              expect(target).toMatch(/^\/candidates\/\d+$/);
              if (!creating) expect(`${target}/edit`).toBe(pathname);
              const saved = await server.db.selectFrom("candidates").select("id").where("name", "=", name).executeTakeFirst();
              expect(saved && `/candidates/${saved.id}`).toBe(target);
            },
          },
        ];
      }
      break;
    }
    case "POST /candidates/:id": {
      if (code === 200) {
        const pathname = await pathFor(row.route);
        return [
          {
            label: "erase without confirm=1: the confirmation page",
            send: (cookie) => request(server.baseURL, pathname, { cookie, form: { intent: "erase" } }),
            writesNothing: true,
          },
        ];
      }
      if (code === 303 || code === 400) {
        const pathname = await pathFor(row.route);
        const kitVersion = await server.db.selectFrom("kit_versions").select("id").orderBy("id").executeTakeFirstOrThrow();
        const form = new URLSearchParams({ intent: "assessment", kitVersionId: String(kitVersion.id) });
        // 400: no interviewer ticked.
        if (code === 303)
          for (const email of [DEMO.interviewer1, DEMO.interviewer2]) form.append("interviewerIds", String(await userId(server.db, email)));
        return [
          {
            label: code === 303 ? "an assessment with both demo interviewers" : "an assessment without interviewers",
            send: (cookie) => request(server.baseURL, pathname, { cookie, form }),
            afterSuccess: async (response) => {
              const target = locationPath(response) ?? "";
              expect(target).toMatch(/^\/assessments\/\d+$/);
              const assessment = await server.db
                .selectFrom("assessments")
                .select("candidate_id")
                .where("id", "=", Number(target.split("/")[2]))
                .executeTakeFirstOrThrow();
              expect(`/candidates/${assessment.candidate_id}`).toBe(pathname);
            },
          },
        ];
      }
      break;
    }
  }
  if (key === "GET /calibration" || key === "GET /calibration.csv") {
    // 400: a date that is not one; 200: the default period, every role.
    const search = code === 400 ? "?from=2026-02-30" : "";
    const csv = row.route === "/calibration.csv";
    return [
      {
        label: code === 400 ? "a start that is not a date" : "the last 12 months",
        send: (cookie) => request(server.baseURL, `${row.route}${search}`, { cookie }),
        afterSuccess: async (response) => {
          const text = await response.text();
          if (code === 400) {
            expect(text).toContain("Enter a date as year-month-day");
            return;
          }
          if (!csv) return;
          // One line a row after the header: an interviewer's file has their own row at most.
          const lines = text.trim().split("\n");
          expect(lines[0]).toBe("interviewer_id,name,email,scorecards,adherence,leniency,leniency_n,outlier_count,median_days_to_submit");
          if (role !== "recruiter") expect(lines.length).toBeLessThanOrEqual(2);
        },
      },
    ];
  }
  const pathname = await pathFor(row.route);
  if (row.method === "GET") {
    return [{ label: "page", send: (cookie) => request(server.baseURL, pathname, { cookie }) }];
  }
  // Access is checked before the body is read: a refusal needs no particular form.
  if (REFUSED.has(code) || cell.location === "/login") {
    return [{ label: "refused post", send: (cookie) => request(server.baseURL, pathname, { cookie, form: {} }) }];
  }
  throw new Error(`No scenario for ${code} on ${key}: add one to access-matrix.test.ts`);
}

const REFUSED = new Set([401, 403, 404]);
/** Refused input: the request is answered and nothing is written. */
const INVALID = new Set([400, 409, 413, 422]);

async function checkCell(row: Row, role: Role): Promise<void> {
  const cell = row.cells[role];
  const sessionEnded = cell.text.includes("session ended");
  const signsIn = cell.text.includes("signed in");
  for (const code of cell.codes) {
    for (const step of await stepsFor(row, role, cell, code)) {
      const cookie = await cookieFor(role);
      const denied = REFUSED.has(code) || (cell.location === "/login" && !sessionEnded);
      const mustNotChange = row.method === "GET" || denied || INVALID.has(code) || step.writesNothing === true;
      const before = await matrixState();
      const logs = captureLogs();
      const response = await step.send(cookie).finally(() => logs.stop());
      requestsSent += 1;
      const what = `${row.method} ${row.route} as ${role} (${step.label})`;
      expect(response.status, what).toBe(code);
      // A signed-in user refused by role or panel leaves exactly one authz.denied event, theirs (docs/reliability.md A1, L1).
      // An address no route has is no one's to refuse: its 404 is not a denial.
      const email = ACCOUNT_OF[role];
      if (cookie && email && code === 404 && cell.codes.length === 1 && row.route !== "/*") {
        const denials = logs.events().filter((e) => e.event === "authz.denied");
        expect(denials, `${what}: authz.denied events`).toHaveLength(1);
        expect(denials[0], `${what}: the authz.denied event`).toMatchObject({
          userId: await userId(server.db, email),
          path: new URL(response.url).pathname,
        });
      }
      if (cell.codes.length === 1 && cell.location !== null) expect(locationPath(response), what).toMatch(pathPattern(cell.location));
      if (mustNotChange) {
        // An allowed read may write its own audit entry (an export does); nothing else.
        const allowedRead = row.method === "GET" && !denied;
        if (allowedRead && step.afterSuccess) await step.afterSuccess(response);
        else if (step.says !== undefined) expect(await response.text(), `${what}: the reason`).toContain(step.says);
        else await response.body?.cancel();
        const after = await matrixState();
        expect(allowedRead ? withoutAudit(after) : after, `${what} changed data`).toEqual(allowedRead ? withoutAudit(before) : before);
        continue;
      }
      if (step.afterSuccess) await step.afterSuccess(response);
      else await response.body?.cancel();
      if (sessionEnded && cookie) {
        const again = await request(server.baseURL, "/roles", { cookie });
        expect(again.status, `${what}: the old session still works`).toBe(303);
        expect(locationPath(again)).toBe("/login");
        cookies.delete(role);
      }
      if (signsIn) {
        const value = setCookieValue(response);
        expect(value, `${what} set no session cookie`).toBeTruthy();
        const page = await request(server.baseURL, "/roles", { cookie: sessionCookieHeader(value ?? "") });
        expect(page.status).toBe(200);
        await page.body?.cancel();
      }
    }
  }
  cellsChecked += 1;
}

describe("every cell of the access table", () => {
  for (const row of MATRIX) {
    describe(`${row.method} ${row.route}`, () => {
      for (const role of ROLES) {
        it(`answers ${row.cells[role].text} for ${role}`, async () => {
          await checkCell(row, role);
        });
      }
    });
  }
});

describe("the whole table", () => {
  it("was checked cell by cell", () => {
    console.log(`access matrix: ${cellsChecked} cells checked (${MATRIX.length} rows × ${ROLES.length} columns), ${requestsSent} requests`);
    expect(cellsChecked).toBe(MATRIX.length * ROLES.length);
  });
});

describe("the index route (no table row)", () => {
  it("only redirects to /roles, signed in or not", async () => {
    for (const role of ["anonymous", "recruiter"] as const) {
      const response = await request(server.baseURL, "/", { cookie: await cookieFor(role) });
      expect(response.status).toBe(303);
      expect(locationPath(response)).toBe("/roles");
    }
  });
});
