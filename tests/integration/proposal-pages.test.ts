import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProposal } from "../../app/models/proposals.server";
import { latestVersion, findProfileTarget } from "../../app/models/profile-versions.server";
import { readRoleFile } from "../../app/models/role-export.server";
import { saveRole } from "../../app/models/role-import.server";
import { roleContentSchema, type RoleFile } from "../../app/schemas/role";
import { DEMO, request, signIn, startTestServer, userId, type TestServer } from "./support/test-server";

/*
 * The proposal pages over HTTP with the production build (issue 22): the POST
 * contract of /proposals/:id (votes, comments, review), /proposals.json and
 * the history's diff, each refusal leaving everything as it was.
 */

const ROLE = "mlops-engineer";

let server: TestServer;
let recruiterId: number;
let authorId: number;
const cookies: Record<"recruiter" | "interviewer1" | "interviewer2", string> = { recruiter: "", interviewer1: "", interviewer2: "" };

async function roleFile(): Promise<RoleFile> {
  const file = await readRoleFile(server.db, ROLE);
  if (!file?.idealProfile) throw new Error(`The demo has no ${ROLE} with an ideal profile`);
  return file;
}

/** A proposal by interviewer 1 moving one band of the role, from its latest version. */
async function proposeBand(title: string, band: { low: number; high: number }): Promise<number> {
  const { format: _format, sourceNote: _sourceNote, skillsMatrix: _skillsMatrix, ...rest } = await roleFile();
  const content = roleContentSchema.parse(rest);
  const profile = content.idealProfile;
  if (!profile) throw new Error("no ideal profile");
  const result = await createProposal(
    server.db,
    {
      kind: "role",
      slug: ROLE,
      authorId,
      title,
      rationale: "The team's best MLOps engineers score higher.",
      proposed: { kind: "role", content: { ...content, idealProfile: { ...profile, openness: { ...profile.openness, ...band } } } },
    },
    new Date(),
  );
  if (result.status !== "created") throw new Error(`createProposal: ${result.status}`);
  return result.id;
}

function post(who: keyof typeof cookies, id: number, form: Record<string, string>) {
  return request(server.baseURL, `/proposals/${id}`, { form, cookie: cookies[who] });
}

async function votesOf(id: number) {
  return server.db.selectFrom("proposal_votes").select(["user_id", "value"]).where("proposal_id", "=", id).orderBy("user_id").execute();
}

async function roleVersion(): Promise<number> {
  const target = await findProfileTarget(server.db, "role", ROLE);
  if (!target) throw new Error("no role");
  return (await latestVersion(server.db, target))?.version ?? 0;
}

beforeAll(async () => {
  server = await startTestServer();
  recruiterId = await userId(server.db, DEMO.recruiter);
  authorId = await userId(server.db, DEMO.interviewer1);
  cookies.recruiter = await signIn(server.baseURL, DEMO.recruiter);
  cookies.interviewer1 = await signIn(server.baseURL, DEMO.interviewer1);
  cookies.interviewer2 = await signIn(server.baseURL, DEMO.interviewer2);
});

afterAll(async () => {
  await server?.close();
});

describe("POST /proposals/:id", () => {
  it("counts one vote per member: +1, then −1 replaces it, 0 withdraws it, and concurrent posts leave one", async () => {
    const id = await proposeBand("Raise the Openness band", { low: 60, high: 85 });
    const interviewer2 = await userId(server.db, DEMO.interviewer2);

    const up = await post("interviewer2", id, { intent: "vote", value: "1" });
    expect(up.status).toBe(303);
    expect(up.headers.get("Location")).toBe(`/proposals/${id}`);
    expect(await votesOf(id)).toEqual([{ user_id: interviewer2, value: 1 }]);

    expect((await post("interviewer2", id, { intent: "vote", value: "-1" })).status).toBe(303);
    expect(await votesOf(id)).toEqual([{ user_id: interviewer2, value: -1 }]);

    expect((await post("interviewer2", id, { intent: "vote", value: "0" })).status).toBe(303);
    expect(await votesOf(id)).toEqual([]);

    const bad = await post("interviewer2", id, { intent: "vote", value: "2" });
    expect(bad.status).toBe(400);
    expect(await votesOf(id)).toEqual([]);

    const together = await Promise.all(
      Array.from({ length: 6 }, (_, i) => post("interviewer2", id, { intent: "vote", value: i % 2 ? "1" : "-1" })),
    );
    expect(together.map((response) => response.status)).toEqual(Array(6).fill(303));
    const votes = await votesOf(id);
    expect(votes).toHaveLength(1);
    expect(votes[0]?.user_id).toBe(interviewer2);
  });

  it("refuses an empty comment with 400 and the message by the field, writing nothing", async () => {
    const id = await proposeBand("Openness for comments", { low: 55, high: 80 });
    const count = async () =>
      Number(
        (
          await server.db
            .selectFrom("proposal_comments")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const empty = await post("interviewer2", id, { intent: "comment", body: "  \r\n " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Write a comment");
    expect(await count()).toBe(before);

    const written = await post("interviewer2", id, { intent: "comment", body: "Agreed.\r\nSee <b>last quarter</b>." });
    expect(written.status).toBe(303);
    const page = await (await request(server.baseURL, `/proposals/${id}`, { cookie: cookies.interviewer1 })).text();
    expect(page).toContain("Agreed.\nSee &lt;b&gt;last quarter&lt;/b&gt;.");
  });

  it("answers an interviewer's accept with 403, changing nothing", async () => {
    const id = await proposeBand("Interviewers cannot accept", { low: 50, high: 75 });
    const version = await roleVersion();
    const response = await post("interviewer2", id, { intent: "accept" });
    expect(response.status).toBe(403);
    const row = await server.db.selectFrom("proposals").select(["status"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.status).toBe("open");
    expect(await roleVersion()).toBe(version);
    await post("recruiter", id, { intent: "reject", reason: "Kept apart from the next test." });
  });

  it("refuses to accept over an unresolved conflict, then accepts with the reviewer's choice", async () => {
    const id = await proposeBand("Openness up to 90", { low: 60, high: 90 });
    // Meanwhile a recruiter edits the same band directly.
    const file = await roleFile();
    const profile = file.idealProfile;
    if (!profile) throw new Error("no ideal profile");
    const edited = await saveRole(
      server.db,
      { ...file, idealProfile: { ...profile, openness: { ...profile.openness, high: 70 } } },
      { currentSlug: ROLE, actorId: recruiterId },
      new Date(),
    );
    expect(edited?.status).toBe("replaced");
    const versionAfterEdit = await roleVersion();

    const page = await (await request(server.baseURL, `/proposals/${id}`, { cookie: cookies.recruiter })).text();
    expect(page).toContain("The profile changed since this proposal was made");
    expect(page).toContain('name="resolve:idealProfile.openness.high"');

    const refused = await post("recruiter", id, { intent: "accept" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Choose which value to keep");
    expect((await server.db.selectFrom("proposals").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status).toBe("open");
    expect(await roleVersion()).toBe(versionAfterEdit);

    const accepted = await post("recruiter", id, {
      intent: "accept",
      note: "Agreed by the panel.",
      "resolve:idealProfile.openness.high": "proposed",
    });
    expect(accepted.status).toBe(303);
    expect(await roleVersion()).toBe(versionAfterEdit + 1);
    expect((await roleFile()).idealProfile?.openness).toMatchObject({ low: 60, high: 90 });
    const twice = await post("recruiter", id, { intent: "accept", "resolve:idealProfile.openness.high": "proposed" });
    expect(twice.status).toBe(409);
    expect(await roleVersion()).toBe(versionAfterEdit + 1);
  });

  it("lets the author edit their comment, the author or a recruiter remove one (leaving its place), and only the author withdraw", async () => {
    const id = await proposeBand("Openness for editing", { low: 52, high: 78 });
    expect((await post("interviewer2", id, { intent: "comment", body: "First thought" })).status).toBe(303);
    const comment = await server.db.selectFrom("proposal_comments").select("id").where("proposal_id", "=", id).executeTakeFirstOrThrow();
    const commentId = String(comment.id);
    expect((await post("interviewer1", id, { intent: "edit-comment", commentId, body: "Not mine" })).status).toBe(403);
    expect((await post("interviewer2", id, { intent: "edit-comment", commentId, body: "Second thought" })).status).toBe(303);
    expect((await post("interviewer1", id, { intent: "remove-comment", commentId })).status).toBe(403);
    expect((await post("recruiter", id, { intent: "remove-comment", commentId })).status).toBe(303);
    const page = await (await request(server.baseURL, `/proposals/${id}`, { cookie: cookies.interviewer1 })).text();
    expect(page).toContain("Comment removed");
    expect(page).not.toContain("Second thought");

    expect((await post("interviewer2", id, { intent: "withdraw" })).status).toBe(403);
    expect((await post("interviewer1", id, { intent: "withdraw" })).status).toBe(303);
    const row = await server.db.selectFrom("proposals").select("status").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.status).toBe("withdrawn");
  });

  it("answers 404 for an unknown or non-canonical id", async () => {
    for (const path of ["/proposals/999999", "/proposals/007", "/proposals/abc"]) {
      expect((await request(server.baseURL, path, { cookie: cookies.interviewer1 })).status).toBe(404);
    }
  });
});

describe("GET /proposals.json", () => {
  it("gives a recruiter every proposal in traitkit.proposals/v1, and an interviewer a 404", async () => {
    const response = await request(server.baseURL, "/proposals.json", { cookie: cookies.recruiter });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    const file = (await response.json()) as { format: string; proposals: Record<string, unknown>[] };
    expect(file.format).toBe("traitkit.proposals/v1");
    expect(file.proposals.length).toBeGreaterThan(0);
    for (const proposal of file.proposals) {
      expect(Object.keys(proposal).sort()).toEqual(
        ["appliedVersion", "authorId", "baseVersion", "comments", "createdAt", "decidedAt", "id", "status", "target", "votes"].sort(),
      );
    }
    expect(file.proposals.find((proposal) => proposal.status === "accepted")?.appliedVersion).toEqual(expect.any(Number));
    expect((await request(server.baseURL, "/proposals.json", { cookie: cookies.interviewer1 })).status).toBe(404);
  });
});

describe("GET /roles/:slug/history", () => {
  it("diffs the latest version against the one before, and answers 400 for a version it cannot read or does not have", async () => {
    const page = await request(server.baseURL, `/roles/${ROLE}/history`, { cookie: cookies.recruiter });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Ideal profile · Openness · High");
    // Blind scoring: interviewer1 has MLOps scorecards still to submit, so the bands' change is counted, not shown.
    const blind = await (await request(server.baseURL, `/roles/${ROLE}/history`, { cookie: cookies.interviewer1 })).text();
    expect(blind).not.toContain("Ideal profile · Openness");
    expect(blind).toMatch(/changes? to the ideal bands (is|are) not shown/);
    for (const query of ["from=x&to=1", "from=1&to=999", "from=0"]) {
      const bad = await request(server.baseURL, `/roles/${ROLE}/history?${query}`, { cookie: cookies.interviewer1 });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toMatch(/Choose a version from the list|This profile has no such version/);
    }
    expect((await request(server.baseURL, "/roles/no-such-role/history", { cookie: cookies.interviewer1 })).status).toBe(404);
  });
});

describe("GET /proposals", () => {
  it("lists the proposals and, once seen, nothing new since the last visit", async () => {
    const first = await (await request(server.baseURL, "/proposals?role=mlops-engineer", { cookie: cookies.interviewer1 })).text();
    expect(first).toContain("Raise the Openness band");
    expect(first).toContain("commented on");
    const again = await (await request(server.baseURL, "/proposals", { cookie: cookies.interviewer1 })).text();
    expect(again).toContain("Nothing new since your last visit");
  });
});
