// An in-memory index of every candidate's skills, so that a slate ranks the whole pool without a
// query per candidate. Scores are exactly those of score.ts (slate-index.test.ts proves it on
// random pools).
//
// Layout: candidates are numbered (ordinals); each skill has a posting list of ordinals with one
// byte beside each (self-rated level in the low bits, "proven by a badge" in the high bit); the
// hard-filter fields sit in typed arrays by ordinal. A query adds up skill points posting list by
// posting list into a score array, then filters and ranks only the candidates it touched.
//
// Changes after the build go to an overlay: the changed candidate's postings are switched off and
// the candidate is scored by the reference scorer instead, until the next build folds it in.
import { CEFR_LEVELS } from "../profile/languages";
import { balanceGroups, compareRanked, fillSlate, type Ranked } from "./rank";
import { evaluateCandidate, FIT_POINTS, interestCutoff, overlapWithEmployer, relatedConcepts, skillPoints } from "./score";
import type { RoleRequirements, SlateCandidate, SlateOptions, SlateResult, SlateTaxonomy } from "./types";

const VERIFIED = 0x80;
const LEVEL_MASK = 0x7f;
const NO_OFFSET = -32768;
const UNKNOWN_HOURS = -1;
const FLAG_CONSENT = 1;
const FLAG_PLACED = 2;
const FLAG_COACH = 4;

/** A growable Int32 list, trimmed to size when the build ends. */
class IntList {
  data = new Int32Array(8);
  length = 0;
  push(value: number) {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

class ByteList {
  data = new Uint8Array(8);
  length = 0;
  push(value: number) {
    if (this.length === this.data.length) {
      const grown = new Uint8Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

interface Postings {
  ordinals: Int32Array;
  packed: Uint8Array;
}

/** Values interned to small numbers (0 stands for null). */
class Dictionary {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [""];
  idOf(value: string | null): number {
    if (value === null) return 0;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
  find(value: string): number | undefined {
    return this.ids.get(value);
  }
}

export class SlateIndex {
  private readonly ids: string[] = [];
  private readonly ordinalOf = new Map<string, number>();
  /** 0 when the base data of an ordinal no longer counts (changed or removed since the build). */
  private alive: Uint8Array;
  private flags: Uint8Array;
  private interest: Float64Array;
  private offset: Int16Array;
  private availability: Int16Array;
  private country: Uint16Array;
  private origin: Uint16Array;
  private ngo: Uint32Array;
  private readonly countries = new Dictionary();
  private readonly ngos = new Dictionary();
  /** Per language, CEFR rank + 1 by ordinal (0: does not speak it). */
  private readonly languageLevels = new Map<string, Uint8Array>();
  private readonly postings = new Map<string, Postings>();
  private readonly overlay = new Map<string, SlateCandidate>();
  private score: Int32Array;
  private mark: Int32Array;
  private touched: Int32Array;
  private stamp = 0;
  private aliveCount = 0;

  private constructor(
    private readonly taxonomy: SlateTaxonomy,
    size: number,
  ) {
    this.alive = new Uint8Array(size);
    this.flags = new Uint8Array(size);
    this.interest = new Float64Array(size);
    this.offset = new Int16Array(size);
    this.availability = new Int16Array(size);
    this.country = new Uint16Array(size);
    this.origin = new Uint16Array(size);
    this.ngo = new Uint32Array(size);
    this.score = new Int32Array(size);
    this.mark = new Int32Array(size);
    this.touched = new Int32Array(size);
  }

  /** Builds the index from the whole pool in one pass. */
  static build(candidates: Iterable<SlateCandidate>, taxonomy: SlateTaxonomy, expectedSize = 1024): SlateIndex {
    const index = new SlateIndex(taxonomy, expectedSize);
    const lists = new Map<string, { ordinals: IntList; packed: ByteList }>();
    for (const candidate of candidates) {
      const ordinal = index.addScalars(candidate);
      const best = new Map<string, number>();
      for (const { uri, level, badges } of candidate.skills) {
        const packed = Math.min(LEVEL_MASK, Math.max(0, level)) | (badges.length > 0 ? VERIFIED : 0);
        const seen = best.get(uri);
        best.set(uri, seen === undefined ? packed : Math.max(seen & LEVEL_MASK, packed & LEVEL_MASK) | ((seen | packed) & VERIFIED));
      }
      for (const [uri, packed] of best) {
        let list = lists.get(uri);
        if (!list) lists.set(uri, (list = { ordinals: new IntList(), packed: new ByteList() }));
        list.ordinals.push(ordinal);
        list.packed.push(packed);
      }
    }
    for (const [uri, list] of lists) {
      index.postings.set(uri, { ordinals: list.ordinals.data.slice(0, list.ordinals.length), packed: list.packed.data.slice(0, list.packed.length) });
    }
    index.trim();
    return index;
  }

  /** Candidates the index knows. */
  get size(): number {
    return this.aliveCount + this.overlay.size;
  }

  /** Candidates scored from the overlay until the next build. */
  get pendingChanges(): number {
    return this.overlay.size;
  }

  /** Approximate bytes held by the index's arrays (ids and maps excluded). */
  get arrayBytes(): number {
    let bytes = 0;
    for (const array of [this.alive, this.flags, this.interest, this.offset, this.availability, this.country, this.origin, this.ngo, this.score, this.mark, this.touched]) bytes += array.byteLength;
    for (const levels of this.languageLevels.values()) bytes += levels.byteLength;
    for (const { ordinals, packed } of this.postings.values()) bytes += ordinals.byteLength + packed.byteLength;
    return bytes;
  }

  /** Replaces what the index knows of one candidate (after a profile, consent or badge change). */
  upsert(candidate: SlateCandidate): void {
    this.retire(candidate.id);
    this.overlay.set(candidate.id, candidate);
  }

  /** Forgets a candidate (erasure). */
  remove(candidateId: string): void {
    this.retire(candidateId);
    this.overlay.delete(candidateId);
  }

  /** Switches off a candidate's built data. */
  private retire(candidateId: string) {
    const ordinal = this.ordinalOf.get(candidateId);
    if (ordinal === undefined || this.alive[ordinal] === 0) return;
    this.alive[ordinal] = 0;
    this.aliveCount--;
  }

  private addScalars(candidate: SlateCandidate): number {
    const ordinal = this.ids.length;
    if (ordinal === this.alive.length) this.grow(Math.max(1024, ordinal * 2));
    this.ids.push(candidate.id);
    this.ordinalOf.set(candidate.id, ordinal);
    this.alive[ordinal] = 1;
    this.aliveCount++;
    this.flags[ordinal] = (candidate.consentsToEmployers ? FLAG_CONSENT : 0) | (candidate.placed ? FLAG_PLACED : 0) | (candidate.coachRecommended ? FLAG_COACH : 0);
    this.interest[ordinal] = candidate.interestConfirmedAt ?? Number.NEGATIVE_INFINITY;
    this.offset[ordinal] = candidate.utcOffsetMinutes ?? NO_OFFSET;
    this.availability[ordinal] = candidate.availabilityHours ?? UNKNOWN_HOURS;
    this.country[ordinal] = this.countries.idOf(candidate.currentCountry);
    this.origin[ordinal] = this.countries.idOf(candidate.countryOfOrigin);
    this.ngo[ordinal] = this.ngos.idOf(candidate.referringOrganisationId);
    for (const { code, level } of candidate.languages) {
      let levels = this.languageLevels.get(code);
      if (!levels) this.languageLevels.set(code, (levels = new Uint8Array(this.alive.length)));
      levels[ordinal] = Math.max(levels[ordinal] as number, CEFR_LEVELS.indexOf(level) + 1);
    }
    return ordinal;
  }

  private resize<T extends Int32Array | Uint8Array | Uint16Array | Uint32Array | Int16Array | Float64Array>(array: T, size: number): T {
    const resized = new (array.constructor as new (n: number) => T)(size);
    resized.set(array.subarray(0, Math.min(size, array.length)) as never);
    return resized;
  }

  private grow(size: number) {
    this.alive = this.resize(this.alive, size);
    this.flags = this.resize(this.flags, size);
    this.interest = this.resize(this.interest, size);
    this.offset = this.resize(this.offset, size);
    this.availability = this.resize(this.availability, size);
    this.country = this.resize(this.country, size);
    this.origin = this.resize(this.origin, size);
    this.ngo = this.resize(this.ngo, size);
    for (const [code, levels] of this.languageLevels) this.languageLevels.set(code, this.resize(levels, size));
  }

  private trim() {
    this.grow(this.ids.length);
    this.score = new Int32Array(this.ids.length);
    this.mark = new Int32Array(this.ids.length);
    this.touched = new Int32Array(this.ids.length);
  }

  private nextStamp(): number {
    if (this.stamp >= 0x7fffffff) {
      this.mark.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** Adds every role skill's points into `score`; returns how many candidates it touched. */
  private accumulateSkills(role: RoleRequirements): number {
    const { score, mark, touched, alive } = this;
    let count = 0;
    for (const skill of role.skills) {
      const stamp = this.nextStamp();
      const verified = skillPoints(skill, "verified");
      const declared = skillPoints(skill, "declared");
      const below = skillPoints(skill, "belowLevel");
      const exact = this.postings.get(skill.uri);
      if (exact) {
        const { ordinals, packed } = exact;
        for (let i = 0; i < ordinals.length; i++) {
          const ordinal = ordinals[i] as number;
          if (alive[ordinal] === 0) continue;
          const bits = packed[i] as number;
          const points = bits & VERIFIED ? verified : (bits & LEVEL_MASK) >= skill.minLevel ? declared : below;
          if (score[ordinal] === 0) touched[count++] = ordinal;
          score[ordinal] = (score[ordinal] as number) + points;
          mark[ordinal] = stamp;
        }
      }
      const related = skillPoints(skill, "related");
      for (const uri of relatedConcepts(skill.uri, this.taxonomy)) {
        const list = this.postings.get(uri);
        if (!list) continue;
        const { ordinals } = list;
        for (let i = 0; i < ordinals.length; i++) {
          const ordinal = ordinals[i] as number;
          if (alive[ordinal] === 0 || mark[ordinal] === stamp) continue;
          mark[ordinal] = stamp;
          if (score[ordinal] === 0) touched[count++] = ordinal;
          score[ordinal] = (score[ordinal] as number) + related;
        }
      }
    }
    return count;
  }

  /** The role's slate from the whole pool: the same entries as `rankCandidates` would give. */
  query(role: RoleRequirements, options: SlateOptions): SlateResult {
    const count = this.accumulateSkills(role);
    const { score, touched, flags, interest, offset, availability, country } = this;
    const cutoff = interestCutoff(options.now);
    const languages = role.languages.map(({ code, minLevel }) => ({ levels: this.languageLevels.get(code), min: CEFR_LEVELS.indexOf(minLevel) + 1 }));
    const allowedCountries = role.countries.length === 0 ? null : new Set(role.countries.map((code) => this.countries.find(code)).filter((id) => id !== undefined));
    const overlapCache = new Map<number, number>();
    const overlapOf = (minutes: number) => {
      let overlap = overlapCache.get(minutes);
      if (overlap === undefined) overlapCache.set(minutes, (overlap = overlapWithEmployer(minutes, role.utcOffsetMinutes)));
      return overlap;
    };
    const neededMinutes = role.minOverlapHours * 60;

    const eligibleOrdinals: number[] = [];
    const eligibleScores: number[] = [];
    for (let i = 0; i < count; i++) {
      const ordinal = touched[i] as number;
      let total = score[ordinal] as number;
      score[ordinal] = 0;
      const flag = flags[ordinal] as number;
      if ((flag & FLAG_CONSENT) === 0 || flag & FLAG_PLACED || (interest[ordinal] as number) < cutoff) continue;
      if (allowedCountries && !allowedCountries.has(country[ordinal] as number)) continue;
      const hours = availability[ordinal] as number;
      if (hours !== UNKNOWN_HOURS && hours < role.hoursPerWeek) continue;
      const zone = offset[ordinal] as number;
      const overlap = zone === NO_OFFSET ? 0 : overlapOf(zone);
      if (overlap < neededMinutes) continue;
      let speaks = true;
      for (const { levels, min } of languages) {
        const level = levels ? (levels[ordinal] as number) : 0;
        if (level < min) {
          speaks = false;
          break;
        }
        total += Math.min(FIT_POINTS.languageLevelsCounted, level - min) * FIT_POINTS.perLanguageLevelAbove;
      }
      if (!speaks) continue;
      if (zone !== NO_OFFSET) total += Math.floor((overlap * FIT_POINTS.perOverlapHour) / 60);
      if (hours !== UNKNOWN_HOURS) total += FIT_POINTS.availability;
      if (flag & FLAG_COACH) total += FIT_POINTS.coachRecommended;
      eligibleOrdinals.push(ordinal);
      eligibleScores.push(total);
    }

    const overlayRanked: Ranked[] = [];
    for (const candidate of this.overlay.values()) {
      const evaluation = evaluateCandidate(role, candidate, this.taxonomy, options.now);
      if (evaluation.eligible) overlayRanked.push({ candidateId: candidate.id, score: evaluation.score, groups: balanceGroups(candidate) });
    }

    const eligible = eligibleOrdinals.length + overlayRanked.length;
    // Rank only the best few: enough for the slate, more when balance holds people back.
    for (let window = options.size * 4; ; window *= 4) {
      const top = this.topOrdinals(eligibleOrdinals, eligibleScores, window);
      const ranked = [...top.map((at) => this.ranked(eligibleOrdinals[at] as number, eligibleScores[at] as number)), ...overlayRanked].sort(compareRanked);
      const { entries, heldBack } = fillSlate(ranked, options.size, options.balanceShare);
      if (entries.length >= options.size || top.length === eligibleOrdinals.length) {
        return { entries: entries.map(({ candidateId, score: points }) => ({ candidateId, score: points })), eligible, heldBackForBalance: heldBack };
      }
    }
  }

  private ranked(ordinal: number, score: number): Ranked {
    return { candidateId: this.ids[ordinal] as string, score, groups: [this.ngos.values[this.ngo[ordinal] as number] || null, this.countries.values[this.origin[ordinal] as number] || null] };
  }

  /** Positions (in the eligible arrays) of the `limit` best, by a bounded min-heap. */
  private topOrdinals(ordinals: readonly number[], scores: readonly number[], limit: number): number[] {
    if (ordinals.length <= limit) return ordinals.map((_, at) => at);
    const ids = this.ids;
    // "worse" in heap order: lower score, or equal score and larger id.
    const worse = (a: number, b: number) => (scores[a] as number) < (scores[b] as number) || ((scores[a] as number) === (scores[b] as number) && (ids[ordinals[a] as number] as string) > (ids[ordinals[b] as number] as string));
    const heap: number[] = [];
    const siftDown = (from: number) => {
      let at = from;
      for (;;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let smallest = at;
        if (left < heap.length && worse(heap[left] as number, heap[smallest] as number)) smallest = left;
        if (right < heap.length && worse(heap[right] as number, heap[smallest] as number)) smallest = right;
        if (smallest === at) return;
        [heap[at], heap[smallest]] = [heap[smallest] as number, heap[at] as number];
        at = smallest;
      }
    };
    for (let at = 0; at < ordinals.length; at++) {
      if (heap.length < limit) {
        heap.push(at);
        let child = heap.length - 1;
        while (child > 0) {
          const parent = (child - 1) >> 1;
          if (!worse(heap[child] as number, heap[parent] as number)) break;
          [heap[child], heap[parent]] = [heap[parent] as number, heap[child] as number];
          child = parent;
        }
      } else if (worse(heap[0] as number, at)) {
        heap[0] = at;
        siftDown(0);
      }
    }
    return heap;
  }
}
