import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import en from "~/locales/en";
import es from "~/locales/es";
import { FALLBACK_LANGUAGE, i18nOptions, isUiLanguage, UI_LANGUAGES, type UiLanguage } from "./i18n";

/** Every language's texts, loaded once with the server. */
export const i18nResources = {
  en: { translation: en },
  es: { translation: es },
};

/** The user's explicit language choice; it overrides the browser's Accept-Language. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...UI_LANGUAGES],
    fallbackLanguage: FALLBACK_LANGUAGE,
    cookie: languageCookie,
    order: ["cookie", "header"],
  },
  i18next: { ...i18nOptions, resources: i18nResources },
});

export async function getLanguage(request: Request): Promise<UiLanguage> {
  const locale = await i18nServer.getLocale(request);
  return isUiLanguage(locale) ? locale : FALLBACK_LANGUAGE;
}
