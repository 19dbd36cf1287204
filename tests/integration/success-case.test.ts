import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pathInWords } from "../../app/components/proposals/ProfileDiff";
import { diffProfiles } from "../../app/domain/profile-diff";
import { findProfileTarget, latestVersion } from "../../app/models/profile-versions.server";
import { acceptProposal, createProposal } from "../../app/models/proposals.server";
import { readRoleFile } from "../../app/models/role-export.server";
import { createUser } from "../../app/models/users.server";
import { roleToFormValues } from "../../app/schemas/role-form";
import { roleFileSchema, type RoleFile } from "../../app/schemas/role";
import { translators } from "../../app/utils/i18n.server";
import { hashPassword } from "../../app/utils/password.server";
import "../../app/locales/proposals";
import { DEMO, formFields, request, signIn, startTestServer, type TestServer } from "./support/test-server";

/*
 * Issue 23, part 2: the success case's OCEAN+ profile travels with the role
 * file (import, export, the role form, versions and proposals) and is drawn
 * on the role page with its table. The MLOps Engineer seed has one.
 */

const ROLE = "mlops-engineer";
const SEEDED = {
  openness: 82,
  conscientiousness: 90,
  extraversion: 50,
  agreeableness: 64,
  emotional_stability: 72,
  relational_engagement: 72,
};

async function exportRole(server: TestServer, cookie: string, slug: string): Promise<RoleFile> {
  const response = await request(server.baseURL, `/roles/${slug}/export`, { cookie });
  expect(response.status).toBe(200);
  return roleFileSchema.parse(await response.json());
}

function fileUpload(json: unknown, replace = false): FormData {
  const form = new FormData();
  form.set("file", new Blob([JSON.stringify(json)], { type: "application/json" }), "role.json");
  if (replace) form.set("replace", "on");
  return form;
}

async function postRoleForm(server: TestServer, cookie: string, fields: URLSearchParams): Promise<Response> {
  return fetch(new URL(`/roles/${ROLE}/edit`, server.baseURL), {
    method: "POST",
    headers: { Cookie: cookie, Origin: server.baseURL, "Content-Type": "application/x-www-form-urlencoded" },
    body: fields,
    redirect: "manual",
  });
}

async function caseScores(server: TestServer): Promise<Record<string, number>> {
  const rows = await server.db
    .selectFrom("role_success_case_traits")
    .innerJoin("roles", "roles.id", "role_success_case_traits.role_id")
    .select(["role_success_case_traits.trait", "role_success_case_traits.score"])
    .where("roles.slug", "=", ROLE)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.trait, row.score]));
}

/** The role page's success case table as rows of cell texts. */
function caseTableRows(html: string): string[][] {
  const table = /<table [^>]*data-testid="success-case-table"[^>]*>([\s\S]*?)<\/table>/.exec(html)?.[1];
  if (table === undefined) return [];
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? "";
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? "").matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => (cell[1] ?? "").replace(/<[^>]+>/g, "").trim()),
  );
}

describe("the success case's profile", () => {
  let demo: TestServer;
  let empty: TestServer;
  let cookie: string;
  let emptyCookie: string;

  beforeAll(async () => {
    demo = await startTestServer();
    empty = await startTestServer({ demo: false });
    await createUser(
      empty.db,
      { email: "ana@example.com", name: "Ana", role: "recruiter", passwordHash: await hashPassword("quiet river lantern morning") },
      new Date(),
    );
    cookie = await signIn(demo.baseURL, DEMO.recruiter);
    emptyCookie = await signIn(empty.baseURL, "ana@example.com", "quiet river lantern morning");
  });

  afterAll(async () => {
    await demo.close();
    await empty.close();
  });

  it("comes with the MLOps Engineer seed, each score inside the role's ideal band", async () => {
    const file = await exportRole(demo, cookie, ROLE);
    expect(file.successCase?.profile).toEqual(SEEDED);
    for (const [trait, score] of Object.entries(SEEDED)) {
      const band = file.idealProfile?.[trait as keyof typeof SEEDED];
      expect(score, trait).toBeGreaterThanOrEqual(band?.low ?? 101);
      expect(score, trait).toBeLessThanOrEqual(band?.high ?? -1);
    }
    expect(file.sourceNote).toContain("illustrative");
  });

  it("survives export → import on an empty database → export, and an older file without it imports with none", async () => {
    const exported = await exportRole(demo, cookie, ROLE);
    const imported = await request(empty.baseURL, "/roles/import", { cookie: emptyCookie, multipart: fileUpload(exported) });
    expect(imported.status).toBe(303);
    expect(await exportRole(empty, emptyCookie, ROLE)).toEqual(exported);

    const { profile: _profile, ...olderCase } = exported.successCase ?? { title: {}, story: {} };
    const replaced = await request(empty.baseURL, "/roles/import", {
      cookie: emptyCookie,
      multipart: fileUpload({ ...exported, successCase: olderCase }, true),
    });
    expect(replaced.status).toBe(303);
    const again = await exportRole(empty, emptyCookie, ROLE);
    expect(again.successCase).toEqual(olderCase);
    expect(again.successCase && "profile" in again.successCase).toBe(false);
  });

  it("refuses an import with an unknown trait or a score out of range, naming the field, and changes nothing", async () => {
    const exported = await exportRole(demo, cookie, ROLE);
    const before = await caseScores(demo);
    for (const [profile, field] of [
      [{ grit: 50 }, "successCase.profile"],
      [{ openness: 140 }, "successCase.profile.openness"],
    ] as const) {
      const response = await request(demo.baseURL, "/roles/import", {
        cookie,
        multipart: fileUpload({ ...exported, successCase: { ...exported.successCase, profile } }, true),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(field);
    }
    expect(await caseScores(demo)).toEqual(before);
  });

  it("is drawn on the role page with a table of the case's scores and the ideal bands, marked illustrative", async () => {
    const response = await request(demo.baseURL, `/roles/${ROLE}`, { cookie });
    const html = await response.text();
    expect(html).toContain('data-testid="success-case-chart"');
    expect(html).toContain("Illustrative: the documents give this profile as a chart only");
    expect(caseTableRows(html)).toEqual([
      ["Openness", "82", "65–85"],
      ["Conscientiousness", "90", "75–95"],
      ["Extraversion", "50", "40–60"],
      ["Agreeableness", "64", "55–75"],
      ["Emotional Stability", "72", "65–85"],
      ["Relational Engagement", "72", "55–75"],
    ]);
  });

  it("stays hidden with the bands from an interviewer who has a scorecard of the role still to submit", async () => {
    // Interviewer 1 has not started Barbara Demo-Liskov's MLOps scorecard (the demo's blind case).
    const interviewer = await signIn(demo.baseURL, DEMO.interviewer1);
    const html = await (await request(demo.baseURL, `/roles/${ROLE}`, { cookie: interviewer })).text();
    expect(html).toContain('data-testid="success-case-hidden"');
    expect(html).not.toContain("success-case-table");
  });

  it("links the grade calculator from a role's skills matrix, and only where the role has one", async () => {
    const withMatrix = await (await request(demo.baseURL, "/roles/ml-engineer", { cookie })).text();
    expect(withMatrix).toContain('href="/roles/ml-engineer/level"');
    expect(withMatrix).toContain(">Grade calculator</a>");
    const without = await (await request(demo.baseURL, `/roles/${ROLE}`, { cookie })).text();
    expect(without).not.toContain(`/roles/${ROLE}/level`);
  });

  it("can be changed by a proposal, which names the change in words and makes the version", async () => {
    const rita = (await demo.db.selectFrom("users").select("id").where("email", "=", DEMO.recruiter).executeTakeFirstOrThrow()).id;
    const current = await readRoleFile(demo.db, ROLE);
    if (!current?.successCase) throw new Error("No success case");
    const { format: _format, sourceNote: _note, skillsMatrix: _matrix, ...content } = current;
    const proposed = {
      ...content,
      successCase: { ...current.successCase, profile: { ...current.successCase.profile, agreeableness: 70 } },
    };
    const created = await createProposal(
      demo.db,
      {
        kind: "role",
        slug: ROLE,
        authorId: rita,
        title: "Warmer case",
        rationale: "The story shows it.",
        proposed: { kind: "role", content: proposed },
      },
      new Date(),
    );
    if (created.status !== "created") throw new Error(created.status);
    const changes = diffProfiles(current, { ...current, ...proposed });
    expect(changes.map((change) => change.path)).toEqual([["successCase", "profile", "agreeableness"]]);
    const path = changes[0]?.path ?? [];
    expect(pathInWords(path, translators.en.t)).toBe("Success case · OCEAN+ profile · Agreeableness");
    expect(pathInWords(path, translators.es.t)).toBe("Caso de éxito · Perfil OCEAN+ · Amabilidad");
    expect(pathInWords(path, translators["zh-CN"].t)).toBe("成功案例 · OCEAN+档案 · 宜人性");

    expect(await acceptProposal(demo.db, { id: created.id, reviewerId: rita, choices: {}, reason: "Agreed." }, new Date())).toMatchObject({
      status: "accepted",
    });
    expect((await caseScores(demo)).agreeableness).toBe(70);
  });

  it("is edited in the role form: a score changed, one cleared (not given), then all cleared (no chart, no table); each save a version", async () => {
    const file = await exportRole(demo, cookie, ROLE);
    const values = roleToFormValues(file);
    values.successCase.profile.openness = "77";
    values.successCase.profile.extraversion = "";
    const saved = await postRoleForm(demo, cookie, formFields(values));
    expect(saved.status).toBe(303);
    const { extraversion: _cleared, ...kept } = file.successCase?.profile ?? {};
    expect(await caseScores(demo)).toEqual({ ...kept, openness: 77 });

    const target = await findProfileTarget(demo.db, "role", ROLE);
    if (!target) throw new Error("No role target");
    const version = await latestVersion(demo.db, target);
    expect(version?.source).toBe("edit");
    expect((version?.content as RoleFile).successCase?.profile).toMatchObject({ openness: 77 });

    const page = await (await request(demo.baseURL, `/roles/${ROLE}`, { cookie })).text();
    expect(caseTableRows(page)[0]).toEqual(["Openness", "77", "65–85"]);
    expect(caseTableRows(page)[2]).toEqual(["Extraversion", "Not given", "40–60"]);

    const refused = await postRoleForm(
      demo,
      cookie,
      formFields({ ...values, successCase: { ...values.successCase, profile: { openness: "101" } } }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Must be from 0 to 100.");
    expect((await caseScores(demo)).openness).toBe(77);

    const cleared = roleToFormValues(file);
    cleared.successCase.profile = {
      openness: "",
      conscientiousness: "",
      extraversion: "",
      agreeableness: "",
      emotional_stability: "",
      relational_engagement: "",
    };
    expect((await postRoleForm(demo, cookie, formFields(cleared))).status).toBe(303);
    expect(await caseScores(demo)).toEqual({});
    const bare = await (await request(demo.baseURL, `/roles/${ROLE}`, { cookie })).text();
    expect(bare).toContain('id="success-case"');
    expect(bare).not.toContain("success-case-chart");
    expect(bare).not.toContain("success-case-table");
  });
});
