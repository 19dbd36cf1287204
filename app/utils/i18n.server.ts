import { createCookie, type AppLoadContext } from "@remix-run/node";
import Negotiator from "negotiator";
import en from "~/locales/en";
import es from "~/locales/es";
import zh from "~/locales/zh";
import { createTranslator, FALLBACK_LANGUAGE, isUiLanguage, UI_LANGUAGES, type Translator, type UiLanguage } from "./i18n";

/** One translator per language, made with the server: their texts never change. */
export const translators: Record<UiLanguage, Translator> = {
  en: createTranslator("en", en),
  es: createTranslator("es", es),
  "zh-CN": createTranslator("zh-CN", zh),
};

/** The user's explicit language choice; it overrides the browser's Accept-Language. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

// The root loader, the page's loader and the document render of one request share the answer.
const languagesByRequest = new WeakMap<AppLoadContext, Promise<UiLanguage>>();

/** The language of a request: the user's choice, else the browser's preference among ours, else English. */
export function getLanguage(request: Request, context: AppLoadContext): Promise<UiLanguage> {
  let language = languagesByRequest.get(context);
  if (!language) {
    language = detectLanguage(request);
    languagesByRequest.set(context, language);
  }
  return language;
}

/** The language a request asks for, by its lng cookie or its Accept-Language. */
export async function detectLanguage(request: Request): Promise<UiLanguage> {
  const chosen: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  if (isUiLanguage(chosen)) return chosen;
  const acceptLanguage = request.headers.get("Accept-Language");
  if (acceptLanguage === null) return FALLBACK_LANGUAGE;
  const [preferred] = new Negotiator({ headers: { "accept-language": simplifiedChineseAsZhCn(acceptLanguage) } }).languages([
    ...UI_LANGUAGES,
  ]);
  return isUiLanguage(preferred) ? preferred : FALLBACK_LANGUAGE;
}

/**
 * Browsers name Simplified Chinese by script (zh-Hans, zh-Hans-CN) or by a
 * region that writes it (zh-SG) as well as zh-CN; all read our zh-CN. Chinese
 * written in traditional characters (zh-TW, zh-HK, zh-Hant) is not offered,
 * so those fall through to the next language the browser accepts.
 */
function simplifiedChineseAsZhCn(acceptLanguage: string): string {
  return acceptLanguage.replace(/\bzh-(?:Hans(?:-[A-Za-z]{2})?|SG)\b/gi, "zh-CN");
}

/** The translator of a request's language (see getLanguage). */
export async function getTranslator(request: Request, context: AppLoadContext): Promise<Translator> {
  return translators[await getLanguage(request, context)];
}

/**
 * A page's <title> in a translator's language: the page's name, parts of it
 * first, then the app's: pageTitle(t, "MLOps Engineer", t("ranking.breadcrumb"))
 * is "MLOps Engineer · Ranking · Traitkit". Loaders return it as `title`, so
 * the tab follows the page's language (a meta function has no translator).
 */
export function pageTitle(t: Translator["t"], ...parts: string[]): string {
  return [...parts, t("app.name")].join(" · ");
}
