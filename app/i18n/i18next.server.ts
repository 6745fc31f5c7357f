import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { FALLBACK_LANGUAGE, NAMESPACES, SUPPORTED_LANGUAGES } from "./config";
import { resources } from "./resources.server";
import { findSessionUser } from "~/models/session.server";

const ONE_YEAR = 60 * 60 * 24 * 365;

/** Remembers the chosen language on this device. Not secret, so readable and unsigned. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: ONE_YEAR,
});

/** How every server-side i18next instance is set up: all languages and namespaces, loaded up front. */
export const i18nextOptions = {
  supportedLngs: [...SUPPORTED_LANGUAGES],
  fallbackLng: FALLBACK_LANGUAGE,
  defaultNS: "common",
  ns: [...NAMESPACES],
  resources,
  interpolation: { escapeValue: false },
};

export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...SUPPORTED_LANGUAGES],
    fallbackLanguage: FALLBACK_LANGUAGE,
    cookie: languageCookie,
    searchParamKey: "lng",
    // ?lng, then this device's cookie, then the browser, then the signed-in user's saved choice.
    // Signing in also writes the saved choice into the cookie, so it wins on any new device.
    order: ["searchParams", "cookie", "header", "custom"],
    async findLocale(request) {
      const user = await findSessionUser(request);
      return user?.locale ?? null;
    },
  },
  i18next: i18nextOptions,
});
