import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { foldForSearch } from "~/domain/taxonomy/search-text";
import {
  DEFAULT_COLLECTIONS,
  importBroaderCsv,
  importConceptsCsv,
  importDefaultTaxonomy,
  importEscoFile,
  importHarborLabels,
  loadDefaultTaxonomyIfEmpty,
  readHarborLabels,
} from "~/models/taxonomy-import.server";
import { ancestorsOf, findSkillByLabel, labelsFor, searchSkills } from "~/models/taxonomy.server";
import { db } from "~/utils/db.server";

const ACCOUNTING = "http://data.europa.eu/esco/skill/ecc18804-a466-40d9-98b4-fba5cd67dd4b";
const ACCOUNTING_AND_TAXATION = "http://data.europa.eu/esco/isced-f/0411";
const BUSINESS_AND_ADMINISTRATION = "http://data.europa.eu/esco/isced-f/041";
const HOUSEKEEPING = "http://data.europa.eu/esco/skill/00f12ec1-b416-4e3c-8ed7-c4f875c6b681";
const DRILLING_FLUID = "http://data.europa.eu/esco/skill/01f91b5b-3e2f-40a2-ab88-bc8113c0ab37";
const PUBLISH_RESEARCH = "http://data.europa.eu/esco/skill/979cf728-896f-4f2c-8fa8-2698ca0d4930";
const SPEAK_LANGUAGES = "http://data.europa.eu/esco/skill/2de4572a-4724-4f76-afc2-72a568a264ac";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/esco");
const fixture = (name: string) => fs.createReadStream(path.join(fixtures, name));

async function counts() {
  return {
    concepts: await db.taxonomyConcept.count(),
    labels: await db.taxonomyLabel.count(),
    links: await db.taxonomyBroader.count(),
    members: await db.taxonomyCollectionMember.count(),
  };
}

async function labelsOf(conceptUri: string, language: string) {
  return db.taxonomyLabel.findMany({
    where: { conceptUri, language },
    select: { label: true, preferred: true, provenance: true, searchText: true },
    orderBy: [{ preferred: "desc" }, { label: "asc" }],
  });
}

describe("the default taxonomy", () => {
  it("is loaded: the collections, the chosen branches and their groups, in English, French and Spanish", async () => {
    expect(await loadDefaultTaxonomyIfEmpty()).toBe(false); // the test database already has it
    const concept = await db.taxonomyConcept.findUniqueOrThrow({ where: { uri: ACCOUNTING }, select: { kind: true, skillType: true, version: true } });
    expect(concept).toEqual({ kind: "skill", skillType: "knowledge", version: "v1.1.1" });
    for (const collection of DEFAULT_COLLECTIONS) {
      expect(await db.taxonomyCollectionMember.count({ where: { collection } })).toBeGreaterThan(90);
    }
    expect(await db.taxonomyConcept.count({ where: { kind: "skill_group" } })).toBeGreaterThan(300);
    expect((await labelsOf(ACCOUNTING, "en"))[0]).toMatchObject({ label: "accounting", preferred: true, provenance: "esco" });
    expect((await labelsOf(ACCOUNTING, "es"))[0]).toMatchObject({ label: "contabilidad", preferred: true, provenance: "esco" });
    expect((await labelsOf(ACCOUNTING_AND_TAXATION, "fr"))[0]).toMatchObject({ label: "comptabilité et fiscalité", provenance: "esco" });
    expect((await ancestorsOf([ACCOUNTING])).get(ACCOUNTING)).toEqual(expect.arrayContaining([{ uri: ACCOUNTING_AND_TAXATION, depth: 1 }, { uri: BUSINESS_AND_ADMINISTRATION, depth: 2 }]));
  });

  it("finds accounting first from any language, accents and diacritics or not", async () => {
    for (const [query, language] of [
      ["бухгалтерський облік", "uk"],
      ["бухгалтерский учет", "ru"],
      ["comptabilité", "fr"],
      ["Comptabilite", "en"],
      ["accounting", "en"],
      ["contabilidad", "es"],
      ["المحاسبة", "ar"],
      ["الْمُحَاسَبَة", "ar"],
      ["حسابداری", "fa"],
    ] as const) {
      const [first] = await searchSkills({ query, language, limit: 5 });
      expect(first?.uri, query).toBe(ACCOUNTING);
      expect(await findSkillByLabel(query, language), query).toBe(ACCOUNTING);
    }
  });

  it("shows each hit in the reader's language and says whose translation it is", async () => {
    const [uk] = await searchSkills({ query: "accounting", language: "uk" });
    expect(uk).toMatchObject({ uri: ACCOUNTING, kind: "skill", label: "бухгалтерський облік", provenance: "harbor", language: "uk", matchedLabel: "accounting" });
    const [fr] = await searchSkills({ query: "бухгалтерський", language: "fr" });
    expect(fr).toMatchObject({ uri: ACCOUNTING, label: "comptabilité", language: "fr" });
    const labels = await labelsFor([ACCOUNTING, ACCOUNTING_AND_TAXATION], "fr");
    // ESCO's French files shipped with Harbor label the group but not this skill (see prisma/data/esco/README.md).
    expect(labels.get(ACCOUNTING_AND_TAXATION)).toEqual({ label: "comptabilité et fiscalité", provenance: "esco", language: "fr" });
    expect(labels.get(ACCOUNTING)).toEqual({ label: "comptabilité", provenance: "harbor", language: "fr" });
    // A language with no label falls back to English.
    expect((await labelsFor([BUSINESS_AND_ADMINISTRATION], "uk")).get(BUSINESS_AND_ADMINISTRATION)).toEqual({
      label: "business and administration",
      provenance: "esco",
      language: "en",
    });
  });

  it("ranks exact before prefix before substring and leaves occupations out", async () => {
    const hits = await searchSkills({ query: "contab", language: "es", limit: 20 });
    expect(hits[0]?.uri).toBe(ACCOUNTING);
    expect(hits.map((h) => h.kind).every((kind) => kind === "skill" || kind === "skill_group")).toBe(true);
    expect(new Set(hits.map((h) => h.uri)).size).toBe(hits.length);
    expect(await searchSkills({ query: "   ", language: "en" })).toEqual([]);
    expect(await searchSkills({ query: "100%", language: "en" })).toEqual([]); // % is not a wildcard
  });

  it("has Harbor's own labels for every concept in its file, each the concept ESCO names in English", async () => {
    const { concepts } = readHarborLabels();
    const english = await labelsFor(
      concepts.map((c) => c.uri),
      "en",
    );
    expect(concepts.filter((c) => english.get(c.uri)?.label !== c.esco).map((c) => c.esco)).toEqual([]);
    const translated = concepts.filter((c) => c.labels.uk).map((c) => c.uri);
    expect(translated.length).toBeGreaterThan(150);
    const uk = await labelsFor(translated, "uk");
    expect([...uk.values()].every((l) => l.language === "uk" && l.provenance === "harbor")).toBe(true);
    expect(await db.taxonomyLabel.count({ where: { provenance: "harbor", language: { in: ["uk", "ru", "ar", "fa"] }, preferred: true } })).toBe(translated.length * 4);
  });

  it("resolves the program's common free-text skills", async () => {
    for (const text of ["JavaScript", "Python", "SQL", "PHP", "graphic design", "customer service", "payroll", "copywriting", "web development", "translation"]) {
      expect(await findSkillByLabel(text), text).not.toBeNull();
    }
    expect(await findSkillByLabel("no such skill at all")).toBeNull();
  });
});

describe("importing ESCO files", () => {
  it("streams skills and links once; importing the same files again changes nothing", async () => {
    const before = await counts();
    const first = await importConceptsCsv(fixture("skills_en.csv"), { language: "en", version: "v1.1.1" });
    expect(first).toMatchObject({ rows: 5, skipped: 0 });
    await importBroaderCsv(fixture("broaderRelationsSkillPillar.csv"));
    const after = await counts();
    expect(after.concepts - before.concepts).toBe(4); // accounting was there already

    const housekeeping = await labelsOf(HOUSEKEEPING, "en");
    expect(housekeeping[0]).toMatchObject({ label: "supervise housekeeping operations", preferred: true });
    expect(housekeeping.map((l) => l.label)).toContain("supervise housekeepers' duties");
    expect(housekeeping.filter((l) => l.label === "supervise housekeeping operations")).toHaveLength(1);
    expect((await labelsOf(DRILLING_FLUID, "en")).length).toBe(15);
    expect(housekeeping.every((l) => l.searchText === foldForSearch(l.label))).toBe(true);

    const again = await importConceptsCsv(fixture("skills_en.csv"), { language: "en", version: "v1.1.1" });
    expect(again).toMatchObject({ concepts: 0, labelsWritten: 0, labelsDeleted: 0 });
    expect((await importBroaderCsv(fixture("broaderRelationsSkillPillar.csv"))).links).toBe(0);
    expect(await counts()).toEqual(after);
  });

  it("replaces a label when a newer ESCO version renames a concept", async () => {
    await importConceptsCsv(fixture("skills_en.csv"), { language: "en", version: "v1.1.1" });
    await importConceptsCsv(fixture("v1.0.x-es/skills_es.csv"), { language: "es", version: "v1.0.x" });
    expect((await labelsOf(PUBLISH_RESEARCH, "es")).map((l) => l.label)).toEqual(["publicar una investigación académica"]);
    const before = await counts();

    // The newer file has the same shape (only its name differs), so it is read as a full skills file.
    await importConceptsCsv(fixture("v1.2.0-es/researchSkillsCollection_es.csv"), { language: "es", version: "v1.2.0" });
    expect(await labelsOf(PUBLISH_RESEARCH, "es")).toEqual([
      { label: "publicar investigaciones académicas", preferred: true, provenance: "esco", searchText: "publicar investigaciones academicas" },
    ]);
    expect((await labelsOf(SPEAK_LANGUAGES, "es")).map((l) => [l.label, l.preferred])).toEqual([
      ["Hablar diferentes idiomas", true],
      ["hablar varias lenguas", false],
    ]);
    expect(await counts()).toEqual(before); // updated in place
    expect((await db.taxonomyConcept.findUniqueOrThrow({ where: { uri: PUBLISH_RESEARCH } })).version).toBe("v1.2.0");
    const [hit] = await searchSkills({ query: "publicar investigaciones", language: "es" });
    expect(hit).toMatchObject({ uri: PUBLISH_RESEARCH, label: "publicar investigaciones académicas", provenance: "esco" });
  });

  it("keeps an old preferred label as an alternative when a collection file relabels a concept", async () => {
    await importConceptsCsv(fixture("skills_en.csv"), { language: "en", version: "v1.1.1" });
    await importConceptsCsv(fixture("v1.0.x-es/skills_es.csv"), { language: "es", version: "v1.0.x" });
    const stats = await importEscoFile(path.join(fixtures, "v1.2.0-es/researchSkillsCollection_es.csv"), { version: "v1.2.0" });
    expect(stats.members).toBe(2);
    expect((await labelsOf(PUBLISH_RESEARCH, "es")).map((l) => [l.label, l.preferred])).toEqual([
      ["publicar investigaciones académicas", true],
      ["publicar una investigación académica", false],
    ]);
    expect(await db.taxonomyCollectionMember.count({ where: { collection: "research", conceptUri: PUBLISH_RESEARCH } })).toBe(1);
  });

  it("adds labels in a new language only to concepts it already has, when asked to", async () => {
    const before = await counts();
    const csv = [
      "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description",
      `KnowledgeSkillCompetence,${ACCOUNTING},knowledge,cross-sector,облік,"бухгалтерія\nрахівництво",`,
      "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000,knowledge,cross-sector,не існує,,",
      "ISCOGroup,http://data.europa.eu/esco/isco/C0,,,армія,,",
    ].join("\n");
    const stats = await importConceptsCsv(Readable.from([csv]), { language: "uk", version: "v1.2.0", labelsOnly: true });
    expect(stats).toMatchObject({ rows: 3, skipped: 1, concepts: 0 });
    expect((await counts()).concepts).toBe(before.concepts);
    expect((await labelsOf(ACCOUNTING, "uk")).map((l) => [l.label, l.provenance])).toEqual(
      expect.arrayContaining([
        ["облік", "esco"],
        ["бухгалтерський облік", "harbor"],
      ]),
    );
    // ESCO's own label in the reader's language goes before Harbor's.
    expect((await labelsFor([ACCOUNTING], "uk")).get(ACCOUNTING)).toEqual({ label: "облік", provenance: "esco", language: "uk" });
  });

  it("lets an official ESCO label take over Harbor's identical one, and Harbor's import leave it so", async () => {
    const csv = `conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description\nKnowledgeSkillCompetence,${ACCOUNTING},knowledge,cross-sector,comptabilité,tenue de livres,\n`;
    await importConceptsCsv(Readable.from([csv]), { language: "fr", version: "v1.1.1", labelsOnly: true });
    await importHarborLabels();
    expect((await labelsOf(ACCOUNTING, "fr")).map((l) => [l.label, l.provenance])).toEqual([
      ["comptabilité", "esco"],
      ["tenue de livres", "esco"],
    ]);
  });

  it("refuses a file that is not an ESCO export", async () => {
    await expect(importConceptsCsv(Readable.from(["name,email\nA,a@example.org\n"]), { language: "en", version: "v1" })).rejects.toThrow(/missing column/);
    await expect(importEscoFile(path.join(fixtures, "README.md"), { version: "v1.1.1" })).rejects.toThrow(/not an ESCO file/);
  });

  it("re-imports the whole default set without changing anything", async () => {
    const before = await counts();
    const maxId = await db.taxonomyLabel.aggregate({ _max: { id: true } });
    const report = await importDefaultTaxonomy();
    expect(report.concepts).toBe(before.concepts);
    expect(await counts()).toEqual(before);
    expect(await db.taxonomyLabel.aggregate({ _max: { id: true } })).toEqual(maxId);
  }, 60_000);
});
