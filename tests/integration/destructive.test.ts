import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssessment, kitVersionChoices } from "../../app/models/assessments.server";
import { loadScoringKit } from "../../app/models/scorecards.server";
import type { ScoringKit } from "../../app/models/scorecards.server";
import { roleChoices } from "../../app/models/candidates.server";
import { createInvite } from "../../app/models/users.server";
import { listKits } from "../../app/models/kits.server";
import { getKitBuilderSource, newKitFormValues } from "../../app/models/kit-builder.server";
import { listRoles } from "../../app/models/roles.server";
import { readRoleFile } from "../../app/models/role-export.server";
import { insertRole } from "../../app/models/role-writes.server";
import { DEMO_KIT } from "../../seeds/demo-kits";
import { changedTables, databaseChecksums, type Checksums } from "./support/fuzz";
import { DEMO, formFields, locationPath, request, signIn, startTestServer, userId, type TestServer } from "./support/test-server";

/*
 * Issue 16, destructive actions: every destructive intent acts only with
 * confirm=1 and otherwise answers the confirmation page with nothing changed;
 * an assessment keeps its last interviewer; a removed interviewer's draft is
 * kept and restored, or discarded on request; roles and kits are archived
 * (hidden from lists and pickers, still working) and deleted only when unused.
 */

let server: TestServer;
let kit: ScoringKit;
let ids: { recruiter: number; interviewer1: number; interviewer2: number };
let cookies: { recruiter: string; interviewer1: string };

beforeAll(async () => {
  server = await startTestServer();
  const version = await server.db
    .selectFrom("kit_versions")
    .select("id")
    .where("name", "=", DEMO_KIT.name)
    .orderBy("version", "desc")
    .executeTakeFirstOrThrow();
  const loaded = await loadScoringKit(server.db, version.id);
  if (!loaded) throw new Error("The demo kit version cannot be loaded");
  kit = loaded;
  ids = {
    recruiter: await userId(server.db, DEMO.recruiter),
    interviewer1: await userId(server.db, DEMO.interviewer1),
    interviewer2: await userId(server.db, DEMO.interviewer2),
  };
  cookies = { recruiter: await signIn(server.baseURL, DEMO.recruiter), interviewer1: await signIn(server.baseURL, DEMO.interviewer1) };
});

afterAll(async () => {
  await server?.close();
});

const IGNORED = { sessions: ["last_seen_at"] } as const;

function snapshot(): Promise<Checksums> {
  return databaseChecksums(server.db, IGNORED);
}

function post(pathname: string, form: Record<string, string>, cookie = cookies.recruiter): Promise<Response> {
  return request(server.baseURL, pathname, { cookie, form });
}

/** Posts without confirm=1 and proves the answer is the confirmation page and nothing changed; returns the page. */
async function expectConfirmationPage(pathname: string, form: Record<string, string>): Promise<string> {
  const before = await snapshot();
  const response = await post(pathname, form);
  const page = await response.text();
  expect(response.status, `${pathname} ${JSON.stringify(form)}`).toBe(200);
  expect(page).toContain('data-testid="confirmation-page"');
  // The form posts the same fields again, with confirm=1.
  for (const [name, value] of Object.entries(form))
    if (name !== "confirm") expect(page).toContain(`<input type="hidden" name="${name}" value="${value}"/>`);
  expect(page).toMatch(/<button type="submit" name="confirm" value="1" class="button-danger">/);
  expect(changedTables(before, await snapshot())).toEqual([]);
  return page;
}

async function newAssessment(interviewerIds: number[]): Promise<{ id: number; candidateId: number }> {
  const at = new Date().toISOString();
  const candidate = await server.db
    .insertInto("candidates")
    .values({
      name: `Destructive ${randomUUID().slice(0, 8)}`,
      email: null,
      role_id: null,
      source: "test",
      notes: null,
      created_by: ids.recruiter,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const created = await createAssessment(
    server.db,
    { candidateId: candidate.id, kitVersionId: kit.kitVersionId, interviewerIds, actorId: ids.recruiter, schedule: null, mail: null },
    new Date(),
  );
  if (!created.ok) throw new Error(`createAssessment refused: ${JSON.stringify(created.errors)}`);
  return { id: created.id, candidateId: candidate.id };
}

/** interviewer1's draft through the scorecard form: two ratings, a note, a strength, a red flag. */
async function saveDraft(assessmentId: number): Promise<void> {
  const [first, second] = kit.questions;
  if (!first || !second) throw new Error("The demo kit has fewer than two questions");
  const response = await post(
    `/assessments/${assessmentId}/scorecard`,
    {
      intent: "save",
      [`rating.${first.id}.${first.traits[0] ?? "openness"}`]: "4",
      [`rating.${second.id}.${second.traits[0] ?? "openness"}`]: "2",
      [`notes.${first.id}`]: "Walked through a rollback.",
      "strength.0": "on",
      "redFlag.0": "on",
      "redFlagEvidence.0": "Blamed the on-call.",
      recommendation: "yes",
    },
    cookies.interviewer1,
  );
  await response.body?.cancel();
  expect(response.status).toBe(303);
}

async function draftOf(assessmentId: number) {
  const card = await server.db
    .selectFrom("scorecards")
    .selectAll()
    .where("assessment_id", "=", assessmentId)
    .where("interviewer_id", "=", ids.interviewer1)
    .executeTakeFirst();
  if (!card) return undefined;
  const [ratings, notes, strengths, flags] = await Promise.all([
    server.db
      .selectFrom("ratings")
      .select(["kit_question_id", "trait", "rating"])
      .where("scorecard_id", "=", card.id)
      .orderBy("kit_question_id")
      .execute(),
    server.db.selectFrom("scorecard_notes").select(["kit_question_id", "notes"]).where("scorecard_id", "=", card.id).execute(),
    server.db.selectFrom("observed_strengths").select("kit_strength_id").where("scorecard_id", "=", card.id).execute(),
    server.db.selectFrom("observed_red_flags").select(["kit_red_flag_id", "evidence"]).where("scorecard_id", "=", card.id).execute(),
  ]);
  return { status: card.status, recommendation: card.recommendation, revision: card.revision, ratings, notes, strengths, flags };
}

describe("removing an interviewer", () => {
  it("asks first: without confirm=1 the confirmation page says what is lost, and nothing changes", async () => {
    const { id } = await newAssessment([ids.interviewer1, ids.interviewer2]);
    await saveDraft(id);
    const page = await expectConfirmationPage(`/assessments/${id}`, { intent: "remove", userId: String(ids.interviewer1) });
    expect(page).toContain("Their draft scorecard is set aside and comes back if they are added again");
    expect(page).toMatch(/<input id="confirm-option" type="checkbox" name="discardDraft" value="1"\/>/);
    const spanish = await request(server.baseURL, `/assessments/${id}`, {
      cookie: cookies.recruiter,
      form: { intent: "remove", userId: String(ids.interviewer1) },
      headers: { "Accept-Language": "es" },
    });
    expect(await spanish.text()).toContain("Su scorecard en borrador se guarda aparte");
  });

  it("never takes an assessment's last interviewer: 409 with the reason, nothing changed", async () => {
    const { id } = await newAssessment([ids.interviewer1]);
    const before = await snapshot();
    const forms: Record<string, string>[] = [
      { intent: "remove", userId: String(ids.interviewer1), confirm: "1" },
      { intent: "remove", userId: String(ids.interviewer1) },
    ];
    for (const form of forms) {
      const response = await post(`/assessments/${id}`, form);
      expect(response.status).toBe(409);
      expect(await response.text()).toContain("An assessment keeps at least one interviewer: add another one before removing this one.");
    }
    expect(changedTables(before, await snapshot())).toEqual([]);
  });

  it("keeps a removed interviewer's draft and restores it, whole, when they are added back", async () => {
    const { id } = await newAssessment([ids.interviewer1, ids.interviewer2]);
    await saveDraft(id);
    const draft = await draftOf(id);
    expect(draft?.ratings).toHaveLength(2);

    const removed = await post(`/assessments/${id}`, { intent: "remove", userId: String(ids.interviewer1), confirm: "1" });
    expect(removed.status).toBe(303);
    expect(await draftOf(id)).toBeUndefined();
    const parked = await server.db.selectFrom("parked_drafts").selectAll().where("assessment_id", "=", id).execute();
    expect(parked).toHaveLength(1);
    // Off the panel: their scorecard is not theirs to open any more.
    expect((await request(server.baseURL, `/assessments/${id}/scorecard`, { cookie: cookies.interviewer1 })).status).toBe(404);
    const audit = await server.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "assessment.interviewer_remove")
      .where("entity_id", "=", String(id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details ?? "{}")).toEqual({ user: ids.interviewer1, draft: "kept" });

    const added = await post(`/assessments/${id}`, { intent: "add", userId: String(ids.interviewer1) });
    expect(added.status).toBe(303);
    const restored = await draftOf(id);
    expect(restored).toEqual({ ...draft, revision: (draft?.revision ?? 0) + 1 });
    expect(await server.db.selectFrom("parked_drafts").selectAll().where("assessment_id", "=", id).execute()).toEqual([]);
  });

  it("discards the draft when the recruiter chooses to: nothing comes back on re-adding", async () => {
    const { id } = await newAssessment([ids.interviewer1, ids.interviewer2]);
    await saveDraft(id);
    const removed = await post(`/assessments/${id}`, {
      intent: "remove",
      userId: String(ids.interviewer1),
      discardDraft: "1",
      confirm: "1",
    });
    expect(removed.status).toBe(303);
    expect(await server.db.selectFrom("parked_drafts").selectAll().where("assessment_id", "=", id).execute()).toEqual([]);
    expect((await post(`/assessments/${id}`, { intent: "add", userId: String(ids.interviewer1) })).status).toBe(303);
    expect(await draftOf(id)).toBeUndefined();
  });

  it("a parked draft is the candidate's data: in their export, and erased with them", async () => {
    const { id, candidateId } = await newAssessment([ids.interviewer1, ids.interviewer2]);
    await saveDraft(id);
    expect((await post(`/assessments/${id}`, { intent: "remove", userId: String(ids.interviewer1), confirm: "1" })).status).toBe(303);
    const exported = await (await request(server.baseURL, `/candidates/${candidateId}/export`, { cookie: cookies.recruiter })).json();
    expect(exported.assessments[0].parkedDrafts).toEqual([
      expect.objectContaining({
        interviewer: ids.interviewer1,
        content: expect.objectContaining({ notes: [expect.objectContaining({ text: "Walked through a rollback." })] }),
      }),
    ]);
    expect((await post(`/candidates/${candidateId}`, { intent: "erase", confirm: "1" })).status).toBe(303);
    expect(await server.db.selectFrom("parked_drafts").selectAll().where("assessment_id", "=", id).execute()).toEqual([]);
  });
});

describe("reopen and revoke ask first", () => {
  it("reopen: the confirmation page without confirm=1, the reopening with it", async () => {
    const { id } = await newAssessment([ids.interviewer1, ids.interviewer2]);
    await saveDraft(id);
    await server.db
      .updateTable("scorecards")
      .set({ status: "submitted", submitted_at: new Date().toISOString() })
      .where("assessment_id", "=", id)
      .execute();
    const card = await server.db.selectFrom("scorecards").select("id").where("assessment_id", "=", id).executeTakeFirstOrThrow();
    const page = await expectConfirmationPage(`/assessments/${id}`, { intent: "reopen", scorecardId: String(card.id) });
    expect(page).toContain("leave the panel&#x27;s scores, the fit and the role&#x27;s ranking");
    const reopened = await post(`/assessments/${id}`, { intent: "reopen", scorecardId: String(card.id), confirm: "1" });
    expect(reopened.status).toBe(303);
    expect((await server.db.selectFrom("scorecards").select("status").where("id", "=", card.id).executeTakeFirstOrThrow()).status).toBe(
      "draft",
    );
  });

  it("revoke: the confirmation page without confirm=1, the revocation with it", async () => {
    const { id } = await newAssessment([ids.interviewer1]);
    // A report waits for a submitted scorecard.
    await saveDraft(id);
    await server.db
      .updateTable("scorecards")
      .set({ status: "submitted", submitted_at: new Date().toISOString() })
      .where("assessment_id", "=", id)
      .execute();
    const published = await post(`/assessments/${id}`, { intent: "publish", language: "en" });
    expect(published.status).toBe(200);
    await published.body?.cancel();
    const link = await server.db
      .selectFrom("report_links")
      .select(["id", "revoked_at"])
      .where("assessment_id", "=", id)
      .executeTakeFirstOrThrow();
    const page = await expectConfirmationPage(`/assessments/${id}`, { intent: "revoke", reportId: String(link.id) });
    expect(page).toContain("Revoke this candidate report link?");
    expect((await post(`/assessments/${id}`, { intent: "revoke", reportId: String(link.id), confirm: "1" })).status).toBe(303);
    expect(
      (await server.db.selectFrom("report_links").select("revoked_at").where("id", "=", link.id).executeTakeFirstOrThrow()).revoked_at,
    ).not.toBeNull();
  });
});

describe("cancelling an invite asks first", () => {
  it("answers the confirmation page without confirm=1, cancels with it", async () => {
    const invite = await server.db
      .transaction()
      .execute((trx) =>
        createInvite(
          trx,
          { email: `cancel-${randomUUID().slice(0, 8)}@example.test`, role: "interviewer", invitedBy: ids.recruiter, mail: null },
          new Date(),
        ),
      );
    const page = await expectConfirmationPage("/settings/users", { intent: "cancelInvite", inviteId: String(invite.id) });
    expect(page).toContain("Its link stops working at once");
    const cancelled = await post("/settings/users", { intent: "cancelInvite", inviteId: String(invite.id), confirm: "1" });
    expect(cancelled.status).toBe(200);
    expect(await server.db.selectFrom("invites").select("id").where("id", "=", invite.id).executeTakeFirst()).toBeUndefined();
  });
});

/** A new role copied from the demo role under another slug: nothing uses it. */
async function newRole(): Promise<{ slug: string; name: string }> {
  const file = await readRoleFile(server.db, DEMO_KIT.role);
  if (!file) throw new Error("The demo role is missing");
  const suffix = randomUUID().slice(0, 8);
  const role = { ...file, slug: `archive-test-${suffix}`, name: `Archive Test ${suffix}` };
  await server.db.transaction().execute((trx) => insertRole(trx, role, new Date().toISOString()));
  return { slug: role.slug, name: role.name };
}

/** A kit of a role, through the kit builder's form. */
async function newKit(roleSlug: string): Promise<number> {
  const source = await getKitBuilderSource(server.db, roleSlug, "en");
  if (!source) throw new Error(`No role ${roleSlug}`);
  const values = { ...newKitFormValues(source, "senior", "en"), name: `Archive kit ${randomUUID().slice(0, 8)}` };
  const fields = formFields(values);
  fields.set("intent", "save");
  const response = await request(server.baseURL, `/kits/new?role=${roleSlug}&level=senior`, { cookie: cookies.recruiter, form: fields });
  await response.body?.cancel();
  expect(response.status).toBe(303);
  return Number(locationPath(response)?.split("/")[2]);
}

describe("archiving and deleting roles", () => {
  it("archive asks first, then hides the role from the list and every picker; its page, ranking and search still work; restore brings it back", async () => {
    const role = await newRole();
    await expectConfirmationPage(`/roles/${role.slug}`, { intent: "archive" });
    const archived = await post(`/roles/${role.slug}`, { intent: "archive", confirm: "1" });
    expect(archived.status).toBe(303);
    expect(locationPath(archived)).toBe(`/roles/${role.slug}`);

    expect((await listRoles(server.db, { query: "", profile: "all" })).map((r) => r.slug)).not.toContain(role.slug);
    expect((await roleChoices(server.db)).map((r) => r.slug)).not.toContain(role.slug);
    expect(await (await request(server.baseURL, "/roles", { cookie: cookies.recruiter })).text()).not.toContain(`/roles/${role.slug}"`);
    expect(await (await request(server.baseURL, "/kits", { cookie: cookies.recruiter })).text()).not.toContain(`value="${role.slug}"`);
    expect(await (await request(server.baseURL, "/candidates/new", { cookie: cookies.recruiter })).text()).not.toContain(
      `value="${role.slug}"`,
    );
    const shown = await (
      await request(server.baseURL, `/roles?q=${encodeURIComponent(role.name)}&archived=show`, { cookie: cookies.recruiter })
    ).text();
    expect(shown).toContain(`/roles/${role.slug}"`);
    expect(shown).toContain("Archived</span>");

    const page = await request(server.baseURL, `/roles/${role.slug}`, { cookie: cookies.interviewer1 });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/data-testid="archived-banner"><p>Archived on .+ by Rita Recruiter \(demo\)/);
    expect((await request(server.baseURL, `/roles/${role.slug}/candidates`, { cookie: cookies.recruiter })).status).toBe(200);

    const restored = await post(`/roles/${role.slug}`, { intent: "restore" });
    expect(restored.status).toBe(303);
    expect((await listRoles(server.db, { query: "", profile: "all" })).map((r) => r.slug)).toContain(role.slug);
    const actions = await server.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_type", "=", "role")
      .where("action", "in", ["role.archive", "role.restore"])
      .orderBy("id")
      .execute();
    expect(actions.slice(-2).map((a) => a.action)).toEqual(["role.archive", "role.restore"]);
  });

  it("deletes a role nothing uses, after asking; refuses one in use with 409 and says what uses it", async () => {
    const role = await newRole();
    await expectConfirmationPage(`/roles/${role.slug}`, { intent: "delete" });
    const deleted = await post(`/roles/${role.slug}`, { intent: "delete", confirm: "1" });
    expect(deleted.status).toBe(303);
    expect(locationPath(deleted)).toBe("/roles");
    expect(await server.db.selectFrom("roles").select("id").where("slug", "=", role.slug).executeTakeFirst()).toBeUndefined();
    expect(await server.db.selectFrom("audit_log").select("action").where("action", "=", "role.delete").executeTakeFirst()).toBeDefined();

    const used = await newRole();
    await newKit(used.slug);
    const page = await (await request(server.baseURL, `/roles/${used.slug}`, { cookie: cookies.recruiter })).text();
    expect(page).toContain('data-testid="delete-blocked"');
    expect(page).toContain("1 interview kit");
    expect(page).not.toContain('value="delete"');
    const before = await snapshot();
    const refused = await post(`/roles/${used.slug}`, { intent: "delete", confirm: "1" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("It is in use now, so it was not deleted: archive it instead.");
    expect(changedTables(before, await snapshot())).toEqual([]);
  });

  it("counts a role's candidates up to 1000 to say why it cannot be deleted: 999, then 1000 or more", async () => {
    const role = await newRole();
    const roleId = (await server.db.selectFrom("roles").select("id").where("slug", "=", role.slug).executeTakeFirstOrThrow()).id;
    const at = new Date().toISOString();
    const applying = (from: number, count: number) =>
      server.db
        .insertInto("candidates")
        .values(
          Array.from({ length: count }, (_, i) => ({ name: `Applicant ${from + i}`, role_id: roleId, created_at: at, updated_at: at })),
        )
        .execute();
    const blockers = async () => {
      const page = await (await request(server.baseURL, `/roles/${role.slug}`, { cookie: cookies.recruiter })).text();
      return page.slice(page.indexOf('data-testid="delete-blocked"'));
    };
    await applying(0, 999);
    expect(await blockers()).toContain("999 candidates applying for it");
    await applying(999, 1);
    expect(await blockers()).toContain("1000 or more candidates applying for it");
    await applying(1000, 500);
    expect(await blockers()).toContain("1000 or more candidates applying for it");
    await server.db.deleteFrom("candidates").where("role_id", "=", roleId).execute();
  });

  it("refuses an interviewer with a 404, whatever the intent, and changes nothing", async () => {
    const role = await newRole();
    const before = await snapshot();
    for (const intent of ["archive", "restore", "delete"]) {
      const response = await post(`/roles/${role.slug}`, { intent, confirm: "1" }, cookies.interviewer1);
      await response.body?.cancel();
      expect(response.status).toBe(404);
    }
    expect(changedTables(before, await snapshot())).toEqual([]);
  });
});

describe("archiving and deleting kits", () => {
  it("archive hides a kit from the list and the new assessment picker; its assessments keep working; restore brings it back", async () => {
    const role = await newRole();
    const kitId = await newKit(role.slug);
    const version = await server.db.selectFrom("kit_versions").select("id").where("kit_id", "=", kitId).executeTakeFirstOrThrow();
    const candidate = await newAssessment([ids.interviewer1]);
    const using = await createAssessment(
      server.db,
      {
        candidateId: candidate.candidateId,
        kitVersionId: version.id,
        interviewerIds: [ids.interviewer1],
        actorId: ids.recruiter,
        schedule: null,
        mail: null,
      },
      new Date(),
    );
    expect(using.ok).toBe(true);

    const kitName = (await server.db.selectFrom("kit_versions").select("name").where("id", "=", version.id).executeTakeFirstOrThrow()).name;
    const picker = async () =>
      (await request(server.baseURL, `/candidates/${candidate.candidateId}`, { cookie: cookies.recruiter })).text();
    expect(await picker()).toContain(`>${kitName} (v1) — `);

    await expectConfirmationPage(`/kits/${kitId}`, { intent: "archive" });
    expect((await post(`/kits/${kitId}`, { intent: "archive", confirm: "1" })).status).toBe(303);
    expect((await listKits(server.db)).map((k) => k.id)).not.toContain(kitId);
    expect((await listKits(server.db, { showArchived: true })).map((k) => k.id)).toContain(kitId);
    expect((await kitVersionChoices(server.db)).map((k) => k.kitVersionId)).not.toContain(version.id);
    expect(await picker()).not.toContain(`>${kitName} (v1) — `);
    if (using.ok) expect((await request(server.baseURL, `/assessments/${using.id}`, { cookie: cookies.recruiter })).status).toBe(200);
    // Out of the picker, and out of a forged post.
    const before = await snapshot();
    const forged = await post(`/candidates/${candidate.candidateId}`, {
      intent: "assessment",
      kitVersionId: String(version.id),
      interviewerIds: String(ids.interviewer1),
    });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("Choose an interview kit");
    expect(changedTables(before, await snapshot())).toEqual([]);
    const page = await (await request(server.baseURL, `/kits/${kitId}`, { cookie: cookies.interviewer1 })).text();
    expect(page).toContain('data-testid="archived-banner"');
    expect(page).not.toContain('data-testid="archive-section"');

    expect((await post(`/kits/${kitId}`, { intent: "restore" })).status).toBe(303);
    expect((await listKits(server.db)).map((k) => k.id)).toContain(kitId);
  });

  it("deletes a kit no assessment uses; refuses one in use with 409", async () => {
    const role = await newRole();
    const unused = await newKit(role.slug);
    await expectConfirmationPage(`/kits/${unused}`, { intent: "delete" });
    const deleted = await post(`/kits/${unused}`, { intent: "delete", confirm: "1" });
    expect(deleted.status).toBe(303);
    expect(locationPath(deleted)).toBe("/kits");
    expect(await server.db.selectFrom("kit_versions").select("id").where("kit_id", "=", unused).executeTakeFirst()).toBeUndefined();

    const demoKit = await server.db
      .selectFrom("kit_versions")
      .select("kit_id")
      .where("id", "=", kit.kitVersionId)
      .executeTakeFirstOrThrow();
    const before = await snapshot();
    const refused = await post(`/kits/${demoKit.kit_id}`, { intent: "delete", confirm: "1" });
    expect(refused.status).toBe(409);
    await refused.body?.cancel();
    expect(changedTables(before, await snapshot())).toEqual([]);
  });
});
