import type en from "~/locales/en";

export const UI_LANGUAGES = ["en", "es"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const FALLBACK_LANGUAGE: UiLanguage = "en";

export function isUiLanguage(value: unknown): value is UiLanguage {
  return UI_LANGUAGES.some((lang) => lang === value);
}

export type Translation = typeof en;

/*
 * Each language's texts are a chunk of their own: a browser loads only the
 * language of the page it shows (the server imports them all).
 */
const translationModules: Record<UiLanguage, () => Promise<{ default: Translation }>> = {
  en: () => import("~/locales/en"),
  es: () => import("~/locales/es"),
};

export async function loadTranslation(lang: UiLanguage): Promise<Translation> {
  return (await translationModules[lang]()).default;
}

/** Options shared by the server's and the browser's i18next instances; each adds its resources. */
export const i18nOptions = {
  supportedLngs: [...UI_LANGUAGES],
  fallbackLng: FALLBACK_LANGUAGE,
  defaultNS: "translation",
  interpolation: { escapeValue: false }, // React escapes.
};

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Translation };
  }
}
