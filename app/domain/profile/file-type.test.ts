import { describe, expect, it } from "vitest";
import { minimalDocx, minimalPdf, minimalXlsx, zipOf } from "../../../tests/fixtures/files/cv-fixtures";
import { attachmentDisposition, cvFileName, sniffCvKind } from "./file-type";

describe("sniffCvKind", () => {
  it("recognises a PDF and a DOCX by their bytes", async () => {
    expect(await sniffCvKind(minimalPdf())).toBe("pdf");
    expect(await sniffCvKind(minimalDocx())).toBe("docx");
  });

  it("refuses a fake PDF, whatever it is called", async () => {
    expect(await sniffCvKind(new TextEncoder().encode("PDF-1.4 but really plain text"))).toBeNull();
    expect(await sniffCvKind(new TextEncoder().encode("<html><script>alert(1)</script></html>"))).toBeNull();
    expect(await sniffCvKind(new Uint8Array())).toBeNull();
  });

  it("refuses ZIPs that are not Word documents, and broken ZIPs", async () => {
    expect(await sniffCvKind(minimalXlsx())).toBeNull();
    expect(await sniffCvKind(zipOf({ "word/document.xml": "<w/>" }))).toBeNull(); // no [Content_Types].xml
    expect(await sniffCvKind(minimalDocx().slice(0, 60))).toBeNull(); // truncated: no central directory
  });

  it("refuses the old binary Word format", async () => {
    expect(await sniffCvKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBeNull();
  });
});

describe("cvFileName", () => {
  it("keeps the person's name in any script, with the extension of the real type", () => {
    expect(cvFileName("Резюме Олександр.docx", "docx")).toBe("Резюме Олександр.docx");
    expect(cvFileName("سيرة ذاتية.pdf", "pdf")).toBe("سيرة ذاتية.pdf");
    expect(cvFileName("my-cv.docx", "pdf")).toBe("my-cv.pdf");
  });

  it("drops paths, control and bidirectional characters", () => {
    expect(cvFileName("C:\\Users\\me\\cv.pdf", "pdf")).toBe("cv.pdf");
    expect(cvFileName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(cvFileName("cv\u202Efdp.exe", "pdf")).toBe("cvfdp.pdf");
    expect(cvFileName('a"b\r\n.pdf', "pdf")).toBe("ab.pdf");
    expect(cvFileName("", "docx")).toBe("cv.docx");
    expect(cvFileName("...", "docx")).toBe("cv.docx");
  });
});

describe("attachmentDisposition", () => {
  it("always downloads, with an ASCII fallback and the real name", () => {
    expect(attachmentDisposition("cv.pdf")).toBe(`attachment; filename="cv.pdf"; filename*=UTF-8''cv.pdf`);
    expect(attachmentDisposition("Резюме.docx")).toBe(
      `attachment; filename="download.docx"; filename*=UTF-8''%D0%A0%D0%B5%D0%B7%D1%8E%D0%BC%D0%B5.docx`,
    );
    expect(attachmentDisposition("Andrés Pérez (cv).pdf")).toBe(
      `attachment; filename="Andres Perez (cv).pdf"; filename*=UTF-8''Andr%C3%A9s%20P%C3%A9rez%20%28cv%29.pdf`,
    );
  });
});
