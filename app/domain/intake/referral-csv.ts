// Referral rows from a CSV file (Partner API contract: a header row with the contract's field
// names; UTF-8, BOM allowed; "," or ";"). Streaming: memory stays bounded by one input slice and
// one record, whatever the file's size, so a million-row upload runs in a small heap.
//
// Dialect, decided here once:
// - Encoding: UTF-8 only; one leading BOM is dropped. NUL bytes or invalid UTF-8 → "binary" (this
//   is also what Excel's "Unicode text" (UTF-16) and Windows-1252 "CSV" files produce).
//   Checked per chunk with `isUtf8`, holding back a character split across chunks.
// - Delimiter: counted in the header line outside quotes; ";" when it appears more often than ",",
//   else ",". The same delimiter then holds for the whole file.
// - Records end at CRLF, LF or CR, and may mix them. Quoted fields may hold delimiters, line
//   breaks and doubled quotes (RFC 4180); spaces and tabs around a quoted field are ignored. A
//   quote anywhere else (a stray `"` inside an unquoted field, text after a closing quote, a
//   quote never closed) is "malformed" for the whole file, with its row: guessing what was meant
//   would import wrong data, and everything after it would be misaligned.
// - Header names are matched to the contract's field names ignoring case and surrounding spaces;
//   other columns are ignored. givenName and familyName are required columns.
// - Rows: the first record after the header is row 1, as a spreadsheet shows it (a quoted line
//   break does not start a new row). Blank rows (no text in any cell, e.g. trailing ",,,," lines)
//   are skipped but keep their number, so row numbers match the sheet the NGO is looking at.
// - A row with more or fewer cells than the header is the row error "malformed_row".
// - A cell written by csvCell ("'=…", "'+380…") loses its formula-escape apostrophe, so Harbor's
//   own exports re-import unchanged.
//
// Why not csv-parse: on 13-column rows it parsed 60,000–75,000 records/s on our 2-core machine,
// which with validation left ~33,000 rows/s end to end; this tokenizer (indexOf for quotes, one
// string per field) reads the same records ~10× faster. csv-parse stays the reference it is
// tested against, on generated and on arbitrary input (referral-csv.test.ts).
import { isUtf8 } from "node:buffer";
import type { Readable } from "node:stream";
import { unescapeFormulaCell } from "./csv-safety";
import {
  REFERRAL_FIELDS,
  ROW_FIELD,
  validateReferralInput,
  type ReferralField,
  type ReferralInputResult,
  type ReferralValidationOptions,
} from "./referral-input";

export const REFERRAL_CSV_ERROR_CODES = ["binary", "too_large", "too_many_rows", "no_header", "missing_columns", "malformed"] as const;
export type ReferralCsvErrorCode = (typeof REFERRAL_CSV_ERROR_CODES)[number];

/** A problem with the file as a whole: nothing after it can be read. */
export class ReferralCsvError extends Error {
  override readonly name = "ReferralCsvError";
  /**
   * For "malformed", "missing_columns" and "too_many_rows": the data row (from 1) where reading
   * stopped; 0 is the header line.
   */
  readonly row: number | undefined;
  /** For "missing_columns": the required columns not found; for "malformed" at row 0: repeated ones. */
  readonly columns: string[] | undefined;

  constructor(
    readonly code: ReferralCsvErrorCode,
    message: string,
    details: { row?: number; columns?: string[] } = {},
  ) {
    super(message);
    this.row = details.row;
    this.columns = details.columns;
  }
}

export interface ReferralCsvOptions extends ReferralValidationOptions {
  /** Bytes read before "too_large"; no limit by default (memory is bounded either way). */
  maxBytes?: number;
  /** Data rows (blank ones included) before "too_many_rows"; no limit by default. */
  maxRows?: number;
}

export interface ReferralCsvRow {
  /** Data row, from 1. */
  row: number;
  result: ReferralInputResult;
}

const REQUIRED_COLUMNS: readonly ReferralField[] = ["givenName", "familyName"];
const FIELD_BY_HEADER = new Map<string, ReferralField>(REFERRAL_FIELDS.map((field) => [field.toLowerCase(), field]));
/** Input is tokenized in slices this big, so one huge chunk cannot pile up records in memory. */
const SLICE_BYTES = 64 * 1024;
/**
 * A record longer than this is "malformed": no referral row comes near it (a note is 2,000
 * characters), and an unclosed quote would otherwise make us hold the rest of the file.
 */
export const MAX_RECORD_BYTES = 1024 * 1024;
/** The delimiter is decided from this much of the header line at most. */
const MAX_SNIFF_BYTES = 64 * 1024;

const QUOTE = 0x22;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const EMPTY = Buffer.alloc(0);
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function binary(message: string): ReferralCsvError {
  return new ReferralCsvError("binary", message);
}

/**
 * Checks that bytes are UTF-8 text without NUL, chunk by chunk, and drops a leading BOM. A
 * multi-byte character split across chunks is held back until the rest arrives.
 */
class Utf8Guard {
  private carry: Buffer = EMPTY;
  private atStart = true;

  push(chunk: Buffer): Buffer {
    let bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = EMPTY;
    if (this.atStart) {
      // Too few bytes yet to tell whether a BOM starts the file.
      if (bytes.length < 3 && bytes.equals(BOM.subarray(0, bytes.length))) {
        this.carry = Buffer.from(bytes);
        return EMPTY;
      }
      this.atStart = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    if (bytes.includes(0)) throw binary("The file contains NUL bytes: it is not a text file.");
    const end = completeLength(bytes);
    if (end < bytes.length) this.carry = Buffer.from(bytes.subarray(end));
    const complete = bytes.subarray(0, end);
    if (!isUtf8(complete)) throw binary("The file is not UTF-8 text.");
    return complete;
  }

  /** At the end of input, bytes still held back are a character cut short (or a lone "EF BB"). */
  end(): void {
    if (this.carry.length > 0) throw binary("The file ends in the middle of a UTF-8 character.");
  }
}

/** Length of the prefix of `bytes` that does not end inside a multi-byte UTF-8 sequence. */
function completeLength(bytes: Buffer): number {
  const length = bytes.length;
  // Walk back over at most 3 continuation bytes (10xxxxxx) to the lead byte of the last sequence.
  let start = length - 1;
  while (start >= 0 && start > length - 4 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start--;
  if (start < 0) return length;
  const lead = bytes[start] ?? 0;
  const needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  // Complete, or invalid in a way isUtf8 reports: either way nothing to hold back.
  return start + needed > length ? start : length;
}

/**
 * Finds the delimiter in the header line: skips leading blank lines, then counts "," and ";"
 * outside quotes up to the end of the first line with text. Fed chunk by chunk.
 */
class DelimiterSniffer {
  private commas = 0;
  private semicolons = 0;
  private inQuotes = false;
  private seenText = false;
  private scanned = 0;
  private delimiter: number | null = null;

  /** The delimiter byte once known. */
  feed(bytes: Buffer): number | null {
    for (let i = 0; i < bytes.length && this.delimiter === null; i++) {
      const b = bytes[i];
      if (this.inQuotes) {
        if (b === QUOTE) this.inQuotes = false; // a doubled quote toggles twice
      } else if (b === LF || b === CR) {
        if (this.seenText) this.decide();
      } else {
        if (b === QUOTE) this.inQuotes = true;
        else if (b === COMMA) this.commas++;
        else if (b === SEMICOLON) this.semicolons++;
        if (b !== SPACE && b !== TAB) this.seenText = true;
      }
    }
    this.scanned += bytes.length;
    if (this.delimiter === null && this.scanned >= MAX_SNIFF_BYTES && this.seenText) this.decide();
    return this.delimiter;
  }

  /** At the end of input: the delimiter, or null when the file holds no text at all. */
  finish(): number | null {
    if (this.delimiter === null && this.seenText) this.decide();
    return this.delimiter;
  }

  private decide() {
    this.delimiter = this.semicolons > this.commas ? SEMICOLON : COMMA;
  }
}

/** Why the tokenizer stopped: the record it was reading is not CSV. */
export class CsvSyntaxError extends Error {
  override readonly name = "CsvSyntaxError";
}

/**
 * Splits UTF-8 CSV bytes into records of strings, incrementally. Each field becomes its own
 * string (decoded from the bytes), so a value kept by the caller never pins a whole input chunk
 * in memory, as a substring of a chunk would. Exported for tests.
 */
export class CsvTokenizer {
  /** The start of a record not complete yet, read again when more bytes arrive. */
  private rest: Buffer = EMPTY;
  private waiting: Buffer[] = [];
  private waitingBytes = 0;

  constructor(
    private readonly delimiter: number,
    private readonly maxRecordBytes = MAX_RECORD_BYTES,
  ) {}

  /** Appends the records this chunk completes to `out`; returns the error that stops reading, if any. */
  push(chunk: Buffer, out: string[][]): CsvSyntaxError | undefined {
    if (this.rest.length === 0) return this.parse(chunk, false, out);
    this.waiting.push(chunk);
    this.waitingBytes += chunk.length;
    // Reading a held record again costs its length, so wait until at least as many new bytes
    // have come: a long record arriving in tiny pieces is then read in linear, not quadratic, time.
    if (this.waitingBytes < this.rest.length) return undefined;
    return this.parse(this.takeHeld(), false, out);
  }

  /** Appends the last record, if the input did not end with a line break. */
  end(out: string[][]): CsvSyntaxError | undefined {
    return this.parse(this.takeHeld(), true, out);
  }

  private takeHeld(): Buffer {
    const bytes = Buffer.concat([this.rest, ...this.waiting]);
    this.rest = EMPTY;
    this.waiting = [];
    this.waitingBytes = 0;
    return bytes;
  }

  private parse(buf: Buffer, final: boolean, out: string[][]): CsvSyntaxError | undefined {
    const length = buf.length;
    const delimiter = this.delimiter;
    let pos = 0;
    this.rest = EMPTY;
    while (pos < length) {
      const recordStart = pos;
      const fields: string[] = [];
      // Each turn reads one field; `pos` ends on the byte after it (delimiter, line break or end).
      for (;;) {
        let p = pos;
        while (p < length && (buf[p] === SPACE || buf[p] === TAB)) p++;
        if (p < length && buf[p] === QUOTE) {
          let close = -1;
          let doubled = false;
          for (let from = p + 1; ; ) {
            const q = buf.indexOf(QUOTE, from);
            if (q === -1) break;
            if (q + 1 === length && !final) break; // the next chunk may start with a second quote
            if (buf[q + 1] === QUOTE) {
              doubled = true;
              from = q + 2;
              continue;
            }
            close = q;
            break;
          }
          if (close === -1) {
            if (final) return new CsvSyntaxError("a quoted field is never closed");
            return this.hold(buf, recordStart);
          }
          const value = buf.toString("utf8", p + 1, close);
          fields.push(doubled ? value.replaceAll('""', '"') : value);
          pos = close + 1;
          while (pos < length && (buf[pos] === SPACE || buf[pos] === TAB)) pos++;
          if (pos < length && buf[pos] !== delimiter && buf[pos] !== LF && buf[pos] !== CR) {
            return new CsvSyntaxError("text follows a closing quote");
          }
        } else {
          let e = p;
          while (e < length) {
            const c = buf[e];
            if (c === delimiter || c === LF || c === CR) break;
            if (c === QUOTE) return new CsvSyntaxError("a quote inside an unquoted field");
            e++;
          }
          if (e === length && !final) return this.hold(buf, recordStart);
          fields.push(buf.toString("utf8", pos, e));
          pos = e;
        }
        if (pos === length) {
          if (!final) return this.hold(buf, recordStart);
          break;
        }
        if (buf[pos] === delimiter) {
          pos++;
          continue;
        }
        // A line break ends the record; CR LF counts once, and a lone CR needs the next byte.
        if (buf[pos] === CR) {
          if (pos + 1 === length && !final) return this.hold(buf, recordStart);
          pos += buf[pos + 1] === LF ? 2 : 1;
        } else {
          pos++;
        }
        break;
      }
      if (pos - recordStart > this.maxRecordBytes) return new CsvSyntaxError("a record is longer than 1 MiB");
      out.push(fields);
    }
    return undefined;
  }

  /** Keeps an incomplete record for the next chunk, within the size limit. */
  private hold(buf: Buffer, recordStart: number): CsvSyntaxError | undefined {
    if (buf.length - recordStart > this.maxRecordBytes) return new CsvSyntaxError("a record is longer than 1 MiB");
    // A copy, so the rest of the chunk can be collected.
    this.rest = Buffer.from(buf.subarray(recordStart));
    return undefined;
  }
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  // Strings are already text; lone surrogates in them become U+FFFD, as any UTF-8 encoder does.
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError("readReferralCsv reads bytes or strings");
}

function isBlank(record: readonly string[]): boolean {
  for (const cell of record) if (cell.trim() !== "") return false;
  return true;
}

/** Maps the header record to column positions, or throws the file-level problem with it. */
function readHeader(record: readonly string[]): Array<[ReferralField, number]> {
  const columns: Array<[ReferralField, number]> = [];
  const repeated = new Set<ReferralField>();
  record.forEach((name, index) => {
    const field = FIELD_BY_HEADER.get(name.trim().toLowerCase());
    if (!field) return; // unknown columns are ignored
    if (columns.some(([seen]) => seen === field)) repeated.add(field);
    else columns.push([field, index]);
  });
  const missing = REQUIRED_COLUMNS.filter((field) => !columns.some(([seen]) => seen === field));
  if (missing.length > 0) {
    throw new ReferralCsvError("missing_columns", `The header row lacks the column(s) ${missing.join(", ")}.`, { row: 0, columns: missing });
  }
  if (repeated.size > 0) {
    // Two "email" columns: which one the NGO meant cannot be known.
    throw new ReferralCsvError("malformed", `The header row repeats the column(s) ${[...repeated].join(", ")}.`, {
      row: 0,
      columns: [...repeated],
    });
  }
  return columns;
}

/**
 * Reads referral rows from CSV bytes, one at a time: `{ row, result }` for every data row that is
 * not blank, in order. Problems with a row are in its `result`; problems with the file throw a
 * ReferralCsvError — possibly after earlier rows were yielded, so a caller that must be
 * all-or-nothing reads to the end before it acts.
 */
export async function* readReferralCsv(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> | Readable,
  options: ReferralCsvOptions = {},
): AsyncGenerator<ReferralCsvRow, void, undefined> {
  const maxBytes = options.maxBytes ?? Infinity;
  const maxRows = options.maxRows ?? Infinity;
  // One "today" per file: every row's age is counted on the same day.
  const validation: ReferralValidationOptions = { today: options.today ?? new Date() };
  const guard = new Utf8Guard();
  const sniffer = new DelimiterSniffer();
  let held: Buffer[] = []; // bytes read before the delimiter is known (about the header line)
  let tokenizer: CsvTokenizer | null = null;
  const records: string[][] = [];
  let header: Array<[ReferralField, number]> | null = null;
  let headerLength = 0;
  let row = 0;
  let bytesRead = 0;

  const malformed = (error: CsvSyntaxError): ReferralCsvError => {
    const at = header ? row + 1 : 0;
    return new ReferralCsvError("malformed", `The file cannot be read as CSV at row ${at}: ${error.message}.`, { row: at });
  };

  // Turns tokenized records into rows; the header is the first record with text.
  function* drain(): Generator<ReferralCsvRow> {
    for (const record of records) {
      if (!header) {
        if (isBlank(record)) continue;
        header = readHeader(record);
        headerLength = record.length;
        continue;
      }
      row++;
      if (isBlank(record)) continue;
      if (row > maxRows) throw new ReferralCsvError("too_many_rows", `The file has more than ${maxRows} rows.`, { row });
      if (record.length !== headerLength) {
        yield { row, result: { ok: false, errors: [{ field: ROW_FIELD, code: "malformed_row" }] } };
        continue;
      }
      const input: Partial<Record<ReferralField, string>> = {};
      for (const [field, index] of header) input[field] = unescapeFormulaCell(record[index] ?? "");
      yield { row, result: validateReferralInput(input, validation) };
    }
    records.length = 0;
  }

  function* tokenize(reader: CsvTokenizer, bytes: Buffer): Generator<ReferralCsvRow> {
    for (let offset = 0; offset < bytes.length; offset += SLICE_BYTES) {
      const error = reader.push(bytes.subarray(offset, offset + SLICE_BYTES), records);
      // Rows before the error are still reported, so its row number follows theirs.
      yield* drain();
      if (error) throw malformed(error);
    }
  }

  function* accept(bytes: Buffer): Generator<ReferralCsvRow> {
    if (bytes.length === 0) return;
    if (tokenizer) return yield* tokenize(tokenizer, bytes);
    held.push(bytes);
    const delimiter = sniffer.feed(bytes);
    if (delimiter === null) return;
    const reader = (tokenizer = new CsvTokenizer(delimiter));
    const pending = held;
    held = [];
    for (const chunk of pending) yield* tokenize(reader, chunk);
  }

  const chunks: AsyncIterable<unknown> | Iterable<unknown> = source;
  for await (const chunk of chunks) {
    const bytes = toBuffer(chunk);
    bytesRead += bytes.length;
    if (bytesRead > maxBytes) throw new ReferralCsvError("too_large", `The file is larger than ${maxBytes} bytes.`);
    yield* accept(guard.push(bytes));
  }
  guard.end();
  if (!tokenizer) {
    const delimiter = sniffer.finish();
    if (delimiter === null) throw new ReferralCsvError("no_header", "The file has no header row.");
    const reader = (tokenizer = new CsvTokenizer(delimiter));
    for (const chunk of held) yield* tokenize(reader, chunk);
    held = [];
  }
  const error = tokenizer.end(records);
  yield* drain();
  if (error) throw malformed(error);
  if (!header) throw new ReferralCsvError("no_header", "The file has no header row.");
}

/**
 * The whole of a small CSV text at once (a pasted list, a test). Large files should go through
 * readReferralCsv and be handled row by row.
 */
export async function parseReferralCsv(
  text: string,
  options: ReferralCsvOptions = {},
): Promise<{ ok: true; rows: ReferralCsvRow[] } | { ok: false; error: ReferralCsvError }> {
  const rows: ReferralCsvRow[] = [];
  try {
    for await (const item of readReferralCsv([text], options)) rows.push(item);
  } catch (error) {
    if (error instanceof ReferralCsvError) return { ok: false, error };
    throw error;
  }
  return { ok: true, rows };
}
