import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import enProposals from "../../app/locales/en-proposals";
import enRole from "../../app/locales/en-role";
import enRoleForm from "../../app/locales/en-role-form";
import enShared from "../../app/locales/en-shared";
import enSuggest from "../../app/locales/en-suggest";
import esProposals from "../../app/locales/es-proposals";
import esRole from "../../app/locales/es-role";
import esRoleForm from "../../app/locales/es-role-form";
import esShared from "../../app/locales/es-shared";
import esSuggest from "../../app/locales/es-suggest";
import { DEMO_PROPOSALS } from "../../seeds/demo-proposals";
import { expectAccessible, hydrated, useBrowser, usePages, type PageOptions } from "./browser";
import { createOwnKit, createOwnRole, createOwnUser, createSubmittedPanel, useTestData, type OwnRole, type OwnUser } from "./factories";

/*
 * Change proposals (issue 22) as members use them: suggest a change from a role
 * or skill page, discuss and vote, review (a conflict with an edit made
 * meanwhile resolved field by field), the history of versions, following. The
 * roles are copies of MLOps Engineer of this file's own and the members its own
 * accounts, so the demo's role, its proposals and the demo accounts' unread
 * counts stay as other files read them. The skill proposals change ML
 * Deployment, which no other browser test reads, and only reject on MLflow.
 */

const SCREENSHOTS = path.resolve(import.meta.dirname, "../.tmp/screenshots");

const TEXTS = {
  en: { proposals: enProposals, suggest: enSuggest, role: enRole, roleForm: enRoleForm, shared: enShared, locale: "en-US" },
  es: { proposals: esProposals, suggest: esSuggest, role: esRole, roleForm: esRoleForm, shared: esShared, locale: "es-ES" },
} as const;
type Lang = keyof typeof TEXTS;

/** A text with its {{placeholders}} filled in, as the app's i18n does. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? `{{${key}}}`));
}

/** "Ideal profile · Openness · High", as the diff and the review name the band's top. */
function opennessHighPath(lang: Lang): string {
  const { proposals, shared } = TEXTS[lang];
  return [proposals.paths.fields.idealProfile, shared.traits.openness, proposals.paths.fields.high].join(proposals.paths.separator);
}

/** Every English text of these pages that Spanish says otherwise, as a pattern of the whole text (placeholders stand for anything). */
function englishLeftovers(): RegExp[] {
  const patterns: RegExp[] = [];
  const walk = (en: unknown, es: unknown) => {
    if (typeof en === "string") {
      // Texts that are only placeholders and signs ("{{field}}", "+1") read the same in both languages.
      if (en === es || en.replace(/\{\{\w+\}\}/g, "").replace(/[^A-Za-z]/g, "").length < 3) return;
      const escaped = en.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\{\\\{\w+\\\}\\\}/g, ".+");
      patterns.push(new RegExp(`^${escaped}$`));
      return;
    }
    if (typeof en === "object" && en !== null && typeof es === "object" && es !== null) {
      for (const [key, value] of Object.entries(en)) walk(value, (es as Record<string, unknown>)[key]);
    }
  };
  for (const area of ["proposals", "suggest", "roleForm"] as const) walk(TEXTS.en[area], TEXTS.es[area]);
  return patterns;
}

/** No heading, button, label, legend or table header of the Spanish page is left in English. */
async function expectNoEnglish(page: Page): Promise<void> {
  await expect(page.locator("html").getAttribute("lang")).resolves.toBe("es");
  const texts = await page
    .locator("main :is(h1, h2, h3, h4, button, label, legend, th, caption, summary, dt), header nav a")
    .evaluateAll((elements) => elements.map((element) => (element.textContent ?? "").replace(/\s+/g, " ").trim()));
  expect(texts.length).toBeGreaterThan(0);
  const patterns = englishLeftovers();
  const english = texts.filter((text) => patterns.some((pattern) => pattern.test(text)));
  expect(english, `English texts on ${page.url()}`).toEqual([]);
}

/** Axe on the page as it is, and in Spanish no English left. */
async function check(page: Page, lang: Lang): Promise<void> {
  await expectAccessible(page);
  if (lang === "es") await expectNoEnglish(page);
}

/** The whole page at a desktop's and at a phone's width, for a person to look at. */
async function screenshots(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, `proposals-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(size);
}

/** The notice the page shows after an act, in the page's language. */
async function notice(page: Page, text: string): Promise<void> {
  await page.getByRole("status").filter({ hasText: text }).waitFor();
}

async function openRolePage(page: Page, baseURL: string, role: OwnRole, lang: Lang): Promise<void> {
  await page.goto(`${baseURL}/roles/${role.slug}`);
  await page.getByRole("heading", { level: 1, name: role.name }).waitFor();
  await hydrated(page);
  await check(page, lang);
}

/** From the role page, "Suggest a change": the member's edit of the form, a title and why; back on the new proposal. */
async function suggestRoleChange(
  page: Page,
  baseURL: string,
  lang: Lang,
  role: OwnRole,
  proposal: { title: string; why: string; edit: (page: Page) => Promise<void> },
): Promise<void> {
  const { suggest } = TEXTS[lang];
  await openRolePage(page, baseURL, role, lang);
  await page.getByRole("link", { name: suggest.page.suggest, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: fill(suggest.title, { name: role.name }) }).waitFor();
  await hydrated(page);
  await check(page, lang);
  await proposal.edit(page);
  await page.getByLabel(suggest.fields.title, { exact: true }).fill(proposal.title);
  await page.getByLabel(suggest.fields.rationale, { exact: true }).fill(proposal.why);
  await page.getByRole("button", { name: suggest.submit, exact: true }).click();
  await page.waitForURL(/\/proposals\/\d+$/);
  await page.getByRole("heading", { level: 1, name: proposal.title }).waitFor();
}

/** The band's top typed into the form's Openness row, as the member reads its label. */
function setOpennessHigh(lang: Lang, value: number): (page: Page) => Promise<void> {
  const { shared, role } = TEXTS[lang];
  return async (page) => {
    await page.getByLabel(`${shared.traits.openness}: ${role.columns.high}`, { exact: true }).fill(String(value));
  };
}

/** The member's way to a proposal: the list on /proposals, its title. */
async function openProposal(page: Page, baseURL: string, lang: Lang, title: string): Promise<void> {
  await page.goto(`${baseURL}/proposals`);
  await page.getByRole("heading", { level: 1, name: TEXTS[lang].proposals.title }).waitFor();
  await page.getByRole("link", { name: title, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await hydrated(page);
  await check(page, lang);
}

async function voteFor(page: Page, lang: Lang): Promise<void> {
  const { proposals } = TEXTS[lang];
  await page.getByRole("button", { name: proposals.votes.upLabel, exact: true }).click();
  await notice(page, proposals.detail.notices.voted);
}

async function comment(page: Page, lang: Lang, body: string): Promise<void> {
  const { proposals } = TEXTS[lang];
  await page.getByLabel(proposals.comments.body, { exact: true }).fill(body);
  await page.getByRole("button", { name: proposals.comments.send, exact: true }).click();
  await notice(page, proposals.detail.notices.commented);
  await page.locator(".comment-list .plain-text").filter({ hasText: body }).waitFor();
}

/** A recruiter's direct edit of the band's top on /roles/:slug/edit (a version of its own). */
async function editOpennessHigh(page: Page, baseURL: string, lang: Lang, role: OwnRole, value: number): Promise<void> {
  const { role: roleTexts, roleForm } = TEXTS[lang];
  await openRolePage(page, baseURL, role, lang);
  await page.getByRole("link", { name: roleTexts.edit, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: fill(roleForm.editTitle, { name: role.name }) }).waitFor();
  await hydrated(page);
  await setOpennessHigh(lang, value)(page);
  await page.getByRole("button", { name: roleForm.save, exact: true }).click();
  await notice(page, roleForm.saved);
  expect(new URL(page.url()).pathname).toBe(`/roles/${role.slug}`);
}

/**
 * The recruiter opens the proposal from the role page's count, sees the band's
 * conflict (base, now, proposed), is refused without a choice, keeps the
 * proposed value and accepts.
 */
async function resolveAndAccept(
  page: Page,
  baseURL: string,
  lang: Lang,
  role: OwnRole,
  title: string,
  band: { base: number; current: number; proposed: number },
): Promise<void> {
  const { proposals, suggest } = TEXTS[lang];
  await openRolePage(page, baseURL, role, lang);
  await page
    .getByTestId("open-proposals")
    .getByRole("link", { name: fill(suggest.page.openCount_one, { count: 1 }) })
    .click();
  await page.getByRole("link", { name: title, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await hydrated(page);
  await check(page, lang);

  const conflict = page.locator("fieldset.conflict");
  await expect(conflict.count()).resolves.toBe(1);
  await expect(conflict.locator("legend").textContent()).resolves.toBe(opennessHighPath(lang));
  const values = await conflict.locator("dt, dd").allTextContents();
  expect(values).toEqual([
    fill(proposals.review.base, { version: 1 }),
    String(band.base),
    proposals.review.currentValue,
    String(band.current),
    proposals.review.proposed,
    String(band.proposed),
  ]);
  await screenshots(page, `conflict-${lang}`);

  // Without a choice the browser keeps the form: the proposal stays open and the choice says what it misses.
  const accept = page.getByRole("button", { name: proposals.review.accept, exact: true });
  await accept.click();
  const keepProposed = page.getByLabel(proposals.review.keepProposed, { exact: true });
  await expect(keepProposed.evaluate((radio: HTMLInputElement) => radio.validity.valueMissing)).resolves.toBe(true);
  await expect(keepProposed.evaluate((radio: HTMLInputElement) => radio.validationMessage)).resolves.not.toBe("");
  await expect(page.locator("h1 .proposal-status").textContent()).resolves.toBe(proposals.status.open);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await expect(page.locator("h1 .proposal-status").textContent()).resolves.toBe(proposals.status.open);
  await hydrated(page);

  await keepProposed.check();
  await accept.click();
  await notice(page, proposals.detail.notices.accepted);
  await expect(page.locator("h1 .proposal-status").textContent()).resolves.toBe(proposals.status.accepted);
  await page.getByText(fill(proposals.detail.applied, { version: 3 })).waitFor();
  await expect(page.locator("fieldset.conflict").count()).resolves.toBe(0);
  await check(page, lang);
}

/**
 * The role's history: three versions (the library's, the recruiter's edit, the
 * accepted proposal linked), the newest change shown by default, and any two
 * compared.
 */
async function expectRoleHistory(
  page: Page,
  baseURL: string,
  lang: Lang,
  role: OwnRole,
  made: { title: string; recruiter: OwnUser; band: { base: number; current: number; proposed: number } },
): Promise<void> {
  const { proposals, suggest } = TEXTS[lang];
  await openRolePage(page, baseURL, role, lang);
  await page.getByRole("link", { name: suggest.page.history, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: fill(proposals.versions.title, { name: role.name }) }).waitFor();
  await hydrated(page);
  await check(page, lang);
  const rows = page
    .locator("table")
    .filter({ has: page.locator("caption", { hasText: proposals.versions.caption }) })
    .locator("tbody tr");
  await expect(rows.locator("th").allTextContents()).resolves.toEqual(["3", "2", "1"]);
  await expect(rows.nth(0).locator("td").nth(2).textContent()).resolves.toBe(`${proposals.versions.source.proposal}: ${made.title}`);
  await expect(rows.nth(0).getByRole("link", { name: made.title, exact: true }).count()).resolves.toBe(1);
  await expect(rows.nth(1).locator("td").nth(1).textContent()).resolves.toBe(made.recruiter.name);
  await expect(rows.nth(1).locator("td").nth(2).textContent()).resolves.toBe(proposals.versions.source.edit);
  await expect(rows.nth(2).locator("td").nth(2).textContent()).resolves.toBe(proposals.versions.source.library);

  // By default the newest version against the one before: the edit's 90 became the proposal's 80.
  await page.getByRole("heading", { level: 3, name: fill(proposals.versions.diffTitle, { from: 2, to: 3 }) }).waitFor();
  const change = page.locator(".diff-change").filter({ has: page.getByRole("heading", { level: 4, name: opennessHighPath(lang) }) });
  await expect(change.locator(".diff-side .plain-text").allTextContents()).resolves.toEqual([
    String(made.band.current),
    String(made.band.proposed),
  ]);
  await screenshots(page, `history-${lang}`);

  await page.getByLabel(proposals.versions.from, { exact: true }).selectOption("1");
  await page.getByLabel(proposals.versions.to, { exact: true }).selectOption("3");
  await page.getByRole("button", { name: proposals.versions.show, exact: true }).click();
  await page.getByRole("heading", { level: 3, name: fill(proposals.versions.diffTitle, { from: 1, to: 3 }) }).waitFor();
  expect(new URL(page.url()).search).toBe("?from=1&to=3");
  await expect(change.locator(".diff-side .plain-text").allTextContents()).resolves.toEqual([
    String(made.band.base),
    String(made.band.proposed),
  ]);
  // The band chart and its table, before and after.
  await expect(page.locator(".band-change tbody th").allTextContents()).resolves.toEqual([TEXTS[lang].shared.traits.openness]);
  await check(page, lang);
}

/** The band as the role page's ideal profile shows it now. */
async function expectOpennessBand(page: Page, baseURL: string, lang: Lang, role: OwnRole, band: { low: number; high: number }) {
  await openRolePage(page, baseURL, role, lang);
  const cells = page.locator("[data-testid=ideal-profile-table] tr[data-trait=openness] td");
  await expect(cells.nth(0).textContent()).resolves.toBe(String(band.low));
  await expect(cells.nth(1).textContent()).resolves.toBe(String(band.high));
}

describe("change proposals", () => {
  const { browser, baseURL } = useBrowser();
  const { signedInPage } = usePages(browser, baseURL);
  const testData = useTestData("Proposals");
  let recruiter: OwnUser;
  let author: OwnUser;
  let voter: OwnUser;

  beforeAll(async () => {
    recruiter = await createOwnUser(testData(), "recruiter");
    author = await createOwnUser(testData(), "interviewer");
    voter = await createOwnUser(testData(), "interviewer");
  });

  /** A copy of MLOps Engineer whose bands the author may see and change: their scorecard on one of its assessments is in. */
  async function roleTheAuthorInterviewedFor(): Promise<OwnRole> {
    const role = await createOwnRole(testData());
    const kit = await createOwnKit(testData(), role.slug);
    await createSubmittedPanel(testData(), { role, kit }, [author]);
    return role;
  }

  const member = (who: OwnUser, lang: Lang, options: PageOptions = {}) =>
    signedInPage(who.email, { locale: TEXTS[lang].locale, ...options });

  it("takes a band change from suggestion through discussion and a conflicting edit to acceptance and the history", async () => {
    const role = await roleTheAuthorInterviewedFor();
    const title = testData().unique("Lower the top of Openness");
    const band = { base: 85, current: 90, proposed: 80 };
    const { proposals, suggest } = TEXTS.en;

    // The second interviewer follows the role before anything is proposed on it.
    const voterPage = await member(voter, "en");
    await openRolePage(voterPage, baseURL, role, "en");
    await expect(voterPage.getByTestId("open-proposals").textContent()).resolves.toBe(fill(suggest.page.none, { name: role.name }));
    await voterPage.getByRole("button", { name: fill(suggest.page.followLabel, { name: role.name }), exact: true }).click();
    await voterPage.getByRole("button", { name: fill(suggest.page.unfollowLabel, { name: role.name }), exact: true }).waitFor();
    expect(new URL(voterPage.url()).pathname).toBe(`/roles/${role.slug}`);
    await check(voterPage, "en");

    // The author, whose scorecard on the role is in, sees the bands in the form and lowers Openness's top.
    const authorPage = await member(author, "en");
    await suggestRoleChange(authorPage, baseURL, "en", role, {
      title,
      why: "Our MLOps hires who scored above 80 on Openness left within a year.\nThe work rewards steadiness.",
      edit: setOpennessHigh("en", band.proposed),
    });
    await check(authorPage, "en");
    const change = authorPage
      .locator(".diff-change")
      .filter({ has: authorPage.getByRole("heading", { level: 3, name: opennessHighPath("en") }) });
    await expect(change.locator(".diff-side-label").allTextContents()).resolves.toEqual([proposals.diff.before, proposals.diff.after]);
    await expect(change.locator(".diff-side .plain-text").allTextContents()).resolves.toEqual(["85", "80"]);
    // The changed band drawn before and after, with its table.
    const bandChange = authorPage.locator(".band-change");
    await expect(bandChange.locator("figcaption").allTextContents()).resolves.toEqual([
      proposals.diff.bandsBefore,
      proposals.diff.bandsAfter,
    ]);
    await expect(bandChange.locator("figure .chart-canvas svg").first().isVisible()).resolves.toBe(true);
    await expect(bandChange.locator("figure .chart-canvas").count()).resolves.toBe(2);
    const bandRow = bandChange.locator("tbody tr");
    await expect(bandRow.locator("th").allTextContents()).resolves.toEqual(["Openness"]);
    await expect(bandRow.locator("td").allTextContents()).resolves.toEqual([
      expect.stringMatching(/^65–85, weight \d+$/),
      expect.stringMatching(/^65–80, weight \d+$/),
    ]);
    // Its rationale keeps the line break, as text.
    await expect(authorPage.locator("#rationale-title + .plain-text").innerText()).resolves.toContain("within a year.\nThe work");

    // The follower's menu counts the new proposal; the list says what happened since the last visit.
    await voterPage.reload();
    const voterMenu = voterPage.getByRole("link", { name: fill(enShared.app.nav.proposalsUnread, { count: 1 }), exact: true });
    await voterMenu.click();
    await voterPage.getByRole("heading", { level: 1, name: proposals.title }).waitFor();
    await voterPage
      .getByRole("link", { name: fill(proposals.news.proposed, { actor: author.name, title, target: role.name }), exact: true })
      .waitFor();
    await expect(voterPage.locator(".following-list").getByRole("link", { name: role.name, exact: true }).count()).resolves.toBe(1);
    await check(voterPage, "en");
    await screenshots(voterPage, "list-en");
    await openProposal(voterPage, baseURL, "en", title);
    await voteFor(voterPage, "en");
    await expect(voterPage.locator(".vote-tally").textContent()).resolves.toBe(fill(proposals.votes.tally, { up: 1, down: 0, score: 1 }));
    await expect(voterPage.getByRole("button", { name: proposals.votes.upLabel, exact: true }).getAttribute("aria-pressed")).resolves.toBe(
      "true",
    );
    await comment(voterPage, "en", "Agreed: the two who left were both bored by the on-call rota.\n<b>Not bold</b>");
    // Plain text: the markup shows as typed.
    await expect(voterPage.locator(".comment-list b").count()).resolves.toBe(0);
    await check(voterPage, "en");

    // The author hears of the comment in the menu and in "Since your last visit"; the visit reads it.
    await authorPage.goto(`${baseURL}/roles`);
    await authorPage.getByRole("link", { name: fill(enShared.app.nav.proposalsUnread, { count: 1 }), exact: true }).click();
    await authorPage.getByRole("heading", { level: 1, name: proposals.title }).waitFor();
    await authorPage
      .getByRole("link", { name: fill(proposals.news.commented, { actor: voter.name, title, target: role.name }), exact: true })
      .waitFor();
    await check(authorPage, "en");
    await authorPage.goto(`${baseURL}/roles`);
    await authorPage.getByRole("link", { name: enShared.app.nav.proposals, exact: true }).waitFor();

    // The recruiter edits the same band meanwhile, then reviews.
    const recruiterPage = await member(recruiter, "en");
    await editOpennessHigh(recruiterPage, baseURL, "en", role, band.current);
    await resolveAndAccept(recruiterPage, baseURL, "en", role, title, band);
    await expectRoleHistory(recruiterPage, baseURL, "en", role, { title, recruiter, band });
    await expectOpennessBand(recruiterPage, baseURL, "en", role, { low: 65, high: band.proposed });
    await expect(recruiterPage.getByTestId("open-proposals").textContent()).resolves.toBe(fill(suggest.page.none, { name: role.name }));
  });

  it("takes a skill profile proposal to acceptance, and rejects another only with a reason", async () => {
    const { proposals, suggest } = TEXTS.en;
    const accepted = testData().unique("Data Scientists deploy from the start");
    const rejected = testData().unique("Say what tracking means");

    // A member makes an expectation of ML Deployment mandatory.
    const voterPage = await member(voter, "en");
    await voterPage.goto(`${baseURL}/skills/ml-deployment`);
    await voterPage.getByRole("heading", { level: 1, name: "ML Deployment" }).waitFor();
    await check(voterPage, "en");
    await voterPage.getByRole("link", { name: suggest.page.suggest, exact: true }).click();
    await voterPage.getByRole("heading", { level: 1, name: fill(suggest.title, { name: "ML Deployment" }) }).waitFor();
    await hydrated(voterPage);
    await check(voterPage, "en");
    const first = voterPage.getByRole("group", { name: fill(suggest.skillForm.row, { number: 1 }), exact: true });
    const mandatory = first.getByLabel(suggest.skillForm.mandatory, { exact: true });
    const wasMandatory = await mandatory.isChecked();
    await mandatory.setChecked(!wasMandatory);
    await voterPage.getByLabel(suggest.fields.title, { exact: true }).fill(accepted);
    await voterPage.getByLabel(suggest.fields.rationale, { exact: true }).fill("Every model we ship passes through them.");
    await voterPage.getByRole("button", { name: suggest.submit, exact: true }).click();
    await voterPage.waitForURL(/\/proposals\/\d+$/);
    await voterPage.getByRole("heading", { level: 1, name: accepted }).waitFor();
    await check(voterPage, "en");
    // The expectation as the profile writes it: removed as it was, added as proposed.
    const change = voterPage.locator(".diff-change");
    await expect(change.count()).resolves.toBe(1);
    await expect(change.locator("h3").textContent()).resolves.toBe(
      `${proposals.paths.fields.expectations} (${fill(proposals.diff.atPosition, { position: 1 })})`,
    );
    const flag = (on: boolean) => (on ? proposals.diff.mandatory : proposals.diff.optional);
    await expect(change.locator(".diff-side-label").allTextContents()).resolves.toEqual([proposals.diff.removed, proposals.diff.added]);
    await expect(change.locator(".diff-side .plain-text").allTextContents()).resolves.toEqual([
      expect.stringMatching(new RegExp(`^• Data Scientist · Junior · ${flag(wasMandatory)} · `)),
      expect.stringMatching(new RegExp(`^• Data Scientist · Junior · ${flag(!wasMandatory)} · `)),
    ]);

    // Another suggests new wording of MLflow's first expectation.
    const authorPage = await member(author, "en");
    await authorPage.goto(`${baseURL}/skills/mlflow`);
    await authorPage.getByRole("heading", { level: 1, name: "MLflow" }).waitFor();
    await authorPage.getByRole("link", { name: suggest.page.suggest, exact: true }).click();
    await authorPage.getByRole("heading", { level: 1, name: fill(suggest.title, { name: "MLflow" }) }).waitFor();
    await hydrated(authorPage);
    const description = authorPage
      .getByRole("group", { name: fill(suggest.skillForm.row, { number: 1 }), exact: true })
      .getByLabel(suggest.skillForm.descriptionEn, { exact: true });
    await description.fill(`${await description.inputValue()} Logs every run's parameters.`);
    await authorPage.getByLabel(suggest.fields.title, { exact: true }).fill(rejected);
    await authorPage.getByLabel(suggest.fields.rationale, { exact: true }).fill("Juniors read it as optional.");
    await authorPage.getByRole("button", { name: suggest.submit, exact: true }).click();
    await authorPage.getByRole("heading", { level: 1, name: rejected }).waitFor();
    await check(authorPage, "en");

    // The recruiter accepts the first: ML Deployment has a version made by it.
    const recruiterPage = await member(recruiter, "en");
    await openProposal(recruiterPage, baseURL, "en", accepted);
    await expect(recruiterPage.locator("fieldset.conflict").count()).resolves.toBe(0);
    await recruiterPage.getByRole("button", { name: proposals.review.accept, exact: true }).click();
    await notice(recruiterPage, proposals.detail.notices.accepted);
    await expect(recruiterPage.locator("h1 .proposal-status").textContent()).resolves.toBe(proposals.status.accepted);
    await check(recruiterPage, "en");
    await recruiterPage.goto(`${baseURL}/skills/ml-deployment`);
    await recruiterPage.getByRole("heading", { level: 1, name: "ML Deployment" }).waitFor();
    await recruiterPage.getByRole("link", { name: suggest.page.edit, exact: true }).waitFor();
    await recruiterPage.getByRole("link", { name: suggest.page.history, exact: true }).click();
    await recruiterPage.getByRole("heading", { level: 1, name: fill(proposals.versions.title, { name: "ML Deployment" }) }).waitFor();
    await check(recruiterPage, "en");
    const rows = recruiterPage.locator(".profile-history table tbody tr");
    await expect(rows.locator("th").allTextContents()).resolves.toEqual(["2", "1"]);
    await expect(rows.nth(0).locator("td").nth(1).textContent()).resolves.toBe(recruiter.name);
    await expect(rows.nth(0).locator("td").nth(2).textContent()).resolves.toBe(`${proposals.versions.source.proposal}: ${accepted}`);
    await recruiterPage.getByRole("heading", { level: 3, name: fill(proposals.versions.diffTitle, { from: 1, to: 2 }) }).waitFor();

    // The second is rejected: first without a reason (refused, the message by the field), then with one.
    await openProposal(recruiterPage, baseURL, "en", rejected);
    const reject = recruiterPage.getByRole("button", { name: proposals.review.reject, exact: true });
    await reject.click();
    await recruiterPage.locator("#reject-reason-error").getByText(proposals.errors.reasonRequired).waitFor();
    const reason = recruiterPage.getByLabel(proposals.review.reason, { exact: true });
    await expect(reason.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(recruiterPage.locator("h1 .proposal-status").textContent()).resolves.toBe(proposals.status.open);
    await check(recruiterPage, "en");
    await reason.fill("The level descriptions say what is expected, not how it is done.");
    await reject.click();
    await notice(recruiterPage, proposals.detail.notices.rejected);
    await expect(recruiterPage.locator("h1 .proposal-status").textContent()).resolves.toBe(proposals.status.rejected);
    await recruiterPage
      .locator(".status-history")
      .getByText(fill(proposals.history.reason, { reason: "The level descriptions say what is expected, not how it is done." }))
      .waitFor();
    await check(recruiterPage, "en");

    // MLflow keeps its versions: none made by the rejected proposal.
    await recruiterPage.goto(`${baseURL}/skills/mlflow/history`);
    await recruiterPage.getByRole("heading", { level: 1, name: fill(proposals.versions.title, { name: "MLflow" }) }).waitFor();
    await check(recruiterPage, "en");
    const mlflowVersions = await recruiterPage.locator(".profile-history table tbody tr td:last-child").allTextContents();
    expect(mlflowVersions.length).toBeGreaterThan(0);
    expect(mlflowVersions.some((text) => text.includes(rejected))).toBe(false);
  });

  it("runs the loop in Spanish: suggest, comment, resolve the conflict and accept, with no English left", async () => {
    const role = await roleTheAuthorInterviewedFor();
    const title = testData().unique("Bajar el máximo de Apertura");
    const band = { base: 85, current: 88, proposed: 78 };

    const authorPage = await member(author, "es");
    await suggestRoleChange(authorPage, baseURL, "es", role, {
      title,
      why: "Los perfiles con más apertura se aburrieron con las guardias.",
      edit: setOpennessHigh("es", band.proposed),
    });
    await check(authorPage, "es");
    await expect(authorPage.locator(".band-change tbody tr th").allTextContents()).resolves.toEqual(["Apertura"]);

    const voterPage = await member(voter, "es");
    await openProposal(voterPage, baseURL, "es", title);
    await voteFor(voterPage, "es");
    await comment(voterPage, "es", "De acuerdo: lo vimos en las dos últimas contrataciones.");
    await check(voterPage, "es");
    await voterPage.goto(`${baseURL}/proposals`);
    await voterPage.getByRole("heading", { level: 1, name: esProposals.title }).waitFor();
    await check(voterPage, "es");
    await screenshots(voterPage, "list-es");

    const recruiterPage = await member(recruiter, "es");
    await editOpennessHigh(recruiterPage, baseURL, "es", role, band.current);
    await resolveAndAccept(recruiterPage, baseURL, "es", role, title, band);
    await expectRoleHistory(recruiterPage, baseURL, "es", role, { title, recruiter, band });
    await expectOpennessBand(recruiterPage, baseURL, "es", role, { low: 65, high: band.proposed });
  });

  it("votes and comments without JavaScript", async () => {
    const role = await createOwnRole(testData());
    const title = testData().unique("Name the role for what it runs");
    const { proposals, roleForm } = TEXTS.en;
    const authorPage = await member(author, "en");
    await suggestRoleChange(authorPage, baseURL, "en", role, {
      title,
      why: "Candidates search for platform work.",
      edit: async (page) => {
        await page.getByLabel(roleForm.name, { exact: true }).fill(`${role.name} (ML platform)`);
      },
    });

    const plain = await member(voter, "en", { javaScriptEnabled: false });
    await plain.goto(`${baseURL}/proposals`);
    await plain.getByRole("link", { name: title, exact: true }).click();
    await plain.getByRole("heading", { level: 1, name: title }).waitFor();
    await expectAccessible(plain, { javaScriptEnabled: false });
    const tally = plain.locator(".vote-tally");
    await plain.getByRole("button", { name: proposals.votes.downLabel, exact: true }).click();
    await notice(plain, proposals.detail.notices.voted);
    await expect(tally.textContent()).resolves.toBe(fill(proposals.votes.tally, { up: 0, down: 1, score: -1 }));
    // Changed: still one vote, now for.
    await plain.getByRole("button", { name: proposals.votes.upLabel, exact: true }).click();
    await notice(plain, proposals.detail.notices.voted);
    await expect(tally.textContent()).resolves.toBe(fill(proposals.votes.tally, { up: 1, down: 0, score: 1 }));
    await expectAccessible(plain, { javaScriptEnabled: false });
    await plain.getByRole("button", { name: proposals.votes.withdraw, exact: true }).click();
    await notice(plain, proposals.detail.notices.voteWithdrawn);
    await expect(tally.textContent()).resolves.toBe(fill(proposals.votes.tally, { up: 0, down: 0, score: 0 }));
    await plain.getByRole("button", { name: proposals.votes.upLabel, exact: true }).click();
    await notice(plain, proposals.detail.notices.voted);

    // An empty comment is refused by the field; a written one is added, its line breaks kept.
    await plain.getByRole("button", { name: proposals.comments.send, exact: true }).click();
    await plain.locator("#comment-body-error").getByText(proposals.errors.commentRequired).waitFor();
    await expectAccessible(plain, { javaScriptEnabled: false });
    await plain.getByLabel(proposals.comments.body, { exact: true }).fill("Yes.\nThe old name reads as research.");
    await plain.getByRole("button", { name: proposals.comments.send, exact: true }).click();
    await notice(plain, proposals.detail.notices.commented);
    await expect(plain.locator(".comment-list .plain-text").innerText()).resolves.toBe("Yes.\nThe old name reads as research.");
    await expect(tally.textContent()).resolves.toBe(fill(proposals.votes.tally, { up: 1, down: 0, score: 1 }));
    await expectAccessible(plain, { javaScriptEnabled: false });
  });

  it("shows an interviewer no review and no proposals file; a recruiter both", async () => {
    const { proposals } = TEXTS.en;
    const interviewerPage = await member(voter, "en");
    await openProposal(interviewerPage, baseURL, "en", DEMO_PROPOSALS.band);
    await interviewerPage.getByRole("heading", { level: 2, name: proposals.votes.title, exact: true }).waitFor();
    await expect(interviewerPage.getByRole("heading", { name: proposals.review.title, exact: true }).count()).resolves.toBe(0);
    await expect(interviewerPage.getByRole("button", { name: proposals.review.accept, exact: true }).count()).resolves.toBe(0);
    await expect(interviewerPage.getByRole("button", { name: proposals.review.reject, exact: true }).count()).resolves.toBe(0);
    const file = await interviewerPage.goto(`${baseURL}/proposals.json`);
    // Answered as an address that does not exist: nothing of the file.
    expect(file?.status()).toBe(404);
    await expect(file?.text()).resolves.toBe("Not found");

    const recruiterPage = await member(recruiter, "en");
    await openProposal(recruiterPage, baseURL, "en", DEMO_PROPOSALS.band);
    await recruiterPage.getByRole("heading", { level: 2, name: proposals.review.title, exact: true }).waitFor();
    const recruiterFile = await recruiterPage.goto(`${baseURL}/proposals.json`);
    expect(recruiterFile?.status()).toBe(200);
    const body: unknown = await recruiterFile?.json();
    expect(body).toMatchObject({
      format: "traitkit.proposals/v1",
      proposals: expect.arrayContaining([expect.objectContaining({ status: "open" })]),
    });
  });
});
