import { newPanelAssessment } from "./support/panel";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveScorecard, type ScoringKit } from "../../app/models/scorecards.server";
import type { CandidateExport } from "../../app/models/privacy.server";
import type { TraitKey } from "../../app/domain/traits";
import type { Rating } from "../../app/domain/scoring";
import { demoScoringKit } from "./support/demo-kit";
import { teamReliability } from "../../app/models/calibration.server";
import { defaultCalibrationPeriod, periodInstants } from "../../app/domain/calibration";
import { DEMO, locationPath, request, signIn, startTestServer, userId, type TestServer } from "./support/test-server";

/*
 * Issue 19's debrief on the assessment page, over HTTP with the production
 * build: it opens when every scorecard is in, shows each trait flagged to
 * calibrate with the interviewers' ratings and notes side by side, records
 * the agreed reading beside the scorecards (which stay as they were), and
 * closes with the decision.
 */

let server: TestServer;
let kit: ScoringKit;
let ids: { recruiter: number; interviewer1: number; interviewer2: number };
let cookies: { recruiter: string; interviewer1: string; interviewer2: string };

beforeAll(async () => {
  server = await startTestServer();
  kit = await demoScoringKit(server.db);
  ids = {
    recruiter: await userId(server.db, DEMO.recruiter),
    interviewer1: await userId(server.db, DEMO.interviewer1),
    interviewer2: await userId(server.db, DEMO.interviewer2),
  };
  cookies = {
    recruiter: await signIn(server.baseURL, DEMO.recruiter),
    interviewer1: await signIn(server.baseURL, DEMO.interviewer1),
    interviewer2: await signIn(server.baseURL, DEMO.interviewer2),
  };
});

afterAll(async () => {
  await server?.close();
});

/** A trait the kit's first question evaluates, and that question. */
function firstTrait(): { trait: TraitKey; questionId: number } {
  const question = kit.questions[0];
  const trait = question?.traits[0];
  if (!question || !trait) throw new Error("The demo kit has no rated question");
  return { trait, questionId: question.id };
}

async function newPanel(): Promise<number> {
  const { id } = await newPanelAssessment(server.db, {
    label: "Debrief",
    kitVersionId: kit.kitVersionId,
    interviewerIds: [ids.interviewer1, ids.interviewer2],
    recruiterId: ids.recruiter,
  });
  return id;
}

async function submit(assessmentId: number, interviewerId: number, rating: Rating, note: string): Promise<void> {
  const { trait, questionId } = firstTrait();
  const saved = await saveScorecard(
    server.db,
    {
      assessmentId,
      interviewerId,
      kit,
      input: {
        intent: "submit",
        ratings: [{ questionId, trait, rating }],
        notes: [{ questionId, text: note }],
        strengths: [],
        redFlags: [],
        recommendation: "yes",
      },
      mail: null,
    },
    new Date(),
  );
  if (saved.status !== "saved") throw new Error("not saved");
}

async function page(assessmentId: number, cookie: string): Promise<string> {
  const response = await request(server.baseURL, `/assessments/${assessmentId}`, { cookie });
  expect(response.status).toBe(200);
  return response.text();
}

describe("the debrief", () => {
  it("is not there until every scorecard is in, then shows the flagged trait's ratings and notes side by side", async () => {
    const id = await newPanel();
    await submit(id, ids.interviewer1, 1, "Could not name a single trade-off.");
    expect(await page(id, cookies.recruiter)).not.toContain('data-testid="debrief"');
    await submit(id, ids.interviewer2, 5, "Walked through three trade-offs unprompted.");
    const html = await page(id, cookies.recruiter);
    expect(html).toContain('data-testid="debrief"');
    expect(html).toContain("Could not name a single trade-off.");
    expect(html).toContain("Walked through three trade-offs unprompted.");
    expect(html).toContain(`name="intent" value="agree"`);
  });

  it("puts the flagged trait beside the team's reliability of it, and no other trait", async () => {
    const id = await newPanel();
    await submit(id, ids.interviewer1, 1, "Hesitant.");
    await submit(id, ids.interviewer2, 4, "Sure-footed.");
    const { trait } = firstTrait();
    const html = await page(id, cookies.interviewer1);
    const from = html.indexOf('data-testid="flagged-reliability"');
    expect(from).toBeGreaterThan(0);
    const lines = [...html.slice(from, html.indexOf("</ul>", from)).matchAll(/<li data-trait="([a-z_]+)">([^<]*)<\/li>/g)];
    expect(lines.map((m) => m[1])).toEqual([trait]);
    // The same figure the calibration page reads: every role, the last 12 months, this panel included.
    const expected = (
      await teamReliability(server.db, [trait], { ...periodInstants(defaultCalibrationPeriod(new Date())), roleSlug: null })
    )[trait];
    const line = lines[0]?.[2] ?? "";
    if (expected?.status === "estimated") {
      expect(line).toContain(`ICC ${expected.estimate.single.icc.toFixed(2)}, ${expected.estimate.n} assessments`);
    } else {
      expect(expected?.status).toBe("not_enough_data");
      expect(line).toContain(`not enough data yet (${expected?.status === "not_enough_data" ? expected.assessments : "?"} of the 5`);
    }
  });

  it("records the agreed reading beside the scorecards, audited; a missing reason is refused by its field and writes nothing", async () => {
    const id = await newPanel();
    await submit(id, ids.interviewer1, 1, "Weak.");
    await submit(id, ids.interviewer2, 5, "Strong.");
    const { trait } = firstTrait();
    const ratingsBefore = await server.db
      .selectFrom("ratings")
      .innerJoin("scorecards", "scorecards.id", "ratings.scorecard_id")
      .select(["ratings.rating"])
      .where("scorecards.assessment_id", "=", id)
      .execute();

    const refused = await request(server.baseURL, `/assessments/${id}`, {
      cookie: cookies.recruiter,
      form: { intent: "agree", trait, reading: "3", reason: "  " },
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(new RegExp(`id="debrief-${trait}-reason-error" class="field-error">Give a reason`));
    expect(await server.db.selectFrom("debrief_readings").selectAll().where("assessment_id", "=", id).execute()).toEqual([]);

    const agreed = await request(server.baseURL, `/assessments/${id}`, {
      cookie: cookies.recruiter,
      form: { intent: "agree", trait, reading: "3", reason: "Both saw trade-offs; depth varied by question." },
    });
    expect(agreed.status).toBe(303);
    expect(locationPath(agreed)).toBe(`/assessments/${id}`);
    const row = await server.db.selectFrom("debrief_readings").selectAll().where("assessment_id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ trait, reading: 3, reason: "Both saw trade-offs; depth varied by question.", recorded_by: ids.recruiter });
    const ratingsAfter = await server.db
      .selectFrom("ratings")
      .innerJoin("scorecards", "scorecards.id", "ratings.scorecard_id")
      .select(["ratings.rating"])
      .where("scorecards.assessment_id", "=", id)
      .execute();
    expect(ratingsAfter).toEqual(ratingsBefore);
    const audit = await server.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "debrief.agree")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.details ?? "{}")).toEqual({ trait, reading: 3 });
    expect(audit[0]?.details).not.toContain("trade-offs");

    // A submitted interviewer reads the debrief and the agreed reading, without the form.
    const interviewerPage = await page(id, cookies.interviewer1);
    expect(interviewerPage).toContain('data-testid="debrief"');
    expect(interviewerPage).toContain(`data-testid="agreed-${trait}"`);
    expect(interviewerPage).not.toContain(`value="agree"`);
    // An interviewer cannot record one: the page's actions are recruiters'.
    const byInterviewer = await request(server.baseURL, `/assessments/${id}`, {
      cookie: cookies.interviewer1,
      form: { intent: "agree", trait, reading: "5", reason: "Mine." },
    });
    expect(byInterviewer.status).toBe(404);

    // The export holds it.
    const candidate = await server.db.selectFrom("assessments").select("candidate_id").where("id", "=", id).executeTakeFirstOrThrow();
    const exported = (await (
      await request(server.baseURL, `/candidates/${candidate.candidate_id}/export`, { cookie: cookies.recruiter })
    ).json()) as CandidateExport;
    expect(exported.assessments.find((a) => a.id === id)?.debriefReadings).toEqual([
      expect.objectContaining({ trait, reading: 3, reason: "Both saw trade-offs; depth varied by question." }),
    ]);
  });

  it("closes with the decision: no reading is recorded after it, with a 409 and nothing written", async () => {
    const id = await newPanel();
    await submit(id, ids.interviewer1, 2, "Unsure.");
    await submit(id, ids.interviewer2, 5, "Sure.");
    const decided = await request(server.baseURL, `/assessments/${id}`, {
      cookie: cookies.recruiter,
      form: { intent: "decision", decision: "advance", reason: "Debriefed." },
    });
    expect(decided.status).toBe(303);
    expect(await page(id, cookies.recruiter)).toContain("The debrief is closed");
    const { trait } = firstTrait();
    const late = await request(server.baseURL, `/assessments/${id}`, {
      cookie: cookies.recruiter,
      form: { intent: "agree", trait, reading: "4", reason: "Late." },
    });
    expect(late.status).toBe(409);
    expect(await server.db.selectFrom("debrief_readings").selectAll().where("assessment_id", "=", id).execute()).toEqual([]);
  });

  it("is refused while scorecards are missing", async () => {
    const id = await newPanel();
    await submit(id, ids.interviewer1, 2, "Only one in.");
    const { trait } = firstTrait();
    const early = await request(server.baseURL, `/assessments/${id}`, {
      cookie: cookies.recruiter,
      form: { intent: "agree", trait, reading: "4", reason: "Too early." },
    });
    expect(early.status).toBe(409);
  });
});
