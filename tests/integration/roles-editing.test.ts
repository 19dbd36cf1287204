import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../app/models/users.server";
import { roleToFormValues } from "../../app/schemas/role-form";
import { roleFileSchema, type RoleFile } from "../../app/schemas/role";
import { hashPassword } from "../../app/utils/password.server";
import type { TraitkitDb } from "~db/connection";
import { DEMO, formFields, request, signIn, startTestServer, type TestServer } from "./support/test-server";

const ALL_TABLES = [
  "roles",
  "role_traits",
  "role_strengths",
  "role_red_flags",
  "questions",
  "question_traits",
  "question_anchors",
  "transitions",
  "transition_strengths",
  "transition_deltas",
  "similar_roles",
  "archetypes",
  "skill_domains",
  "skills",
  "role_skill_cells",
  "role_level_focus",
  "role_technologies",
  "skill_expectations",
  "audit_log",
] as const;

/** A fingerprint of every row of the library tables: equal before and after means nothing changed. */
async function libraryChecksum(db: TraitkitDb): Promise<string> {
  const hash = crypto.createHash("sha256");
  for (const table of ALL_TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    hash.update(table).update(JSON.stringify(rows));
  }
  return hash.digest("hex");
}

async function exportRole(server: TestServer, cookie: string, slug: string): Promise<unknown> {
  const response = await request(server.baseURL, `/roles/${slug}/export`, { cookie });
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Disposition")).toContain(`${slug}.traitkit-role.json`);
  return response.json();
}

function fileUpload(json: unknown, replace = false): FormData {
  const form = new FormData();
  form.set("file", new Blob([typeof json === "string" ? json : JSON.stringify(json)], { type: "application/json" }), "role.json");
  if (replace) form.set("replace", "on");
  return form;
}

async function postRoleForm(server: TestServer, cookie: string, path: string, fields: URLSearchParams, language = "en"): Promise<Response> {
  return fetch(new URL(path, server.baseURL), {
    method: "POST",
    headers: { Cookie: cookie, Origin: server.baseURL, "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": language },
    body: fields,
    redirect: "manual",
  });
}

describe("role export and import", () => {
  let demo: TestServer;
  let empty: TestServer;
  let demoCookie: string;
  let emptyCookie: string;

  beforeAll(async () => {
    demo = await startTestServer();
    empty = await startTestServer({ demo: false });
    await createUser(
      empty.db,
      { email: "ana@example.com", name: "Ana", role: "recruiter", passwordHash: await hashPassword("quiet river lantern morning") },
      new Date(),
    );
    demoCookie = await signIn(demo.baseURL, DEMO.recruiter);
    emptyCookie = await signIn(empty.baseURL, "ana@example.com", "quiet river lantern morning");
  });

  afterAll(async () => {
    await demo.close();
    await empty.close();
  });

  it("exports a role as traitkit.role/v1 with its ideal profile, questions and transitions", async () => {
    const file = (await exportRole(demo, demoCookie, "mlops-engineer")) as RoleFile;
    expect(file.format).toBe("traitkit.role/v1");
    expect(file).toMatchObject({ slug: "mlops-engineer", name: "MLOps Engineer", family: "ML & AI Engineering" });
    expect(file.idealProfile?.conscientiousness).toMatchObject({ low: 75, high: 95, weight: 3 });
    expect(file.idealProfile?.conscientiousness.statement?.es).toContain("Rigor en versionado");
    expect(file.questions[0]?.traits).toEqual(["conscientiousness", "emotional_stability"]);
    expect(Object.keys(file.questions[0]?.anchors.conscientiousness ?? {})).toEqual(["1", "3", "5"]);
    expect(file.transitions[0]).toMatchObject({
      target: "ai-researcher",
      publishedFit: 62,
      deltas: { openness: 15, conscientiousness: 8 },
    });
    expect(roleFileSchema.safeParse(file).success).toBe(true);
  });

  it("gives the same JSON after export → import on an empty database → export, for every demo role", async () => {
    const list = await demo.db.selectFrom("roles").select("slug").orderBy("slug").execute();
    expect(list.length).toBeGreaterThan(5);
    for (const { slug } of list) {
      const exported = await exportRole(demo, demoCookie, slug);
      const imported = await request(empty.baseURL, "/roles/import", { cookie: emptyCookie, multipart: fileUpload(exported) });
      expect(imported.status, slug).toBe(303);
      expect(imported.headers.get("Location")).toBe(`/roles/${slug}`);
      expect(await exportRole(empty, emptyCookie, slug)).toEqual(exported);
    }
  });

  it.each([
    ["an unknown format", (f: Record<string, unknown>) => ({ ...f, format: "traitkit.role/v0" }), "format"],
    ["wrong types", (f: Record<string, unknown>) => ({ ...f, name: 42 }), "name"],
    ["a missing trait", (f: RoleFile) => ({ ...f, idealProfile: { ...f.idealProfile, openness: undefined } }), "idealProfile.openness"],
    [
      "low above high",
      (f: RoleFile) => ({
        ...f,
        idealProfile: f.idealProfile && { ...f.idealProfile, openness: { ...f.idealProfile.openness, low: 90, high: 10 } },
      }),
      "idealProfile.openness.high",
    ],
    [
      "4 traits on one question",
      (f: RoleFile) => ({
        ...f,
        questions: f.questions.map((q, i) =>
          i === 2 ? { ...q, traits: ["openness", "conscientiousness", "extraversion", "agreeableness"] } : q,
        ),
      }),
      "questions[2].traits",
    ],
  ] as const)("refuses a file with %s, names the field and changes nothing", async (_what, mutate, path) => {
    const file = (await exportRole(demo, demoCookie, "mlops-engineer")) as RoleFile;
    const before = await libraryChecksum(demo.db);
    const response = await request(demo.baseURL, "/roles/import", {
      cookie: demoCookie,
      multipart: fileUpload(mutate(file as RoleFile & Record<string, unknown>), true),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(`<code>${path}</code>`);
    expect(await libraryChecksum(demo.db)).toBe(before);
  });

  it("refuses a file that is not JSON, and a role whose slug exists unless 'replace' is ticked", async () => {
    const file = await exportRole(demo, demoCookie, "platform-engineer");
    const before = await libraryChecksum(demo.db);
    const notJson = await request(demo.baseURL, "/roles/import", { cookie: demoCookie, multipart: fileUpload("{ not json") });
    expect(notJson.status).toBe(400);
    expect(await notJson.text()).toContain("This is not a valid JSON file: the mistake is at line 1, column 3.");
    const taken = await request(demo.baseURL, "/roles/import", { cookie: demoCookie, multipart: fileUpload(file) });
    expect(taken.status).toBe(409);
    expect(await libraryChecksum(demo.db)).toBe(before);
  });

  it("says what is wrong with a file plainly, per field, in the reader's language", async () => {
    const file = (await exportRole(demo, demoCookie, "platform-engineer")) as RoleFile & Record<string, unknown>;
    const { name: _name, ...nameless } = file;
    const before = await libraryChecksum(demo.db);
    const upload = async (json: unknown, language = "en") => {
      const response = await fetch(new URL("/roles/import", demo.baseURL), {
        method: "POST",
        headers: { Cookie: demoCookie, Origin: demo.baseURL, "Accept-Language": language },
        body: fileUpload(json),
        redirect: "manual",
      });
      const page = await response.text();
      const errors = /data-testid="import-errors">([\s\S]*?)<\/div>/.exec(page)?.[1] ?? "";
      return { status: response.status, errors: errors.replaceAll("<!-- -->", "") };
    };

    const english = await upload({ ...nameless, family: 7, slugg: "x" });
    expect(english.status).toBe(400);
    expect(english.errors).toContain("<code>name</code>: Missing: the role format needs this field.");
    expect(english.errors).toContain("<code>family</code>: Should be a text.");
    expect(english.errors).toContain("Not part of the role format: slugg. Check the spelling.");
    expect(english.errors).not.toMatch(/Invalid input|expected string|received/);

    const spanish = await upload({ ...file, slug: "import" }, "es");
    expect(spanish.errors).toContain("<code>slug</code>: Las direcciones de la aplicación usan esta palabra");

    expect((await upload("")).errors).toContain("The file is empty.");
    expect((await upload("  \n")).errors).toContain("The file is empty.");
    expect((await upload('{\n  "format": "traitkit.role/v1",\n  "slug": "x" "name": "y"\n}', "es")).errors).toContain(
      "No es un archivo JSON válido: el error está en la línea 3, columna 15.",
    );
    expect(await libraryChecksum(demo.db)).toBe(before);
  });

  it("refuses a file larger than 2 MB with 413", async () => {
    const response = await fetch(new URL("/roles/import", demo.baseURL), {
      method: "POST",
      headers: { Cookie: demoCookie, Origin: demo.baseURL },
      body: fileUpload("x".repeat(2 * 1024 * 1024 + 100 * 1024)),
      redirect: "manual",
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("The file is larger than 2 MB");
  });

  it("replaces a role in place when 'replace' is ticked, keeping its id", async () => {
    const { id } = await demo.db.selectFrom("roles").select("id").where("slug", "=", "build-engineer").executeTakeFirstOrThrow();
    const file = (await exportRole(demo, demoCookie, "build-engineer")) as RoleFile;
    const changed = { ...file, family: "Platform" };
    const response = await request(demo.baseURL, "/roles/import", { cookie: demoCookie, multipart: fileUpload(changed, true) });
    expect(response.status).toBe(303);
    const row = await demo.db.selectFrom("roles").select(["id", "family"]).where("slug", "=", "build-engineer").executeTakeFirstOrThrow();
    expect(row).toEqual({ id, family: "Platform" });
  });

  it("keeps the documents' provenance note on a role as loaded from them, and names who imported one", async () => {
    const seeded = await (await request(demo.baseURL, "/roles/mlops-engineer", { cookie: demoCookie })).text();
    expect(seeded).toContain("Band numbers are set by the Traitkit team from the published statements");
    expect(seeded).not.toContain("Band numbers set by");
    const file = (await exportRole(demo, demoCookie, "mlops-engineer")) as RoleFile;
    const imported = await request(demo.baseURL, "/roles/import", {
      cookie: demoCookie,
      multipart: fileUpload({ ...file, slug: "mlops-engineer-copy" }),
    });
    expect(imported.status).toBe(303);
    const copy = await (await request(demo.baseURL, "/roles/mlops-engineer-copy", { cookie: demoCookie })).text();
    expect(copy).toMatch(/Band numbers set by Rita Recruiter \(demo\) on /);
    expect(copy).not.toContain("Traitkit team");
  });

  it("answers 404 to an interviewer, for export and import alike", async () => {
    const cookie = await signIn(demo.baseURL, DEMO.interviewer1);
    expect((await request(demo.baseURL, "/roles/mlops-engineer/export", { cookie })).status).toBe(404);
    const file = await exportRole(demo, demoCookie, "mlops-engineer");
    const before = await libraryChecksum(demo.db);
    expect((await request(demo.baseURL, "/roles/import", { cookie, multipart: fileUpload(file, true) })).status).toBe(404);
    expect(await libraryChecksum(demo.db)).toBe(before);
  });
});

describe("role form", () => {
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startTestServer();
    cookie = await signIn(server.baseURL, DEMO.recruiter);
  });
  afterAll(async () => {
    await server.close();
  });

  async function mlopsFormValues() {
    const file = (await exportRole(server, cookie, "mlops-engineer")) as RoleFile;
    return roleToFormValues(file);
  }

  it("saves an edited band without JavaScript and keeps what the form does not edit", async () => {
    const values = await mlopsFormValues();
    values.idealProfile.openness.low = "60";
    values.idealProfile.openness.high = "80";
    const response = await postRoleForm(server, cookie, "/roles/mlops-engineer/edit", formFields(values));
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/roles/mlops-engineer");
    const file = (await exportRole(server, cookie, "mlops-engineer")) as RoleFile;
    expect(file.idealProfile?.openness).toMatchObject({ low: 60, high: 80 });
    expect(file.questions).toHaveLength(4);
    expect(file.transitions).toHaveLength(5);
  });

  it("refuses a band whose low is above its high with the error by the field, changing nothing", async () => {
    const values = await mlopsFormValues();
    values.idealProfile.extraversion.low = "90";
    const before = await libraryChecksum(server.db);
    const response = await postRoleForm(server, cookie, "/roles/mlops-engineer/edit", formFields(values));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/id="f-idealProfile\.extraversion\.high-error"[^>]*>High must not be below low\./);
    expect(await libraryChecksum(server.db)).toBe(before);
  });

  it("says the role format's errors in the reader's language by the fields", async () => {
    const values = await mlopsFormValues();
    values.idealProfile.extraversion.low = "90";
    values.idealProfile.openness.weight = "7";
    values.name = " ";
    const before = await libraryChecksum(server.db);
    const response = await postRoleForm(server, cookie, "/roles/mlops-engineer/edit", formFields(values), "es");
    expect(response.status).toBe(400);
    const page = await response.text();
    // What the page shows (the data sent for hydration after it keeps the format's own words).
    const html = page.slice(page.indexOf("<main"), page.indexOf("</main>"));
    expect(html).toMatch(/id="f-idealProfile\.extraversion\.high-error"[^>]*>El máximo no puede ser menor que el mínimo\./);
    expect(html).toMatch(/id="f-idealProfile\.openness\.weight-error"[^>]*>Peso 1, 2 o 3\./);
    expect(html).toMatch(/id="f-name-error"[^>]*>No puede quedar vacío\./);
    expect(html).not.toMatch(/must be at least low|must not be empty|must be 1, 2 or 3/);
    // The chart leaves out the bands it cannot draw, the one with an impossible weight too.
    expect(html).toContain("Fuera del gráfico hasta que su banda sea válida: Apertura, Extraversión.");
    expect(await libraryChecksum(server.db)).toBe(before);
  });

  it("removes a cleared question and adds one typed into the blank row", async () => {
    const values = await mlopsFormValues();
    const blank = values.questions.at(-1);
    if (!blank) throw new Error("the form ends with a blank question");
    values.questions[0] = { ...blank, traits: [] };
    blank.text = { en: "Tell me about a rollback you led.", es: "", zh: "" };
    blank.traits = ["emotional_stability"];
    blank.anchors = {
      emotional_stability: {
        "1": { en: "Panicked", es: "", zh: "" },
        "3": { en: "Coped", es: "", zh: "" },
        "5": { en: "Calm and clear", es: "", zh: "" },
      },
    };
    const response = await postRoleForm(server, cookie, "/roles/mlops-engineer/edit", formFields(values));
    expect(response.status).toBe(303);
    const file = (await exportRole(server, cookie, "mlops-engineer")) as RoleFile;
    expect(file.questions).toHaveLength(4);
    expect(file.questions.at(-1)).toMatchObject({ text: { en: "Tell me about a rollback you led." }, traits: ["emotional_stability"] });
  });

  it("creates a new role and refuses a slug that is taken", async () => {
    const values = roleToFormValues(null);
    Object.assign(values, {
      name: "Site Reliability Engineer",
      slug: "site-reliability-engineer",
      family: "Platform & Infrastructure",
      contentLanguage: "en",
    });
    const created = await postRoleForm(server, cookie, "/roles/new", formFields(values));
    expect(created.status).toBe(303);
    const again = await postRoleForm(server, cookie, "/roles/new", formFields(values));
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Another role already uses this slug");
  });

  it("warns of a name another role has, and saves it all the same", async () => {
    const values = roleToFormValues(null);
    Object.assign(values, { name: "mlops  ENGINEER", slug: "mlops-engineer-again", family: "", contentLanguage: "en" });
    const refused = await postRoleForm(server, cookie, "/roles/new", formFields(values));
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toMatch(
      /id="f-name-warning"[^>]*>Another role in the library has this name; check this is not the same role:(<!-- -->)? <a [^>]*href="\/roles\/mlops-engineer"/,
    );
    expect(page).toMatch(/<input[^>]*id="f-name"[^>]*aria-describedby="f-name-count f-name-warning"/);

    values.family = "ML & AI Engineering";
    const saved = await postRoleForm(server, cookie, "/roles/new", formFields(values));
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe("/roles/mlops-engineer-again");
    // The role's page says it too: a save without JavaScript has no form warning to see.
    const rolePage = await (await request(server.baseURL, "/roles/mlops-engineer-again", { cookie })).text();
    expect(rolePage).toMatch(
      /data-testid="role-namesakes"[^>]*>Another role in the library has this name; check this is not the same role:(<!-- -->)? <span><a [^>]*href="\/roles\/mlops-engineer"/,
    );
  });

  it("says who set a recruiter's role's bands, and keeps the documents' notes for a role as loaded from them", async () => {
    const values = roleToFormValues(null);
    Object.assign(values, {
      name: "Provenance Engineer",
      slug: "provenance-engineer",
      family: "Platform & Infrastructure",
      contentLanguage: "en",
      hasIdealProfile: true,
    });
    expect((await postRoleForm(server, cookie, "/roles/new", formFields(values))).status).toBe(303);
    const made = await (await request(server.baseURL, "/roles/provenance-engineer", { cookie })).text();
    expect(made).toMatch(/Band numbers set by Rita Recruiter \(demo\) on [A-Z][a-z]{2} \d{1,2}, \d{4}\./);
    expect(made).toContain("No similar roles listed.");
    expect(made).not.toContain("Traitkit team");
    expect(made).not.toContain("The document lists no similar roles");
  });
});
