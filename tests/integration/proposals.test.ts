import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TraitkitDb } from "~db/connection";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { migrateToLatest } from "~db/migrator";
import type { Database } from "~db/schema";
import type { VoteValue } from "../../app/domain/proposals";
import { isFollowing, setFollowing, takeNewsSinceLastVisit, unreadActivityCount } from "../../app/models/follows.server";
import { syncLibrary } from "../../app/models/library.server";
import { eraseCandidate, exportCandidate } from "../../app/models/privacy.server";
import {
  findProfileTarget,
  latestVersion,
  listVersions,
  readProfileDocument,
  readSkillProfileDocument,
  type ProfileTarget,
} from "../../app/models/profile-versions.server";
import { readRoleFile } from "../../app/models/role-export.server";
import { importRole, saveRole } from "../../app/models/role-import.server";
import {
  acceptProposal,
  addComment,
  createProposal,
  editComment,
  getProposal,
  listProposals,
  openProposalCount,
  proposalsFile,
  rejectProposal,
  removeComment,
  voteOnProposal,
  withdrawProposal,
} from "../../app/models/proposals.server";
import { saveSkillExpectations } from "../../app/models/skills.server";
import { createUser } from "../../app/models/users.server";
import type { RoleContent, RoleFile } from "../../app/schemas/role";
import { loadDemoData } from "../../seeds/demo";
import { DEMO_PROPOSALS } from "../../seeds/demo-proposals";
import { libraryData, type LibraryData } from "../../seeds/library";

/*
 * Issue 22, change proposals, at the level of the models on a real database
 * file holding the demo: accepting makes exactly one version and leaves every
 * kit's frozen copy alone, one vote per member however the votes arrive, the
 * three-way merge's conflicts and what a reviewer's choices make of them,
 * the comment rules, the versions every write records, and the news a
 * follower is told. The pages and their access are tested over HTTP elsewhere.
 */

const NOW = new Date("2026-04-01T09:00:00.000Z");
const ROLE = DEMO_PROPOSALS.role;

/** `minutes` after NOW: each step of a test later than the one before. */
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

let demo: TestDatabase | undefined;
let db: TraitkitDb;
const who = { rita: 0, ian: 0, ines: 0, iker: 0 };

beforeEach(async () => {
  demo = await createTestDatabase();
  ({ db } = demo);
  await migrateToLatest(db);
  await loadDemoData(db, NOW);
  const id = async (email: string) => (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  who.rita = await id("recruiter@demo.traitkit.test");
  who.ian = await id("interviewer1@demo.traitkit.test");
  who.ines = await id("interviewer2@demo.traitkit.test");
  who.iker = await id("interviewer3@demo.traitkit.test");
});

afterEach(async () => {
  await demo?.drop();
});

async function roleFile(slug = ROLE): Promise<RoleFile> {
  const file = await readRoleFile(db, slug);
  if (!file) throw new Error(`No role ${slug}`);
  return file;
}

/** What the role form edits: the role file without its format, source note and skills matrix. */
async function roleContent(slug = ROLE): Promise<RoleContent> {
  const { format: _format, sourceNote: _sourceNote, skillsMatrix: _skillsMatrix, ...content } = await roleFile(slug);
  return content;
}

async function target(kind: "role" | "skill", slug: string): Promise<ProfileTarget> {
  const found = await findProfileTarget(db, kind, slug);
  if (!found) throw new Error(`No ${kind} ${slug}`);
  return found;
}

/** An open proposal by `authorId` of what `change` makes of the role's content now. */
async function proposeRole(authorId: number, change: (content: RoleContent) => RoleContent, when = at(1), slug = ROLE): Promise<number> {
  const created = await createProposal(
    db,
    {
      kind: "role",
      slug,
      authorId,
      title: "A test proposal",
      rationale: "Because.",
      proposed: { kind: "role", content: change(await roleContent(slug)) },
    },
    when,
  );
  if (created.status !== "created") throw new Error(`Not created: ${created.status}`);
  return created.id;
}

/** The role's content with one trait's band changed. */
function band(
  content: RoleContent,
  trait: "openness" | "conscientiousness",
  change: Partial<{ low: number; high: number; weight: 1 | 2 | 3 }>,
) {
  if (content.idealProfile === null) throw new Error("No ideal profile");
  return { ...content, idealProfile: { ...content.idealProfile, [trait]: { ...content.idealProfile[trait], ...change } } };
}

/** A recruiter's save of the role form, meanwhile. */
async function recruiterEdits(change: (file: RoleFile) => RoleFile, when = at(2)): Promise<void> {
  const saved = await saveRole(db, change(await roleFile()), { currentSlug: ROLE, actorId: who.rita }, when);
  expect(saved?.status).toBe("replaced");
}

async function versionCount(kind: "role" | "skill", slug: string): Promise<number> {
  const found = await target(kind, slug);
  return (await listVersions(db, found)).length;
}

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
] as const satisfies readonly (keyof Database)[];

/**
 * Every row of every kit table, in a stable order. A kit question's link to the
 * role question it was copied from (source_question_id) is left out: rewriting
 * a role's tables, as every save of a role does, gives its questions new ids
 * and the link is lost (the foreign key sets it null); the copy is kept.
 */
async function kitContent(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of KIT_TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    out[table] = rows
      .map((row) => {
        const { source_question_id: _link, ...copy } = row as Record<string, unknown>;
        return JSON.stringify(copy);
      })
      .sort();
  }
  return out;
}

async function rowCount(table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function status(id: number): Promise<string> {
  return (await db.selectFrom("proposals").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
}

describe("accepting a proposal", () => {
  it("makes exactly one new version, which the role's tables hold, and leaves every kit's frozen content unchanged", async () => {
    const kitsBefore = await kitContent();
    expect(kitsBefore.kit_questions?.length).toBeGreaterThan(0);
    const id = await proposeRole(who.ian, (content) => band(content, "openness", { high: 80 }));
    const versionsBefore = await versionCount("role", ROLE);

    const accepted = await acceptProposal(db, { id, reviewerId: who.rita, choices: {}, reason: "Agreed." }, at(5));
    expect(accepted).toEqual({ status: "accepted", version: versionsBefore + 1 });

    expect(await versionCount("role", ROLE)).toBe(versionsBefore + 1);
    const mlops = await target("role", ROLE);
    const latest = await latestVersion(db, mlops);
    expect(latest).toMatchObject({ version: versionsBefore + 1, source: "proposal", proposalId: id, madeBy: who.rita });
    expect(latest?.content).toEqual(await readProfileDocument(db, mlops));
    expect((await roleFile()).idealProfile?.openness.high).toBe(80);
    expect(await kitContent()).toEqual(kitsBefore);

    const detail = await getProposal(db, id);
    expect(detail).toMatchObject({ status: "accepted", appliedVersion: versionsBefore + 1, decisionReason: "Agreed.", conflicts: [] });
    expect(detail?.history.map((entry) => entry.kind)).toEqual(["proposed", "accepted"]);
    const exported = (await proposalsFile(db)).proposals.find((proposal) => proposal.id === id);
    expect(exported).toMatchObject({ status: "accepted", appliedVersion: versionsBefore + 1, decidedAt: at(5).toISOString() });
    const audit = await db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_type", "=", "proposal")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audit.map((row) => row.action).sort()).toEqual(["proposal.accept", "proposal.create"]);
  });

  it("twice at once: one is accepted, the other finds it decided, and one version is made", async () => {
    const id = await proposeRole(who.ian, (content) => band(content, "openness", { high: 80 }));
    const versionsBefore = await versionCount("role", ROLE);
    const results = await Promise.all([
      acceptProposal(db, { id, reviewerId: who.rita, choices: {}, reason: null }, at(5)),
      acceptProposal(db, { id, reviewerId: who.rita, choices: {}, reason: null }, at(5)),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["accepted", "not_open"]);
    expect(await versionCount("role", ROLE)).toBe(versionsBefore + 1);
    expect(await db.selectFrom("profile_versions").select("id").where("proposal_id", "=", id).execute()).toHaveLength(1);
  });

  it("after the role was edited meanwhile: names the conflict field by field and changes nothing, then applies the reviewer's choice and keeps both sides' other changes", async () => {
    const id = await proposeRole(who.ian, (content) => ({
      ...band(content, "openness", { high: 75 }),
      redFlags: [...content.redFlags, { en: "Retrains by hand with no record of the data used" }],
    }));
    await recruiterEdits((file) => {
      const edited = band(file, "openness", { high: 90 });
      return { ...file, ...edited, summary: { ...file.summary, en: "Runs the platform that keeps models in production." } };
    });
    const before = await roleFile();
    const versionsBefore = await versionCount("role", ROLE);

    const refused = await acceptProposal(db, { id, reviewerId: who.rita, choices: {}, reason: null }, at(5));
    expect(refused).toEqual({
      status: "conflicts",
      conflicts: [
        {
          key: "idealProfile.openness.high",
          path: ["idealProfile", "openness", "high"],
          kind: "field",
          base: 85,
          current: 90,
          proposed: 75,
        },
      ],
    });
    expect(await status(id)).toBe("open");
    expect(await roleFile()).toEqual(before);
    expect(await versionCount("role", ROLE)).toBe(versionsBefore);
    expect((await getProposal(db, id))?.conflicts.map((conflict) => conflict.key)).toEqual(["idealProfile.openness.high"]);

    const accepted = await acceptProposal(
      db,
      { id, reviewerId: who.rita, choices: { "idealProfile.openness.high": "proposed" }, reason: null },
      at(6),
    );
    expect(accepted).toEqual({ status: "accepted", version: versionsBefore + 1 });
    const after = await roleFile();
    expect(after.idealProfile?.openness.high).toBe(75);
    expect(after.summary?.en).toBe("Runs the platform that keeps models in production.");
    expect(after.redFlags.at(-1)).toEqual({ en: "Retrains by hand with no record of the data used" });
    expect(after.redFlags).toHaveLength(before.redFlags.length + 1);
  });

  it("keeps the current value where the reviewer chooses it", async () => {
    const id = await proposeRole(who.ian, (content) => band(content, "openness", { high: 75 }));
    await recruiterEdits((file) => ({ ...file, ...band(file, "openness", { high: 90 }) }));
    const accepted = await acceptProposal(
      db,
      { id, reviewerId: who.rita, choices: { "idealProfile.openness.high": "current" }, reason: null },
      at(5),
    );
    expect(accepted.status).toBe("accepted");
    expect((await roleFile()).idealProfile?.openness.high).toBe(90);
  });

  it("reports a list both sides changed at the same place as one conflict of the whole list", async () => {
    const base = await roleContent();
    const proposedStrengths = base.strengths.map((strength, index) =>
      index === 1 ? { en: "Monitors drift with alerts someone owns" } : strength,
    );
    const id = await proposeRole(who.ian, (content) => ({ ...content, strengths: proposedStrengths }));
    const currentStrengths = base.strengths.map((strength, index) => (index === 1 ? { en: "Watches data and model drift" } : strength));
    await recruiterEdits((file) => ({ ...file, strengths: currentStrengths }));

    const refused = await acceptProposal(db, { id, reviewerId: who.rita, choices: {}, reason: null }, at(5));
    expect(refused).toEqual({
      status: "conflicts",
      conflicts: [
        {
          key: "strengths",
          path: ["strengths"],
          kind: "list",
          base: base.strengths,
          current: currentStrengths,
          proposed: proposedStrengths,
        },
      ],
    });
    expect((await roleFile()).strengths).toEqual(currentStrengths);

    expect((await acceptProposal(db, { id, reviewerId: who.rita, choices: { strengths: "proposed" }, reason: null }, at(6))).status).toBe(
      "accepted",
    );
    expect((await roleFile()).strengths).toEqual(proposedStrengths);
  });

  it("refuses a merge that is not a valid profile (a low from one side above the high from the other) and changes nothing", async () => {
    const id = await proposeRole(who.ian, (content) => band(content, "openness", { low: 80 }));
    await recruiterEdits((file) => ({ ...file, ...band(file, "openness", { high: 70 }) }));
    const before = await roleFile();
    const versionsBefore = await versionCount("role", ROLE);

    const refused = await acceptProposal(db, { id, reviewerId: who.rita, choices: {}, reason: null }, at(5));
    expect(refused.status).toBe("invalid");
    expect(refused.status === "invalid" && refused.issues.length).toBeGreaterThan(0);
    expect(await status(id)).toBe("open");
    expect(await roleFile()).toEqual(before);
    expect(await versionCount("role", ROLE)).toBe(versionsBefore);
  });

  it("applies a skill proposal as a new version of the skill profile", async () => {
    const proposal = (await listProposals(db, { skill: DEMO_PROPOSALS.skill, status: "open" }))[0];
    if (!proposal) throw new Error("No open MLflow proposal in the demo");
    const versionsBefore = await versionCount("skill", DEMO_PROPOSALS.skill);
    expect((await acceptProposal(db, { id: proposal.id, reviewerId: who.rita, choices: {}, reason: null }, at(5))).status).toBe("accepted");
    expect(await versionCount("skill", DEMO_PROPOSALS.skill)).toBe(versionsBefore + 1);
    const profile = await readSkillProfileDocument(db, DEMO_PROPOSALS.skill);
    expect(profile?.expectations.find((row) => row.role === ROLE && row.level === "mid")?.mandatory).toBe(true);
  });
});

describe("votes", () => {
  it("one per member, however many of their votes arrive at once; 0 withdraws it; none once the proposal is decided", async () => {
    const id = await proposeRole(who.ian, (content) => band(content, "openness", { high: 80 }));
    const values: VoteValue[] = Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? 1 : -1));
    const results = await Promise.all(
      values.map((value, index) => voteOnProposal(db, { id, userId: who.ines, value }, at(2 + index / 60))),
    );
    expect(results.every((result) => result === "voted")).toBe(true);
    expect(
      await db.selectFrom("proposal_votes").select("value").where("proposal_id", "=", id).where("user_id", "=", who.ines).execute(),
    ).toHaveLength(1);

    const members = [who.rita, who.ian, who.ines, who.iker];
    for (let index = 0; index < 8; index++) {
      members.push(
        await createUser(
          db,
          { email: `voter${index}@proposals.test`, name: `Voter ${index}`, role: "interviewer", passwordHash: "x" },
          NOW,
        ),
      );
    }
    await Promise.all(
      members.flatMap((userId) => [1, -1, 1].map((value) => voteOnProposal(db, { id, userId, value: value as VoteValue }, at(3)))),
    );
    const rows = await db.selectFrom("proposal_votes").select(["user_id", "value"]).where("proposal_id", "=", id).execute();
    expect(rows).toHaveLength(members.length);
    expect(new Set(rows.map((row) => row.user_id)).size).toBe(members.length);

    expect(await voteOnProposal(db, { id, userId: who.iker, value: 0 }, at(4))).toBe("withdrawn");
    expect(await db.selectFrom("proposal_votes").select("value").where("proposal_id", "=", id).execute()).toHaveLength(members.length - 1);

    expect(await rejectProposal(db, { id, reviewerId: who.rita, reason: "Not now." }, at(5))).toBe("done");
    expect(await voteOnProposal(db, { id, userId: who.iker, value: 1 }, at(6))).toBe("not_open");
    expect(await voteOnProposal(db, { id: 999_999, userId: who.iker, value: 1 }, at(6))).toBe("not_found");
  });
});

describe("rejecting and withdrawing", () => {
  it("only an open proposal is decided; only its author withdraws it; each change is audited", async () => {
    const rejected = await proposeRole(who.ian, (content) => band(content, "openness", { high: 80 }));
    expect(await rejectProposal(db, { id: rejected, reviewerId: who.rita, reason: "Three hires are too few." }, at(2))).toBe("done");
    expect(await rejectProposal(db, { id: rejected, reviewerId: who.rita, reason: "Again." }, at(3))).toBe("not_open");
    expect(await withdrawProposal(db, { id: rejected, authorId: who.ian }, at(3))).toBe("not_open");
    expect((await acceptProposal(db, { id: rejected, reviewerId: who.rita, choices: {}, reason: null }, at(3))).status).toBe("not_open");
    expect(await addComment(db, { id: rejected, userId: who.ines, body: "Late." }, at(3))).toBe("not_open");
    expect(await getProposal(db, rejected)).toMatchObject({
      status: "rejected",
      decisionReason: "Three hires are too few.",
      appliedVersion: null,
    });

    const withdrawn = await proposeRole(who.ian, (content) => band(content, "openness", { high: 70 }), at(4));
    expect(await withdrawProposal(db, { id: withdrawn, authorId: who.ines }, at(5))).toBe("not_found");
    expect(await status(withdrawn)).toBe("open");
    expect(await withdrawProposal(db, { id: withdrawn, authorId: who.ian }, at(6))).toBe("done");
    expect(await withdrawProposal(db, { id: withdrawn, authorId: who.ian }, at(7))).toBe("not_open");
    expect(await rejectProposal(db, { id: withdrawn, reviewerId: who.rita, reason: "Late." }, at(7))).toBe("not_open");

    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "entity_id"])
      .where("entity_type", "=", "proposal")
      .where("entity_id", "in", [String(rejected), String(withdrawn)])
      .orderBy("id")
      .execute();
    expect(audit.map((row) => [row.entity_id, row.action])).toEqual([
      [String(rejected), "proposal.create"],
      [String(rejected), "proposal.reject"],
      [String(withdrawn), "proposal.create"],
      [String(withdrawn), "proposal.withdraw"],
    ]);
    const exported = (await proposalsFile(db)).proposals.filter((proposal) => proposal.id === rejected || proposal.id === withdrawn);
    expect(exported.map((proposal) => [proposal.status, proposal.appliedVersion, proposal.decidedAt])).toEqual([
      ["rejected", null, at(2).toISOString()],
      ["withdrawn", null, at(6).toISOString()],
    ]);
  });
});

describe("comments", () => {
  it("are edited by their author within 15 minutes, and removed by the author or a recruiter, leaving no text", async () => {
    const id = await proposeRole(who.ian, (content) => band(content, "openness", { high: 80 }));
    expect(await addComment(db, { id, userId: who.ines, body: "First line\nsecond line <b>not bold</b>" }, at(0))).toBe("saved");
    expect(await addComment(db, { id, userId: who.iker, body: "Second comment." }, at(0))).toBe("saved");
    expect(await addComment(db, { id, userId: who.ian, body: "Third comment." }, at(0))).toBe("saved");
    const [ines, iker, ian] = (await getProposal(db, id))?.comments ?? [];
    if (!ines || !iker || !ian) throw new Error("Comments missing");
    expect(ines.body).toBe("First line\nsecond line <b>not bold</b>");

    expect(await editComment(db, { id, commentId: ines.id, userId: who.ines, body: "Edited." }, at(14))).toBe("saved");
    expect(await editComment(db, { id, commentId: ines.id, userId: who.ines, body: "Too late." }, at(16))).toBe("not_allowed");
    expect(await editComment(db, { id, commentId: iker.id, userId: who.ines, body: "Not mine." }, at(1))).toBe("not_allowed");
    expect(await editComment(db, { id: id + 1, commentId: iker.id, userId: who.iker, body: "Wrong proposal." }, at(1))).toBe("not_found");

    expect(await removeComment(db, { id, commentId: iker.id, user: { id: who.ines, role: "interviewer" } }, at(20))).toBe("not_allowed");
    expect(await removeComment(db, { id, commentId: iker.id, user: { id: who.iker, role: "interviewer" } }, at(20))).toBe("saved");
    expect(await removeComment(db, { id, commentId: ian.id, user: { id: who.rita, role: "recruiter" } }, at(21))).toBe("saved");
    expect(await removeComment(db, { id, commentId: ian.id, user: { id: who.rita, role: "recruiter" } }, at(22))).toBe("not_allowed");
    expect(await editComment(db, { id, commentId: iker.id, userId: who.iker, body: "Back." }, at(1))).toBe("not_allowed");

    const comments = (await getProposal(db, id))?.comments ?? [];
    expect(comments.map((comment) => [comment.body, comment.editedAt !== null, comment.removedAt !== null])).toEqual([
      ["Edited.", true, false],
      ["", false, true],
      ["", false, true],
    ]);
    expect((await proposalsFile(db)).proposals.find((proposal) => proposal.id === id)?.comments).toBe(1);
    const removals = await db.selectFrom("audit_log").select("details").where("action", "=", "proposal.comment_remove").execute();
    expect(removals.map((row) => JSON.parse(row.details ?? "{}") as unknown)).toEqual([{ commentId: ian.id }]);
  });
});

describe("versions", () => {
  it("are recorded by the role form's save, an import and a new role; a save that changes nothing records none", async () => {
    const mlops = await target("role", ROLE);
    const before = await versionCount("role", ROLE);
    await recruiterEdits((file) => ({ ...file, summary: { ...file.summary, en: "Edited by the recruiter." } }));
    await recruiterEdits((file) => file, at(3));
    expect(await versionCount("role", ROLE)).toBe(before + 1);
    expect(await latestVersion(db, mlops)).toMatchObject({ source: "edit", madeBy: who.rita, proposalId: null });

    const imported = await importRole(
      db,
      { ...(await roleFile()), name: "MLOps Engineer (imported)" },
      { replace: true, actorId: who.rita },
      at(4),
    );
    expect(imported.status).toBe("replaced");
    expect(await versionCount("role", ROLE)).toBe(before + 2);
    expect(await latestVersion(db, mlops)).toMatchObject({ source: "import", madeBy: who.rita });

    const created = await saveRole(
      db,
      { ...(await roleFile()), slug: "mlops-lead", name: "MLOps Lead" },
      { currentSlug: null, actorId: who.rita },
      at(5),
    );
    expect(created?.status).toBe("created");
    expect((await listVersions(db, await target("role", "mlops-lead"))).map((version) => [version.version, version.source])).toEqual([
      [1, "create"],
    ]);
  });

  it("are recorded by a skill's edit; an edit that changes nothing records none", async () => {
    const profile = await readSkillProfileDocument(db, DEMO_PROPOSALS.skill);
    if (!profile) throw new Error("No MLflow");
    const before = await versionCount("skill", DEMO_PROPOSALS.skill);
    const changed = profile.expectations.map((row) => (row.role === ROLE && row.level === "junior" ? { ...row, mandatory: true } : row));
    const saved = await saveSkillExpectations(db, { slug: DEMO_PROPOSALS.skill, actorId: who.rita, expectations: changed }, at(1));
    expect(saved).toEqual({ status: "saved", version: before + 1 });
    const again = await saveSkillExpectations(db, { slug: DEMO_PROPOSALS.skill, actorId: who.rita, expectations: changed }, at(2));
    expect(again).toEqual({ status: "saved", version: before + 1 });
    expect(await versionCount("skill", DEMO_PROPOSALS.skill)).toBe(before + 1);
    const latest = await latestVersion(db, await target("skill", DEMO_PROPOSALS.skill));
    expect(latest).toMatchObject({ source: "edit", madeBy: who.rita });
  });

  it("are recorded by the library's load and by a newer library version", async () => {
    const database = await createTestDatabase();
    const library = database.db;
    try {
      await migrateToLatest(library);
      const data = libraryData();
      await syncLibrary(library, data, at(0));
      const next: LibraryData = {
        ...data,
        roles: data.roles.map(({ file, role }) => ({ file, role: { ...role, summary: { en: `${role.name}, revised.` } } })),
      };
      await syncLibrary(library, next, at(1));
      const role = await findProfileTarget(library, "role", ROLE);
      if (!role) throw new Error("No MLOps Engineer");
      const versions = await listVersions(library, role);
      expect(versions.map((version) => [version.version, version.source, version.madeBy])).toEqual([
        [2, "library", null],
        [1, "library", null],
      ]);
      expect((await latestVersion(library, role))?.content).toEqual(await readProfileDocument(library, role));
      await syncLibrary(library, next, at(2));
      expect(await listVersions(library, role)).toHaveLength(2);
    } finally {
      await database.drop();
    }
  });
});

describe("following and news", () => {
  it("tells a member what others did on what they follow and on their own proposals, once", async () => {
    const mlops = await target("role", ROLE);
    expect(await isFollowing(db, who.ian, mlops)).toBe(true);
    const unread = await unreadActivityCount(db, who.ian);
    const news = await takeNewsSinceLastVisit(db, who.ian, at(0));
    expect(news.total).toBe(unread);
    expect(news.items.length).toBeGreaterThan(0);
    const ownActivity = await db.selectFrom("proposal_activity").select("id").where("actor_id", "=", who.ian).execute();
    const ownIds = new Set(ownActivity.map((row) => row.id));
    expect(news.items.some((item) => ownIds.has(item.id))).toBe(false);
    expect(news.items.map((item) => item.kind)).toEqual(expect.arrayContaining(["accepted", "rejected", "commented", "proposed"]));
    expect(await unreadActivityCount(db, who.ian)).toBe(0);
    expect((await takeNewsSinceLastVisit(db, who.ian, at(1))).total).toBe(0);

    // On his own MLflow proposal (a skill he does not follow) others' acts are news; his own are not.
    const skillProposal = (await listProposals(db, { skill: DEMO_PROPOSALS.skill }))[0];
    if (!skillProposal) throw new Error("No MLflow proposal");
    await addComment(db, { id: skillProposal.id, userId: who.ines, body: "Agreed." }, at(2));
    await addComment(db, { id: skillProposal.id, userId: who.ian, body: "Thanks." }, at(3));
    await proposeRole(who.rita, (content) => band(content, "openness", { high: 80 }), at(4));
    expect(await unreadActivityCount(db, who.ian)).toBe(2);

    // Unfollowed, the role's news stops; the news from before following is not news.
    await setFollowing(db, { userId: who.ian, target: mlops, follow: false }, at(5));
    expect(await unreadActivityCount(db, who.ian)).toBe(1);
    const mlflow = await target("skill", DEMO_PROPOSALS.skill);
    // Rita proposed the demo's band change: the two comments on it are news to her until she visits.
    expect(await unreadActivityCount(db, who.rita)).toBe(2);
    await takeNewsSinceLastVisit(db, who.rita, at(5));
    expect(await unreadActivityCount(db, who.rita)).toBe(0);
    await setFollowing(db, { userId: who.rita, target: mlflow, follow: true }, at(6));
    await setFollowing(db, { userId: who.rita, target: mlflow, follow: true }, at(6));
    expect(await db.selectFrom("profile_follows").select("user_id").where("user_id", "=", who.rita).execute()).toHaveLength(1);
    expect(await unreadActivityCount(db, who.rita)).toBe(0);
    await voteOnProposal(db, { id: skillProposal.id, userId: who.iker, value: 1 }, at(7));
    expect(await unreadActivityCount(db, who.rita)).toBe(0);
    await addComment(db, { id: skillProposal.id, userId: who.iker, body: "Yes." }, at(8));
    expect(await unreadActivityCount(db, who.rita)).toBe(1);

    // Iker follows nothing, but the recruiter's rejection of his proposal is news to him.
    const iker = await takeNewsSinceLastVisit(db, who.iker, at(9));
    expect(iker.items.map((item) => [item.kind, item.proposal.title])).toContainEqual(["rejected", DEMO_PROPOSALS.rejected]);
  });
});

describe("the demo", () => {
  it("holds the proposals the README describes", async () => {
    const mlops = await target("role", ROLE);
    const list = await listProposals(db, { role: ROLE });
    expect(list.map((proposal) => [proposal.title, proposal.status])).toEqual([
      [DEMO_PROPOSALS.question, "open"],
      [DEMO_PROPOSALS.band, "open"],
      [DEMO_PROPOSALS.rejected, "rejected"],
      [DEMO_PROPOSALS.accepted, "accepted"],
    ]);
    expect(await openProposalCount(db, mlops)).toBe(2);
    const bandItem = list.find((proposal) => proposal.title === DEMO_PROPOSALS.band);
    expect(bandItem).toMatchObject({ up: 2, down: 1, comments: 2 });
    const bandDetail = await getProposal(db, bandItem?.id ?? -1);
    expect(bandDetail?.changes.map((change) => change.path.join("."))).toEqual(["idealProfile.openness.low", "idealProfile.openness.high"]);

    const versions = await listVersions(db, mlops);
    expect(versions.map((version) => [version.version, version.source, version.proposal?.title ?? null])).toEqual([
      [2, "proposal", DEMO_PROPOSALS.accepted],
      [1, "library", null],
    ]);
    expect(Date.parse(versions[1]?.madeAt ?? "")).toBeLessThan(Date.parse(versions[0]?.madeAt ?? ""));
    expect(Date.parse(versions[0]?.madeAt ?? "")).toBeLessThan(NOW.getTime());

    const rejected = await getProposal(db, list.find((proposal) => proposal.status === "rejected")?.id ?? -1);
    expect(rejected?.decisionReason).toBeTruthy();

    const skill = await listProposals(db, { skill: DEMO_PROPOSALS.skill });
    expect(skill.map((proposal) => [proposal.title, proposal.status])).toEqual([[DEMO_PROPOSALS.skillLevel, "open"]]);
    expect(await isFollowing(db, who.ian, mlops)).toBe(true);

    const file = await proposalsFile(db);
    expect(file.format).toBe("traitkit.proposals/v1");
    expect(file.proposals).toHaveLength(5);
    expect(file.proposals.every((proposal) => Date.parse(proposal.createdAt) < NOW.getTime())).toBe(true);
  });

  it("leaves a candidate's export and erasure as they were: proposals hold no candidate data", async () => {
    const candidate = await db.selectFrom("candidates").select("id").orderBy("id").executeTakeFirstOrThrow();
    const exported = await exportCandidate(db, candidate.id, NOW);
    expect(JSON.stringify(exported)).not.toMatch(/proposal/i);
    const tables = [
      "proposals",
      "proposal_votes",
      "proposal_comments",
      "proposal_activity",
      "profile_versions",
      "profile_follows",
    ] as const;
    const counts = async () => Promise.all(tables.map((table) => rowCount(table)));
    const before = await counts();
    expect(await eraseCandidate(db, candidate.id, who.rita, at(1))).toBe(true);
    expect(await counts()).toEqual(before);
  });
});
