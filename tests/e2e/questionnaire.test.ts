import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, hydrated, useBrowser, usePages } from "./browser";
import { createOwnCandidate, useTestData, type TestData } from "./factories";
import { createAssessment } from "../../app/models/assessments.server";
import { questionnaireItems } from "../../app/models/questionnaire-items.server";
import { sendQuestionnaire } from "../../app/models/questionnaires.server";
import { findUserForSignIn } from "../../app/models/users.server";
import { ITEMS_PER_PAGE, type QuestionnaireLanguage } from "../../app/domain/self-report";

/*
 * Issue 20 in a browser, as the candidate: a Spanish link answered whole by
 * keyboard on a 390 px phone without JavaScript, stopped half-way and taken up
 * again in another browser (another device), Back to change an answer, then
 * submitted; shorter runs in English with JavaScript and in Chinese. axe on
 * every page; screenshots of the consent, an items and the review page at
 * 1280 and 390 px in each language.
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");
const ITEMS = questionnaireItems("en");
const PAGES = ITEMS.length / ITEMS_PER_PAGE;

/** The answer the runs give each item (by its place in the questionnaire): every value of the scale in turn. */
function answerOf(index: number): number {
  return (index % 5) + 1;
}

/** Full-page screenshots at the desktop and the phone width, the page left at the size it had. */
async function screenshots(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize();
  for (const [width, viewport] of [
    ["1280", DESKTOP],
    ["390", PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: path.join(SCREENSHOTS, `q-${name}-${width}.png`), fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

async function userIdOf(data: TestData, email: string): Promise<number> {
  const user = await findUserForSignIn(data.db, email);
  if (!user) throw new Error(`No account ${email}`);
  return user.id;
}

/** A candidate of its own with an assessment, and the questionnaire link the recruiter sends them. */
async function questionnaireLink(
  data: TestData,
  baseURL: string,
  language: QuestionnaireLanguage,
): Promise<{ url: string; assessmentId: number }> {
  const recruiterId = await userIdOf(data, "recruiter@demo.traitkit.test");
  const candidate = await createOwnCandidate(data, "Questionnaire", "mlops-engineer");
  const kit = await data.db.selectFrom("assessments").select("kit_version_id").orderBy("id").executeTakeFirstOrThrow();
  const now = new Date();
  const assessment = await createAssessment(
    data.db,
    {
      candidateId: candidate.id,
      kitVersionId: kit.kit_version_id,
      interviewerIds: [await userIdOf(data, "interviewer1@demo.traitkit.test")],
      actorId: recruiterId,
      schedule: null,
      mail: null,
    },
    now,
  );
  if (!assessment.ok) throw new Error("The assessment was refused");
  const sent = await sendQuestionnaire(data.db, { assessmentId: assessment.id, language, expiresAt: null, actorId: recruiterId }, now);
  if (!sent.ok) throw new Error("The questionnaire was refused");
  return { url: `${baseURL}/q/${sent.token}`, assessmentId: assessment.id };
}

/** Presses Tab until the focused element is what `isThere` looks for. */
async function tabTo(page: Page, isThere: () => Promise<boolean>, what: string): Promise<void> {
  for (let presses = 0; presses < 30; presses++) {
    await page.keyboard.press("Tab");
    if (await isThere()) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

async function tabToButton(page: Page, name: string): Promise<void> {
  const button = page.getByRole("button", { name, exact: true });
  await tabTo(page, () => button.evaluate((element) => element === document.activeElement), `the button "${name}"`);
}

/** The values chosen on the page, item by item in order (null: none). */
async function chosenValues(page: Page): Promise<(number | null)[]> {
  return page.locator("fieldset").evaluateAll((sets) =>
    sets.map((set) => {
      const checked = set.querySelector<HTMLInputElement>('input[type="radio"]:checked');
      return checked ? Number(checked.value) : null;
    }),
  );
}

/**
 * Answers the page's items by keyboard alone: Tab reaches each item's group,
 * the arrows choose (Space the first choice, which the arrows cannot reach
 * from it in a group with nothing chosen), then Tab to the Next button and Enter.
 */
async function answerPageByKeyboard(page: Page, pageNumber: number, next: string): Promise<void> {
  const firstRadio = page.locator('input[type="radio"]').first();
  await tabTo(page, () => firstRadio.evaluate((element) => element === document.activeElement), "the first item");
  for (let i = 0; i < ITEMS_PER_PAGE; i++) {
    if (i > 0) await page.keyboard.press("Tab");
    const value = answerOf((pageNumber - 1) * ITEMS_PER_PAGE + i);
    if (value === 1) await page.keyboard.press("Space");
    for (let step = 1; step < value; step++) await page.keyboard.press("ArrowDown");
  }
  expect(await chosenValues(page)).toEqual(
    Array.from({ length: ITEMS_PER_PAGE }, (_, i) => answerOf((pageNumber - 1) * ITEMS_PER_PAGE + i)),
  );
  await page.keyboard.press("Tab");
  await expect(page.locator("button:focus").textContent()).resolves.toBe(next);
  await page.keyboard.press("Enter");
}

/** Answers the page by clicking each chosen label; `skip` leaves those items (by place on the page) unanswered. */
async function answerPageByClicks(page: Page, pageNumber: number, skip: (i: number) => boolean = () => false): Promise<void> {
  const sets = page.locator("fieldset");
  for (let i = 0; i < ITEMS_PER_PAGE; i++) {
    if (skip(i)) continue;
    await sets
      .nth(i)
      .locator("label")
      .nth(answerOf((pageNumber - 1) * ITEMS_PER_PAGE + i) - 1)
      .click();
  }
}

describe("the candidate's questionnaire", () => {
  const { browser, baseURL } = useBrowser();
  const { newPage } = usePages(browser, baseURL);
  const testData = useTestData("Questionnaire");

  it("in Spanish on a phone without JavaScript, by keyboard alone: stops half-way, resumes on another device, goes Back, submits", async () => {
    const data = testData();
    const link = await questionnaireLink(data, baseURL, "es");
    const phone = { viewport: PHONE, javaScriptEnabled: false, locale: "es-ES" };

    const first = await newPage(phone);
    const opened = await first.goto(link.url);
    expect(opened?.status()).toBe(200);
    await first.getByRole("heading", { level: 1, name: "Un cuestionario sobre usted" }).waitFor();
    await expect(first.title()).resolves.toBe("Cuestionario sobre usted · Traitkit");
    await expect(first.getByTestId("questionnaire").getAttribute("lang")).resolves.toBe("es");
    await expectAccessible(first, { javaScriptEnabled: false });
    await screenshots(first, "consent-es");
    await tabToButton(first, "Acepto, empezar");
    await first.keyboard.press("Enter");

    // Half the questionnaire: pages 1 to 4, each saved as the candidate moves on.
    for (let page = 1; page <= PAGES / 2; page++) {
      await first.getByRole("heading", { level: 2, name: `Página ${page} de ${PAGES}` }).waitFor();
      await expect(first.getByLabel(`${(page - 1) * ITEMS_PER_PAGE} de 120 respondidas`).getAttribute("value")).resolves.toBe(
        String((page - 1) * ITEMS_PER_PAGE),
      );
      // Each item is a group named by its statement, numbered; its five choices are the package's labels.
      const group = first.getByRole("group").first();
      await expect(group.locator("legend").textContent()).resolves.toMatch(new RegExp(`^${(page - 1) * ITEMS_PER_PAGE + 1}\\. \\S`));
      await expect(group.getByRole("radio").count()).resolves.toBe(5);
      await expect(group.getByRole("radio", { name: "Muy de acuerdo" }).count()).resolves.toBe(1);
      if (page === 1) {
        // Stacked on the phone: the five choices one under another, each a full-width row.
        const boxes = await group
          .locator("label")
          .evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().toJSON() as DOMRect));
        for (const [i, box] of boxes.entries()) {
          expect(box.height).toBeGreaterThanOrEqual(44);
          if (i > 0) expect(box.top).toBeGreaterThan(boxes[i - 1]?.top ?? 0);
        }
        await expectAccessible(first, { javaScriptEnabled: false });
        await screenshots(first, "items-es");
      }
      await answerPageByKeyboard(first, page, "Siguiente");
    }
    await first.getByRole("heading", { level: 2, name: `Página 5 de ${PAGES}` }).waitFor();
    await expectAccessible(first, { javaScriptEnabled: false });
    await first.context().close();

    // Another device: a new browser, the same link. It opens where the candidate stopped.
    const second = await newPage(phone);
    await second.goto(link.url);
    await second.getByRole("heading", { level: 2, name: `Página 5 de ${PAGES}` }).waitFor();
    await second.getByText("60 de 120 respondidas").waitFor();
    await expectAccessible(second, { javaScriptEnabled: false });
    // Back to page 4: the answers are there, and one changes.
    await tabToButton(second, "Atrás");
    await second.keyboard.press("Enter");
    await second.getByRole("heading", { level: 2, name: `Página 4 de ${PAGES}` }).waitFor();
    const pageFour = Array.from({ length: ITEMS_PER_PAGE }, (_, i) => answerOf(3 * ITEMS_PER_PAGE + i));
    expect(await chosenValues(second)).toEqual(pageFour);
    await expectAccessible(second, { javaScriptEnabled: false });
    // Tab enters a group at its chosen answer; ArrowDown moves the choice one down.
    await tabTo(second, async () => (await second.locator('input[type="radio"]:focus').count()) > 0, "an item");
    await second.keyboard.press("ArrowDown");
    const changed = (pageFour[0] ?? 1) + 1;
    expect((await chosenValues(second))[0]).toBe(changed);
    await tabToButton(second, "Siguiente");
    await second.keyboard.press("Enter");

    for (let page = PAGES / 2 + 1; page <= PAGES; page++) {
      await second.getByRole("heading", { level: 2, name: `Página ${page} de ${PAGES}` }).waitFor();
      await answerPageByKeyboard(second, page, page < PAGES ? "Siguiente" : "Siguiente: revisar");
      if (page < PAGES) await second.getByRole("heading", { level: 2, name: `Página ${page + 1} de ${PAGES}` }).waitFor();
    }
    await second.getByRole("heading", { level: 1, name: "Revisar y enviar" }).waitFor();
    await second.getByText("Ha respondido todas las frases.").waitFor();
    await expect(second.getByLabel("120 de 120 respondidas").getAttribute("value")).resolves.toBe("120");
    await expectAccessible(second, { javaScriptEnabled: false });
    await screenshots(second, "review-es");
    await tabToButton(second, "Enviar mis respuestas");
    await second.keyboard.press("Enter");
    await second.getByRole("heading", { level: 1, name: "Gracias" }).waitFor();
    await expectAccessible(second, { javaScriptEnabled: false });

    const answers = await data.db
      .selectFrom("questionnaire_answers")
      .select(["item_id", "value"])
      .where("assessment_id", "=", link.assessmentId)
      .execute();
    const byItem = new Map(answers.map((a) => [a.item_id, a.value]));
    expect(byItem.size).toBe(120);
    ITEMS.forEach((item, index) => expect(byItem.get(item.id), item.id).toBe(index === 3 * ITEMS_PER_PAGE ? changed : answerOf(index)));
    const questionnaire = await data.db
      .selectFrom("questionnaires")
      .select("completed_at")
      .where("assessment_id", "=", link.assessmentId)
      .executeTakeFirstOrThrow();
    expect(questionnaire.completed_at).not.toBeNull();
  });

  it("in English with JavaScript: refuses a submit with 11 skipped by the button, then submits with 10", async () => {
    const data = testData();
    const link = await questionnaireLink(data, baseURL, "en");
    const page = await newPage();
    await page.goto(link.url);
    await hydrated(page);
    await page.getByRole("heading", { level: 1, name: "A questionnaire about yourself" }).waitFor();
    await expectAccessible(page);
    await screenshots(page, "consent-en");
    await page.getByRole("button", { name: "I agree, start" }).click();
    for (let n = 1; n <= PAGES; n++) {
      await page.getByRole("heading", { level: 2, name: `Page ${n} of ${PAGES}` }).waitFor();
      if (n === 1) {
        await expectAccessible(page);
        await screenshots(page, "items-en");
      }
      if (n === 2) {
        // The candidate may read it in another language, on the same page, and back.
        const languages = page.getByRole("navigation", { name: "Language of the questionnaire" });
        await languages.getByRole("link", { name: "Español" }).click();
        await page.getByRole("heading", { level: 2, name: `Página 2 de ${PAGES}` }).waitFor();
        await expect(page.getByTestId("questionnaire").getAttribute("lang")).resolves.toBe("es");
        await page.getByRole("navigation", { name: "Idioma del cuestionario" }).getByRole("link", { name: "English" }).click();
        await page.getByRole("heading", { level: 2, name: `Page 2 of ${PAGES}` }).waitFor();
      }
      // The last page's first eleven items left out.
      await answerPageByClicks(page, n, (i) => n === PAGES && i < 11);
      await page.getByRole("button", { name: n < PAGES ? "Next" : "Next: review", exact: true }).click();
    }
    await page.getByRole("heading", { level: 1, name: "Review and submit" }).waitFor();
    await page.getByText("Not answered yet (11)").waitFor();
    await expect(page.getByTestId("unanswered-items").getByRole("link").count()).resolves.toBe(11);
    await expectAccessible(page);
    await screenshots(page, "review-en");

    const submit = page.getByRole("button", { name: "Submit my answers" });
    await submit.click();
    await page.locator("#questionnaire-submit-error").waitFor();
    await expect(page.locator("#questionnaire-submit-error").textContent()).resolves.toContain("11 statements are not answered");
    await expect(submit.getAttribute("aria-describedby")).resolves.toContain("questionnaire-submit-error");
    await expectAccessible(page);

    // The first unanswered item's link leads to its page; answering it leaves ten out.
    const firstSkipped = ITEMS[(PAGES - 1) * ITEMS_PER_PAGE];
    await page.getByTestId("unanswered-items").getByRole("link").first().click();
    await page.getByRole("heading", { level: 2, name: `Page ${PAGES} of ${PAGES}` }).waitFor();
    await page
      .locator(`[id="item-${firstSkipped?.id ?? ""}"]`)
      .getByRole("radio", { name: "Very Accurate" })
      .check();
    await page.getByRole("button", { name: "Next: review", exact: true }).click();
    await page.getByText("Not answered yet (10)").waitFor();
    await page.getByRole("button", { name: "Submit my answers" }).click();
    await page.getByRole("heading", { level: 1, name: "Thank you" }).waitFor();
    await expectAccessible(page);
  });

  it("in Chinese (zh-CN): consents and completes through the link", async () => {
    const data = testData();
    const link = await questionnaireLink(data, baseURL, "zh-cn");
    const page = await newPage({ locale: "zh-CN" });
    await page.goto(link.url);
    await page.getByRole("heading", { level: 1, name: "关于您自己的问卷" }).waitFor();
    await expect(page.getByTestId("questionnaire").getAttribute("lang")).resolves.toBe("zh-CN");
    await expect(
      page.getByRole("navigation", { name: "问卷语言" }).getByRole("link", { name: "简体中文" }).getAttribute("aria-current"),
    ).resolves.toBe("true");
    await expectAccessible(page);
    await screenshots(page, "consent-zh-cn");
    await page.getByRole("button", { name: "我同意，开始" }).click();
    for (let n = 1; n <= PAGES; n++) {
      await page.getByRole("heading", { level: 2, name: `第 ${n} 页，共 ${PAGES} 页` }).waitFor();
      if (n === 1) {
        await expectAccessible(page);
        await screenshots(page, "items-zh-cn");
      }
      await answerPageByClicks(page, n);
      await page.getByRole("button", { name: n < PAGES ? "下一页" : "下一步：检查", exact: true }).click();
    }
    await page.getByRole("heading", { level: 1, name: "检查并提交" }).waitFor();
    await expectAccessible(page);
    await screenshots(page, "review-zh-cn");
    await page.getByRole("button", { name: "提交我的回答" }).click();
    await page.getByRole("heading", { level: 1, name: "谢谢" }).waitFor();
    await expectAccessible(page);
  });
});
