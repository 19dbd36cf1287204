/** Texts by their top-level key, e.g. `{ kits: { … } }`: the shared texts or one area's. */
export type Texts = Record<string, Record<string, unknown>>;

/** How to load one part of the texts in each language. */
export type TextsByLanguage = Readonly<Record<string, () => Promise<Texts>>>;

/*
 * The browser's texts, one object per language that grows as modules load
 * their areas: a translator made on it sees every area loaded after it.
 */
const loadedTexts: Record<string, Texts> = {};
const areas: TextsByLanguage[] = [];
const languages = new Set<string>();
const loads = new WeakMap<TextsByLanguage, Map<string, Promise<void>>>();

function loadPart(part: TextsByLanguage, language: string): Promise<void> {
  let byLanguage = loads.get(part);
  if (!byLanguage) loads.set(part, (byLanguage = new Map()));
  let loading = byLanguage.get(language);
  if (!loading) {
    const load = part[language];
    loading = load
      ? load().then((texts) => {
          const into = (loadedTexts[language] ??= {});
          // One level deep: the shared texts hold `kits.nav` for the menu, the kits area the rest of `kits`.
          for (const [key, value] of Object.entries(texts)) into[key] = { ...into[key], ...value };
        })
      : Promise.resolve();
    byLanguage.set(language, loading);
  }
  return loading;
}

/** The languages the server drew the page in: its <html lang> and every part marked `data-texts-lang`. */
export function documentLanguages(): string[] {
  const sections = [...document.querySelectorAll<HTMLElement>("[data-texts-lang]")].map((element) => element.dataset.textsLang);
  return [document.documentElement.lang, ...sections].filter((language): language is string => Boolean(language));
}

/**
 * An area's texts, awaited at the top level of the module that names them
 * (`import "~/locales/kits"`): a route module, and so a navigation, is ready
 * only once the texts of every module it imports are, in every language the
 * page shows. The server has every text already (utils/i18n.server.ts).
 */
export async function loadArea(area: TextsByLanguage): Promise<void> {
  if (typeof document === "undefined") return;
  areas.push(area);
  await Promise.all([...new Set([...languages, ...documentLanguages()])].map((language) => loadPart(area, language)));
}

/** A language's shared texts and those of every area loaded so far: the object keeps growing with later areas. */
export async function loadLanguage(shared: TextsByLanguage, language: string): Promise<Texts> {
  languages.add(language);
  await Promise.all([shared, ...areas].map((part) => loadPart(part, language)));
  return loadedTexts[language] ?? {};
}
