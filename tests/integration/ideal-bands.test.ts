import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssessment } from "../../app/models/assessments.server";
import { createUser } from "../../app/models/users.server";
import { hashPassword } from "../../app/utils/password.server";
import { DEMO_KIT } from "../../seeds/demo-kits";
import { DEMO, request, signIn, startTestServer, userId, type TestServer } from "./support/test-server";

/*
 * Issue #16, §7: a kit's ideal bands anchor an interviewer who reads them
 * before scoring. The kit page, its loader data and its print view hold them
 * for a recruiter always, for an interviewer only under maySeeIdealBands
 * (app/domain/blind.ts): once they have submitted on an assessment using the
 * kit and have none left to submit on it.
 */

let server: TestServer;
let kitId: number;
let kitVersionId: number;
let recruiterId: number;
let roleId: number;
let cookies: { recruiter: string; fresh: string };
let freshId: number;

/** A band's statement of the demo kit: in the page only with the bands. */
const BAND_STATEMENT = "Rigor in model versioning, experiment reproducibility and data drift monitoring";
const FRESH = "fresh.interviewer@example.test";

beforeAll(async () => {
  server = await startTestServer();
  const version = await server.db
    .selectFrom("kit_versions")
    .select(["id", "kit_id"])
    .where("name", "=", DEMO_KIT.name)
    .orderBy("version", "desc")
    .executeTakeFirstOrThrow();
  kitId = version.kit_id;
  kitVersionId = version.id;
  recruiterId = await userId(server.db, DEMO.recruiter);
  roleId = (await server.db.selectFrom("roles").select("id").where("slug", "=", DEMO_KIT.role).executeTakeFirstOrThrow()).id;
  freshId = await createUser(
    server.db,
    { email: FRESH, name: "Fiona Fresh", role: "interviewer", passwordHash: await hashPassword(DEMO.password) },
    new Date(),
  );
  cookies = { recruiter: await signIn(server.baseURL, DEMO.recruiter), fresh: await signIn(server.baseURL, FRESH) };
});

afterAll(async () => {
  await server?.close();
});

async function assessmentFor(interviewerId = freshId): Promise<number> {
  const at = new Date().toISOString();
  const candidate = await server.db
    .insertInto("candidates")
    .values({
      name: `Bands ${randomUUID().slice(0, 8)}`,
      email: null,
      role_id: roleId,
      source: "test",
      notes: null,
      created_by: recruiterId,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const created = await createAssessment(
    server.db,
    { candidateId: candidate.id, kitVersionId, interviewerIds: [interviewerId], actorId: recruiterId, schedule: null, mail: null },
    new Date(),
  );
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.id;
}

/** What the kit page, its data and its print view show this user of the bands: "shown" or "hidden", checked on all three. */
async function bandsFor(cookie: string): Promise<"shown" | "hidden"> {
  const seen: boolean[] = [];
  for (const path of [`/kits/${kitId}`, `/kits/${kitId}.data`, `/kits/${kitId}/print`, `/kits/${kitId}/print.data`]) {
    const response = await request(server.baseURL, path, { cookie });
    expect(response.status, path).toBe(200);
    const body = await response.text();
    const shown = body.includes(BAND_STATEMENT);
    seen.push(shown);
    if (!path.endsWith(".data")) {
      expect(body.includes('data-testid="kit-ideal-profile"'), path).toBe(shown);
      expect(body.includes('data-testid="bands-hidden"'), path).toBe(!shown);
    }
  }
  expect(new Set(seen).size, "the page, its data and the print view agree").toBe(1);
  return seen[0] ? "shown" : "hidden";
}

describe("a kit's ideal bands and blind scoring", () => {
  it("are always shown to a recruiter", async () => {
    expect(await bandsFor(cookies.recruiter)).toBe("shown");
  });

  it("are hidden from an interviewer until they have submitted on the kit, and again while a new panel of theirs on it is open", async () => {
    // On no panel yet: hidden, since the next one would be anchored.
    expect(await bandsFor(cookies.fresh)).toBe("hidden");
    const first = await assessmentFor();
    expect(await bandsFor(cookies.fresh)).toBe("hidden");
    const draft = await request(server.baseURL, `/assessments/${first}/scorecard`, { cookie: cookies.fresh, form: { intent: "save" } });
    expect(draft.status).toBe(303);
    expect(await bandsFor(cookies.fresh)).toBe("hidden");
    const submitted = await request(server.baseURL, `/assessments/${first}/scorecard`, {
      cookie: cookies.fresh,
      form: { intent: "submit", recommendation: "yes" },
    });
    expect(submitted.status).toBe(303);
    expect(await bandsFor(cookies.fresh)).toBe("shown");
    // A second panel on the same kit: hidden until that scorecard is in too.
    await assessmentFor();
    expect(await bandsFor(cookies.fresh)).toBe("hidden");
  });

  it("are not on an interviewer's scorecard, nor on the assessment page before they submit", async () => {
    const id = await assessmentFor();
    // A band is { low, high, weight }: its "weight" key is in the data a recruiter gets, and in none an interviewer gets before submitting.
    expect(await (await request(server.baseURL, `/assessments/${id}.data`, { cookie: cookies.recruiter })).text()).toContain('"weight"');
    for (const path of [
      `/assessments/${id}`,
      `/assessments/${id}.data`,
      `/assessments/${id}/scorecard`,
      `/assessments/${id}/scorecard.data`,
    ]) {
      const body = await (await request(server.baseURL, path, { cookie: cookies.fresh })).text();
      expect(body.includes(BAND_STATEMENT), path).toBe(false);
      expect(body.includes('"weight"'), path).toBe(false);
    }
  });

  it("are hidden on the role page too, by the same rule over the assessments of the role's kits", async () => {
    const roleBands = async (cookie: string): Promise<"shown" | "hidden"> => {
      const page = await request(server.baseURL, `/roles/${DEMO_KIT.role}`, { cookie });
      const data = await request(server.baseURL, `/roles/${DEMO_KIT.role}.data`, { cookie });
      expect([page.status, data.status]).toEqual([200, 200]);
      const [html, json] = [await page.text(), await data.text()];
      const shown = html.includes('data-testid="ideal-profile-table"');
      expect(html.includes('data-testid="bands-hidden"')).toBe(!shown);
      // A band's weight is a key of the role's data only when its bands are sent.
      expect(json.includes('"weight"'), "the page and its data agree").toBe(shown);
      return shown ? "shown" : "hidden";
    };
    expect(await roleBands(cookies.recruiter)).toBe("shown");
    const email = `role.bands.${randomUUID().slice(0, 8)}@example.test`;
    const id = await createUser(
      server.db,
      { email, name: "Rhea Role", role: "interviewer", passwordHash: await hashPassword(DEMO.password) },
      new Date(),
    );
    const cookie = await signIn(server.baseURL, email);
    expect(await roleBands(cookie)).toBe("hidden");
    const assessment = await assessmentFor(id);
    expect(await roleBands(cookie)).toBe("hidden");
    const submitted = await request(server.baseURL, `/assessments/${assessment}/scorecard`, {
      cookie,
      form: { intent: "submit", recommendation: "yes" },
    });
    expect(submitted.status).toBe(303);
    expect(await roleBands(cookie)).toBe("shown");
  });
});
