/*
 * The interface's languages and the languages content is written in. The
 * documents are Spanish, English and Chinese pages; a reader picks English,
 * Spanish or Simplified Chinese for the interface. The interface language's
 * code is a BCP 47 tag (`zh-CN`, as `<html lang>`, Accept-Language and Intl
 * read it); content marks its language by the documents' short codes.
 */

export const UI_LANGUAGES = ["en", "es", "zh-CN"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const CONTENT_LANGUAGES = ["es", "en", "zh"] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return UI_LANGUAGES.some((lang) => lang === value);
}

/** The content language a reader of an interface language reads: zh-CN reads `zh` texts. */
export function contentLanguageOf(language: UiLanguage): ContentLanguage {
  return language === "zh-CN" ? "zh" : language;
}
