import type { MetaArgs } from "@remix-run/node";
import rosetta from "rosetta";
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

/**
 * Texts of one language. Lookup and `{{name}}` interpolation are rosetta's;
 * a `count` picks the plural form by the language's rules (Intl.PluralRules),
 * from keys suffixed `_one`, `_other`… A missing text shows its key.
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
      return plural ?? textAt(key, params) ?? key;
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
