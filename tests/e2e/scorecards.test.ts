import fs from "node:fs";
import path from "node:path";
import type { Locator, Page, Response } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../seeds/demo-accounts";
import { DEMO_CANDIDATES } from "../../seeds/demo-people";
import { describedBy, expectAccessible, hydrated, useBrowser, usePages } from "./browser";
import { rate, ratingGroup, ratingGroups, recommendationGroup, type Choice } from "./scorecard-form";
import { copyDemoCase, createOwnKit, createOwnRole, useTestData, type OwnAssessment, type OwnKit } from "./factories";

const ONE_DECIMAL = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

/*
 * Issue #6 in a browser, on the shared demo server: the interviewer's whole
 * journey with JavaScript (autosave, offline, reload, client-side checks,
 * submit, panel) and again without it (plain posts, the server's errors by
 * the fields), the blind case, and the recruiter reading the aggregate and
 * deciding. Each journey has an assessment of its own, a copy of the demo case
 * in the state it needs, on a role and kit of this file: the demo's records and
 * the role's ranking stay as other test files read them.
 */

const RECRUITER = "recruiter@demo.traitkit.test";
const INTERVIEWER1 = "interviewer1@demo.traitkit.test";
const INTERVIEWER2 = "interviewer2@demo.traitkit.test";
const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");

function demoName(email: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`${email} is not a demo account`);
  return account.name;
}

function screenshot(page: Page, name: string): Promise<Buffer> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: path.join(SCREENSHOTS, `scorecard-${name}.png`), fullPage: true });
}

type ListRow = { id: number; candidate: string; kit: string; myScorecard: string; submitted: number; interviewers: number };

/** The rows of /assessments as shown. */
async function assessmentList(page: Page): Promise<ListRow[]> {
  await page.getByTestId("assessment-list").waitFor();
  return page.getByTestId("assessment-list").evaluate((table) =>
    [...table.querySelectorAll("tbody tr")].map((tr) => {
      const cells = [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim());
      const href = tr.querySelector("th a")?.getAttribute("href") ?? "";
      const [submitted, interviewers] = (cells[4] ?? "").split("/").map((s) => Number(s.trim()));
      return {
        id: Number(href.split("/").pop()),
        candidate: cells[0] ?? "",
        kit: cells[1] ?? "",
        myScorecard: cells[3] ?? "",
        submitted: submitted ?? NaN,
        interviewers: interviewers ?? NaN,
      };
    }),
  );
}

/** The list's row of this file's assessment, which must show this interviewer's scorecard not started. */
function ownRow(rows: ListRow[], assessment: OwnAssessment, kit: OwnKit, options: { othersSubmitted: boolean }): ListRow {
  const row = rows.find((r) => r.id === assessment.assessmentId);
  if (!row) throw new Error(`Assessment ${assessment.assessmentId} is not listed in ${JSON.stringify(rows)}`);
  expect(row.candidate).toBe(assessment.candidateName);
  expect(row.kit.startsWith(kit.name), row.kit).toBe(true);
  expect(row.myScorecard).toBe("Not started");
  if (options.othersSubmitted) expect(row.submitted).toBeGreaterThanOrEqual(1);
  else expect(row.submitted).toBe(0);
  return row;
}

/** Every body the page receives from the app (documents, Remix `.data` and fetches), for raw checks. */
function captureBodies(page: Page): { bodies: () => Promise<{ url: string; body: string }[]> } {
  const pending: Promise<{ url: string; body: string }>[] = [];
  page.on("response", (response: Response) => {
    const type = response.request().resourceType();
    if (type === "document" || type === "fetch" || type === "xhr") {
      pending.push(
        response
          .text()
          .then((body) => ({ url: response.url(), body }))
          .catch(() => ({ url: response.url(), body: "" })),
      );
    }
  });
  return { bodies: () => Promise.all(pending) };
}

async function checkedRating(page: Page, question: number, trait: string): Promise<string> {
  const group = ratingGroup(page, question, trait);
  return group.evaluate((fieldset) => fieldset.querySelector<HTMLInputElement>("input[type=radio]:checked")?.value ?? "none");
}

/** A rating for every group, spread over 1–5 so that several traits land on different scores. */
function ratingsFor(groups: { question: number; trait: string }[], offset: number): Choice[] {
  return groups.map((g, i) => ({ ...g, rating: ((i + offset) % 5) + 1 }));
}

function redFlagBlock(page: Page, index: number): Locator {
  return page.getByRole("group", { name: "Red flags observed", exact: true }).locator(".red-flag").nth(index);
}

/** The panel's trait table as shown: trait → cells. */
async function traitTable(page: Page): Promise<Map<string, string[]>> {
  const rows = await page
    .getByTestId("trait-table")
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim())));
  return new Map(rows.map((cells) => [cells[0] ?? "", cells.slice(1)]));
}

/**
 * Opens "Ratings behind the scores" as a reader does: its summary draws the table; without JavaScript the
 * summary holds a link to the same page with the section open.
 */
async function openRatings(page: Page, options: { javaScriptEnabled?: boolean } = {}): Promise<void> {
  await page.getByText("Ratings behind the scores", { exact: true }).click();
  if (options.javaScriptEnabled === false) await page.getByRole("link", { name: "Show the ratings behind the scores" }).click();
  await page.getByTestId("ratings-table").waitFor();
}

/** "Ratings behind the scores": header names and rows of [question, trait, ...ratings]. */
async function ratingsTable(page: Page): Promise<{ interviewers: string[]; rows: string[][] }> {
  const table = page.getByTestId("ratings-table");
  const headers = await table.locator("thead th").allTextContents();
  const rows = await table
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((c) => (c.textContent ?? "").trim())));
  return { interviewers: headers.slice(2).map((h) => h.trim()), rows };
}

/**
 * Recomputes, by docs/product.md's formulas, every figure of the trait table and
 * the fit line from the ratings table and the bands shown, and compares.
 */
async function expectPanelRecomputable(page: Page): Promise<void> {
  const { interviewers, rows } = await ratingsTable(page);
  const table = await traitTable(page);
  const bands = new Map<string, { low: number; high: number; weight: number }>();
  const scores = new Map<string, number>();
  const kitTraits = new Set(rows.map((r) => r[1] ?? ""));
  for (const [trait, cells] of table) {
    const bandText = cells.at(-2) ?? "";
    const band = /^(\d+)–(\d+) \(×(\d+)\)$/.exec(bandText);
    if (band) bands.set(trait, { low: Number(band[1]), high: Number(band[2]), weight: Number(band[3]) });
    const perInterviewer = interviewers.flatMap((name, column) => {
      const ratings = rows
        .filter((r) => r[1] === trait)
        .flatMap((r) => (/^[1-5]$/.test(r[column + 2] ?? "") ? [Number(r[column + 2])] : []));
      return ratings.length === 0 ? [] : [{ name, ratings }];
    });
    if (perInterviewer.length === 0) {
      expect(cells[0], trait).toBe(kitTraits.has(trait) ? "not assessed" : "not in this kit");
      expect(cells.at(-1), trait).toBe("—");
      continue;
    }
    const means = perInterviewer.map((p) => ({ name: p.name, rating: p.ratings.reduce((a, b) => a + b, 0) / p.ratings.length }));
    const score = means.reduce((sum, m) => sum + (m.rating - 1) * 25, 0) / means.length;
    const evidence = perInterviewer.reduce((sum, p) => sum + p.ratings.length, 0);
    const spread = Math.max(...means.map((m) => m.rating)) - Math.min(...means.map((m) => m.rating));
    scores.set(trait, score);
    const shown = Math.round(score * 10) / 10;
    // Scores and gaps with up to one decimal, so that they add up (62.5 and a band from 65: gap 2.5).
    expect(cells[0], `${trait} score`).toBe(ONE_DECIMAL.format(score));
    expect(cells[1], `${trait} evidence`).toBe(String(evidence));
    expect((cells[2] ?? "").split("; ").sort(), `${trait} means`).toEqual(means.map((m) => `${m.name}: ${m.rating.toFixed(2)}`).sort());
    expect(cells[3], `${trait} spread`).toBe(`${spread.toFixed(2)}${spread >= 2 - 1e-9 ? " calibrate" : ""}`);
    const b = bands.get(trait);
    if (b && !(b.low === 0 && b.high === 100))
      expect(cells.at(-1), `${trait} gap`).toBe(ONE_DECIMAL.format(Math.max(0, b.low - shown, shown - b.high)));
  }
  let num = 0;
  let den = 0;
  let used = 0;
  let all = 0;
  for (const [trait, b] of bands) {
    if (b.low === 0 && b.high === 100) continue;
    all += b.weight;
    const c = scores.get(trait);
    if (c === undefined) continue;
    used += b.weight;
    num += b.weight * Math.max(0, b.low - c, c - b.high) ** 2;
    den += b.weight * Math.max(b.low, 100 - b.high) ** 2;
  }
  const fitLine = (await page.getByTestId("fit").textContent())?.trim();
  if (used === 0) expect(fitLine).toBe("No fit yet: no trait with an ideal band has been assessed.");
  else expect(fitLine).toBe(`${Math.round(100 * (1 - Math.sqrt(num) / Math.sqrt(den)))}% fit, coverage ${Math.round((100 * used) / all)}%`);
  // One recommendation per submitted scorecard.
  const tally = await page.getByTestId("recommendations").locator("li").allTextContents();
  expect(tally.map((t) => t.replace(/:.*$/, ""))).toEqual(["Strong no", "No", "Yes", "Strong yes"]);
  expect(tally.reduce((sum, t) => sum + Number(t.replace(/^.*: /, "")), 0)).toBe(interviewers.length);
}

const journey: { jsAssessment?: ListRow; jsRatings?: Choice[]; noJsAssessment?: ListRow; noJsRatings?: Choice[] } = {};

/** The demo's blind case: interviewer 2 has submitted with notes, interviewer 1 has not started. */
const BLIND_CASE = "Barbara Demo-Liskov";
/** An assessment nobody has started. */
const NOT_STARTED = "Donald Demo-Knuth";
/** Interviewer 1 has a draft in progress, interviewer 2 has not started. */
const DRAFT_IN_PROGRESS = "Margaret Demo-Hamilton";

describe("scorecards", () => {
  const { browser, baseURL } = useBrowser();
  const { signedInPage: newPage } = usePages(browser, baseURL);
  const testData = useTestData("Scorecards");
  let kit: OwnKit;
  const cases: Record<"blind" | "js" | "noJs" | "autosave", OwnAssessment | undefined> = {
    blind: undefined,
    js: undefined,
    noJs: undefined,
    autosave: undefined,
  };
  const own = (name: keyof typeof cases): OwnAssessment => {
    const made = cases[name];
    if (!made) throw new Error(`The ${name} assessment was not made`);
    return made;
  };

  beforeAll(async () => {
    const data = testData();
    const role = await createOwnRole(data);
    kit = await createOwnKit(data, role.slug);
    cases.blind = await copyDemoCase(data, BLIND_CASE, { role, kit });
    cases.js = await copyDemoCase(data, NOT_STARTED, { role, kit });
    cases.noJs = await copyDemoCase(data, DRAFT_IN_PROGRESS, { role, kit });
    cases.autosave = await copyDemoCase(data, NOT_STARTED, { role, kit });
  });

  it("keeps the blind case blind: interviewer 1 sees the blind notice, no panel, and none of interviewer 2's notes in anything received", async () => {
    const page = await newPage(INTERVIEWER1);
    const capture = captureBodies(page);
    await page.goto(`${baseURL}/assessments`);
    await page.getByRole("heading", { level: 1, name: "My assessments" }).waitFor();
    await hydrated(page);
    await expectAccessible(page);
    const row = ownRow(await assessmentList(page), own("blind"), kit, { othersSubmitted: true });

    // Client-side navigation: the overview's data comes as /assessments/:id.data.
    await page.getByTestId("assessment-list").getByRole("link", { name: row.candidate, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Assessment of ${row.candidate}` }).waitFor();
    const notice = page.getByTestId("blind-notice");
    await expect(notice.textContent()).resolves.toBe(
      "The panel's scores stay hidden from you until you submit your own scorecard: blind scoring keeps each interviewer's judgement their own.",
    );
    await expect(page.getByTestId("panel").count()).resolves.toBe(0);
    await expect(page.getByRole("heading", { name: "Panel result" }).count()).resolves.toBe(0);
    // The status of each scorecard is shown, never its content.
    const interviewers = page.getByTestId("interviewers-table");
    await expect(
      interviewers
        .getByRole("row", { name: new RegExp(`^${demoName(INTERVIEWER2).replace(/[()]/g, "\\$&")}`) })
        .locator("td")
        .first()
        .textContent(),
    ).resolves.toBe("Submitted");
    await expectAccessible(page);
    await screenshot(page, "blind-notice");

    await page.getByRole("link", { name: "Open my scorecard" }).click();
    await page.getByRole("heading", { level: 1, name: `Scorecard: ${row.candidate}` }).waitFor();
    // Nothing is ticked or chosen: interviewer 1 has not started.
    await expect(page.locator("input[type=radio][value]:not([value='']):checked, input[type=checkbox]:checked").count()).resolves.toBe(0);
    await expectAccessible(page);

    const received = await capture.bodies();
    expect(received.some((r) => r.url.endsWith(`/assessments/${row.id}.data`) || r.url.includes(`/assessments/${row.id}.data?`))).toBe(
      true,
    );
    expect(received.some((r) => r.url.includes(`/assessments/${row.id}/scorecard.data`))).toBe(true);
    // The demo's blind case: interviewer 2's notes are in the seed; none reaches interviewer 1.
    const seeded = DEMO_CANDIDATES.find((c) => c.name === BLIND_CASE)?.assessment?.interviewer2?.notes;
    const theirNotes = Object.values(seeded ?? {});
    expect(theirNotes.length).toBeGreaterThan(0);
    for (const { url, body } of received) {
      for (const note of theirNotes) expect(body.includes(note), `${url} contains interviewer 2's note "${note}"`).toBe(false);
      expect(body.includes("ratingRows"), `${url} carries panel data`).toBe(false);
    }
  });

  it("runs the interviewer's journey with JavaScript: autosave, offline, reload, the checks on Submit, submit, then the panel", async () => {
    const page = await newPage(INTERVIEWER1);
    // An interviewer starts from their assessments.
    await page.getByRole("heading", { level: 1, name: "My assessments" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/assessments");
    await hydrated(page);
    const row = ownRow(await assessmentList(page), own("js"), kit, { othersSubmitted: false });
    journey.jsAssessment = row;

    await page.getByTestId("assessment-list").getByRole("link", { name: row.candidate, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Assessment of ${row.candidate}` }).waitFor();
    await page.getByTestId("blind-notice").waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Open my scorecard" }).click();
    await page.getByRole("heading", { level: 1, name: `Scorecard: ${row.candidate}` }).waitFor();
    await hydrated(page);
    expect(new URL(page.url()).pathname).toBe(`/assessments/${row.id}/scorecard`);
    await expect(page.getByTestId("save-status").textContent()).resolves.toBe("");
    await expectAccessible(page);

    const autosaves: number[] = [];
    page.on("response", (response) => {
      if (response.url().endsWith(`/assessments/${row.id}/scorecard/autosave`)) autosaves.push(response.status());
    });

    // Rate every trait by clicking the rating's label, and take notes.
    const groups = await ratingGroups(page);
    expect(groups.length).toBeGreaterThan(0);
    const ratings = ratingsFor(groups, 2);
    journey.jsRatings = ratings;
    for (const choice of ratings) await rate(page, choice);
    const notes = {
      1: "Noticed the drift from an alert on the feature distribution; rolled back within the hour.",
      2: "Sticky assignment, a guardrail metric; forgot novelty effects.",
    };
    await page.getByLabel("Notes on question 1", { exact: true }).fill(notes[1]);
    const lastSave = page.waitForResponse((r) => r.url().endsWith("/autosave") && (r.request().postData() ?? "").includes(notes[2]));
    await page.getByLabel("Notes on question 2", { exact: true }).fill(notes[2]);
    expect((await lastSave).status()).toBe(200);
    const status = page.getByTestId("save-status");
    await status.filter({ hasText: /^Saved at \d{1,2}:\d{2}(\s[AP]M)? UTC$/ }).waitFor();
    await screenshot(page, "js-saved");

    // Offline: the change is not saved, and says so; back online it is.
    await page.context().setOffline(true);
    await page.getByLabel("Notes on question 3", { exact: true }).fill("Chose the distilled model at 40 ms.");
    await status.filter({ hasText: "Not saved — retrying" }).waitFor();
    await expect(status.getAttribute("class")).resolves.toContain("save-status-warning");
    await screenshot(page, "js-offline");
    const backOnline = page.waitForResponse(
      (r) => r.url().endsWith("/autosave") && r.status() === 200 && (r.request().postData() ?? "").includes("distilled model"),
    );
    await page.context().setOffline(false);
    await backOnline;
    await status.filter({ hasText: /^Saved at / }).waitFor();

    // A reload restores everything.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: `Scorecard: ${row.candidate}` }).waitFor();
    await hydrated(page);
    for (const choice of ratings)
      await expect(checkedRating(page, choice.question, choice.trait), `${choice.question}/${choice.trait}`).resolves.toBe(
        String(choice.rating),
      );
    await expect(page.getByLabel("Notes on question 1", { exact: true }).inputValue()).resolves.toBe(notes[1]);
    await expect(page.getByLabel("Notes on question 2", { exact: true }).inputValue()).resolves.toBe(notes[2]);
    await expect(page.getByLabel("Notes on question 3", { exact: true }).inputValue()).resolves.toBe("Chose the distilled model at 40 ms.");
    await expect(status.textContent()).resolves.toMatch(/^Saved at \d{1,2}:\d{2}/);

    // Save from the keyboard half-way down the form: the page stays where it was, the keyboard on Save.
    await page.getByLabel("Notes on question 3", { exact: true }).focus();
    const saveButton = page.getByRole("button", { name: "Save", exact: true });
    await saveButton.focus();
    const scrolledTo = await page.evaluate(() => window.scrollY);
    expect(scrolledTo).toBeGreaterThan(300);
    const [posted] = await Promise.all([
      page.waitForResponse(
        (r) =>
          r.request().method() === "POST" &&
          new URL(r.url()).pathname.startsWith(`/assessments/${row.id}/scorecard`) &&
          !r.url().endsWith("/autosave"),
      ),
      page.keyboard.press("Space"),
    ]);
    expect(posted.ok()).toBe(true);
    await page.waitForResponse((r) => r.request().method() === "GET" && r.url().includes(`/assessments/${row.id}/scorecard.data`));
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Save");
    await expect(page.evaluate(() => window.scrollY)).resolves.toBe(scrolledTo);
    expect(autosaves.every((s) => s === 200)).toBe(true);

    // Submit without a recommendation: the error by the field, nothing posted.
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && !request.url().endsWith("/autosave")) posts.push(request.url());
    });
    await page.getByRole("button", { name: "Submit scorecard" }).click();
    const recommendation = recommendationGroup(page);
    await recommendation.locator("#recommendation-error").waitFor();
    await expect(recommendation.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(describedBy(recommendation)).resolves.toBe("Choose an overall recommendation to submit");
    await expect(page.getByRole("alert").textContent()).resolves.toBe("Not submitted: 1 field needs attention (marked below).");
    expect(posts).toEqual([]);
    expect(new URL(page.url()).pathname).toBe(`/assessments/${row.id}/scorecard`);
    await expectAccessible(page);
    await screenshot(page, "js-recommendation-error");

    // A recommendation, and a red flag without evidence: the evidence error by its field.
    await recommendation.getByText("Yes", { exact: true }).click();
    const flag = redFlagBlock(page, 0);
    await flag.locator(".checkbox label").click();
    await expect(flag.getByRole("checkbox").isChecked()).resolves.toBe(true);
    await page.getByRole("button", { name: "Submit scorecard" }).click();
    const evidence = flag.getByLabel(/^Evidence for: /);
    await flag.locator(".field-error").waitFor();
    await expect(evidence.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(describedBy(evidence)).resolves.toMatch(
      /^Write a line of evidence for this red flag A line on what the candidate said or did\. /,
    );
    await expect(recommendation.locator("#recommendation-error").count()).resolves.toBe(0);
    expect(posts).toEqual([]);
    await expectAccessible(page);
    await screenshot(page, "js-evidence-error");

    // Evidence written: submitted, and the panel is there.
    await evidence.fill("Has never looked at a deployed model's accuracy after release.");
    await page.getByRole("button", { name: "Submit scorecard" }).click();
    await page.getByTestId("panel").waitFor();
    await page.getByRole("heading", { level: 1, name: `Assessment of ${row.candidate}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/assessments/${row.id}`);
    // One post, the submit (Remix posts a form's action to its single-fetch `.data` URL).
    expect(posts).toEqual([`${baseURL}/assessments/${row.id}/scorecard.data`]);
    await expect(page.getByTestId("blind-notice").count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: "Open my scorecard" }).count()).resolves.toBe(0);
    await expect(
      page.getByTestId("panel").getByText("Has never looked at a deployed model's accuracy after release.", { exact: false }).count(),
    ).resolves.toBe(1);
    await openRatings(page);
    const behind = await ratingsTable(page);
    expect(behind.interviewers).toContain(demoName(INTERVIEWER1));
    await expectPanelRecomputable(page);
    await expectAccessible(page);
    await screenshot(page, "js-panel");

    // The submitted scorecard is read-only now.
    await page.goto(`${baseURL}/assessments/${row.id}/scorecard`);
    await page.getByRole("heading", { level: 1, name: `Scorecard: ${row.candidate}` }).waitFor();
    await page.getByText(/^Submitted at .*It is read-only; a recruiter can reopen it\.$/).waitFor();
    await expect(page.getByRole("button", { name: "Submit scorecard" }).count()).resolves.toBe(0);
    await expect(page.getByLabel("Notes on question 1", { exact: true }).isDisabled()).resolves.toBe(true);
    await expectAccessible(page);
  });

  it("runs the interviewer's journey without JavaScript: Save posts and keeps the values, the server's errors by the fields, submit", async () => {
    const page = await newPage(INTERVIEWER2, { javaScriptEnabled: false });
    await page.goto(`${baseURL}/assessments`);
    await page.getByRole("heading", { level: 1, name: "My assessments" }).waitFor();
    await expectAccessible(page, { javaScriptEnabled: false });
    const row = ownRow(await assessmentList(page), own("noJs"), kit, { othersSubmitted: false });
    journey.noJsAssessment = row;

    await page.getByTestId("assessment-list").getByRole("link", { name: row.candidate, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Assessment of ${row.candidate}` }).waitFor();
    await page.getByTestId("blind-notice").waitFor();
    await expectAccessible(page, { javaScriptEnabled: false });
    await page.getByRole("link", { name: "Open my scorecard" }).click();
    await page.getByRole("heading", { level: 1, name: `Scorecard: ${row.candidate}` }).waitFor();
    await expectAccessible(page, { javaScriptEnabled: false });

    const groups = await ratingGroups(page);
    const ratings = ratingsFor(groups, 0);
    journey.noJsRatings = ratings;
    for (const choice of ratings) await rate(page, choice);
    await page.getByLabel("Notes on question 4", { exact: true }).fill("Set up a shared staging environment for the data scientists.");
    await page.getByRole("group", { name: "Strengths observed", exact: true }).getByRole("checkbox").first().check();

    // Save: a plain post, then the form again with everything kept.
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/assessments/${row.id}/scorecard`)),
      page.getByRole("button", { name: "Save", exact: true }).click(),
    ]);
    expect(saved.status()).toBe(303);
    await page.waitForLoadState("load");
    await page.getByRole("heading", { level: 1, name: `Scorecard: ${row.candidate}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/assessments/${row.id}/scorecard`);
    for (const choice of ratings)
      await expect(checkedRating(page, choice.question, choice.trait), `${choice.question}/${choice.trait}`).resolves.toBe(
        String(choice.rating),
      );
    await expect(page.getByLabel("Notes on question 4", { exact: true }).inputValue()).resolves.toBe(
      "Set up a shared staging environment for the data scientists.",
    );
    await expect(
      page.getByRole("group", { name: "Strengths observed", exact: true }).getByRole("checkbox").first().isChecked(),
    ).resolves.toBe(true);
    await expect(page.getByTestId("save-status").textContent()).resolves.toMatch(/^Saved at \d{1,2}:\d{2}/);
    await expectAccessible(page, { javaScriptEnabled: false });

    // Submit without a recommendation: the server refuses, with the error by the field and the typed values kept.
    await page.getByLabel("Notes on question 1", { exact: true }).fill("Typed before submitting: kept on the error page.");
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/assessments/${row.id}/scorecard`)),
      page.getByRole("button", { name: "Submit scorecard" }).click(),
    ]);
    expect(refused.status()).toBe(400);
    await page.waitForLoadState("load");
    const recommendation = recommendationGroup(page);
    await recommendation.locator("#recommendation-error").waitFor();
    await expect(recommendation.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(describedBy(recommendation)).resolves.toBe("Choose an overall recommendation to submit");
    await expect(page.getByRole("alert").textContent()).resolves.toBe("Not submitted: 1 field needs attention (marked below).");
    await expect(page.getByLabel("Notes on question 1", { exact: true }).inputValue()).resolves.toBe(
      "Typed before submitting: kept on the error page.",
    );
    for (const choice of ratings) await expect(checkedRating(page, choice.question, choice.trait)).resolves.toBe(String(choice.rating));
    await expectAccessible(page, { javaScriptEnabled: false });
    await screenshot(page, "nojs-recommendation-error");

    // A red flag without evidence: the server's error by the evidence field.
    await recommendation.getByText("No", { exact: true }).click();
    const flag = redFlagBlock(page, 1);
    await flag.locator(".checkbox label").click();
    const [noEvidence] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/assessments/${row.id}/scorecard`)),
      page.getByRole("button", { name: "Submit scorecard" }).click(),
    ]);
    expect(noEvidence.status()).toBe(400);
    await page.waitForLoadState("load");
    const evidence = redFlagBlock(page, 1).getByLabel(/^Evidence for: /);
    await redFlagBlock(page, 1).locator(".field-error").waitFor();
    await expect(evidence.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(describedBy(evidence)).resolves.toMatch(
      /^Write a line of evidence for this red flag A line on what the candidate said or did\. /,
    );
    await expect(recommendationGroup(page).getByRole("radio", { name: "No", exact: true }).isChecked()).resolves.toBe(true);
    await expectAccessible(page, { javaScriptEnabled: false });
    await screenshot(page, "nojs-evidence-error");

    await evidence.fill("Could not say how last quarter's training run was reproduced.");
    const [submitted] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/assessments/${row.id}/scorecard`)),
      page.getByRole("button", { name: "Submit scorecard" }).click(),
    ]);
    expect(submitted.status()).toBe(303);
    await page.waitForLoadState("load");
    await page.getByTestId("panel").waitFor();
    expect(new URL(page.url()).pathname).toBe(`/assessments/${row.id}`);
    await expect(
      page.getByTestId("panel").getByText("Could not say how last quarter's training run was reproduced.", { exact: false }).count(),
    ).resolves.toBe(1);
    await openRatings(page, { javaScriptEnabled: false });
    await expectPanelRecomputable(page);
    await expectAccessible(page, { javaScriptEnabled: false });
    await screenshot(page, "nojs-panel");
  });

  it("lets the recruiter read the aggregate, recompute it by hand, and record a decision with a reason", async () => {
    if (!journey.jsAssessment || !journey.jsRatings || !journey.noJsAssessment || !journey.noJsRatings) {
      throw new Error("The interviewer journeys above did not complete");
    }
    const page = await newPage(RECRUITER);
    await page.goto(`${baseURL}/assessments`);
    await page.getByRole("heading", { level: 1, name: "Assessments" }).waitFor();
    await hydrated(page);
    await expectAccessible(page);

    // The assessment interviewer 2 submitted without JavaScript; interviewer 1's draft does not count.
    const noJs = journey.noJsAssessment;
    await page.getByTestId("assessment-list").getByRole("link", { name: noJs.candidate, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Assessment of ${noJs.candidate}` }).waitFor();
    await page.getByTestId("panel").waitFor();
    await openRatings(page);
    const noJsTable = await ratingsTable(page);
    expect(noJsTable.interviewers).toEqual([demoName(INTERVIEWER2)]);
    for (const choice of journey.noJsRatings) {
      const shown = noJsTable.rows.find((r) => r[0] === String(choice.question) && r[1] === choice.trait);
      expect(shown, `${choice.question}/${choice.trait}`).toEqual([String(choice.question), choice.trait, String(choice.rating)]);
    }
    await expectPanelRecomputable(page);
    await expectAccessible(page);

    // The assessment interviewer 1 submitted with JavaScript: read it, then decide.
    const js = journey.jsAssessment;
    await page.goto(`${baseURL}/assessments/${js.id}`);
    await page.getByRole("heading", { level: 1, name: `Assessment of ${js.candidate}` }).waitFor();
    await hydrated(page);
    await openRatings(page);
    const jsTable = await ratingsTable(page);
    expect(jsTable.interviewers).toContain(demoName(INTERVIEWER1));
    const column = jsTable.interviewers.indexOf(demoName(INTERVIEWER1)) + 2;
    for (const choice of journey.jsRatings) {
      const shown = jsTable.rows.find((r) => r[0] === String(choice.question) && r[1] === choice.trait);
      expect(shown?.[column], `${choice.question}/${choice.trait}`).toBe(String(choice.rating));
    }
    await expectPanelRecomputable(page);
    const table = await traitTable(page);
    expect([...table.keys()]).toEqual([
      "Openness",
      "Conscientiousness",
      "Extraversion",
      "Agreeableness",
      "Emotional Stability",
      "Relational Engagement",
    ]);
    await expect(page.getByTestId("fit").textContent()).resolves.toMatch(/^\d{1,3}% fit, coverage \d{1,3}%$/);
    await expect(page.getByTestId("recommendations").locator("li").allTextContents()).resolves.toContain("Yes: 1");
    await page.getByText("No decision yet.").waitFor();
    await expectAccessible(page);
    await screenshot(page, "recruiter-panel");

    // A decision without a reason is refused by the field; with one, it is listed.
    const decision = page.getByRole("group", { name: "Decision", exact: true });
    // Checked in the browser first: nothing chosen, the keyboard goes to the choices.
    await page.getByRole("button", { name: "Record decision" }).click();
    await page.locator("#decision-error").waitFor();
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).resolves.toBe("decision");
    await decision.getByText("Advance", { exact: true }).click();
    await page.getByRole("button", { name: "Record decision" }).click();
    const reason = page.getByLabel("Reason", { exact: true });
    await page.locator("#reason-error").waitFor();
    await expect(reason.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(describedBy(reason)).resolves.toBe("Give a reason");
    // The keyboard is taken to the field to fix, which takes no more than the schema allows.
    await expect(reason.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(reason.getAttribute("maxlength")).resolves.toBe("2000");
    await expectAccessible(page);

    const why = "Strong on reproducibility and monitoring; a red flag to probe in the final round.";
    await decision.getByText("Advance", { exact: true }).click();
    await reason.fill(why);
    await page.getByRole("button", { name: "Record decision" }).click();
    const listed = page.getByTestId("decisions").locator("li").filter({ hasText: why });
    await listed.waitFor();
    await expect(listed.textContent()).resolves.toMatch(
      new RegExp(`^Advance by ${demoName(RECRUITER).replace(/[()]/g, "\\$&")}, .+: ${why.replace(/[.]/g, "\\.")}$`),
    );
    await expect(page.getByText("No decision yet.").count()).resolves.toBe(0);
    await expectAccessible(page);
    await screenshot(page, "recruiter-decision");

    // And on the candidate's page.
    await page.getByRole("link", { name: js.candidate, exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: js.candidate }).waitFor();
    const assessmentRow = page.getByRole("row").filter({ has: page.locator(`a[href="/assessments/${js.id}"]`) });
    await expect(assessmentRow.locator(".badge").textContent()).resolves.toBe("Advance");
    await expectAccessible(page);
  });

  it("keeps the errors of Submit on screen when an autosave pending at the click finishes afterwards", async () => {
    const page = await newPage(INTERVIEWER2);
    await page.goto(`${baseURL}/assessments`);
    await page.getByRole("heading", { level: 1, name: "My assessments" }).waitFor();
    await hydrated(page);
    // An open scorecard of interviewer 2; it is only saved as a draft here, never submitted.
    const row = ownRow(await assessmentList(page), own("autosave"), kit, { othersSubmitted: false });
    await page.goto(`${baseURL}/assessments/${row.id}/scorecard`);
    await page.getByRole("heading", { level: 1, name: `Scorecard: ${row.candidate}` }).waitFor();
    await hydrated(page);
    await expect(recommendationGroup(page).getByRole("radio", { checked: true }).count()).resolves.toBe(0);

    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && !request.url().endsWith("/autosave")) posts.push(request.url());
    });

    // Rate, tick a red flag (its evidence left empty), type a note, no recommendation; then Submit at once,
    // while the autosave of these changes is still waiting for its debounce or in flight.
    const [first] = await ratingGroups(page);
    if (!first) throw new Error("The kit has no rating group");
    await rate(page, { ...first, rating: 3 });
    const flag = redFlagBlock(page, 0);
    await flag.locator(".checkbox label").click();
    const note = "Submitted right after typing, before the autosave.";
    const autosaved = page.waitForResponse(
      (r) => r.url().endsWith(`/assessments/${row.id}/scorecard/autosave`) && (r.request().postData() ?? "").includes(note),
    );
    await page.getByLabel("Notes on question 1", { exact: true }).fill(note);
    await page.getByRole("button", { name: "Submit scorecard" }).click();

    const alert = page.getByRole("alert");
    await alert.filter({ hasText: "Not submitted: 2 fields need attention (marked below)." }).waitFor();

    // The autosave finishes after the click: it saves the draft and says so, and the errors stay.
    expect((await autosaved).status()).toBe(200);
    await page
      .getByTestId("save-status")
      .filter({ hasText: /^Saved at \d{1,2}:\d{2}(\s[AP]M)? UTC$/ })
      .waitFor();
    // Read as shown now, without waiting for an alert to come back.
    await expect(alert.allTextContents()).resolves.toEqual(["Not submitted: 2 fields need attention (marked below)."]);
    const evidence = flag.getByLabel(/^Evidence for: /);
    await expect(evidence.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(describedBy(evidence)).resolves.toMatch(
      /^Write a line of evidence for this red flag A line on what the candidate said or did\. /,
    );
    await expect(flag.locator(".field-error").isVisible()).resolves.toBe(true);
    await expect(evidence.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    const recommendation = recommendationGroup(page);
    await expect(recommendation.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(describedBy(recommendation)).resolves.toBe("Choose an overall recommendation to submit");
    await expect(recommendation.locator("#recommendation-error").isVisible()).resolves.toBe(true);
    // Not submitted: nothing posted but the autosave, still the form, still a submit button.
    expect(posts).toEqual([]);
    expect(new URL(page.url()).pathname).toBe(`/assessments/${row.id}/scorecard`);
    await expect(page.getByRole("button", { name: "Submit scorecard" }).isEnabled()).resolves.toBe(true);
    await expectAccessible(page);
    await screenshot(page, "js-errors-after-autosave");

    // Fixing a field clears its error, and only its error, even after the next autosave.
    const nextSave = page.waitForResponse((r) => r.url().endsWith(`/assessments/${row.id}/scorecard/autosave`));
    await recommendation.getByText("No", { exact: true }).click();
    await recommendation.locator("#recommendation-error").waitFor({ state: "detached" });
    expect((await nextSave).status()).toBe(200);
    await page
      .getByTestId("save-status")
      .filter({ hasText: /^Saved at / })
      .waitFor();
    await expect(alert.allTextContents()).resolves.toEqual(["Not submitted: 1 field needs attention (marked below)."]);
    await expect(describedBy(evidence)).resolves.toMatch(
      /^Write a line of evidence for this red flag A line on what the candidate said or did\. /,
    );
    expect(posts).toEqual([]);
    await expectAccessible(page);
  });
});
