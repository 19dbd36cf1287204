import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssessment } from "../../app/models/assessments.server";
import { createCandidate } from "../../app/models/candidates.server";
import { questionnaireItems } from "../../app/models/questionnaire-items.server";
import { revokeQuestionnaireLink, sendQuestionnaire } from "../../app/models/questionnaires.server";
import { ITEMS_PER_PAGE, type QuestionnaireLanguage } from "../../app/domain/self-report";
import { DEMO, request, startTestServer, userId, type TestServer } from "./support/test-server";

/*
 * Issue 20, the candidate's questionnaire pages through the production build:
 * the link's private headers; nothing kept before consent; a page saved and
 * read back from another device (no cookies at all: the link is the only
 * key); Back; refused input that saves nothing; the submit rule (at most 10
 * skipped); a stale page and a double submit after submission; revoked,
 * expired and unknown links answering the same 404.
 */

let server: TestServer;
let recruiterId: number;
let interviewerId: number;
let kitVersionId: number;
let serial = 0;

const ITEMS = questionnaireItems("en");

beforeAll(async () => {
  server = await startTestServer();
  recruiterId = await userId(server.db, DEMO.recruiter);
  interviewerId = await userId(server.db, DEMO.interviewer1);
  const kit = await server.db.selectFrom("assessments").select("kit_version_id").orderBy("id").executeTakeFirstOrThrow();
  kitVersionId = kit.kit_version_id;
});

afterAll(async () => {
  await server?.close();
});

/** An assessment of its own (one questionnaire each) and its questionnaire link, as the recruiter sends it. */
async function newLink(
  options: { language?: QuestionnaireLanguage; expiresAt?: Date } = {},
): Promise<{ token: string; assessmentId: number }> {
  serial += 1;
  const now = new Date();
  const candidate = await createCandidate(
    server.db,
    {
      name: `Questionnaire Candidate ${serial}`,
      email: null,
      roleSlug: "mlops-engineer",
      source: null,
      notes: null,
      differentPerson: false,
    },
    recruiterId,
    now,
  );
  if (!candidate.ok) throw new Error("The candidate was refused");
  const assessment = await createAssessment(
    server.db,
    { candidateId: candidate.id, kitVersionId, interviewerIds: [interviewerId], actorId: recruiterId, schedule: null, mail: null },
    now,
  );
  if (!assessment.ok) throw new Error("The assessment was refused");
  const sent = await sendQuestionnaire(
    server.db,
    { assessmentId: assessment.id, language: options.language ?? "en", expiresAt: options.expiresAt ?? null, actorId: recruiterId },
    now,
  );
  if (!sent.ok) throw new Error("The questionnaire was refused");
  return { token: sent.token, assessmentId: assessment.id };
}

/** A POST as the candidate's browser sends it: no session, no cookie. */
function post(token: string, form: Record<string, string> | URLSearchParams, query = ""): Promise<Response> {
  return request(server.baseURL, `/q/${token}${query}`, { form });
}

/** The fields of a page of items, every item on it answered `value` (or as `values` says). */
function pageForm(page: number, intent: "next" | "back", values: (index: number) => number | null = () => 3): URLSearchParams {
  const form = new URLSearchParams({ intent, lang: "en", page: String(page) });
  ITEMS.slice((page - 1) * ITEMS_PER_PAGE, page * ITEMS_PER_PAGE).forEach((item, i) => {
    const value = values((page - 1) * ITEMS_PER_PAGE + i);
    if (value !== null) form.append(`answer.${item.id}`, String(value));
  });
  return form;
}

async function consent(token: string): Promise<void> {
  const response = await post(token, { intent: "consent", lang: "en" });
  expect(response.status).toBe(303);
}

async function stored(assessmentId: number) {
  const questionnaire = await server.db
    .selectFrom("questionnaires")
    .select(["consented_at", "completed_at", "language"])
    .where("assessment_id", "=", assessmentId)
    .executeTakeFirstOrThrow();
  const answers = await server.db
    .selectFrom("questionnaire_answers")
    .select(["item_id", "value"])
    .where("assessment_id", "=", assessmentId)
    .orderBy("item_id")
    .execute();
  const audit = await server.db
    .selectFrom("audit_log")
    .select("action")
    .where("action", "in", ["questionnaire.start", "questionnaire.complete"])
    .where("details", "like", `%"assessment":${assessmentId}%`)
    .execute();
  return { ...questionnaire, answers, audit: audit.map((a) => a.action) };
}

/** The radios checked on a page, as item id → value. */
function checkedAnswers(html: string): Map<string, number> {
  const checked = new Map<string, number>();
  for (const match of html.matchAll(/<input[^>]*>/g)) {
    const tag = match[0];
    if (!tag.includes('type="radio"') || !/\schecked=""/.test(tag)) continue;
    const name = /name="answer\.([^"]+)"/.exec(tag)?.[1];
    const value = /value="(\d)"/.exec(tag)?.[1];
    if (name && value) checked.set(name, Number(value));
  }
  return checked;
}

function location(response: Response): string {
  const target = response.headers.get("Location") ?? "";
  const url = new URL(target, server.baseURL);
  return url.pathname + url.search;
}

describe("the questionnaire link", () => {
  // The server sends no-store on every page; the route says it again, as the report's does: the header may repeat it.
  it("is private: noindex, no-store, no referrer, in the link's language", async () => {
    const { token } = await newLink({ language: "es" });
    const response = await request(server.baseURL, `/q/${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toMatch(/^no-store(, no-store)*$/);
    expect(response.headers.get("X-Robots-Tag")).toBe("noindex");
    expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
    const html = await response.text();
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toMatch(/<article[^>]*lang="es"/);
    expect(html).toContain("Un cuestionario sobre usted");
    // The candidate may read it in another language; the link's is only the default.
    const chinese = await (await request(server.baseURL, `/q/${token}?lang=zh-cn`)).text();
    expect(chinese).toMatch(/<article[^>]*lang="zh-CN"/);
    expect(chinese).toContain("关于您自己的问卷");
    for (const [code, lang] of [
      ["en", "en"],
      ["es", "es"],
      ["zh-cn", "zh-CN"],
    ]) {
      expect(chinese).toMatch(new RegExp(`href="/q/${token}\\?lang=${code}"[^>]* hrefLang="${lang}" lang="${lang}"`));
    }
  });

  it("keeps nothing before consent: opening the link and declining write nothing of the candidate's", async () => {
    const { token, assessmentId } = await newLink();
    const before = await stored(assessmentId);
    expect((await request(server.baseURL, `/q/${token}`)).status).toBe(200);
    const declined = await post(token, { intent: "decline", lang: "en" });
    expect(declined.status).toBe(200);
    expect(await declined.text()).toContain("You chose not to answer");
    // Answers sent before consent are refused, and nothing is kept.
    const early = await post(token, pageForm(1, "next"), "?lang=en&page=1");
    expect(early.status).toBe(409);
    expect(await early.text()).toContain("Please agree to the questionnaire first. Nothing was saved.");
    expect(await stored(assessmentId)).toEqual(before);
    expect(before).toMatchObject({ consented_at: null, completed_at: null, answers: [], audit: [] });

    await consent(token);
    const after = await stored(assessmentId);
    expect(after.consented_at).not.toBeNull();
    expect(after.audit).toEqual(["questionnaire.start"]);
    const firstPage = await (await request(server.baseURL, `/q/${token}`)).text();
    expect(firstPage).toContain("Page 1 of 8");
    expect(firstPage).toContain("0 of 120 answered");
    expect(firstPage.match(/<fieldset/g)).toHaveLength(ITEMS_PER_PAGE);
  });

  it("saves a page on Next, resumes it on another device, and Back saves and goes back", async () => {
    const { token, assessmentId } = await newLink();
    await consent(token);
    const next = await post(
      token,
      pageForm(1, "next", (i) => (i % 5) + 1),
      "?lang=en&page=1",
    );
    expect(next.status).toBe(303);
    expect(location(next)).toBe(`/q/${token}?lang=en&page=2`);

    // Another device: the same link, no cookie. It resumes at the first page with an unanswered item.
    const resumed = await (await request(server.baseURL, `/q/${token}`)).text();
    expect(resumed).toContain("Page 2 of 8");
    expect(resumed).toContain("15 of 120 answered");
    expect(resumed).toContain('<progress id="questionnaire-progress" max="120" value="15">');
    const pageOne = checkedAnswers(await (await request(server.baseURL, `/q/${token}?page=1`)).text());
    expect([...pageOne.values()]).toEqual(ITEMS.slice(0, 15).map((_, i) => (i % 5) + 1));

    // Back from page 2 saves page 2's answers too, then shows page 1, where an answer can change.
    const back = await post(
      token,
      pageForm(2, "back", (i) => (i === 15 ? 5 : null)),
      "?lang=en&page=2",
    );
    expect(back.status).toBe(303);
    expect(location(back)).toBe(`/q/${token}?lang=en&page=1`);
    const changed = await post(
      token,
      pageForm(1, "next", () => 4),
      "?lang=en&page=1",
    );
    expect(changed.status).toBe(303);
    const answers = new Map((await stored(assessmentId)).answers.map((a) => [a.item_id, a.value]));
    expect(answers.size).toBe(16);
    expect(answers.get(ITEMS[0]?.id ?? "")).toBe(4);
    expect(answers.get(ITEMS[15]?.id ?? "")).toBe(5);
    // Page 8's Next leads to the review.
    const last = await post(
      token,
      pageForm(8, "next", () => null),
      "?lang=en&page=8",
    );
    expect(location(last)).toBe(`/q/${token}?lang=en&page=review`);
  });

  it("refuses an unknown item id and a value outside 1–5 with a clear message, and saves nothing of the page", async () => {
    const { token, assessmentId } = await newLink();
    await consent(token);
    const before = await stored(assessmentId);

    const foreign = pageForm(1, "next");
    foreign.append(`answer.${crypto.randomUUID()}`, "3");
    const unknown = await post(token, foreign, "?lang=en&page=1");
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("The page sent a statement that is not in this questionnaire. Nothing was saved");

    for (const bad of ["6", "0", "", "3.0", "abc"]) {
      const form = pageForm(1, "next");
      form.set(`answer.${ITEMS[3]?.id ?? ""}`, bad);
      const response = await post(token, form, "?lang=en&page=1");
      expect(response.status, `value "${bad}"`).toBe(400);
      const html = await response.text();
      expect(html).toContain("An answer was not one of the five choices. Nothing on this page was saved.");
      // By its item: the message sits in that item's fieldset, which it describes.
      expect(html).toContain(`aria-describedby="item-error-${ITEMS[3]?.id ?? ""}"`);
      expect(html).toContain(`<p id="item-error-${ITEMS[3]?.id ?? ""}" class="field-error">Choose one of the five answers.`);
    }
    const noPage = await post(token, { intent: "next", lang: "en", page: "9" });
    expect(noPage.status).toBe(400);
    expect(await stored(assessmentId)).toEqual(before);
  });

  it("submits with at most 10 skipped, then thanks and refuses a stale page and a second submit", async () => {
    const { token, assessmentId } = await newLink();
    await consent(token);
    // Eleven left out: 109 answered.
    for (let page = 1; page <= 8; page++) {
      const response = await post(
        token,
        pageForm(page, "next", (i) => (i < 11 ? null : 2)),
        `?lang=en&page=${page}`,
      );
      expect(response.status).toBe(303);
    }
    const review = await (await request(server.baseURL, `/q/${token}?page=review`)).text();
    expect(review).toContain("Review and submit");
    expect(review).toContain("Not answered yet (11)");
    expect(review).toContain(`href="/q/${token}?lang=en&amp;page=1#item-${ITEMS[0]?.id ?? ""}"`);

    const before = await stored(assessmentId);
    const refused = await post(token, { intent: "submit", lang: "en" }, "?lang=en&page=review");
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("11 statements are not answered; at most 10 may be left out.");
    expect(refusedHtml).toContain('aria-describedby="questionnaire-submit-error questionnaire-submit-hint"');
    expect(await stored(assessmentId)).toEqual(before);

    // One more answered: ten skipped is allowed.
    expect(
      (
        await post(
          token,
          pageForm(1, "next", (i) => (i === 0 ? 1 : null)),
          "?lang=en&page=1",
        )
      ).status,
    ).toBe(303);
    const submitted = await post(token, { intent: "submit", lang: "en" }, "?lang=en&page=review");
    expect(submitted.status).toBe(303);
    expect(location(submitted)).toBe(`/q/${token}?lang=en`);
    const done = await stored(assessmentId);
    expect(done.completed_at).not.toBeNull();
    expect(done.answers).toHaveLength(110);
    expect([...done.audit].sort()).toEqual(["questionnaire.complete", "questionnaire.start"]);

    const thanks = await request(server.baseURL, `/q/${token}?page=3`);
    expect(thanks.status).toBe(200);
    const thanksHtml = await thanks.text();
    expect(thanksHtml).toContain("Thank you");
    expect(thanksHtml).not.toContain("<fieldset");

    // A page left open in another tab, posted after the submission, and a second submit: nothing changes.
    const stale = await post(
      token,
      pageForm(2, "next", () => 5),
      "?lang=en&page=2",
    );
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Your answers were already submitted; nothing changed.");
    const again = await post(token, { intent: "submit", lang: "en" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Your answers were already submitted; nothing changed.");
    const consentAgain = await post(token, { intent: "consent", lang: "en" });
    expect(consentAgain.status).toBe(409);
    expect(await stored(assessmentId)).toEqual(done);
  });

  it("takes a form posted from its own page, whose no-referrer policy makes the browser send Origin: null", async () => {
    const { token, assessmentId } = await newLink();
    // No Sec-Fetch-Site to vouch for it: a null Origin could be any page's.
    const unvouched = await request(server.baseURL, `/q/${token}`, { form: { intent: "consent", lang: "en" }, origin: "null" });
    expect(unvouched.status).toBe(403);
    const crossSite = await request(server.baseURL, `/q/${token}`, {
      form: { intent: "consent", lang: "en" },
      origin: "null",
      headers: { "Sec-Fetch-Site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    expect((await stored(assessmentId)).consented_at).toBeNull();
    const own = await request(server.baseURL, `/q/${token}`, {
      form: { intent: "consent", lang: "en" },
      origin: "null",
      headers: { "Sec-Fetch-Site": "same-origin" },
    });
    expect(own.status).toBe(303);
    expect((await stored(assessmentId)).consented_at).not.toBeNull();
  });

  it("answers a revoked, an expired, an unknown and a malformed link with the same 404, GET and POST", async () => {
    const revoked = await newLink();
    expect(await revokeQuestionnaireLink(server.db, { assessmentId: revoked.assessmentId, actorId: recruiterId }, new Date())).toBe(true);
    const expired = await newLink({ expiresAt: new Date(Date.now() - 60_000) });
    const tokens = [revoked.token, expired.token, crypto.randomBytes(32).toString("base64url"), "not-a-token", `${revoked.token}x`];
    const pages = new Set<string>();
    for (const token of tokens) {
      for (const send of [() => request(server.baseURL, `/q/${token}`), () => post(token, { intent: "consent", lang: "en" })]) {
        const response = await send();
        expect(response.status, token).toBe(404);
        expect(response.headers.get("Cache-Control")).toMatch(/^no-store(, no-store)*$/);
        expect(response.headers.get("X-Robots-Tag")).toBe("noindex");
        expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
        const html = await response.text();
        // What the reader gets: the title and the page (the rest holds the CSP nonce and the router's own state).
        pages.add(`${/<title>.*?<\/title>/.exec(html)?.[0]}${/<main[\s\S]*<\/main>/.exec(html)?.[0]}`);
        expect(html).toContain("This link is not available");
      }
    }
    expect(pages.size).toBe(1);
    // Revoked and expired links stay unanswered by a consent post.
    expect((await stored(revoked.assessmentId)).consented_at).toBeNull();
    expect((await stored(expired.assessmentId)).consented_at).toBeNull();
  });
});
