// A synthetic, seeded candidate pool for the slate engine: an ESCO-sized taxonomy (~14k skills
// under ~300 groups) and candidates whose skills follow a Zipf curve over it, with the languages,
// countries, time zones and NGOs of Harbor's intake (Ukrainian, Syrian, Afghan and Venezuelan
// diaspora in Europe and the Americas). The shares are estimates, not measured data — tune them
// here, in one place.
//
// Candidates come from a generator, so that the index can be built from 1M of them without all of
// them in memory at once; the same seed always yields the same pool, so a second pass (the SQL
// baseline) sees exactly the same data.
import type { CefrLevel } from "../../app/domain/profile/languages";
import type { SlateCandidate, SlateTaxonomy } from "../../app/domain/slates/types";
import { createRandom } from "../coach-matching/generate";

export { createRandom };
export type Random = () => number;

/** The moment slates are generated in the benchmark (the README's date). */
export const NOW = Date.UTC(2026, 11, 5);
const DAY = 86_400_000;
const BASE = "https://taxonomy.harbor.example";

export function pick<T>(random: Random, weighted: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, weight] of weighted) total += weight;
  let at = random() * total;
  for (const [value, weight] of weighted) {
    at -= weight;
    if (at < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

/** Fisher–Yates, in place. */
function shuffle(random: Random, values: Int32Array): Int32Array {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = values[i]!;
    values[i] = values[j]!;
    values[j] = swap;
  }
  return values;
}

export interface TaxonomySize {
  skills: number;
  groups: number;
  /** Zipf exponent of skill popularity. */
  zipf: number;
}

export const DEFAULT_TAXONOMY: TaxonomySize = { skills: 14_000, groups: 300, zipf: 1 };

export interface BenchTaxonomy extends SlateTaxonomy {
  skillUris: readonly string[];
  groupUris: readonly string[];
  /** Group of each skill id. */
  skillGroup: Int32Array;
  /** Skill id at each popularity rank (0: the most common skill). */
  rankToSkill: Int32Array;
  /** Popularity rank of each skill id. */
  skillRank: Int32Array;
  /** Cumulative Zipf weights by rank, normalised to end at 1. */
  cdf: Float64Array;
  skillIdOf: ReadonlyMap<string, number>;
}

/**
 * Skills numbered 0…n−1, each under one group (uniformly at random, so group sizes vary around
 * n / groups); popularity ranks are a seeded shuffle of the skill ids, so common skills are spread
 * across groups rather than bunched in the first few.
 */
export function buildTaxonomy(size: TaxonomySize, seed: number): BenchTaxonomy {
  const random = createRandom(seed ^ 0x5a5a);
  const skillUris = Array.from({ length: size.skills }, (_, k) => `${BASE}/skill/${k}`);
  const groupUris = Array.from({ length: size.groups }, (_, g) => `${BASE}/group/${g}`);
  const skillGroup = new Int32Array(size.skills);
  const members: string[][] = groupUris.map(() => []);
  for (let k = 0; k < size.skills; k++) {
    // Every group gets at least one skill, the rest land anywhere.
    const group = k < size.groups ? k : Math.floor(random() * size.groups);
    skillGroup[k] = group;
    members[group]!.push(skillUris[k]!);
  }
  const rankToSkill = shuffle(
    random,
    Int32Array.from({ length: size.skills }, (_, k) => k),
  );
  const skillRank = new Int32Array(size.skills);
  rankToSkill.forEach((skill, rank) => (skillRank[skill] = rank));
  const cdf = new Float64Array(size.skills);
  let total = 0;
  for (let rank = 0; rank < size.skills; rank++) cdf[rank] = total += 1 / Math.pow(rank + 1, size.zipf);
  for (let rank = 0; rank < size.skills; rank++) cdf[rank] = cdf[rank]! / total;

  const skillIdOf = new Map<string, number>(skillUris.map((uri, k) => [uri, k]));
  const groupIdOf = new Map<string, number>(groupUris.map((uri, g) => [uri, g]));
  const broaderOf = skillUris.map((_, k) => [groupUris[skillGroup[k]!]!]);
  const none: readonly string[] = [];
  return {
    skillUris,
    groupUris,
    skillGroup,
    rankToSkill,
    skillRank,
    cdf,
    skillIdOf,
    broader(uri) {
      const skill = skillIdOf.get(uri);
      return skill === undefined ? none : broaderOf[skill]!;
    },
    narrower(uri) {
      const group = groupIdOf.get(uri);
      return group === undefined ? none : members[group]!;
    },
  };
}

/** A popularity rank drawn from the Zipf curve (binary search over the cumulative weights). */
export function zipfRank(random: Random, cdf: Float64Array): number {
  const u = random();
  let low = 0;
  let high = cdf.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cdf[mid]! < u) low = mid + 1;
    else high = mid;
  }
  return low;
}

// Where people come from, what they speak natively, and where they live now (with that country's
// UTC offset in December). Ukrainians mostly in the EU; Syrians in Germany, Sweden, Turkey and
// Lebanon; Afghans in Germany, Iran, Pakistan and the US; Venezuelans across Latin America,
// Spain and the US.
interface Origin {
  code: string;
  native: ReadonlyArray<readonly [string, number]>;
  living: ReadonlyArray<readonly [string, number]>;
}
const ORIGINS: ReadonlyArray<readonly [Origin, number]> = [
  [{ code: "UA", native: [["uk", 78], ["ru", 22]], living: [["PL", 30], ["DE", 28], ["CZ", 10], ["UA", 6], ["GB", 5], ["IT", 4], ["ES", 4], ["NL", 4], ["FR", 3], ["US", 3], ["CA", 3]] }, 45],
  [{ code: "SY", native: [["ar", 100]], living: [["DE", 40], ["SE", 10], ["TR", 15], ["LB", 10], ["JO", 8], ["NL", 7], ["AT", 5], ["FR", 5]] }, 20],
  [{ code: "AF", native: [["fa", 80], ["ps", 20]], living: [["DE", 35], ["IR", 15], ["PK", 15], ["US", 12], ["GB", 8], ["AT", 8], ["FR", 7]] }, 13],
  [{ code: "VE", native: [["es", 100]], living: [["CO", 35], ["PE", 20], ["US", 12], ["CL", 10], ["ES", 13], ["BR", 5], ["AR", 5]] }, 15],
  [{ code: "SD", native: [["ar", 100]], living: [["EG", 40], ["DE", 20], ["FR", 20], ["GB", 20]] }, 4],
  [{ code: "CD", native: [["fr", 100]], living: [["FR", 50], ["BE", 35], ["CA", 15]] }, 3],
];
/** UTC offsets (minutes) in December; the US and Canada split between Eastern and Central time. */
const COUNTRY_OFFSET: Record<string, ReadonlyArray<readonly [number, number]>> = {
  PL: [[60, 1]], DE: [[60, 1]], CZ: [[60, 1]], UA: [[120, 1]], GB: [[0, 1]], IT: [[60, 1]], ES: [[60, 1]], NL: [[60, 1]],
  FR: [[60, 1]], BE: [[60, 1]], AT: [[60, 1]], SE: [[60, 1]], TR: [[180, 1]], LB: [[120, 1]], JO: [[180, 1]], EG: [[120, 1]],
  IR: [[210, 1]], PK: [[300, 1]], CO: [[-300, 1]], PE: [[-300, 1]], CL: [[-180, 1]], BR: [[-180, 1]], AR: [[-180, 1]],
  US: [[-300, 60], [-360, 30], [-480, 10]], CA: [[-300, 70], [-480, 30]],
};
/** The language of the country people now live in, if they learn it. */
const LOCAL_LANGUAGE: Record<string, string> = { PL: "pl", DE: "de", AT: "de", CZ: "cs", FR: "fr", BE: "fr", ES: "es", CO: "es", PE: "es", CL: "es", AR: "es", IT: "it", NL: "nl", SE: "sv", TR: "tr", IR: "fa", PK: "ur", BR: "pt", GB: "en", US: "en", CA: "en" };

const LEVELS: readonly CefrLevel[] = ["A1", "A2", "B1", "B2", "C1", "C2"];
function cefr(random: Random, shares: readonly number[]): CefrLevel {
  return pick(random, LEVELS.map((value, index) => [value, shares[index] ?? 0] as const));
}
const ENGLISH = [18, 24, 26, 18, 10, 4];
const LOCAL = [25, 30, 25, 13, 5, 2];
const RUSSIAN_OF_UKRAINIANS = [0, 2, 8, 20, 35, 35];

const SKILL_LEVEL: ReadonlyArray<readonly [number, number]> = [[1, 10], [2, 20], [3, 35], [4, 25], [5, 10]];
const HOURS: ReadonlyArray<readonly [number, number]> = [[10, 8], [15, 10], [20, 22], [25, 10], [30, 15], [35, 5], [40, 30]];
const NGO_COUNT = 50;
const NGOS: ReadonlyArray<readonly [string, number]> = Array.from({ length: NGO_COUNT }, (_, k) => [`ngo-${String(k + 1).padStart(2, "0")}`, 1 / Math.pow(k + 1, 0.8)] as const);
const BADGES: readonly string[] = ["b"];
const NO_BADGES: readonly string[] = [];

export const SKILLS_PER_CANDIDATE = { min: 12, max: 28 } as const;

/**
 * Candidate ids as long as Harbor's cuids (25 characters, so the index holds strings of the real
 * size), zero-padded so that string order is numeric order (the SQL baseline keys on the number).
 */
export function candidateId(ordinal: number): string {
  // Round-tripped through a Buffer so that the string is flat, as one read from a database is:
  // V8 keeps `padStart` and template results as chains of pieces, several times the size.
  return Buffer.from(`c${String(ordinal).padStart(24, "0")}`, "latin1").toString("latin1");
}

/** The pool, one candidate at a time; the same `seed` yields the same candidates in the same order. */
export function* generateCandidates(count: number, taxonomy: BenchTaxonomy, seed: number): Generator<SlateCandidate> {
  const random = createRandom(seed);
  const { cdf, rankToSkill, skillUris } = taxonomy;
  const held: number[] = [];
  for (let i = 0; i < count; i++) {
    const origin = pick(random, ORIGINS);
    const native = pick(random, origin.native);
    const currentCountry = pick(random, origin.living);
    const languages: { code: string; level: CefrLevel }[] = [{ code: native, level: "C2" }];
    const add = (code: string, level: CefrLevel) => {
      if (languages.length < 3 && !languages.some((l) => l.code === code)) languages.push({ code, level });
    };
    if (native === "uk" && random() < 0.45) add("ru", cefr(random, RUSSIAN_OF_UKRAINIANS));
    if (native === "ru" && random() < 0.5) add("uk", cefr(random, LOCAL));
    if (random() < 0.7) add("en", cefr(random, ENGLISH));
    const local = LOCAL_LANGUAGE[currentCountry];
    if (local && random() < 0.4) add(local, cefr(random, LOCAL));

    const skillCount = SKILLS_PER_CANDIDATE.min + Math.floor(random() * (SKILLS_PER_CANDIDATE.max - SKILLS_PER_CANDIDATE.min + 1));
    held.length = 0;
    while (held.length < skillCount) {
      const skill = rankToSkill[zipfRank(random, cdf)]!;
      if (!held.includes(skill)) held.push(skill);
    }
    const skills = held.map((skill) => ({ uri: skillUris[skill]!, level: pick(random, SKILL_LEVEL), badges: random() < 0.1 ? BADGES : NO_BADGES }));

    const r = random();
    const interestConfirmedAt = r < 0.8 ? NOW - Math.floor(random() * 90 * DAY) : r < 0.95 ? NOW - (90 * DAY + Math.floor(random() * 275 * DAY)) : null;
    yield {
      id: candidateId(i + 1),
      skills,
      languages,
      utcOffsetMinutes: random() < 0.03 ? null : pick(random, COUNTRY_OFFSET[currentCountry]!),
      availabilityHours: random() < 0.15 ? null : pick(random, HOURS),
      currentCountry,
      countryOfOrigin: origin.code,
      referringOrganisationId: random() < 0.05 ? null : pick(random, NGOS),
      consentsToEmployers: random() < 0.9,
      placed: random() < 0.05,
      interestConfirmedAt,
      coachRecommended: random() < 0.03,
    };
  }
}
