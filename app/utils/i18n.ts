import en from "~/locales/en";
import es from "~/locales/es";

export const UI_LANGUAGES = ["en", "es"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const FALLBACK_LANGUAGE: UiLanguage = "en";

export function isUiLanguage(value: unknown): value is UiLanguage {
  return UI_LANGUAGES.some((lang) => lang === value);
}

export const i18nResources = {
  en: { translation: en },
  es: { translation: es },
};

/** Options shared by the server's and the browser's i18next instances. */
export const i18nOptions = {
  supportedLngs: [...UI_LANGUAGES],
  fallbackLng: FALLBACK_LANGUAGE,
  defaultNS: "translation",
  resources: i18nResources,
  interpolation: { escapeValue: false }, // React escapes.
};

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}
