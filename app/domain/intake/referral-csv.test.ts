import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { parse as parseWithCsvParse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvRow } from "./csv-safety";
import {
  CsvTokenizer,
  REFERRAL_CSV_ERROR_CODES,
  ReferralCsvError,
  parseReferralCsv,
  readReferralCsv,
  type ReferralCsvOptions,
  type ReferralCsvRow,
} from "./referral-csv";
import { REFERRAL_ERROR_CODES, REFERRAL_FIELDS, ROW_FIELD, validateReferralInput, type ReferralInput } from "./referral-input";
import { REFERRAL_FILE_ERROR_KEYS } from "./referral-messages";

const today = new Date("2026-11-23T12:00:00Z");
const FIXTURES = path.resolve(import.meta.dirname, "../../../tests/fixtures/referrals");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

type Source = Parameters<typeof readReferralCsv>[0];

/** Every row read, and the file-level error that ended reading, if any. Other errors fail the test. */
async function collect(source: Source, options: ReferralCsvOptions = {}): Promise<{ rows: ReferralCsvRow[]; error: ReferralCsvError | null }> {
  const rows: ReferralCsvRow[] = [];
  try {
    for await (const item of readReferralCsv(source, { today, ...options })) rows.push(item);
  } catch (error) {
    if (error instanceof ReferralCsvError) return { rows, error };
    throw error;
  }
  return { rows, error: null };
}

/** Reads text that must be fine as a file; returns each row's value or errors. */
async function read(text: string | Buffer, options: ReferralCsvOptions = {}) {
  const { rows, error } = await collect([text], options);
  if (error) throw new Error(`unexpected file error ${error.code}: ${error.message}`);
  return rows.map(({ row, result }) => (result.ok ? { row, value: result.value } : { row, errors: result.errors }));
}

async function fileError(source: Source, options: ReferralCsvOptions = {}) {
  const { rows, error } = await collect(source, options);
  if (!error) throw new Error(`expected a file error, read ${rows.length} rows`);
  return { code: error.code, row: error.row, columns: error.columns, rowsBefore: rows.length };
}

/** The bytes in pieces of the given sizes (cycled), as a stream would deliver them. */
async function* inPieces(bytes: Buffer, sizes: number[]): AsyncGenerator<Buffer> {
  let offset = 0;
  for (let i = 0; offset < bytes.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length] ?? 1);
    yield bytes.subarray(offset, offset + size);
    offset += size;
  }
}

describe("readReferralCsv — fixtures", () => {
  it("reads a comma file with LF endings and trailing blank lines", async () => {
    expect(await read(fixture("comma-lf.csv"))).toEqual([
      {
        row: 1,
        value: {
          externalId: "kobo-1",
          givenName: "Олена",
          familyName: "Коваль",
          email: "olena.koval@example.org",
          currentCountry: "PL",
          dateOfBirth: "1988-04-12",
          preferredLanguage: "uk",
          languages: [
            { code: "uk", level: "C2" },
            { code: "pl", level: "B1" },
          ],
          skills: ["http://data.europa.eu/esco/skill/6b4a4d7e-5c3a-4b0e-9f1d-2a3b4c5d6e7f", "bookkeeping"],
        },
      },
      {
        row: 2,
        value: {
          externalId: "kobo-2",
          givenName: "Ahmad",
          familyName: "Karimi",
          phone: "+93701234567",
          currentCountry: "AF",
          preferredLanguage: "fa-AF",
          languages: [
            { code: "fa", level: "C2" },
            { code: "en", level: "B2" },
          ],
          skills: ["accounting"],
        },
      },
      {
        row: 3,
        value: { externalId: "kobo-3", givenName: "سارا", familyName: "احمدی", email: "sara@example.org", preferredLanguage: "ar", note: "Prefers remote work, evenings" },
      },
    ]);
  });

  it("reads a semicolon file with a BOM and CRLF endings; a blank row keeps its number", async () => {
    expect(await read(fixture("semicolon-bom-crlf.csv"))).toEqual([
      { row: 1, value: { givenName: "Олена", familyName: "Коваль", email: "olena@example.org", phone: "+380501234567", currentCountry: "UA", note: "Speaks; writes" } },
      { row: 2, value: { givenName: "Ali", familyName: 'Hassan "Abu Omar"', phone: "+963944567890" } },
      { row: 4, value: { givenName: "Marta", familyName: "Nowak", email: "marta@example.org" } },
    ]);
  });

  it("reads quoted fields with line breaks, commas and doubled quotes as one row", async () => {
    expect(await read(fixture("quoted-multiline.csv"))).toEqual([
      { row: 1, value: { givenName: "Iryna", familyName: "Shevchenko", email: "iryna@example.org", note: 'First line\nsecond line, with a comma\nand "quotes"' } },
      { row: 2, value: { givenName: "Oleh", familyName: "Bondar", email: "oleh@example.org", note: "plain" } },
    ]);
  });

  it("matches headers ignoring case and spaces, and ignores unknown columns (a Kobo export)", async () => {
    expect(await read(fixture("kobo-export.csv"))).toEqual([
      { row: 1, value: { givenName: "Yusuf", familyName: "Rahimi", email: "yusuf@example.org", currentCountry: "DE" } },
      { row: 2, value: { givenName: "Amina", familyName: "Haidari", phone: "+4915123456789", currentCountry: "DE", skills: ["nursing", "elderly care"] } },
    ]);
  });

  it("stops at an unclosed quote with its row, after the rows before it", async () => {
    const { rows, error } = await collect([fixture("malformed-unclosed-quote.csv")]);
    expect(rows.map((r) => r.row)).toEqual([1]);
    expect(error).toMatchObject({ code: "malformed", row: 2 });
  });

  it("names the missing required columns", async () => {
    expect(await fileError([fixture("missing-columns.csv")])).toMatchObject({ code: "missing_columns", row: 0, columns: ["givenName", "familyName"] });
  });

  it("gives the same result however the bytes are split", async () => {
    for (const name of ["comma-lf.csv", "semicolon-bom-crlf.csv", "quoted-multiline.csv", "malformed-unclosed-quote.csv"]) {
      const whole = await collect([fixture(name)]);
      for (const sizes of [[1], [2], [3, 1], [7], [64]]) {
        const split = await collect(inPieces(fixture(name), sizes));
        expect(split.rows, `${name} in ${sizes.join(",")}-byte pieces`).toEqual(whole.rows);
        expect(split.error?.code).toBe(whole.error?.code);
        expect(split.error?.row).toBe(whole.error?.row);
      }
    }
  });
});

describe("readReferralCsv — dialect", () => {
  const header = "givenName,familyName,email";

  it("takes the delimiter that appears outside quotes in the header", async () => {
    expect(await read('givenName;familyName;"email, work"\nOlena;Koval;x\n')).toEqual([{ row: 1, errors: [{ field: "email", code: "contact_required" }] }]);
    expect(await read('givenName,familyName,email,note\nOlena,Koval,o@example.org,"a;b;c;d"\n')).toEqual([
      { row: 1, value: { givenName: "Olena", familyName: "Koval", email: "o@example.org", note: "a;b;c;d" } },
    ]);
    expect(await read("givenName;familyName;email\nOlena;Koval, Jr.;o@example.org\n")).toEqual([
      { row: 1, value: { givenName: "Olena", familyName: "Koval, Jr.", email: "o@example.org" } },
    ]);
  });

  it("accepts LF, CRLF, CR and a mix, with or without a final line break", async () => {
    const expected = [
      { row: 1, value: { givenName: "A", familyName: "One", email: "a@example.org" } },
      { row: 2, value: { givenName: "B", familyName: "Two", email: "b@example.org" } },
    ];
    for (const eol of ["\n", "\r\n", "\r"]) {
      expect(await read(`${header}${eol}A,One,a@example.org${eol}B,Two,b@example.org${eol}`)).toEqual(expected);
      expect(await read(`${header}${eol}A,One,a@example.org${eol}B,Two,b@example.org`)).toEqual(expected);
    }
    expect(await read(`${header}\nA,One,a@example.org\r\nB,Two,b@example.org\r`)).toEqual(expected);
  });

  it("ignores spaces around fields", async () => {
    expect(await read(`${header}\n "Olena" ,  "Koval"\t, o@example.org \n`)).toEqual([{ row: 1, value: { givenName: "Olena", familyName: "Koval", email: "o@example.org" } }]);
  });

  it("numbers rows as a spreadsheet shows them: blank rows count, quoted line breaks do not", async () => {
    const text = `\n\n${header}\nA,One,a@example.org\n\n,,\n"B\nB",Two,b@example.org\n   \nC,Three,c@example.org\n\n`;
    const rows = await read(text);
    expect(rows.map((r) => r.row)).toEqual([1, 4, 6]);
  });

  it("reads a header alone as no rows", async () => {
    expect(await read(header)).toEqual([]);
    expect(await read(`${header}\r\n\r\n`)).toEqual([]);
  });

  it("reports rows with too many or too few cells as malformed_row, and goes on", async () => {
    expect(await read(`${header}\nA,One,a@example.org,extra\nB,Two\nC,Three,c@example.org\n`)).toEqual([
      { row: 1, errors: [{ field: ROW_FIELD, code: "malformed_row" }] },
      { row: 2, errors: [{ field: ROW_FIELD, code: "malformed_row" }] },
      { row: 3, value: { givenName: "C", familyName: "Three", email: "c@example.org" } },
    ]);
  });

  it("removes the formula escape of Harbor's own exports", async () => {
    const text = csvRow(["givenName", "familyName", "phone"]) + csvRow(["-Ann", "=Koval", "+380501234567"]);
    expect(text).toContain("'+380501234567");
    expect(await read(text)).toEqual([{ row: 1, value: { givenName: "-Ann", familyName: "=Koval", phone: "+380501234567" } }]);
  });

  it("reads Readable streams, strings and Uint8Arrays", async () => {
    const text = `${header}\nOlena,Коваль,o@example.org\n`;
    const expected = [{ row: 1, value: { givenName: "Olena", familyName: "Коваль", email: "o@example.org" } }];
    const bytes = Buffer.from(text);
    const sources: Source[] = [
      Readable.from([bytes]),
      Readable.from(inPieces(bytes, [5])),
      ["given", "Name,familyName,email\nOlena,Ко", "валь,o@example.org\n"],
      [new Uint8Array(bytes)],
    ];
    for (const source of sources) {
      const { rows, error } = await collect(source);
      expect(error).toBeNull();
      expect(rows.map(({ row, result }) => ({ row, value: result.ok ? result.value : result.errors }))).toEqual(expected);
    }
  });

  it("keeps a character split across chunks, and a BOM split across chunks", async () => {
    const bytes = Buffer.from(`\uFEFF${header}\nОлена,Коваль,o@example.org\n`);
    for (let cut = 1; cut < bytes.length; cut++) {
      const { rows, error } = await collect([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(error, `cut at ${cut}`).toBeNull();
      expect(rows.map((r) => r.result)).toEqual([{ ok: true, value: { givenName: "Олена", familyName: "Коваль", email: "o@example.org" } }]);
    }
  });

  it("parseReferralCsv returns rows or the file error", async () => {
    expect(await parseReferralCsv(`${header}\nOlena,Koval,o@example.org\n`, { today })).toEqual({
      ok: true,
      rows: [{ row: 1, result: { ok: true, value: { givenName: "Olena", familyName: "Koval", email: "o@example.org" } } }],
    });
    const failed = await parseReferralCsv("");
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error).toBeInstanceOf(ReferralCsvError);
    expect(!failed.ok && failed.error.code).toBe("no_header");
  });
});

describe("readReferralCsv — file errors", () => {
  const header = "givenName,familyName,email\n";

  it("binary: NUL bytes", async () => {
    expect(await fileError([Buffer.from(`${header}Olena,Ko\0val,o@example.org\n`)])).toMatchObject({ code: "binary" });
  });

  it("binary: bytes that are not UTF-8 (Windows-1252, UTF-16, stray continuation bytes)", async () => {
    expect(await fileError([Buffer.concat([Buffer.from(`${header}Am`), Buffer.from([0xe9]), Buffer.from("lie,Koval,a@example.org\n")])])).toMatchObject({
      code: "binary",
    });
    expect(await fileError([Buffer.from(`\uFEFF${header}`, "utf16le")])).toMatchObject({ code: "binary" });
    expect(await fileError([Buffer.from([0x80, 0x41])])).toMatchObject({ code: "binary" });
    expect(await fileError([Buffer.from([0xff, 0xfe])])).toMatchObject({ code: "binary" });
    expect(await fileError([Buffer.from([0xef, 0xbb])])).toMatchObject({ code: "binary" });
  });

  it("binary: a file that ends inside a character", async () => {
    const bytes = Buffer.from(`${header}Olena,Коваль`);
    expect(await fileError([bytes.subarray(0, bytes.length - 1)])).toMatchObject({ code: "binary" });
  });

  it("too_large: more bytes than maxBytes", async () => {
    const text = `${header}Olena,Koval,o@example.org\n`;
    expect(await fileError([text], { maxBytes: text.length - 1 })).toMatchObject({ code: "too_large" });
    expect((await collect([text], { maxBytes: text.length })).error).toBeNull();
    expect(await fileError(inPieces(Buffer.from(text.repeat(100)), [10]), { maxBytes: 100 })).toMatchObject({ code: "too_large" });
  });

  it("too_many_rows: more data rows than maxRows; trailing blank lines do not count", async () => {
    const text = `${header}A,One,a@example.org\nB,Two,b@example.org\nC,Three,c@example.org\n`;
    expect(await fileError([text], { maxRows: 2 })).toEqual({ code: "too_many_rows", row: 3, columns: undefined, rowsBefore: 2 });
    expect((await collect([`${text}\n\n\n`], { maxRows: 3 })).error).toBeNull();
  });

  it("no_header: empty, a BOM alone, blank lines only", async () => {
    for (const text of ["", "\uFEFF", "\n\n", " \r\n\t\r\n"]) expect(await fileError([text]), JSON.stringify(text)).toMatchObject({ code: "no_header" });
    expect(await fileError([])).toMatchObject({ code: "no_header" });
  });

  it("missing_columns: givenName and familyName are required columns", async () => {
    expect(await fileError(["givenName,email\nOlena,o@example.org\n"])).toMatchObject({ code: "missing_columns", columns: ["familyName"] });
    // A file without a header row: its first row is taken as one, and lacks the columns.
    expect(await fileError(["Olena,Koval,o@example.org\n"])).toMatchObject({ code: "missing_columns", columns: ["givenName", "familyName"] });
  });

  it("malformed: a repeated column", async () => {
    expect(await fileError(["givenName,familyName,Email,email\n"])).toMatchObject({ code: "malformed", row: 0, columns: ["email"] });
  });

  it("malformed: stray quotes, text after a closing quote, unclosed quotes — with the row", async () => {
    const ok = "A,One,a@example.org\n";
    expect(await fileError([`${header}${ok}B,Tw"o,b@example.org\n${ok}`])).toEqual({ code: "malformed", row: 2, columns: undefined, rowsBefore: 1 });
    expect(await fileError([`${header}${ok}${ok}"B"x,Two,b@example.org\n`])).toMatchObject({ code: "malformed", row: 3, rowsBefore: 2 });
    expect(await fileError([`${header}${ok}\nB,"Two,b@example.org\n${ok}`])).toMatchObject({ code: "malformed", row: 3, rowsBefore: 1 });
    expect(await fileError([`given"Name,familyName\n`])).toMatchObject({ code: "malformed", row: 0 });
  });

  it("malformed: a record over 1 MiB (an unclosed quote must not hold the rest of the file)", async () => {
    async function* endless() {
      yield `${header}A,One,a@example.org\nB,"`;
      for (let i = 0; i < 40; i++) yield "x".repeat(64 * 1024);
    }
    expect(await fileError(endless())).toMatchObject({ code: "malformed", row: 2, rowsBefore: 1 });
  });

  it("has a translation key for every file error code", () => {
    for (const code of REFERRAL_CSV_ERROR_CODES) expect(REFERRAL_FILE_ERROR_KEYS[code], code).toBe(`intake:file_errors.${code}`);
  });

  it("throws ReferralCsvError, so callers can tell file problems from bugs", async () => {
    await expect(async () => {
      for await (const _ of readReferralCsv([""])) void _;
    }).rejects.toBeInstanceOf(ReferralCsvError);
  });
});

describe("readReferralCsv — streaming", () => {
  it("reads a long field arriving a byte at a time (held records are not re-read per byte)", { timeout: 60_000 }, async () => {
    async function* trickle() {
      yield 'givenName,familyName,email,note\nA,B,a@example.org,"';
      for (let i = 0; i < 100_000; i++) yield "x";
      yield '"\nC,D,c@example.org,short\n';
    }
    const { rows, error } = await collect(trickle());
    expect(error).toBeNull();
    expect(rows.map((r) => r.result)).toEqual([
      { ok: false, errors: [{ field: "note", code: "too_long" }] },
      { ok: true, value: { givenName: "C", familyName: "D", email: "c@example.org", note: "short" } },
    ]);
  });

  it("streams 100,000 rows, reading the source only as rows are consumed", { timeout: 120_000 }, async () => {
    const total = 100_000;
    let chunksPulled = 0;
    async function* source() {
      yield csvRow(["externalId", "givenName", "familyName", "email", "phone", "currentCountry", "languages", "skills", "note"]);
      let batch = "";
      for (let i = 1; i <= total; i++) {
        batch += csvRow([`id-${i}`, "Олена", `Коваль ${i}`, `olena.${i}@example.org`, "050 123 4567", "UA", "uk:C2;en:B1", "accounting", "Note, with a comma"]);
        if (batch.length > 32 * 1024) {
          chunksPulled++;
          yield batch;
          batch = "";
        }
      }
      chunksPulled++;
      yield batch;
    }
    let count = 0;
    let pulledAtFirstRow = -1;
    for await (const { row, result } of readReferralCsv(source(), { today })) {
      if (count === 0) pulledAtFirstRow = chunksPulled;
      count++;
      if (row !== count || !result.ok) throw new Error(`row ${row}: ${JSON.stringify(result)}`);
    }
    expect(count).toBe(total);
    expect(pulledAtFirstRow).toBe(1); // the first row came before the rest of the file was read
    expect(chunksPulled).toBeGreaterThan(100);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties.

/** Our tokenizer, fed in pieces of the given sizes. */
function tokenize(text: string, delimiter: string, sizes: number[] = [1 << 20]) {
  const tokenizer = new CsvTokenizer(delimiter.charCodeAt(0));
  const records: string[][] = [];
  const bytes = Buffer.from(text);
  for (let offset = 0, i = 0; offset < bytes.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length] ?? 1);
    if (tokenizer.push(bytes.subarray(offset, offset + size), records)) return { error: true as const };
    offset += size;
  }
  return tokenizer.end(records) ? { error: true as const } : { records };
}

/** csv-parse with our dialect; `trim` ignores spaces around quoted fields, as we do. */
function csvParse(text: string, delimiter: string, trim: boolean) {
  try {
    const records: string[][] = parseWithCsvParse(text, {
      delimiter,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      ltrim: trim,
      rtrim: trim,
      skip_empty_lines: false,
    });
    return { records };
  } catch {
    return { error: true as const };
  }
}

/** Without trailing blank records: csv-parse drops a last whitespace-only line, readers skip blank rows. */
function comparable(records: string[][]): string[][] {
  const kept = [...records];
  while (kept.length > 0 && kept.at(-1)?.every((f) => f.trim() === "")) kept.pop();
  return kept;
}

describe("CsvTokenizer agrees with csv-parse (properties)", () => {
  const pieces = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 4 });

  it("on well-formed CSV, quoted and unquoted, with any line endings and spaces around quotes", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", "Ж", "ع", " ", ",", ";", '"', "\n", "\r", "\t") });
    // Edge spaces of unquoted fields are kept by us (validation trims) and trimmed by csv-parse.
    const cell = text.filter((f) => !/^[ \t]|[ \t]$/.test(f));
    const record = fc.array(fc.tuple(cell, fc.boolean(), fc.constantFrom("", " ", "\t ")), { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(record, fc.constantFrom("\n", "\r\n", "\r")), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(",", ";"),
        fc.boolean(),
        pieces,
        (records, delimiter, finalBreak, sizes) => {
          const csv = records
            .map(([fields, eol], index) => {
              const line = fields
                .map(([value, forceQuotes, pad]) => (forceQuotes || /[",;\r\n]/.test(value) ? `${pad}"${value.replaceAll('"', '""')}"${pad}` : value))
                .join(delimiter);
              return index < records.length - 1 || finalBreak ? line + eol : line;
            })
            .join("");
          const ours = tokenize(csv, delimiter, sizes);
          expect(ours).toEqual(csvParse(csv, delimiter, true));
          expect(ours.records).toEqual(records.map(([fields]) => fields.map(([value]) => value)));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("on arbitrary text, in any pieces: both fail, or both read the same records", () => {
    // No spaces here: around quotes csv-parse is more lenient than we are ('"" ""' reads as one field).
    const text = fc.string({ unit: fc.constantFrom("a", "Ж", ",", ";", '"', "\n", "\r"), maxLength: 40 });
    fc.assert(
      fc.property(text, pieces, (csv, sizes) => {
        const ours = tokenize(csv, ",", sizes);
        const theirs = csvParse(csv, ",", false);
        if ("error" in ours || "error" in theirs) {
          expect("error" in ours).toBe("error" in theirs);
          return;
        }
        expect(comparable(ours.records)).toEqual(comparable(theirs.records));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("readReferralCsv (properties)", () => {
  const codes = new Set<string>(REFERRAL_ERROR_CODES);
  const fields = new Set<string>([...REFERRAL_FIELDS, ROW_FIELD]);

  it("(a) on any bytes or text throws nothing but ReferralCsvError; rows count from 1 upward, errors name a field", async () => {
    const header = fc.constantFrom("", "givenName,familyName,email,phone\n", "\uFEFFgivenName;familyName;languages;skills;currentCountry\r\n");
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      fc.string({ unit: "binary", maxLength: 200 }).map((text) => Buffer.from(text)),
      fc.string({ unit: fc.constantFrom("a", "Ж", ",", ";", '"', "\n", "\r", " ", "@", ":", "+", "0", "1", "\0", "\uFEFF", "\u202E") }).map((text) => Buffer.from(text)),
    );
    await fc.assert(
      fc.asyncProperty(header, body, fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 4 }), async (head, bytes, sizes) => {
        const { rows } = await collect(inPieces(Buffer.concat([Buffer.from(head), bytes]), sizes));
        let previous = 0;
        for (const { row, result } of rows) {
          expect(row).toBeGreaterThan(previous);
          previous = row;
          if (result.ok) continue;
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) {
            expect(fields.has(e.field)).toBe(true);
            expect(codes.has(e.code)).toBe(true);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  // Valid referrals whose text needs care in CSV: commas, quotes, line breaks, formula-like starts,
  // Cyrillic and Arabic.
  const nameText = fc
    .string({ unit: fc.constantFrom("O", "l", "a", "Ж", "о", "і", "ع", "ل", "ي", " ", ",", '"', "'", "-", "=", "+", "@"), minLength: 1, maxLength: 30 })
    .filter((name) => name.trim() !== "")
    .map((name) => name.trim());
  const referral: fc.Arbitrary<Record<string, string>> = fc.record({
    externalId: fc.oneof(fc.constant(""), fc.uuid()),
    givenName: nameText,
    familyName: nameText,
    email: fc.tuple(fc.stringMatching(/^[a-z0-9]{1,12}$/), fc.constantFrom("example.org", "mail.example.com")).map(([local, domain]) => `${local}@${domain}`),
    phone: fc.constantFrom("", "+380501234567", "+963 944 567 890", "00 48 501 234 567"),
    currentCountry: fc.constantFrom("UA", "pl", "DE"),
    languages: fc.subarray(["uk:C2", "en:B1", "ar:A2", "fa-AF:C1"]).map((pairs) => pairs.join(";")),
    skills: fc.array(fc.constantFrom("accounting, audit", "бухгалтерія", "تمريض", "http://data.europa.eu/esco/skill/6b4a4d7e-5c3a-4b0e-9f1d-2a3b4c5d6e7f")).map((s) => s.join(";")),
    note: fc.string({ unit: fc.constantFrom("a", "Б", "ب", " ", ",", ";", '"', "\n", "\r\n", "=", "-"), maxLength: 60 }),
  });
  const columns = ["externalId", "givenName", "familyName", "email", "phone", "currentCountry", "languages", "skills", "note"] as const;
  const asCsv = (items: Array<Record<string, string>>) => csvRow([...columns]) + items.map((item) => csvRow(columns.map((c) => item[c]))).join("");

  it("(b) referrals written with csvRow read back as the same values", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(referral, { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 3 }), async (items, sizes) => {
        const expected = items.map((item): ReferralInput => {
          const result = validateReferralInput(item, { today });
          if (!result.ok) throw new Error(`generator made an invalid referral: ${JSON.stringify([item, result.errors])}`);
          return result.value;
        });
        const { rows, error } = await collect(inPieces(Buffer.from(asCsv(items)), sizes));
        expect(error).toBeNull();
        expect(rows).toEqual(expected.map((value, index) => ({ row: index + 1, result: { ok: true, value } })));
      }),
      { numRuns: 300 },
    );
  });

  // Rows of plain cells (no quotes, delimiters or line breaks), so a damage's row is known exactly.
  const plainCell = fc.string({ unit: fc.constantFrom("a", "b", "Ж", "ع", " ", "@", "."), minLength: 1, maxLength: 8 }).filter((c) => c.trim() !== "");
  const plainFile = fc.array(fc.array(plainCell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 10 });
  const plainCsv = (rows: string[][]) => ["givenName,familyName,note", ...rows.map((r) => r.join(","))].join("\n") + "\n";
  const pieces = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 3 });

  it("(c) an unclosed quote fails the file at its row, after exactly the rows before it", async () => {
    await fc.assert(
      fc.asyncProperty(plainFile, fc.nat(), fc.nat(2), pieces, async (rows, at, column, sizes) => {
        const k = at % rows.length;
        const damaged = rows.map((r, i) => (i === k ? r.map((cell, j) => (j === column ? `"${cell}` : cell)) : r));
        const { rows: read, error } = await collect(inPieces(Buffer.from(plainCsv(damaged)), sizes));
        expect(error).toMatchObject({ code: "malformed", row: k + 1 });
        expect(read.map((r) => r.row)).toEqual(Array.from({ length: k }, (_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });

  it("(c) a quoted field cut short by truncation fails the file at its row", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(referral, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), async (items, at, cut) => {
        const k = at % items.length;
        // Give row k a quoted note, then cut the file inside it.
        const rows = items.map((item, i) => (i === k ? { ...item, note: `see, "CV"\n${item.note}` } : item));
        const before = asCsv(rows.slice(0, k));
        const line = csvRow(columns.map((c) => rows[k]?.[c]));
        const open = line.indexOf('"see, ');
        const text = before + line.slice(0, open + 1 + (cut % (line.indexOf('""CV""') - open)));
        const { rows: read, error } = await collect([text]);
        expect(error).toMatchObject({ code: "malformed", row: k + 1 });
        expect(read).toHaveLength(k);
      }),
      { numRuns: 300 },
    );
  });

  it("(c) a NUL byte anywhere fails the file as binary", async () => {
    await fc.assert(
      fc.asyncProperty(plainFile, fc.nat(), pieces, async (rows, at, sizes) => {
        const bytes = Buffer.from(plainCsv(rows));
        const position = at % (bytes.length + 1);
        const damaged = Buffer.concat([bytes.subarray(0, position), Buffer.from([0]), bytes.subarray(position)]);
        expect((await collect(inPieces(damaged, sizes))).error?.code).toBe("binary");
      }),
      { numRuns: 300 },
    );
  });

  it("(c) a wrong or extra delimiter in a row makes that row malformed_row, and only that row", async () => {
    await fc.assert(
      fc.asyncProperty(plainFile, fc.nat(), fc.constantFrom(";", "extra", "tab"), pieces, async (rows, at, damage, sizes) => {
        const k = at % rows.length;
        const lines = plainCsv(rows).split("\n");
        const line = lines[k + 1] ?? "";
        lines[k + 1] = damage === ";" ? line.replaceAll(",", ";") : damage === "extra" ? `${line},` : line.replace(",", "\t");
        const { rows: read, error } = await collect(inPieces(Buffer.from(lines.join("\n")), sizes));
        expect(error).toBeNull();
        expect(read).toHaveLength(rows.length);
        for (const { row, result } of read) {
          if (row === k + 1) expect(result).toEqual({ ok: false, errors: [{ field: ROW_FIELD, code: "malformed_row" }] });
          else expect(result.ok || result.errors.every((e) => e.code !== "malformed_row")).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
