import { afterAll, beforeAll, inject } from "vitest";
import { createDb, type TraitkitDb } from "~db/connection";
import type { Level } from "../../app/domain/levels";
import { createAssessment, recordDecision } from "../../app/models/assessments.server";
import { loadScoringKit, saveScorecard, scorecardFieldsOutsideKit } from "../../app/models/scorecards.server";
import type { ScoringKit } from "../../app/models/scorecards.server";
import { createCandidate } from "../../app/models/candidates.server";
import { createKit } from "../../app/models/kits.server";
import { getKitBuilderSource, newKitFormValues } from "../../app/models/kit-builder.server";
import { insertRole } from "../../app/models/role-writes.server";
import { createUser, findUserForSignIn } from "../../app/models/users.server";
import { candidateSchema } from "../../app/schemas/candidate";
import { kitFormSchema } from "../../app/schemas/kit";
import { parseScorecardForm } from "../../app/schemas/scorecard";
import { hashPassword } from "../../app/utils/password.server";
import { DEMO_PASSWORD } from "../../seeds/demo-accounts";
import { DEMO_KIT } from "../../seeds/demo-kits";
import { DEMO_CANDIDATES, scorecardFields, type DemoScorecard } from "../../seeds/demo-people";
import { libraryData } from "../../seeds/library";

/*
 * The records a browser test file needs, made by the file itself in the shared
 * server's database, through the same model functions the demo seed uses. Every
 * name carries the file's label and a random stamp, so no two files (nor two
 * runs on one database) meet, and a search for the name finds exactly the record.
 * The test process writes while the server runs: SQLite's WAL and busy timeout
 * (db/connection.ts) let both at the file.
 */

const RECRUITER = "recruiter@demo.traitkit.test";
const INTERVIEWERS = { interviewer1: "interviewer1@demo.traitkit.test", interviewer2: "interviewer2@demo.traitkit.test" } as const;

export type TestData = {
  db: TraitkitDb;
  /** A name no other file or run uses: `<what> <file label>-<stamp>`. */
  unique: (what: string) => string;
};

/** Opens the shared server's database for the file's tests, closed after them. */
export function useTestData(fileLabel: string): () => TestData {
  let data: TestData | undefined;
  beforeAll(() => {
    const { db } = createDb(inject("databasePath"));
    const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1_000_000).toString(36)}`;
    let count = 0;
    data = { db, unique: (what) => `${what} ${fileLabel}-${stamp}${(count += 1)}` };
  });
  afterAll(async () => {
    await data?.db.destroy();
  });
  return () => {
    if (!data) throw new Error("The test data is opened in beforeAll: use it inside a test or hook");
    return data;
  };
}

/** The slug a recruiter would type for a name: lower case, words joined by hyphens. */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

async function userIdOf(db: TraitkitDb, email: string): Promise<number> {
  const user = await findUserForSignIn(db, email);
  if (!user) throw new Error(`No account ${email} in the test database`);
  return user.id;
}

export type OwnRole = { slug: string; name: string };

/** A copy of a library role (the MLOps Engineer unless told) under a name and slug of its own: the same profile, questions and transitions. */
export async function createOwnRole(data: TestData, from: string = DEMO_KIT.role): Promise<OwnRole> {
  const library = libraryData().roles.find(({ role }) => role.slug === from);
  if (!library) throw new Error(`No library role ${from}`);
  // Not named after the library role: a search for the library role's name finds the library role alone.
  const name = data.unique("Role");
  const role = { ...library.role, slug: slugOf(name), name };
  await data.db.transaction().execute((trx) => insertRole(trx, role, new Date().toISOString(), null));
  return { slug: role.slug, name: role.name };
}

export type OwnKit = { kitId: number; name: string; kit: ScoringKit };

/** A kit of the role, made as the demo kit is: the builder's starting values, the demo kit's strengths and red flags. */
export async function createOwnKit(data: TestData, roleSlug: string, level: Level = DEMO_KIT.level): Promise<OwnKit> {
  const source = await getKitBuilderSource(data.db, roleSlug, "en");
  if (!source) throw new Error(`No role ${roleSlug} to build a kit from`);
  const name = data.unique("Panel");
  const draft = kitFormSchema.parse({
    ...newKitFormValues(source, level, "en"),
    name,
    strengths: source.strengths.map((s, i) => (i < DEMO_KIT.strengths ? String(s.position) : false)),
    redFlags: source.redFlags.map((s, i) => (i < DEMO_KIT.redFlags ? String(s.position) : false)),
  });
  const userId = await userIdOf(data.db, RECRUITER);
  const result = await data.db.transaction().execute((trx) => createKit(trx, { roleSlug, draft, userId }, new Date()));
  if (!result?.ok) throw new Error(`The kit was refused: ${JSON.stringify(result)}`);
  const version = await data.db
    .selectFrom("kit_versions")
    .select("id")
    .where("kit_id", "=", result.kitId)
    .where("version", "=", result.version)
    .executeTakeFirstOrThrow();
  const kit = await loadScoringKit(data.db, version.id);
  if (!kit) throw new Error(`The kit version ${version.id} cannot be loaded`);
  return { kitId: result.kitId, name, kit };
}

export type OwnCandidate = { id: number; name: string; email: string };

/** A candidate for the role, added by the demo recruiter now: the newest in the candidate list. */
export async function createOwnCandidate(data: TestData, label: string, roleSlug: string, notes = ""): Promise<OwnCandidate> {
  const name = data.unique(label);
  const email = `${slugOf(name)}@example.com`;
  const candidate = await createCandidate(
    data.db,
    candidateSchema.parse({ name, email, roleSlug, notes }),
    await userIdOf(data.db, RECRUITER),
    new Date(),
  );
  if (!candidate.ok) throw new Error(`The candidate ${name} was refused (${candidate.field})`);
  return { id: candidate.id, name, email };
}

export type OwnAssessment = { candidateId: number; candidateName: string; assessmentId: number };

/**
 * A candidate of the kit's role with an assessment of the kit by both demo
 * interviewers, in the state of one of the demo's cases (its scorecards and
 * decision, by the demo candidate's name), under a name of its own.
 */
export async function copyDemoCase(data: TestData, demoName: string, own: { role: OwnRole; kit: OwnKit }): Promise<OwnAssessment> {
  const person = DEMO_CANDIDATES.find((c) => c.name === demoName);
  if (!person?.assessment) throw new Error(`No demo candidate ${demoName} with an assessment`);
  const { db } = data;
  const { kit } = own.kit;
  const recruiterId = await userIdOf(db, RECRUITER);
  const now = new Date();
  // The first name only: a demo candidate's full name stays the demo's, for the tests that read the demo.
  const candidate = await createOwnCandidate(data, demoName.replace(/ Demo-.*/, ""), own.role.slug, person.notes);
  const candidateName = candidate.name;
  const interviewerIds = {
    interviewer1: await userIdOf(db, INTERVIEWERS.interviewer1),
    interviewer2: await userIdOf(db, INTERVIEWERS.interviewer2),
  };
  const assessment = await createAssessment(
    db,
    {
      candidateId: candidate.id,
      kitVersionId: kit.kitVersionId,
      interviewerIds: [interviewerIds.interviewer1, interviewerIds.interviewer2],
      actorId: recruiterId,
      schedule: null,
      mail: null,
    },
    now,
  );
  if (!assessment.ok) throw new Error(`The assessment of ${candidateName} was refused: ${JSON.stringify(assessment.errors)}`);
  for (const who of ["interviewer1", "interviewer2"] as const) {
    const card: DemoScorecard | undefined = person.assessment[who];
    if (!card) continue;
    const parsed = parseScorecardForm(scorecardFields(card, kit));
    if (!parsed.ok) throw new Error(`The scorecard of ${candidateName} (${who}) is not valid: ${JSON.stringify(parsed.errors)}`);
    const outside = scorecardFieldsOutsideKit(parsed.data, kit);
    if (Object.keys(outside).length > 0) throw new Error(`The scorecard of ${candidateName} (${who}) does not fit the kit`);
    const saved = await saveScorecard(
      db,
      { assessmentId: assessment.id, interviewerId: interviewerIds[who], input: parsed.data, kit, mail: null },
      now,
    );
    if (saved.status !== "saved") throw new Error(`The scorecard of ${candidateName} (${who}) was not saved`);
  }
  const decision = person.assessment.decision;
  if (decision) {
    await recordDecision(
      db,
      { assessmentId: assessment.id, decision: decision.decision, reason: decision.reason, actorId: recruiterId },
      now,
    );
  }
  return { candidateId: candidate.id, candidateName, assessmentId: assessment.id };
}

export type OwnUser = { id: number; email: string; name: string };

/** An active account of its own, signing in with the demo password. */
export async function createOwnUser(data: TestData, role: "recruiter" | "interviewer"): Promise<OwnUser> {
  const name = data.unique(role === "recruiter" ? "Recruiter" : "Interviewer");
  const email = `${slugOf(name)}@example.com`;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const id = await createUser(data.db, { email, name, role, passwordHash }, new Date());
  return { id, email, name };
}

/**
 * An assessment of the kit with these interviewers on its panel, each having
 * submitted the demo's first interviewer's scorecard of a demo case: blind
 * scoring then lets them see the role's ideal bands (they have no scorecard
 * of it left to submit), as a member who took part in its interviews does.
 */
export async function createSubmittedPanel(
  data: TestData,
  own: { role: OwnRole; kit: OwnKit },
  panel: readonly OwnUser[],
  demoName = "Ada Demo-Lovelace",
): Promise<OwnAssessment> {
  const card = DEMO_CANDIDATES.find((c) => c.name === demoName)?.assessment?.interviewer1;
  if (!card) throw new Error(`No demo candidate ${demoName} with a first interviewer's scorecard`);
  const { db } = data;
  const { kit } = own.kit;
  const candidate = await createOwnCandidate(data, demoName.replace(/ Demo-.*/, ""), own.role.slug);
  const now = new Date();
  const assessment = await createAssessment(
    db,
    {
      candidateId: candidate.id,
      kitVersionId: kit.kitVersionId,
      interviewerIds: panel.map((member) => member.id),
      actorId: await userIdOf(db, RECRUITER),
      schedule: null,
      mail: null,
    },
    now,
  );
  if (!assessment.ok) throw new Error(`The assessment of ${candidate.name} was refused: ${JSON.stringify(assessment.errors)}`);
  const parsed = parseScorecardForm(scorecardFields({ ...card, status: "submitted" }, kit));
  if (!parsed.ok) throw new Error(`The scorecard of ${candidate.name} is not valid: ${JSON.stringify(parsed.errors)}`);
  for (const member of panel) {
    const saved = await saveScorecard(
      db,
      { assessmentId: assessment.id, interviewerId: member.id, input: parsed.data, kit, mail: null },
      now,
    );
    if (saved.status !== "saved") throw new Error(`The scorecard of ${member.name} on ${candidate.name} was not saved`);
  }
  return { candidateId: candidate.id, candidateName: candidate.name, assessmentId: assessment.id };
}
