import { newPanelAssessment } from "./support/panel";
import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selfReportItems } from "../../app/models/questionnaire-items.server";
import {
  consentToQuestionnaire,
  saveQuestionnaireAnswers,
  sendQuestionnaire,
  submitQuestionnaire,
} from "../../app/models/questionnaires.server";
import { saveScorecard, type ScoringKit } from "../../app/models/scorecards.server";
import type { AnswerValue, SelfReportDomain } from "../../app/domain/self-report";
import type { TraitKey } from "../../app/domain/traits";
import { demoScoringKit } from "./support/demo-kit";
import { startSmtpServer, type TestSmtpServer } from "./support/smtp";
import { DEMO, request, signIn, startTestServer, type TestServer, userId } from "./support/test-server";

/*
 * Issue 20, the recruiter's side of the self-report questionnaire, over HTTP
 * with the production build and e-mail on: the link made (shown once, only
 * its hash kept), replaced, revoked (confirm=1), refused after completion;
 * the link e-mailed in its transaction; other users' posts answer 404; and
 * every figure of the comparison recomputed here from the stored answers and
 * the items' keys.
 */

const APP_URL = "https://traitkit.example.test";

let server: TestServer;
let smtp: TestSmtpServer;
let kit: ScoringKit;
let ids: { recruiter: number; interviewer1: number; interviewer2: number };
let cookies: { recruiter: string; interviewer1: string; interviewer2: string };

beforeAll(async () => {
  smtp = await startSmtpServer("record");
  server = await startTestServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: "Traitkit <traitkit@mail.traitkit.test>", APP_URL } });
  kit = await demoScoringKit(server.db);
  ids = {
    recruiter: await userId(server.db, DEMO.recruiter),
    interviewer1: await userId(server.db, DEMO.interviewer1),
    interviewer2: await userId(server.db, DEMO.interviewer2),
  };
  cookies = {
    recruiter: await signIn(server.baseURL, DEMO.recruiter),
    interviewer1: await signIn(server.baseURL, DEMO.interviewer1),
    interviewer2: await signIn(server.baseURL, DEMO.interviewer2),
  };
});

afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

/** A new candidate (with or without an address) assessed by interviewer1 and interviewer2. */
async function newPanel(email: string | null): Promise<number> {
  const { id } = await newPanelAssessment(server.db, {
    label: "Self-report",
    kitVersionId: kit.kitVersionId,
    interviewerIds: [ids.interviewer1, ids.interviewer2],
    recruiterId: ids.recruiter,
    email,
  });
  return id;
}

function post(assessmentId: number, cookie: string, form: Record<string, string>): Promise<Response> {
  return request(server.baseURL, `/assessments/${assessmentId}`, { cookie, form });
}

async function page(assessmentId: number, cookie: string): Promise<string> {
  const response = await request(server.baseURL, `/assessments/${assessmentId}`, { cookie });
  expect(response.status).toBe(200);
  return response.text();
}

function statusOf(html: string): string | undefined {
  return /data-testid="questionnaire-status" data-state="([a-z]+)"/.exec(html)?.[1];
}

function tokenIn(html: string): string {
  const token = /\/q\/([A-Za-z0-9_-]{43})/.exec(html)?.[1];
  if (!token) throw new Error("No questionnaire link on the page");
  return token;
}

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

async function links(assessmentId: number) {
  return server.db.selectFrom("questionnaire_links").selectAll().where("assessment_id", "=", assessmentId).orderBy("id").execute();
}

describe("the questionnaire link", () => {
  let id: number;
  let firstToken: string;

  beforeAll(async () => {
    id = await newPanel(null);
  });

  it("is not sent yet at first", async () => {
    const html = await page(id, cookies.recruiter);
    expect(statusOf(html)).toBe("none");
    expect(html).toContain("Not sent yet.");
  });

  it("is made once, shown once, and only its hash is kept", async () => {
    const response = await post(id, cookies.recruiter, { intent: "questionnaire-send", language: "es", expiresInDays: "7" });
    expect(response.status).toBe(200);
    const html = await response.text();
    firstToken = tokenIn(html);
    expect(html).toContain(`/q/${firstToken}`);
    const [link] = await links(id);
    expect(link?.token_hash).toBe(hashOf(firstToken));
    expect(JSON.stringify(await links(id))).not.toContain(firstToken);
    expect(link?.language).toBe("es");
    expect(link?.expires_at).not.toBeNull();
    const again = await page(id, cookies.recruiter);
    expect(statusOf(again)).toBe("sent");
    expect(again).toContain("Sent, not started.");
    expect(again).not.toContain(firstToken);
  });

  it("refuses bad input by its field, changing nothing", async () => {
    const before = await links(id);
    const badLanguage = await post(id, cookies.recruiter, { intent: "questionnaire-send", language: "fr" });
    expect(badLanguage.status).toBe(400);
    expect(await badLanguage.text()).toContain('id="questionnaire-language-error"');
    const badExpiry = await post(id, cookies.recruiter, { intent: "questionnaire-send", language: "en", expiresInDays: "366" });
    expect(badExpiry.status).toBe(400);
    expect(await badExpiry.text()).toContain('id="questionnaire-expiry-error"');
    // This candidate has no address: a ticked box is refused by it.
    const noAddress = await post(id, cookies.recruiter, { intent: "questionnaire-send", language: "en", mailToCandidate: "on" });
    expect(noAddress.status).toBe(400);
    expect(await noAddress.text()).toContain('id="questionnaire-mail-error"');
    expect(await links(id)).toEqual(before);
  });

  it("makes a new link that revokes the first", async () => {
    const response = await post(id, cookies.recruiter, { intent: "questionnaire-send", language: "zh-cn" });
    expect(response.status).toBe(200);
    const secondToken = tokenIn(await response.text());
    expect(secondToken).not.toBe(firstToken);
    const [first, second] = await links(id);
    expect(first?.revoked_at).not.toBeNull();
    expect(second?.revoked_at).toBeNull();
    expect(second?.token_hash).toBe(hashOf(secondToken));
    expect(statusOf(await page(id, cookies.recruiter))).toBe("sent");
  });

  it("is revoked only with confirm=1; without it, the confirmation page and nothing changed", async () => {
    const asked = await post(id, cookies.recruiter, { intent: "questionnaire-revoke" });
    expect(asked.status).toBe(200);
    const question = await asked.text();
    expect(question).toContain('data-testid="confirmation-page"');
    expect(question).toContain("Revoke the questionnaire link?");
    expect((await links(id)).filter((l) => l.revoked_at === null)).toHaveLength(1);
    const revoked = await post(id, cookies.recruiter, { intent: "questionnaire-revoke", confirm: "1" });
    expect(revoked.status).toBe(303);
    expect((await links(id)).filter((l) => l.revoked_at === null)).toHaveLength(0);
    expect(statusOf(await page(id, cookies.recruiter))).toBe("revoked");
    // Nothing live is left to revoke: said, not a 500.
    const nothing = await post(id, cookies.recruiter, { intent: "questionnaire-revoke", confirm: "1" });
    expect(nothing.status).toBe(409);
    expect(await nothing.text()).toContain("There is no live questionnaire link to revoke.");
  });

  it("answers 404 to an interviewer, on the panel or not, and on an assessment that does not exist", async () => {
    const before = await links(id);
    for (const cookie of [cookies.interviewer1, cookies.interviewer2]) {
      expect((await post(id, cookie, { intent: "questionnaire-send", language: "en" })).status).toBe(404);
      expect((await post(id, cookie, { intent: "questionnaire-revoke", confirm: "1" })).status).toBe(404);
    }
    expect((await post(999_999, cookies.recruiter, { intent: "questionnaire-send", language: "en" })).status).toBe(404);
    expect(await links(id)).toEqual(before);
    // The link's section is the recruiter's: an interviewer reads no status.
    expect(statusOf(await page(id, cookies.interviewer1))).toBeUndefined();
  });
});

describe("the link by e-mail", () => {
  it("writes the message in the link's transaction, in its language", async () => {
    const email = `self-report-${randomUUID().slice(0, 8)}@example.com`;
    const id = await newPanel(email);
    const html = await page(id, cookies.recruiter);
    expect(html).toContain(`E-mail the link to ${email}`);
    const response = await post(id, cookies.recruiter, { intent: "questionnaire-send", language: "es", mailToCandidate: "on" });
    expect(response.status).toBe(200);
    const shown = await response.text();
    const token = tokenIn(shown);
    expect(shown).toContain(`It was e-mailed to ${email}.`);
    const [message] = await server.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("assessment_id", "=", id)
      .where("kind", "=", "questionnaire_link")
      .execute();
    expect(message?.to_address).toBe(email);
    expect(message?.subject).toMatch(/^Un breve cuestionario sobre usted/);
    expect(message?.text_body).toContain(`${APP_URL}/q/${token}`);
    expect(message?.html_body).toContain(`${APP_URL}/q/${token}`);
    // Nothing of the interview goes to the candidate: no scores, no interviewer, no assessment page.
    expect(message?.text_body).not.toContain("/assessments/");
    expect(message?.text_body).not.toContain("Interviewer");

    await post(id, cookies.recruiter, { intent: "questionnaire-send", language: "zh-cn", mailToCandidate: "on" });
    const chinese = await server.db
      .selectFrom("mail_outbox")
      .select(["subject", "text_body"])
      .where("assessment_id", "=", id)
      .where("kind", "=", "questionnaire_link")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(chinese.subject).toMatch(/^一份关于您自己的简短问卷/);
    expect(chinese.text_body).toContain(`${APP_URL}/q/`);
  });
});

/** Points of an answer on the item's key, then (mean − 1) × 25; N read as 100 − score; null past 20 % unanswered. */
function recompute(answers: Map<string, number>) {
  const items = selfReportItems();
  const scale = (of: typeof items, reversed: boolean) => {
    const points = of.flatMap((item) => {
      const value = answers.get(item.id);
      return value === undefined ? [] : [item.keyed === "minus" ? 6 - value : value];
    });
    if (of.length - points.length > of.length * 0.2) return { score: null, answered: points.length };
    const score = (points.reduce((a, b) => a + b, 0) / points.length - 1) * 25;
    return { score: reversed ? 100 - score : score, answered: points.length };
  };
  const domains: SelfReportDomain[] = ["O", "C", "E", "A", "N"];
  return new Map(
    domains.map((domain) => {
      const of = items.filter((i) => i.domain === domain);
      const facets = [1, 2, 3, 4, 5, 6].map((facet) =>
        scale(
          of.filter((i) => i.facet === facet),
          domain === "N",
        ),
      );
      return [domain, { ...scale(of, domain === "N"), facets }];
    }),
  );
}

const TRAIT_OF: Record<SelfReportDomain, TraitKey> = {
  O: "openness",
  C: "conscientiousness",
  E: "extraversion",
  A: "agreeableness",
  N: "emotional_stability",
};

const one = (value: number) => (Math.round(value * 10) / 10).toLocaleString("en", { maximumFractionDigits: 1 });

function rowOf(html: string, table: string, trait: string): string {
  const body = new RegExp(`data-testid="${table}"[^>]*>([\\s\\S]*?)</table>`).exec(html)?.[1] ?? "";
  const row = new RegExp(`<tr data-trait="${trait}"[^>]*>([\\s\\S]*?)</tr>`).exec(body)?.[0];
  if (!row) throw new Error(`No row of ${trait} in ${table}`);
  return row;
}

function cellsOf(row: string): string[] {
  return [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) =>
    (m[1] ?? "")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

describe("the self-report beside the interview", () => {
  let id: number;
  /** The trait the interview reads low and the questionnaire high. */
  let disputed: SelfReportDomain;

  beforeAll(async () => {
    id = await newPanel(null);
    const kitTraits = new Set(kit.questions.flatMap((q) => q.traits));
    disputed = (["C", "O", "E", "A"] as const).find((d) => kitTraits.has(TRAIT_OF[d])) ?? "C";
    // interviewer1 rates the disputed trait 1 (0 points), every other 3 (50 points).
    const ratings = kit.questions.flatMap((q) =>
      q.traits.map((trait) => ({ questionId: q.id, trait, rating: (trait === TRAIT_OF[disputed] ? 1 : 3) as 1 | 3 })),
    );
    const saved = await saveScorecard(
      server.db,
      {
        assessmentId: id,
        interviewerId: ids.interviewer1,
        kit,
        input: { intent: "submit", ratings, notes: [], strengths: [], redFlags: [], recommendation: "yes" },
        mail: null,
      },
      new Date(),
    );
    if (saved.status !== "saved") throw new Error("not saved");
    const sent = await sendQuestionnaire(
      server.db,
      { assessmentId: id, language: "en", expiresAt: null, actorId: ids.recruiter },
      new Date(),
    );
    if (!sent.ok) throw new Error("not sent");
    expect(await consentToQuestionnaire(server.db, sent.token, new Date())).toBe("consented");
    // The disputed trait answered at its top, Agreeableness with 5 of its 24 skipped (not scored), the rest mixed.
    const skippedA = new Set(
      selfReportItems()
        .filter((i) => i.domain === "A")
        .slice(0, 5)
        .map((i) => i.id),
    );
    const answers = selfReportItems().flatMap((item, index): { itemId: string; value: AnswerValue }[] => {
      if (disputed !== "A" && skippedA.has(item.id)) return [];
      const top: AnswerValue = item.keyed === "minus" ? 1 : 5;
      const value: AnswerValue = item.domain === disputed ? top : (((index % 5) + 1) as AnswerValue);
      return [{ itemId: item.id, value }];
    });
    expect(await saveQuestionnaireAnswers(server.db, sent.token, answers, new Date())).toBe("saved");
    expect((await submitQuestionnaire(server.db, sent.token, new Date())).status).toBe("submitted");
  });

  it("shows every figure as the stored answers and the items' keys give it", async () => {
    const html = await page(id, cookies.recruiter);
    expect(statusOf(html)).toBe("completed");
    expect(html).toContain('data-testid="self-report-comparison"');
    const stored = await server.db
      .selectFrom("questionnaire_answers")
      .select(["item_id", "value"])
      .where("assessment_id", "=", id)
      .execute();
    const expected = recompute(new Map(stored.map((a) => [a.item_id, a.value])));
    for (const [domain, result] of expected) {
      const trait = TRAIT_OF[domain];
      const cells = cellsOf(rowOf(html, "self-report-table", trait));
      const interviewCell = cells[1] ?? "";
      if (result.score === null) {
        expect(cells).toContain("not scored");
      } else {
        expect(cells).toContain(one(result.score));
      }
      // The interview's score with its evidence under it, as the panel has them.
      const interview = /^-?\d/.test(interviewCell) ? parseFloat(interviewCell) : null;
      if (interview !== null) expect(interviewCell).toMatch(/^\S+ \d+ ratings?$/);
      if (result.score !== null && interview !== null) {
        const difference = Math.round(result.score * 10) / 10 - interview;
        const last = cells.at(-1) ?? "";
        expect(last).toContain(`${difference > 0 ? "+" : ""}${one(difference)}`);
        expect(last.includes("Self-view and interview disagree: probe")).toBe(Math.abs(difference) >= 25);
      }
      // The facets, each with its score and answered of four.
      const facetTable = new RegExp(`data-testid="facet-table" data-trait="${trait}"[^>]*>([\\s\\S]*?)</table>`).exec(html)?.[1] ?? "";
      const facetRows = [...facetTable.matchAll(/<tr data-facet="(\d)"[^>]*>([\s\S]*?)<\/tr>/g)];
      expect(facetRows).toHaveLength(6);
      for (const [, facet, row] of facetRows) {
        const want = result.facets[Number(facet) - 1];
        const facetCells = cellsOf(row ?? "");
        expect(facetCells[1]).toBe(`${want?.score === null ? "not scored" : one(want?.score ?? NaN)} ${want?.answered} of 4 answered`);
      }
    }
    // The disputed trait: answered at the top (100), read at 0 in the interview.
    const disputedCells = cellsOf(rowOf(html, "self-report-table", TRAIT_OF[disputed]));
    expect(disputedCells).toContain("100");
    expect(disputedCells.at(-1)).toContain("Self-view and interview disagree: probe");
    expect(cellsOf(rowOf(html, "self-report-table", "relational_engagement"))).toContain("not measured");
    // N's facets are read by their stable side.
    expect(html).toContain("Calmness");
    // Both fits, said which is which, with the chart and its table.
    expect(html).toMatch(
      /Interview fit \(the panel’s scores\)|Interview fit \(the panel&#x27;s scores\)|Interview fit \(the panel's scores\)/,
    );
    expect(html).toContain("Self-report fit (the candidate");
    expect(html).toContain('data-testid="self-report-chart"');
    expect(html).toContain('data-testid="self-report-chart-table"');
  });

  it("reads in Spanish with the facets' Spanish names", async () => {
    const response = await request(server.baseURL, `/assessments/${id}`, {
      cookie: cookies.recruiter,
      headers: { "Accept-Language": "es" },
    });
    const html = await response.text();
    expect(html).toContain("Autoinforme junto a la entrevista");
    expect(html).toContain("Calma");
    expect(html).toContain("no medido");
  });

  it("refuses a new link once completed (409 with a message)", async () => {
    const before = await links(id);
    const response = await post(id, cookies.recruiter, { intent: "questionnaire-send", language: "en" });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("The questionnaire is already completed: no new link can be made.");
    expect(await links(id)).toEqual(before);
  });

  it("shows the comparison to an interviewer after their submission only, as the panel", async () => {
    expect(await page(id, cookies.interviewer1)).toContain('data-testid="self-report-comparison"');
    expect(await page(id, cookies.interviewer2)).not.toContain('data-testid="self-report-comparison"');
  });
});
