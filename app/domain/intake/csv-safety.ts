// CSV output that spreadsheets cannot turn into formulas. Every CSV export goes through csvRow.
//
// The rule, one for every column: a text cell whose first character is = + - @ tab, carriage
// return, line feed or NUL gets a leading apostrophe (OWASP "CSV Injection"; ASVS 5 1.2.10 adds
// NUL). Excel, LibreOffice and Google Sheets then show it as text instead of evaluating it.
//
// Trade-off: legitimate values that start with those characters change too. An E.164 phone
// "+380501234567" is written "'+380501234567" and a note "- see CV" as "'- see CV". We accept that
// rather than exempting "safe" columns: an exemption is a judgement every future export would
// have to get right, and a phone column is exactly where an attacker would put "+cmd|…". Numbers
// passed as numbers are not text and are written as they are (-5 stays -5). Harbor's own CSV
// reader removes the apostrophe again (unescapeFormulaCell), so exported files re-import as they
// were; for that to be exact, a value already starting with apostrophes before a trigger
// ("'=x") gets one more, like any other.

const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r", "\n", "\0"]);

/** Whether the text, after any leading apostrophes, starts with a trigger character. */
function startsLikeFormula(text: string): boolean {
  let i = 0;
  while (text.charCodeAt(i) === 0x27) i++;
  return FORMULA_TRIGGERS.has(text.charAt(i));
}

/** Characters that need the cell quoted: the delimiters we read (, and ;), quotes and line breaks. */
const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;

/** One CSV cell: formula-neutralised, then quoted with doubled quotes when needed (RFC 4180). */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = startsLikeFormula(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, comma-separated and ending in CRLF (RFC 4180), ready to concatenate. */
export function csvRow(cells: ReadonlyArray<string | number | null | undefined>): string {
  return cells.map(csvCell).join(",") + "\r\n";
}

/**
 * The inverse of the formula escape, for reading CSV: "'=SUM(A1)" → "=SUM(A1)". Only apostrophes
 * before a trigger character are an escape; "'Ali" and "O'Neil" keep theirs.
 */
export function unescapeFormulaCell(text: string): string {
  return text.charCodeAt(0) === 0x27 && startsLikeFormula(text) ? text.slice(1) : text;
}
