import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_KIT } from "../../seeds/demo-kits";
import { expectAccessible, hydrated, useBrowser, usePages } from "./browser";

/*
 * What every page shares: a description, landmarks and ids that can be told
 * apart, one way of writing a date, a save confirmed once, the language switch,
 * and tables that show they scroll. Reads the demo data and changes none of it:
 * the one candidate it adds is its own.
 */

const RECRUITER = "recruiter@demo.traitkit.test";
const INTERVIEWER = "interviewer1@demo.traitkit.test";
const STRONG_FIT = "Ada Demo-Lovelace";

const DESCRIPTION = {
  en: "Traitkit: structured interviews that score candidates on the OCEAN+ traits and chart how they fit a role.",
  es: "Traitkit: entrevistas estructuradas que puntúan a los candidatos en los rasgos OCEAN+ y muestran cómo encajan en un rol.",
} as const;

/**
 * The one way a date and time is written, per language: the zone always named,
 * UTC, or an interview's own zone as Intl names it (GMT+1, CET; issue 19).
 */
const ZONE = String.raw`(?:UTC|GMT[+\u2212-]\d{1,2}(?::\d{2})?|[A-Z]{2,5})`;
const DATE_TIME = {
  en: new RegExp(String.raw`[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M ${ZONE}`, "g"),
  es: new RegExp(String.raw`\d{1,2} [a-z]{3,4}\.? \d{4}, \d{1,2}:\d{2} ${ZONE}`, "g"),
} as const;
const CLOCK = /\d{1,2}:\d{2}/g;

/** Moderate rules the serious/critical check of every test lets pass. */
const UNIQUE_RULES = ["landmark-unique", "duplicate-id", "duplicate-id-active", "duplicate-id-aria"];

async function expectConventions(page: Page, lang: "en" | "es"): Promise<void> {
  await expectAccessible(page);
  const results = await new AxeBuilder({ page }).withRules(UNIQUE_RULES).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(found, `moderate axe violations on ${page.url()}`).toEqual([]);
  await expect(page.locator('meta[name="description"]').getAttribute("content")).resolves.toBe(DESCRIPTION[lang]);
  await expect(page.locator('meta[name="description"]').count()).resolves.toBe(1);
  // Every time of day on the page is part of the one format, the zone named; no ISO dates. Text set as code (an
  // audit entry's stored details, an action's code) is data shown as it is kept, not a date written for the reader.
  let text = await page.locator("main").innerText();
  for (const code of await page.locator("main code").allInnerTexts()) text = text.replace(code, "");
  const clocks = text.match(CLOCK) ?? [];
  expect(text.match(DATE_TIME[lang]) ?? [], `dates on ${page.url()}`).toHaveLength(clocks.length);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
}

/** The dates of a page as the server wrote them and as the hydrated page shows them: the same. */
async function expectDatesHydrateUnchanged(page: Page, lang: "en" | "es"): Promise<string[]> {
  await hydrated(page);
  const served = await (await page.request.get(page.url(), { headers: { "Accept-Language": lang } })).text();
  const shown = await page.locator("main").innerText();
  const fromServer = served.replace(/<[^>]+>/g, " ").match(DATE_TIME[lang]) ?? [];
  expect(fromServer.length).toBeGreaterThan(0);
  expect(shown.match(DATE_TIME[lang]) ?? []).toEqual(fromServer);
  return fromServer;
}

/** A name and email no other test uses. */
function uniqueCandidate(label: string): { name: string; email: string } {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  return { name: `${label} Conventions-${stamp}`, email: `conventions.${stamp}@example.com` };
}

/** How dark a table box's edge is: the median brightness (0–255) of its outermost pixel column but one. */
async function edgeBrightness(page: Page, box: Locator, edge: "left" | "right"): Promise<number> {
  const png = (await box.screenshot()).toString("base64");
  // Decoded in a blank page: the app's pages allow no data: images.
  const canvasPage = await page.context().newPage();
  try {
    return await canvasPage.evaluate(
      async ({ png, edge }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext("2d");
        if (!context) throw new Error("no 2d canvas");
        context.drawImage(image, 0, 0);
        const x = edge === "left" ? 1 : image.width - 2;
        const pixels = context.getImageData(x, 0, 1, image.height).data;
        const values: number[] = [];
        for (let i = 0; i < pixels.length; i += 4) values.push(((pixels[i] ?? 0) + (pixels[i + 1] ?? 0) + (pixels[i + 2] ?? 0)) / 3);
        values.sort((a, b) => a - b);
        return values[Math.floor(values.length / 2)] ?? 0;
      },
      { png, edge },
    );
  } finally {
    await canvasPage.close();
  }
}

describe("what every page shares", () => {
  const { browser, baseURL } = useBrowser();
  const { newPage, signedInPage } = usePages(browser, baseURL);

  it.each([
    ["the library's", ["/roles", "/roles/mlops-engineer", "/roles/new", "/roles/import", "/skills", "/kits", "/kits/new"]],
    [
      "the people's",
      ["/candidates", "/candidates/new", "/assessments", "/roles/mlops-engineer/candidates", "/settings/users", "/audit", "/calibration"],
    ],
  ])("gives %s lists and forms a description, unique landmarks and ids, and one date format", async (_, paths) => {
    const page = await signedInPage(RECRUITER);
    for (const path of paths) {
      await page.goto(`${baseURL}${path}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await expectConventions(page, "en");
    }
  });

  it("does the same on the pages of one skill profile, kit, candidate, assessment and comparison", async () => {
    const page = await signedInPage(RECRUITER);
    await page.goto(`${baseURL}/skills`);
    await page.getByRole("main").getByRole("link").first().click();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expectConventions(page, "en");

    await page.goto(`${baseURL}/kits`);
    await page.getByRole("link", { name: DEMO_KIT.name, exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: DEMO_KIT.name }).waitFor();
    await expectConventions(page, "en");

    await page.goto(`${baseURL}/candidates`);
    await page.getByRole("link", { name: STRONG_FIT, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: STRONG_FIT }).waitFor();
    await expectConventions(page, "en");

    // The assessment page with its charts drawn: the radar's band is where three elements shared an id.
    await page.goto(`${baseURL}/assessments`);
    await page.getByTestId("assessment-list").getByRole("link", { name: STRONG_FIT, exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: `Assessment of ${STRONG_FIT}` }).waitFor();
    await hydrated(page);
    await page.getByTestId("trait-radar-chart").locator("svg.recharts-surface:visible").waitFor();
    await expect(page.locator(".recharts-polygon path").count()).resolves.toBeGreaterThan(1);
    await expectConventions(page, "en");
    const dates = await expectDatesHydrateUnchanged(page, "en");
    // UTC, but for the interviews, which are said in their own zone (the demo's are in Madrid).
    expect(dates.filter((d) => !d.endsWith(" UTC")).every((d) => /GMT\+[12]$/.test(d))).toBe(true);
    expect(dates.some((d) => d.endsWith(" UTC"))).toBe(true);

    await page.goto(`${baseURL}/roles/mlops-engineer/candidates`);
    await hydrated(page);
    const rows = page.getByTestId("ranking-table").locator("tbody tr");
    await rows.nth(0).getByRole("checkbox").check();
    await rows.nth(1).getByRole("checkbox").check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    await page.getByRole("heading", { level: 1, name: "MLOps Engineer: comparing candidates" }).waitFor();
    await page.getByTestId("trait-radar-chart").locator("svg.recharts-surface:visible").waitFor();
    await expectConventions(page, "en");
  });

  it("writes dates in Spanish in the same format, the same before and after hydration, on the audit log", async () => {
    const page = await signedInPage(RECRUITER, { locale: "es-ES" });
    for (const path of ["/roles", "/candidates", "/audit", "/settings/users"]) {
      await page.goto(`${baseURL}${path}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await expectConventions(page, "es");
    }
    await page.goto(`${baseURL}/audit`);
    const dates = await expectDatesHydrateUnchanged(page, "es");
    expect(dates.length).toBeGreaterThan(0);
  });

  it("gives an interviewer's pages and the sign-in page a description too", async () => {
    const page = await signedInPage(INTERVIEWER);
    for (const path of ["/assessments", "/roles/mlops-engineer", "/kits"]) {
      await page.goto(`${baseURL}${path}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await expectConventions(page, "en");
    }
    const signedOut = await newPage({ locale: "es-ES" });
    await signedOut.goto(`${baseURL}/login`);
    await signedOut.getByRole("heading", { level: 1 }).waitFor();
    await expectConventions(signedOut, "es");
    const missing = await signedOut.goto(`${baseURL}/no-such-page`);
    expect(missing?.status()).toBe(404);
    await expectConventions(signedOut, "es");
  });

  it("confirms a save once: the address carries nothing, and a reload does not say it again", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const person = uniqueCandidate(javaScriptEnabled ? "Flash" : "Plain");
      const page = await signedInPage(RECRUITER, { javaScriptEnabled });
      await page.goto(`${baseURL}/candidates/new`);
      if (javaScriptEnabled) await hydrated(page);
      await page.getByLabel("Name", { exact: true }).fill(person.name);
      await page.getByLabel("Email", { exact: true }).fill(person.email);
      await page.getByRole("button", { name: "Add candidate" }).click();
      await page.getByRole("heading", { level: 1, name: person.name }).waitFor();
      expect(new URL(page.url()).search).toBe("");
      expect(new URL(page.url()).pathname).toMatch(/^\/candidates\/\d+$/);
      await expect(page.getByRole("status").filter({ hasText: "Candidate added." }).count()).resolves.toBe(1);
      await expectAccessible(page, { javaScriptEnabled });

      await page.reload();
      await page.getByRole("heading", { level: 1, name: person.name }).waitFor();
      await expect(page.getByText("Candidate added.").count()).resolves.toBe(0);
      await expectAccessible(page, { javaScriptEnabled });
    }
  });

  it("switches the language as soon as one is chosen, and with the button without JavaScript", async () => {
    const page = await signedInPage(RECRUITER);
    await page.goto(`${baseURL}/candidates`);
    await hydrated(page);
    const change = page.getByRole("button", { name: "Change", exact: true });
    await expect(change.isVisible()).resolves.toBe(false);
    await expect(page.getByLabel("Language").getAttribute("aria-describedby")).resolves.toBe("language-hint");
    await expect(page.locator("#language-hint").textContent()).resolves.toBe("The page changes to the language you choose.");
    await expectAccessible(page);
    await page.getByLabel("Language").selectOption("es");
    await page.getByRole("heading", { level: 1, name: "Candidatos" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/candidates");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("es");
    await expect(page.locator('meta[name="description"]').getAttribute("content")).resolves.toBe(DESCRIPTION.es);
    await expectAccessible(page);

    const plain = await signedInPage(RECRUITER, { javaScriptEnabled: false });
    await plain.goto(`${baseURL}/candidates`);
    const button = plain.getByRole("button", { name: "Change", exact: true });
    await expect(button.isVisible()).resolves.toBe(true);
    await plain.getByLabel("Language").selectOption("es");
    // Without JavaScript a choice alone sends nothing: the page is still in English.
    await expect(plain.locator("html").getAttribute("lang")).resolves.toBe("en");
    await expectAccessible(plain, { javaScriptEnabled: false });
    await button.click();
    await plain.getByRole("heading", { level: 1, name: "Candidatos" }).waitFor();
    expect(new URL(plain.url()).pathname).toBe("/candidates");
    await expectAccessible(plain, { javaScriptEnabled: false });
  });

  it("shows on a phone that a table scrolls: a shadow at the edge with more, none at an end, the row names kept in view", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await signedInPage(RECRUITER, { javaScriptEnabled, viewport: { width: 390, height: 844 } });
      await page.goto(`${baseURL}/audit`);
      const box = page.locator(".table-scroll").first();
      await expectAccessible(page, { javaScriptEnabled });
      const sizes = await box.evaluate((el) => ({
        scroll: el.scrollWidth,
        client: el.clientWidth,
        attachment: getComputedStyle(el).backgroundAttachment,
      }));
      expect(sizes.scroll).toBeGreaterThan(sizes.client);
      expect(sizes.attachment.split(", ")).toEqual(["local", "local", "scroll", "scroll"]);
      // At the start: a shadow on the right, where the rest is, and none on the left.
      expect(await edgeBrightness(page, box, "right")).toBeLessThan(225);
      expect(await edgeBrightness(page, box, "left")).toBeGreaterThan(245);
      await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      expect(await edgeBrightness(page, box, "right")).toBeGreaterThan(245);
      expect(await edgeBrightness(page, box, "left")).toBeLessThan(225);
    }

    // A table whose rows are named keeps the names pinned while the rest scrolls under them.
    const page = await signedInPage(RECRUITER, { viewport: { width: 390, height: 844 } });
    await page.goto(`${baseURL}/candidates`);
    const box = page.locator(".table-scroll").first();
    const name = box.locator("tbody th[scope=row]").first();
    const before = await name.boundingBox();
    await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    const after = await name.boundingBox();
    expect(after?.x).toBe(before?.x);
    // A header is cut only by the box's edge, never broken inside its own cell.
    const headers = await box.locator("thead th").evaluateAll((cells) => cells.map((c) => getComputedStyle(c).overflowWrap));
    expect(new Set(headers)).toEqual(new Set(["normal"]));
    await expectAccessible(page);
  });
});
