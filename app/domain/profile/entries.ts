// The free-text parts of a profile kept as JSON arrays on CandidateProfile: shapes and safe reading.

/** A job or a course of study. Months as YYYY-MM (or a year); no end means "until now". */
export interface HistoryEntry {
  id: string;
  title: string;
  organisation: string;
  from: string;
  to: string | null;
  description: string;
}

export const MAX_HISTORY_ENTRIES = 30;
export const MAX_PORTFOLIO_LINKS = 10;
export const MAX_DESIRED_ROLES = 10;

/** Self-rated skill levels, 1 (beginner) to 5 (expert). */
export const SKILL_LEVELS = [1, 2, 3, 4, 5] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export const SKILL_LEVEL_KEYS: Record<SkillLevel, string> = {
  1: "profile:skills.levels.1",
  2: "profile:skills.levels.2",
  3: "profile:skills.levels.3",
  4: "profile:skills.levels.4",
  5: "profile:skills.levels.5",
};

export function isSkillLevel(value: unknown): value is SkillLevel {
  return typeof value === "number" && (SKILL_LEVELS as readonly number[]).includes(value);
}

function parseArray(json: string): unknown[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** Entries as stored; anything malformed is skipped rather than breaking the page. */
export function parseHistory(json: string): HistoryEntry[] {
  return parseArray(json).flatMap((item) => {
    if (!item || typeof item !== "object") return [];
    const entry = item as Record<string, unknown>;
    if (typeof entry.id !== "string" || typeof entry.title !== "string") return [];
    return [
      {
        id: entry.id,
        title: entry.title,
        organisation: text(entry.organisation),
        from: text(entry.from),
        to: typeof entry.to === "string" && entry.to ? entry.to : null,
        description: text(entry.description),
      },
    ];
  });
}

export function parseStringList(json: string): string[] {
  return parseArray(json).filter((item): item is string => typeof item === "string");
}

/** Newest first: entries still running, then by start month. */
export function sortHistory(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return [...entries].sort((a, b) => (a.to === null) !== (b.to === null) ? (a.to === null ? -1 : 1) : b.from.localeCompare(a.from));
}

/** A list the person typed one per line or separated by commas: trimmed, without repeats. */
export function splitList(raw: string): string[] {
  const seen = new Set<string>();
  return raw
    .split(/[,\n\r،؛;]+/u)
    .map((item) => item.normalize("NFC").replace(/\s+/gu, " ").trim())
    .filter((item) => {
      const key = item.toLocaleLowerCase();
      if (!item || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
