import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hydrated, signIn, useBrowser } from "./browser";
import { createOwnRole, slugOf, useTestData, type OwnRole } from "./factories";

const RECRUITER = "recruiter@demo.traitkit.test";

/** Question <number>'s block of the role form. */
function questionBlock(page: Page, number: number) {
  return page.locator(".question").filter({ has: page.getByRole("heading", { level: 2, name: `Question ${number}`, exact: true }) });
}

/** Ticks a trait of a question and types its behaviour anchors for ratings 1, 3 and 5, as a user does. */
async function anchorTrait(page: Page, number: number, trait: string, anchors: Record<"1" | "3" | "5", { es?: string; en?: string }>) {
  const question = questionBlock(page, number);
  await question.getByRole("checkbox", { name: trait, exact: true }).check();
  const set = question.getByRole("group", { name: `Behaviour anchors: ${trait}`, exact: true });
  for (const rating of ["1", "3", "5"] as const) {
    const group = set.getByRole("group", { name: `Rating ${rating}`, exact: true });
    const { es, en } = anchors[rating];
    if (es !== undefined) await group.getByLabel("Spanish", { exact: true }).fill(es);
    if (en !== undefined) await group.getByLabel("English", { exact: true }).fill(en);
  }
}

describe("role editing", () => {
  const { browser, baseURL } = useBrowser();
  const testData = useTestData("Role editing");
  // Copies of library roles: the edits and the replacing import leave the library as other files read it.
  let mlops: OwnRole;
  let platform: OwnRole;

  beforeAll(async () => {
    mlops = await createOwnRole(testData());
    platform = await createOwnRole(testData(), "platform-engineer");
  });

  it("loads the live chart's code when the keyboard first reaches a band, not with the page; the chart then follows the typing", async () => {
    const context = await browser().newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, baseURL, RECRUITER);
    const liveChartCode: string[] = [];
    page.on("request", (request) => {
      if (/\/assets\/TypedBandsDrawing-[\w-]+\.js$/.test(request.url())) liveChartCode.push(request.url());
    });
    await page.goto(`${baseURL}/roles/${mlops.slug}/edit`);
    await hydrated(page);
    // Work elsewhere in the form does not load it.
    await page.getByLabel("Name", { exact: true }).fill(mlops.name);
    await page.waitForLoadState("networkidle");
    expect(liveChartCode).toEqual([]);
    // The server's drawing of the saved bands stands in meanwhile.
    const openness = page.locator('.chart-canvas .chart-wide text[name="Openness"]');
    await expect(openness.textContent()).resolves.toBe("65–85");

    // From the checkbox before the bands, Tab reaches Openness: Low.
    await page.getByLabel("This role has an ideal OCEAN+ profile").focus();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Openness: Low").evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect.poll(() => liveChartCode.length).toBe(1);
    await page.keyboard.press("End");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("2");
    // 65 became 62: the browser's chart draws the band as typed.
    await expect.poll(() => openness.textContent()).toBe("62–85");
    await expectAccessible(page);
    await context.close();
  });

  it("edits a band with JavaScript: the error shows by the field before posting and the chart follows the typing", async () => {
    const context = await browser().newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, baseURL, RECRUITER);
    await page.goto(`${baseURL}/roles/${mlops.slug}`);
    await page.getByRole("link", { name: "Edit role" }).click();
    await page.getByRole("heading", { level: 1, name: `Edit ${mlops.name}` }).waitFor();
    await page.locator(".chart-canvas .chart-wide svg").waitFor();
    await expectAccessible(page);

    const low = page.getByLabel("Openness: Low");
    await low.fill("90");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.locator("#f-idealProfile\\.openness\\.high-error").getByText("High must not be below low.").waitFor();
    expect(new URL(page.url()).pathname).toBe(`/roles/${mlops.slug}/edit`);
    // The chart cannot draw a band whose low is above its high: it says which trait it leaves out.
    await expect(page.getByTestId("chart-leaves-out").textContent()).resolves.toBe("Not in the chart until its band is valid: Openness.");
    await expect(low.evaluate((el) => el === document.activeElement || el.closest("tr")?.contains(document.activeElement))).resolves.toBe(
      true,
    );
    // With a second error above it, the keyboard goes to the first one on the page, not to the field marked before.
    const name = page.getByLabel("Name", { exact: true });
    await name.fill("");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.locator("#f-name-error").getByText("Must not be empty.").waitFor();
    await expect(name.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await name.fill(mlops.name);

    await low.fill("68");
    // The server drew the saved 65–85; the browser's Recharts, loaded after the form, draws the typed band.
    await page.locator(".chart-canvas .chart-wide").getByText("68–85").waitFor();
    await expect(page.getByTestId("chart-leaves-out").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Role saved.").waitFor();
    const row = page.locator("[data-testid=ideal-profile-table] tr[data-trait=openness] td");
    await expect(row.first().textContent()).resolves.toBe("68");
    await expectAccessible(page);
    await context.close();
  });

  it("says by the field when two transitions lead to the same role", async () => {
    const context = await browser().newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, baseURL, RECRUITER);
    await page.goto(`${baseURL}/roles/${mlops.slug}/edit`);
    await hydrated(page);
    const second = page.locator("#f-transitions\\.1\\.target");
    await second.fill("ai-researcher");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.locator("#f-transitions\\.1\\.target-error").getByText("Another transition already leads to this role.").waitFor();
    await expect(second.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(new URL(page.url()).pathname).toBe(`/roles/${mlops.slug}/edit`);
    await expectAccessible(page);
    await context.close();
  });

  it("edits a band without JavaScript: the server's error shows by the field, and a fix saves", async () => {
    const context = await browser().newContext({ locale: "en-US", javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, baseURL, RECRUITER);
    await page.goto(`${baseURL}/roles/${mlops.slug}/edit`);
    await page.getByLabel("Extraversion: High").fill("30");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.locator("#f-idealProfile\\.extraversion\\.high-error").getByText("High must not be below low.").waitFor();
    await page.getByRole("alert").getByText("The role was not saved").waitFor();
    await expect(page.getByLabel("Extraversion: High").inputValue()).resolves.toBe("30");
    await expectAccessible(page, { javaScriptEnabled: false });

    await page.getByLabel("Extraversion: High").fill("65");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Role saved.").waitFor();
    const cells = await page.locator("[data-testid=ideal-profile-table] tr[data-trait=extraversion] td").allTextContents();
    expect(cells.slice(0, 2)).toEqual(["40", "65"]);
    await context.close();
  });

  it("exports a role as a JSON file and lists a bad file's errors by JSON path on import", async () => {
    const context = await browser().newContext({ locale: "en-US", acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, baseURL, RECRUITER);
    await page.goto(`${baseURL}/roles/${platform.slug}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export JSON" }).click()]);
    expect(download.suggestedFilename()).toBe(`${platform.slug}.traitkit-role.json`);
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    const file = JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
    expect(file).toMatchObject({ format: "traitkit.role/v1", slug: platform.slug });

    await page.goto(`${baseURL}/roles`);
    await page.getByRole("link", { name: "Import a role" }).click();
    await page.getByRole("heading", { level: 1, name: "Import a role" }).waitFor();
    await expectAccessible(page);
    const bad = {
      ...file,
      format: "something/v9",
      questions: [
        { text: { en: "Q" }, evaluatesNote: null, traits: ["openness", "conscientiousness", "extraversion", "agreeableness"], anchors: {} },
      ],
    };
    await page
      .getByLabel("Role file (JSON)")
      .setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
    await page.getByRole("button", { name: "Import" }).click();
    const errors = page.getByTestId("import-errors");
    await errors.waitFor();
    await expect(errors.textContent()).resolves.toContain("questions[0].traits: Pick at most three traits.");
    await expect(errors.textContent()).resolves.toContain("format");
    await expectAccessible(page);

    await page.getByLabel("Role file (JSON)").setInputFiles({
      name: "ok.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ ...file, name: `${platform.name} (imported)` })),
    });
    await page.getByLabel("Replace the role with the same slug if it exists").check();
    await page.getByRole("button", { name: "Import" }).click();
    await page.getByText("Role replaced by the imported file.").waitFor();
    await page.getByRole("heading", { level: 1, name: `${platform.name} (imported)` }).waitFor();
    await context.close();
  });

  it("creates a role with questions and their anchors with JavaScript, then anchors one more trait of a saved question", async () => {
    const context = await browser().newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, baseURL, RECRUITER);
    await page.goto(`${baseURL}/roles/new`);
    await page.getByRole("heading", { level: 1, name: "New role" }).waitFor();
    await hydrated(page);
    // A new role has no profile yet: its bands are set apart, and still readable.
    await expect(page.getByLabel("This role has an ideal OCEAN+ profile").isChecked()).resolves.toBe(false);
    await expectAccessible(page);

    const steward = testData().unique("Data Steward");
    const stewardSlug = slugOf(steward);
    await page.getByLabel("Name", { exact: true }).fill(steward);
    await page.getByLabel("Slug", { exact: true }).fill(stewardSlug);
    await page.getByLabel("Family", { exact: true }).fill("Data governance");
    await page.getByLabel("This role has an ideal OCEAN+ profile").check();

    // Question 1, the form's blank row: anchors in English only.
    await questionBlock(page, 1)
      .getByRole("group", { name: "Question", exact: true })
      .getByLabel("English", { exact: true })
      .fill("Tell us about a dataset you documented.");
    await anchorTrait(page, 1, "Openness", {
      "1": { en: "Documents only what is asked." },
      "3": { en: "Documents the usual cases." },
      "5": { en: "Looks for new ways to make data understood." },
    });

    // Question 2, added with the button: anchors in both languages.
    await page.getByRole("button", { name: "Add question" }).click();
    await questionBlock(page, 2)
      .getByRole("group", { name: "Question", exact: true })
      .getByLabel("Spanish", { exact: true })
      .fill("¿Cómo revisas la calidad de un dato?");
    await questionBlock(page, 2)
      .getByRole("group", { name: "Question", exact: true })
      .getByLabel("English", { exact: true })
      .fill("How do you check a data quality issue?");
    await anchorTrait(page, 2, "Conscientiousness", {
      "1": { es: "No revisa.", en: "Does not check." },
      "3": { es: "Revisa lo obvio.", en: "Checks the obvious." },
      "5": { es: "Revisa con método y lo registra.", en: "Checks methodically and records it." },
    });
    await expectAccessible(page);

    await page.getByRole("button", { name: "Create role" }).click();
    await page.getByText("Role saved.").waitFor();
    expect(new URL(page.url()).pathname).toBe(`/roles/${stewardSlug}`);
    await page.getByRole("heading", { level: 1, name: steward }).waitFor();
    const questions = page.getByRole("region", { name: "Interview questions" }).getByRole("listitem");
    await expect(questions.count()).resolves.toBe(2);
    // Each question's anchors are folded, drawn once opened.
    for (const question of [questions.nth(0), questions.nth(1)]) {
      await question.locator("summary").click();
      await question.locator("details[open] .anchors").first().waitFor();
    }
    await expect(questions.nth(0).textContent()).resolves.toContain("Tell us about a dataset you documented.");
    await expect(questions.nth(0).textContent()).resolves.toContain("Evaluates: Openness");
    await expect(questions.nth(0).textContent()).resolves.toContain("Looks for new ways to make data understood.");
    await expect(questions.nth(1).textContent()).resolves.toContain("How do you check a data quality issue?");
    await expect(questions.nth(1).textContent()).resolves.toContain("Checks methodically and records it.");
    await expectAccessible(page);

    // A saved question: tick a second trait and anchor it.
    await page.getByRole("link", { name: "Edit role" }).click();
    await page.getByRole("heading", { level: 1, name: `Edit ${steward}` }).waitFor();
    await hydrated(page);
    await anchorTrait(page, 1, "Agreeableness", {
      "1": { en: "Ignores the data's users." },
      "3": { en: "Answers the users' questions." },
      "5": { en: "Writes with the users, for them." },
    });
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Role saved.").waitFor();
    await expect(questions.nth(0).textContent()).resolves.toContain("Evaluates: Openness, Agreeableness");
    await questions.nth(0).locator("summary").click();
    await questions.nth(0).locator("details[open] .anchors").first().waitFor();
    await expect(questions.nth(0).textContent()).resolves.toContain("Writes with the users, for them.");
    await context.close();
  });
});
