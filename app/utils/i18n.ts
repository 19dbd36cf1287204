import type { MetaArgs } from "@remix-run/node";
import rosetta from "rosetta";
import type en from "~/locales/en";
import type { UiLanguage } from "~/domain/languages";
import { loadLanguage, type TextsByLanguage } from "~/locales/loading";

export { UI_LANGUAGES, isUiLanguage, type UiLanguage } from "~/domain/languages";
export const FALLBACK_LANGUAGE: UiLanguage = "en";

export type Translation = typeof en;

/*
 * Each language's shared texts are a chunk of their own: a browser loads only
 * the languages of the page it shows, and each area's texts come with the
 * modules that name them (locales/loading.ts). The server imports them all.
 */
const sharedTexts: TextsByLanguage = {
  en: async () => (await import("~/locales/en-shared")).default,
  es: async () => (await import("~/locales/es-shared")).default,
  "zh-CN": async () => (await import("~/locales/zh-shared")).default,
};

/**
 * A language's texts in the browser: the shared ones and the areas loaded so
 * far, growing as later pages load theirs. tests/unit/texts-per-page.test.ts
 * holds that a page names no text it does not load.
 */
export async function loadTranslation(lang: UiLanguage): Promise<Translation> {
  return (await loadLanguage(sharedTexts, lang)) as Translation;
}

/** Dot paths of the texts, e.g. "ranking.count_one". */
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

type PluralCategory = "zero" | "one" | "two" | "few" | "many" | "other";
type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralCategory}` ? Base : K;

/** A text's key; a plural text is asked for by its base ("ranking.count") with a `count`. */
export type TranslationKey = Leaves<Translation> | WithoutPlural<Leaves<Translation>>;

export type TranslationParams = Record<string, string | number>;

export type Translator = {
  language: UiLanguage;
  t: (key: TranslationKey, params?: TranslationParams) => string;
  exists: (key: string) => boolean;
};

const reportedMissing = new Set<string>();

function reportMissing(language: UiLanguage, key: string): void {
  if (reportedMissing.has(`${language}:${key}`)) return;
  reportedMissing.add(`${language}:${key}`);
  console.error(`Missing text "${key}" in "${language}"`);
}

/**
 * Texts of one language. Lookup and `{{name}}` interpolation are rosetta's;
 * a `count` picks the plural form by the language's rules (Intl.PluralRules),
 * from keys suffixed `_one`, `_other`… A missing text shows its key, and the
 * console names it once (a page that does not load the text's area, or a key
 * made at run time that no language has).
 */
export function createTranslator(language: UiLanguage, translation: Translation): Translator {
  const texts = rosetta<Translation>({ [language]: translation });
  texts.locale(language);
  const plurals = new Intl.PluralRules(language);
  // A page asks for the same few hundred texts on every render: a text without
  // parameters is looked up once, not walked and templated on every call. Only
  // texts that exist are kept, so the map stays as small as the language.
  const plain = new Map<string, string>();
  const textAt = (key: string, params?: TranslationParams): string | undefined => {
    if (params === undefined) {
      const known = plain.get(key);
      if (known !== undefined) return known;
    }
    const text: unknown = texts.t(key, params ?? {});
    if (typeof text !== "string" || text === "") return undefined;
    if (params === undefined) plain.set(key, text);
    return text;
  };
  return {
    language,
    t: (key, params) => {
      const count = params?.count;
      const plural =
        typeof count === "number" ? (textAt(`${key}_${plurals.select(count)}`, params) ?? textAt(`${key}_other`, params)) : undefined;
      const text = plural ?? textAt(key, params);
      if (text !== undefined) return text;
      reportMissing(language, key);
      return key;
    },
    exists: (key) => textAt(key) !== undefined,
  };
}

/** What notFoundTitle reads of the root route's data (app/root.tsx gives it). */
type RootMatches = MetaArgs<unknown, { root: () => { titles: { notFound: string } } }>["matches"];

/**
 * The <title> of a page whose loader gave no data (it failed): the root's
 * "Not found · Traitkit" in the request's language, English if even the root
 * has no data. Pages take their title from their loader's data (`title`).
 */
export function notFoundTitle(matches: MetaArgs["matches"]): string {
  const root = (matches as RootMatches).find((match) => match.id === "root");
  return root?.data?.titles.notFound ?? "Not found · Traitkit";
}
