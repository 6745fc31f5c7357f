// The shape of ESCO's official CSV export, as far as Harbor reads it. Pure: no files, no database.
import { z } from "zod";

export type ConceptKind = "skill" | "skill_group" | "occupation";

const KIND_BY_CONCEPT_TYPE: Readonly<Record<string, ConceptKind>> = {
  KnowledgeSkillCompetence: "skill",
  SkillGroup: "skill_group",
  Occupation: "occupation",
};

/** Harbor's kind for an ESCO conceptType, or null for types it does not store (ISCO groups…). */
export function conceptKind(conceptType: string): ConceptKind | null {
  return KIND_BY_CONCEPT_TYPE[conceptType] ?? null;
}

const EscoUri = z.string().trim().startsWith("http://data.europa.eu/esco/");

/**
 * A row of skills_xx, skillGroups_xx, occupations_xx or an xxxCollection_xx file. Only the
 * columns Harbor uses are checked; the files carry many more (descriptions, schemes, dates).
 */
export const EscoConceptRowSchema = z.object({
  conceptType: z.string().trim().min(1),
  conceptUri: EscoUri,
  preferredLabel: z.string().default(""),
  altLabels: z.string().default(""),
  skillType: z.string().trim().optional(),
});
export type EscoConceptRow = z.infer<typeof EscoConceptRowSchema>;

/** A row of broaderRelationsSkillPillar.csv (or the occupation pillar). */
export const EscoBroaderRowSchema = z.object({
  conceptType: z.string().trim(),
  conceptUri: EscoUri,
  broaderType: z.string().trim(),
  broaderUri: EscoUri,
});
export type EscoBroaderRow = z.infer<typeof EscoBroaderRowSchema>;

export type EscoFile =
  | { kind: "concepts" }
  | { kind: "collection"; collection: string }
  | { kind: "broader" }
  | { kind: "ignored" };

/**
 * What an ESCO export file holds, from its name (the export names files the same way in every
 * language: skills_uk.csv, digitalSkillsCollection_ar.csv, broaderRelationsSkillPillar.csv).
 * Hierarchy, ISCO, concept-scheme and skill–skill/occupation–skill relation files are ignored:
 * skill groups and broader relations already carry what Harbor needs.
 */
export function escoFile(fileName: string): EscoFile {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  if (/^broaderRelations(Skill|Occ)Pillar(_[a-z-]+)?\.csv$/i.test(name)) return { kind: "broader" };
  if (/^(skills|skillGroups|occupations)_[a-z]{2,3}(-[a-z]+)?\.csv$/i.test(name)) return { kind: "concepts" };
  const collection = /^([a-z]+?)(Skills|Occupations)Collection_[a-z]{2,3}(-[a-z]+)?\.csv$/i.exec(name);
  if (collection?.[1] && collection[2]) {
    return { kind: "collection", collection: collection[2] === "Skills" ? collection[1] : `${collection[1]}Occupations` };
  }
  return { kind: "ignored" };
}

/** The language code in an export file name (skills_uk.csv → "uk"), if any. */
export function languageOfFile(fileName: string): string | null {
  return /_([a-z]{2,3}(?:-[a-z]+)?)\.csv$/i.exec(fileName)?.[1]?.toLowerCase() ?? null;
}

/** The ESCO version in an official download's name (esco-v1.1.1-classification-en-csv.zip). */
export function versionOfFile(fileName: string): string | null {
  return /(v\d+\.\d+(?:\.\d+)?)/i.exec(fileName)?.[1]?.toLowerCase() ?? null;
}

export interface ConceptLabel {
  label: string;
  preferred: boolean;
}

/**
 * A concept's labels in one language: the preferred label first, then the alternative labels
 * without duplicates. ESCO separates alternative labels by newlines in the full files and by
 * " | " in the collection files; both are accepted. A row without a preferred label has no
 * labels in that language (ESCO leaves untranslated concepts blank).
 */
export function conceptLabels(preferredLabel: string, altLabels: string): ConceptLabel[] {
  const preferred = preferredLabel.trim();
  if (!preferred) return [];
  const labels: ConceptLabel[] = [{ label: preferred, preferred: true }];
  const seen = new Set([preferred]);
  for (const raw of altLabels.split(/\r?\n| \| /)) {
    const label = raw.trim();
    if (!label || seen.has(label)) continue;
    seen.add(label);
    labels.push({ label, preferred: false });
  }
  return labels;
}

/** "skill/competence" | "knowledge" as ESCO writes it; anything else is not a skill type. */
export function skillTypeOf(row: Pick<EscoConceptRow, "skillType">): string | null {
  const value = row.skillType?.trim();
  return value === "skill/competence" || value === "knowledge" ? value : null;
}
