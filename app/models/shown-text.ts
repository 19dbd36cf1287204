import { contentLanguageOf } from "~/domain/languages";
import { parseLocalized, pickText } from "~/schemas/localized";
import type { DocumentLanguage, ShownText } from "~/domain/shown-text";
import type { UiLanguage } from "~/utils/i18n";

export function showText(json: string, lang: UiLanguage, documentLanguage: DocumentLanguage): ShownText {
  const localized = parseLocalized(json);
  if (!localized) throw new Error("A required localized text is empty");
  const picked = pickText(localized, lang, documentLanguage);
  return { text: picked.text, lang: picked.lang, inReaderLanguage: picked.lang === contentLanguageOf(lang) };
}

export function showOptionalText(json: string | null, lang: UiLanguage, documentLanguage: DocumentLanguage): ShownText | null {
  return json === null ? null : showText(json, lang, documentLanguage);
}
