import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvRow, unescapeFormulaCell } from "./csv-safety";

describe("csvCell", () => {
  it("writes plain text, numbers and nothing as they are", () => {
    expect(csvCell("Olena")).toBe("Olena");
    expect(csvCell("Олена Коваль")).toBe("Олена Коваль");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(-5)).toBe("-5"); // a number is not a formula
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell("")).toBe("");
  });

  it("quotes cells holding delimiters, quotes, line breaks or edge spaces, doubling quotes", () => {
    expect(csvCell("Koval, Olena")).toBe('"Koval, Olena"');
    expect(csvCell("uk:C2;en:B1")).toBe('"uk:C2;en:B1"'); // ";" files split here otherwise
    expect(csvCell('Hassan "Abu Omar"')).toBe('"Hassan ""Abu Omar"""');
    expect(csvCell("line\nline")).toBe('"line\nline"');
    expect(csvCell("line\r\nline")).toBe('"line\r\nline"');
    expect(csvCell(" padded ")).toBe('" padded "');
  });

  it("neutralises formulas with a leading apostrophe (OWASP)", () => {
    expect(csvCell("=HYPERLINK(\"http://evil.example\",\"x\")")).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(csvCell("=1+2")).toBe("'=1+2");
    expect(csvCell("+1+2")).toBe("'+1+2");
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe("\"'\r=1\"");
    expect(csvCell("\0=1")).toBe("'\0=1");
  });

  it("applies the one rule to phones too: E.164 gets the apostrophe", () => {
    expect(csvCell("+380501234567")).toBe("'+380501234567");
  });

  it("leaves apostrophes elsewhere alone, and escapes apostrophes before a trigger once more", () => {
    expect(csvCell("O'Brien")).toBe("O'Brien");
    expect(csvCell("'quoted'")).toBe("'quoted'");
    expect(csvCell("'=1")).toBe("''=1");
  });
});

describe("csvRow", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(csvRow(["a", null, 3, "b,c"])).toBe('a,,3,"b,c"\r\n');
    expect(csvRow([])).toBe("\r\n");
  });
});

describe("unescapeFormulaCell", () => {
  it("removes exactly the escape csvCell adds", () => {
    expect(unescapeFormulaCell("'=1+2")).toBe("=1+2");
    expect(unescapeFormulaCell("'+380501234567")).toBe("+380501234567");
    expect(unescapeFormulaCell("''=1")).toBe("'=1");
    expect(unescapeFormulaCell("'quoted'")).toBe("'quoted'");
    expect(unescapeFormulaCell("O'Brien")).toBe("O'Brien");
    expect(unescapeFormulaCell("'")).toBe("'");
  });
});

// Cells mixing everything that needs care: delimiters, quotes, line breaks, formula triggers,
// apostrophes, and scripts beyond ASCII.
const trickyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(",", ";", '"', "'", "\n", "\r", "\t", " ", "=", "+", "-", "@", "\0", "О", "л", "ع", "ب", "‌", "😀"),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
});

describe("csvCell and csvRow (properties)", () => {
  it("never lets a cell start a formula", () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const cell = csvCell(text);
        const content = cell.startsWith('"') ? cell.slice(1) : cell;
        expect(["=", "+", "-", "@", "\t", "\r", "\n", "\0"]).not.toContain(content.charAt(0));
      }),
      { numRuns: 1000 },
    );
  });

  it("round-trips through an independent CSV parser", () => {
    fc.assert(
      fc.property(fc.array(fc.array(trickyText, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map(csvRow).join("");
        const parsed: string[][] = parse(text, { relax_column_count: true, record_delimiter: "\r\n" });
        expect(parsed.map((row) => row.map(unescapeFormulaCell))).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});
