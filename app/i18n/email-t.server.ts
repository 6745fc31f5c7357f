import type { TFunction } from "i18next";
import { i18next } from "./i18next.server";

const cache = new Map<string, Promise<TFunction>>();

/**
 * The email namespace's t() for a recipient's language. remix-i18next builds a new i18next
 * instance per call, which is too slow for a batch of a thousand invitations; one per language
 * is enough, since translations do not change while the server runs.
 */
export function emailT(locale: string): Promise<TFunction> {
  let t = cache.get(locale);
  if (!t) {
    t = i18next.getFixedT(locale, "email") as Promise<TFunction>;
    cache.set(locale, t);
  }
  return t;
}
