// Folding for skill search: one function for stored labels and for queries, so both always meet.

/**
 * Letters that Unicode decomposes into a base letter + mark but that are letters of their own in
 * the alphabets Harbor serves: Ukrainian/Russian й, Ukrainian ї, Belarusian ў. Typing и for й
 * (or і for ї) is a spelling mistake, not a casual omission, so they keep their identity; only
 * Russian ё is folded (to е), because writing е for ё is normal Russian usage.
 */
const KEEP_DECOMPOSED: ReadonlyArray<[RegExp, string]> = [
  [/\u0438\u0306/g, "\u0439"], // и + breve → й
  [/\u0418\u0306/g, "\u0419"], // И + breve → Й
  [/\u0456\u0308/g, "\u0457"], // і + diaeresis → ї
  [/\u0406\u0308/g, "\u0407"], // І + diaeresis → Ї
  [/\u0443\u0306/g, "\u045E"], // у + breve → ў
  [/\u0423\u0306/g, "\u040E"], // У + breve → Ў
];

/**
 * One spelling per letter where Arabic and Persian writers (and keyboards) differ. Hamza-carrying
 * alef/waw/yeh already lose their hamza when marks are stripped after NFKD.
 */
const ARABIC_SCRIPT: Readonly<Record<string, string>> = {
  "\u0671": "\u0627", // ٱ alef wasla → ا
  "\u0649": "\u064A", // ى alef maksura → ي
  "\u06CC": "\u064A", // Persian ی → ي
  "\u06D0": "\u064A", // ې (Pashto) → ي
  "\u06A9": "\u0643", // Persian ک → ك
  "\u0629": "\u0647", // ة → ه
  "\u06D5": "\u0647", // ە → ه (also what ۀ leaves after NFKD)
  "\u06BE": "\u0647", // ھ → ه
  "\u06C1": "\u0647", // ہ → ه
};

/** Arabic-script letters folded by ARABIC_SCRIPT, as one character class. */
const ARABIC_VARIANTS = new RegExp(`[${Object.keys(ARABIC_SCRIPT).join("")}]`, "g");

/**
 * Removed outright: combining marks (diacritics, Arabic tashkeel, superscript alef), tatweel,
 * soft hyphen, zero-width joiner and direction marks — none of them changes which word it is.
 */
const INVISIBLE = /[\p{M}\u0640\u00AD\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]|\u200D/gu;

/**
 * Folds text for search: the same string for every way a person might type the same label.
 *
 * NFKD (compatibility forms such as ligatures and Arabic presentation forms become plain
 * letters), accents and other marks removed (é → e, ё → е, أ/إ/آ → ا), lower-cased without a
 * locale (the result must not depend on the server's language), German ß → ss, Arabic and
 * Persian letter variants unified (ى/ی → ي, ک → ك, ة → ه), Arabic-Indic digits → 0–9, apostrophes
 * and dashes unified, the Persian zero-width non-joiner read as a space (people type a space or
 * nothing for it), and whitespace collapsed. Й, ї and ў stay distinct letters (see above).
 */
export function foldForSearch(text: string): string {
  let folded = text.normalize("NFKD");
  for (const [pattern, letter] of KEEP_DECOMPOSED) folded = folded.replace(pattern, letter);
  return folded
    .replace(INVISIBLE, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(ARABIC_VARIANTS, (letter) => ARABIC_SCRIPT[letter] ?? letter)
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/[\u2018\u2019\u201B\u02BC\u02B9\u0060\u00B4\u2032]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\u200C/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A LIKE pattern that matches `folded` literally anywhere (or at the start), with `\` as the
 * escape character — the SQL must say `ESCAPE '\'`.
 */
export function likePattern(folded: string, where: "prefix" | "substring"): string {
  const escaped = folded.replace(/[\\%_]/g, (c) => `\\${c}`);
  return where === "prefix" ? `${escaped}%` : `%${escaped}%`;
}
