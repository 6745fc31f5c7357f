/**
 * Names in any of the program's scripts → a Latin phonetic "skeleton", so that one person's name
 * written in Cyrillic, Arabic script or any of the usual romanisations lands on the same string:
 *
 *   "Олександр Коваленко" / "Oleksandr Kovalenko" / "Oleksander Kowalenko"   → olksndrkvlnk-
 *   "محمد الأحمد" / "Mohammad Al-Ahmad" / "Muhammed Al Ahmed"               → mhmdhmd
 *
 * Pipeline (all tables are built once; per call it is one pass per word, no regex replace chains):
 *
 * 1. NFKC + lower-case. NFKC rather than plain NFC because it also folds what copy-paste from PDFs
 *    and phones brings in: Arabic presentation forms (ﻻ → لا), full-width Latin, ligatures.
 * 2. Split into words on anything that is not a letter. Apostrophes (Мар'яна, Sa'ad, ʿUmar),
 *    combining marks (harakat, accents), tatweel, ZWNJ/ZWJ and other invisible format characters
 *    are dropped without splitting: they are spelling, not word boundaries.
 * 3. Script per character:
 *    - Cyrillic: Ukrainian KMU 2010 for Ukrainian-looking words (і ї є ґ, or no Russian-only letter),
 *      Russian ICAO 9303 otherwise. The two differ mostly in г (h/g), и (y/i) — both folded by the
 *      skeleton — and the result is also the exact-lookup key for the given-name table.
 *    - Arabic script (Arabic, Persian/Dari, Pashto, Urdu and Sorani letters): straight to consonant
 *      codes, because the script writes no short vowels. The article ال is dropped (and عبدال is
 *      split as عبد + ال…). و is a consonant (v) at the start of a word or before a vowel letter
 *      (Marwan مروان, Mousavi موسوی), a vowel otherwise (Mahmoud محمود). ي/ی is a vowel (Yasser and
 *      Ayman drop it too on the Latin side). A word-initial ا/أ/ع/ء says "some vowel" but not which
 *      (Omar عمر, Ahmad أحمد, Ebrahim ابراهیم), written "*". Persian words (any of پ چ ژ ک گ ی, or
 *      Pashto letters) read ث ض as s z, Arabic words as t d.
 *    - Latin: diacritics stripped, except those that spell a distinct sound in Slavic/Turkish
 *      romanisation (š ş → sh, č ç → ch, ž → zh, ł → l, ı → i, ğ → g…).
 *    - Anything else (Greek, Georgian, CJK…) is kept as is: it still matches itself.
 * 4. Latin spelling → sounds, with the digraphs of English, German and Polish romanisations of
 *    Cyrillic: shch/schtsch/szcz → x+c, sh/sch/sz → x (sh), ch/tch/tsch/cz → c (ch), zh/dzh/dj/j → j,
 *    kh/gh/g/h → h (Ukrainian г is h, Russian g; Arabic ح ه خ غ are all "h" in someone's spelling),
 *    ph → f, th → t, dh → d, w/v → v, q/ck → k, x → ks, c → s before e/i/y and k otherwise.
 *    Word-final -ij/-yj/-ej/-oj is a vowel (Serhij = Serhii). A word-final h-sound becomes a
 *    vowel: Arabic ة/ه and Latin -ah/-eh are optional in romanisation (Fatima/Fatimah/Fatemeh),
 *    Latin cannot tell final ح from ه (Saleh صالح), nor Ukrainian Oleh from Russian Oleg.
 * 5. Skeleton: the first sound if it is a vowel, as a class — a, o (o/u), e (e/i/y) or * (unknown,
 *    from Arabic script) — then the consonants with vowels removed and repeats collapsed, then "-"
 *    when the name ends in a vowel. Keeping the leading vowel class keeps Olena (oln-) apart from
 *    Alina (aln-); keeping "ends in a vowel" keeps Karim/Karima, Oleksandr/Oleksandra and
 *    Ivanov/Ivanova apart. Latin names that start with j + vowel are written "J" (j or y:
 *    Jaroslav/Yaroslav, Jusuf/Yusuf) — `skeletonVariants` expands "*" and "J".
 *
 * Known limits (tested as such): the skeleton drops vowels, so names that differ only in vowels
 * collide (Hassan/Hussein, Mohammad/Mahmoud — the given-name table separates the common ones);
 * a/o at the start are different (Oleksandr/Aleksandr — table); x is read as ks, never kh
 * (Kurmanji Xalid); Ishaq is read with "sh"; w is always a consonant (Dawlat ≠ دولت, Khosrow ≠
 * خسرو, since Polish/German Jarosław and Iwanow need it); French silent final e (Abderrahmane)
 * counts as a vowel; a German/Polish medial j (Marjana) is a consonant, unlike Mariana's i.
 */

/** One word of a name, after transliteration. */
export interface NameWord {
  /** Lower-case Latin spelling for Latin and Cyrillic letters, upper-case consonant codes for Arabic script: the exact-lookup key for the given-name table. */
  readonly spelling: string;
  /** Sound symbols: consonants b c d f h j k l m n p r s t v x z, vowel classes a o e, * (unknown vowel), J (j or y), other scripts' letters as they are. */
  readonly sounds: string;
  /** The word was followed by a hyphen (al-Ahmad), which marks an Arabic article in Latin. */
  readonly hyphenAfter: boolean;
  /** For an Arabic-script word whose leading ال was dropped: the word read with it, since ال also starts names (الهام Elham, الياس Elias). */
  readonly withArticle: NameWord | null;
}

// ---------------------------------------------------------------------------------------------
// Character classes, computed once per code unit and cached: the regexes run once per distinct
// character, not once per character seen.

const LETTER = 1;
const SKIP = 2; // dropped without splitting the word
const HYPHEN = 3;
const SEPARATOR = 4;

const charClass = new Uint8Array(0x10000);
const LETTER_RE = /^\p{L}$/u;
const SKIP_RE = /^[\p{M}\p{Cf}]$/u;
// Apostrophes and ayn/hamza marks people type inside names; several are letters (Lm) to Unicode.
const APOSTROPHES = "'`´ʹʻʼʽʾʿˈ‘’‛′";
const HYPHENS = "-‐‑‒–—―−﹣－";

function classOf(code: number): number {
  const cached = charClass[code];
  if (cached) return cached;
  const ch = String.fromCharCode(code);
  let cls: number;
  if (code === 0x0640 /* tatweel */ || APOSTROPHES.includes(ch) || SKIP_RE.test(ch)) cls = SKIP;
  else if (LETTER_RE.test(ch)) cls = LETTER;
  else if (HYPHENS.includes(ch)) cls = HYPHEN;
  else cls = SEPARATOR;
  charClass[code] = cls;
  return cls;
}

const ASTRAL_LETTER_RE = /^\p{L}$/u;
const ASTRAL_SKIP_RE = /^[\p{M}\p{Cf}]$/u;

// ---------------------------------------------------------------------------------------------
// Latin letters beyond ASCII.

/** Letters whose diacritic spells a different sound in the romanisations we see. */
const LATIN_SPECIAL: Record<string, string> = {
  š: "sh", ş: "sh", ș: "sh", ś: "s", č: "ch", ç: "ch", ć: "c", ž: "zh", ż: "zh", ź: "z",
  ł: "l", ı: "i", ğ: "g", ø: "o", æ: "ae", œ: "oe", ß: "ss", đ: "d", ð: "d", þ: "th", ŋ: "n",
  ə: "a", ħ: "h", ŧ: "t",
};
const latinFold: Array<string | undefined> = [];
const COMBINING_RE = /\p{M}/gu;
const ASCII_LETTERS_RE = /^[a-z]+$/;

function foldLatin(code: number): string {
  const cached = latinFold[code];
  if (cached !== undefined) return cached;
  const ch = String.fromCharCode(code);
  let folded = LATIN_SPECIAL[ch];
  if (folded === undefined) {
    const stripped = ch.normalize("NFD").replace(COMBINING_RE, "").toLowerCase();
    folded = ASCII_LETTERS_RE.test(stripped) ? stripped : ch;
  }
  latinFold[code] = folded;
  return folded;
}

function isLatinBeyondAscii(code: number): boolean {
  return (code >= 0x00c0 && code <= 0x02af) || (code >= 0x1e00 && code <= 0x1eff);
}

// ---------------------------------------------------------------------------------------------
// Cyrillic: KMU 2010 (Ukrainian) and ICAO 9303 (Russian passports since 2013).

const CYRILLIC_COMMON: Record<string, string> = {
  а: "a", б: "b", в: "v", ґ: "g", д: "d", е: "e", ж: "zh", з: "z", і: "i", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch",
  ш: "sh", щ: "shch", ь: "", ъ: "", ы: "y", э: "e", ё: "e", ў: "u",
  // Serbian, Kazakh and Tajik letters, so that the few names in them are not silently dropped.
  ј: "j", љ: "lj", њ: "nj", ђ: "dj", ћ: "c", џ: "dzh", ғ: "gh", қ: "q", ң: "n", ә: "a", ө: "o",
  ұ: "u", ү: "u", һ: "h", ҳ: "h", ҷ: "j", ӣ: "i", ӯ: "u",
};
/** Ukrainian letters spelled differently at the start of a word (KMU 2010). */
const UKRAINIAN_INITIAL: Record<string, string> = { є: "ye", ї: "yi", й: "y", ю: "yu", я: "ya" };
const UKRAINIAN_OTHER: Record<string, string> = { є: "ie", ї: "i", й: "i", ю: "iu", я: "ia", и: "y", г: "h" };
const RUSSIAN: Record<string, string> = { й: "i", ю: "iu", я: "ia", и: "i", г: "g", є: "ie", ї: "i" };
const UKRAINIAN_ONLY_RE = /[іїєґ]/;
const RUSSIAN_ONLY_RE = /[ыэъё]/;

function isCyrillic(code: number): boolean {
  return code >= 0x0400 && code <= 0x052f;
}

function cyrillicLetter(ch: string, initial: boolean, previous: string, ukrainian: boolean): string {
  const common = CYRILLIC_COMMON[ch];
  if (common !== undefined) return common;
  if (ukrainian) {
    if (ch === "г" && previous === "з") return "gh"; // зг → zgh, so it is not read as "zh"
    const special = initial ? UKRAINIAN_INITIAL[ch] : undefined;
    return special ?? UKRAINIAN_OTHER[ch] ?? ch;
  }
  return RUSSIAN[ch] ?? ch;
}

// ---------------------------------------------------------------------------------------------
// Arabic script → consonant codes (upper case, so the Latin digraph rules never join them).
// Vowel codes: A (a-like), O (و as a vowel), E (ي ی إ), * (some vowel, unknown which).

const ARABIC_FIXED: Record<string, string> = {
  آ: "A", ؤ: "A", ئ: "A", إ: "E", ب: "B", ة: "A", ت: "T", ج: "J", ح: "H", خ: "H", د: "D", ذ: "Z",
  ر: "R", ز: "Z", س: "S", ش: "X", ص: "S", ط: "T", ظ: "Z", غ: "H", ف: "F", ق: "K", ك: "K", ل: "L",
  م: "M", ن: "N", ه: "H", ى: "E", ي: "E",
  // Persian / Dari
  پ: "P", چ: "C", ژ: "J", ک: "K", گ: "H", ی: "E", ۀ: "A",
  // Pashto
  ټ: "T", ډ: "D", ړ: "R", ږ: "J", ښ: "X", ځ: "Z", څ: "S", ڼ: "N", ې: "E", ۍ: "E",
  // Urdu
  ٹ: "T", ڈ: "D", ڑ: "R", ں: "N", ھ: "H", ہ: "H", ے: "E", ۓ: "E",
  // Sorani Kurdish
  ڤ: "V", ڕ: "R", ڵ: "L", ۆ: "O", ێ: "E", ە: "A", ۋ: "V",
};
/** Letters that read as "some vowel" at the start of a word and as a vowel elsewhere. */
const ARABIC_OPEN = "اأٱعء";
/** Letters after which و is a consonant (Marwan مروان, Dawood داوود, Mousavi موسوی). */
const ARABIC_VOWEL_LETTERS = "اأإآٱىيیوةۀېےۍئء";
const PERSIAN_RE = /[پچژکگیۀټډړږښځڅڼېۍ]/;

function isArabicScript(code: number): boolean {
  return (code >= 0x0600 && code <= 0x06ff) || (code >= 0x0750 && code <= 0x077f) || (code >= 0x08a0 && code <= 0x08ff);
}

function arabicLetter(ch: string, initial: boolean, next: string, persian: boolean): string {
  if (ARABIC_OPEN.includes(ch)) return initial ? "*" : "A";
  if (ch === "و") return initial || (next !== "" && ARABIC_VOWEL_LETTERS.includes(next)) ? "V" : "O";
  if (ch === "ث") return persian ? "S" : "T";
  if (ch === "ض") return persian ? "Z" : "D";
  return ARABIC_FIXED[ch] ?? ch;
}

// ---------------------------------------------------------------------------------------------
// Words.

const NON_ASCII_RE = /[\u0080-\uffff]/;

/** A word's letters (no marks, apostrophes or joiners) → its spelling. */
function spellWord(word: string): string {
  if (!NON_ASCII_RE.test(word)) return word; // the common case: already Latin, lower-case
  let out = "";
  let ukrainian: boolean | undefined;
  let persian: boolean | undefined;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0x80) out += word[i];
    else if (isLatinBeyondAscii(code)) out += foldLatin(code);
    else if (isCyrillic(code)) {
      ukrainian ??= UKRAINIAN_ONLY_RE.test(word) || !RUSSIAN_ONLY_RE.test(word);
      out += cyrillicLetter(word[i] as string, i === 0, i > 0 ? (word[i - 1] as string) : "", ukrainian);
    } else if (isArabicScript(code)) {
      persian ??= PERSIAN_RE.test(word);
      out += arabicLetter(word[i] as string, i === 0, i + 1 < word.length ? (word[i + 1] as string) : "", persian);
    } else out += word[i];
  }
  return out;
}

const A = 97, C = 99, D = 100, E = 101, H = 104, I = 105, J = 106, K = 107, O = 111, U = 117, Y = 121, Z = 122;

function isVowelLetter(code: number): boolean {
  return code === A || code === E || code === I || code === O || code === U || code === Y;
}

/** Upper-case Arabic codes → sounds. */
const CODE_SOUND: Record<string, string> = { A: "a", O: "o", E: "e", "*": "*" };

/**
 * Latin spelling (lower case, ASCII, possibly with upper-case Arabic codes) → sounds. Exported for
 * the given-name table and for alternative readings built by duplicate detection.
 */
export function latinSounds(spelling: string): string {
  let out = "";
  const n = spelling.length;
  for (let i = 0; i < n; i++) {
    const c = spelling.charCodeAt(i);
    const next = i + 1 < n ? spelling.charCodeAt(i + 1) : 0;
    switch (c) {
      case A:
        out += "a";
        break;
      case E:
      case I:
      case Y:
        out += "e";
        break;
      case O:
      case U:
        out += "o";
        break;
      case C:
        if (next === H || next === Z) { out += "c"; i++; }
        else if (next === K) { out += "k"; i++; }
        else out += next === E || next === I || next === Y ? "s" : "k";
        break;
      case D:
        if (next === Z && spelling.charCodeAt(i + 2) === H) { out += "j"; i += 2; }
        else if (next === J) { out += "j"; i++; }
        else if (next === H) { out += "d"; i++; }
        else out += "d";
        break;
      case 103: // g
        out += "h";
        if (next === H) i++;
        break;
      case J:
        if (i === 0 && isVowelLetter(next)) out += "J";
        else if (i === n - 1 && i > 0 && isSoftBeforeFinalJ(spelling.charCodeAt(i - 1))) out += "e";
        else out += "j";
        break;
      case K:
        if (next === H) { out += "h"; i++; }
        else out += "k";
        break;
      case 112: // p
        if (next === H) { out += "f"; i++; }
        else out += "p";
        break;
      case 113: // q
        out += "k";
        break;
      case 115: // s
        if (spelling.startsWith("shch", i)) { out += "xc"; i += 3; }
        else if (spelling.startsWith("schtsch", i)) { out += "xc"; i += 6; }
        else if (spelling.startsWith("szcz", i)) { out += "xc"; i += 3; }
        else if (spelling.startsWith("sch", i)) { out += "x"; i += 2; }
        else if (next === H || next === Z) { out += "x"; i++; }
        else out += "s";
        break;
      case 116: // t
        if (spelling.startsWith("tsch", i)) { out += "c"; i += 3; }
        else if (spelling.startsWith("tch", i)) { out += "c"; i += 2; }
        else if (next === H) { out += "t"; i++; }
        else if (next === Z) { out += "ts"; i++; }
        else out += "t";
        break;
      case 119: // w: always v — Polish/German Kowalenko, Jarosław, Iwanow (Andrew is in the table)
        out += "v";
        break;
      case 120: // x
        out += "ks";
        break;
      case Z:
        if (next === H) { out += "j"; i++; }
        else out += "z";
        break;
      default: {
        const ch = spelling[i] as string;
        if (c >= 65 && c <= 90) out += CODE_SOUND[ch] ?? ch.toLowerCase();
        else out += ch; // b f h l m n r t v, "*", and other scripts' letters
      }
    }
  }
  // A final h-sound is optional in romanisation (Fatima/Fatimah, Oleh/Oleg, Saleh/صالح): a vowel.
  if (n > 1 && out.charCodeAt(out.length - 1) === H) out = out.slice(0, -1) + "a";
  return out;
}

function isSoftBeforeFinalJ(code: number): boolean {
  return code === I || code === Y || code === E || code === O;
}

function makeWord(letters: string, withArticle: NameWord | null): NameWord {
  const spelling = spellWord(letters);
  return { spelling, sounds: latinSounds(spelling), hyphenAfter: false, withArticle };
}

/** A word built from a Latin spelling (used for alternative readings). */
export function wordFromSpelling(spelling: string, hyphenAfter = false): NameWord {
  return { spelling, sounds: latinSounds(spelling), hyphenAfter, withArticle: null };
}

const AL = "ال";
const ALEF_WASLA_AL = "ٱل";
const ABD_AL = "عبدال";

/** Pushes a word; hyphens after it are marked later, by `markHyphen`. */
function pushWord(words: NameWord[], letters: string): void {
  if (letters.length >= 4 && (letters.startsWith(AL) || letters.startsWith(ALEF_WASLA_AL))) {
    words.push(makeWord(letters.slice(2), makeWord(letters, null)));
  } else if (letters.length >= 7 && letters.startsWith(ABD_AL)) {
    words.push(makeWord("عبد", null), makeWord(letters.slice(5), null));
  } else {
    words.push(makeWord(letters, null));
  }
}

/** The words of a name, transliterated, with Arabic-script articles handled. Never throws. */
export function nameWords(text: string): NameWord[] {
  const s = NON_ASCII_RE.test(text) ? text.normalize("NFKC").toLowerCase() : text.toLowerCase();
  const words: NameWord[] = [];
  let letters = "";
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    let cls: number;
    let ch: string;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        ch = s.slice(i, i + 2);
        i++;
        cls = ASTRAL_SKIP_RE.test(ch) ? SKIP : ASTRAL_LETTER_RE.test(ch) ? LETTER : SEPARATOR;
      } else {
        ch = s[i] as string;
        cls = SEPARATOR;
      }
    } else {
      ch = s[i] as string;
      cls = classOf(code);
    }
    if (cls === LETTER) {
      letters += ch;
    } else if (cls === HYPHEN || cls === SEPARATOR) {
      if (letters !== "") {
        pushWord(words, letters);
        letters = "";
      }
      if (cls === HYPHEN && words.length > 0) markHyphen(words);
    }
  }
  if (letters !== "") pushWord(words, letters);
  return words;
}

/** Marks the last word as followed by a hyphen (words are immutable, so it is replaced). */
function markHyphen(words: NameWord[]): void {
  const last = words[words.length - 1] as NameWord;
  if (!last.hyphenAfter) words[words.length - 1] = { ...last, hyphenAfter: true };
}

// ---------------------------------------------------------------------------------------------
// Latin particles.

/** Arabic article written as its own word in Latin: "Al Ahmad", "El Sayed". */
const ARTICLE_WORDS = new Set(["al", "el", "ul", "ol"]);
/** Article forms assimilated to a sun letter, only when hyphenated: ar-Rashid, as-Sayed, ud-Din. */
const HYPHENATED_ARTICLES = new Set([
  "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az",
  "ed", "en", "er", "es", "esh", "et", "ez", "ud", "un", "ur", "us", "ush", "ut", "uz",
]);
/** Spanish/Portuguese/Dutch/German particles (Venezuela: "de la Cruz", "García y López"). */
const PARTICLES = new Set(["de", "del", "la", "las", "los", "y", "da", "das", "do", "dos", "di", "van", "von", "der", "den", "du", "le"]);
/** Abdul-, Abdel-, Abdur-, Abdol-…: "Abd" + article, split so that Abdulaziz = Abdul Aziz = عبد العزيز. */
const ABD_ARTICLE_RE = /^abd[aeou][lrsntdz]/;

/**
 * Drops articles and particles (never the last word) and splits Abd-al compounds. The result is
 * what both the skeleton and duplicate detection work on.
 */
export function withoutParticles(words: readonly NameWord[]): NameWord[] {
  const out: NameWord[] = [];
  const last = words.length - 1;
  for (let i = 0; i <= last; i++) {
    const w = words[i] as NameWord;
    const sp = w.spelling;
    if (i < last && (ARTICLE_WORDS.has(sp) || PARTICLES.has(sp) || (w.hyphenAfter && HYPHENATED_ARTICLES.has(sp)))) continue;
    if (sp.length >= 5 && ABD_ARTICLE_RE.test(sp)) {
      const rest = sp.slice(5);
      if (rest !== "") {
        out.push(wordFromSpelling("abd"), wordFromSpelling(rest, w.hyphenAfter));
        continue;
      }
      if (i < last) {
        out.push(wordFromSpelling("abd", w.hyphenAfter));
        continue;
      }
    }
    out.push(w);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Skeletons.

function isVowelSound(ch: string): boolean {
  return ch === "a" || ch === "o" || ch === "e" || ch === "*";
}

/** Sounds (of one word or several joined) → skeleton. */
export function skeletonFromSounds(sounds: string): string {
  let out = "";
  let previous = "";
  const n = sounds.length;
  for (let i = 0; i < n; i++) {
    let ch = sounds[i] as string;
    if (isVowelSound(ch)) {
      if (i === 0) out = ch;
      continue;
    }
    if (ch === "J") {
      if (i === 0) {
        out = "J";
        previous = "j";
        continue;
      }
      ch = "j";
    }
    if (ch !== previous) {
      out += ch;
      previous = ch;
    }
  }
  if (n > 1 && isVowelSound(sounds[n - 1] as string)) out += "-";
  return out;
}

/** The readings of a skeleton's ambiguous first sound: * → a, o, e; J → j, e. */
export function skeletonVariants(skeleton: string): string[] {
  const first = skeleton[0];
  if (first === "*") {
    const rest = skeleton.slice(1);
    return ["a" + rest, "o" + rest, "e" + rest];
  }
  if (first === "J") {
    const rest = skeleton.slice(1);
    return ["j" + rest, "e" + rest];
  }
  return [skeleton];
}

/** Skeleton of a sequence of words (joined: "Abdul Aziz" = "Abdulaziz"). */
export function skeletonOfWords(words: readonly NameWord[]): string {
  let sounds = "";
  for (const w of words) sounds += w.sounds;
  return skeletonFromSounds(sounds);
}

/**
 * The phonetic skeleton of a name in any of the program's scripts (see the module comment).
 * A leading "*" means "some vowel" (Arabic script does not say which) and a leading "J" means
 * "j or y"; use `latinSkeletons` to compare.
 */
export function toLatinSkeleton(name: string): string {
  return skeletonOfWords(withoutParticles(nameWords(name)));
}

/** Every reading of `toLatinSkeleton(name)`; two names are alike when these share an element. */
export function latinSkeletons(name: string): string[] {
  const skeleton = toLatinSkeleton(name);
  return skeleton === "" ? [] : skeletonVariants(skeleton);
}
