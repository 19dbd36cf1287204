import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** One headless Debian Chromium per test file; the machines have no internet. */
export function useBrowser(): { browser: () => Browser; baseURL: string } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    browser: () => {
      if (!browser) throw new Error("The browser is not running yet");
      return browser;
    },
    baseURL: inject("baseURL"),
  };
}

export const DEMO_PASSWORD = "traitkit-demo";

/** What a reader sees on the sign-in page and in the header, per interface language. */
const SIGN_IN_TEXT = {
  en: { email: "Email", password: "Password", submit: "Sign in", signedInAs: /^Signed in as / },
  es: { email: "Correo electrónico", password: "Contraseña", submit: "Iniciar sesión", signedInAs: /^Sesión de / },
} as const;

/**
 * Signs in as a user does: opens /login, types the email and password into the
 * labelled fields, clicks "Sign in" and waits until the header says "Signed in as"
 * (in a Spanish browser, the same steps with the Spanish labels). The page is then
 * where the sign-in sent it: the role library. The page's context must be signed out.
 */
export async function signIn(page: Page, baseURL: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseURL}/login`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  const lang = await page.locator("html").getAttribute("lang");
  const text = lang === "es" ? SIGN_IN_TEXT.es : SIGN_IN_TEXT.en;
  await page.getByLabel(text.email, { exact: true }).fill(email);
  await page.getByLabel(text.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: text.submit, exact: true }).click();
  await page.getByText(text.signedInAs).waitFor();
}

/**
 * Fails on any serious or critical axe violation of the page as it is now.
 *
 * axe runs as JavaScript in the page, so for a page of a context made with
 * `javaScriptEnabled: false` pass `{ javaScriptEnabled: false }`: the page's
 * HTML as the server sent it (no script runs in it) is checked in a copy of the
 * page, at the same address and size, that may run axe but none of the app's scripts.
 */
export async function expectAccessible(page: Page, options: { javaScriptEnabled?: boolean } = {}): Promise<void> {
  if (options.javaScriptEnabled !== false) return checkWithAxe(page, page.url());

  const url = page.url();
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const browser = page.context().browser();
  if (!browser) throw new Error("The page's browser is gone");
  const copy = await browser.newContext({ viewport: page.viewportSize() });
  try {
    const copyPage = await copy.newPage();
    await copyPage.route("**/*", async (route) => {
      const request = route.request();
      if (request.isNavigationRequest() && request.url() === url) {
        await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
      } else if (request.resourceType() === "script") {
        await route.abort();
      } else {
        await route.continue();
      }
    });
    await copyPage.goto(url);
    await checkWithAxe(copyPage, `${url} (without JavaScript)`);
  } finally {
    await copy.close();
  }
}

async function checkWithAxe(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(blocking, `axe violations on ${name}`).toEqual([]);
}

export type PageOptions = {
  javaScriptEnabled?: boolean;
  locale?: string;
  acceptDownloads?: boolean;
  viewport?: { width: number; height: number };
};

/**
 * Fresh browser contexts for each test (a desktop-sized English browser unless
 * told otherwise), closed after it; `signedInPage` signs in as the user does.
 */
export function usePages(browser: () => Browser, baseURL: string) {
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  const newPage = async (options: PageOptions = {}): Promise<Page> => {
    const context = await browser().newContext({ locale: "en-US", viewport: { width: 1280, height: 900 }, ...options });
    contexts.push(context);
    return context.newPage();
  };
  const signedInPage = async (email: string, options: PageOptions = {}): Promise<Page> => {
    const page = await newPage(options);
    await signIn(page, baseURL, email);
    return page;
  };
  return { newPage, signedInPage };
}

/** Waits until React has hydrated the page: the app then marks <html> with class "js". */
export async function hydrated(page: Page): Promise<void> {
  await page.locator("html.js").waitFor({ state: "attached" });
}

/** The text a screen reader reads as an element's description: its hint and its error, tied by aria-describedby. */
export async function describedBy(element: Locator): Promise<string> {
  const ids = (await element.getAttribute("aria-describedby")) ?? "";
  const page = element.page();
  const texts = await Promise.all(
    ids
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(" ").trim();
}
