import crypto from "node:crypto";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { badgeSvg, wrapName } from "./badge-image";
import { JSON_LD_CONTEXTS } from "./contexts";
import {
  type CredentialInput,
  OpenBadgeCredentialSchema,
  buildOpenBadgeCredential,
  emailIdentityHash,
} from "./credential";
import obSchema from "./schema/ob_v3p0_achievementcredential_schema.json";
import { buildStatusListCredential, emptyStatusList, encodeStatusList } from "./status-list";

// The schema's "@context" is an open-ended tuple (two fixed items, then any), which Ajv's strict
// mode would report as a warning on every run.
const ajv = new Ajv2019({ allErrors: true, strictTuples: false });
addFormats(ajv);
const validateOb = ajv.compile(obSchema);

const EMAIL = "Olena.Kovalenko@example.org";
// Made-up ids in ESCO's URI form.
const ESCO_SPREADSHEETS = "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000001";
const ESCO_BOOKKEEPING = "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000002";

function input(overrides: Partial<CredentialInput> = {}): CredentialInput {
  return {
    id: "https://harbor.example.org/badges/6d1f3c0a-8f0e-4a43-9a55-2b4f7c1e9d10",
    issuer: { id: "https://harbor.example.org/issuer", name: "Harbor", url: "https://harbor.example.org" },
    subjectId: "urn:uuid:0b7c4f4e-2d1a-4c7e-9a3b-5f6e7d8c9a0b",
    validFrom: new Date("2025-03-01T10:00:00Z"),
    language: "uk",
    achievement: {
      id: "https://harbor.example.org/badges/definitions/bookkeeping-1",
      name: "Бухгалтерський облік, рівень 1",
      description: "Веде первинну документацію та звіти в електронних таблицях.",
      criteria: "Подано три звіти, перевірені асесором за рубрикою.",
      imageUrl: "https://harbor.example.org/badges/definitions/bookkeeping-1/image.svg",
      skills: [
        { name: "використовувати програмне забезпечення для роботи з електронними таблицями", escoUri: ESCO_SPREADSHEETS },
        { name: "вести бухгалтерський облік", escoUri: ESCO_BOOKKEEPING },
      ],
    },
    evidence: [
      { id: "https://harbor.example.org/evidence/41", name: "Квартальний звіт", narrative: "Звіт за I квартал." },
      { name: "Співбесіда з асесором", narrative: "Пояснила вибір методу амортизації." },
    ],
    status: { listUrl: "https://harbor.example.org/badges/status/1", index: 94_567 },
    ...overrides,
  };
}

describe("Open Badges 3.0 credential", () => {
  it("validates against the OB 3.0 AchievementCredential JSON schema", () => {
    const variants = [
      buildOpenBadgeCredential(input()),
      buildOpenBadgeCredential(
        input({ validUntil: new Date("2028-03-01T10:00:00Z"), recipientEmail: { email: EMAIL, salt: "5a1t" }, language: "ar" }),
      ),
    ];
    for (const credential of variants) {
      // As a wallet receives it: plain JSON.
      expect(validateOb(JSON.parse(JSON.stringify(credential))), ajv.errorsText(validateOb.errors)).toBe(true);
    }
  });

  it("the schema check can fail", () => {
    const credential = JSON.parse(JSON.stringify(buildOpenBadgeCredential(input())));
    delete credential.credentialSubject.achievement.criteria;
    expect(validateOb(credential)).toBe(false);
    const badAlignment = JSON.parse(JSON.stringify(buildOpenBadgeCredential(input())));
    badAlignment.credentialSubject.achievement.alignment[0].targetType = "ESCOSkill";
    expect(validateOb(badAlignment)).toBe(false);
  });

  it("names the person by their urn:uuid, never by their email", () => {
    const credential = buildOpenBadgeCredential(input({ recipientEmail: { email: EMAIL, salt: "5a1t" } }));
    expect(credential.credentialSubject.id).toBe("urn:uuid:0b7c4f4e-2d1a-4c7e-9a3b-5f6e7d8c9a0b");
    const json = JSON.stringify(credential).toLowerCase();
    expect(json).not.toContain(EMAIL.toLowerCase());
    expect(json).not.toContain("olena.kovalenko");
    expect(() => buildOpenBadgeCredential(input({ subjectId: `urn:uuid:${EMAIL}` }))).toThrow(/urn:uuid/);
  });

  it("carries a salted email hash only when the holder opted in", () => {
    expect(buildOpenBadgeCredential(input()).credentialSubject.identifier).toBeUndefined();
    const credential = buildOpenBadgeCredential(input({ recipientEmail: { email: EMAIL, salt: "5a1t" } }));
    const expected = crypto.createHash("sha256").update("olena.kovalenko@example.org5a1t").digest("hex");
    expect(credential.credentialSubject.identifier).toEqual([
      { type: "IdentityObject", hashed: true, identityHash: `sha256$${expected}`, identityType: "emailAddress", salt: "5a1t" },
    ]);
    // However the address was typed; a different salt gives an unrelated hash.
    expect(emailIdentityHash(` ${EMAIL.toUpperCase()} `, "5a1t")).toBe(`sha256$${expected}`);
    expect(emailIdentityHash(EMAIL, "other")).not.toBe(`sha256$${expected}`);
  });

  it("aligns the achievement with its ESCO skills", () => {
    const { achievement } = buildOpenBadgeCredential(input()).credentialSubject;
    expect(achievement.alignment.map((alignment) => alignment.targetUrl)).toEqual([ESCO_SPREADSHEETS, ESCO_BOOKKEEPING]);
    expect(achievement.alignment[1]).toEqual({
      type: ["Alignment"],
      targetName: "вести бухгалтерський облік",
      targetUrl: ESCO_BOOKKEEPING,
      targetFramework: "ESCO",
      targetType: "ext:ESCOSkill",
    });
    expect(achievement.inLanguage).toBe("uk");
  });

  it("points at its entry in the revocation status list", () => {
    const credential = buildOpenBadgeCredential(input());
    expect(credential.credentialStatus).toEqual({
      id: "https://harbor.example.org/badges/status/1#94567",
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: "94567",
      statusListCredential: "https://harbor.example.org/badges/status/1",
    });
    for (const index of [-1, 131_072, 2.5])
      expect(() => buildOpenBadgeCredential(input({ status: { listUrl: "https://x.example/s", index } }))).toThrow(RangeError);
  });

  it("refuses a language tag OB would reject", () => {
    expect(() => buildOpenBadgeCredential(input({ language: "UK" }))).toThrow(/language/);
    expect(() => buildOpenBadgeCredential(input({ language: "pt-BR" }))).not.toThrow();
  });

  it("reads back through its zod schema unchanged, keeping fields it does not know", () => {
    const credential = JSON.parse(JSON.stringify(buildOpenBadgeCredential(input({ recipientEmail: { email: EMAIL, salt: "s" } }))));
    expect(OpenBadgeCredentialSchema.parse(credential)).toEqual(credential);
    expect(OpenBadgeCredentialSchema.parse({ ...credential, awardedDate: "2025-03-01T10:00:00Z" })).toHaveProperty("awardedDate");
    expect(OpenBadgeCredentialSchema.safeParse({ ...credential, type: ["VerifiableCredential"] }).success).toBe(false);
  });

  it("ships every JSON-LD context it and its status list name", () => {
    const statusList = buildStatusListCredential({
      id: "https://harbor.example.org/badges/status/1",
      issuer: "https://harbor.example.org/issuer",
      validFrom: new Date(),
      encodedList: encodeStatusList(emptyStatusList()),
    });
    const urls = [...buildOpenBadgeCredential(input())["@context"], ...statusList["@context"]];
    for (const url of urls) expect(JSON_LD_CONTEXTS.get(url), url).toBeDefined();
    // The terms our documents use are defined by those contexts.
    const terms = (url: string) => Object.keys(JSON_LD_CONTEXTS.get(url)?.["@context"] ?? {});
    expect(terms("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")).toEqual(
      expect.arrayContaining(["OpenBadgeCredential", "Achievement", "AchievementSubject", "Alignment", "IdentityObject"]),
    );
    expect(terms("https://www.w3.org/ns/credentials/v2")).toEqual(
      expect.arrayContaining(["VerifiableCredential", "BitstringStatusListCredential", "BitstringStatusListEntry"]),
    );
  });
});

// The achievement's image.
describe("badge image", () => {
  it("wraps the name onto at most three lines", () => {
    expect(wrapName("Bookkeeping")).toEqual(["Bookkeeping"]);
    expect(wrapName("Customer service in hospitality")).toEqual(["Customer service", "in hospitality"]);
    expect(wrapName("Supercalifragilisticexpialidocious")).toEqual(["Supercalifragili", "sticexpialidocio", "us"]);
    const long = wrapName("Working with spreadsheets, databases and reporting tools for small business accounting");
    expect(long).toHaveLength(3);
    expect(long[2]).toMatch(/…$/);
    for (const line of long) expect([...line].length).toBeLessThanOrEqual(16);
  });

  it("escapes all text and loads nothing from outside", () => {
    const svg = badgeSvg({ name: `<script>alert("x")</script> & 'co'\u0000`, level: "<b>2</b>", direction: "ltr", lang: 'en"><x' });
    expect(svg).not.toMatch(/<script|<b>|<x/);
    expect(svg).not.toContain("\u0000");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)");
    expect(svg).toContain("&amp; &apos;co&apos;");
    expect(svg).toContain('viewBox="0 0 400 400"');
    // The only URL is the SVG namespace: no fonts, images or links.
    expect(svg.match(/https?:\/\/[^"]*/g)).toEqual(["http://www.w3.org/2000/svg"]);
  });

  it("declares the language and direction, so Arabic and Persian run right to left", () => {
    const svg = badgeSvg({ name: "مهارت‌های حسابداری مقدماتی", level: "سطح ۲", direction: "rtl", lang: "fa" });
    expect(svg).toMatch(/^<svg [^>]*xml:lang="fa" direction="rtl"/);
    expect(svg.match(/<text [^>]*direction="rtl"/g)).toHaveLength(2);
    for (const word of ["مهارت‌های", "حسابداری", "مقدماتی"]) expect(svg).toContain(word);
    expect(svg).toContain("سطح ۲");
  });
});
