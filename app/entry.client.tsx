import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import HttpBackend from "i18next-http-backend";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { FALLBACK_LANGUAGE, NAMESPACES } from "~/i18n/config";

// The server already rendered the page in the right language; the browser fetches the same
// strings (cached) only to hydrate, so the page is usable before this runs, or without it.
void i18next
  .use(initReactI18next)
  .use(HttpBackend)
  .init({
    lng: document.documentElement.lang || FALLBACK_LANGUAGE,
    fallbackLng: false,
    defaultNS: "common",
    ns: [...NAMESPACES],
    backend: { loadPath: "/locales/{{lng}}/{{ns}}.json" },
    interpolation: { escapeValue: false },
  })
  .then(() => {
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
  });
