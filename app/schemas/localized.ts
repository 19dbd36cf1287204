import { z } from "./zod-mini";
import { CONTENT_LANGUAGES, contentLanguageOf, type ContentLanguage, type UiLanguage } from "~/domain/languages";
import { ROLE_MESSAGES } from "./role-messages";

/**
 * Localized content: the documents are Spanish, English and Chinese pages, and
 * a text is shown in the reader's language when the data has it. Stored in the
 * database as a JSON object text column {"es": "...", "en": "..."}.
 */

/** Languages content can be written in, in the order a text falls back through them. */
export const LANGS = CONTENT_LANGUAGES;

export type { ContentLanguage };

/** A role's free texts (summary, strengths, statements, stories): each language's text at most this long. */
export const ROLE_TEXT_MAX = 2000;

/** A text in one or more languages, each at most `max` characters; `tooLong` is the role format's message for that limit. */
export function localizedTextOf(max: number, tooLong: string) {
  const localizedString = z.string().check(z.trim(), z.minLength(1, ROLE_MESSAGES.notEmpty), z.maxLength(max, tooLong));
  return z
    .strictObject(
      {
        es: z.optional(localizedString),
        en: z.optional(localizedString),
        zh: z.optional(localizedString),
      },
      { error: (issue) => (issue.input === undefined || issue.input === null ? ROLE_MESSAGES.required : undefined) },
    )
    .check(z.refine((text) => LANGS.some((lang) => text[lang] !== undefined), { message: ROLE_MESSAGES.oneLanguage }));
}

export const localizedText = localizedTextOf(ROLE_TEXT_MAX, ROLE_MESSAGES.textLong);

export type LocalizedText = z.infer<typeof localizedText>;

export type PickedText = {
  text: string;
  lang: ContentLanguage;
  /** True when the text shown is not in the document's own language (a translation). */
  translated: boolean;
};

/**
 * The text in the reader's language when present, else in the document's
 * language (`fallback`), else in any language the text has (es, en, zh order).
 * A text with no language at all (impossible once validated) gives "".
 */
export function pickText(text: LocalizedText, lang: UiLanguage, fallback: ContentLanguage): PickedText {
  const order: readonly ContentLanguage[] = [contentLanguageOf(lang), fallback, ...LANGS];
  for (const candidate of order) {
    const value = text[candidate];
    if (value !== undefined) return { text: value, lang: candidate, translated: candidate !== fallback };
  }
  return { text: "", lang: fallback, translated: false };
}

/**
 * Reads a localized JSON column. null stays null; a value that is not a valid
 * localized text is a corrupt row and throws (every write path validates).
 */
export function parseLocalized(json: string | null): LocalizedText | null {
  if (json === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error(`Localized text is not JSON: ${json.slice(0, 80)}`);
  }
  const parsed = localizedText.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Localized text is not valid: ${json.slice(0, 80)}`);
  }
  return parsed.data;
}

/** The JSON column value, keys in LANGS order, absent languages left out. */
export function stringifyLocalized(text: LocalizedText): string;
export function stringifyLocalized(text: LocalizedText | null): string | null;
export function stringifyLocalized(text: LocalizedText | null): string | null {
  if (text === null) return null;
  const ordered: Partial<Record<ContentLanguage, string>> = {};
  for (const lang of LANGS) {
    const value = text[lang];
    if (value !== undefined) ordered[lang] = value;
  }
  return JSON.stringify(ordered);
}
