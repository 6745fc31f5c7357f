// A synthetic, seeded pool shaped like Harbor's: who speaks what, who wants which skills, where
// people live and when they can meet. The shares are estimates from the program's intake (uk the
// largest group, Arabic and Farsi demand above what volunteers can cover, coaches mostly
// white-collar and in Central European time), not measured data — tune them here, in one place.
import type { CefrLevel, LanguageAbility, MatchCandidate, MatchCoach, TaxonomyNode, WorkingHours } from "../../app/domain/matching/types";

/** sfc32: small, fast, and the same sequence on every machine for a given seed. */
export function createRandom(seed: number): () => number {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ Math.imul(seed, 0x85ebca6b);
  let c = 0xb7e15162;
  let d = 1;
  const next = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

type Random = () => number;

function pick<T>(random: Random, weighted: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, weight] of weighted) total += weight;
  let at = random() * total;
  for (const [value, weight] of weighted) {
    at -= weight;
    if (at < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

function intBetween(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

// Taxonomy: 5 areas → 20 groups → 200 skills (ESCO-like depth: skill, group, area).
const AREAS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["business", ["finance-accounting", "sales", "marketing", "human-resources"]],
  ["technology", ["software-development", "data-analysis", "graphic-design", "it-support"]],
  ["care", ["healthcare", "social-work", "teaching", "childcare"]],
  ["trades", ["construction", "manufacturing", "logistics", "agriculture"]],
  ["services", ["hospitality", "customer-service", "translation", "legal-admin"]],
];
const SKILLS_PER_GROUP = 10;
const BASE = "https://taxonomy.harbor.example";

export interface Taxonomy {
  groups: string[];
  /** Per group: its skills as nodes (with ancestors), most common first. */
  skills: TaxonomyNode[][];
  groupNodes: TaxonomyNode[];
}

export function buildTaxonomy(): Taxonomy {
  const groups: string[] = [];
  const skills: TaxonomyNode[][] = [];
  const groupNodes: TaxonomyNode[] = [];
  for (const [area, areaGroups] of AREAS) {
    const areaUri = `${BASE}/area/${area}`;
    for (const group of areaGroups) {
      const groupUri = `${BASE}/group/${group}`;
      groups.push(group);
      groupNodes.push({ uri: groupUri, ancestors: [areaUri] });
      skills.push(Array.from({ length: SKILLS_PER_GROUP }, (_, k) => ({ uri: `${BASE}/skill/${group}/${k + 1}`, ancestors: [groupUri, areaUri] })));
    }
  }
  return { groups, skills, groupNodes };
}

// Demand (candidates) and supply (coaches) per group differ on purpose: volunteers are mostly
// office professionals, candidates include many care and trades workers.
const CANDIDATE_GROUP_WEIGHT: Record<string, number> = {
  "finance-accounting": 10, sales: 5, marketing: 4, "human-resources": 3,
  "software-development": 10, "data-analysis": 4, "graphic-design": 4, "it-support": 4,
  healthcare: 9, "social-work": 3, teaching: 9, childcare: 3,
  construction: 6, manufacturing: 4, logistics: 6, agriculture: 2,
  hospitality: 6, "customer-service": 5, translation: 3, "legal-admin": 4,
};
const COACH_GROUP_WEIGHT: Record<string, number> = {
  "finance-accounting": 12, sales: 6, marketing: 10, "human-resources": 9,
  "software-development": 14, "data-analysis": 6, "graphic-design": 5, "it-support": 4,
  healthcare: 4, "social-work": 3, teaching: 7, childcare: 1,
  construction: 2, manufacturing: 2, logistics: 3, agriculture: 1,
  hospitality: 2, "customer-service": 3, translation: 4, "legal-admin": 5,
};

/** Skills within a group follow a Zipf-like curve: the first few are what most people list. */
function pickSkill(random: Random, taxonomy: Taxonomy, group: number): TaxonomyNode {
  const list = taxonomy.skills[group]!;
  const u = random();
  const k = Math.min(list.length - 1, Math.floor(list.length * u * u));
  return list[k]!;
}

function pickGroup(random: Random, taxonomy: Taxonomy, weights: Record<string, number>): number {
  return pick(random, taxonomy.groups.map((group, index) => [index, weights[group] ?? 1] as const));
}

const LEVELS: readonly CefrLevel[] = ["A1", "A2", "B1", "B2", "C1", "C2"];
function level(random: Random, shares: readonly number[]): CefrLevel {
  return pick(random, LEVELS.map((value, index) => [value, shares[index] ?? 0] as const));
}
// English of candidates: many below working level, the reason most Arabic and Farsi speakers
// depend on coaches who speak their language.
const CANDIDATE_ENGLISH = [20, 25, 25, 18, 9, 3];
const SECOND_LANGUAGE = [5, 10, 25, 30, 20, 10];

const NATIVE: ReadonlyArray<readonly [string, number]> = [
  ["uk", 38],
  ["ar", 20],
  ["fa", 12],
  ["es", 11],
  ["ru", 7],
  ["fr", 7],
  ["en", 5],
];

function candidateLanguages(random: Random): LanguageAbility[] {
  const native = pick(random, NATIVE);
  const languages: LanguageAbility[] = [{ code: native, level: "C2" }];
  if (native === "uk" && random() < 0.6) languages.push({ code: "ru", level: level(random, [0, 2, 8, 20, 35, 35]) });
  if (native === "ru" && random() < 0.3) languages.push({ code: "uk", level: level(random, SECOND_LANGUAGE) });
  if ((native === "ar" || native === "en") && random() < 0.15) languages.push({ code: "fr", level: level(random, SECOND_LANGUAGE) });
  if (native !== "en" && random() < 0.8) languages.push({ code: "en", level: level(random, CANDIDATE_ENGLISH) });
  if (random() < 0.08) languages.push({ code: "de", level: level(random, [30, 30, 20, 12, 6, 2]) });
  return languages;
}

const COACH_SECOND: ReadonlyArray<readonly [string, number]> = [
  ["de", 24],
  ["uk", 16],
  ["ru", 16],
  ["fr", 16],
  ["es", 14],
  ["ar", 9],
  ["fa", 5],
];

function coachLanguages(random: Random): LanguageAbility[] {
  const languages: LanguageAbility[] = [{ code: "en", level: level(random, [0, 0, 0, 20, 45, 35]) }];
  const extra = random() < 0.55 ? 1 : 2;
  while (languages.length < 1 + extra) {
    const code = pick(random, COACH_SECOND);
    if (languages.some((language) => language.code === code)) continue;
    languages.push({ code, level: level(random, [0, 0, 5, 25, 30, 40]) });
  }
  return languages;
}

const CANDIDATE_ZONE: Record<string, ReadonlyArray<readonly [number, number]>> = {
  // [UTC offset in minutes, weight]: most live in the EU, some still in or near their country.
  uk: [[60, 55], [120, 40], [0, 5]],
  ru: [[60, 50], [120, 30], [180, 20]],
  ar: [[60, 45], [180, 35], [120, 20]],
  fa: [[60, 40], [270, 25], [210, 15], [180, 20]],
  es: [[-300, 35], [-240, 30], [60, 35]],
  fr: [[60, 60], [120, 25], [0, 15]],
  en: [[60, 55], [0, 30], [-300, 15]],
};
const CANDIDATE_HOURS: ReadonlyArray<readonly [WorkingHours, number]> = [
  [{ startHour: 9, endHour: 17 }, 40],
  [{ startHour: 8, endHour: 16 }, 15],
  [{ startHour: 10, endHour: 18 }, 15],
  [{ startHour: 17, endHour: 21 }, 15],
  [{ startHour: 12, endHour: 20 }, 15],
];
const COACH_ZONE: ReadonlyArray<readonly [number, number]> = [
  [60, 50],
  [0, 15],
  [120, 10],
  [-300, 10],
  [-480, 5],
  [330, 3],
  [-240, 4],
  [180, 3],
];
const COACH_HOURS: ReadonlyArray<readonly [WorkingHours, number]> = [
  [{ startHour: 9, endHour: 17 }, 35],
  [{ startHour: 18, endHour: 21 }, 30],
  [{ startHour: 8, endHour: 12 }, 10],
  [{ startHour: 13, endHour: 17 }, 10],
  [{ startHour: 19, endHour: 22 }, 15],
];

const PREFERENCES: ReadonlyArray<readonly [string, number]> = [
  ["gender:female", 50],
  ["gender:male", 15],
  ["faith-aware", 15],
  ["lgbtq-friendly", 8],
  ["parent", 8],
  ["disability-aware", 4],
];

export interface Pool {
  candidates: MatchCandidate[];
  coaches: MatchCoach[];
}

export interface PoolSize {
  candidates: number;
  coaches: number;
  capacity: number;
}

export function generatePool(size: PoolSize, seed: number): Pool {
  const random = createRandom(seed);
  const taxonomy = buildTaxonomy();
  const organisations = Array.from({ length: 40 }, (_, k) => `ngo-${String(k + 1).padStart(2, "0")}`);
  // A few large NGOs refer most people.
  const organisationWeights = organisations.map((id, k) => [id, 1 / (k + 1)] as const);

  const coaches: MatchCoach[] = [];
  for (let j = 0; j < size.coaches; j++) {
    const primary = pickGroup(random, taxonomy, COACH_GROUP_WEIGHT);
    const groups = random() < 0.3 ? [primary, pickGroup(random, taxonomy, COACH_GROUP_WEIGHT)] : [primary];
    const expertise = new Map<string, TaxonomyNode>();
    const wanted = intBetween(random, 2, 5);
    while (expertise.size < wanted) {
      const group = groups[expertise.size % groups.length]!;
      const node = random() < 0.15 ? taxonomy.groupNodes[group]! : pickSkill(random, taxonomy, group);
      expertise.set(node.uri, node);
      if (expertise.size < wanted && random() < 0.05) break;
    }
    const tags: string[] = [];
    const gender = random();
    if (gender < 0.55) tags.push("gender:female");
    else if (gender < 0.95) tags.push("gender:male");
    for (const [tag] of PREFERENCES.slice(2)) if (random() < 0.15) tags.push(tag);
    coaches.push({
      id: `coach-${String(j + 1).padStart(5, "0")}`,
      languages: coachLanguages(random),
      expertise: [...expertise.values()],
      capacity: size.capacity,
      utcOffsetMinutes: pick(random, COACH_ZONE),
      workingHours: pick(random, COACH_HOURS),
      paused: random() < 0.02,
      tags,
      caseworkerOrganisationIds: random() < 0.08 ? [pick(random, organisationWeights)] : [],
    });
  }

  const candidates: MatchCandidate[] = [];
  for (let i = 0; i < size.candidates; i++) {
    const languages = candidateLanguages(random);
    const group = pickGroup(random, taxonomy, CANDIDATE_GROUP_WEIGHT);
    const targetCount = pick(random, [[1, 30], [2, 45], [3, 25]] as const);
    const targets = new Map<string, TaxonomyNode>();
    for (let attempt = 0; targets.size < targetCount && attempt < 10; attempt++) {
      const from = targets.size > 0 && random() < 0.25 ? pickGroup(random, taxonomy, CANDIDATE_GROUP_WEIGHT) : group;
      const node = pickSkill(random, taxonomy, from);
      targets.set(node.uri, node);
    }
    const preferenceTags: string[] = [];
    const r = random();
    if (r < 0.3) preferenceTags.push(pick(random, PREFERENCES));
    if (r < 0.05) preferenceTags.push(pick(random, PREFERENCES));
    const excludedCoachIds: string[] = [];
    if (random() < 0.04) {
      const count = intBetween(random, 1, 3);
      for (let k = 0; k < count; k++) excludedCoachIds.push(`coach-${String(intBetween(random, 1, size.coaches)).padStart(5, "0")}`);
    }
    candidates.push({
      id: `cand-${String(i + 1).padStart(6, "0")}`,
      languages,
      targetSkills: [...targets.values()],
      utcOffsetMinutes: pick(random, CANDIDATE_ZONE[languages[0]!.code]!),
      workingHours: pick(random, CANDIDATE_HOURS),
      consentsToCoaching: random() < 0.96,
      excludedCoachIds,
      preferenceTags: [...new Set(preferenceTags)],
      referringOrganisationId: pick(random, organisationWeights),
    });
  }
  return { candidates, coaches };
}
