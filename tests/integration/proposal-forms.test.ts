import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRoleFile } from "../../app/models/role-export.server";
import { readSkillProfileDocument } from "../../app/models/profile-versions.server";
import { roleToFormValues, type RoleFormValues } from "../../app/schemas/role-form";
import { skillToFormValues } from "../../app/schemas/skill-form";
import { DEMO, formFields, locationPath, request, signIn, startTestServer, userId, type TestServer } from "./support/test-server";

/*
 * The forms behind "Suggest a change" (roles and skills), the author's update,
 * the recruiter's skill edit and following, over HTTP as a browser without
 * JavaScript posts them.
 */

const ROLE = "mlops-engineer";
const SKILL = "mlflow";

describe("proposal forms", () => {
  let server: TestServer;
  let recruiter: string;
  let interviewer: string;
  let otherInterviewer: string;

  beforeAll(async () => {
    server = await startTestServer();
    recruiter = await signIn(server.baseURL, DEMO.recruiter);
    interviewer = await signIn(server.baseURL, DEMO.interviewer1);
    otherInterviewer = await signIn(server.baseURL, DEMO.interviewer2);
  });
  afterAll(async () => {
    await server.close();
  });

  async function roleValues(): Promise<RoleFormValues> {
    const role = await readRoleFile(server.db, ROLE);
    if (!role) throw new Error(`no role ${ROLE}`);
    return roleToFormValues(role);
  }

  function withProposal(values: unknown, proposal: { title?: string; rationale?: string }): URLSearchParams {
    const fields = formFields(values);
    if (proposal.title !== undefined) fields.set("title", proposal.title);
    if (proposal.rationale !== undefined) fields.set("rationale", proposal.rationale);
    return fields;
  }

  async function proposalCount(): Promise<number> {
    const row = await server.db
      .selectFrom("proposals")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function proposalChanges(path: string | null): Promise<{ kind: string; path: string[] }[]> {
    const id = Number(/^\/proposals\/(\d+)$/.exec(path ?? "")?.[1]);
    const row = await server.db.selectFrom("proposals").select("changes").where("id", "=", id).executeTakeFirstOrThrow();
    return JSON.parse(row.changes) as { kind: string; path: string[] }[];
  }

  it("makes a role proposal from the posted form; its diff holds only the changed band", async () => {
    const values = await roleValues();
    values.idealProfile.openness.low = String(Number(values.idealProfile.openness.low) - 5);
    const response = await request(server.baseURL, `/roles/${ROLE}/propose`, {
      cookie: recruiter,
      form: withProposal(values, { title: "Lower the openness band", rationale: "Our best hires\nscore lower." }),
    });
    expect(response.status).toBe(303);
    const changes = await proposalChanges(locationPath(response));
    expect(changes).toEqual([expect.objectContaining({ kind: "field", path: ["idealProfile", "openness", "low"] })]);
  });

  it("answers 400 with the message by the field and writes nothing without a rationale", async () => {
    const before = await proposalCount();
    const values = await roleValues();
    values.redFlags[values.redFlags.length - 1] = { es: "", en: "Ships without a rollback plan", zh: "" };
    const response = await request(server.baseURL, `/roles/${ROLE}/propose`, {
      cookie: interviewer,
      form: withProposal(values, { title: "A red flag", rationale: "   " }),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/id="f-rationale-error"[^>]*>Say why the profile should change\./);
    expect(html).toContain("Ships without a rollback plan");
    expect(await proposalCount()).toBe(before);
  });

  it("answers 400 and writes nothing for a band whose low is above its high", async () => {
    const before = await proposalCount();
    const values = await roleValues();
    values.idealProfile.openness.low = "80";
    values.idealProfile.openness.high = "20";
    const response = await request(server.baseURL, `/roles/${ROLE}/propose`, {
      cookie: recruiter,
      form: withProposal(values, { title: "Bands", rationale: "Why not." }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('id="f-idealProfile.openness.high-error"');
    expect(await proposalCount()).toBe(before);
  });

  it("answers 400 'Your proposal changes nothing yet' when the form is the current version", async () => {
    const before = await proposalCount();
    const response = await request(server.baseURL, `/roles/${ROLE}/propose`, {
      cookie: interviewer,
      form: withProposal(await roleValues(), { title: "Nothing", rationale: "Nothing at all." }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Your proposal changes nothing yet");
    expect(await proposalCount()).toBe(before);
  });

  it("keeps the role's slug whatever was posted", async () => {
    const values = await roleValues();
    values.slug = "mlops-renamed";
    values.strengths[values.strengths.length - 1] = { es: "", en: "Writes runbooks", zh: "" };
    const response = await request(server.baseURL, `/roles/${ROLE}/propose`, {
      cookie: interviewer,
      form: withProposal(values, { title: "A strength", rationale: "Runbooks matter." }),
    });
    expect(response.status).toBe(303);
    const changes = await proposalChanges(locationPath(response));
    expect(changes.map((change) => change.path[0])).toEqual(["strengths"]);
    expect((await readRoleFile(server.db, ROLE))?.slug).toBe(ROLE);
  });

  it("keeps the bands as they are when an interviewer who may not see them yet posts some (blind scoring)", async () => {
    const values = await roleValues();
    const form = withProposal(values, { title: "Bands", rationale: "Guessing." });
    form.set("hasIdealProfile", "on");
    form.set("idealProfile.openness.low", "1");
    form.set("idealProfile.openness.high", "99");
    const page = await request(server.baseURL, `/roles/${ROLE}/propose`, { cookie: interviewer });
    expect(await page.text()).not.toContain('name="idealProfile.openness.low"');
    const response = await request(server.baseURL, `/roles/${ROLE}/propose`, { cookie: interviewer, form });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Your proposal changes nothing yet");
  });

  it("lets the author alone update an open proposal, from what it proposes", async () => {
    const values = await roleValues();
    values.redFlags[values.redFlags.length - 1] = { es: "", en: "Trains on production data without consent", zh: "" };
    const created = await request(server.baseURL, `/roles/${ROLE}/propose`, {
      cookie: interviewer,
      form: withProposal(values, { title: "Consent", rationale: "Seen twice." }),
    });
    const path = locationPath(created);
    expect(created.status).toBe(303);
    const form = await request(server.baseURL, `${path}/edit`, { cookie: interviewer });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain("Trains on production data without consent");
    expect((await request(server.baseURL, `${path}/edit`, { cookie: otherInterviewer })).status).toBe(404);
    expect((await request(server.baseURL, `${path}/edit`, { cookie: recruiter })).status).toBe(404);
    values.redFlags[values.redFlags.length - 1] = { es: "", en: "Trains on personal data without consent", zh: "" };
    const updated = await request(server.baseURL, `${path}/edit`, {
      cookie: interviewer,
      form: withProposal(values, { title: "Consent (personal data)", rationale: "Seen twice." }),
    });
    expect(updated.status).toBe(303);
    expect(locationPath(updated)).toBe(path);
    const denied = await request(server.baseURL, `${path}/edit`, {
      cookie: otherInterviewer,
      form: withProposal(values, { title: "Mine now", rationale: "No." }),
    });
    expect(denied.status).toBe(404);
  });

  it("rebases the author's form on the latest version when the role changed since, keeping their changes that still apply", async () => {
    const values = await roleValues();
    values.redFlags[values.redFlags.length - 1] = { es: "", en: "Deploys on Fridays", zh: "" };
    const created = await request(server.baseURL, `/roles/${ROLE}/propose`, {
      cookie: interviewer,
      form: withProposal(values, { title: "Fridays", rationale: "Twice this quarter." }),
    });
    const path = locationPath(created);
    const edited = await roleValues();
    edited.strengths[edited.strengths.length - 1] = { es: "", en: "Keeps costs in view", zh: "" };
    const saved = await request(server.baseURL, `/roles/${ROLE}/edit`, { cookie: recruiter, form: formFields(edited) });
    expect(saved.status).toBe(303);
    const form = await (await request(server.baseURL, `${path}/edit`, { cookie: interviewer })).text();
    expect(form).toContain("The profile changed since you wrote this; your update is based on the latest version");
    expect(form).toContain("Deploys on Fridays");
    expect(form).toContain("Keeps costs in view");
  });

  it("makes a skill proposal from the posted rows", async () => {
    const skill = await readSkillProfileDocument(server.db, SKILL);
    if (!skill) throw new Error(`no skill ${SKILL}`);
    const values = skillToFormValues(skill.expectations);
    const first = values.expectations[0];
    if (!first) throw new Error("no expectation");
    first.mandatory = !first.mandatory;
    const response = await request(server.baseURL, `/skills/${SKILL}/propose`, {
      cookie: interviewer,
      form: withProposal(values, { title: "Mandatory or not", rationale: "As we hire." }),
    });
    expect(response.status).toBe(303);
    expect(await proposalChanges(locationPath(response))).toHaveLength(1);
  });

  it("lets a recruiter edit a skill profile (a new version); interviewers get 404 there", async () => {
    const skill = await readSkillProfileDocument(server.db, SKILL);
    if (!skill) throw new Error(`no skill ${SKILL}`);
    const skillId = (await server.db.selectFrom("skills").select("id").where("slug", "=", SKILL).executeTakeFirstOrThrow()).id;
    const versions = async () =>
      (await server.db.selectFrom("profile_versions").select("version").where("skill_id", "=", skillId).orderBy("version").execute()).map(
        (row) => row.version,
      );
    const values = skillToFormValues(skill.expectations);
    values.expectations[values.expectations.length - 1] = {
      role: "build-engineer",
      level: "principal",
      mandatory: false,
      description: { es: "", en: "Keeps MLflow's server running.", zh: "" },
    };
    expect((await request(server.baseURL, `/skills/${SKILL}/edit`, { cookie: interviewer })).status).toBe(404);
    expect((await request(server.baseURL, `/skills/${SKILL}/edit`, { cookie: interviewer, form: formFields(values) })).status).toBe(404);

    const unknown = structuredClone(values);
    const lastRow = unknown.expectations[unknown.expectations.length - 1];
    if (lastRow) lastRow.role = "no-such-role";
    const before = await versions();
    const refused = await request(server.baseURL, `/skills/${SKILL}/edit`, { cookie: recruiter, form: formFields(unknown) });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("No role with this address in the library.");
    expect(await versions()).toEqual(before);

    const saved = await request(server.baseURL, `/skills/${SKILL}/edit`, { cookie: recruiter, form: formFields(values) });
    expect(saved.status).toBe(303);
    expect(locationPath(saved)).toBe(`/skills/${SKILL}`);
    const after = await versions();
    expect(after).toEqual([...before, (before.at(-1) ?? 0) + 1]);
    const latest = await readSkillProfileDocument(server.db, SKILL);
    expect(latest?.expectations).toContainEqual({
      role: "build-engineer",
      level: "principal",
      mandatory: false,
      description: { en: "Keeps MLflow's server running." },
    });
  });

  it("follows and unfollows a profile, back to its page or to /proposals", async () => {
    const id = await userId(server.db, DEMO.interviewer2);
    const follows = async () =>
      (await server.db.selectFrom("profile_follows").select(["role_id", "skill_id"]).where("user_id", "=", id).execute()).length;
    const followed = await request(server.baseURL, "/follows", {
      cookie: otherInterviewer,
      form: { kind: "role", slug: ROLE, follow: "1" },
    });
    expect(followed.status).toBe(303);
    expect(locationPath(followed)).toBe(`/roles/${ROLE}`);
    expect(await follows()).toBe(1);
    expect(await (await request(server.baseURL, `/roles/${ROLE}`, { cookie: otherInterviewer })).text()).toContain(">Unfollow<");
    const again = await request(server.baseURL, "/follows", { cookie: otherInterviewer, form: { kind: "role", slug: ROLE, follow: "1" } });
    expect(again.status).toBe(303);
    expect(await follows()).toBe(1);
    const skill = await request(server.baseURL, "/follows", {
      cookie: otherInterviewer,
      form: { kind: "skill", slug: SKILL, follow: "1", back: "proposals" },
    });
    expect(locationPath(skill)).toBe("/proposals");
    expect(await follows()).toBe(2);
    await request(server.baseURL, "/follows", { cookie: otherInterviewer, form: { kind: "role", slug: ROLE, follow: "0" } });
    await request(server.baseURL, "/follows", { cookie: otherInterviewer, form: { kind: "skill", slug: SKILL, follow: "0" } });
    expect(await follows()).toBe(0);

    expect(
      (await request(server.baseURL, "/follows", { cookie: otherInterviewer, form: { kind: "role", slug: "no-such-role", follow: "1" } }))
        .status,
    ).toBe(404);
    expect(
      (await request(server.baseURL, "/follows", { cookie: otherInterviewer, form: { kind: "team", slug: ROLE, follow: "1" } })).status,
    ).toBe(400);
    const anonymous = await request(server.baseURL, "/follows", { form: { kind: "role", slug: ROLE, follow: "1" } });
    expect(anonymous.status).toBe(303);
    expect(locationPath(anonymous)).toMatch(/^\/login/);
  });

  it("shows the role and skill pages' proposal links: a count, or 'No proposals yet for <name>'", async () => {
    const role = await (await request(server.baseURL, `/roles/${ROLE}`, { cookie: interviewer })).text();
    expect(role).toMatch(/href="\/proposals\?role=mlops-engineer">\d+ open proposals</);
    expect(role).toContain(`href="/roles/${ROLE}/propose"`);
    expect(role).toContain(`href="/roles/${ROLE}/history"`);
    const quiet = await (await request(server.baseURL, "/roles/nlp-engineer", { cookie: interviewer })).text();
    expect(quiet).toContain("No proposals yet for NLP Engineer");
    const skillPage = await (await request(server.baseURL, `/skills/${SKILL}`, { cookie: interviewer })).text();
    expect(skillPage).toMatch(/href="\/proposals\?skill=mlflow">\d+ open proposals?</);
    expect(skillPage).not.toContain(`href="/skills/${SKILL}/edit"`);
    expect(await (await request(server.baseURL, `/skills/${SKILL}`, { cookie: recruiter })).text()).toContain(
      `href="/skills/${SKILL}/edit"`,
    );
    const spanish = await (
      await request(server.baseURL, "/roles/nlp-engineer", { cookie: interviewer, headers: { "Accept-Language": "es" } })
    ).text();
    expect(spanish).toContain("Aún no hay propuestas para NLP Engineer");
  });
});
