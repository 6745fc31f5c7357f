/** CEFR levels, lowest first. Native speakers choose C2. */
export const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

export const CEFR_LABEL_KEYS: Record<CefrLevel, string> = {
  A1: "profile:languages.levels.a1",
  A2: "profile:languages.levels.a2",
  B1: "profile:languages.levels.b1",
  B2: "profile:languages.levels.b2",
  C1: "profile:languages.levels.c1",
  C2: "profile:languages.levels.c2",
};

export function isCefrLevel(value: unknown): value is CefrLevel {
  return typeof value === "string" && (CEFR_LEVELS as readonly string[]).includes(value);
}

/**
 * Languages a person can add: ISO 639-1 (without the dead and constructed ones nobody works in),
 * plus languages of the people Harbor serves that have no two-letter code (Dari, Sorani, …).
 * Stored as these BCP 47 codes; names come from Intl.DisplayNames in the reader's language.
 */
export const LANGUAGE_CODES: readonly string[] = [
  ..."aa ab af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ig ii ik is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi wa wo xh yi yo za zh zu".split(
    " ",
  ),
  "prs", // Dari
  "ckb", // Central Kurdish (Sorani)
  "fil",
  "yue",
  "syr",
  "rom",
  "bal",
  "tzm",
];
const KNOWN_LANGUAGES = new Set(LANGUAGE_CODES);

export function isLanguageCode(value: string): boolean {
  return KNOWN_LANGUAGES.has(value);
}

/** A language's name in the reader's language (the code itself if the runtime does not know it). */
export function languageName(code: string, readerLanguage: string): string {
  try {
    return new Intl.DisplayNames([readerLanguage], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Language names in the reader's language, sorted for that language. */
export function languageOptions(readerLanguage: string): Array<{ code: string; name: string }> {
  const names = new Intl.DisplayNames([readerLanguage], { type: "language" });
  const collator = new Intl.Collator(readerLanguage);
  return LANGUAGE_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
}

/** IANA time zones this runtime knows, with UTC first. */
export function timeZoneOptions(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
}

/**
 * The time zones of some countries (from the runtime's CLDR data), so a person picks from a
 * handful instead of four hundred. Empty when the runtime cannot tell.
 */
export function timeZonesOfCountries(countries: ReadonlyArray<string | null | undefined>): string[] {
  const zones = new Set<string>();
  for (const country of countries) {
    if (!country || !/^[A-Z]{2}$/.test(country)) continue;
    try {
      // Node 20 exposes the `timeZones` getter; newer runtimes the `getTimeZones()` method.
      const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };
      for (const zone of locale.getTimeZones?.() ?? locale.timeZones ?? []) zones.add(zone);
    } catch {
      // an unknown region: nothing to add
    }
  }
  return [...zones].sort();
}

let knownZones: Set<string> | undefined;
export function isTimeZone(value: string): boolean {
  knownZones ??= new Set(timeZoneOptions());
  return knownZones.has(value);
}
