import yauzl from "yauzl";

/** The kinds of CV Harbor accepts. */
export const CV_KINDS = ["pdf", "docx"] as const;
export type CvKind = (typeof CV_KINDS)[number];

export const CV_CONTENT_TYPES: Record<CvKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export const CV_MAX_BYTES = 5 * 1024 * 1024;

/** A ZIP with more entries than this is not a CV (and not worth listing further). */
const MAX_ZIP_ENTRIES = 5000;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // PK\x03\x04

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);

/**
 * What an uploaded CV really is, judged by its bytes alone — never by the name or the content
 * type the browser sent, which anyone can set. A DOCX is a ZIP (Office Open XML) that holds
 * `[Content_Types].xml` and a `word/` part; other ZIPs (XLSX, ODT, archives) are refused.
 * Only the central directory is read: nothing is decompressed.
 */
export async function sniffCvKind(bytes: Uint8Array): Promise<CvKind | null> {
  if (startsWith(bytes, PDF_MAGIC)) return "pdf";
  if (startsWith(bytes, ZIP_MAGIC) && (await isWordZip(bytes))) return "docx";
  return null;
}

function isWordZip(bytes: Uint8Array): Promise<boolean> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) return resolve(false);
      let contentTypes = false;
      let word = false;
      let seen = 0;
      const finish = (answer: boolean) => {
        zip.close();
        resolve(answer);
      };
      zip.on("entry", (entry: yauzl.Entry) => {
        seen += 1;
        if (entry.fileName === "[Content_Types].xml") contentTypes = true;
        if (entry.fileName.startsWith("word/")) word = true;
        if (contentTypes && word) return finish(true);
        if (seen >= MAX_ZIP_ENTRIES) return finish(false);
        zip.readEntry();
      });
      zip.on("end", () => resolve(contentTypes && word));
      zip.on("error", () => resolve(false));
      zip.readEntry();
    });
  });
}

// Bidirectional controls can make "cv‮fdp.exe" read as "cvexe.pdf"; control characters break
// headers. Zero-width joiners stay: Persian and Arabic words need them.
const UNSAFE_NAME_CHARACTERS = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069"\\/:*?<>|]/gu;

/**
 * The name a CV is stored and offered under: the person's own name for it (any script), made
 * safe, with the extension of what the file really is.
 */
export function cvFileName(original: string, kind: CvKind): string {
  const base = original.split(/[\\/]/).pop() ?? "";
  const stem = base
    .normalize("NFC")
    .replace(UNSAFE_NAME_CHARACTERS, "")
    .replace(/\.[^.\s]{1,10}$/u, "")
    .replace(/\s+/gu, " ")
    .trim()
    .slice(0, 100)
    .replace(/^\.+/u, "")
    .trim();
  return `${stem || "cv"}.${kind}`;
}

/**
 * A Content-Disposition header that always downloads: an ASCII fallback name for old clients
 * and the real name (RFC 5987) for the rest.
 */
export function attachmentDisposition(fileName: string): string {
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(fileName)?.[0] ?? "";
  const asciiStem = fileName
    .slice(0, fileName.length - extension.length)
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/["\\;%]/g, "_")
    .trim();
  const ascii = `${/[A-Za-z0-9]/.test(asciiStem) ? asciiStem : "download"}${extension}`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
