import { parseLocalized, pickText } from "~/schemas/localized";
import type { UiLanguage } from "~/utils/i18n";

/**
 * A text as shown to a reader: in their language when the data has it,
 * otherwise in the document's language, and then marked as such.
 */
export type ShownText = { text: string; lang: "es" | "en" | "zh"; inReaderLanguage: boolean };

export function showText(json: string, lang: UiLanguage, documentLanguage: "es" | "en" | "zh"): ShownText {
  const localized = parseLocalized(json);
  if (!localized) throw new Error("A required localized text is empty");
  const picked = pickText(localized, lang, documentLanguage);
  return { text: picked.text, lang: picked.lang, inReaderLanguage: picked.lang === lang };
}

export function showOptionalText(json: string | null, lang: UiLanguage, documentLanguage: "es" | "en" | "zh"): ShownText | null {
  return json === null ? null : showText(json, lang, documentLanguage);
}
