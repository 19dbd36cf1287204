import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveScorecard, type ScoringKit } from "../../app/models/scorecards.server";
import type { Rating } from "../../app/domain/scoring";
import { demoScoringKit } from "./support/demo-kit";
import { newPanelAssessment } from "./support/panel";
import { DEMO, request, signIn, startTestServer, userId, type TestServer } from "./support/test-server";

/*
 * The calibration page over HTTP with the production build, for what the
 * browser test does not reach: whose figures an interviewer may read. In
 * March 2023 (before any demo data) only the demo's interviewers 1 and 2
 * submit; then interviewer 3 joins a panel of that month.
 */

const MARCH_2023 = "from=2023-03-01&to=2023-03-31";

let server: TestServer;
let kit: ScoringKit;
let recruiter: number;

beforeAll(async () => {
  server = await startTestServer();
  kit = await demoScoringKit(server.db);
  recruiter = await userId(server.db, DEMO.recruiter);
});

afterAll(async () => {
  await server?.close();
});

async function panelInMarch(interviewers: string[], rating: Rating, day: number): Promise<void> {
  const ids = await Promise.all(interviewers.map((email) => userId(server.db, email)));
  const { id } = await newPanelAssessment(server.db, {
    label: "Calibration",
    kitVersionId: kit.kitVersionId,
    interviewerIds: ids,
    recruiterId: recruiter,
  });
  const question = kit.questions[0];
  const trait = question?.traits[0];
  if (!question || !trait) throw new Error("The demo kit has no rated question");
  for (const [i, interviewerId] of ids.entries()) {
    const saved = await saveScorecard(
      server.db,
      {
        assessmentId: id,
        interviewerId,
        kit,
        input: {
          intent: "submit",
          ratings: [{ questionId: question.id, trait, rating: i === 0 ? rating : 3 }],
          notes: [],
          strengths: [],
          redFlags: [],
          recommendation: "yes",
        },
        mail: null,
      },
      new Date(`2023-03-${String(day).padStart(2, "0")}T10:00:00.000Z`),
    );
    if (saved.status !== "saved") throw new Error("not saved");
  }
}

async function calibrationAs(email: string, path = `/calibration?${MARCH_2023}`): Promise<string> {
  const response = await request(server.baseURL, path, { cookie: await signIn(server.baseURL, email) });
  expect(response.status).toBe(200);
  return response.text();
}

describe("the team's figures on the calibration page", () => {
  it("are hidden from an interviewer while only two interviewers are behind them, and shown from three; a recruiter always sees them", async () => {
    await panelInMarch([DEMO.interviewer1, DEMO.interviewer2], 5, 3);
    await panelInMarch([DEMO.interviewer2, DEMO.interviewer1], 1, 10);

    const two = await calibrationAs(DEMO.interviewer1);
    expect(two).toContain('data-testid="calibration-team-hidden"');
    expect(two).not.toContain('data-testid="calibration-team"');
    // Their own row only, in the table and in the charts' tables: the team's counts minus theirs would be interviewer 2's.
    expect(two.match(/data-testid="calibration-row"/g)).toHaveLength(1);
    expect(two).not.toContain("Team (everyone)");
    const recruiterView = await calibrationAs(DEMO.recruiter);
    expect(recruiterView).toContain('data-testid="calibration-team"');
    expect(recruiterView.match(/data-testid="calibration-row"/g)).toHaveLength(2);

    await panelInMarch([DEMO.interviewer3, DEMO.interviewer1], 4, 20);
    const three = await calibrationAs(DEMO.interviewer1);
    expect(three).toContain('data-testid="calibration-team"');
    expect(three).not.toContain('data-testid="calibration-team-hidden"');
    expect(three.match(/data-testid="calibration-row"/g)).toHaveLength(1);
  });

  it("gives an interviewer's CSV their own row only", async () => {
    const csv = await calibrationAs(DEMO.interviewer2, `/calibration.csv?${MARCH_2023}`);
    const lines = csv.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^${await userId(server.db, DEMO.interviewer2)},`));
  });
});
