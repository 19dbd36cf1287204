import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import mlops from "../../seeds/roles/mlops-engineer.json";
import { DEMO_KIT } from "../../seeds/demo-kits";
import { expectAccessible, useBrowser, usePages, hydrated } from "./browser";
import { copyDemoCase, createOwnKit, createOwnRole, useTestData, type OwnKit } from "./factories";

const RECRUITER = "recruiter@demo.traitkit.test";
const INTERVIEWER = "interviewer1@demo.traitkit.test";
const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");

const QUESTIONS = mlops.questions.map((q) => q.text.en);
const NEW_QUESTION = "How do you decide that a model in production should be retired?";

function question(index: number): string {
  const text = QUESTIONS[index];
  if (text === undefined) throw new Error(`MLOps has no question ${index + 1}`);
  return text;
}

/** The builder's question slots, in page order. */
function slots(page: Page): Locator {
  return page.locator("[data-testid=kit-builder-questions] > li");
}

/** The kit page's current questions, in order. */
async function kitQuestions(page: Page): Promise<string[]> {
  const texts = await page.locator("[data-testid=kit-questions]").first().locator(":scope > li > p:first-child").allTextContents();
  return texts.map((t) => t.trim());
}

async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? "");
}

function screenshot(page: Page, name: string): Promise<Buffer> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Fills a custom question slot: its text, one trait and that trait's anchors 1, 3 and 5. */
async function writeQuestion(slot: Locator, text: string, trait: string): Promise<void> {
  await slot.getByLabel("Question", { exact: true }).fill(text);
  await slot.getByLabel(trait, { exact: true }).check();
  const anchors = slot.getByRole("group", { name: `Behaviour anchors for ${trait}` });
  await anchors.getByLabel("Rating 1").fill("Keeps every model running forever");
  await anchors.getByLabel("Rating 3").fill("Retires a model when someone asks");
  await anchors.getByLabel("Rating 5").fill("Sets retirement criteria before release and follows them");
}

let builtKitUrl = "";

describe("interview kits", () => {
  const { browser, baseURL } = useBrowser();
  const { signedInPage: newPage } = usePages(browser, baseURL);
  const testData = useTestData("Kits");
  /** A kit like the demo kit, on a copy of its role, that an assessment uses: this file makes it a version 2. */
  let usedKit: OwnKit;
  /** The kit the first test builds in the browser, under a name no other file uses. */
  let builtKitName = "";

  beforeAll(async () => {
    const data = testData();
    builtKitName = data.unique("MLOps Senior — browser test");
    const role = await createOwnRole(data);
    usedKit = await createOwnKit(data, role.slug);
    await copyDemoCase(data, "Donald Demo-Knuth", { role, kit: usedKit });
  });

  it("builds a kit from the MLOps role at Senior: reorders with the keyboard, adds a question, saves", async () => {
    const page = await newPage(RECRUITER);
    await page.goto(`${baseURL}/kits`);
    await page.getByRole("heading", { level: 1, name: "Interview kits" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Role", { exact: true }).selectOption("mlops-engineer");
    await page.getByLabel("Target level", { exact: true }).selectOption("senior");
    await page.getByRole("button", { name: "Build the kit" }).click();
    await page.waitForURL((url) => url.pathname === "/kits/new" && url.searchParams.get("role") === "mlops-engineer");
    await page.getByRole("heading", { level: 1, name: "New interview kit" }).waitFor();
    await hydrated(page);
    await expectAccessible(page);

    // The role's questions, ticked, then the empty slot for an own question.
    await expect(slots(page).count()).resolves.toBe(QUESTIONS.length + 1);
    await expect(page.getByLabel("Target level", { exact: true }).inputValue()).resolves.toBe("senior");
    await page.getByRole("heading", { name: "Skill expectations at Senior" }).waitFor();
    const required = await page.locator("[data-testid=kit-expectations] tbody tr td:nth-child(2)").allTextContents();
    expect(required.length).toBeGreaterThan(0);
    expect(required).toEqual([...required].sort((a, b) => Number(b === "Mandatory") - Number(a === "Mandatory")));

    await page.getByLabel("Kit name").fill(builtKitName);

    // Keyboard: Tab onto "Move down" of question 1 and press Enter; then Space on the same (now moved) button.
    const moveDown = page.getByRole("button", { name: "Move down question 1" });
    await moveDown.focus();
    await page.keyboard.press("Enter");
    await expect(slots(page).nth(0).textContent()).resolves.toContain(question(1));
    await expect(slots(page).nth(1).textContent()).resolves.toContain(question(0));
    expect(await focusedId(page)).toBe("question-1-move-down");
    await expect(page.getByTestId("kit-announcement").textContent()).resolves.toBe(
      `Question moved to position 2 of ${QUESTIONS.length + 1}.`,
    );
    await page.keyboard.press("Space");
    await expect(slots(page).nth(2).textContent()).resolves.toContain(question(0));
    expect(await focusedId(page)).toBe("question-2-move-down");
    // And back up once with the keyboard: order is now 2, 1, 3, 4.
    await page.keyboard.press("Shift+Tab");
    expect(await focusedId(page)).toBe("question-2-move-up");
    await page.keyboard.press("Enter");
    expect(await focusedId(page)).toBe("question-1-move-up");
    await expect(slots(page).nth(1).textContent()).resolves.toContain(question(0));

    // Add a question with the button (JavaScript): a new slot, its text field focused.
    await page.getByRole("button", { name: "Add question" }).click();
    await expect(slots(page).count()).resolves.toBe(QUESTIONS.length + 2);
    const added = slots(page).nth(QUESTIONS.length + 1);
    expect(await focusedId(page)).toBe(`question-${QUESTIONS.length + 1}-text`);
    await writeQuestion(added, NEW_QUESTION, "Openness");
    await expectAccessible(page);

    await page.getByLabel(mlops.strengths[0]?.en ?? "", { exact: true }).check();
    await page.getByLabel(mlops.strengths[1]?.en ?? "", { exact: true }).check();
    // The second red flag: the demo's accepted proposal reworded the first (seeds/demo-proposals.ts).
    await page.getByLabel(mlops.redFlags[1]?.en ?? "", { exact: true }).check();
    await screenshot(page, "kit-builder");

    await page.getByRole("button", { name: "Save kit" }).click();
    await page.waitForURL(/\/kits\/\d+$/);
    builtKitUrl = page.url().replace(/\?.*$/, "");
    await page.getByRole("status").filter({ hasText: "Kit saved as version 1." }).waitFor();
    expect(await kitQuestions(page)).toEqual([question(1), question(0), question(2), question(3), NEW_QUESTION]);
    await expect(page.locator("[data-version]").count()).resolves.toBe(1);
    await expect(page.locator("[data-version='1']").textContent()).resolves.toContain("Not used by any assessment");
    await expectAccessible(page);
    await screenshot(page, "kit-page");

    await page.goto(`${baseURL}/kits`);
    await expect(page.locator("[data-testid=kits-table] tr", { hasText: builtKitName }).textContent()).resolves.toContain("0 assessments");
  });

  it("prints the kit: Chromium's PDF holds every question with its traits and anchors", async () => {
    const pdftotext = (() => {
      try {
        return execFileSync("which", ["pdftotext"], { encoding: "utf8" }).trim();
      } catch {
        return "";
      }
    })();
    // Reading the PDF needs poppler-utils (.ci/run installs it); this test installs nothing.
    expect(pdftotext, "pdftotext is missing: install poppler-utils").not.toBe("");
    expect(builtKitUrl, "the build test ran first").not.toBe("");

    const page = await newPage(INTERVIEWER);
    await page.goto(`${builtKitUrl}/print`);
    await page.getByRole("heading", { level: 1, name: builtKitName }).waitFor();
    await expectAccessible(page);
    await screenshot(page, "kit-print");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-kit-pdf-"));
    try {
      const pdf = path.join(dir, "kit.pdf");
      await page.pdf({ path: pdf, format: "A4" });
      const text = execFileSync(pdftotext, [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      for (const q of [question(1), question(0), question(2), question(3), NEW_QUESTION]) expect(text).toContain(q);
      expect(text.indexOf(question(1))).toBeLessThan(text.indexOf(question(0)));
      expect(text).toContain("Sets retirement criteria before release and follows them");
      expect(text).toContain("Notes");
      // The app's header and the screen-only toolbar are not printed.
      expect(text).not.toContain("Sign out");
      expect(text).not.toContain("Back to the kit");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("edits an unused kit in place: still version 1", async () => {
    expect(builtKitUrl, "the build test ran first").not.toBe("");
    const page = await newPage(RECRUITER);
    await page.goto(builtKitUrl);
    await page.getByRole("link", { name: "Edit kit" }).click();
    await page.getByRole("heading", { level: 1, name: "Edit kit" }).waitFor();
    await hydrated(page);
    await expect(page.getByTestId("kit-version-notice").textContent()).resolves.toBe(
      "No assessment uses version 1 yet: saving updates it in place.",
    );
    // The kit's order comes back: 2, 1, 3, 4, the added question, then an empty slot.
    await expect(slots(page).nth(0).textContent()).resolves.toContain(question(1));
    await expect(slots(page).nth(4).getByLabel("Question", { exact: true }).inputValue()).resolves.toBe(NEW_QUESTION);
    await expectAccessible(page);
    await page.getByLabel("Kit name").fill(`${builtKitName} (edited)`);
    // Enter in a text field saves the kit (the form's default button is Save, not a Move button).
    await page.getByLabel("Kit name").press("Enter");
    await page.waitForURL(/\/kits\/\d+$/);
    await page.getByRole("heading", { level: 1, name: `${builtKitName} (edited)` }).waitFor();
    await expect(page.locator("[data-version]").count()).resolves.toBe(1);
    await expectAccessible(page);
  });

  it("edits a kit after an assessment uses it: version 2, while version 1 keeps its content", async () => {
    const page = await newPage(RECRUITER);
    await page.goto(`${baseURL}/kits`);
    const row = page.locator("[data-testid=kits-table] tr", { hasText: usedKit.name });
    // The file's own assessment uses the kit (a browser cannot make an assessment row by itself).
    await expect(row.locator("td").last().textContent(), "the file's assessment makes its kit used").resolves.not.toMatch(/^0 /);
    await row.getByRole("link", { name: usedKit.name }).click();
    await page.waitForURL(/\/kits\/\d+$/);
    const kitUrl = page.url();
    await expect(page.locator("[data-version='1']").textContent()).resolves.toMatch(/Used by \d+ assessments?/);
    await page.getByRole("link", { name: "Edit kit" }).click();
    await hydrated(page);
    await expect(page.getByTestId("kit-version-notice").textContent()).resolves.toMatch(/Saving makes version 2/);
    await expectAccessible(page);
    // The smallest change that shows history: one more strength to probe.
    const extra = mlops.strengths[2]?.en ?? "";
    await page.getByLabel(extra, { exact: true }).check();
    await page.getByRole("button", { name: "Save kit" }).click();
    await page.waitForURL(/\/kits\/\d+$/);
    await page.getByRole("status").filter({ hasText: "Kit saved as version 2." }).waitFor();
    await expect(page.locator("#current-strengths ~ ul").textContent()).resolves.toContain(extra);
    const v1 = page.locator("[data-version='1']");
    await expect(v1.textContent()).resolves.toMatch(/Used by \d+ assessments?/);
    await expect(page.locator("[data-version='2']").textContent()).resolves.toContain(`Strength added: ${extra}`);
    await expect(page.locator("[data-version='2']").textContent()).resolves.toContain("Not used by any assessment");
    // Version 1, which the assessments use, still holds what it held.
    await v1.getByText("Content of version 1", { exact: true }).click();
    // Opened, the version's content is drawn.
    await v1.locator("#v1-strengths").waitFor();
    const v1Strengths = await v1.locator("#v1-strengths ~ ul li").allTextContents();
    expect(v1Strengths).toEqual([mlops.strengths[0]?.en, mlops.strengths[1]?.en]);
    await expect(v1.locator("[data-testid=kit-questions] > li").count()).resolves.toBe(QUESTIONS.length);
    await expectAccessible(page);
    await screenshot(page, "kit-versions");
    expect(page.url()).toContain(kitUrl);

    // Without JavaScript, the fold's link opens the same page with the version's content drawn by the server.
    const plain = await newPage(RECRUITER, { javaScriptEnabled: false });
    await plain.goto(kitUrl);
    const plainV1 = plain.locator("[data-version='1']");
    await expect(plainV1.locator("#v1-strengths").count()).resolves.toBe(0);
    await plainV1.getByText("Content of version 1", { exact: true }).click();
    await plainV1.getByRole("link", { name: "Show the content of version 1" }).click();
    await expect(plain.locator("[data-version='1'] #v1-strengths ~ ul li").allTextContents()).resolves.toEqual(v1Strengths);
    await expectAccessible(plain, { javaScriptEnabled: false });
  });

  it("works without JavaScript: Move down re-renders the form with focus on the moved button, a typed question is saved", async () => {
    const page = await newPage(RECRUITER, { javaScriptEnabled: false });
    await page.goto(`${baseURL}/kits/new?role=mlops-engineer&level=senior`);
    await page.getByRole("heading", { level: 1, name: "New interview kit" }).waitFor();
    await expectAccessible(page, { javaScriptEnabled: false });

    await page.getByLabel("Kit name").fill("No-script panel");
    await page.getByRole("button", { name: "Move down question 1" }).click();
    await page.getByRole("heading", { level: 1, name: "New interview kit" }).waitFor();
    await expect(slots(page).nth(1).textContent()).resolves.toContain(question(0));
    await expect(page.getByLabel("Kit name").inputValue()).resolves.toBe("No-script panel");
    await expect(page.locator("#question-1-move-down").getAttribute("autofocus")).resolves.toBe("");
    expect(await focusedId(page)).toBe("question-1-move-down");

    // The always-present empty slot takes a new question; its anchors show (CSS) once a trait is ticked.
    const slot = slots(page).nth(QUESTIONS.length);
    await expect(slot.getByLabel("Rating 1").first().isVisible()).resolves.toBe(false);
    await writeQuestion(slot, NEW_QUESTION, "Conscientiousness");
    await expectAccessible(page, { javaScriptEnabled: false });

    // A mistake first: no name. The form comes back with the error by the field and everything typed kept.
    await page.getByLabel("Kit name").fill("");
    await page.getByRole("button", { name: "Save kit" }).click();
    await page.getByRole("alert").filter({ hasText: "The kit was not saved" }).waitFor();
    await expect(page.locator("#kit-name-error").textContent()).resolves.toBe("Enter a name for the kit");
    expect(await focusedId(page)).toBe("kit-name");
    await expect(slots(page).nth(QUESTIONS.length).getByLabel("Question", { exact: true }).inputValue()).resolves.toBe(NEW_QUESTION);
    await expectAccessible(page, { javaScriptEnabled: false });
    await screenshot(page, "kit-builder-error");

    await page.getByLabel("Kit name").fill("No-script panel");
    await page.getByRole("button", { name: "Save kit" }).click();
    await page.waitForURL(/\/kits\/\d+$/);
    expect(await kitQuestions(page)).toEqual([question(1), question(0), question(2), question(3), NEW_QUESTION]);
    await expectAccessible(page, { javaScriptEnabled: false });
  });

  it("lets an interviewer read and print kits but not build or edit them", async () => {
    const page = await newPage(INTERVIEWER);
    await page.goto(`${baseURL}/kits`);
    await page.getByRole("heading", { level: 1, name: "Interview kits" }).waitFor();
    await expect(page.getByRole("heading", { name: "New kit" }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await page.getByRole("link", { name: DEMO_KIT.name }).click();
    await page.waitForURL(/\/kits\/\d+$/);
    await expect(page.getByRole("link", { name: "Edit kit" }).count()).resolves.toBe(0);
    await page.getByRole("link", { name: "Print view" }).first().click();
    await page.waitForURL(/\/print$/);
    await page.getByRole("heading", { level: 1, name: DEMO_KIT.name }).waitFor();
    const response = await page.goto(`${baseURL}/kits/new?role=mlops-engineer`);
    expect(response?.status()).toBe(404);
  });

  it("speaks Spanish in the builder, and a question written in Spanish is stored in Spanish", async () => {
    const page = await newPage(RECRUITER, { locale: "es-ES" });
    await page.goto(`${baseURL}/kits/new?role=mlops-engineer&level=lead`);
    await page.getByRole("heading", { level: 1, name: "Nuevo kit de entrevista" }).waitFor();
    await hydrated(page);
    await page.getByRole("heading", { name: "Expectativas de habilidad en Lead" }).waitFor();
    // Role questions show in Spanish, as the document published them.
    await page
      .getByText(mlops.questions[0]?.text.es ?? "")
      .first()
      .waitFor();
    const slot = slots(page).nth(QUESTIONS.length);
    await expect(slot.getByText("Escríbala en español, el idioma de su interfaz.").count()).resolves.toBe(1);
    const spanish = "¿Cómo decidís que un modelo en producción tiene que retirarse?";
    await slot.getByLabel("Pregunta", { exact: true }).fill(spanish);
    await slot.getByLabel("Apertura", { exact: true }).check();
    const anchors = slot.getByRole("group", { name: "Anclas de comportamiento para Apertura" });
    await anchors.getByLabel("Valoración 1").fill("Mantiene todos los modelos para siempre");
    await anchors.getByLabel("Valoración 3").fill("Retira un modelo cuando alguien lo pide");
    await anchors.getByLabel("Valoración 5").fill("Fija criterios de retiro antes de publicar y los cumple");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Guardar kit" }).click();
    await page.waitForURL(/\/kits\/\d+$/);
    await page.getByRole("status").filter({ hasText: "Kit guardado como versión 1." }).waitFor();
    expect(await kitQuestions(page)).toContain(spanish);
    await expectAccessible(page);

    // An English reader sees it as written, marked as Spanish.
    const english = await newPage(RECRUITER);
    await english.goto(page.url().replace(/\?.*$/, ""));
    const written = english.locator("[data-testid=kit-questions]").first().locator("li", { hasText: spanish });
    await expect(written.locator(".lang-mark").first().textContent()).resolves.toBe("(in Spanish)");
  });

  it("drags a question to a new place where JavaScript runs", async () => {
    const page = await newPage(RECRUITER);
    await page.setViewportSize({ width: 1280, height: 2400 });
    await page.goto(`${baseURL}/kits/new?role=mlops-engineer&level=senior`);
    await hydrated(page);
    await slots(page).nth(3).locator(".kit-drag").dragTo(slots(page).nth(0));
    await expect(slots(page).nth(0).textContent()).resolves.toContain(question(3));
    await expect(slots(page).nth(1).textContent()).resolves.toContain(question(0));
    await expect(page.getByTestId("kit-announcement").textContent()).resolves.toBe(
      `Question moved to position 1 of ${QUESTIONS.length + 1}.`,
    );
  });
});
