// One referral as a partner NGO sends it (Partner API contract, "referrals"), checked and
// normalised. Pure and client-safe: the CSV reader, the JSON API and the form all use it.
import { z } from "zod";
import { hasUnsafeCharacters } from "./duplicates";
import { normalisePhone } from "./phone";
import { isCefrLevel, type CefrLevel } from "../profile/languages";

/**
 * Stable error codes. The UI and the API translate `intake:errors.<code>`; keep this list in step
 * with `REFERRAL_ERROR_KEYS` in referral-messages.ts (one literal key per code).
 */
export const REFERRAL_ERROR_CODES = [
  "required",
  "invalid",
  "too_long",
  "unsafe_characters",
  "invalid_email",
  "invalid_phone",
  "contact_required",
  "invalid_date",
  "invalid_country",
  "invalid_language",
  "invalid_level",
  "malformed_row",
] as const;
export type ReferralErrorCode = (typeof REFERRAL_ERROR_CODES)[number];

/** The contract's field names, in the contract's order. */
export const REFERRAL_FIELDS = [
  "externalId",
  "givenName",
  "familyName",
  "latinName",
  "email",
  "phone",
  "dateOfBirth",
  "countryOfOrigin",
  "currentCountry",
  "preferredLanguage",
  "languages",
  "skills",
  "note",
] as const;
export type ReferralField = (typeof REFERRAL_FIELDS)[number];

/** The `field` of a problem with the row as a whole (not an object, columns out of line). */
export const ROW_FIELD = "_row";

export interface ReferralError {
  field: ReferralField | typeof ROW_FIELD;
  code: ReferralErrorCode;
}


export interface LanguageSkill {
  /** Canonical BCP 47 tag (`uk`, `fa-AF`). */
  code: string;
  level: CefrLevel;
}

/** A checked referral: every string NFC-normalised and trimmed, absent fields left out. */
export interface ReferralInput {
  externalId?: string;
  givenName: string;
  familyName: string;
  latinName?: string;
  /** Lower-cased. */
  email?: string;
  /** E.164. */
  phone?: string;
  /** YYYY-MM-DD. */
  dateOfBirth?: string;
  /** ISO 3166-1 alpha-2, upper-case. */
  countryOfOrigin?: string;
  currentCountry?: string;
  /** Canonical BCP 47 tag. */
  preferredLanguage?: string;
  languages?: LanguageSkill[];
  /** ESCO skill URIs (`http://data.europa.eu/esco/skill/<uuid>`) or free-text labels, as sent. */
  skills?: string[];
  note?: string;
}

export type ReferralInputResult = { ok: true; value: ReferralInput } | { ok: false; errors: ReferralError[] };

export interface ReferralValidationOptions {
  /** The day ages are counted at; today by default (tests pin it). */
  today?: Date;
}

export const REFERRAL_LIMITS = {
  name: 100,
  externalId: 255,
  email: 254, // the longest address SMTP can deliver to
  note: 2000,
  skillLabel: 200,
  skills: 100,
  languages: 30,
  minAge: 14,
  maxAge: 100,
} as const;

/**
 * The 249 officially assigned ISO 3166-1 alpha-2 codes. A constant rather than derived:
 * `Intl.supportedValuesOf` has no regions, and libphonenumber-js lists phone regions (it lacks
 * AQ BV GS HM PN TF UM and adds AC TA XK).
 */
export const ISO_3166_ALPHA2: readonly string[] = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
  "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
  "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ " +
  "UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
).split(" ");

/**
 * Accepted country codes: ISO 3166-1 plus XK. Kosovo has no ISO code yet, but XK is the code the
 * EU, CLDR and libphonenumber use; refusing it would turn away people from Kosovo.
 */
const COUNTRIES = new Set([...ISO_3166_ALPHA2, "XK"]);

export function isReferralCountry(code: string): boolean {
  return COUNTRIES.has(code);
}

// Compiled once: this runs for every row of million-row files.
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ESCO_SKILL = /^https?:\/\/data\.europa\.eu\/esco\/skill\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const LOOKS_LIKE_URI = /^[a-z][a-z0-9+.-]*:\/\//i;
const PRIMARY_LANGUAGE = /^[a-z]{2,3}(?:-|$)/;
const LIST_SEPARATOR = /[;,]/;
const NON_ASCII = /[^\x20-\x7e]/;
// zod's own address pattern (ASCII), so the API, the form and the CSV accept the same addresses.
const EMAIL = z.regexes.email;

/** Code points, not UTF-16 units: a limit of 100 letters means 100 letters in any script. */
function lengthOf(text: string): number {
  let n = text.length;
  if (!NON_ASCII.test(text)) return n;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Collects problems once per field and code (a form lists them per field, keyed by code). */
class Problems {
  readonly list: ReferralError[] = [];
  add(field: ReferralError["field"], code: ReferralErrorCode): undefined {
    if (!this.list.some((e) => e.field === field && e.code === code)) this.list.push({ field, code });
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function own(record: Record<string, unknown>, field: ReferralField): unknown {
  return Object.hasOwn(record, field) ? record[field] : undefined;
}

/** A trimmed NFC string, or undefined when absent ("" and null count as absent). */
function text(value: unknown, field: ReferralField, problems: Problems): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") return problems.add(field, "invalid");
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  return NON_ASCII.test(trimmed) ? trimmed.normalize("NFC") : trimmed;
}

/** Single-line, human-written text: a name, an id, a skill label. */
function line(value: string, field: ReferralField, max: number, problems: Problems): string | undefined {
  if (lengthOf(value) > max) return problems.add(field, "too_long");
  if (hasUnsafeCharacters(value)) return problems.add(field, "unsafe_characters");
  return value;
}

function readName(record: Record<string, unknown>, field: "givenName" | "familyName" | "latinName", problems: Problems): string | undefined {
  const value = text(own(record, field), field, problems);
  if (value === undefined) {
    if (field !== "latinName" && !problems.list.some((e) => e.field === field)) problems.add(field, "required");
    return undefined;
  }
  return line(value, field, REFERRAL_LIMITS.name, problems);
}

function readExternalId(value: unknown, problems: Problems): string | undefined {
  // Kobo and spreadsheets often send numeric ids; they are ids all the same.
  const raw = typeof value === "number" && Number.isSafeInteger(value) ? String(value) : value;
  const id = text(raw, "externalId", problems);
  return id === undefined ? undefined : line(id, "externalId", REFERRAL_LIMITS.externalId, problems);
}

function readEmail(value: unknown, problems: Problems): string | undefined {
  const email = text(value, "email", problems)?.toLowerCase();
  if (email === undefined) return undefined;
  if (email.length > REFERRAL_LIMITS.email) return problems.add("email", "too_long");
  return EMAIL.test(email) ? email : problems.add("email", "invalid_email");
}

function readCountry(value: unknown, field: "countryOfOrigin" | "currentCountry", problems: Problems): string | undefined {
  const code = text(value, field, problems)?.toUpperCase();
  if (code === undefined) return undefined;
  return COUNTRIES.has(code) ? code : problems.add(field, "invalid_country");
}

function readPhone(value: unknown, country: string | undefined, problems: Problems): string | undefined {
  const phone = text(value, "phone", problems);
  if (phone === undefined) return undefined;
  // libphonenumber refuses over 250 characters itself; nothing that long is a phone number anyway.
  if (phone.length > 64) return problems.add("phone", "invalid_phone");
  return normalisePhone(phone, country) ?? problems.add("phone", "invalid_phone");
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Today's date as [year, month, day] in UTC: a birthday is a calendar date, not an instant. */
function calendarDay(today: Date): [number, number, number] {
  return [today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()];
}

function readDateOfBirth(value: unknown, today: Date, problems: Problems): string | undefined {
  const date = text(value, "dateOfBirth", problems);
  if (date === undefined) return undefined;
  const match = DATE.exec(date);
  if (!match) return problems.add("dateOfBirth", "invalid_date");
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return problems.add("dateOfBirth", "invalid_date");
  const [ty, tm, td] = calendarDay(today);
  const age = ty - year - (tm < month || (tm === month && td < day) ? 1 : 0);
  // A birth date in the future or an age outside 14–100 is a typo (often the entry date or the
  // year swapped); one code, whose message states both bounds.
  if (age < REFERRAL_LIMITS.minAge || age > REFERRAL_LIMITS.maxAge) return problems.add("dateOfBirth", "invalid_date");
  return date;
}

// Canonicalising a tag costs microseconds, and files repeat the same few tags on every row.
const canonicalTags = new Map<string, string | null>();

/** The canonical BCP 47 form of a tag (`FA_af` → `fa-AF`), or null when it is not one. */
export function canonicalLanguageTag(tag: string): string | null {
  let canonical = canonicalTags.get(tag);
  if (canonical !== undefined) return canonical;
  canonical = null;
  if (tag.length <= 35 && !tag.includes(",")) {
    try {
      // Underscores come from POSIX locales (fa_AF) in exported data; BCP 47 uses hyphens.
      canonical = Intl.getCanonicalLocales(tag.replaceAll("_", "-"))[0] ?? null;
      // BCP 47 also allows 5–8 letter primary subtags ("english" parses), reserved and never
      // assigned: a real tag starts with an ISO 639 code of 2–3 letters.
      if (canonical !== null && !PRIMARY_LANGUAGE.test(canonical)) canonical = null;
    } catch {
      canonical = null; // RangeError: not a well-formed tag
    }
  }
  if (canonicalTags.size >= 1000) canonicalTags.clear(); // bounded: the cache must not grow with hostile input
  canonicalTags.set(tag, canonical);
  return canonical;
}

function readPreferredLanguage(value: unknown, problems: Problems): string | undefined {
  const tag = text(value, "preferredLanguage", problems);
  if (tag === undefined) return undefined;
  return canonicalLanguageTag(tag) ?? problems.add("preferredLanguage", "invalid_language");
}

const LEVEL_RANK: Record<CefrLevel, number> = { A1: 1, A2: 2, B1: 3, B2: 4, C1: 5, C2: 6 };

function readLanguage(code: unknown, level: unknown, problems: Problems): LanguageSkill | undefined {
  if (typeof code !== "string" || typeof level !== "string") return problems.add("languages", "invalid");
  const tag = canonicalLanguageTag(code.trim());
  const cefr = level.trim().toUpperCase();
  if (tag === null) problems.add("languages", "invalid_language");
  if (!isCefrLevel(cefr)) problems.add("languages", "invalid_level");
  return tag !== null && isCefrLevel(cefr) ? { code: tag, level: cefr } : undefined;
}

/** "uk:C2;en:B1" (CSV, form) or [{ code, level }] (JSON); "," also separates, as codes never hold one. */
function readLanguages(value: unknown, problems: Problems): LanguageSkill[] | undefined {
  if (value === undefined || value === null) return undefined;
  const entries: Array<[unknown, unknown]> = [];
  const addPair = (pair: string) => {
    const item = pair.trim();
    if (item === "") return;
    const colon = item.indexOf(":");
    // A language without a level ("uk") is a pair whose level is missing.
    entries.push(colon === -1 ? [item, ""] : [item.slice(0, colon), item.slice(colon + 1)]);
  };
  if (typeof value === "string") {
    for (const pair of value.split(LIST_SEPARATOR)) addPair(pair);
  } else if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === "string") addPair(item);
      else if (isRecord(item)) entries.push([item.code, item.level]);
      else return problems.add("languages", "invalid");
    }
  } else {
    return problems.add("languages", "invalid");
  }
  if (entries.length === 0) return undefined;
  if (entries.length > REFERRAL_LIMITS.languages) return problems.add("languages", "too_long");
  // One entry per language; when a language comes twice, the higher level is the one to keep.
  const byCode = new Map<string, LanguageSkill>();
  let failed = false;
  for (const [code, level] of entries) {
    const language = readLanguage(code, level, problems);
    if (!language) {
      failed = true;
      continue;
    }
    const seen = byCode.get(language.code);
    if (!seen || LEVEL_RANK[language.level] > LEVEL_RANK[seen.level]) byCode.set(language.code, language);
  }
  return failed ? undefined : [...byCode.values()];
}

function readSkill(value: unknown, problems: Problems): string | undefined {
  if (typeof value !== "string") return problems.add("skills", "invalid");
  const skill = value.trim();
  if (skill === "") return undefined;
  const esco = ESCO_SKILL.exec(skill);
  // ESCO publishes http URIs; https and upper-case hex name the same concept.
  if (esco) return `http://data.europa.eu/esco/skill/${esco[1]?.toLowerCase()}`;
  // Any other URI is neither an ESCO skill nor a label a person wrote.
  if (LOOKS_LIKE_URI.test(skill)) return problems.add("skills", "invalid");
  return line(NON_ASCII.test(skill) ? skill.normalize("NFC") : skill, "skills", REFERRAL_LIMITS.skillLabel, problems);
}

/** ";"-separated (CSV, form) or an array of strings (JSON). Labels may hold commas, so only ";" separates. */
function readSkills(value: unknown, problems: Problems): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  let items: unknown[];
  if (typeof value === "string") items = value.split(";");
  else if (Array.isArray(value)) items = value;
  else return problems.add("skills", "invalid");
  const skills = new Set<string>();
  let failed = false;
  for (const item of items) {
    const before = problems.list.length;
    const skill = readSkill(item, problems);
    if (skill !== undefined) skills.add(skill);
    else if (problems.list.length > before) failed = true;
    if (skills.size > REFERRAL_LIMITS.skills) return problems.add("skills", "too_long");
  }
  return failed || skills.size === 0 ? undefined : [...skills];
}

function readNote(value: unknown, problems: Problems): string | undefined {
  const note = text(value, "note", problems);
  if (note === undefined) return undefined;
  return lengthOf(note) > REFERRAL_LIMITS.note ? problems.add("note", "too_long") : note;
}

/**
 * Checks and normalises one referral. Every problem is reported at once, as `{ field, code }`,
 * so a partner can fix a row in one go. Unknown fields are ignored; empty strings are absent.
 */
export function validateReferralInput(raw: unknown, options: ReferralValidationOptions = {}): ReferralInputResult {
  if (!isRecord(raw)) return { ok: false, errors: [{ field: ROW_FIELD, code: "invalid" }] };
  const problems = new Problems();
  const givenName = readName(raw, "givenName", problems);
  const familyName = readName(raw, "familyName", problems);
  const latinName = readName(raw, "latinName", problems);
  const externalId = readExternalId(own(raw, "externalId"), problems);
  const email = readEmail(own(raw, "email"), problems);
  const countryOfOrigin = readCountry(own(raw, "countryOfOrigin"), "countryOfOrigin", problems);
  const currentCountry = readCountry(own(raw, "currentCountry"), "currentCountry", problems);
  // A number without a country code is read as a number of the country the person is in now.
  const phone = readPhone(own(raw, "phone"), currentCountry, problems);
  const dateOfBirth = readDateOfBirth(own(raw, "dateOfBirth"), options.today ?? new Date(), problems);
  const preferredLanguage = readPreferredLanguage(own(raw, "preferredLanguage"), problems);
  const languages = readLanguages(own(raw, "languages"), problems);
  const skills = readSkills(own(raw, "skills"), problems);
  const note = readNote(own(raw, "note"), problems);

  // Contact is required, but a wrong email or phone already says what to fix.
  const contactGiven = email !== undefined || phone !== undefined || problems.list.some((e) => e.field === "email" || e.field === "phone");
  if (!contactGiven) problems.add("email", "contact_required");

  if (problems.list.length > 0 || givenName === undefined || familyName === undefined) return { ok: false, errors: problems.list };
  const value: ReferralInput = { givenName, familyName };
  if (externalId !== undefined) value.externalId = externalId;
  if (latinName !== undefined) value.latinName = latinName;
  if (email !== undefined) value.email = email;
  if (phone !== undefined) value.phone = phone;
  if (dateOfBirth !== undefined) value.dateOfBirth = dateOfBirth;
  if (countryOfOrigin !== undefined) value.countryOfOrigin = countryOfOrigin;
  if (currentCountry !== undefined) value.currentCountry = currentCountry;
  if (preferredLanguage !== undefined) value.preferredLanguage = preferredLanguage;
  if (languages !== undefined) value.languages = languages;
  if (skills !== undefined) value.skills = skills;
  if (note !== undefined) value.note = note;
  return { ok: true, value };
}

// Every key is optional here: whether a field may be missing is validateReferralInput's call.
const anything = z.unknown().optional();

/**
 * The same rules as a zod schema, for code that composes zod (conform forms, request bodies).
 * Issues carry the error code as `message` (a translation key suffix) and the field as `path`.
 * The rules live in validateReferralInput: they cross fields (phone needs currentCountry, contact
 * needs email or phone) and run on every CSV row, where a plain function is several times faster.
 */
export const ReferralInputSchema = z
  .object(
    {
      externalId: anything,
      givenName: anything,
      familyName: anything,
      latinName: anything,
      email: anything,
      phone: anything,
      dateOfBirth: anything,
      countryOfOrigin: anything,
      currentCountry: anything,
      preferredLanguage: anything,
      languages: anything,
      skills: anything,
      note: anything,
    },
    { error: () => "invalid" },
  )
  .transform((raw, ctx): ReferralInput => {
    const result = validateReferralInput(raw);
    if (result.ok) return result.value;
    for (const { field, code } of result.errors) {
      ctx.issues.push({ code: "custom", message: code, path: field === ROW_FIELD ? [] : [field], input: raw });
    }
    return z.NEVER;
  });
