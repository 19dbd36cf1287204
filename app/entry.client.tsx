import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { createTranslator, FALLBACK_LANGUAGE, isUiLanguage, loadTranslation, type UiLanguage } from "~/utils/i18n";
import { documentLanguages } from "~/locales/loading";
import { TranslationProvider, type Translators } from "~/utils/use-translation";

/** The texts of every language the server's page used: hydration must draw the same words. */
async function pageTranslators(lng: UiLanguage): Promise<Translators> {
  const languages = new Set<UiLanguage>([lng, ...documentLanguages().filter(isUiLanguage)]);
  const loaded = await Promise.all(
    [...languages].map(async (lang) => [lang, createTranslator(lang, await loadTranslation(lang))] as const),
  );
  return Object.fromEntries(loaded);
}

async function hydrate() {
  // The server already chose the language and wrote it on <html lang>.
  const lang = document.documentElement.lang;
  const lng = isUiLanguage(lang) ? lang : FALLBACK_LANGUAGE;
  const translators = await pageTranslators(lng);
  startTransition(() => {
    hydrateRoot(
      document,
      <TranslationProvider language={lng} translators={translators}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </TranslationProvider>,
    );
  });
}

void hydrate();
