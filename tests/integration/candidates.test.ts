import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraitkitDb } from "~db/connection";
import { computePanel } from "../../app/models/panel-results.server";
import { getAssessmentOverview, listDecisions } from "../../app/models/assessments.server";
import { loadScoringKit } from "../../app/models/scorecards.server";
import { DEMO_CANDIDATES } from "../../seeds/demo-people";
import { captureLogs, DEMO, locationPath, request, signIn, startTestServer, userId, type TestServer } from "./support/test-server";

/*
 * Candidates through the production build, as a browser without JavaScript
 * posts them. The database is read directly to prove what was (and was not)
 * written.
 */

let server: TestServer;
let recruiterCookie: string;
let interviewerCookie: string;
let kitVersionId: number;
let interviewerIds: number[];

beforeAll(async () => {
  server = await startTestServer();
  recruiterCookie = await signIn(server.baseURL, DEMO.recruiter);
  interviewerCookie = await signIn(server.baseURL, DEMO.interviewer1);
  const kit = await server.db.selectFrom("kit_versions").select("id").orderBy("id").executeTakeFirstOrThrow();
  kitVersionId = kit.id;
  interviewerIds = [await userId(server.db, DEMO.interviewer1), await userId(server.db, DEMO.interviewer2)];
});

afterAll(async () => {
  await server?.close();
});

const WRITTEN_TABLES = ["candidates", "assessments", "assessment_interviewers", "audit_log"] as const;

async function counts(db: TraitkitDb): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of WRITTEN_TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    result[table] = Number(row.n);
  }
  return result;
}

function get(pathname: string, cookie = recruiterCookie): Promise<Response> {
  return request(server.baseURL, pathname, { cookie });
}

function post(pathname: string, form: Record<string, string> | URLSearchParams, cookie = recruiterCookie): Promise<Response> {
  return request(server.baseURL, pathname, { cookie, form });
}

async function html(response: Response): Promise<string> {
  return response.text();
}

/** The error paragraph tied to a field, as FieldError renders it. */
function fieldError(page: string, id: string): string | undefined {
  return new RegExp(`<p id="${id}-error" class="field-error">([^<]*)</p>`).exec(page)?.[1];
}

/** Candidate links of a list page, in order. */
function listedIds(page: string): number[] {
  const table = /<table data-testid="candidates-table">([\s\S]*?)<\/table>/.exec(page)?.[1] ?? "";
  return [...table.matchAll(/href="\/candidates\/(\d+)"/g)].map((m) => Number(m[1]));
}

async function demoCandidateId(name: string): Promise<number> {
  const row = await server.db.selectFrom("candidates").select("id").where("name", "=", name).executeTakeFirstOrThrow();
  return row.id;
}

describe("adding a candidate", () => {
  it("creates the candidate with every field, redirects to its page and audits by id only", async () => {
    const before = await counts(server.db);
    const logs = captureLogs();
    const response = await post("/candidates/new", {
      name: "  Test Person Alpha  ",
      email: "Alpha.Person@Example.COM",
      roleSlug: "mlops-engineer",
      source: "Referral",
      notes: "Met at a meetup.\nStrong on monitoring.",
    }).finally(() => logs.stop());
    expect(response.status).toBe(303);
    const target = locationPath(response);
    expect(target).toMatch(/^\/candidates\/\d+$/);
    const id = Number(target?.split("/")[2]);
    const row = await server.db
      .selectFrom("candidates")
      .leftJoin("roles", "roles.id", "candidates.role_id")
      .select(["candidates.name", "candidates.email", "candidates.source", "candidates.notes", "roles.slug"])
      .where("candidates.id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      name: "Test Person Alpha",
      email: "alpha.person@example.com",
      source: "Referral",
      notes: "Met at a meetup.\nStrong on monitoring.",
      slug: "mlops-engineer",
    });
    const after = await counts(server.db);
    expect(after.candidates).toBe((before.candidates ?? 0) + 1);
    const audit = await server.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "candidate.create")
      .where("entity_id", "=", String(id))
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit)).not.toMatch(/alpha/i);
    // Personal data never goes to the logs.
    expect(logs.text()).not.toMatch(/alpha/i);

    expect(response.headers.get("Location")).toBe(target);
    const notice = /^(traitkit_notice=[^;]+)/.exec(response.headers.get("Set-Cookie") ?? "")?.[1];
    expect(notice).toBeDefined();
    const shown = await get(target ?? "", `${recruiterCookie}; ${notice}`);
    expect(shown.headers.get("Set-Cookie")).toMatch(/^traitkit_notice=; Max-Age=0;/);
    const page = await html(shown);
    expect(page).toContain("<h1>Test Person Alpha</h1>");
    expect(page).toContain("alpha.person@example.com");
    expect(page).toContain("MLOps Engineer");
    expect(page).toContain("Candidate added.");
  });

  it("says a save once: a reload does not confirm it again, nor does another page", async () => {
    const response = await post("/candidates/new", {
      name: "Test Person Once",
      email: "once.person@example.com",
      roleSlug: "",
      source: "",
      notes: "",
    });
    expect(response.status).toBe(303);
    const target = locationPath(response) ?? "";
    const notice = /^(traitkit_notice=[^;]+)/.exec(response.headers.get("Set-Cookie") ?? "")?.[1];
    // Meant for the new candidate's page only: the candidate list leaves it for that page.
    const elsewhere = await get("/candidates", `${recruiterCookie}; ${notice}`);
    expect(elsewhere.headers.get("Set-Cookie")).toBeNull();
    expect(await html(await get(target, `${recruiterCookie}; ${notice}`))).toContain("Candidate added.");
    // The browser dropped the spent cookie: the reload carries none.
    expect(await html(await get(target))).not.toContain("Candidate added.");
    // A notice for another address, or an unknown one, shows nothing.
    expect(await html(await get(target, `${recruiterCookie}; traitkit_notice=created%7C%2Fcandidates%2F1`))).not.toContain(
      "Candidate added.",
    );
    expect(await html(await get(target, `${recruiterCookie}; traitkit_notice=hacked%7C${encodeURIComponent(target)}`))).not.toContain(
      "Candidate added.",
    );
  });

  it("needs only a name", async () => {
    const response = await post("/candidates/new", { name: "Test Person Minimal", email: "", roleSlug: "", source: "", notes: "" });
    expect(response.status).toBe(303);
    const row = await server.db.selectFrom("candidates").selectAll().where("name", "=", "Test Person Minimal").executeTakeFirstOrThrow();
    expect([row.email, row.role_id, row.source, row.notes]).toEqual([null, null, null, null]);
  });

  it("refuses a blank name and a bad email with 400, the errors by the fields, the typed values kept, and writes nothing", async () => {
    const before = await counts(server.db);
    const response = await post("/candidates/new", {
      name: "   ",
      email: "not-an-email",
      roleSlug: "mlops-engineer",
      source: "Job board",
      notes: "",
    });
    expect(response.status).toBe(400);
    const page = await html(response);
    expect(fieldError(page, "field-name")).toBe("Enter a name");
    expect(fieldError(page, "field-email")).toBe("Enter an email address like name@example.com");
    expect(page).toMatch(/<input[^>]*id="field-name"[^>]*aria-invalid="true"[^>]*aria-describedby="field-name-count field-name-error"/);
    expect(page).toMatch(/<input[^>]*value="not-an-email"/);
    expect(page).toMatch(/<input[^>]*value="Job board"/);
    expect(page).toContain("The candidate was not saved");
    expect(await counts(server.db)).toEqual(before);
  });

  it("refuses a name that is too long and a role that is not in the library, writing nothing", async () => {
    const before = await counts(server.db);
    const long = await post("/candidates/new", { name: "x".repeat(201) });
    expect(long.status).toBe(400);
    expect(fieldError(await html(long), "field-name")).toBe("This is too long");

    const unknownRole = await post("/candidates/new", { name: "Test Person Roleless", roleSlug: "no-such-role" });
    expect(unknownRole.status).toBe(400);
    expect(fieldError(await html(unknownRole), "field-roleSlug")).toBe("This role is not in the library any more: choose another");
    expect(await counts(server.db)).toEqual(before);
  });

  it("refuses a second candidate with an e-mail on file, linking the one there, unless confirmed as another person", async () => {
    const first = await post("/candidates/new", {
      name: "Test Person Twice",
      email: "twice@example.com",
      roleSlug: "",
      source: "",
      notes: "",
    });
    const existing = Number(locationPath(first)?.split("/")[2]);
    const before = await counts(server.db);
    const fields = { name: "Test Person Again", email: "  TWICE@example.com ", roleSlug: "", source: "", notes: "" };
    const refused = await post("/candidates/new", fields);
    expect(refused.status).toBe(409);
    const page = await html(refused);
    expect(fieldError(page, "field-email")).toBe("A candidate with this email is already on file.");
    expect(page).toMatch(new RegExp(`<a [^>]*href="/candidates/${existing}"[^>]*>Test Person Twice</a>`));
    expect(page).toMatch(/<input[^>]*id="field-differentPerson"/);
    expect(page).toMatch(/<input[^>]*value="Test Person Again"/);
    expect(await counts(server.db)).toEqual(before);

    const kept = await post("/candidates/new", { ...fields, differentPerson: "on" });
    expect(kept.status).toBe(303);
    const rows = await server.db.selectFrom("candidates").select("id").where("email", "=", "twice@example.com").execute();
    expect(rows).toHaveLength(2);
  });

  it("renders the form for a browser without JavaScript: labelled inputs and the library's roles", async () => {
    const response = await get("/candidates/new");
    expect(response.status).toBe(200);
    const page = await html(response);
    for (const [id, label] of [
      ["field-name", "Name"],
      ["field-email", "Email"],
      ["field-roleSlug", "Role applied for"],
      ["field-source", "Source"],
      ["field-notes", "Notes"],
    ]) {
      expect(page).toContain(`<label for="${id}">${label}</label>`);
    }
    expect(page).toMatch(/<option value="mlops-engineer">MLOps Engineer<\/option>/);
  });
});

describe("a new assessment's kit picker", () => {
  it("names each kit with its version, role and level, so two kits of one name can be told apart", async () => {
    const candidate = await server.db.selectFrom("candidates").select("id").orderBy("id").executeTakeFirstOrThrow();
    const page = await html(await get(`/candidates/${candidate.id}`));
    expect(page).toMatch(/<option value="\d+"( selected="")?>MLOps Engineer — Senior panel \(v\d+\) — MLOps Engineer, Senior<\/option>/);
  });
});

describe("editing a candidate", () => {
  it("shows the saved values in the server's HTML and saves changes", async () => {
    const id = await demoCandidateId("Grace Demo-Hopper");
    const form = await html(await get(`/candidates/${id}/edit`));
    expect(form).toMatch(/<input[^>]*value="Grace Demo-Hopper"/);
    expect(form).toMatch(/<input[^>]*value="grace.demo-hopper@example.com"/);
    expect(form).toMatch(/<option value="mlops-engineer" selected="">/);
    expect(form).toMatch(/<input[^>]*value="demo"/);

    const response = await post(`/candidates/${id}/edit`, {
      name: "Grace Demo-Hopper",
      email: "",
      roleSlug: "mlops-engineer",
      source: "demo (edited)",
      notes: "Edited.",
    });
    expect(response.status).toBe(303);
    expect(locationPath(response)).toBe(`/candidates/${id}`);
    const row = await server.db
      .selectFrom("candidates")
      .select(["email", "source", "notes"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ email: null, source: "demo (edited)", notes: "Edited." });
  });

  it("refuses another candidate's e-mail on edit unless confirmed, and keeps a candidate's own", async () => {
    const id = await demoCandidateId("Katherine Demo-Johnson");
    const other = await demoCandidateId("Edsger Demo-Dijkstra");
    const before = await server.db.selectFrom("candidates").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const fields = {
      name: "Katherine Demo-Johnson",
      email: "edsger.demo-dijkstra@example.com",
      roleSlug: "mlops-engineer",
      source: "demo",
      notes: "",
    };
    const refused = await post(`/candidates/${id}/edit`, fields);
    expect(refused.status).toBe(409);
    expect(await html(refused)).toMatch(new RegExp(`<a [^>]*href="/candidates/${other}"[^>]*>Edsger Demo-Dijkstra</a>`));
    expect(await server.db.selectFrom("candidates").selectAll().where("id", "=", id).executeTakeFirstOrThrow()).toEqual(before);
    // Its own address is no duplicate.
    const own = await post(`/candidates/${id}/edit`, { ...fields, email: before.email ?? "", notes: "Own address kept." });
    expect(own.status).toBe(303);
  });

  it("refuses bad input with 400 and leaves the candidate as it was", async () => {
    const id = await demoCandidateId("Alan Demo-Turing");
    const before = await server.db.selectFrom("candidates").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const beforeCounts = await counts(server.db);
    const response = await post(`/candidates/${id}/edit`, { name: "", email: "alan@", roleSlug: "mlops-engineer", source: "", notes: "" });
    expect(response.status).toBe(400);
    const page = await html(response);
    expect(fieldError(page, "field-name")).toBe("Enter a name");
    expect(fieldError(page, "field-email")).toBe("Enter an email address like name@example.com");
    expect(await server.db.selectFrom("candidates").selectAll().where("id", "=", id).executeTakeFirstOrThrow()).toEqual(before);
    expect(await counts(server.db)).toEqual(beforeCounts);
  });
});

describe("who may see candidates", () => {
  it("answers an interviewer 404 on every candidate page and writes nothing", async () => {
    const id = await demoCandidateId("Ada Demo-Lovelace");
    const before = await counts(server.db);
    for (const pathname of ["/candidates", "/candidates/new", `/candidates/${id}`, `/candidates/${id}/edit`]) {
      expect((await get(pathname, interviewerCookie)).status, pathname).toBe(404);
    }
    expect((await post("/candidates/new", { name: "Sneaky" }, interviewerCookie)).status).toBe(404);
    expect((await post(`/candidates/${id}/edit`, { name: "Sneaky" }, interviewerCookie)).status).toBe(404);
    const assessment = new URLSearchParams({
      intent: "assessment",
      kitVersionId: String(kitVersionId),
      interviewerIds: String(interviewerIds[0]),
    });
    expect((await post(`/candidates/${id}`, assessment, interviewerCookie)).status).toBe(404);
    expect(await counts(server.db)).toEqual(before);
  });

  it("logs a refused search by its path only, never the name searched for", async () => {
    const logs = captureLogs();
    const response = await get("/candidates?q=Lovelace", interviewerCookie).finally(() => logs.stop());
    expect(response.status).toBe(404);
    expect(logs.events().filter((e) => e.event === "authz.denied")).toHaveLength(1);
    expect(logs.text()).not.toContain("Lovelace");
  });

  it("hides the Candidates link from interviewers and shows it to recruiters", async () => {
    expect(await html(await get("/roles"))).toContain('href="/candidates"');
    expect(await html(await get("/roles", interviewerCookie))).not.toContain('href="/candidates"');
  });

  it("answers 404 for an id that does not exist or is not an id", async () => {
    const before = await counts(server.db);
    for (const pathname of ["/candidates/999999", "/candidates/abc", "/candidates/01", "/candidates/1.5", "/candidates/999999/edit"]) {
      expect((await get(pathname)).status, pathname).toBe(404);
    }
    expect((await post("/candidates/999999/edit", { name: "Nobody" })).status).toBe(404);
    const assessment = new URLSearchParams({ intent: "assessment", kitVersionId: String(kitVersionId) });
    for (const id of interviewerIds) assessment.append("interviewerIds", String(id));
    expect((await post("/candidates/999999", assessment)).status).toBe(404);
    expect(await counts(server.db)).toEqual(before);
  });
});

describe("the candidate list", () => {
  const PREFIX = "Paging Person";
  const start = Date.parse("2026-01-01T00:00:00.000Z");

  beforeAll(async () => {
    const createdBy = await userId(server.db, DEMO.recruiter);
    // Inserted in a shuffled order of names, so "newest" and "by name" differ.
    const rows = Array.from({ length: 120 }, (_, i) => {
      const n = ((i * 37) % 120) + 1;
      const at = new Date(start + i * 60_000).toISOString();
      return {
        name: `${PREFIX} ${String(n).padStart(3, "0")}`,
        email: `paging.person.${n}@example.com`,
        role_id: null,
        source: "test",
        notes: null,
        created_by: createdBy,
        created_at: at,
        updated_at: at,
      };
    });
    await server.db.insertInto("candidates").values(rows).execute();
  });

  it("pages 50 at a time with page N of M and previous/next links that keep the search", async () => {
    const first = await html(await get(`/candidates?q=${encodeURIComponent(PREFIX)}`));
    expect(first).toContain(`120 candidates match “${PREFIX}”`);
    expect(first).toContain("Page 1 of 3");
    expect(listedIds(first)).toHaveLength(50);
    expect(first).toContain('href="/candidates?q=Paging+Person&amp;page=2"');
    expect(first).not.toMatch(/rel="prev"/);

    const last = await html(await get(`/candidates?q=${encodeURIComponent(PREFIX)}&page=3`));
    expect(last).toContain("Page 3 of 3");
    expect(listedIds(last)).toHaveLength(20);
    expect(last).toContain('href="/candidates?q=Paging+Person&amp;page=2"');
    expect(last).not.toMatch(/rel="next"/);

    const all = new Set<number>();
    for (const page of [1, 2, 3])
      for (const id of listedIds(await html(await get(`/candidates?q=Paging+Person&page=${page}`)))) all.add(id);
    expect(all.size).toBe(120);
  });

  it("sorts newest first by default and by name on request", async () => {
    const newest = await html(await get(`/candidates?q=${encodeURIComponent(PREFIX)}`));
    const newestIds = listedIds(newest);
    const byDate = await server.db
      .selectFrom("candidates")
      .select("id")
      .where("name", "like", `${PREFIX}%`)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(50)
      .execute();
    expect(newestIds).toEqual(byDate.map((r) => r.id));

    const byName = await html(await get(`/candidates?q=${encodeURIComponent(PREFIX)}&sort=name`));
    const names = [...byName.matchAll(/href="\/candidates\/\d+"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(names.slice(0, 3)).toEqual([`${PREFIX} 001`, `${PREFIX} 002`, `${PREFIX} 003`]);
    expect(byName).toContain('href="/candidates?q=Paging+Person&amp;sort=name&amp;page=2"');
  });

  it("searches by name or email, ignoring case, and treats % and _ literally", async () => {
    const byEmail = await html(await get("/candidates?q=PAGING.PERSON.77%40"));
    expect(byEmail).toContain("1 candidate matches");
    expect(byEmail).toContain(`${PREFIX} 077`);

    const byName = await html(await get("/candidates?q=demo-lovelace"));
    expect(byName).toContain("Ada Demo-Lovelace");
    expect(listedIds(byName)).toHaveLength(1);

    for (const q of ["%", "_"]) {
      const page = await html(await get(`/candidates?q=${encodeURIComponent(q)}`));
      expect(page, q).toContain("No candidate matches your search.");
    }
  });

  it("shows a page past the end as empty with a way back, and ignores a malformed page or sort", async () => {
    const past = await get(`/candidates?q=${encodeURIComponent(PREFIX)}&page=9`);
    expect(past.status).toBe(200);
    const page = await html(past);
    expect(page).toContain("There is nothing on this page.");
    expect(page).toContain("Go to the first page");
    // No pagination for a page that is not there ("Page 9 of 3" said nothing useful).
    expect(page).not.toContain("Page 9 of");
    const malformed = await get(`/candidates?page=-3&sort=evil`);
    expect(malformed.status).toBe(200);
    expect(await html(malformed)).toContain("Page 1 of");
  });
});

describe("creating an assessment from the candidate page", () => {
  it("creates it with the kit and the interviewers and redirects to the assessment", async () => {
    const id = await demoCandidateId("Radia Demo-Perlman");
    const page = await html(await get(`/candidates/${id}`));
    expect(page).toContain("No assessment yet");
    expect(page).toMatch(/<select id="assessment-kit" name="kitVersionId"/);
    expect(page).toContain("MLOps Engineer — Senior panel (v1)");
    // The only kit for the candidate's role comes chosen.
    expect(page).toMatch(new RegExp(`<option value="${kitVersionId}" selected="">`));

    const form = new URLSearchParams({ intent: "assessment", kitVersionId: String(kitVersionId) });
    for (const userIdValue of interviewerIds) form.append("interviewerIds", String(userIdValue));
    const response = await post(`/candidates/${id}`, form);
    expect(response.status).toBe(303);
    const target = locationPath(response);
    expect(target).toMatch(/^\/assessments\/\d+$/);
    const assessmentId = Number(target?.split("/")[2]);
    const assessment = await server.db.selectFrom("assessments").selectAll().where("id", "=", assessmentId).executeTakeFirstOrThrow();
    expect([assessment.candidate_id, assessment.kit_version_id]).toEqual([id, kitVersionId]);
    const panel = await server.db
      .selectFrom("assessment_interviewers")
      .select("user_id")
      .where("assessment_id", "=", assessmentId)
      .orderBy("user_id")
      .execute();
    expect(panel.map((p) => p.user_id)).toEqual([...interviewerIds].sort((a, b) => a - b));

    const after = await html(await get(`/candidates/${id}`));
    expect(after).toContain(`href="/assessments/${assessmentId}"`);
    expect(after).toContain("MLOps Engineer — Senior panel · version 1");
    expect(after).toContain("0 of 2");
  });

  it("refuses an assessment without interviewers, without a kit, or with an unknown one: 400, errors by the fields, nothing written", async () => {
    const id = await demoCandidateId("Radia Demo-Perlman");
    const before = await counts(server.db);

    const noInterviewer = await post(
      `/candidates/${id}`,
      new URLSearchParams({ intent: "assessment", kitVersionId: String(kitVersionId) }),
    );
    expect(noInterviewer.status).toBe(400);
    const page = await html(noInterviewer);
    expect(fieldError(page, "assessment-interviewers")).toBe("Choose at least one interviewer");
    // The kit chosen stays chosen.
    expect(page).toMatch(new RegExp(`<option value="${kitVersionId}" selected="">`));

    const noKit = new URLSearchParams({ intent: "assessment", kitVersionId: "" });
    noKit.append("interviewerIds", String(interviewerIds[0]));
    const noKitResponse = await post(`/candidates/${id}`, noKit);
    expect(noKitResponse.status).toBe(400);
    const noKitPage = await html(noKitResponse);
    expect(fieldError(noKitPage, "assessment-kit")).toBe("Choose an interview kit");
    expect(noKitPage).toMatch(new RegExp(`<input[^>]*name="interviewerIds" checked="" value="${interviewerIds[0]}"`));

    const unknownKit = new URLSearchParams({ intent: "assessment", kitVersionId: "987654" });
    unknownKit.append("interviewerIds", String(interviewerIds[0]));
    const unknownKitResponse = await post(`/candidates/${id}`, unknownKit);
    expect(unknownKitResponse.status).toBe(400);
    expect(fieldError(await html(unknownKitResponse), "assessment-kit")).toBe("Choose an interview kit");

    const unknownUser = new URLSearchParams({ intent: "assessment", kitVersionId: String(kitVersionId), interviewerIds: "987654" });
    const unknownUserResponse = await post(`/candidates/${id}`, unknownUser);
    expect(unknownUserResponse.status).toBe(400);
    expect(fieldError(await html(unknownUserResponse), "assessment-interviewers")).toBe("Choose at least one interviewer");

    const tampered = new URLSearchParams({ intent: "assessment", kitVersionId: String(kitVersionId), interviewerIds: "abc" });
    expect((await post(`/candidates/${id}`, tampered)).status).toBe(400);

    const unknownIntent = await post(`/candidates/${id}`, new URLSearchParams({ intent: "something-else" }));
    expect(unknownIntent.status).toBe(400);
    // The sender's mistake, said as such: not "try again in a moment".
    const refusedPage = await html(unknownIntent);
    expect(refusedPage).toContain("<h1>This request could not be used</h1>");
    expect(refusedPage).not.toContain("Something went wrong");
    expect(await counts(server.db)).toEqual(before);
  });
});

describe("the demo candidates", () => {
  it("are fictional and clearly demo: @example.com or no email, source demo, a Demo- surname", async () => {
    const rows = await server.db.selectFrom("candidates").select(["name", "email", "source"]).where("source", "=", "demo").execute();
    expect(rows.length).toBeGreaterThanOrEqual(DEMO_CANDIDATES.length - 1);
    for (const row of rows) {
      expect(row.name).toMatch(/ Demo-/);
      if (row.email !== null) expect(row.email).toMatch(/@example\.com$/);
    }
  });

  it("cover strong, partial and poor fit, a trait not assessed, a disagreement, the blind case, no scorecard and decisions", async () => {
    const kit = await loadScoringKit(server.db, kitVersionId);
    if (!kit) throw new Error("The demo kit is missing");
    const panelOf = async (name: string) => {
      const id = await demoCandidateId(name);
      const assessment = await server.db.selectFrom("assessments").select("id").where("candidate_id", "=", id).executeTakeFirstOrThrow();
      return {
        panel: await computePanel(server.db, assessment.id, kit),
        overview: await getAssessmentOverview(server.db, assessment.id),
        decisions: await listDecisions(server.db, assessment.id, 1),
      };
    };

    const strong = await panelOf("Ada Demo-Lovelace");
    expect(strong.panel.fit?.fit).toBe(100);
    expect(strong.decisions.rows.map((d) => d.decision)).toEqual(["advance"]);

    const partial = (await panelOf("Grace Demo-Hopper")).panel.fit?.fit ?? 0;
    const poor = (await panelOf("Alan Demo-Turing")).panel.fit?.fit ?? 100;
    expect(partial).toBeGreaterThan(50);
    expect(partial).toBeLessThan(90);
    expect(poor).toBeLessThan(30);

    const notAssessed = await panelOf("Katherine Demo-Johnson");
    expect(notAssessed.panel.traits.relational_engagement.status).toBe("not_assessed");

    const disagreement = (await panelOf("Edsger Demo-Dijkstra")).panel.traits.emotional_stability;
    expect(disagreement.status === "assessed" && disagreement.spread >= 2 && disagreement.needsCalibration).toBe(true);

    const blind = (await panelOf("Barbara Demo-Liskov")).overview;
    expect(blind?.interviewers.map((i) => i.status).sort()).toEqual(["not_started", "submitted"]);
    const i1 = await userId(server.db, DEMO.interviewer1);
    const i2 = await userId(server.db, DEMO.interviewer2);
    expect(blind?.interviewers.find((i) => i.userId === i1)?.status).toBe("not_started");
    expect(blind?.interviewers.find((i) => i.userId === i2)?.status).toBe("submitted");
    const notes = await server.db
      .selectFrom("scorecard_notes")
      .innerJoin("scorecards", "scorecards.id", "scorecard_notes.scorecard_id")
      .select("scorecard_notes.notes")
      .where("scorecards.interviewer_id", "=", i2)
      .where("scorecards.assessment_id", "=", blind?.id ?? 0)
      .execute();
    expect(notes.length).toBeGreaterThan(0);

    const none = (await panelOf("Donald Demo-Knuth")).overview;
    expect(none?.interviewers.map((i) => i.status)).toEqual(["not_started", "not_started"]);
  });
});

describe("a large candidate list", () => {
  it("answers a page, the last page and a search within a second with 20,000 candidates", async () => {
    const at = new Date().toISOString();
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      name: `Bulk Candidate ${i}`,
      email: `bulk.${i}@example.com`,
      role_id: null,
      source: "bulk",
      notes: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    }));
    await server.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto("candidates")
          .values(rows.slice(i, i + 500))
          .execute();
    });
    for (const pathname of ["/candidates", "/candidates?sort=name&page=400", "/candidates?q=bulk.19999%40"]) {
      const started = performance.now();
      const response = await get(pathname);
      const page = await html(response);
      const elapsed = performance.now() - started;
      expect(response.status, pathname).toBe(200);
      expect(page, pathname).toMatch(/Page \d+ of \d+/);
      expect(elapsed, pathname).toBeLessThan(1000);
    }
  });
});
