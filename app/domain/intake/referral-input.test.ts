import fc from "fast-check";
import { getCountries } from "libphonenumber-js";
import { describe, expect, it } from "vitest";
import { REFERRAL_ERROR_KEYS } from "./referral-messages";
import {
  ISO_3166_ALPHA2,
  REFERRAL_ERROR_CODES,
  REFERRAL_FIELDS,
  ROW_FIELD,
  ReferralInputSchema,
  canonicalLanguageTag,
  validateReferralInput,
  type ReferralError,
} from "./referral-input";

// Ages are counted at a fixed day so the tests do not age.
const today = new Date("2026-11-23T12:00:00Z");
const validate = (raw: unknown) => validateReferralInput(raw, { today });
const base = { givenName: "Olena", familyName: "Koval", email: "olena@example.org" };

/** The errors of an invalid input (fails the test when it is valid). */
function errorsOf(raw: unknown): ReferralError[] {
  const result = validate(raw);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

function valueOf(raw: unknown) {
  const result = validate(raw);
  if (!result.ok) throw new Error(`expected a valid referral, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe("validateReferralInput — whole referrals", () => {
  it("accepts the smallest referral: two names and one way to reach the person", () => {
    expect(valueOf(base)).toEqual(base);
    expect(valueOf({ givenName: "Ali", familyName: "Hassan", phone: "+963 944 567 890" })).toEqual({
      givenName: "Ali",
      familyName: "Hassan",
      phone: "+963944567890",
    });
  });

  it("normalises every field of a full referral", () => {
    expect(
      valueOf({
        externalId: " kobo-17 ",
        givenName: "  Олена ",
        familyName: "Коваль",
        latinName: "Olena Koval",
        email: "  Olena.Koval@Example.ORG ",
        phone: "(050) 123-45-67",
        dateOfBirth: "1988-04-12",
        countryOfOrigin: "ua",
        currentCountry: "UA",
        preferredLanguage: "FA_af",
        languages: "uk:c2; en:B1",
        skills: "HTTPS://data.europa.eu/esco/skill/6B4A4D7E-5C3A-4B0E-9F1D-2A3B4C5D6E7F; bookkeeping ;",
        note: "Prefers remote work,\nevenings.",
      }),
    ).toEqual({
      externalId: "kobo-17",
      givenName: "Олена",
      familyName: "Коваль",
      latinName: "Olena Koval",
      email: "olena.koval@example.org",
      phone: "+380501234567",
      dateOfBirth: "1988-04-12",
      countryOfOrigin: "UA",
      currentCountry: "UA",
      preferredLanguage: "fa-AF",
      languages: [
        { code: "uk", level: "C2" },
        { code: "en", level: "B1" },
      ],
      skills: ["http://data.europa.eu/esco/skill/6b4a4d7e-5c3a-4b0e-9f1d-2a3b4c5d6e7f", "bookkeeping"],
      note: "Prefers remote work,\nevenings.",
    });
  });

  it("ignores unknown fields and treats empty strings and null as absent", () => {
    expect(valueOf({ ...base, _uuid: "x", age: 40, latinName: "", phone: "   ", note: null, skills: "" })).toEqual(base);
  });

  it("reports every problem at once, each field and code once", () => {
    expect(
      errorsOf({
        givenName: "",
        familyName: 7,
        email: "not-an-email",
        dateOfBirth: "12.04.1988",
        currentCountry: "UK",
        languages: "uk:C3;xx!:B1;de:Z9",
      }),
    ).toEqual([
      { field: "givenName", code: "required" },
      { field: "familyName", code: "invalid" },
      { field: "email", code: "invalid_email" },
      { field: "currentCountry", code: "invalid_country" },
      { field: "dateOfBirth", code: "invalid_date" },
      { field: "languages", code: "invalid_level" },
      { field: "languages", code: "invalid_language" },
    ]);
  });

  it("reports anything that is not an object as a row problem", () => {
    for (const raw of [null, undefined, "Olena", 42, [base]]) expect(errorsOf(raw)).toEqual([{ field: ROW_FIELD, code: "invalid" }]);
  });

  it("reads own fields only, never inherited ones", () => {
    const inherited: unknown = Object.create({ givenName: "Olena", familyName: "Koval", email: "olena@example.org" });
    expect(errorsOf(inherited).map((e) => e.code)).toEqual(["required", "required", "contact_required"]);
  });
});

describe("validateReferralInput — names", () => {
  it("requires givenName and familyName", () => {
    expect(errorsOf({ email: "a@example.org" })).toEqual([
      { field: "givenName", code: "required" },
      { field: "familyName", code: "required" },
    ]);
    expect(errorsOf({ ...base, givenName: " \t " })).toEqual([{ field: "givenName", code: "required" }]);
  });

  it("stores names NFC-normalised, so the same name typed two ways matches", () => {
    const decomposed = "Ame\u0301lie"; // e + combining acute
    expect(valueOf({ ...base, givenName: decomposed }).givenName).toBe("Amélie");
    expect(valueOf({ ...base, givenName: decomposed }).givenName).toBe("Am\u00e9lie");
  });

  it("counts the 100-character limit in characters, not UTF-16 units", () => {
    const astral = "𐒖".repeat(100); // Osage letters: two UTF-16 units each
    expect(valueOf({ ...base, familyName: astral }).familyName).toBe(astral);
    expect(errorsOf({ ...base, familyName: `${astral}𐒖` })).toEqual([{ field: "familyName", code: "too_long" }]);
    expect(errorsOf({ ...base, latinName: "a".repeat(101) })).toEqual([{ field: "latinName", code: "too_long" }]);
  });

  it("rejects control and bidi-override characters, but keeps the Persian ZWNJ", () => {
    expect(errorsOf({ ...base, givenName: "Olena\u202Eanelo" })).toEqual([{ field: "givenName", code: "unsafe_characters" }]);
    expect(errorsOf({ ...base, familyName: "Koval\nEvil" })).toEqual([{ field: "familyName", code: "unsafe_characters" }]);
    expect(errorsOf({ ...base, latinName: "Olena\u0000" })).toEqual([{ field: "latinName", code: "unsafe_characters" }]);
    const persian = "ابراهیم\u200Cزاده";
    expect(valueOf({ ...base, familyName: persian }).familyName).toBe(persian);
  });

  it("accepts any script", () => {
    for (const [givenName, familyName] of [
      ["سارا", "احمدی"],
      ["Олена", "Коваль-Шевченко"],
      ["Nguyễn", "Thị Minh Khai"],
      ["O'Brien", "D'Angelo"],
    ]) {
      expect(valueOf({ ...base, givenName, familyName })).toMatchObject({ givenName, familyName });
    }
  });
});

describe("validateReferralInput — contact", () => {
  it("requires an email or a phone (reported on email, where the form asks first)", () => {
    expect(errorsOf({ givenName: "Olena", familyName: "Koval" })).toEqual([{ field: "email", code: "contact_required" }]);
    expect(errorsOf({ givenName: "Olena", familyName: "Koval", email: "", phone: "" })).toEqual([{ field: "email", code: "contact_required" }]);
  });

  it("says what is wrong with a given contact instead of asking for one", () => {
    expect(errorsOf({ givenName: "Olena", familyName: "Koval", email: "olena@" })).toEqual([{ field: "email", code: "invalid_email" }]);
    expect(errorsOf({ givenName: "Olena", familyName: "Koval", phone: "12" })).toEqual([{ field: "phone", code: "invalid_phone" }]);
  });

  it("lower-cases and trims email, and rejects what is not an address", () => {
    expect(valueOf({ ...base, email: " Olena.KOVAL+cv@Example.org " }).email).toBe("olena.koval+cv@example.org");
    for (const email of ["olena", "olena@example", "olena @example.org", "olena@@example.org", "<olena@example.org>"]) {
      expect(errorsOf({ ...base, email })).toEqual([{ field: "email", code: "invalid_email" }]);
    }
    expect(errorsOf({ ...base, email: `${"a".repeat(250)}@example.org` })).toEqual([{ field: "email", code: "too_long" }]);
  });

  it("writes phones as E.164, reading national numbers in the current country", () => {
    expect(valueOf({ ...base, phone: "050 123 4567", currentCountry: "ua" }).phone).toBe("+380501234567");
    expect(valueOf({ ...base, phone: "00380 50 123 4567" }).phone).toBe("+380501234567");
    expect(valueOf({ ...base, phone: "+380 50 123 4567", currentCountry: "PL" }).phone).toBe("+380501234567");
    // Without a current country a national number cannot be read.
    expect(errorsOf({ ...base, phone: "050 123 4567" })).toEqual([{ field: "phone", code: "invalid_phone" }]);
    expect(errorsOf({ ...base, phone: "call me" })).toEqual([{ field: "phone", code: "invalid_phone" }]);
    expect(errorsOf({ ...base, phone: "+380".padEnd(80, "1") })).toEqual([{ field: "phone", code: "invalid_phone" }]);
  });
});

describe("validateReferralInput — dateOfBirth", () => {
  it("accepts real YYYY-MM-DD dates", () => {
    expect(valueOf({ ...base, dateOfBirth: "2000-02-29" }).dateOfBirth).toBe("2000-02-29");
  });

  it("rejects other formats and dates that do not exist", () => {
    for (const dateOfBirth of ["12.04.1988", "1988-4-12", "1988/04/12", "19880412", "1988-04-12T00:00:00Z", "1990-13-01", "1990-00-10", "1990-04-31", "2001-02-29", "١٩٨٨-٠٤-١٢"]) {
      expect(errorsOf({ ...base, dateOfBirth })).toEqual([{ field: "dateOfBirth", code: "invalid_date" }]);
    }
  });

  it("rejects dates in the future and ages outside 14–100", () => {
    expect(errorsOf({ ...base, dateOfBirth: "2027-01-01" })).toEqual([{ field: "dateOfBirth", code: "invalid_date" }]);
    expect(valueOf({ ...base, dateOfBirth: "2012-11-23" }).dateOfBirth).toBe("2012-11-23"); // 14 today
    expect(errorsOf({ ...base, dateOfBirth: "2012-11-24" })).toEqual([{ field: "dateOfBirth", code: "invalid_date" }]); // 14 tomorrow
    expect(valueOf({ ...base, dateOfBirth: "1926-06-01" }).dateOfBirth).toBe("1926-06-01"); // 100
    expect(errorsOf({ ...base, dateOfBirth: "1925-11-23" })).toEqual([{ field: "dateOfBirth", code: "invalid_date" }]); // 101 today
  });
});

describe("validateReferralInput — countries", () => {
  it("upper-cases ISO 3166-1 alpha-2 codes and rejects others", () => {
    expect(valueOf({ ...base, countryOfOrigin: " sy ", currentCountry: "de" })).toMatchObject({ countryOfOrigin: "SY", currentCountry: "DE" });
    for (const code of ["UK", "XX", "EU", "UKR", "U", "1A", "Україна"]) {
      expect(errorsOf({ ...base, countryOfOrigin: code })).toEqual([{ field: "countryOfOrigin", code: "invalid_country" }]);
    }
  });

  it("accepts territories without phone plans (AQ, BV) and Kosovo's XK", () => {
    expect(valueOf({ ...base, countryOfOrigin: "XK", currentCountry: "AQ" })).toMatchObject({ countryOfOrigin: "XK", currentCountry: "AQ" });
  });

  it("ships exactly the 249 assigned ISO codes", () => {
    expect(ISO_3166_ALPHA2).toHaveLength(249);
    expect(new Set(ISO_3166_ALPHA2).size).toBe(249);
    expect([...ISO_3166_ALPHA2].sort()).toEqual(ISO_3166_ALPHA2);
    // Every code is a region CLDR can name.
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    for (const code of ISO_3166_ALPHA2) expect(names.of(code), code).not.toBe(code);
    // libphonenumber knows the same regions, less seven without phone plans, plus AC, TA and XK.
    const phoneRegions = new Set<string>(getCountries());
    expect(ISO_3166_ALPHA2.filter((c) => !phoneRegions.has(c))).toEqual(["AQ", "BV", "GS", "HM", "PN", "TF", "UM"]);
    expect([...phoneRegions].filter((c) => !ISO_3166_ALPHA2.includes(c)).sort()).toEqual(["AC", "TA", "XK"]);
  });
});

describe("validateReferralInput — languages", () => {
  it("reads BCP 47 tags and stores their canonical form", () => {
    expect(valueOf({ ...base, preferredLanguage: "uk" }).preferredLanguage).toBe("uk");
    expect(valueOf({ ...base, preferredLanguage: "fa-af" }).preferredLanguage).toBe("fa-AF");
    expect(valueOf({ ...base, preferredLanguage: "zh-hant-tw" }).preferredLanguage).toBe("zh-Hant-TW");
    // Structurally valid but not a language: 5–8 letter primary subtags are reserved, none assigned.
    for (const tag of ["english", "ukrainian", "uk-", "fa AF", "12", "x", "en,uk"]) {
      expect(errorsOf({ ...base, preferredLanguage: tag })).toEqual([{ field: "preferredLanguage", code: "invalid_language" }]);
    }
    expect(canonicalLanguageTag("a".repeat(40))).toBeNull();
  });

  it("reads CSV pairs and JSON objects, with CEFR levels in any case", () => {
    const expected = [
      { code: "uk", level: "C2" },
      { code: "en", level: "B1" },
    ];
    expect(valueOf({ ...base, languages: "uk:C2;en:B1" }).languages).toEqual(expected);
    expect(valueOf({ ...base, languages: " uk : c2 , en:b1 ;" }).languages).toEqual(expected);
    expect(valueOf({ ...base, languages: [{ code: "uk", level: "c2" }, { code: "EN", level: "B1" }] }).languages).toEqual(expected);
    expect(valueOf({ ...base, languages: ["uk:C2", "en:B1"] }).languages).toEqual(expected);
  });

  it("keeps one entry per language, at the higher level", () => {
    expect(valueOf({ ...base, languages: "en:A2;uk:C2;en:B2;en:B1" }).languages).toEqual([
      { code: "en", level: "B2" },
      { code: "uk", level: "C2" },
    ]);
  });

  it("rejects unknown levels, missing levels and malformed codes", () => {
    expect(errorsOf({ ...base, languages: "uk:C3" })).toEqual([{ field: "languages", code: "invalid_level" }]);
    expect(errorsOf({ ...base, languages: "uk:native" })).toEqual([{ field: "languages", code: "invalid_level" }]);
    expect(errorsOf({ ...base, languages: "uk" })).toEqual([{ field: "languages", code: "invalid_level" }]);
    expect(errorsOf({ ...base, languages: "ukrainian!:C1" })).toEqual([{ field: "languages", code: "invalid_language" }]);
    expect(errorsOf({ ...base, languages: [{ code: "uk" }] })).toEqual([{ field: "languages", code: "invalid" }]);
    expect(errorsOf({ ...base, languages: [42] })).toEqual([{ field: "languages", code: "invalid" }]);
    expect(errorsOf({ ...base, languages: { uk: "C2" } })).toEqual([{ field: "languages", code: "invalid" }]);
  });

  it("caps the list", () => {
    const codes = Array.from({ length: 31 }, (_, i) => String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26)));
    expect(valueOf({ ...base, languages: codes.slice(0, 30).map((code) => `${code}:A1`) }).languages).toHaveLength(30);
    expect(errorsOf({ ...base, languages: codes.map((code) => `${code}:A1`).join(";") })).toEqual([{ field: "languages", code: "too_long" }]);
  });
});

describe("validateReferralInput — skills", () => {
  const uri = "http://data.europa.eu/esco/skill/6b4a4d7e-5c3a-4b0e-9f1d-2a3b4c5d6e7f";

  it("keeps ESCO skill URIs (normalised) and free-text labels in any language", () => {
    expect(valueOf({ ...base, skills: `${uri};бухгалтерський облік;comptabilité, audit` }).skills).toEqual([uri, "бухгалтерський облік", "comptabilité, audit"]);
    expect(valueOf({ ...base, skills: ["https://data.europa.eu/esco/skill/6B4A4D7E-5C3A-4B0E-9F1D-2A3B4C5D6E7F", "nursing"] }).skills).toEqual([uri, "nursing"]);
    expect(valueOf({ ...base, skills: ["nursing", " nursing ", ""] }).skills).toEqual(["nursing"]);
  });

  it("rejects other URIs, long labels, wrong types and too many skills", () => {
    expect(errorsOf({ ...base, skills: "http://data.europa.eu/esco/skill/not-a-uuid" })).toEqual([{ field: "skills", code: "invalid" }]);
    expect(errorsOf({ ...base, skills: "https://evil.example/skill" })).toEqual([{ field: "skills", code: "invalid" }]);
    expect(errorsOf({ ...base, skills: "a".repeat(201) })).toEqual([{ field: "skills", code: "too_long" }]);
    expect(errorsOf({ ...base, skills: "nursing\u202E" })).toEqual([{ field: "skills", code: "unsafe_characters" }]);
    expect(errorsOf({ ...base, skills: [1, 2] })).toEqual([{ field: "skills", code: "invalid" }]);
    expect(errorsOf({ ...base, skills: Array.from({ length: 101 }, (_, i) => `skill ${i}`) })).toEqual([{ field: "skills", code: "too_long" }]);
  });
});

describe("validateReferralInput — externalId and note", () => {
  it("accepts numeric ids, as spreadsheets and Kobo send them", () => {
    expect(valueOf({ ...base, externalId: 1234 }).externalId).toBe("1234");
    expect(errorsOf({ ...base, externalId: 1.5 })).toEqual([{ field: "externalId", code: "invalid" }]);
    expect(errorsOf({ ...base, externalId: "x".repeat(256) })).toEqual([{ field: "externalId", code: "too_long" }]);
  });

  it("keeps notes up to 2000 characters, line breaks included", () => {
    const note = `${"line\n".repeat(399)}last!`;
    expect(note).toHaveLength(2000);
    expect(valueOf({ ...base, note }).note).toBe(note);
    expect(errorsOf({ ...base, note: `${note}x` })).toEqual([{ field: "note", code: "too_long" }]);
  });
});

describe("error codes", () => {
  it("has a translation key for every code", () => {
    for (const code of REFERRAL_ERROR_CODES) expect(REFERRAL_ERROR_KEYS[code], code).toBe(`intake:errors.${code}`);
  });

  it("only ever reports listed codes on contract fields (property)", () => {
    const fields = new Set<string>([...REFERRAL_FIELDS, ROW_FIELD]);
    const codes = new Set<string>(REFERRAL_ERROR_CODES);
    const fieldValue = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.constantFrom("", " ", "uk:C2", "+380501234567", "a@b.co", "1990-01-01", "UA", "http://data.europa.eu/esco/skill/x"),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(fc.constantFrom(...REFERRAL_FIELDS, "other"), fieldValue), fc.anything()), (raw) => {
        const result = validate(raw);
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const e of result.errors) {
          expect(fields.has(e.field)).toBe(true);
          expect(codes.has(e.code)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("ReferralInputSchema", () => {
  it("gives the same value as validateReferralInput", () => {
    const raw = { ...base, email: "OLENA@example.org", unknown: 1 };
    expect(ReferralInputSchema.parse(raw)).toEqual(valueOf(raw));
  });

  it("reports codes as messages and fields as paths", () => {
    const result = ReferralInputSchema.safeParse({ givenName: "Olena", familyName: "Koval", email: "nope" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([{ path: ["email"], message: "invalid_email" }]);
    expect(ReferralInputSchema.safeParse("Olena").error?.issues.map((i) => i.message)).toEqual(["invalid"]);
  });
});
