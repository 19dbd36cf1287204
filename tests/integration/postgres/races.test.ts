import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraitkitDb } from "~db/connection";
import type { Decision } from "../../../app/domain/decisions";
import { computePanel } from "../../../app/models/panel-results.server";
import { findProfileTarget } from "../../../app/models/profile-versions.server";
import { createProposal } from "../../../app/models/proposals.server";
import { selfReportItems } from "../../../app/models/questionnaire-items.server";
import { publishReport } from "../../../app/models/report.server";
import { readRoleFile } from "../../../app/models/role-export.server";
import type { ScoringKit } from "../../../app/models/scorecards.server";
import { createInvite } from "../../../app/models/users.server";
import { DEMO_PROPOSALS } from "../../../seeds/demo-proposals";
import { startAppPair, type AppPair, type Side } from "../support/app-pair";
import { demoScoringKit } from "../support/demo-kit";
import { newPanelAssessment, scorecardIdOf } from "../support/panel";
import { questionnaireAtStage } from "../support/questionnaire";
import { DEMO, locationPath, request, signIn, userId, type RequestOptions } from "../support/test-server";

/*
 * Issue #24 item 2: every write that reads then writes holds when two app
 * servers take conflicting requests on the same record at the same moment.
 * Each race sends the two requests through the app's real forms, one to each
 * server (each on its own pool), repeated over several rounds so that the two
 * transactions truly overlap, then reads the database: no write lost, none
 * doubled, none half-written, and the loser answered as a user is answered
 * when someone else got there first, never with a 500.
 */

const ROUNDS = 10;

let pair: AppPair;
let db: TraitkitDb;
let kit: ScoringKit;
let ids: { recruiter: number; interviewer1: number; interviewer2: number };
let cookies: { recruiter: string; interviewer1: string; interviewer2: string };
let roleId: number;

beforeAll(async () => {
  pair = await startAppPair();
  db = pair.db;
  kit = await demoScoringKit(db);
  ids = {
    recruiter: await userId(db, DEMO.recruiter),
    interviewer1: await userId(db, DEMO.interviewer1),
    interviewer2: await userId(db, DEMO.interviewer2),
  };
  // Sessions live in the database: signed in on one server, a user is signed in on both.
  cookies = {
    recruiter: await signIn(pair.baseURLs[0], DEMO.recruiter),
    interviewer1: await signIn(pair.baseURLs[1], DEMO.interviewer1),
    interviewer2: await signIn(pair.baseURLs[0], DEMO.interviewer2),
  };
  roleId = (await db.selectFrom("roles").select("id").where("slug", "=", kit.roleSlug).executeTakeFirstOrThrow()).id;
}, 60_000);

afterAll(async () => {
  await pair?.close();
});

type Answer = { status: number; location: string | null };

/** The same moment, one request on each server, their transactions started together; their answers, in the servers' order. */
async function race(send: (baseURL: string, side: Side) => Promise<Response>): Promise<[Answer, Answer]> {
  const [first, second] = await pair.race(send);
  return [await answerOf(first), await answerOf(second)];
}

async function answerOf(response: Response): Promise<Answer> {
  await response.body?.cancel();
  return { status: response.status, location: locationPath(response) };
}

/**
 * Runs `round` ROUNDS times. PostgreSQL must have refused at least one of the
 * transactions as a lost race meanwhile: the races overlapped, and the
 * outcomes asserted are those of transactions run again by db/transaction.ts.
 */
async function inRounds(round: (n: number) => Promise<void>): Promise<void> {
  const before = pair.lostRaces();
  for (let n = 0; n < ROUNDS; n++) await round(n);
  expect(pair.lostRaces() - before, "transactions refused as a lost race").toBeGreaterThan(0);
}

function statuses(answers: readonly Answer[]): number[] {
  return answers.map((a) => a.status).sort();
}

function post(baseURL: string, pathname: string, cookie: string | undefined, form: Record<string, string>): Promise<Response> {
  const options: RequestOptions = { form };
  if (cookie) options.cookie = cookie;
  return request(baseURL, pathname, options);
}

async function auditCount(action: string, entityId: number): Promise<number> {
  const row = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("action", "=", action)
    .where("entity_id", "=", String(entityId))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function newAssessment(label: string, interviewerIds = [ids.interviewer1, ids.interviewer2]): Promise<number> {
  const { id } = await newPanelAssessment(db, {
    label: `Race ${label}`,
    kitVersionId: kit.kitVersionId,
    interviewerIds,
    recruiterId: ids.recruiter,
    roleId,
    source: "test",
  });
  return id;
}

/** A scorecard's fields rating every trait of the kit's first question `rating`: two cards told apart by every value. */
function card(intent: "save" | "submit", rating: number, recommendation: "yes" | "no"): Record<string, string> {
  const question = kit.questions[0];
  if (!question) throw new Error("The demo kit has no question");
  const fields: Record<string, string> = { intent, recommendation };
  for (const trait of question.traits) fields[`rating.${question.id}.${trait}`] = String(rating);
  return fields;
}

/** Submits a scorecard through the form on the first server, as a fixture. */
async function submitted(assessmentId: number, who: "interviewer1" | "interviewer2", rating: number): Promise<void> {
  const response = await post(pair.baseURLs[0], `/assessments/${assessmentId}/scorecard`, cookies[who], card("submit", rating, "yes"));
  await response.body?.cancel();
  expect(response.status, `fixture submit by ${who}`).toBe(303);
}

/** The cached result row is exactly a fresh recomputation from the submitted ratings. */
async function expectResultIsFresh(assessmentId: number, submittedCount: number): Promise<void> {
  const row = await db.selectFrom("assessment_results").selectAll().where("assessment_id", "=", assessmentId).executeTakeFirstOrThrow();
  const panel = await computePanel(db, assessmentId, kit);
  expect(panel.submittedCount).toBe(submittedCount);
  expect(row.submitted_scorecards).toBe(submittedCount);
  expect(row.evidence).toBe(panel.evidence);
  expect(row.fit).toBe(panel.fit?.fit ?? null);
  expect(row.coverage).toBe(panel.fit?.coverage ?? 0);
}

describe("two app servers on one PostgreSQL database", () => {
  it("submitting one scorecard from both at once: one submission, whole, and the other is told it is locked", async () => {
    await inRounds(async (round) => {
      const assessmentId = await newAssessment(`submit ${round}`);
      // Half the rounds race on a saved draft (an update), half on no scorecard yet (an insert).
      const fromDraft = round % 2 === 1;
      if (fromDraft) {
        const draft = await post(pair.baseURLs[0], `/assessments/${assessmentId}/scorecard`, cookies.interviewer1, card("save", 3, "yes"));
        await draft.body?.cancel();
        expect(draft.status).toBe(303);
      }
      const cards = [card("submit", 2, "no"), card("submit", 4, "yes")] as const;
      const answers = await race((baseURL, side) =>
        post(baseURL, `/assessments/${assessmentId}/scorecard`, cookies.interviewer1, cards[side]),
      );
      expect(statuses(answers), `round ${round}`).toEqual([303, 409]);
      const winner = answers.findIndex((a) => a.status === 303);
      expect(answers[winner]?.location).toBe(`/assessments/${assessmentId}`);

      const rows = await db
        .selectFrom("scorecards")
        .selectAll()
        .where("assessment_id", "=", assessmentId)
        .where("interviewer_id", "=", ids.interviewer1)
        .execute();
      expect(rows).toHaveLength(1);
      const [stored] = rows;
      if (!stored) throw new Error("no scorecard");
      expect(stored).toMatchObject({ status: "submitted", revision: fromDraft ? 2 : 1, recommendation: cards[winner]?.recommendation });
      // Every rating is the winner's: nothing of the loser's card, nothing of the draft's, none twice.
      const ratings = await db
        .selectFrom("ratings")
        .select(["kit_question_id", "trait", "rating"])
        .where("scorecard_id", "=", stored.id)
        .execute();
      const expected = Object.entries(cards[winner] ?? {}).filter(([name]) => name.startsWith("rating."));
      expect(Object.fromEntries(ratings.map((r) => [`rating.${r.kit_question_id}.${r.trait}`, String(r.rating)]))).toEqual(
        Object.fromEntries(expected),
      );
      expect(await auditCount("scorecard.submit", stored.id)).toBe(1);
      await expectResultIsFresh(assessmentId, 1);
    });
  });

  it("reopening one scorecard from both at once: one reopen, audited once, and the other finds no submitted scorecard", async () => {
    await inRounds(async (round) => {
      const assessmentId = await newAssessment(`reopen ${round}`);
      await submitted(assessmentId, "interviewer1", 2);
      await submitted(assessmentId, "interviewer2", 5);
      const scorecardId = await scorecardIdOf(db, assessmentId, ids.interviewer1);
      const answers = await race((baseURL) =>
        post(baseURL, `/assessments/${assessmentId}`, cookies.recruiter, {
          intent: "reopen",
          scorecardId: String(scorecardId),
          confirm: "1",
        }),
      );
      // What the route answers a reopen of a scorecard that is no longer submitted.
      expect(statuses(answers), `round ${round}`).toEqual([303, 404]);
      const stored = await db.selectFrom("scorecards").selectAll().where("id", "=", scorecardId).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ status: "draft", submitted_at: null, revision: 2 });
      expect(await auditCount("scorecard.reopen", scorecardId)).toBe(1);
      // The panel's cached result forgets the reopened card once, and keeps the other's.
      await expectResultIsFresh(assessmentId, 1);
    });
  });

  it("accepting one invite from both at once: one account, one session, the invite spent by it, and the other link is gone", async () => {
    await inRounds(async (round) => {
      const email = `race-${round}-${randomUUID().slice(0, 8)}@example.test`;
      const invite = await createInvite(db, { email, role: "interviewer", invitedBy: ids.recruiter, mail: null }, new Date());
      const password = `race-password-${randomUUID()}`;
      const names = ["Ada Racer", "Bea Racer"] as const;
      const answers = await race((baseURL, side) =>
        post(baseURL, `/invite/${invite.token}`, undefined, { name: names[side], password, confirmPassword: password }),
      );
      // The loser is answered as any used link is: the invalid invite's 404.
      expect(statuses(answers), `round ${round}`).toEqual([303, 404]);
      const winner = answers.findIndex((a) => a.status === 303);
      const users = await db.selectFrom("users").select(["id", "name", "role"]).where("email", "=", email).execute();
      expect(users).toEqual([{ id: expect.any(Number), name: names[winner], role: "interviewer" }]);
      const user = users[0];
      if (!user) throw new Error("no user");
      const spent = await db
        .selectFrom("invites")
        .select(["accepted_user_id", "accepted_at"])
        .where("id", "=", invite.id)
        .executeTakeFirstOrThrow();
      expect(spent.accepted_user_id).toBe(user.id);
      expect(spent.accepted_at).not.toBeNull();
      expect(await auditCount("user.invite_accept", invite.id)).toBe(1);
      const sessions = await db.selectFrom("sessions").select("id_hash").where("user_id", "=", user.id).execute();
      expect(sessions).toHaveLength(1);
    });
  });

  it("the first opens of a report link from both at once: one snapshot made for it, and both opens counted", async () => {
    await inRounds(async (round) => {
      const assessmentId = await newAssessment(`report ${round}`, [ids.interviewer1]);
      await submitted(assessmentId, "interviewer1", 3 + (round % 3));
      const published = await publishReport(db, { assessmentId, language: "en", expiresAt: null, actorId: ids.recruiter }, new Date());
      if (!published.ok) throw new Error(`not published: ${published.reason}`);
      // A link as published before snapshots: its first open makes its snapshot, once.
      await db.updateTable("report_links").set({ snapshot_id: null }).where("id", "=", published.id).execute();
      await db.deleteFrom("report_snapshots").where("assessment_id", "=", assessmentId).execute();

      const answers = await race((baseURL) => request(baseURL, `/r/${published.token}`));
      expect(statuses(answers), `round ${round}`).toEqual([200, 200]);
      const snapshots = await db
        .selectFrom("report_snapshots")
        .select(["id", "version"])
        .where("assessment_id", "=", assessmentId)
        .execute();
      expect(snapshots).toEqual([{ id: expect.any(Number), version: 1 }]);
      const link = await db
        .selectFrom("report_links")
        .select(["snapshot_id", "opens"])
        .where("id", "=", published.id)
        .executeTakeFirstOrThrow();
      expect(link).toEqual({ snapshot_id: snapshots[0]?.id, opens: 2 });
    });
  });

  it("submitting one questionnaire from both at once: submitted once, and the other is told it already is", async () => {
    await inRounds(async (round) => {
      const { assessmentId, linkId, token } = await questionnaire(`submit ${round}`, "consented");
      const answers = await race((baseURL) => post(baseURL, `/q/${token}`, undefined, { intent: "submit", lang: "en" }));
      expect(statuses(answers), `round ${round}`).toEqual([303, 409]);
      const row = await db
        .selectFrom("questionnaires")
        .select("completed_at")
        .where("assessment_id", "=", assessmentId)
        .executeTakeFirstOrThrow();
      expect(row.completed_at).not.toBeNull();
      expect(await auditCount("questionnaire.complete", linkId)).toBe(1);
    });
  });

  it("consenting on one questionnaire link from both at once: both go on, the start is recorded once", async () => {
    await inRounds(async (round) => {
      const { assessmentId, linkId, token } = await questionnaire(`consent ${round}`, "sent");
      const answers = await race((baseURL) => post(baseURL, `/q/${token}`, undefined, { intent: "consent", lang: "en" }));
      expect(statuses(answers), `round ${round}`).toEqual([303, 303]);
      const row = await db
        .selectFrom("questionnaires")
        .select("consented_at")
        .where("assessment_id", "=", assessmentId)
        .executeTakeFirstOrThrow();
      expect(row.consented_at).not.toBeNull();
      expect(await auditCount("questionnaire.start", linkId)).toBe(1);
    });
  });

  it("accepting one proposal from both at once: one version made and one acceptance recorded; the other finds it decided", async () => {
    const target = await findProfileTarget(db, "role", DEMO_PROPOSALS.role);
    if (!target) throw new Error("no demo role");
    await inRounds(async (round) => {
      const { proposalId, high } = await bandProposal(round);
      const versionsBefore = await versionCount(target.id);
      const answers = await race((baseURL) => post(baseURL, `/proposals/${proposalId}`, cookies.recruiter, { intent: "accept" }));
      // The loser gets the page's "no longer open" refusal.
      expect(statuses(answers), `round ${round}`).toEqual([303, 409]);
      const proposal = await db
        .selectFrom("proposals")
        .select(["status", "applied_version"])
        .where("id", "=", proposalId)
        .executeTakeFirstOrThrow();
      const versions = await db.selectFrom("profile_versions").select("version").where("proposal_id", "=", proposalId).execute();
      expect(versions).toHaveLength(1);
      expect(proposal).toEqual({ status: "accepted", applied_version: versions[0]?.version });
      expect(await versionCount(target.id)).toBe(versionsBefore + 1);
      expect((await readRoleFile(db, DEMO_PROPOSALS.role))?.idealProfile?.openness.high).toBe(high);
      expect(await auditCount("proposal.accept", proposalId)).toBe(1);
      const activity = await db
        .selectFrom("proposal_activity")
        .select("kind")
        .where("proposal_id", "=", proposalId)
        .where("kind", "=", "accepted")
        .execute();
      expect(activity).toHaveLength(1);
    });
  });

  it("recording two decisions on one assessment at once: both kept as history, and the ranking's copy is the true latest", async () => {
    const decided = ["advance", "reject"] as const satisfies readonly Decision[];
    await inRounds(async (round) => {
      const assessmentId = await newAssessment(`decision ${round}`, [ids.interviewer1]);
      await submitted(assessmentId, "interviewer1", 4);
      const reasons = [`Round ${round}: strong panel`, `Round ${round}: weak panel`] as const;
      const answers = await race((baseURL, side) =>
        post(baseURL, `/assessments/${assessmentId}`, cookies.recruiter, {
          intent: "decision",
          decision: decided[side],
          reason: reasons[side],
        }),
      );
      // Two decisions are two entries of the assessment's history: both stand.
      expect(statuses(answers), `round ${round}`).toEqual([303, 303]);
      const rows = await db
        .selectFrom("decisions")
        .select(["id", "decision", "reason"])
        .where("assessment_id", "=", assessmentId)
        .orderBy("decided_at", "desc")
        .orderBy("id", "desc")
        .execute();
      expect(rows.map((r) => r.reason).sort()).toEqual([...reasons].sort());
      const latest = rows[0];
      const result = await db
        .selectFrom("assessment_results")
        .select("decision")
        .where("assessment_id", "=", assessmentId)
        .executeTakeFirstOrThrow();
      expect(result.decision).toBe(latest?.decision);
      for (const row of rows) expect(await auditCount("decision.record", row.id)).toBe(1);
    });
  });
});

/** A questionnaire link on a new assessment, taken to `stage` (consented: every item answered, ready to submit). */
async function questionnaire(label: string, stage: "sent" | "consented"): Promise<{ assessmentId: number; linkId: number; token: string }> {
  const at = new Date().toISOString();
  const candidate = await db
    .insertInto("candidates")
    .values({
      name: `Race questionnaire ${label} ${randomUUID().slice(0, 8)}`,
      email: null,
      role_id: roleId,
      source: "test",
      notes: null,
      created_by: ids.recruiter,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const token = await questionnaireAtStage(
    db,
    {
      candidateId: candidate.id,
      kitVersionId: kit.kitVersionId,
      interviewerId: ids.interviewer1,
      recruiterId: ids.recruiter,
      language: "en",
      stage,
      answered: selfReportItems().length,
    },
    new Date(),
  );
  const link = await db
    .selectFrom("questionnaire_links")
    .innerJoin("assessments", "assessments.id", "questionnaire_links.assessment_id")
    .select(["questionnaire_links.id", "questionnaire_links.assessment_id"])
    .where("assessments.candidate_id", "=", candidate.id)
    .executeTakeFirstOrThrow();
  return { assessmentId: link.assessment_id, linkId: link.id, token };
}

/** An open proposal by an interviewer moving the top of the role's Openness band by one from where it is now. */
async function bandProposal(round: number): Promise<{ proposalId: number; high: number }> {
  const file = await readRoleFile(db, DEMO_PROPOSALS.role);
  if (!file?.idealProfile) throw new Error("The demo role has no ideal profile");
  const { format: _format, sourceNote: _sourceNote, skillsMatrix: _skillsMatrix, ...content } = file;
  const openness = file.idealProfile.openness;
  const high = openness.high - 1 > openness.low ? openness.high - 1 : openness.high + 1;
  const created = await createProposal(
    db,
    {
      kind: "role",
      slug: DEMO_PROPOSALS.role,
      authorId: ids.interviewer1,
      title: `Race round ${round}`,
      rationale: "Raced.",
      proposed: { kind: "role", content: { ...content, idealProfile: { ...file.idealProfile, openness: { ...openness, high } } } },
    },
    new Date(),
  );
  if (created.status !== "created") throw new Error(`Not created: ${created.status}`);
  return { proposalId: created.id, high };
}

async function versionCount(roleIdOfTarget: number): Promise<number> {
  const row = await db
    .selectFrom("profile_versions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role_id", "=", roleIdOfTarget)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
