// The badge's picture: a shield with the badge name (up to three lines) and its level on a ribbon.
// Self-contained SVG (no fonts or links to load), so it renders the same in a wallet, an email
// or offline. The text's language and direction are declared, so Arabic or Persian names are laid
// out right to left and shaped by a font for that language.

export interface BadgeImageInput {
  name: string;
  /** The level as the holder should read it, already translated ("Level 3", "المستوى ٣"). */
  level: string;
  direction: "ltr" | "rtl";
  /** BCP 47 tag of `name` and `level`. */
  lang: string;
}

const MAX_LINES = 3;
// About what fits across the shield in a common sans-serif at the name's font size; rows of very
// wide letters (WWWW…) can still run past the edge.
const LINE_LENGTH = 16;
const LEVEL_LENGTH = 22;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (part) => part.segment);
}

// Characters XML 1.0 does not allow at all (escaping cannot make them legal).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
function xml(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

function truncate(text: string, length: number): string {
  const parts = splitGraphemes(text);
  return parts.length <= length ? text : `${parts.slice(0, length - 1).join("")}…`;
}

/** Words filled greedily into lines; a word longer than a line is cut; past three lines, "…". */
export function wrapName(name: string): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const wordParts = splitGraphemes(word);
    const needed = line.length === 0 ? wordParts.length : line.length + 1 + wordParts.length;
    if (needed <= LINE_LENGTH) {
      line = line.length === 0 ? wordParts : [...line, " ", ...wordParts];
      continue;
    }
    if (line.length > 0) lines.push(line.join(""));
    line = wordParts;
    while (line.length > LINE_LENGTH) {
      lines.push(line.slice(0, LINE_LENGTH).join(""));
      line = line.slice(LINE_LENGTH);
    }
  }
  if (line.length > 0) lines.push(line.join(""));
  if (lines.length <= MAX_LINES) return lines;
  const last = splitGraphemes(lines[MAX_LINES - 1]!);
  return [...lines.slice(0, MAX_LINES - 1), `${last.slice(0, LINE_LENGTH - 1).join("")}…`];
}

export function badgeSvg(input: BadgeImageInput): string {
  const lines = wrapName(input.name);
  const lineHeight = 30;
  // The block of lines is centred on the shield's middle, above the ribbon.
  const firstBaseline = 190 - ((lines.length - 1) * lineHeight) / 2;
  const tspans = lines
    .map((line, i) => `<tspan x="200" y="${firstBaseline + i * lineHeight}">${xml(line)}</tspan>`)
    .join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img" xml:lang="${xml(input.lang)}" direction="${input.direction}">`,
    `<title>${xml(`${input.name} — ${input.level}`)}</title>`,
    `<path d="M200 24 L344 72 V196 C344 284 280 344 200 376 C120 344 56 284 56 196 V72 Z" fill="#1d3b5c" stroke="#d4a72c" stroke-width="10" stroke-linejoin="round"/>`,
    `<text font-family="sans-serif" font-size="24" font-weight="700" fill="#ffffff" text-anchor="middle" direction="${input.direction}">${tspans}</text>`,
    `<rect x="60" y="268" width="280" height="44" rx="8" fill="#d4a72c"/>`,
    `<text x="200" y="298" font-family="sans-serif" font-size="20" font-weight="700" fill="#1d3b5c" text-anchor="middle" direction="${input.direction}">${xml(truncate(input.level, LEVEL_LENGTH))}</text>`,
    `</svg>`,
  ].join("");
}
