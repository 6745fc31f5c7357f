// Client-safe i18n facts shared by the server, the browser and the tests.

export const SUPPORTED_LANGUAGES = ["en", "uk", "ru", "ar", "fa", "es", "fr"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const FALLBACK_LANGUAGE: Language = "en";

/** One namespace per feature; each is a file locales/<lng>/<ns>.json. */
export const NAMESPACES = [
  "common",
  "auth",
  "validation",
  "dashboard",
  "admin",
  "org",
  "email",
  "taxonomy",
  "intake",
  "profile",
  "coaching",
  "badges",
  "slates",
  "placements",
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** Each language named in itself, so a reader finds their own whatever the page's language. */
export const LANGUAGE_NATIVE_NAMES: Record<Language, string> = {
  en: "English",
  uk: "Українська",
  ru: "Русский",
  ar: "العربية",
  fa: "فارسی",
  es: "Español",
  fr: "Français",
};

const RTL_LANGUAGES: ReadonlySet<string> = new Set(["ar", "fa"]);

export function textDirection(language: string): "rtl" | "ltr" {
  return RTL_LANGUAGES.has(language) ? "rtl" : "ltr";
}

export function isSupportedLanguage(value: unknown): value is Language {
  return typeof value === "string" && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}
