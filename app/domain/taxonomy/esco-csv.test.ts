import { describe, expect, it } from "vitest";
import { conceptKind, conceptLabels, EscoConceptRowSchema, escoFile, languageOfFile, skillTypeOf, versionOfFile } from "./esco-csv";

describe("escoFile", () => {
  it("recognises the export's files by name, in any language", () => {
    expect(escoFile("skills_uk.csv")).toEqual({ kind: "concepts" });
    expect(escoFile("v1.1.1-fr/skillGroups_fr.csv")).toEqual({ kind: "concepts" });
    expect(escoFile("occupations_ar.csv")).toEqual({ kind: "concepts" });
    expect(escoFile("digitalSkillsCollection_ar.csv")).toEqual({ kind: "collection", collection: "digital" });
    expect(escoFile("digCompSkillsCollection_en.csv")).toEqual({ kind: "collection", collection: "digComp" });
    expect(escoFile("researchOccupationsCollection_en.csv")).toEqual({ kind: "collection", collection: "researchOccupations" });
    expect(escoFile("broaderRelationsSkillPillar.csv")).toEqual({ kind: "broader" });
    expect(escoFile("broaderRelationsSkillPillar_en.csv")).toEqual({ kind: "broader" });
    for (const ignored of ["skillsHierarchy_en.csv", "ISCOGroups_en.csv", "conceptSchemes_en.csv", "occupationSkillRelations.csv", "notes.txt"]) {
      expect(escoFile(ignored)).toEqual({ kind: "ignored" });
    }
  });

  it("reads language and version from names", () => {
    expect(languageOfFile("skills_uk.csv")).toBe("uk");
    expect(languageOfFile("transversalSkillsCollection_pt-PT.csv")).toBe("pt-pt");
    expect(languageOfFile("broaderRelationsSkillPillar.csv")).toBeNull();
    expect(versionOfFile("esco-v1.1.1-classification-en-csv.zip")).toBe("v1.1.1");
    expect(versionOfFile("ESCO dataset - v1.2.0 - classification - uk - csv.zip")).toBe("v1.2.0");
    expect(versionOfFile("skills_uk.csv")).toBeNull();
  });
});

describe("conceptLabels", () => {
  it("puts the preferred label first and splits alternatives on newlines", () => {
    expect(conceptLabels("accounting", "bookkeeping\naccounting")).toEqual([
      { label: "accounting", preferred: true },
      { label: "bookkeeping", preferred: false },
    ]);
  });

  it("splits the collection files' ' | ' lists, trims and drops duplicates and blanks", () => {
    expect(conceptLabels(" show initiative ", "take the initiative | give impetus\r\n\ntake the initiative | show initiative")).toEqual([
      { label: "show initiative", preferred: true },
      { label: "take the initiative", preferred: false },
      { label: "give impetus", preferred: false },
    ]);
  });

  it("gives no labels for an untranslated row", () => {
    expect(conceptLabels("", "something")).toEqual([]);
  });
});

describe("rows", () => {
  it("keeps only the columns Harbor needs and rejects rows without an ESCO URI", () => {
    const row = EscoConceptRowSchema.parse({
      conceptType: "KnowledgeSkillCompetence",
      conceptUri: "http://data.europa.eu/esco/skill/ecc18804-a466-40d9-98b4-fba5cd67dd4b",
      preferredLabel: "accounting",
      skillType: "knowledge",
      description: "ignored",
    });
    expect(row).toEqual({
      conceptType: "KnowledgeSkillCompetence",
      conceptUri: "http://data.europa.eu/esco/skill/ecc18804-a466-40d9-98b4-fba5cd67dd4b",
      preferredLabel: "accounting",
      altLabels: "",
      skillType: "knowledge",
    });
    expect(skillTypeOf(row)).toBe("knowledge");
    expect(skillTypeOf({ skillType: "" })).toBeNull();
    expect(EscoConceptRowSchema.safeParse({ conceptType: "SkillGroup", conceptUri: "https://example.org/x", preferredLabel: "x" }).success).toBe(false);
  });

  it("maps ESCO concept types to Harbor's kinds", () => {
    expect(conceptKind("KnowledgeSkillCompetence")).toBe("skill");
    expect(conceptKind("SkillGroup")).toBe("skill_group");
    expect(conceptKind("Occupation")).toBe("occupation");
    expect(conceptKind("ISCOGroup")).toBeNull();
  });
});
