import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { FALLBACK_LANGUAGE, i18nOptions, isUiLanguage, loadTranslation } from "~/utils/i18n";

async function hydrate() {
  // The server already chose the language and wrote it on <html lang>.
  const lang = document.documentElement.lang;
  const lng = isUiLanguage(lang) ? lang : FALLBACK_LANGUAGE;
  await i18next.use(initReactI18next).init({
    ...i18nOptions,
    lng,
    resources: { [lng]: { translation: await loadTranslation(lng) } },
  });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
