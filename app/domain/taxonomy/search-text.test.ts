import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldForSearch, likePattern } from "./search-text";

describe("foldForSearch", () => {
  it("ignores accents and case in Latin scripts", () => {
    expect(foldForSearch("Comptabilité")).toBe("comptabilite");
    expect(foldForSearch("comptabilite")).toBe(foldForSearch("COMPTABILITÉ"));
    expect(foldForSearch("Diseño gráfico")).toBe("diseno grafico");
    expect(foldForSearch("Straße")).toBe("strasse");
    expect(foldForSearch("İstanbul")).toBe("istanbul"); // not "i̇stanbul": no locale, no stray dot
  });

  it("collapses whitespace, unifies apostrophes and dashes, and unfolds ligatures", () => {
    expect(foldForSearch("  customer \t\n service  ")).toBe("customer service");
    expect(foldForSearch("techniques d’audit")).toBe("techniques d'audit");
    expect(foldForSearch("front‑end")).toBe("front-end");
    expect(foldForSearch("ﬁnance")).toBe("finance");
  });

  it("keeps Ukrainian and Russian words intact, й and ї included", () => {
    expect(foldForSearch("Бухгалтерський облік")).toBe("бухгалтерський облік");
    expect(foldForSearch("бухгалтерський облік")).toContain("й");
    expect(foldForSearch("Її")).toBe("її");
    expect(foldForSearch("комп’ютерні")).toBe(foldForSearch("комп'ютерні"));
    // й is a letter of its own: и does not find it
    expect(foldForSearch("мій")).not.toBe(foldForSearch("мии"));
    // A decomposed й (as some keyboards and PDFs produce it) is the same as the composed one.
    expect(foldForSearch("бухгалтерськии\u0306 облік")).toBe(foldForSearch("бухгалтерський облік"));
  });

  it("reads ё as е, as Russian writers do", () => {
    expect(foldForSearch("бухгалтерский учёт")).toBe("бухгалтерский учет");
    expect(foldForSearch("Ёлка")).toBe("елка");
  });

  it("ignores Arabic diacritics and tatweel and unifies letter variants", () => {
    expect(foldForSearch("الْمُحَاسَبَة")).toBe(foldForSearch("المحاسبة"));
    expect(foldForSearch("المحاســبة")).toBe(foldForSearch("المحاسبة"));
    expect(foldForSearch("المحاسبة")).toBe(foldForSearch("المحاسبه"));
    expect(foldForSearch("أحمد")).toBe("احمد");
    expect(foldForSearch("إدارة")).toBe(foldForSearch("اداره"));
    expect(foldForSearch("آلة")).toBe(foldForSearch("الة"));
    expect(foldForSearch("مستشفى")).toBe(foldForSearch("مستشفي"));
  });

  it("treats Persian and Arabic spellings of yeh and kaf alike", () => {
    expect(foldForSearch("حسابداری")).toBe(foldForSearch("حسابداري"));
    expect(foldForSearch("کمک")).toBe(foldForSearch("كمك"));
    expect(foldForSearch("برنامه‌نویسی")).toBe(foldForSearch("برنامه نویسی"));
    expect(foldForSearch("۱۲۳ ١٢٣")).toBe("123 123");
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (text) => foldForSearch(foldForSearch(text)) === foldForSearch(text)));
    for (const label of ["Comptabilité", "бухгалтерський облік", "الْمُحَاسَبَة", "حسابداری", "учёт"]) {
      expect(foldForSearch(foldForSearch(label))).toBe(foldForSearch(label));
    }
  });
});

describe("likePattern", () => {
  it("escapes LIKE wildcards so they match themselves", () => {
    expect(likePattern("c#", "prefix")).toBe("c#%");
    expect(likePattern("100%_done\\", "substring")).toBe("%100\\%\\_done\\\\%");
  });
});
