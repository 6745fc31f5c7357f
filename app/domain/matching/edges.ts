// Which candidate–coach pairs the solver considers. The full pool (100,000 × 5,000) has hundreds of
// millions of eligible pairs, far too many to solve on; the solver starts from each candidate's
// exact top K by score (buildTopEdges) and adds pairs only where coach prices say they could matter
// (assign.ts). Both come from one search, `bestCoaches`: a candidate's best coaches by value =
// scale × score − price, found without scoring every coach:
//
//   1. coaches covering the candidate's targets, nearest taxonomy level first (inverted index
//      per node and language). A coach first met at level d gets exactly that level's credit for
//      the targets it covers there and at most the next levels' credit for the others, so its
//      value has an upper bound before it is scored; coaches not met yet are bounded the same
//      way. Once no bound can beat the worst kept value (or the floor), the search stops;
//   2. otherwise coaches with no expertise credit, per language and coach working window, best
//      window first, with the same kind of bound.
//
// Every list is sorted by price, cheapest first, so a scan stops at the first coach too expensive
// to matter even with the best score the candidate could get.
//
// Ties are broken by a hash of the pair rather than by coach order, so equally good coaches share
// the load instead of everyone listing the same first few.
import { markBlocked, pairScore, type CompiledPool } from "./compile";

export interface EdgeSet {
  /** CSR: candidate i's edges are start[i] … start[i+1]-1. */
  start: Int32Array;
  coach: Int32Array;
  score: Int32Array;
  /**
   * The first top[i] edges of candidate i are its best coaches by score, best first (ties by
   * `tieRank`); fewer than K means no other coach is eligible. Edges after them were added by
   * re-pricing.
   */
  top: Int32Array;
}

/** A stable pseudo-random rank for tie-breaking (lower first). */
export function tieRank(i: number, j: number): number {
  let h = Math.imul(i, 0x9e3779b1) ^ Math.imul(j + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/**
 * The search's indexes, prices and scratch buffers (one allocation per run). Values are
 * `scale × score − price[coach]`; with scale 1 and all prices 0 they are plain scores. A price of
 * +Infinity takes a coach out of every search.
 */
export interface CoachSearch {
  pool: CompiledPool;
  /** Open coaches per (node, language at working level): postingStart[node * languageCount + language]. */
  postingStart: Int32Array;
  postingCoaches: Int32Array;
  /** CSR: the posting lists each coach is in. */
  coachPostingStart: Int32Array;
  coachPostings: Int32Array;
  /** Open coaches per (language, coach window) group: groupStart[language * windowCount + window]. */
  groupStart: Int32Array;
  groupCoaches: Int32Array;
  /** CSR: the groups each coach is in. */
  coachGroupStart: Int32Array;
  coachGroups: Int32Array;
  /** Per candidate window, the coach windows by time-zone points, best first. */
  windowOrder: Int32Array;
  /** Best time-zone points any coach window offers, per candidate window. */
  bestWindowPoints: Int32Array;
  /** Suffix maxima of the chain credits: deeperPoints[d] = max(chainPoints[d+1…]), 0 at the end. */
  deeperPoints: Int32Array;

  scale: number;
  price: Float64Array;
  groupMinPrice: Float64Array;
  languageMinPrice: Float64Array;

  seen: Int32Array;
  blocked: Int32Array;
  levelSeen: Int32Array;
  /** The target row a coach was last counted for (one count per target, whatever the language). */
  countedTarget: Int32Array;
  count: Int32Array;
  touched: Int32Array;
  touchedBound: Float64Array;
  stamp: number;
  levelStamp: number;
  heap: TopHeap;
}

/** Splits each node's open coaches by the languages they speak at working level. */
function postings(pool: CompiledPool): { start: Int32Array; coaches: Int32Array; coachStart: Int32Array; coachLists: Int32Array } {
  const { languageCount, nodeCoachStart, nodeCoaches, coachLevel, workingRank } = pool;
  const nodes = nodeCoachStart.length - 1;
  const start = new Int32Array(nodes * languageCount + 1);
  const speaks = (j: number, l: number): boolean => coachLevel[j * languageCount + l]! - 1 >= workingRank;
  for (let node = 0; node < nodes; node++) {
    for (let e = nodeCoachStart[node]!; e < nodeCoachStart[node + 1]!; e++) {
      for (let l = 0; l < languageCount; l++) if (speaks(nodeCoaches[e]!, l)) start[node * languageCount + l + 1]!++;
    }
  }
  for (let k = 0; k < nodes * languageCount; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, nodes * languageCount);
  const coaches = new Int32Array(start[nodes * languageCount]!);
  const coachStart = new Int32Array(pool.coachCount + 1);
  for (let node = 0; node < nodes; node++) {
    for (let e = nodeCoachStart[node]!; e < nodeCoachStart[node + 1]!; e++) {
      const j = nodeCoaches[e]!;
      for (let l = 0; l < languageCount; l++) {
        if (!speaks(j, l)) continue;
        coaches[fill[node * languageCount + l]!++] = j;
        coachStart[j + 1]!++;
      }
    }
  }
  for (let j = 0; j < pool.coachCount; j++) coachStart[j + 1]! += coachStart[j]!;
  const coachFill = coachStart.slice(0, pool.coachCount);
  const coachLists = new Int32Array(coachStart[pool.coachCount]!);
  for (let list = 0; list < nodes * languageCount; list++) {
    for (let e = start[list]!; e < start[list + 1]!; e++) coachLists[coachFill[coaches[e]!]!++] = list;
  }
  return { start, coaches, coachStart, coachLists };
}

export function createCoachSearch(pool: CompiledPool): CoachSearch {
  const { coachCount, languageCount, windowCount, languageCoachStart, languageCoaches, coachWindow, windowPoints, chainPoints } = pool;
  const groups = languageCount * windowCount;
  const groupStart = new Int32Array(groups + 1);
  const coachGroupCount = new Int32Array(coachCount + 1);
  for (let l = 0; l < languageCount; l++) {
    for (let e = languageCoachStart[l]!; e < languageCoachStart[l + 1]!; e++) {
      const j = languageCoaches[e]!;
      groupStart[l * windowCount + coachWindow[j]! + 1]!++;
      coachGroupCount[j + 1]!++;
    }
  }
  for (let g = 0; g < groups; g++) groupStart[g + 1]! += groupStart[g]!;
  for (let j = 0; j < coachCount; j++) coachGroupCount[j + 1]! += coachGroupCount[j]!;
  const coachGroupStart = coachGroupCount;
  const groupFill = groupStart.slice(0, groups);
  const coachFill = coachGroupStart.slice(0, coachCount);
  const groupCoaches = new Int32Array(groupStart[groups]!);
  const coachGroups = new Int32Array(coachGroupStart[coachCount]!);
  for (let l = 0; l < languageCount; l++) {
    for (let e = languageCoachStart[l]!; e < languageCoachStart[l + 1]!; e++) {
      const j = languageCoaches[e]!;
      const group = l * windowCount + coachWindow[j]!;
      groupCoaches[groupFill[group]!++] = j;
      coachGroups[coachFill[j]!++] = group;
    }
  }
  const windowOrder = new Int32Array(windowCount * windowCount);
  const bestWindowPoints = new Int32Array(windowCount);
  for (let a = 0; a < windowCount; a++) {
    const order = Array.from({ length: windowCount }, (_, b) => b).sort((x, y) => windowPoints[a * windowCount + y]! - windowPoints[a * windowCount + x]! || x - y);
    windowOrder.set(order, a * windowCount);
    bestWindowPoints[a] = windowPoints[a * windowCount + order[0]!]!;
  }
  const deeperPoints = new Int32Array(chainPoints.length);
  for (let d = chainPoints.length - 2; d >= 0; d--) deeperPoints[d] = Math.max(deeperPoints[d + 1]!, chainPoints[d + 1]!);
  const posting = postings(pool);
  const search: CoachSearch = {
    pool,
    postingStart: posting.start,
    postingCoaches: posting.coaches,
    coachPostingStart: posting.coachStart,
    coachPostings: posting.coachLists,
    groupStart,
    groupCoaches,
    coachGroupStart,
    coachGroups,
    windowOrder,
    bestWindowPoints,
    deeperPoints,
    scale: 1,
    price: new Float64Array(coachCount),
    groupMinPrice: new Float64Array(groups),
    languageMinPrice: new Float64Array(languageCount),
    seen: new Int32Array(coachCount),
    blocked: new Int32Array(coachCount),
    levelSeen: new Int32Array(coachCount),
    countedTarget: new Int32Array(coachCount),
    count: new Int32Array(coachCount),
    touched: new Int32Array(coachCount),
    touchedBound: new Float64Array(coachCount),
    stamp: 0,
    levelStamp: 0,
    heap: new TopHeap(1),
  };
  setPrices(search, search.price, 1);
  return search;
}

/** Sorts each list start[k] … start[k+1]-1 of `coaches` by price, cheapest first (ties by index). */
function sortByPrice(start: Int32Array, coaches: Int32Array, price: Float64Array): void {
  const byPrice = (a: number, b: number): number => price[a]! - price[b]! || a - b;
  for (let k = 0; k + 1 < start.length; k++) if (start[k + 1]! - start[k]! > 1) coaches.subarray(start[k]!, start[k + 1]!).sort(byPrice);
}

/**
 * Searches by value `scale × score − price` from now on. The array is read, not copied: after
 * changing prices, call this again (or `closeCoach`), since every list must stay sorted by price.
 */
export function setPrices(search: CoachSearch, price: Float64Array, scale: number): void {
  const { groupStart, groupCoaches, groupMinPrice, languageMinPrice } = search;
  const { windowCount } = search.pool;
  search.price = price;
  search.scale = scale;
  sortByPrice(search.postingStart, search.postingCoaches, price);
  sortByPrice(groupStart, groupCoaches, price);
  languageMinPrice.fill(Infinity);
  for (let group = 0; group < groupMinPrice.length; group++) {
    let min = Infinity;
    for (let e = groupStart[group]!; e < groupStart[group + 1]!; e++) min = Math.min(min, price[groupCoaches[e]!]!);
    groupMinPrice[group] = min;
    const language = Math.floor(group / windowCount);
    languageMinPrice[language] = Math.min(languageMinPrice[language]!, min);
  }
}

/** Moves coach j to the end of list k (the place of a coach priced +Infinity). */
function moveToEnd(start: Int32Array, coaches: Int32Array, k: number, j: number): void {
  let at = coaches.indexOf(j, start[k]!);
  for (; at + 1 < start[k + 1]!; at++) coaches[at] = coaches[at + 1]!;
  coaches[at] = j;
}

/** Takes coach j out of every later search (its price becomes +Infinity), keeping lists sorted. */
export function closeCoach(search: CoachSearch, j: number): void {
  const { groupStart, groupCoaches, coachGroupStart, coachGroups, groupMinPrice, languageMinPrice, price, coachPostingStart, coachPostings } = search;
  const { windowCount } = search.pool;
  price[j] = Infinity;
  for (let k = coachPostingStart[j]!; k < coachPostingStart[j + 1]!; k++) moveToEnd(search.postingStart, search.postingCoaches, coachPostings[k]!, j);
  for (let k = coachGroupStart[j]!; k < coachGroupStart[j + 1]!; k++) {
    const group = coachGroups[k]!;
    moveToEnd(groupStart, groupCoaches, group, j);
    // The group's cheapest coach is now first.
    groupMinPrice[group] = groupStart[group + 1]! > groupStart[group]! ? price[groupCoaches[groupStart[group]!]!]! : Infinity;
    const language = Math.floor(group / windowCount);
    let languageMin = Infinity;
    for (let w = 0; w < windowCount; w++) languageMin = Math.min(languageMin, groupMinPrice[language * windowCount + w]!);
    languageMinPrice[language] = languageMin;
  }
}

/** The best `capacity` (value, tie rank, coach, score) entries seen, worst at the root. */
class TopHeap {
  value: Float64Array;
  tie: Float64Array;
  coach: Int32Array;
  score: Int32Array;
  size = 0;
  constructor(public capacity: number) {
    this.value = new Float64Array(capacity);
    this.tie = new Float64Array(capacity);
    this.coach = new Int32Array(capacity);
    this.score = new Int32Array(capacity);
  }
  reset(capacity: number): void {
    if (capacity > this.value.length) {
      this.value = new Float64Array(capacity);
      this.tie = new Float64Array(capacity);
      this.coach = new Int32Array(capacity);
      this.score = new Int32Array(capacity);
    }
    this.capacity = capacity;
    this.size = 0;
  }
  /** Whether a coach whose value is at most `bound` can no longer get in. */
  excludes(bound: number): boolean {
    return this.size === this.capacity && bound < this.value[0]!;
  }
  private worse(a: number, b: number): boolean {
    return this.value[a]! < this.value[b]! || (this.value[a] === this.value[b] && this.tie[a]! > this.tie[b]!);
  }
  private swap(a: number, b: number): void {
    const { value, tie, coach, score } = this;
    const v = value[a]!;
    value[a] = value[b]!;
    value[b] = v;
    const t = tie[a]!;
    tie[a] = tie[b]!;
    tie[b] = t;
    const c = coach[a]!;
    coach[a] = coach[b]!;
    coach[b] = c;
    const s = score[a]!;
    score[a] = score[b]!;
    score[b] = s;
  }
  private down(at: number): void {
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.size) return;
      if (child + 1 < this.size && this.worse(child + 1, child)) child++;
      if (!this.worse(child, at)) return;
      this.swap(at, child);
      at = child;
    }
  }
  offer(value: number, tie: number, coach: number, score: number): void {
    let at: number;
    if (this.size < this.capacity) {
      at = this.size++;
    } else {
      if (value < this.value[0]! || (value === this.value[0] && tie > this.tie[0]!)) return;
      at = 0;
    }
    this.value[at] = value;
    this.tie[at] = tie;
    this.coach[at] = coach;
    this.score[at] = score;
    if (at === 0 && this.size === this.capacity) {
      this.down(0);
      return;
    }
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.worse(at, parent)) break;
      this.swap(at, parent);
      at = parent;
    }
  }
  /** Empties the heap into out*, best first; returns how many. */
  drain(outCoach: Int32Array, outScore: Int32Array, outValue: Float64Array): number {
    const count = this.size;
    for (let k = count - 1; k >= 0; k--) {
      outCoach[k] = this.coach[0]!;
      outScore[k] = this.score[0]!;
      outValue[k] = this.value[0]!;
      this.size--;
      if (this.size > 0) {
        this.swap(0, this.size);
        this.down(0);
      }
    }
    return count;
  }
}

/** Whether a coach whose value is at most `bound` can no longer get in. */
function hopeless(heap: TopHeap, floor: number, bound: number): boolean {
  return bound <= floor || heap.excludes(bound);
}

/** Scores the pair and keeps it if it is worth more than `floor` and beats the heap's worst. */
function offer(search: CoachSearch, i: number, j: number, stamp: number, floor: number): void {
  const score = pairScore(search.pool, i, j, search.blocked, stamp);
  if (score < 0) return;
  const value = search.scale * score - search.price[j]!;
  if (value > floor) search.heap.offer(value, tieRank(i, j), j, score);
}

/** Where a search writes its result (arrays of at least `limit` entries). */
export interface SearchOutput {
  coach: Int32Array;
  score: Int32Array;
  value: Float64Array;
}

export function createSearchOutput(limit: number): SearchOutput {
  return { coach: new Int32Array(limit), score: new Int32Array(limit), value: new Float64Array(limit) };
}

/**
 * Candidate i's best eligible coaches by value (ties by `tieRank`), at most `limit` of them and
 * only values above `floor`, best first in `out`; returns how many. Coaches listed in
 * `skip.coach[skip.from … skip.to-1]` are left out; the caller may promise that no other coach
 * scores above `scoreCap` (true of everyone outside an exact top K). Exact: every coach left out
 * is ineligible, skipped, worth at most `floor`, or worth less than every coach returned (or equal
 * with a worse tie rank).
 */
export function bestCoaches(
  search: CoachSearch,
  i: number,
  limit: number,
  floor: number,
  out: SearchOutput,
  skip?: { coach: Int32Array; from: number; to: number; scoreCap: number },
): number {
  const { pool, heap, seen, blocked, price, scale } = search;
  if (pool.candidateConsent[i] === 0) return 0;
  const firstLanguage = pool.candidateLanguageStart[i]!;
  const lastLanguage = pool.candidateLanguageStart[i + 1]!;
  let minPrice = Infinity;
  for (let l = firstLanguage; l < lastLanguage; l++) minPrice = Math.min(minPrice, search.languageMinPrice[pool.candidateLanguages[l]!]!);
  const { chainWidth, chainPoints, targetChains, candidateTargetStart, windowCount, windowPoints, coachWindow } = pool;
  const { deeperPoints } = search;
  const firstTarget = candidateTargetStart[i]!;
  const lastTarget = candidateTargetStart[i + 1]!;
  const targets = lastTarget - firstTarget;
  const candidateWindow = pool.candidateWindow[i]!;
  const windowRow = candidateWindow * windowCount;
  const bonus = pool.candidateBonusBound[i]!;
  const bestOther = search.bestWindowPoints[candidateWindow]! + bonus;
  let topPoints = 0;
  for (let d = 0; d < chainWidth; d++) topPoints = Math.max(topPoints, chainPoints[d]!);
  heap.reset(limit);
  const scoreCap = skip ? skip.scoreCap : Infinity;
  if (hopeless(heap, floor, scale * Math.min(scoreCap, targets * topPoints + bestOther) - minPrice)) return 0;

  const stamp = ++search.stamp;
  markBlocked(pool, i, blocked, stamp);
  if (skip) for (let e = skip.from; e < skip.to; e++) seen[skip.coach[e]!] = stamp;

  // The best score a coach not met yet could have: at level d, one covering no target before it.
  // A coach priced at `price` is out of reach once even that score cannot make its value count:
  // lists are sorted by price, so the scan stops there (coaches it leaves uncounted at this level
  // cost at least as much, so they are out of reach too).
  let unmetScore = scale * Math.min(scoreCap, targets * topPoints + bestOther);
  let done = false;
  if (targets > 0) {
    const { levelSeen, countedTarget, count, touched, touchedBound, postingStart, postingCoaches } = search;
    const { languageCount } = pool;
    for (let d = 0; d < chainWidth && !done; d++) {
      const level = ++search.levelStamp;
      let touchedCount = 0;
      for (let t = firstTarget; t < lastTarget; t++) {
        const node = targetChains[t * chainWidth + d]!;
        if (node < 0) continue;
        for (let l = firstLanguage; l < lastLanguage; l++) {
          const list = node * languageCount + pool.candidateLanguages[l]!;
          for (let e = postingStart[list]!; e < postingStart[list + 1]!; e++) {
            const j = postingCoaches[e]!;
            if (hopeless(heap, floor, unmetScore - price[j]!)) break;
            if (seen[j] === stamp) {
              if (levelSeen[j] === level && countedTarget[j] !== t) {
                countedTarget[j] = t;
                count[j]!++;
              }
              continue;
            }
            seen[j] = stamp;
            if (blocked[j] === stamp) continue;
            levelSeen[j] = level;
            countedTarget[j] = t;
            count[j] = 1;
            touched[touchedCount++] = j;
          }
        }
      }
      // Most covered targets first, so good coaches fill the heap before weaker ones are bounded.
      let most = 0;
      for (let k = 0; k < touchedCount; k++) {
        const j = touched[k]!;
        const covered = count[j]!;
        most = Math.max(most, covered);
        const points = covered * chainPoints[d]! + (targets - covered) * deeperPoints[d]! + windowPoints[windowRow + coachWindow[j]!]! + bonus;
        touchedBound[k] = scale * Math.min(scoreCap, points) - price[j]!;
      }
      for (let covered = most; covered > 0; covered--) {
        for (let k = 0; k < touchedCount; k++) {
          const j = touched[k]!;
          if (count[j] === covered && !hopeless(heap, floor, touchedBound[k]!)) offer(search, i, j, stamp, floor);
        }
      }
      // Coaches not met yet cover none of levels 0…d of any target.
      unmetScore = scale * Math.min(scoreCap, targets * deeperPoints[d]! + bestOther);
      done = hopeless(heap, floor, unmetScore - minPrice);
    }
  }
  if (!done) {
    const { groupStart, groupCoaches, windowOrder, groupMinPrice } = search;
    for (let r = 0; r < windowCount; r++) {
      const w = windowOrder[windowRow + r]!;
      const points = scale * Math.min(scoreCap, windowPoints[windowRow + w]! + bonus);
      if (hopeless(heap, floor, points - minPrice)) break;
      for (let l = firstLanguage; l < lastLanguage; l++) {
        const group = pool.candidateLanguages[l]! * windowCount + w;
        if (hopeless(heap, floor, points - groupMinPrice[group]!)) continue;
        for (let e = groupStart[group]!; e < groupStart[group + 1]!; e++) {
          const j = groupCoaches[e]!;
          if (hopeless(heap, floor, points - price[j]!)) break;
          if (seen[j] === stamp) continue;
          seen[j] = stamp;
          offer(search, i, j, stamp, floor);
        }
      }
    }
  }
  return heap.drain(out.coach, out.score, out.value);
}

/** Every candidate's top `k` coaches by score, as one edge set (prices are reset to 0). */
export function buildTopEdges(search: CoachSearch, k: number): EdgeSet {
  setPrices(search, new Float64Array(search.pool.coachCount), 1);
  const n = search.pool.candidateCount;
  const start = new Int32Array(n + 1);
  let coach = new Int32Array(n * Math.min(k, 8));
  let score = new Int32Array(coach.length);
  const out = createSearchOutput(k);
  let used = 0;
  for (let i = 0; i < n; i++) {
    const count = bestCoaches(search, i, k, -1, out);
    if (used + count > coach.length) {
      const grown = Math.max(coach.length * 2, used + count);
      const nextCoach = new Int32Array(grown);
      nextCoach.set(coach);
      coach = nextCoach;
      const nextScore = new Int32Array(grown);
      nextScore.set(score);
      score = nextScore;
    }
    coach.set(out.coach.subarray(0, count), used);
    score.set(out.score.subarray(0, count), used);
    used += count;
    start[i + 1] = used;
  }
  const top = new Int32Array(n);
  for (let i = 0; i < n; i++) top[i] = start[i + 1]! - start[i]!;
  return { start, coach: coach.slice(0, used), score: score.slice(0, used), top };
}

/** Pairs to add to an edge set: (candidate, coach, score) triples, in any order. */
export class EdgeAdditions {
  candidate = new Int32Array(1024);
  coach = new Int32Array(1024);
  score = new Int32Array(1024);
  length = 0;

  add(i: number, j: number, score: number): void {
    if (this.length === this.candidate.length) {
      for (const name of ["candidate", "coach", "score"] as const) {
        const grown = new Int32Array(2 * this.length);
        grown.set(this[name]);
        this[name] = grown;
      }
    }
    this.candidate[this.length] = i;
    this.coach[this.length] = j;
    this.score[this.length++] = score;
  }
}

/** The edge set with `added` after each candidate's edges. */
export function appendEdges(edges: EdgeSet, added: EdgeAdditions): EdgeSet {
  const n = edges.start.length - 1;
  const fill = new Int32Array(n + 1);
  for (let k = 0; k < added.length; k++) fill[added.candidate[k]! + 1]!++;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + (edges.start[i + 1]! - edges.start[i]!) + fill[i + 1]!;
  const coach = new Int32Array(start[n]!);
  const score = new Int32Array(start[n]!);
  for (let i = 0; i < n; i++) {
    let at = start[i]!;
    for (let e = edges.start[i]!; e < edges.start[i + 1]!; e++, at++) {
      coach[at] = edges.coach[e]!;
      score[at] = edges.score[e]!;
    }
    fill[i] = at;
  }
  for (let k = 0; k < added.length; k++) {
    const at = fill[added.candidate[k]!]!++;
    coach[at] = added.coach[k]!;
    score[at] = added.score[k]!;
  }
  return { start, coach, score, top: edges.top };
}
