// The pool as typed arrays, and the pair score computed from them. At 100,000 × 5,000 the engine
// scores tens of millions of pairs; objects, strings and Sets per pair would dominate the run.
// Everything here mirrors score.ts (checked pair for pair in compile.test.ts).
import { cefrRank, effectiveCapacity, overlapMinutes, timezonePoints, utcWindow } from "./score";
import type { MatchCandidate, MatchCoach, MatchOptions } from "./types";

const MINUTES_PER_DAY = 1440;

export interface CompiledPool {
  options: MatchOptions;
  candidates: readonly MatchCandidate[];
  coaches: readonly MatchCoach[];
  candidateCount: number;
  coachCount: number;
  languageCount: number;

  /** Coach may take anyone at all: not paused and capacity > 0. */
  coachOpen: Uint8Array;
  /** Slots per coach: `effectiveCapacity`, at most the number of candidates (or 1), 0 when paused. */
  coachCapacity: Int32Array;
  /** Coaches paused, and coaches with no slot left (both count toward "no eligible coach"). */
  pausedCoaches: number;
  fullCoaches: number;
  /** coachLevel[coach * languageCount + language] = CEFR rank + 1 (0: does not speak it). */
  coachLevel: Uint8Array;
  coachWindow: Int32Array;
  /** CSR: tag ids per coach. */
  coachTagStart: Int32Array;
  coachTags: Int32Array;
  /** Bitset rows: covers[node * coachWords + (coach >> 5)] bit (coach & 31) — node covered by coach. */
  coachWords: number;
  covers: Uint32Array;
  /** CSR: open coaches covering each node (the search's inverted index, edges.ts). */
  nodeCoachStart: Int32Array;
  nodeCoaches: Int32Array;
  /** CSR: open coaches speaking each language at working level. */
  languageCoachStart: Int32Array;
  languageCoaches: Int32Array;
  /** CSR: all coaches (open or not) speaking each language at working level. */
  languageSpeakerStart: Int32Array;
  languageSpeakers: Int32Array;
  /** CSR: coaches who are caseworkers per organisation (only organisations that refer someone). */
  organisationCoachStart: Int32Array;
  organisationCoaches: Int32Array;
  /** Distinct UTC windows; windowPoints[candidateWindow * windowCount + coachWindow]. */
  windowCount: number;
  windowPoints: Int32Array;

  candidateConsent: Uint8Array;
  candidateWindow: Int32Array;
  /** CSR: languages (some coach speaks) the candidate speaks at working level, with CEFR rank. */
  candidateLanguageStart: Int32Array;
  candidateLanguages: Int32Array;
  candidateLanguageRanks: Int32Array;
  /**
   * Targets: candidate i owns target rows candidateTargetStart[i] … candidateTargetStart[i+1]-1;
   * row t is the chain (skill, parent, …) of node ids at targetChains[t * chainWidth …], -1 padded.
   */
  chainWidth: number;
  candidateTargetStart: Int32Array;
  targetChains: Int32Array;
  candidateTagStart: Int32Array;
  candidateTags: Int32Array;
  /** CSR: distinct coaches (indexes) the candidate excluded. */
  candidateExcludedStart: Int32Array;
  candidateExcluded: Int32Array;
  /** Index into organisationCoach*, or -1 (no referrer, no caseworker for it, or rule off). */
  candidateOrganisation: Int32Array;

  /** Points per chain position: [exact, related at distance 1, …]. */
  chainPoints: Int32Array;
  strongRank: number;
  workingRank: number;
  /** Upper bound on any pair's preference + language bonus, per candidate (for pruning). */
  candidateBonusBound: Int32Array;
}

function intern<K>(map: Map<K, number>, key: K): number {
  let id = map.get(key);
  if (id === undefined) {
    id = map.size;
    map.set(key, id);
  }
  return id;
}

function csr(lists: readonly number[][]): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) start[i + 1] = start[i]! + lists[i]!.length;
  const items = new Int32Array(start[lists.length]!);
  let at = 0;
  for (const list of lists) for (const item of list) items[at++] = item;
  return { start, items };
}

/** Appends `value` to `items` unless it is already among items[from…]. */
function pushDistinct(items: number[], from: number, value: number): void {
  for (let k = from; k < items.length; k++) if (items[k] === value) return;
  items.push(value);
}

/**
 * Compiles a pool whose ids are distinct (assign.ts drops repeated ids before calling this; with
 * a repeated coach id, an exclusion would only reach its first occurrence here).
 */
export function compilePool(candidates: readonly MatchCandidate[], coaches: readonly MatchCoach[], options: MatchOptions): CompiledPool {
  const candidateCount = candidates.length;
  const coachCount = coaches.length;
  const workingRank = cefrRank(options.workingLevel);
  const strongRank = cefrRank(options.strongLevel);
  const { weights } = options;

  const languageIds = new Map<string, number>();
  for (const coach of coaches) for (const language of coach.languages) intern(languageIds, language.code);
  const languageCount = languageIds.size;

  const windowIds = new Map<number, number>();
  const windows: Array<{ start: number; length: number }> = [];
  const windowOf = (hours: MatchCoach["workingHours"], offset: number): number => {
    const window = utcWindow(hours, offset);
    const before = windowIds.size;
    const id = intern(windowIds, window.start * (MINUTES_PER_DAY + 1) + window.length);
    if (id === before) windows.push(window);
    return id;
  };

  // Coaches.
  const coachIndex = new Map<string, number>();
  const coachOpen = new Uint8Array(coachCount);
  const coachCapacity = new Int32Array(coachCount);
  const coachLevel = new Uint8Array(coachCount * languageCount);
  const coachWindow = new Int32Array(coachCount);
  const tagIds = new Map<string, number>();
  const coachTagLists: number[][] = [];
  const nodeIds = new Map<string, number>();
  const nodeCoachLists: number[][] = [];
  const languageCoachLists: number[][] = Array.from({ length: languageCount }, () => []);
  const languageSpeakerLists: number[][] = Array.from({ length: languageCount }, () => []);
  const caseworkers = new Map<string, number[]>();
  const coveredByCoach: number[][] = [];
  let pausedCoaches = 0;
  let fullCoaches = 0;
  coaches.forEach((coach, j) => {
    if (!coachIndex.has(coach.id)) coachIndex.set(coach.id, j);
    // More slots than candidates would never be used (and Infinity does not fit an Int32Array).
    const capacity = Math.min(effectiveCapacity(coach), Math.max(1, candidateCount));
    if (coach.paused) pausedCoaches++;
    if (effectiveCapacity(coach) === 0) fullCoaches++;
    const open = !coach.paused && capacity > 0;
    coachOpen[j] = open ? 1 : 0;
    coachCapacity[j] = open ? capacity : 0;
    for (const { code, level } of coach.languages) {
      const at = j * languageCount + languageIds.get(code)!;
      coachLevel[at] = Math.max(coachLevel[at]!, cefrRank(level) + 1);
    }
    for (let language = 0; language < languageCount; language++) {
      if (coachLevel[j * languageCount + language]! - 1 < workingRank) continue;
      languageSpeakerLists[language]!.push(j);
      if (open) languageCoachLists[language]!.push(j);
    }
    coachWindow[j] = windowOf(coach.workingHours, coach.utcOffsetMinutes);
    const tags: number[] = [];
    for (const tag of coach.tags) pushDistinct(tags, 0, intern(tagIds, tag));
    coachTagLists.push(tags);
    const covered: number[] = [];
    for (const node of coach.expertise) {
      pushDistinct(covered, 0, intern(nodeIds, node.uri));
      for (const ancestor of node.ancestors) pushDistinct(covered, 0, intern(nodeIds, ancestor));
    }
    coveredByCoach.push(covered);
    for (const node of covered) {
      while (nodeCoachLists.length <= node) nodeCoachLists.push([]);
      if (open) nodeCoachLists[node]!.push(j);
    }
    for (const organisation of new Set(coach.caseworkerOrganisationIds)) {
      const list = caseworkers.get(organisation);
      if (list) list.push(j);
      else caseworkers.set(organisation, [j]);
    }
  });
  // Covers bitsets hold every coach (open or not) so the fast score equals the reference for all.
  const coachWords = (coachCount + 31) >>> 5;
  const covers = new Uint32Array(nodeIds.size * coachWords);
  coveredByCoach.forEach((covered, j) => {
    for (const node of covered) covers[node * coachWords + (j >>> 5)]! |= 1 << (j & 31);
  });
  const nodeCoach = csr(nodeCoachLists);
  const languageCoach = csr(languageCoachLists);
  const languageSpeaker = csr(languageSpeakerLists);
  const coachTag = csr(coachTagLists);

  // Candidates, appended to flat arrays (no per-candidate allocation).
  const chainWidth = 1 + weights.expertiseRelated.length;
  const chainPoints = Int32Array.from([weights.expertiseExact, ...weights.expertiseRelated]);
  const candidateConsent = new Uint8Array(candidateCount);
  const candidateWindow = new Int32Array(candidateCount);
  const candidateLanguageStart = new Int32Array(candidateCount + 1);
  const languageItems: number[] = [];
  const rankItems: number[] = [];
  const candidateTargetStart = new Int32Array(candidateCount + 1);
  const chainItems: number[] = [];
  const candidateTagStart = new Int32Array(candidateCount + 1);
  const tagItems: number[] = [];
  const candidateExcludedStart = new Int32Array(candidateCount + 1);
  const excludedItems: number[] = [];
  const candidateOrganisation = new Int32Array(candidateCount).fill(-1);
  const organisationIds = new Map<string, number>();
  const organisationCoachLists: number[][] = [];
  const candidateBonusBound = new Int32Array(candidateCount);
  let targetRows = 0;
  candidates.forEach((candidate, i) => {
    candidateConsent[i] = candidate.consentsToCoaching ? 1 : 0;
    candidateWindow[i] = windowOf(candidate.workingHours, candidate.utcOffsetMinutes);

    // Languages: highest level per language, kept when at working level.
    const firstLanguage = languageItems.length;
    for (const { code, level } of candidate.languages) {
      const language = languageIds.get(code);
      if (language === undefined) continue; // no coach speaks it
      const rank = cefrRank(level);
      let at = firstLanguage;
      while (at < languageItems.length && languageItems[at] !== language) at++;
      if (at === languageItems.length) {
        languageItems.push(language);
        rankItems.push(rank);
      } else if (rank > rankItems[at]!) rankItems[at] = rank;
    }
    let kept = firstLanguage;
    let strong = false;
    for (let at = firstLanguage; at < languageItems.length; at++) {
      if (rankItems[at]! < workingRank) continue;
      if (rankItems[at]! >= strongRank) strong = true;
      languageItems[kept] = languageItems[at]!;
      rankItems[kept++] = rankItems[at]!;
    }
    languageItems.length = kept;
    rankItems.length = kept;
    candidateLanguageStart[i + 1] = kept;

    // Targets: distinct by URI; a chain no coach covers anywhere cannot score, so it is left out.
    const targets = candidate.targetSkills;
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t]!;
      let repeated = false;
      for (let u = 0; u < t && !repeated; u++) repeated = targets[u]!.uri === target.uri;
      if (repeated) continue;
      let known = false;
      const row = chainItems.length;
      for (let d = 0; d < chainWidth; d++) {
        const uri = d === 0 ? target.uri : target.ancestors[d - 1];
        const node = uri === undefined ? -1 : (nodeIds.get(uri) ?? -1);
        if (node >= 0) known = true;
        chainItems.push(node);
      }
      if (known) targetRows++;
      else chainItems.length = row;
    }
    candidateTargetStart[i + 1] = targetRows;

    const firstTag = tagItems.length;
    for (const tag of candidate.preferenceTags) {
      const id = tagIds.get(tag);
      if (id !== undefined) pushDistinct(tagItems, firstTag, id);
    }
    candidateTagStart[i + 1] = tagItems.length;
    candidateBonusBound[i] = (tagItems.length - firstTag) * weights.preference + (strong ? weights.languageStrength : 0);

    const firstExcluded = excludedItems.length;
    for (const id of candidate.excludedCoachIds) {
      const j = coachIndex.get(id);
      if (j !== undefined) pushDistinct(excludedItems, firstExcluded, j);
    }
    candidateExcludedStart[i + 1] = excludedItems.length;

    const organisation = candidate.referringOrganisationId;
    const organisationCoaches = options.forbidOwnNgo && organisation !== null ? caseworkers.get(organisation) : undefined;
    if (organisation !== null && organisationCoaches) {
      const before = organisationIds.size;
      const id = intern(organisationIds, organisation);
      if (id === before) organisationCoachLists.push(organisationCoaches);
      candidateOrganisation[i] = id;
    }
  });
  const organisationCoach = csr(organisationCoachLists);

  const windowCount = windows.length;
  const windowPoints = new Int32Array(windowCount * windowCount);
  for (let a = 0; a < windowCount; a++) {
    for (let b = 0; b < windowCount; b++) {
      windowPoints[a * windowCount + b] = timezonePoints(overlapMinutes(windows[a]!, windows[b]!), weights.timezonePerHour);
    }
  }

  return {
    options,
    candidates,
    coaches,
    candidateCount,
    coachCount,
    languageCount,
    coachOpen,
    coachCapacity,
    pausedCoaches,
    fullCoaches,
    coachLevel,
    coachWindow,
    coachTagStart: coachTag.start,
    coachTags: coachTag.items,
    coachWords,
    covers,
    nodeCoachStart: nodeCoach.start,
    nodeCoaches: nodeCoach.items,
    languageCoachStart: languageCoach.start,
    languageCoaches: languageCoach.items,
    languageSpeakerStart: languageSpeaker.start,
    languageSpeakers: languageSpeaker.items,
    organisationCoachStart: organisationCoach.start,
    organisationCoaches: organisationCoach.items,
    windowCount,
    windowPoints,
    candidateConsent,
    candidateWindow,
    candidateLanguageStart,
    candidateLanguages: Int32Array.from(languageItems),
    candidateLanguageRanks: Int32Array.from(rankItems),
    chainWidth,
    candidateTargetStart,
    targetChains: Int32Array.from(chainItems),
    candidateTagStart,
    candidateTags: Int32Array.from(tagItems),
    candidateExcludedStart,
    candidateExcluded: Int32Array.from(excludedItems),
    candidateOrganisation,
    chainPoints,
    strongRank,
    workingRank,
    candidateBonusBound,
  };
}

/**
 * Marks the coaches a candidate may never have (excluded, conflict of interest) with `stamp` in
 * `blocked`, so the per-pair check is one comparison.
 */
export function markBlocked(pool: CompiledPool, i: number, blocked: Int32Array, stamp: number): void {
  for (let e = pool.candidateExcludedStart[i]!; e < pool.candidateExcludedStart[i + 1]!; e++) blocked[pool.candidateExcluded[e]!] = stamp;
  const organisation = pool.candidateOrganisation[i]!;
  if (organisation >= 0) {
    for (let e = pool.organisationCoachStart[organisation]!; e < pool.organisationCoachStart[organisation + 1]!; e++) blocked[pool.organisationCoaches[e]!] = stamp;
  }
}

/**
 * The pair's score, or -1 when it breaks a hard rule. Assumes the candidate consents and that
 * `markBlocked(pool, i, blocked, stamp)` ran for this candidate.
 */
export function pairScore(pool: CompiledPool, i: number, j: number, blocked: Int32Array, stamp: number): number {
  if (pool.coachOpen[j] === 0 || blocked[j] === stamp) return -1;
  const { languageCount, coachLevel, candidateLanguageStart, candidateLanguages, candidateLanguageRanks, workingRank, strongRank } = pool;
  let eligible = false;
  let strong = false;
  const row = j * languageCount;
  for (let l = candidateLanguageStart[i]!; l < candidateLanguageStart[i + 1]!; l++) {
    const coachRank = coachLevel[row + candidateLanguages[l]!]! - 1;
    if (coachRank < workingRank) continue;
    eligible = true;
    if (coachRank >= strongRank && candidateLanguageRanks[l]! >= strongRank) strong = true;
  }
  if (!eligible) return -1;
  const { weights } = pool.options;
  let score = strong ? weights.languageStrength : 0;
  score += pool.windowPoints[pool.candidateWindow[i]! * pool.windowCount + pool.coachWindow[j]!]!;
  const { covers, coachWords, targetChains, chainWidth, chainPoints, candidateTargetStart } = pool;
  const word = j >>> 5;
  const bit = 1 << (j & 31);
  for (let t = candidateTargetStart[i]!; t < candidateTargetStart[i + 1]!; t++) {
    const chain = t * chainWidth;
    for (let d = 0; d < chainWidth; d++) {
      const node = targetChains[chain + d]!;
      if (node >= 0 && (covers[node * coachWords + word]! & bit) !== 0) {
        score += chainPoints[d]!;
        break;
      }
    }
  }
  for (let p = pool.candidateTagStart[i]!; p < pool.candidateTagStart[i + 1]!; p++) {
    const tag = pool.candidateTags[p]!;
    for (let q = pool.coachTagStart[j]!; q < pool.coachTagStart[j + 1]!; q++) {
      if (pool.coachTags[q] === tag) {
        score += weights.preference;
        break;
      }
    }
  }
  return score;
}
