// Loads the skills taxonomy: ESCO's official CSV export (any language, streamed) and Harbor's own
// labels for languages ESCO lacks. Writes go through batched raw SQL inside transactions, because
// Prisma's query layer is far too slow for tens of thousands of rows (ADR 002).
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import yauzl from "yauzl";
import { z } from "zod";
import {
  conceptKind,
  conceptLabels,
  EscoBroaderRowSchema,
  EscoConceptRowSchema,
  escoFile,
  languageOfFile,
  skillTypeOf,
  versionOfFile,
  type ConceptLabel,
  type EscoConceptRow,
} from "~/domain/taxonomy/esco-csv";
import { foldForSearch } from "~/domain/taxonomy/search-text";
import { db, type Db } from "~/utils/db.server";
import { chunks, dialect, inList, toBoolean, toNumber, valuesList } from "./taxonomy-sql.server";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Concepts per transaction: big enough to amortise a commit, small enough to hold no lock for long. */
const CONCEPT_BATCH = 500;
/** Rows per INSERT: 1,000 labels × 5 parameters stays far below SQLite's 32,766 variables. */
const ROWS_PER_STATEMENT = 1000;
const IN_LIST_SIZE = 500;
const TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

export type Provenance = "esco" | "harbor";

/**
 * What to do with the labels of a file, per concept and language:
 * - replace: the file is the whole truth (skills_xx, skillGroups_xx): labels it no longer has go;
 * - merge: the file is a view (collections): its labels are added, its preferred label becomes the
 *   preferred one (an older preferred label stays as an alternative), nothing is deleted;
 * - fill: labels only for concepts that have none yet in that language (an older file filling the
 *   gaps a newer one left);
 * - none: labels are not touched (membership or concepts only).
 */
export type LabelMode = "replace" | "merge" | "fill" | "none";

export interface EscoImportOptions {
  /** The language of the labels in the file (en, fr, uk, ar, …). */
  language: string;
  /** The ESCO version the file comes from (v1.1.1); recorded on each concept it writes. */
  version: string;
  /** Only these concept URIs; every other row is passed over. */
  include?: ReadonlySet<string>;
  /** Add labels to concepts already in the database and nothing else (no new concepts, no membership). */
  labelsOnly?: boolean;
  /** Default: replace for concept files, merge for collections. */
  labels?: LabelMode;
}

export interface ImportStats {
  rows: number;
  /** Rows that were not a usable concept or link (unknown type, missing URI). */
  skipped: number;
  /** Concepts created or changed. */
  concepts: number;
  /** Labels created or changed. */
  labelsWritten: number;
  labelsDeleted: number;
  /** Broader links created. */
  links: number;
  /** Collection memberships created or removed. */
  members: number;
}

function emptyStats(): ImportStats {
  return { rows: 0, skipped: 0, concepts: 0, labelsWritten: 0, labelsDeleted: 0, links: 0, members: 0 };
}

function addStats(total: ImportStats, part: ImportStats): ImportStats {
  for (const key of Object.keys(total) as Array<keyof ImportStats>) total[key] += part[key];
  return total;
}

// ---------------------------------------------------------------------------------------------
// Reading CSV and zip files

/** Records of an ESCO CSV file, one at a time (the parser holds only the current record). */
async function* csvRecords(source: Readable, required: readonly string[]): AsyncGenerator<Record<string, unknown>> {
  const parser = parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  let checked = false;
  for await (const record of parser as AsyncIterable<Record<string, unknown>>) {
    if (!checked) {
      const missing = required.filter((column) => !(column in record));
      if (missing.length) throw new Error(`Not an ESCO file of the expected kind: missing column(s) ${missing.join(", ")}`);
      checked = true;
    }
    yield record;
  }
}

interface ZipReader {
  names: string[];
  open(name: string): Promise<Readable>;
}

/** Opens a zip once and lets `read` stream any of its entries, in any order. */
async function withZip<T>(zipPath: string, read: (zip: ZipReader) => Promise<T>): Promise<T> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false });
  try {
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry()) if (!entry.fileName.endsWith("/")) entries.set(entry.fileName, entry);
    return await read({
      names: [...entries.keys()],
      open: async (name) => {
        const entry = entries.get(name);
        if (!entry) throw new Error(`${path.basename(zipPath)} has no entry ${name}`);
        return zip.openReadStreamPromise(entry);
      },
    });
  } finally {
    zip.close();
  }
}

function fileStream(filePath: string): Readable {
  return fs.createReadStream(filePath);
}

// ---------------------------------------------------------------------------------------------
// Writing

interface DesiredLabels {
  conceptUri: string;
  labels: ConceptLabel[];
}

interface LabelRow {
  conceptUri: string;
  label: string;
  preferred: boolean;
  searchText: string;
}

const labelKey = (conceptUri: string, label: string) => `${conceptUri}\u0000${label}`;

/**
 * Brings one language's labels of some concepts to the desired state, for one provenance, and
 * writes only the difference: re-importing the same data writes nothing. An ESCO label takes over
 * a Harbor label with the same text (it is ESCO's now); a Harbor label never takes over ESCO's.
 */
async function writeLabels(
  tx: Tx,
  input: { language: string; provenance: Provenance; mode: Exclude<LabelMode, "none">; concepts: DesiredLabels[] },
): Promise<{ written: number; deleted: number }> {
  const existing = new Map<
    string,
    { id: number; conceptUri: string; label: string; preferred: boolean; provenance: string; searchText: string }
  >();
  for (const part of chunks(
    input.concepts.map((c) => c.conceptUri),
    IN_LIST_SIZE,
  )) {
    const rows = await tx.$queryRawUnsafe<
      Array<{ id: unknown; conceptUri: string; label: string; preferred: unknown; provenance: string; searchText: string }>
    >(
      dialect(
        `SELECT "id", "conceptUri", "label", "preferred", "provenance", "searchText" FROM "TaxonomyLabel"
         WHERE "language" = ? AND "conceptUri" IN (${inList(part.length)})`,
      ),
      input.language,
      ...part,
    );
    for (const row of rows) {
      existing.set(labelKey(row.conceptUri, row.label), {
        id: toNumber(row.id),
        conceptUri: row.conceptUri,
        label: row.label,
        preferred: toBoolean(row.preferred),
        provenance: row.provenance,
        searchText: row.searchText,
      });
    }
  }

  const upserts: LabelRow[] = [];
  const deletes: number[] = [];
  const desired = new Set<string>();
  const withPreferred = new Set<string>();
  const labelled = new Set<string>();
  if (input.mode === "fill") {
    for (const current of existing.values()) if (current.provenance === input.provenance) labelled.add(current.conceptUri);
  }
  for (const { conceptUri, labels } of input.concepts) {
    if (labelled.has(conceptUri)) continue;
    for (const { label, preferred } of labels) {
      const key = labelKey(conceptUri, label);
      if (desired.has(key)) continue;
      desired.add(key);
      if (preferred) withPreferred.add(conceptUri);
      const searchText = foldForSearch(label);
      const current = existing.get(key);
      if (current && current.provenance !== input.provenance && input.provenance === "harbor") continue;
      if (current?.provenance === input.provenance && current.preferred === preferred && current.searchText === searchText) continue;
      upserts.push({ conceptUri, label, preferred, searchText });
    }
  }
  for (const [key, current] of existing) {
    if (current.provenance !== input.provenance || desired.has(key) || input.mode === "fill") continue;
    if (input.mode === "replace") deletes.push(current.id);
    else if (current.preferred && withPreferred.has(current.conceptUri)) {
      upserts.push({ conceptUri: current.conceptUri, label: current.label, preferred: false, searchText: current.searchText });
    }
  }

  let written = 0;
  for (const part of chunks(upserts, ROWS_PER_STATEMENT)) {
    const values = part.map((row) => `(?, ?, ?, ${row.preferred ? "TRUE" : "FALSE"}, ?, ?)`).join(", ");
    written += await tx.$executeRawUnsafe(
      dialect(
        `INSERT INTO "TaxonomyLabel" ("conceptUri", "language", "label", "preferred", "provenance", "searchText")
         VALUES ${values}
         ON CONFLICT ("conceptUri", "language", "label") DO UPDATE
         SET "preferred" = excluded."preferred", "provenance" = excluded."provenance", "searchText" = excluded."searchText"`,
      ),
      ...part.flatMap((row) => [row.conceptUri, input.language, row.label, input.provenance, row.searchText]),
    );
  }
  let deleted = 0;
  for (const part of chunks(deletes, IN_LIST_SIZE)) {
    deleted += await tx.$executeRawUnsafe(dialect(`DELETE FROM "TaxonomyLabel" WHERE "id" IN (${inList(part.length)})`), ...part);
  }
  return { written, deleted };
}

/** Creates or updates concepts; a concept whose kind, skill type and version are unchanged is not touched. */
async function upsertConcepts(
  tx: Tx,
  concepts: Array<{ uri: string; kind: string; skillType: string | null }>,
  version: string,
): Promise<number> {
  let changed = 0;
  for (const part of chunks(concepts, ROWS_PER_STATEMENT)) {
    changed += await tx.$executeRawUnsafe(
      dialect(
        `INSERT INTO "TaxonomyConcept" ("uri", "kind", "skillType", "version", "updatedAt")
         VALUES ${valuesList(part.length, "(?, ?, ?, ?, CURRENT_TIMESTAMP)")}
         ON CONFLICT ("uri") DO UPDATE
         SET "kind" = excluded."kind",
             "skillType" = COALESCE(excluded."skillType", "TaxonomyConcept"."skillType"),
             "version" = excluded."version",
             "updatedAt" = excluded."updatedAt"
         WHERE "TaxonomyConcept"."kind" IS DISTINCT FROM excluded."kind"
            OR COALESCE(excluded."skillType", "TaxonomyConcept"."skillType") IS DISTINCT FROM "TaxonomyConcept"."skillType"
            OR "TaxonomyConcept"."version" IS DISTINCT FROM excluded."version"`,
      ),
      ...part.flatMap((c) => [c.uri, c.kind, c.skillType, version]),
    );
  }
  return changed;
}

async function existingConcepts(tx: Tx, uris: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(uris, IN_LIST_SIZE)) {
    const rows = await tx.$queryRawUnsafe<Array<{ uri: string }>>(
      dialect(`SELECT "uri" FROM "TaxonomyConcept" WHERE "uri" IN (${inList(part.length)})`),
      ...part,
    );
    for (const row of rows) found.add(row.uri);
  }
  return found;
}

async function addMembers(tx: Tx, collection: string, uris: readonly string[]): Promise<number> {
  let added = 0;
  for (const part of chunks(uris, ROWS_PER_STATEMENT)) {
    added += await tx.$executeRawUnsafe(
      dialect(
        `INSERT INTO "TaxonomyCollectionMember" ("collection", "conceptUri") VALUES ${valuesList(part.length, "(?, ?)")}
         ON CONFLICT ("collection", "conceptUri") DO NOTHING`,
      ),
      ...part.flatMap((uri) => [collection, uri]),
    );
  }
  return added;
}

/** A collection's members that the new file no longer lists leave the collection. */
async function pruneCollection(collection: string, inFile: ReadonlySet<string>): Promise<number> {
  const rows = await db.$queryRawUnsafe<Array<{ conceptUri: string }>>(
    dialect(`SELECT "conceptUri" FROM "TaxonomyCollectionMember" WHERE "collection" = ?`),
    collection,
  );
  const gone = rows.map((r) => r.conceptUri).filter((uri) => !inFile.has(uri));
  let removed = 0;
  for (const part of chunks(gone, IN_LIST_SIZE)) {
    removed += await db.$executeRawUnsafe(
      dialect(`DELETE FROM "TaxonomyCollectionMember" WHERE "collection" = ? AND "conceptUri" IN (${inList(part.length)})`),
      collection,
      ...part,
    );
  }
  return removed;
}

async function writeConceptBatch(
  rows: readonly EscoConceptRow[],
  options: EscoImportOptions & { collection?: string },
  mode: LabelMode,
): Promise<ImportStats> {
  const stats = emptyStats();
  // A file may list a concept twice; the last row wins (PostgreSQL refuses to upsert a row twice).
  const byUri = new Map(rows.map((row) => [row.conceptUri, row]));
  await db.$transaction(async (tx) => {
    let targets = [...byUri.values()];
    if (options.labelsOnly) {
      const present = await existingConcepts(tx, [...byUri.keys()]);
      targets = targets.filter((row) => present.has(row.conceptUri));
    } else {
      stats.concepts += await upsertConcepts(
        tx,
        targets.map((row) => ({ uri: row.conceptUri, kind: conceptKind(row.conceptType) ?? "skill", skillType: skillTypeOf(row) })),
        options.version,
      );
      if (options.collection) {
        stats.members += await addMembers(
          tx,
          options.collection,
          targets.map((row) => row.conceptUri),
        );
      }
    }
    if (mode === "none") return;
    const result = await writeLabels(tx, {
      language: options.language,
      provenance: "esco",
      mode,
      concepts: targets.map((row) => ({ conceptUri: row.conceptUri, labels: conceptLabels(row.preferredLabel, row.altLabels) })),
    });
    stats.labelsWritten += result.written;
    stats.labelsDeleted += result.deleted;
  }, TRANSACTION);
  return stats;
}

// ---------------------------------------------------------------------------------------------
// Public importers

/**
 * Imports skills_xx.csv, skillGroups_xx.csv or occupations_xx.csv — or, with `collection`, an
 * xxxSkillsCollection_xx.csv (which also records membership). Streams the file; idempotent.
 */
export async function importConceptsCsv(
  source: Readable,
  options: EscoImportOptions & { collection?: string },
): Promise<ImportStats> {
  const stats = emptyStats();
  const mode = options.labels ?? (options.collection ? "merge" : "replace");
  const inFile = options.collection ? new Set<string>() : null;
  let batch: EscoConceptRow[] = [];
  for await (const record of csvRecords(source, ["conceptType", "conceptUri", "preferredLabel"])) {
    stats.rows++;
    const parsed = EscoConceptRowSchema.safeParse(record);
    if (!parsed.success || !conceptKind(parsed.data.conceptType)) {
      stats.skipped++;
      continue;
    }
    inFile?.add(parsed.data.conceptUri);
    if (options.include && !options.include.has(parsed.data.conceptUri)) continue;
    batch.push(parsed.data);
    if (batch.length >= CONCEPT_BATCH) {
      addStats(stats, await writeConceptBatch(batch, options, mode));
      batch = [];
    }
  }
  if (batch.length) addStats(stats, await writeConceptBatch(batch, options, mode));
  if (options.collection && inFile && !options.labelsOnly) stats.members += await pruneCollection(options.collection, inFile);
  return stats;
}

/** The skill pillar's broader links (narrower → broader) between concepts Harbor stores. */
async function* broaderLinks(source: Readable, stats: ImportStats): AsyncGenerator<[string, string]> {
  for await (const record of csvRecords(source, ["conceptUri", "broaderUri"])) {
    stats.rows++;
    const parsed = EscoBroaderRowSchema.safeParse(record);
    if (!parsed.success || !conceptKind(parsed.data.conceptType) || !conceptKind(parsed.data.broaderType)) {
      stats.skipped++;
      continue;
    }
    yield [parsed.data.conceptUri, parsed.data.broaderUri];
  }
}

async function insertLinks(links: ReadonlyArray<readonly [string, string]>): Promise<number> {
  const unique = [...new Map(links.map((link) => [`${link[0]} ${link[1]}`, link])).values()];
  let added = 0;
  for (const part of chunks(unique, ROWS_PER_STATEMENT * 2)) {
    added += await db.$executeRawUnsafe(
      dialect(
        `INSERT INTO "TaxonomyBroader" ("narrowerUri", "broaderUri") VALUES ${valuesList(part.length, "(?, ?)")}
         ON CONFLICT ("narrowerUri", "broaderUri") DO NOTHING`,
      ),
      ...part.flat(),
    );
  }
  return added;
}

/**
 * Imports broaderRelationsSkillPillar.csv (or the occupation pillar): links are added, never
 * removed — a link dropped by a later ESCO version stays until the table is rebuilt.
 */
export async function importBroaderCsv(source: Readable, options: { include?: ReadonlySet<string> } = {}): Promise<ImportStats> {
  const stats = emptyStats();
  let batch: Array<[string, string]> = [];
  for await (const [narrower, broader] of broaderLinks(source, stats)) {
    if (options.include && !(options.include.has(narrower) && options.include.has(broader))) continue;
    batch.push([narrower, broader]);
    if (batch.length >= ROWS_PER_STATEMENT * 2) {
      stats.links += await insertLinks(batch);
      batch = [];
    }
  }
  if (batch.length) stats.links += await insertLinks(batch);
  return stats;
}

/** The order that lets every file find what it refers to: groups, skills, occupations, collections, links. */
function importOrder(name: string): number {
  const base = path.basename(name);
  if (/^skillGroups_/i.test(base)) return 0;
  if (/^skills_/i.test(base)) return 1;
  if (/^occupations_/i.test(base)) return 2;
  const kind = escoFile(base).kind;
  return kind === "collection" ? 3 : kind === "broader" ? 4 : 5;
}

export interface FileImportOptions extends Partial<EscoImportOptions> {
  /** Called after each CSV (inside a zip: each entry) with what it changed. */
  onFile?: (name: string, stats: ImportStats | "ignored") => void;
}

async function importOneCsv(
  name: string,
  open: () => Promise<Readable>,
  options: FileImportOptions & { version: string },
): Promise<ImportStats | "ignored"> {
  const file = escoFile(name);
  if (file.kind === "ignored") return "ignored";
  if (file.kind === "broader") return importBroaderCsv(await open(), { include: options.include });
  const language = options.language ?? languageOfFile(name);
  if (!language) throw new Error(`${name}: no language in the file name; pass one (--language xx)`);
  return importConceptsCsv(await open(), {
    ...options,
    language,
    collection: file.kind === "collection" ? file.collection : undefined,
  });
}

/**
 * Imports an ESCO export: one CSV file, or an official zip (every entry Harbor understands, in
 * dependency order). The language comes from `options.language` or the file names; the version
 * from `options.version` or the zip's name. Re-running it changes nothing.
 */
export async function importEscoFile(filePath: string, options: FileImportOptions = {}): Promise<ImportStats> {
  const version = options.version ?? versionOfFile(path.basename(filePath));
  if (!version) throw new Error(`${path.basename(filePath)}: no ESCO version in the file name; pass one (--version v1.x.y)`);
  const total = emptyStats();
  const run = { ...options, version };
  if (filePath.toLowerCase().endsWith(".zip")) {
    await withZip(filePath, async (zip) => {
      const names = zip.names.filter((name) => name.toLowerCase().endsWith(".csv")).sort((a, b) => importOrder(a) - importOrder(b));
      for (const name of names) {
        const result = await importOneCsv(name, () => zip.open(name), run);
        options.onFile?.(name, result);
        if (result !== "ignored") addStats(total, result);
      }
    });
    return total;
  }
  const name = path.basename(filePath);
  const result = await importOneCsv(name, async () => fileStream(filePath), run);
  if (result === "ignored") throw new Error(`${name}: not an ESCO file Harbor imports (skills_xx, skillGroups_xx, occupations_xx, …Collection_xx, broaderRelations…)`);
  options.onFile?.(name, result);
  return addStats(total, result);
}

// ---------------------------------------------------------------------------------------------
// Harbor's own labels

const LanguageKey = z.string().regex(/^[a-z]{2,3}$/);
const LabelList = z.array(z.string().trim().min(1));

/** prisma/data/harbor-skill-labels.json. In each list the first label is the preferred one. */
export const HarborLabelsSchema = z.object({
  note: z.string(),
  concepts: z
    .array(
      z.object({
        uri: z.string().startsWith("http://data.europa.eu/esco/"),
        /** ESCO's English preferred label, so that a reader of the file knows the concept. */
        esco: z.string(),
        labels: z.record(LanguageKey, LabelList.min(1)).default({}),
        /** Extra alternative labels in languages whose preferred label comes from ESCO. */
        altLabels: z.record(LanguageKey, LabelList).default({}),
      }),
    )
    .refine((concepts) => new Set(concepts.map((c) => c.uri)).size === concepts.length, "each concept once"),
});
export type HarborLabels = z.infer<typeof HarborLabelsSchema>;

export function readHarborLabels(filePath = path.join(defaultDataDir(), "harbor-skill-labels.json")): HarborLabels {
  return HarborLabelsSchema.parse(JSON.parse(fs.readFileSync(filePath, "utf8")));
}

/** Every URI the Harbor labels file names. */
function harborLabelUris(labels: HarborLabels): string[] {
  return labels.concepts.map((c) => c.uri);
}

/**
 * Imports Harbor's own labels (provenance 'harbor') for the concepts present. The file is the
 * whole truth for Harbor's labels: labels removed from it are removed from the database. Where
 * ESCO has the same text in the same language, ESCO's label stands.
 */
export async function importHarborLabels(filePath?: string): Promise<ImportStats> {
  const data = readHarborLabels(filePath);
  const stats = emptyStats();
  const byLanguage = new Map<string, Map<string, ConceptLabel[]>>();
  const add = (uri: string, language: string, label: string, preferred: boolean) => {
    const concepts = byLanguage.get(language) ?? new Map<string, ConceptLabel[]>();
    byLanguage.set(language, concepts);
    concepts.set(uri, [...(concepts.get(uri) ?? []), { label, preferred }]);
  };
  for (const { uri, labels, altLabels } of data.concepts) {
    for (const [language, [preferred, ...alt]] of Object.entries(labels)) {
      if (preferred) add(uri, language, preferred, true);
      for (const label of alt) add(uri, language, label, false);
    }
    for (const [language, alt] of Object.entries(altLabels)) for (const label of alt) add(uri, language, label, false);
  }
  await db.$transaction(async (tx) => {
    const present = await existingConcepts(tx, harborLabelUris(data));
    stats.rows = present.size;
    for (const [language, concepts] of byLanguage) {
      const result = await writeLabels(tx, {
        language,
        provenance: "harbor",
        mode: "replace",
        concepts: [...concepts].filter(([uri]) => present.has(uri)).map(([conceptUri, labels]) => ({ conceptUri, labels })),
      });
      stats.labelsWritten += result.written;
      stats.labelsDeleted += result.deleted;
    }
    // Languages or concepts dropped from the file entirely.
    const rows = await tx.$queryRawUnsafe<Array<{ id: unknown; conceptUri: string; language: string }>>(
      `SELECT "id", "conceptUri", "language" FROM "TaxonomyLabel" WHERE "provenance" = 'harbor'`,
    );
    const stale = rows.filter((row) => !byLanguage.get(row.language)?.has(row.conceptUri)).map((row) => toNumber(row.id));
    for (const part of chunks(stale, IN_LIST_SIZE)) {
      stats.labelsDeleted += await tx.$executeRawUnsafe(
        dialect(`DELETE FROM "TaxonomyLabel" WHERE "id" IN (${inList(part.length)})`),
        ...part,
      );
    }
  }, TRANSACTION);
  return stats;
}

// ---------------------------------------------------------------------------------------------
// Harbor's default taxonomy

/** Where the shipped data lives (relative to the working directory, like data/harbor.db). */
export function defaultDataDir(): string {
  return path.resolve(process.cwd(), "prisma/data");
}

const SKILL = "http://data.europa.eu/esco/skill/";
const ISCED = "http://data.europa.eu/esco/isced-f/";

/**
 * Branches of ESCO's skills hierarchy that Harbor loads by default, with all their descendants.
 * Codes are ESCO's (S = skills, K = knowledge by ISCED-F field).
 */
export const DEFAULT_BRANCHES: Readonly<Record<string, readonly string[]>> = {
  businessAndAdministration: [
    `${ISCED}041`, // K 041 business and administration (accounting, finance, management, marketing, office work)
    `${SKILL}f306bf2a-271d-4059-ba7b-e83849cb8960`, // S4.4 performing administrative activities
  ],
  ict: [
    `${ISCED}06`, // K 06 information and communication technologies
    `${SKILL}243eb885-07c7-4b77-ab9c-827551d83dc4`, // S5 working with computers
  ],
  design: [
    `${ISCED}0211`, // K 0211 audio-visual techniques and media production (graphic design)
    `${ISCED}0212`, // K 0212 fashion, interior and industrial design
    `${SKILL}b590d4e5-7c62-4b4a-abc2-c270b482e0ce`, // S1.11.1 designing ICT systems or applications
    `${SKILL}c85f95ae-34fb-487b-b3d5-10803eee619d`, // S1.12 creating artistic, visual or instructive materials
  ],
  customerService: [
    `${SKILL}e1746275-6d4e-4b02-b526-eeebf3052b6d`, // S3.4 providing information and support to the public and clients
  ],
};

/** ESCO collections Harbor loads whole. */
export const DEFAULT_COLLECTIONS = ["digital", "transversal", "language"] as const;

function defaultFiles(dataDir: string) {
  const esco = path.join(dataDir, "esco");
  return {
    englishZip: path.join(esco, "v1.1.1-en/esco-v1.1.1-classification-en-csv.zip"),
    relationsZip: path.join(esco, "v1.1.1-en/esco-v1.1.1-relations-csv.zip"),
    french: path.join(esco, "v1.1.1-fr"),
    spanishSkills: path.join(esco, "v1.0.x-es/skills_es.csv"),
    spanish: path.join(esco, "v1.2.0-es"),
    harborLabels: path.join(dataDir, "harbor-skill-labels.json"),
  };
}

const collectionFile = (collection: string, language: string) => `${collection}SkillsCollection_${language}.csv`;

async function collectionUris(source: Readable): Promise<string[]> {
  const uris: string[] = [];
  for await (const record of csvRecords(source, ["conceptUri"])) {
    const uri = record.conceptUri;
    if (typeof uri === "string" && uri.trim()) uris.push(uri.trim());
  }
  return uris;
}

/** The seeds, every descendant of the branch roots, and every ancestor of all of them. */
export function defaultConceptSet(
  links: ReadonlyArray<readonly [string, string]>,
  roots: Iterable<string>,
  seeds: Iterable<string>,
): Set<string> {
  const narrower = new Map<string, string[]>();
  const broader = new Map<string, string[]>();
  const append = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const [n, b] of links) {
    append(narrower, b, n);
    append(broader, n, b);
  }
  const walk = (start: Iterable<string>, next: Map<string, string[]>, into: Set<string>) => {
    const stack = [...start];
    for (let uri = stack.pop(); uri !== undefined; uri = stack.pop()) {
      for (const other of next.get(uri) ?? []) {
        if (into.has(other)) continue;
        into.add(other);
        stack.push(other);
      }
    }
  };
  const set = new Set<string>(roots);
  walk(set, narrower, set);
  for (const uri of seeds) set.add(uri); // after the walk down: a collection brings no descendants
  walk([...set], broader, set);
  return set;
}

export interface DefaultTaxonomyReport {
  concepts: number;
  labelsByLanguage: Record<string, number>;
  milliseconds: number;
}

/**
 * Loads Harbor's default taxonomy from the shipped files: the digital, transversal and language
 * collections and the business/administration, ICT, design and customer-service branches (with
 * their groups), English labels, then the French and Spanish labels ESCO has for the same
 * concepts, then Harbor's own labels. Idempotent.
 */
export async function importDefaultTaxonomy(dataDir = defaultDataDir()): Promise<DefaultTaxonomyReport> {
  const started = performance.now();
  const files = defaultFiles(dataDir);
  const harborLabels = readHarborLabels(files.harborLabels);

  const linkStats = emptyStats();
  const links = await withZip(files.relationsZip, async (zip) => {
    const all: Array<[string, string]> = [];
    for await (const link of broaderLinks(await zip.open("broaderRelationsSkillPillar.csv"), linkStats)) all.push(link);
    return all;
  });

  const english = { language: "en", version: "v1.1.1" };
  const include = await withZip(files.englishZip, async (zip) => {
    const seeds = new Set(harborLabelUris(harborLabels));
    for (const collection of DEFAULT_COLLECTIONS) {
      for (const uri of await collectionUris(await zip.open(collectionFile(collection, "en")))) seeds.add(uri);
    }
    const concepts = defaultConceptSet(links, Object.values(DEFAULT_BRANCHES).flat(), seeds);
    await importConceptsCsv(await zip.open("skillGroups_en.csv"), { ...english, include: concepts });
    await importConceptsCsv(await zip.open("skills_en.csv"), { ...english, include: concepts });
    for (const collection of DEFAULT_COLLECTIONS) {
      await importConceptsCsv(await zip.open(collectionFile(collection, "en")), { ...english, include: concepts, collection, labels: "none" });
    }
    await insertLinks(links.filter(([n, b]) => concepts.has(n) && concepts.has(b)));
    return concepts;
  });

  // Other languages only label the same concepts (and never create any).
  const french = { language: "fr", version: "v1.1.1", labelsOnly: true, include };
  await importConceptsCsv(fileStream(path.join(files.french, "skillGroups_fr.csv")), french);
  for (const collection of DEFAULT_COLLECTIONS) {
    await importConceptsCsv(fileStream(path.join(files.french, collectionFile(collection, "fr"))), { ...french, labels: "merge" });
  }
  const spanish = { language: "es", version: "v1.2.0", labelsOnly: true, include };
  await importConceptsCsv(fileStream(path.join(files.spanish, "skillGroups_es.csv")), spanish);
  for (const collection of DEFAULT_COLLECTIONS) {
    await importConceptsCsv(fileStream(path.join(files.spanish, collectionFile(collection, "es"))), { ...spanish, labels: "merge" });
  }
  // The older full Spanish file only fills what the newer files left unlabelled, so a re-run
  // finds nothing to change.
  await importConceptsCsv(fileStream(files.spanishSkills), { language: "es", version: "v1.0.x", labelsOnly: true, include, labels: "fill" });

  await importHarborLabels(files.harborLabels);
  return { ...(await taxonomySize()), milliseconds: Math.round(performance.now() - started) };
}

/** How many concepts, and labels per language, the taxonomy holds. */
export async function taxonomySize(): Promise<Omit<DefaultTaxonomyReport, "milliseconds">> {
  const concepts = await db.taxonomyConcept.count();
  const rows = await db.taxonomyLabel.groupBy({ by: ["language"], _count: { _all: true }, orderBy: { language: "asc" } });
  return { concepts, labelsByLanguage: Object.fromEntries(rows.map((row) => [row.language, row._count._all])) };
}

/** Loads the default taxonomy on a database that has none; a no-op otherwise. Returns whether it loaded. */
export async function loadDefaultTaxonomyIfEmpty(dataDir = defaultDataDir()): Promise<boolean> {
  if ((await db.taxonomyConcept.count()) > 0) return false;
  await importDefaultTaxonomy(dataDir);
  return true;
}
