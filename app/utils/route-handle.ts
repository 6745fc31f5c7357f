import type { TFunction } from "i18next";

/** What a route tells the document shell: its title, in the reader's language. */
export interface RouteHandle {
  title: (t: TFunction, data: unknown) => string | undefined;
}

/** A route whose title is one translation key. */
export const titled = (key: string): RouteHandle => ({ title: (t) => t(key) });
