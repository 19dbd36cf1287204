import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import en from "../../app/locales/en";
import zh from "../../app/locales/zh";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../seeds/demo-accounts";
import { DEMO_KIT } from "../../seeds/demo-kits";
import { expectAccessible, hydrated, useBrowser, usePages, type PageOptions } from "./browser";

/*
 * Issue 23's Chinese, in a browser: the whole recruiter journey once in
 * 简体中文, as a user does it. A browser asking for Chinese lands in it, another
 * chooses it with the header's switch; the recruiter reads the library, builds
 * a kit, adds a candidate and an assessment; both interviewers submit their
 * scorecards in Chinese; the recruiter reads the panel, decides and publishes
 * the report in Chinese, which the candidate's link shows. Every page visited
 * is checked at desktop and phone width: axe, no English interface text left,
 * no clipped label, chart texts inside their drawing and apart; screenshots go
 * to the OS temp folder, for a person to look at.
 */

const SCREENSHOTS = path.join(os.tmpdir(), "traitkit-chinese-screenshots");
const RECRUITER = "recruiter@demo.traitkit.test";
const INTERVIEWERS = ["interviewer1@demo.traitkit.test", "interviewer2@demo.traitkit.test"] as const;
const ZH: PageOptions = { locale: "zh-CN" };
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** "2026年12月5日", with its time and zone when it has one: "2026年12月5日 UTC 10:05". */
const CHINESE_DATE = /\d{4}年\d{1,2}月\d{1,2}日(?: [^\s\d]\S* \d{1,2}:\d{2})?/g;
const HAN = /\p{Script=Han}/u;

function accountName(email: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`${email} is not a demo account`);
  return account.name;
}

/** A text of the interface with its placeholders filled: `fill(zh.scorecard.title, { name })`. */
function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}

function leaves(texts: unknown, prefix = "", into = new Map<string, string>()): Map<string, string> {
  if (typeof texts === "object" && texts !== null) {
    for (const [key, value] of Object.entries(texts)) leaves(value, prefix === "" ? key : `${prefix}.${key}`, into);
  } else {
    into.set(prefix, String(texts));
  }
  return into;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The English interface texts a Chinese page must not show: every text whose
 * Chinese differs, as a pattern of the whole of a text on the page (its
 * placeholders matching anything), and its phrases of three words or more as
 * parts of a text (an English sentence left in a Chinese paragraph).
 */
const ENGLISH_UI = (() => {
  const chinese = leaves(zh);
  // A text some Chinese text also is reads the same in both: a language's own name ("English" in the switch).
  const sharedByChinese = new Set(chinese.values());
  const whole: { key: string; pattern: string }[] = [];
  const phrases: { key: string; phrase: string }[] = [];
  for (const [key, english] of leaves(en)) {
    if (english === chinese.get(key) || sharedByChinese.has(english) || !/[A-Za-z]{2,}/.test(english.replace(/\{\{\w+\}\}/g, ""))) continue;
    whole.push({
      key,
      pattern: `^${english
        .split(/\{\{\w+\}\}/)
        .map(escape)
        .join(".+?")}$`,
    });
    for (const part of english.split(/\{\{\w+\}\}/)) {
      const phrase = part.trim();
      if (phrase.split(/\s+/).filter((word) => /[A-Za-z]/.test(word)).length >= 3) phrases.push({ key, phrase });
    }
  }
  return { whole, phrases };
})();

/**
 * The texts a reader of the page sees or hears, outside data marked as written
 * in another language (a document's English text with its mark): each text
 * node of a shown element, each option, and each aria-label, placeholder and title.
 */
async function interfaceTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const inOtherLanguage = (element: Element) => {
      const lang = element.closest("[lang]")?.getAttribute("lang") ?? "";
      return lang !== "" && !lang.startsWith("zh");
    };
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.replace(/\s+/g, " ").trim() ?? "";
      if (!parent || text === "" || parent.closest("script, style, code, svg")) continue;
      if (inOtherLanguage(parent)) continue;
      if (parent.getClientRects().length === 0 && !parent.closest("option")) continue;
      texts.push(text);
    }
    for (const element of document.querySelectorAll("[aria-label], [placeholder], [title]")) {
      if (inOtherLanguage(element)) continue;
      for (const name of ["aria-label", "placeholder", "title"]) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

async function expectNoEnglishInterface(page: Page, name: string): Promise<void> {
  const texts = await interfaceTexts(page);
  const left: string[] = [];
  for (const text of texts) {
    for (const { key, pattern } of ENGLISH_UI.whole) if (new RegExp(pattern).test(text)) left.push(`${key}: "${text}"`);
    for (const { key, phrase } of ENGLISH_UI.phrases) if (text.includes(phrase)) left.push(`${key}: "${phrase}" in "${text}"`);
  }
  expect([...new Set(left)], `English interface texts on ${name}`).toEqual([]);
}

/**
 * What is cut or runs over: a shown button, label, header or data cell,
 * legend, navigation link or heading whose text is wider than its box (clipped
 * where its overflow hides it, running over its neighbours where it does not);
 * a chart text outside its drawing or over another chart text.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (element: Element) =>
      `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}> "${(element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40)}"`;
    const shown = (element: Element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden";
    // Text for screen readers only (.visually-hidden): a 1 px box clipped to nothing, never seen.
    const forScreenReaders = (element: Element) => {
      for (let e: Element | null = element; e; e = e.parentElement)
        if (getComputedStyle(e).clip === "rect(0px, 0px, 0px, 0px)") return true;
      return false;
    };
    /** Where the element's seen text lies: the union of its text nodes' boxes. */
    const textBox = (element: Element) => {
      let left = Infinity;
      let right = -Infinity;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement || forScreenReaders(node.parentElement) || (node.textContent ?? "").trim() === "") continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) {
          left = Math.min(left, rect.left);
          right = Math.max(right, rect.right);
        }
      }
      return { left, right };
    };
    const boxes = document.querySelectorAll("button, label, th, td, legend, nav a, h1, h2, h3, summary, .button, dt, dd");
    for (const element of boxes) {
      if (!(element instanceof HTMLElement) || !shown(element) || forScreenReaders(element)) continue;
      const style = getComputedStyle(element);
      if (style.display !== "inline" && element.scrollWidth > element.clientWidth + 1 && style.overflowX !== "visible") {
        problems.push(`clipped: ${describe(element)} (${element.scrollWidth} > ${element.clientWidth})`);
        continue;
      }
      // The text itself against the element's box: wider only when it runs over (a word that cannot break).
      const box = element.getBoundingClientRect();
      const text = textBox(element);
      if (text.right > text.left && (text.right > box.right + 1 || text.left < box.left - 1)) {
        problems.push(
          `runs over: ${describe(element)} (text ${Math.round(text.left)}–${Math.round(text.right)}, box ${Math.round(box.left)}–${Math.round(box.right)})`,
        );
      }
    }
    for (const svg of document.querySelectorAll("svg.recharts-surface")) {
      if (!shown(svg)) continue;
      const frame = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll("text")]
        .filter((text) => (text.textContent ?? "").trim() !== "" && shown(text))
        .map((text) => ({ text: (text.textContent ?? "").trim(), box: text.getBoundingClientRect() }));
      for (const { text, box } of texts) {
        if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1) {
          problems.push(`chart text outside its drawing: "${text}"`);
        }
      }
      texts.forEach((a, i) => {
        for (const b of texts.slice(i + 1)) {
          const width = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const height = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (width > 1 && height > 1) problems.push(`chart texts overlap: "${a.text}" and "${b.text}"`);
        }
      });
    }
    return problems;
  });
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Everything the issue asks of a Chinese page: in Chinese (lang, a Chinese
 * main heading, no English interface text), axe clean, and nothing clipped or
 * overlapping at desktop and at phone width; a screenshot of each.
 */
async function expectChinesePage(page: Page, name: string, options: { javaScriptEnabled?: boolean } = {}): Promise<void> {
  await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
  // The main heading may be data (a role's name): a heading of the page's own is Chinese.
  await expect(page.locator("h1, h2").allInnerTexts()).resolves.toSatisfy((headings: string[]) => headings.some((h) => HAN.test(h)));
  await expectNoEnglishInterface(page, name);
  await expectAccessible(page, options);
  for (const [width, viewport] of [
    ["1280", DESKTOP],
    ["390", PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await screenshot(page, `${name}-${width}`);
    expect(await layoutProblems(page), `layout of ${name} at ${width} px`).toEqual([]);
  }
  await page.setViewportSize(DESKTOP);
}

/** The dates of the page as the server wrote them and as the hydrated page shows them: Chinese, and the same. */
async function expectChineseDatesHydrateUnchanged(page: Page): Promise<void> {
  await hydrated(page);
  const served = await (await page.request.get(page.url(), { headers: { "Accept-Language": "zh-CN" } })).text();
  const fromServer = served.replace(/<[^>]+>/g, " ").match(CHINESE_DATE) ?? [];
  expect(fromServer.length).toBeGreaterThan(0);
  expect((await page.locator("main").innerText()).match(CHINESE_DATE) ?? []).toEqual(fromServer);
}

/** Signs in as a Chinese reader does: the sign-in page's Chinese labels, then the header's "已登录：". */
async function signInInChinese(page: Page, baseURL: string, email: string): Promise<void> {
  await page.goto(`${baseURL}/login`);
  await page.getByRole("heading", { level: 1, name: zh.auth.signInTitle }).waitFor();
  await page.getByLabel(zh.auth.email, { exact: true }).fill(email);
  await page.getByLabel(zh.auth.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: zh.auth.signIn, exact: true }).click();
  await page.getByText(new RegExp(`^${escape(zh.auth.signedInAs.replace(/\{\{name\}\}.*/, ""))}`)).waitFor();
}

describe("the recruiter's journey in Chinese", () => {
  const { browser, baseURL } = useBrowser();
  const { newPage } = usePages(browser, baseURL);
  const chinesePage = async (email: string): Promise<Page> => {
    const page = await newPage(ZH);
    await signInInChinese(page, baseURL, email);
    return page;
  };
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const journey: { kitName: string; kitUrl?: string; candidate: { name: string; email: string }; assessmentId?: number } = {
    kitName: `高级面试小组 ${stamp}`,
    candidate: { name: `李华 ${stamp}`, email: `li.hua.${stamp}@example.com` },
  };
  const assessmentId = (): number => {
    if (journey.assessmentId === undefined) throw new Error("The journey made no assessment yet");
    return journey.assessmentId;
  };

  it("lands a browser asking for Chinese in Chinese: the sign-in page, then the role library", async () => {
    const page = await newPage(ZH);
    await page.goto(`${baseURL}/login`);
    await page.getByRole("heading", { level: 1, name: zh.auth.signInTitle }).waitFor();
    await hydrated(page);
    await expectChinesePage(page, "01-login");
    await page.getByLabel(zh.auth.email, { exact: true }).fill(RECRUITER);
    await page.getByLabel(zh.auth.password, { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: zh.auth.signIn, exact: true }).click();
    await page.getByText(fill(zh.auth.signedInAs, { name: accountName(RECRUITER), role: zh.auth.roleNames.recruiter })).waitFor();
    await page.getByRole("heading", { level: 1, name: zh.roles.title }).waitFor();
    await expectChinesePage(page, "02-roles");
  });

  it("switches an English browser to 简体中文 with the header's switch, with and without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await newPage({ javaScriptEnabled });
      await signInInEnglish(page);
      await page.goto(`${baseURL}/candidates`);
      if (javaScriptEnabled) await hydrated(page);
      await page.getByLabel(en.app.language.label, { exact: true }).selectOption("zh-CN");
      if (!javaScriptEnabled) await page.getByRole("button", { name: en.app.language.switch, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: zh.candidates.title }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/candidates");
      await expectChinesePage(page, `03-candidates-switched${javaScriptEnabled ? "" : "-nojs"}`, { javaScriptEnabled });
    }

    async function signInInEnglish(page: Page): Promise<void> {
      await page.goto(`${baseURL}/login`);
      await page.getByLabel(en.auth.email, { exact: true }).fill(RECRUITER);
      await page.getByLabel(en.auth.password, { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: en.auth.signIn, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: en.roles.title }).waitFor();
    }
  });

  it("reads a role and builds a kit for it at Senior, and its print view", async () => {
    const page = await chinesePage(RECRUITER);
    await page.locator(`main a[href="/roles/${DEMO_KIT.role}"]`).first().click();
    await page.waitForURL(`${baseURL}/roles/${DEMO_KIT.role}`);
    await hydrated(page);
    await expectChinesePage(page, "04-role");

    await page.getByRole("navigation", { name: zh.app.nav.main }).getByRole("link", { name: zh.kits.nav }).click();
    await page.getByRole("heading", { level: 1, name: zh.kits.title }).waitFor();
    await hydrated(page);
    await expectChinesePage(page, "05-kits");
    await page.getByLabel(zh.kits.role, { exact: true }).selectOption(DEMO_KIT.role);
    await page.getByLabel(zh.kits.level, { exact: true }).selectOption("senior");
    await page.getByRole("button", { name: zh.kits.start }).click();
    await page.getByRole("heading", { level: 1, name: zh.kits.builder.newTitle }).waitFor();
    await hydrated(page);
    await page.getByLabel(zh.kits.builder.name, { exact: true }).fill(journey.kitName);
    await expectChinesePage(page, "06-kit-builder");
    await page.getByRole("button", { name: zh.kits.builder.save }).click();
    await page.getByRole("heading", { level: 1, name: journey.kitName }).waitFor();
    await page.getByRole("status").filter({ hasText: zh.kits.detail.saved.created }).waitFor();
    journey.kitUrl = page.url();
    await expectChinesePage(page, "07-kit");
    await expectChineseDatesHydrateUnchanged(page);

    await page.getByRole("link", { name: zh.kits.detail.print }).first().click();
    await page.getByRole("heading", { level: 1, name: journey.kitName }).waitFor();
    await expectChinesePage(page, "08-kit-print");
  });

  it("adds a candidate and an assessment of the kit with two interviewers", async () => {
    const page = await chinesePage(RECRUITER);
    await page.goto(`${baseURL}/candidates`);
    await page.getByRole("link", { name: zh.candidates.add }).click();
    await page.getByRole("heading", { level: 1, name: zh.candidates.form.newTitle }).waitFor();
    await hydrated(page);
    await page.getByLabel(zh.candidates.form.name, { exact: true }).fill(journey.candidate.name);
    await page.getByLabel(zh.candidates.form.email, { exact: true }).fill(journey.candidate.email);
    await page.getByLabel(zh.candidates.form.role, { exact: true }).selectOption(DEMO_KIT.role);
    await expectChinesePage(page, "09-candidate-new");
    await page.getByRole("button", { name: zh.candidates.form.create }).click();
    await page.getByRole("heading", { level: 1, name: journey.candidate.name }).waitFor();
    await hydrated(page);

    const kits = page.getByLabel(zh.candidates.newAssessment.kit, { exact: true });
    const option = (await kits.locator("option").allTextContents()).find((text) => text.startsWith(`${journey.kitName}（v1）`));
    if (!option) throw new Error(`No option for the kit ${journey.kitName}`);
    await kits.selectOption({ label: option });
    const interviewers = page.getByRole("group", { name: zh.candidates.newAssessment.interviewers });
    for (const email of INTERVIEWERS) await interviewers.getByLabel(accountName(email)).check();
    await expectChinesePage(page, "10-candidate");
    await page.getByRole("button", { name: zh.candidates.newAssessment.create }).click();
    await page.waitForURL(/\/assessments\/\d+$/);
    journey.assessmentId = Number(new URL(page.url()).pathname.split("/")[2]);
    await page.getByRole("heading", { level: 1, name: fill(zh.assessments.title, { name: journey.candidate.name }) }).waitFor();
    await hydrated(page);
    await expectChinesePage(page, "11-assessment-new");
  });

  it("has each interviewer, reading Chinese too, fill and submit a scorecard", async () => {
    for (const [i, email] of INTERVIEWERS.entries()) {
      const page = await chinesePage(email);
      await page.goto(`${baseURL}/assessments/${assessmentId()}/scorecard`);
      await page.getByRole("heading", { level: 1, name: fill(zh.scorecard.title, { name: journey.candidate.name }) }).waitFor();
      await hydrated(page);
      if (i === 0) await expectChinesePage(page, "12-scorecard");
      const question = new RegExp(
        `^${zh.scorecard.question
          .split(/\{\{\w+\}\}/)
          .map(escape)
          .join("\\d+")}$`,
      );
      const regions = page.getByRole("region", { name: question });
      const count = await regions.count();
      expect(count).toBeGreaterThan(0);
      for (let q = 0; q < count; q += 1) {
        const groups = regions.nth(q).locator("fieldset.rating-group");
        for (let g = 0; g < (await groups.count()); g += 1) {
          // Every trait 4 from the first interviewer, 3 from the second.
          await groups
            .nth(g)
            .locator("label")
            .filter({ has: page.locator("strong", { hasText: new RegExp(`^${4 - i}$`) }) })
            .click();
        }
      }
      await page
        .getByRole("group", { name: zh.scorecard.recommendation, exact: true })
        .getByText(zh.assessments.recommendation.yes, { exact: true })
        .click();
      await page.getByRole("button", { name: zh.scorecard.submit }).click();
      await page.getByTestId("panel").waitFor();
      if (i === 1) await expectChinesePage(page, "13-panel-interviewer");
    }
  });

  it("shows the recruiter the panel with its charts and tables, records a decision and publishes the report in Chinese, which the candidate's link shows", async () => {
    const page = await chinesePage(RECRUITER);
    await page.goto(`${baseURL}/assessments/${assessmentId()}`);
    await page.getByRole("heading", { level: 1, name: fill(zh.assessments.title, { name: journey.candidate.name }) }).waitFor();
    await hydrated(page);
    const charts = page.getByTestId("fit-charts-section");
    await charts.getByTestId("trait-radar-chart").locator("svg.recharts-surface:visible").waitFor();
    await expect(charts.getByTestId("trait-radar-table").locator("tbody tr").count()).resolves.toBe(6);
    for (const table of ["trait-band-table", "transition-table"]) await expect(charts.getByTestId(table).isVisible()).resolves.toBe(true);
    const traitNames = await charts.getByTestId("trait-radar-table").locator("tbody th").allInnerTexts();
    expect(traitNames.every((name) => HAN.test(name))).toBe(true);
    await expectChinesePage(page, "14-panel");
    await expectChineseDatesHydrateUnchanged(page);

    await page.getByRole("radio", { name: zh.assessments.decisionValues.advance, exact: true }).check();
    await page.getByLabel(zh.assessments.reason, { exact: true }).fill("两位面试官都认为候选人在各项特质上表现稳定。");
    await page.getByRole("button", { name: zh.assessments.recordDecision }).click();
    await page.getByTestId("decisions").getByText(zh.assessments.decisionValues.advance, { exact: false }).first().waitFor();

    const section = page.getByTestId("report-section");
    const languages = section.getByLabel(zh.report.recruiter.language, { exact: true });
    await expect(languages.locator("option").allTextContents()).resolves.toContain(zh.app.language["zh-CN"]);
    await languages.selectOption("zh-CN");
    await section.getByRole("button", { name: zh.report.recruiter.publish }).click();
    const linkField = section.getByTestId("report-link");
    await linkField.waitFor();
    const link = await linkField.inputValue();
    await expectChinesePage(page, "15-panel-decided");

    // The candidate's browser, in Chinese: the whole page in Chinese.
    const candidate = await newPage(ZH);
    const opened = await candidate.goto(link);
    expect(opened?.status()).toBe(200);
    await candidate.getByRole("heading", { level: 1, name: zh.report.page.title }).waitFor();
    await candidate.getByTestId("trait-radar-chart").locator("svg.recharts-surface:visible").waitFor();
    await expect(candidate.getByRole("heading", { level: 2 }).allInnerTexts()).resolves.toSatisfy((headings: string[]) =>
      headings.every((heading) => HAN.test(heading)),
    );
    await expectChinesePage(candidate, "16-report");

    // In an English browser the page around it is English; the report is in the language it was published in, and says so.
    const english = await newPage();
    await english.goto(link);
    await english.getByRole("heading", { level: 1, name: zh.report.page.title }).waitFor();
    await expect(english.getByTestId("candidate-report").getAttribute("lang")).resolves.toBe("zh-CN");
  });
});
