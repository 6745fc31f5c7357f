import { givenNameKeys } from "./given-names";
import { normalisePhone } from "./phone";
import {
  nameWords,
  skeletonFromSounds,
  skeletonOfWords,
  skeletonVariants,
  withoutParticles,
  wordFromSpelling,
  type NameWord,
} from "./transliterate";

/**
 * Duplicate detection across the whole program (referrals and candidates). It only ever says
 * why two records look alike; a person reviews and decides, because every signal has innocent
 * explanations: families share a phone, a caseworker may type the same name for two cousins.
 *
 * Signals:
 * - email — trimmed and lower-cased, nothing more: dots and +tags are kept, since stripping them
 *   would merge different people on some providers. Strong.
 * - phone — E.164. Weak on its own: shared family and caseworker phones are common.
 * - name — family-name skeleton + given-name key (see transliterate.ts, given-names.ts), computed
 *   for every name form the record has (native fields, and the Latin name read "Given Family" and
 *   "FAMILY Given" at every split point). Weak on its own.
 * - name_dob — the same, plus the same date of birth. Strong. It replaces "name" rather than
 *   joining it. Same name with two different dates of birth is not a signal at all.
 */

export interface PersonRecord {
  givenName: string;
  familyName: string;
  /** The name in Latin letters when the native one is in another script, "Given Family" or "FAMILY Given". */
  latinName?: string | null;
  email?: string | null;
  /** E.164; other spellings are normalised when they carry a country code. */
  phone?: string | null;
  /** YYYY-MM-DD; anything else counts as unknown. */
  dateOfBirth?: string | null;
}

export type DuplicateReason = "email" | "phone" | "name" | "name_dob";

export interface DuplicateComparison {
  likely: boolean;
  /** "strong" for email or name_dob; "weak" for phone or name alone, and when nothing matches. */
  strength: "strong" | "weak";
  /** In this order: email, phone, then name or name_dob. */
  reasons: DuplicateReason[];
}

const NON_ASCII_RE = /[\u0080-\uffff]/;

/** Trimmed, lower-cased (and NFC) address, or null when it is not an address at all. */
export function normaliseEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const trimmed = email.trim();
  const at = trimmed.indexOf("@");
  if (at <= 0 || at === trimmed.length - 1) return null;
  return (NON_ASCII_RE.test(trimmed) ? trimmed.normalize("NFC") : trimmed).toLowerCase();
}

const E164_RE = /^\+[1-9]\d{6,14}$/;

function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const trimmed = phone.trim();
  // The column holds E.164 already: skip libphonenumber's parse on the hot path.
  if (E164_RE.test(trimmed)) return trimmed;
  return trimmed.startsWith("+") || trimmed.startsWith("00") ? normalisePhone(trimmed) : null;
}

const DATE_RE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

function dateKey(date: string | null | undefined): string | null {
  if (!date) return null;
  const trimmed = date.trim();
  return DATE_RE.test(trimmed) ? trimmed : null;
}

// ---------------------------------------------------------------------------------------------
// Names.

/** Family names written "Alahmad", "Elsayed": also read without the joined article. */
const JOINED_ARTICLE_RE = /^[ae]l[a-z]{3,}$/;
const LATIN_WORD_RE = /^[a-z]+$/;
/** First words of a family name that say little on their own (Abu Bakr, Bin Saleh, Sayed…). */
const FAMILY_PREFIXES = new Set([
  "abu", "abou", "bin", "ben", "ibn", "bint", "bani", "beni", "ould", "abd", "mir", "sayed", "sayyid", "syed", "said", "haji", "hajji", "sheikh", "shaikh",
]);

function pushReadings(out: string[], skeleton: string): void {
  if (skeleton === "") return;
  for (const reading of skeletonVariants(skeleton)) if (!out.includes(reading)) out.push(reading);
}

/**
 * Skeletons of a family name: all its words joined; without a joined Latin article; and, for a
 * Latin double name, its first word alone — Venezuelans often drop the second surname
 * (García López → García).
 */
function familySkeletons(words: readonly NameWord[]): string[] {
  const first = words[0];
  if (!first) return [];
  const out: string[] = [];
  pushReadings(out, skeletonOfWords(words));
  if (JOINED_ARTICLE_RE.test(first.spelling)) {
    pushReadings(out, skeletonOfWords([wordFromSpelling(first.spelling.slice(2)), ...words.slice(1)]));
  }
  if (words.length > 1 && LATIN_WORD_RE.test(first.spelling) && !FAMILY_PREFIXES.has(first.spelling)) {
    pushReadings(out, skeletonFromSounds(first.sounds));
  }
  return out;
}

/**
 * Name parts repeat across a program (thousands of Mohammads and Kovalenkos), so their keys are
 * memoised per spelling. Bounded: the cache is emptied when full, which keeps memory flat on a
 * million-row import and costs only a recomputation. Results are never handed out mutable.
 */
const CACHE_LIMIT = 20_000;
const givenCache = new Map<string, readonly string[]>();
const familyCache = new Map<string, readonly string[]>();
const latinCache = new Map<string, readonly string[]>();

function memo(cache: Map<string, readonly string[]>, text: string, compute: (text: string) => readonly string[]): readonly string[] {
  let value = cache.get(text);
  if (value === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    value = compute(text);
    cache.set(text, value);
  }
  return value;
}

const givenKeysOf = (text: string) => givenNameKeys(withoutParticles(nameWords(text)));
const familyKeysOf = (text: string) => familySkeletons(withoutParticles(nameWords(text)));

function addNameForm(keys: Set<string>, givenKeys: readonly string[], familyKeys: readonly string[]): void {
  if (givenKeys.length === 0 && familyKeys.length === 0) return;
  // A one-part name (common in Afghanistan) still has a key, with the other part empty.
  for (const f of familyKeys.length > 0 ? familyKeys : [""]) {
    for (const g of givenKeys.length > 0 ? givenKeys : [""]) keys.add(f + "|" + g);
  }
}

/** Latin names longer than this are only split after the first and before the last word. */
const MAX_SPLIT_WORDS = 5;

/**
 * "f|g" keys of a Latin full name. Where the given name ends is unknown ("María José García
 * López", "Mohammad Ali Ahmadi") and so is the order (passports write "FAMILY Given"), so it is
 * read at every split point, both ways round.
 */
function latinNameKeys(text: string): string[] {
  const keys = new Set<string>();
  const words = withoutParticles(nameWords(text));
  const n = words.length;
  if (n === 1) addNameForm(keys, givenNameKeys(words), []);
  for (let k = 1; k < n; k++) {
    if (n > MAX_SPLIT_WORDS && k !== 1 && k !== n - 1) continue;
    const head = words.slice(0, k);
    const tail = words.slice(k);
    addNameForm(keys, givenNameKeys(head), familySkeletons(tail));
    addNameForm(keys, givenNameKeys(tail), familySkeletons(head));
  }
  return [...keys];
}

function nameKeys(person: PersonRecord): Set<string> {
  const keys = new Set<string>();
  addNameForm(keys, memo(givenCache, person.givenName ?? "", givenKeysOf), memo(familyCache, person.familyName ?? "", familyKeysOf));
  if (person.latinName) for (const key of memo(latinCache, person.latinName, latinNameKeys)) keys.add(key);
  return keys;
}

/** What duplicate detection compares of a person, normalised once (see `duplicateIdentity`). */
export interface DuplicateIdentity {
  readonly email: string | null;
  readonly phone: string | null;
  readonly dateOfBirth: string | null;
  readonly names: ReadonlySet<string>;
}

/**
 * A person's identity for duplicate detection. Computing it is most of the cost of `duplicateKeys`
 * and `compareForDuplicate`; a caller comparing one person many times computes it once and uses
 * `identityKeys` and `compareIdentities`.
 */
export function duplicateIdentity(person: PersonRecord): DuplicateIdentity {
  return {
    email: normaliseEmail(person.email),
    phone: phoneKey(person.phone),
    dateOfBirth: dateKey(person.dateOfBirth),
    names: nameKeys(person),
  };
}

/**
 * Blocking keys for an index table: two records that `compareForDuplicate` calls likely
 * duplicates always share one. `email:<address>`, `phone:<e164>`, `name:<family>|<given>` and,
 * with a date of birth, `namedob:<family>|<given>|<date>`.
 */
export function duplicateKeys(person: PersonRecord): string[] {
  return identityKeys(duplicateIdentity(person));
}

/** `duplicateKeys` of an identity. */
export function identityKeys(id: DuplicateIdentity): string[] {
  const keys: string[] = [];
  if (id.email !== null) keys.push("email:" + id.email);
  if (id.phone !== null) keys.push("phone:" + id.phone);
  for (const name of id.names) keys.push("name:" + name);
  if (id.dateOfBirth !== null) for (const name of id.names) keys.push("namedob:" + name + "|" + id.dateOfBirth);
  return keys;
}

function sharesAny(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const key of small) if (large.has(key)) return true;
  return false;
}

/** Why two records may be the same person. Symmetric; never decides to merge. */
export function compareForDuplicate(a: PersonRecord, b: PersonRecord): DuplicateComparison {
  return compareIdentities(duplicateIdentity(a), duplicateIdentity(b));
}

/** `compareForDuplicate` of two identities. */
export function compareIdentities(x: DuplicateIdentity, y: DuplicateIdentity): DuplicateComparison {
  const reasons: DuplicateReason[] = [];
  if (x.email !== null && x.email === y.email) reasons.push("email");
  if (x.phone !== null && x.phone === y.phone) reasons.push("phone");
  if (sharesAny(x.names, y.names)) {
    if (x.dateOfBirth === null || y.dateOfBirth === null) reasons.push("name");
    else if (x.dateOfBirth === y.dateOfBirth) reasons.push("name_dob");
    // Same name, two different dates of birth: two people (Mohammad Ahmadi is not rare).
  }
  const strong = reasons.includes("email") || reasons.includes("name_dob");
  return { likely: reasons.length > 0, strength: strong ? "strong" : "weak", reasons };
}

// ---------------------------------------------------------------------------------------------
// Unsafe characters.

const SUSPECT_RE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/u;
const SUSPECT_ALL_RE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/gu;
const ARABIC_SCRIPT_RE = /\p{Script_Extensions=Arabic}/u;
const ZWNJ = "\u200c";
const ZWJ = "\u200d";

/**
 * True when a name holds characters that have no place in it and can disguise it: control
 * characters (C0, C1, DEL — so tab and newline too), line/paragraph separators, private-use code
 * points, lone surrogates, and invisible format characters — bidirectional overrides, embeddings
 * and isolates (U+202A–U+202E, U+2066–U+2069), but also LRM/RLM/ALM marks, zero-width space, BOM,
 * soft hyphen and tag characters: a name never needs them (its display direction is the page's
 * job, with dir="auto"), and they make equal-looking names unequal.
 *
 * The exception is ZWNJ/ZWJ between two Arabic-script characters: Persian writes names with ZWNJ
 * (ابراهیم‌زاده, Ebrahimzadeh), and ZWJ there is a legitimate shaping control. Indic scripts use them
 * too, but the program has no such names yet; widen this when it does.
 */
export function hasUnsafeCharacters(text: string): boolean {
  if (!SUSPECT_RE.test(text)) return false;
  for (const match of text.matchAll(SUSPECT_ALL_RE)) {
    const ch = match[0];
    if (ch !== ZWNJ && ch !== ZWJ) return true;
    const at = match.index;
    const before = at > 0 ? text.charAt(at - 1) : "";
    const after = text.charAt(at + 1);
    if (!ARABIC_SCRIPT_RE.test(before) || !ARABIC_SCRIPT_RE.test(after)) return true;
  }
  return false;
}
