// Reading the skills taxonomy: search in any language, labels in the reader's language, the
// broader chain. Raw SQL (standard, identical on SQLite and PostgreSQL) where ranking needs it.
import { foldForSearch, likePattern } from "~/domain/taxonomy/search-text";
import { db } from "~/utils/db.server";
import { chunks, dialect, inList, toNumber } from "./taxonomy-sql.server";

export type SkillKind = "skill" | "skill_group";
export type LabelProvenance = "esco" | "harbor";

const FALLBACK_LANGUAGE = "en";

export interface ConceptLabelForReader {
  label: string;
  /** 'harbor' labels are Harbor's own translation and must be shown as such. */
  provenance: LabelProvenance;
  /** The label's language: the reader's, or English (or another) when none exists in theirs. */
  language: string;
}

export interface SkillSearchHit extends ConceptLabelForReader {
  uri: string;
  kind: SkillKind;
  /** The label that matched the query, in whatever language it is. */
  matchedLabel: string;
}

const asKind = (kind: string): SkillKind => (kind === "skill_group" ? "skill_group" : "skill");
const asProvenance = (value: string): LabelProvenance => (value === "harbor" ? "harbor" : "esco");

/**
 * Skills and skill groups with a label, in any language, containing the query (folded: case,
 * accents and script variants ignored). Ranked: exact before prefix before substring, then labels
 * in the reader's language, then preferred before alternative labels, then shorter labels. Each
 * concept appears once, shown with its label in the reader's language (else English).
 */
export async function searchSkills(input: { query: string; language: string; limit?: number }): Promise<SkillSearchHit[]> {
  const folded = foldForSearch(input.query);
  if (!folded) return [];
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 10), 1), 100);
  const rows = await db.$queryRawUnsafe<Array<{ uri: string; kind: string; matchedLabel: string }>>(
    dialect(
      `WITH "matches" AS (
         SELECT l."conceptUri" AS "uri", c."kind" AS "kind", l."label" AS "matchedLabel",
                CASE WHEN l."searchText" = ? THEN 0 WHEN l."searchText" LIKE ? ESCAPE '\\' THEN 1 ELSE 2 END AS "matchRank",
                CASE WHEN l."language" = ? THEN 0 ELSE 1 END AS "languageRank",
                CASE WHEN l."preferred" THEN 0 ELSE 1 END AS "preferredRank",
                LENGTH(l."searchText") AS "length"
         FROM "TaxonomyLabel" l
         JOIN "TaxonomyConcept" c ON c."uri" = l."conceptUri"
         WHERE l."searchText" LIKE ? ESCAPE '\\' AND c."kind" IN ('skill', 'skill_group')
       ), "best" AS (
         SELECT "uri", "kind", "matchedLabel", "matchRank", "languageRank", "preferredRank", "length",
                ROW_NUMBER() OVER (
                  PARTITION BY "uri" ORDER BY "matchRank", "languageRank", "preferredRank", "length", "matchedLabel"
                ) AS "n"
         FROM "matches"
       )
       SELECT "uri", "kind", "matchedLabel" FROM "best" WHERE "n" = 1
       ORDER BY "matchRank", "languageRank", "preferredRank", "length", "uri"
       LIMIT ?`,
    ),
    folded,
    likePattern(folded, "prefix"),
    input.language,
    likePattern(folded, "substring"),
    limit,
  );
  const labels = await labelsFor(
    rows.map((row) => row.uri),
    input.language,
  );
  return rows.map((row) => {
    const shown = labels.get(row.uri) ?? { label: row.matchedLabel, provenance: "esco" as const, language: FALLBACK_LANGUAGE };
    return { uri: row.uri, kind: asKind(row.kind), matchedLabel: row.matchedLabel, ...shown };
  });
}

/** A search hit as the skill-search forms show it to a reader, marking skills they already have. */
export function searchResult(hit: SkillSearchHit, language: string, owned: ReadonlySet<string>) {
  return {
    uri: hit.uri,
    label: hit.label,
    lang: hit.language !== language ? hit.language : undefined,
    matchedLabel: hit.matchedLabel,
    harbor: hit.provenance === "harbor",
    owned: owned.has(hit.uri),
  };
}

/**
 * Each concept's preferred label for a reader: in their language (ESCO's before Harbor's own),
 * else English, else any language. Concepts without any label are left out of the map.
 */
export async function labelsFor(uris: readonly string[], language: string): Promise<Map<string, ConceptLabelForReader>> {
  const wanted = [...new Set(uris)];
  const best = new Map<string, ConceptLabelForReader & { rank: number }>();
  const rankOf = (row: { language: string; provenance: string }) =>
    (row.language === language ? 0 : row.language === FALLBACK_LANGUAGE ? 2 : 4) + (row.provenance === "esco" ? 0 : 1);
  for (const part of chunks(wanted, 500)) {
    const rows = await db.$queryRawUnsafe<Array<{ conceptUri: string; language: string; label: string; provenance: string }>>(
      dialect(
        `SELECT "conceptUri", "language", "label", "provenance" FROM "TaxonomyLabel"
         WHERE "preferred" = TRUE AND "conceptUri" IN (${inList(part.length)})
         ORDER BY "conceptUri", "language", "label"`,
      ),
      ...part,
    );
    for (const row of rows) {
      const rank = rankOf(row);
      const current = best.get(row.conceptUri);
      if (current && current.rank <= rank) continue;
      best.set(row.conceptUri, { label: row.label, provenance: asProvenance(row.provenance), language: row.language, rank });
    }
  }
  return new Map([...best].map(([uri, { label, provenance, language: labelLanguage }]) => [uri, { label, provenance, language: labelLanguage }]));
}

/**
 * The skill or skill group whose label (any language, folded) is exactly `text`, or null — for
 * free-text skills in referrals: "accounting", "comptabilité" and "бухгалтерський облік" give the
 * same URI. Preferred labels win over alternatives, the reader's language over others, ESCO's
 * labels over Harbor's, skills over groups.
 */
export async function findSkillByLabel(text: string, language = FALLBACK_LANGUAGE): Promise<string | null> {
  const folded = foldForSearch(text);
  if (!folded) return null;
  const rows = await db.$queryRawUnsafe<Array<{ uri: string }>>(
    dialect(
      `SELECT l."conceptUri" AS "uri" FROM "TaxonomyLabel" l
       JOIN "TaxonomyConcept" c ON c."uri" = l."conceptUri"
       WHERE l."searchText" = ? AND c."kind" IN ('skill', 'skill_group')
       ORDER BY CASE WHEN l."preferred" THEN 0 ELSE 1 END,
                CASE WHEN l."language" = ? THEN 0 ELSE 1 END,
                CASE WHEN l."provenance" = 'esco' THEN 0 ELSE 1 END,
                CASE WHEN c."kind" = 'skill' THEN 0 ELSE 1 END,
                l."conceptUri"
       LIMIT 1`,
    ),
    folded,
    language,
  );
  return rows[0]?.uri ?? null;
}

/**
 * The broader concepts above each of `uris` (its groups, their groups, … and broader skills),
 * nearest first, each with its distance — for giving partial credit when someone has a narrower
 * or sibling skill. One query for the whole batch; a URI without broader concepts maps to [].
 */
export async function ancestorsOf(uris: readonly string[]): Promise<Map<string, Array<{ uri: string; depth: number }>>> {
  const distinct = [...new Set(uris)];
  const result = new Map(distinct.map((uri) => [uri, [] as Array<{ uri: string; depth: number }>]));
  // SQLite allows 32,766 parameters; stay well below in one statement.
  for (const chunk of chunks(distinct, 500)) {
    const rows = await db.$queryRawUnsafe<Array<{ origin: string; uri: string; depth: unknown }>>(
      dialect(
        `WITH RECURSIVE "up" ("origin", "uri", "depth") AS (
           SELECT "narrowerUri", "broaderUri", 1 FROM "TaxonomyBroader" WHERE "narrowerUri" IN (${inList(chunk.length)})
           UNION
           SELECT "up"."origin", b."broaderUri", "up"."depth" + 1 FROM "TaxonomyBroader" b
           JOIN "up" ON b."narrowerUri" = "up"."uri"
           WHERE "up"."depth" < 12
         )
         SELECT "origin", "uri", MIN("depth") AS "depth" FROM "up" GROUP BY "origin", "uri" ORDER BY "origin", MIN("depth"), "uri"`,
      ),
      ...chunk,
    );
    for (const row of rows) result.get(row.origin)?.push({ uri: row.uri, depth: toNumber(row.depth) });
  }
  return result;
}
