import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { createTranslator, loadTranslation, type Translator, type UiLanguage } from "./i18n";

export type Translators = Partial<Record<UiLanguage, Translator>>;

type TranslationContextValue = {
  /** The texts of this part of the page. */
  translator: Translator;
  /** Every language loaded so far. */
  translators: Translators;
  load: (lang: UiLanguage) => Promise<void>;
  changeLanguage: (lang: UiLanguage) => Promise<void>;
};

const TranslationContext = createContext<TranslationContextValue | null>(null);

/**
 * The page's texts. The server has every language; the browser starts with
 * the languages the server's page used (its <html lang> and any
 * `data-texts-lang` section) and loads another one when it is first needed.
 */
export function TranslationProvider({
  language: initial,
  translators: loaded,
  children,
}: {
  language: UiLanguage;
  translators: Translators;
  children: ReactNode;
}) {
  const [translators, setTranslators] = useState(loaded);
  const [language, setLanguage] = useState(initial);
  const load = useCallback(async (lang: UiLanguage) => {
    const translation = await loadTranslation(lang);
    setTranslators((current) => (current[lang] ? current : { ...current, [lang]: createTranslator(lang, translation) }));
  }, []);
  const changeLanguage = useCallback(
    async (lang: UiLanguage) => {
      await load(lang);
      setLanguage(lang);
    },
    [load],
  );
  const translator = translators[language];
  const value = useMemo(
    () => (translator ? { translator, translators, load, changeLanguage } : null),
    [translator, translators, load, changeLanguage],
  );
  if (!value) throw new Error(`The texts of "${language}" were not loaded`);
  return <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>;
}

function useTranslationContext(): TranslationContextValue {
  const context = useContext(TranslationContext);
  if (!context) throw new Error("useTranslation needs a TranslationProvider above it");
  return context;
}

/**
 * A part of the page in a language of its own (a candidate report keeps its
 * language whatever the reader's is). Mark its element `data-texts-lang` so
 * the browser has the texts before it hydrates.
 */
export function TranslationScope({ language, children }: { language: UiLanguage; children: ReactNode }) {
  const context = useTranslationContext();
  const translator = context.translators[language];
  const { load } = context;
  useEffect(() => {
    if (!translator) void load(language);
  }, [translator, load, language]);
  const value = useMemo(() => (translator ? { ...context, translator } : null), [context, translator]);
  return value ? <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider> : null;
}

export function useTranslation() {
  const { translator, changeLanguage } = useTranslationContext();
  // Stable between renders, so effects that depend on it run when the language changes, not on every render.
  return useMemo(
    () => ({
      t: translator.t,
      i18n: { language: translator.language, exists: translator.exists, changeLanguage },
    }),
    [translator, changeLanguage],
  );
}

export type I18n = ReturnType<typeof useTranslation>["i18n"];
