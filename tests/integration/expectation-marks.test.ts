import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addInterviewer, removeInterviewer } from "../../app/models/assessments.server";
import { eraseCandidate } from "../../app/models/privacy.server";
import type { CandidateExport } from "../../app/models/privacy.server";
import type { ScoringKit } from "../../app/models/scorecards.server";
import { DEMO_KIT } from "../../seeds/demo-kits";
import { demoScoringKit } from "./support/demo-kit";
import { rowsOf } from "./support/database-reading";
import { newPanelAssessment } from "./support/panel";
import { DEMO, request, signIn, startTestServer, userId, type TestServer } from "./support/test-server";

/*
 * Issue #23, expectation marks through the production build: the scorecard's
 * `expectations.<position>` fields saved, autosaved, submitted and frozen, a
 * refused post that changes nothing, blind scoring of the panel's marks, a
 * parked draft keeping them, reopening, the candidate's export and erasure.
 * The demo kit (MLOps Engineer, Senior) freezes one expectation: MLflow, mandatory.
 */

let server: TestServer;
let kit: ScoringKit;
let ids: { recruiter: number; interviewer1: number; interviewer2: number };
let cookies: { recruiter: string; interviewer1: string; interviewer2: string };
let mlopsRoleId: number;

type Who = "interviewer1" | "interviewer2";
type Entries = [string, string][];

beforeAll(async () => {
  server = await startTestServer();
  const db = server.db;
  kit = await demoScoringKit(db);
  ids = {
    recruiter: await userId(db, DEMO.recruiter),
    interviewer1: await userId(db, DEMO.interviewer1),
    interviewer2: await userId(db, DEMO.interviewer2),
  };
  cookies = {
    recruiter: await signIn(server.baseURL, DEMO.recruiter),
    interviewer1: await signIn(server.baseURL, DEMO.interviewer1),
    interviewer2: await signIn(server.baseURL, DEMO.interviewer2),
  };
  mlopsRoleId = (await db.selectFrom("roles").select("id").where("slug", "=", DEMO_KIT.role).executeTakeFirstOrThrow()).id;
});

afterAll(async () => {
  await server?.close();
});

function newAssessment(label: string): Promise<{ id: number; candidateId: number }> {
  return newPanelAssessment(server.db, {
    label: `Marks ${label}`,
    kitVersionId: kit.kitVersionId,
    interviewerIds: [ids.interviewer1, ids.interviewer2],
    recruiterId: ids.recruiter,
    roleId: mlopsRoleId,
    source: "test",
  });
}

function post(pathname: string, entries: Entries, cookie: string): Promise<Response> {
  return request(server.baseURL, pathname, { cookie, form: new URLSearchParams(entries) });
}

async function page(pathname: string, cookie: string): Promise<string> {
  return (await request(server.baseURL, pathname, { cookie })).text();
}

/** A whole scorecard post: a recommendation (required to submit) and the marks given. */
async function scorecardPost(assessmentId: number, who: Who, intent: "save" | "submit", marks: Entries): Promise<Response> {
  const response = await post(
    `/assessments/${assessmentId}/scorecard`,
    [["intent", intent], ["recommendation", "yes"], ...marks],
    cookies[who],
  );
  await response.body?.cancel();
  return response;
}

async function marksOf(assessmentId: number, who: Who): Promise<{ position: number; mark: string }[]> {
  return server.db
    .selectFrom("scorecard_expectation_marks as m")
    .innerJoin("scorecards", "scorecards.id", "m.scorecard_id")
    .select(["m.position", "m.mark"])
    .where("scorecards.assessment_id", "=", assessmentId)
    .where("scorecards.interviewer_id", "=", ids[who])
    .orderBy("m.position")
    .execute();
}

/** Every row a scorecard post may write, hashed: a refused post must leave it as it was. */
async function checksum(): Promise<string> {
  const hash = createHash("sha256");
  for (const table of ["scorecards", "ratings", "scorecard_expectation_marks", "audit_log"] as const) {
    hash.update(`${table}:${JSON.stringify(await rowsOf(server.db, table))}\n`);
  }
  return hash.digest("hex");
}

/** The value of the checked radio of `name` on a scorecard page. */
function checkedMark(html: string, name: string): string | undefined {
  const inputs = html.match(/<input[^>]*>/g) ?? [];
  const checked = inputs.find((input) => input.includes(`name="${name}"`) && /\bchecked=""/.test(input));
  return checked?.match(/value="([^"]*)"/)?.[1];
}

describe("the scorecard's expectation marks", () => {
  it("the demo kit freezes the role's MLflow expectation at Senior, mandatory", () => {
    expect(kit.level).toBe("senior");
    expect(kit.expectations).toEqual([expect.objectContaining({ position: 1, skillName: "MLflow", mandatory: true })]);
  });

  it("shows each expectation with its four choices, not asked by default", async () => {
    const { id } = await newAssessment("form");
    const html = await page(`/assessments/${id}/scorecard`, cookies.interviewer1);
    expect(html).toContain("Skill expectations (Senior)");
    expect(html).toContain("MLflow: did the candidate meet it?");
    for (const mark of ["met", "partly", "not_met", "not_asked"])
      expect(html).toMatch(new RegExp(`name="expectations\\.1"[^>]*value="${mark}"`));
    expect(checkedMark(html, "expectations.1")).toBe("not_asked");
  });

  it("saves a mark without JavaScript, shows it again, and forgets it when set back to not asked", async () => {
    const { id } = await newAssessment("save");
    expect((await scorecardPost(id, "interviewer1", "save", [["expectations.1", "partly"]])).status).toBe(303);
    expect(await marksOf(id, "interviewer1")).toEqual([{ position: 1, mark: "partly" }]);
    expect(checkedMark(await page(`/assessments/${id}/scorecard`, cookies.interviewer1), "expectations.1")).toBe("partly");

    expect((await scorecardPost(id, "interviewer1", "save", [["expectations.1", "not_asked"]])).status).toBe(303);
    expect(await marksOf(id, "interviewer1")).toEqual([]);
  });

  it("autosaves a mark like the other fields", async () => {
    const { id } = await newAssessment("autosave");
    const response = await post(`/assessments/${id}/scorecard/autosave`, [["expectations.1", "met"]], cookies.interviewer1);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ revision: 1 });
    expect(await marksOf(id, "interviewer1")).toEqual([{ position: 1, mark: "met" }]);
  });

  it("submits with no expectation marked: marking is optional", async () => {
    const { id } = await newAssessment("optional");
    expect((await scorecardPost(id, "interviewer1", "submit", [])).status).toBe(303);
    const card = await server.db
      .selectFrom("scorecards")
      .select("status")
      .where("assessment_id", "=", id)
      .where("interviewer_id", "=", ids.interviewer1)
      .executeTakeFirstOrThrow();
    expect(card.status).toBe("submitted");
  });

  it("refuses an expectation the kit does not have, or a mark that is not one, with a 400 and nothing saved", async () => {
    const { id } = await newAssessment("refused");
    expect((await scorecardPost(id, "interviewer1", "save", [["expectations.1", "met"]])).status).toBe(303);
    for (const bad of [
      ["expectations.2", "met"],
      ["expectations.0", "met"],
      ["expectations.01", "met"],
      ["expectations.1", "great"],
      ["expectations.1", ""],
    ] as const) {
      const before = await checksum();
      // Beside a good mark, so that the whole post is refused, not only its bad field (a field seen twice keeps its first value).
      const good: Entries = bad[0] === "expectations.1" ? [] : [["expectations.1", "partly"]];
      const form = await post(`/assessments/${id}/scorecard`, [["intent", "save"], ...good, [...bad]], cookies.interviewer1);
      expect(form.status, bad.join("=")).toBe(400);
      const html = await form.text();
      expect(html).toContain('role="alert"');
      // A mark of the kit's expectation is refused next to it; a position the kit does not have has no field to show it by.
      if (bad[0] === "expectations.1") expect(html).toContain('id="expectations.1-error"');
      const autosave = await post(`/assessments/${id}/scorecard/autosave`, [[...bad]], cookies.interviewer1);
      expect(autosave.status, bad.join("=")).toBe(400);
      expect(Object.keys(((await autosave.json()) as { errors: Record<string, string> }).errors)).toEqual([bad[0]]);
      expect(await checksum()).toBe(before);
    }
    expect(await marksOf(id, "interviewer1")).toEqual([{ position: 1, mark: "met" }]);
  });
});

describe("the panel's expectation marks", () => {
  it("hides another interviewer's marks until one's own scorecard is in, then shows each mark, the panel's view and the summary", async () => {
    const { id } = await newAssessment("panel");
    expect((await scorecardPost(id, "interviewer1", "submit", [["expectations.1", "met"]])).status).toBe(303);
    expect((await scorecardPost(id, "interviewer2", "save", [["expectations.1", "not_met"]])).status).toBe(303);

    // Blind: interviewer 2 (a draft) reads nothing of interviewer 1's mark, on the page or in its data.
    for (const path of [`/assessments/${id}`, `/assessments/${id}.data`]) {
      const blind = await page(path, cookies.interviewer2);
      expect(blind).not.toContain("panel-expectations");
      expect(blind).not.toContain("expectation-summary");
    }
    expect(await page(`/assessments/${id}/scorecard`, cookies.interviewer2)).not.toContain('value="met" checked');

    // With one submission: met by the one who asked.
    const one = await page(`/assessments/${id}`, cookies.recruiter);
    expect(one).toContain('data-testid="panel-expectations"');
    expect(one).toContain("Meets the Senior expectations in 1 of 1 skill.");
    expect(one).not.toContain("Not met");

    // Both in: one met, one not met — a tie is not more than half.
    expect((await scorecardPost(id, "interviewer2", "submit", [["expectations.1", "not_met"]])).status).toBe(303);
    for (const who of ["recruiter", "interviewer1", "interviewer2"] as const) {
      const html = await page(`/assessments/${id}`, cookies[who]);
      expect(html, who).toContain("Meets the Senior expectations in 0 of 1 skill.");
      expect(html, who).toContain("A skill counts as met when at least one interviewer asked about it and more than half");
      expect(html, who).toContain("of 2 who asked: met 1, partly 0, not met 1");
    }
  });

  it("freezes the marks once submitted; a reopened scorecard keeps them and leaves the panel until resubmitted", async () => {
    const { id } = await newAssessment("reopen");
    expect((await scorecardPost(id, "interviewer1", "submit", [["expectations.1", "met"]])).status).toBe(303);
    expect((await scorecardPost(id, "interviewer2", "submit", [["expectations.1", "not_met"]])).status).toBe(303);

    const before = await checksum();
    expect((await scorecardPost(id, "interviewer2", "save", [["expectations.1", "met"]])).status).toBe(409);
    const locked = await post(`/assessments/${id}/scorecard/autosave`, [["expectations.1", "met"]], cookies.interviewer2);
    expect(locked.status).toBe(409);
    expect(await checksum()).toBe(before);

    const card = await server.db
      .selectFrom("scorecards")
      .select("id")
      .where("assessment_id", "=", id)
      .where("interviewer_id", "=", ids.interviewer2)
      .executeTakeFirstOrThrow();
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
    expect(await marksOf(id, "interviewer2")).toEqual([{ position: 1, mark: "not_met" }]);
    expect(checkedMark(await page(`/assessments/${id}/scorecard`, cookies.interviewer2), "expectations.1")).toBe("not_met");
    expect(await page(`/assessments/${id}`, cookies.recruiter)).toContain("Meets the Senior expectations in 1 of 1 skill.");
  });

  it("counts a skill nobody asked about apart, once a scorecard is in", async () => {
    const { id } = await newAssessment("unasked");
    expect(await page(`/assessments/${id}`, cookies.recruiter)).not.toContain("panel-expectations");
    expect((await scorecardPost(id, "interviewer1", "submit", [])).status).toBe(303);
    const html = await page(`/assessments/${id}`, cookies.recruiter);
    expect(html).toContain("Meets the Senior expectations in 0 of 1 skill.");
    expect(html).toContain("1 skill was not asked about by anyone.");
  });
});

describe("a removed interviewer's parked draft", () => {
  it("keeps the marks and gives them back when the interviewer is added again", async () => {
    const { id } = await newAssessment("park");
    expect((await scorecardPost(id, "interviewer2", "save", [["expectations.1", "partly"]])).status).toBe(303);
    const now = new Date();
    expect(
      await removeInterviewer(server.db, { assessmentId: id, userId: ids.interviewer2, actorId: ids.recruiter, discardDraft: false }, now),
    ).toBe("removed");
    expect(await marksOf(id, "interviewer2")).toEqual([]);
    const parked = await server.db.selectFrom("parked_drafts").select("content").where("assessment_id", "=", id).executeTakeFirstOrThrow();
    expect(JSON.parse(parked.content)).toMatchObject({ expectationMarks: [{ position: 1, mark: "partly" }] });

    expect(
      await addInterviewer(
        server.db,
        { assessmentId: id, userId: ids.interviewer2, schedule: null, actorId: ids.recruiter, mail: null },
        now,
      ),
    ).toBe(true);
    expect(await marksOf(id, "interviewer2")).toEqual([{ position: 1, mark: "partly" }]);
  });

  it("restores a draft parked before marks existed, without any", async () => {
    const { id } = await newAssessment("old-park");
    expect((await scorecardPost(id, "interviewer2", "save", [])).status).toBe(303);
    await removeInterviewer(
      server.db,
      { assessmentId: id, userId: ids.interviewer2, actorId: ids.recruiter, discardDraft: false },
      new Date(),
    );
    const content = JSON.parse(
      (await server.db.selectFrom("parked_drafts").select("content").where("assessment_id", "=", id).executeTakeFirstOrThrow()).content,
    ) as Record<string, unknown>;
    delete content.expectationMarks;
    await server.db
      .updateTable("parked_drafts")
      .set({ content: JSON.stringify(content) })
      .where("assessment_id", "=", id)
      .execute();
    expect(
      await addInterviewer(
        server.db,
        { assessmentId: id, userId: ids.interviewer2, schedule: null, actorId: ids.recruiter, mail: null },
        new Date(),
      ),
    ).toBe(true);
    expect(await marksOf(id, "interviewer2")).toEqual([]);
  });
});

describe("the demo", () => {
  it("marks the MLflow expectation on the MLOps panels: met by Ada's, split on Grace's, not met by Alan's first interviewer", async () => {
    const marks = await server.db
      .selectFrom("scorecard_expectation_marks as m")
      .innerJoin("scorecards", "scorecards.id", "m.scorecard_id")
      .innerJoin("assessments", "assessments.id", "scorecards.assessment_id")
      .innerJoin("candidates", "candidates.id", "assessments.candidate_id")
      .select(["candidates.name", "scorecards.interviewer_id", "m.position", "m.mark"])
      .where("candidates.name", "in", ["Ada Demo-Lovelace", "Grace Demo-Hopper", "Alan Demo-Turing"])
      .orderBy("candidates.name")
      .orderBy("scorecards.interviewer_id")
      .execute();
    expect(marks.map((m) => `${m.name} ${m.interviewer_id === ids.interviewer1 ? 1 : 2} ${m.position} ${m.mark}`)).toEqual([
      "Ada Demo-Lovelace 1 1 met",
      "Ada Demo-Lovelace 2 1 met",
      "Alan Demo-Turing 1 1 not_met",
      "Grace Demo-Hopper 1 1 partly",
      "Grace Demo-Hopper 2 1 met",
    ]);
  });
});

describe("the candidate's data", () => {
  it("exports each scorecard's marks with the skill, level and mandatory mark; erasing the candidate deletes them", async () => {
    const { id, candidateId } = await newAssessment("export");
    expect((await scorecardPost(id, "interviewer1", "submit", [["expectations.1", "met"]])).status).toBe(303);
    expect((await scorecardPost(id, "interviewer2", "save", [["expectations.1", "partly"]])).status).toBe(303);

    const response = await request(server.baseURL, `/candidates/${candidateId}/export`, { cookie: cookies.recruiter });
    expect(response.status).toBe(200);
    const file = (await response.json()) as CandidateExport;
    const cards = file.assessments.flatMap((a) => a.scorecards);
    const byInterviewer = (user: number) => cards.find((c) => c.interviewer === user)?.expectationMarks;
    expect(byInterviewer(ids.interviewer1)).toEqual([{ position: 1, skillName: "MLflow", level: "senior", mandatory: true, mark: "met" }]);
    expect(byInterviewer(ids.interviewer2)).toEqual([
      { position: 1, skillName: "MLflow", level: "senior", mandatory: true, mark: "partly" },
    ]);

    const cardIds = cards.map((c) => c.id);
    expect(await eraseCandidate(server.db, candidateId, ids.recruiter, new Date())).toBe(true);
    const left = await server.db
      .selectFrom("scorecard_expectation_marks")
      .select("scorecard_id")
      .where("scorecard_id", "in", cardIds)
      .execute();
    expect(left).toEqual([]);
  });
});
