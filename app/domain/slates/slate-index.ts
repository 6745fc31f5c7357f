// An in-memory index of every candidate's skills, so that a slate ranks the whole pool without a
// query per candidate. Scores are exactly those of score.ts (slate-index.test.ts proves it on
// random pools).
//
// Layout: candidates are numbered (ordinals) in id order, so comparing ordinals breaks score ties
// the way `compareRanked` does; the ids themselves sit sorted in one flat character array
// (id-table.ts), found by binary search. Each skill has a posting list of ordinals (ascending)
// with one byte beside each (self-rated level in the low bits, "proven by a badge" in the high
// bit), all lists in one pair of arrays; a skill held by an eighth of the pool or more is kept as
// bitsets instead. Per candidate: a "combination" number (flags, UTC offset, hours, country: the
// filters that do not depend on time or language, a few thousand combinations in all), interest,
// origin and NGO in typed arrays; language levels as three bit planes per language.
//
// A query first computes who passes the role's hard filters, as a bitset: one tight pass over the
// combination numbers, then whole 32-candidate words for interest (kept current incrementally from
// the candidates sorted by interest), languages and removals. Then it adds up skill points for
// the eligible only (branch-free over the posting lists, 32 at a time over the bitsets). When the
// role's related concepts hold far more people than its own skills (most roles), only holders of
// a role skill itself are scored at first; who holds a related concept is recorded per role skill
// as a bitset (for most skills, a broader concept's bitset of who holds anything under it, made at
// build time), and of those only the few who could still reach the ranks needed are scored
// (`expandPruned`). A bounded heap picks the best few.
//
// Changes after the build go to an overlay: the changed candidate's built data is switched off and
// the candidate is scored by the reference scorer instead, until the next build folds it in.
import { CEFR_LEVELS } from "../profile/languages";
import { IdTable } from "./id-table";
import { balanceGroups, compareRanked, fillSlate, type Ranked } from "./rank";
import { evaluateCandidate, FIT_POINTS, interestCutoff, overlapWithEmployer, relatedConcepts, skillPoints } from "./score";
import type { RoleRequirements, SlateCandidate, SlateOptions, SlateResult, SlateTaxonomy } from "./types";

const VERIFIED = 0x80;
const LEVEL_MASK = 0x7f;
const UNKNOWN_HOURS = -1;
const FLAG_CONSENT = 1;
const FLAG_PLACED = 2;
const FLAG_COACH = 4;
/** Offset class 0: the candidate's UTC offset is unknown. */
const NO_OFFSET = 0;
/** Filter signatures whose hard-filter bits are kept (a bitset each: 125 KB per million candidates). */
const SCALAR_PASS_SIGNATURES = 8;
/**
 * A broader concept gets a bitset of who holds it or a narrower concept (`heldUnder`) when its
 * narrower concepts have at least 1/32 of the pool's count in postings: the bitset (1 bit per
 * candidate) is then smaller than those postings (5 bytes each).
 */
const HELD_UNDER_SHARE = 32;

/** A growable Int32 list. */
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

/** Values interned to small numbers (0 stands for null). */
class Dictionary<T> {
  private readonly ids = new Map<T, number>();
  readonly values: (T | null)[] = [null];
  idOf(value: T | null): number {
    if (value === null) return 0;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
  find(value: T): number | undefined {
    return this.ids.get(value);
  }
}

type Column = Uint8Array | Uint16Array | Uint32Array | Int16Array | Int32Array | Float64Array;

function resized<T extends Column>(array: T, size: number): T {
  const copy = new (array.constructor as new (n: number) => T)(size);
  copy.set(array.subarray(0, Math.min(size, array.length)) as never);
  return copy;
}

/** A column wide enough for dictionary ids up to `id`. */
function widened(array: Uint16Array | Uint32Array, id: number): Uint16Array | Uint32Array {
  if (id <= 0xffff || array instanceof Uint32Array) return array;
  const wide = new Uint32Array(array.length);
  wide.set(array);
  return wide;
}

/** `column` reordered so that entry k is the old entry `order[k]`. */
function permuted<T extends Column>(column: T, order: Int32Array): T {
  const copy = new (column.constructor as new (n: number) => T)(order.length);
  for (let k = 0; k < order.length; k++) copy[k] = column[order[k] as number] as number;
  return copy;
}

/** Levels of one language as three bitsets (bit planes) by ordinal: CEFR rank + 1, 0 when not spoken. */
type LevelPlanes = [Int32Array, Int32Array, Int32Array];

function levelOf(planes: LevelPlanes, ordinal: number): number {
  const word = ordinal >> 5;
  const shift = ordinal & 31;
  return (((planes[0][word] as number) >>> shift) & 1) | ((((planes[1][word] as number) >>> shift) & 1) << 1) | ((((planes[2][word] as number) >>> shift) & 1) << 2);
}

function setLevel(planes: LevelPlanes, ordinal: number, level: number) {
  const word = ordinal >> 5;
  const bit = 1 << (ordinal & 31);
  for (let plane = 0; plane < 3; plane++) {
    const array = planes[plane] as Int32Array;
    array[word] = (level >> plane) & 1 ? (array[word] as number) | bit : (array[word] as number) & ~bit;
  }
}

/** The bits of one word of `planes` whose level is at least `min` (bit-sliced comparison). */
function levelAtLeast(planes: LevelPlanes, word: number, min: number): number {
  if (min <= 0) return -1;
  if (min > 7) return 0;
  let greater = 0;
  let equal = -1;
  for (let plane = 2; plane >= 0; plane--) {
    const bits = planes[plane]![word] as number;
    if ((min >> plane) & 1) equal &= bits;
    else {
      greater |= equal & bits;
      equal &= ~bits;
    }
  }
  return greater | equal;
}

/** Set bits in a 32-bit word. */
function popcount(word: number): number {
  let bits = word - ((word >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export class SlateIndex {
  private ids = IdTable.from([]);
  private count = 0;
  /**
   * The candidate's combination of flags, UTC offset, weekly hours and current country: the hard
   * filters and fit points that do not depend on time or language are worked out once per
   * combination and query (a few thousand combinations in a pool of a million).
   */
  private combo: Uint16Array | Uint32Array;
  private readonly combos = new Map<string, number>();
  private readonly comboFlags: number[] = [];
  /** Index into `offsets` (0: unknown). */
  private readonly comboOffsetClass: number[] = [];
  private readonly comboHours: number[] = [];
  private readonly comboCountry: number[] = [];
  /** Epoch milliseconds of the last "still interested" (-Infinity: never). */
  private interest: Float64Array;
  /** Ordinals by interest, oldest first: who is stale for a cutoff is a prefix of it. */
  private interestOrder = new Int32Array(0);
  /** Bitset of the candidates whose interest is at or after the last query's cutoff (interestOrder from `interestFrom` on). */
  private interestBits = new Int32Array(0);
  private interestKnown = false;
  private interestFrom = 0;
  /** Bitset by ordinal: the built data no longer counts (changed or removed since the build). */
  private retiredBits = new Int32Array(0);
  private origin: Uint16Array | Uint32Array;
  private ngo: Uint16Array | Uint32Array;
  private readonly offsets = new Dictionary<number>();
  private readonly countries = new Dictionary<string>();
  private readonly ngos = new Dictionary<string>();
  private readonly languageLevels = new Map<string, LevelPlanes>();
  /** Posting lists, one after another: skill slot s holds entries [starts[s], starts[s + 1]). */
  private readonly slotOf = new Map<string, number>();
  private postingOrdinals = new Int32Array(0);
  private postingPacked = new Uint8Array(0);
  private postingStarts = new Int32Array(1);
  /**
   * Skills held by at least an eighth of the pool are kept as five bitsets by ordinal instead (no
   * bigger, and walked 32 candidates at a time): holds it, badge, level bits 0–2. By slot, the
   * bitsets (`DENSE_*` × words apart), or null for a posting list.
   */
  private dense: (Int32Array | null)[] = [];
  /** Holders by slot. */
  private slotHolders = new Int32Array(0);
  /**
   * Per broader concept whose narrower concepts many hold: who holds it or one of them, as a
   * bitset. A role skill's related concepts are mostly its siblings, so pruned scoring takes this
   * instead of walking every sibling's postings on every query.
   */
  private readonly heldUnder = new Map<string, Int32Array>();
  /**
   * Per role skill uri (the taxonomy never changes): the slots of its related concepts; and, for
   * pruned scoring, the `heldUnder` bitsets of its broader concepts with the related slots those
   * leave out.
   */
  private readonly relatedByUri = new Map<string, { slots: Int32Array; unions: Int32Array[]; rest: Int32Array }>();
  private readonly overlay = new Map<string, SlateCandidate>();
  private aliveCount = 0;
  // Query scratch: skill points (+ fit points) by ordinal, the eligible candidates touched, and
  // bitsets by ordinal: passes the hard filters, touched, credited for the current role skill.
  private score = new Int32Array(0);
  private touched = new Int32Array(0);
  private passBits = new Int32Array(0);
  private touchedBits = new Int32Array(0);
  private seenBits = new Int32Array(0);
  /** Pruned scoring: per role skill with related concepts, who holds one (`roleSets`), and its related credit. */
  private readonly relatedBits: Int32Array[] = [];
  private roleSets: Int32Array[] = [];
  private roleSetPoints: number[] = [];
  /** Entries of `touched` in use; the first `exactCount` hold a role skill itself (pruned scoring). */
  private scored = 0;
  private exactCount = 0;
  // Per query: fit points by offset class, and the role's language arrays and minimum levels.
  private comboFit = new Int32Array(0);
  /** Hard-filter bits from built data per filter signature, least recently used first (`computePass`). */
  private readonly scalarPass = new Map<string, Int32Array>();
  private roleLanguages: LevelPlanes[] = [];
  /** The most fit points a candidate who passes the filters can have. */
  private maxFit = 0;
  private roleLanguageMins: number[] = [];

  private constructor(
    private readonly taxonomy: SlateTaxonomy,
    size: number,
  ) {
    this.combo = new Uint16Array(size);
    this.interest = new Float64Array(size);
    this.origin = new Uint16Array(size);
    this.ngo = new Uint16Array(size);
  }

  /** Builds the index from the whole pool in one pass. */
  static build(candidates: Iterable<SlateCandidate>, taxonomy: SlateTaxonomy, expectedSize = 1024): SlateIndex {
    const index = new SlateIndex(taxonomy, Math.max(1, expectedSize));
    const ids: string[] = [];
    const lists = new Map<string, { ordinals: IntList; packed: ByteList }>();
    const best = new Map<string, number>();
    for (const candidate of candidates) {
      const ordinal = index.addScalars(candidate);
      ids.push(candidate.id);
      best.clear();
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
    index.finish(ids, lists);
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

  /** Bytes held by the index's typed arrays, ids included (maps, dictionaries and the overlay excluded). */
  get arrayBytes(): number {
    const parts = this.memoryParts();
    return parts.postings + parts.fields + parts.languages + parts.ids + parts.scratch;
  }

  /** `arrayBytes` by kind (the bench prints them). */
  private memoryParts() {
    const sum = (arrays: readonly { byteLength: number }[]) => arrays.reduce((bytes, array) => bytes + array.byteLength, 0);
    return {
      postings: sum([this.postingOrdinals, this.postingPacked, this.postingStarts, this.slotHolders, ...this.dense.filter((bits): bits is Int32Array => bits !== null), ...this.heldUnder.values()]),
      fields: sum([this.combo, this.interest, this.interestOrder, this.interestBits, this.retiredBits, this.origin, this.ngo]),
      languages: sum([...this.languageLevels.values()].flat()),
      ids: this.ids.byteLength,
      scratch: sum([this.score, this.touched, this.passBits, this.touchedBits, this.seenBits, ...this.relatedBits, ...this.scalarPass.values()]),
    };
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
    const ordinal = this.ids.find(candidateId);
    if (ordinal < 0) return;
    const word = ordinal >> 5;
    const bit = 1 << (ordinal & 31);
    if ((this.retiredBits[word] as number) & bit) return;
    this.retiredBits[word] = (this.retiredBits[word] as number) | bit;
    this.aliveCount--;
  }

  private addScalars(candidate: SlateCandidate): number {
    const ordinal = this.count++;
    if (ordinal === this.combo.length) this.grow(Math.max(1024, ordinal * 2));
    this.aliveCount++;
    const flags = (candidate.consentsToEmployers ? FLAG_CONSENT : 0) | (candidate.placed ? FLAG_PLACED : 0) | (candidate.coachRecommended ? FLAG_COACH : 0);
    const offsetClass = candidate.utcOffsetMinutes === null ? NO_OFFSET : this.offsets.idOf(candidate.utcOffsetMinutes);
    const hours = candidate.availabilityHours ?? UNKNOWN_HOURS;
    const country = this.countries.idOf(candidate.currentCountry);
    const key = `${flags} ${offsetClass} ${hours} ${country}`;
    let combo = this.combos.get(key);
    if (combo === undefined) {
      combo = this.comboFlags.length;
      this.combos.set(key, combo);
      this.comboFlags.push(flags);
      this.comboOffsetClass.push(offsetClass);
      this.comboHours.push(hours);
      this.comboCountry.push(country);
      this.combo = widened(this.combo, combo);
    }
    this.combo[ordinal] = combo;
    const interest = candidate.interestConfirmedAt ?? Number.NEGATIVE_INFINITY;
    this.interest[ordinal] = interest;
    const origin = this.countries.idOf(candidate.countryOfOrigin);
    const ngo = this.ngos.idOf(candidate.referringOrganisationId);
    this.origin = widened(this.origin, origin);
    this.ngo = widened(this.ngo, ngo);
    this.origin[ordinal] = origin;
    this.ngo[ordinal] = ngo;
    for (const { code, level } of candidate.languages) {
      let planes = this.languageLevels.get(code);
      if (!planes) {
        const words = (this.combo.length + 31) >> 5;
        this.languageLevels.set(code, (planes = [new Int32Array(words), new Int32Array(words), new Int32Array(words)]));
      }
      const rank = CEFR_LEVELS.indexOf(level) + 1;
      if (rank > levelOf(planes, ordinal)) setLevel(planes, ordinal, rank);
    }
    return ordinal;
  }

  private grow(size: number) {
    this.combo = resized(this.combo, size);
    this.interest = resized(this.interest, size);
    this.origin = resized(this.origin, size);
    this.ngo = resized(this.ngo, size);
    const words = (size + 31) >> 5;
    for (const [code, planes] of this.languageLevels) this.languageLevels.set(code, [resized(planes[0], words), resized(planes[1], words), resized(planes[2], words)]);
  }

  /** Renumbers the candidates in id order if they did not come that way, and packs the postings. */
  private finish(ids: string[], lists: Map<string, { ordinals: IntList; packed: ByteList }>) {
    const n = this.count;
    this.grow(n);
    let sorted = true;
    for (let k = 1; k < n && sorted; k++) if (!((ids[k - 1] as string) < (ids[k] as string))) sorted = false;
    let rank: Int32Array | null = null;
    if (!sorted) {
      const order = Int32Array.from(
        Array.from({ length: n }, (_, k) => k).sort((a, b) => {
          const x = ids[a] as string;
          const y = ids[b] as string;
          return x < y ? -1 : x > y ? 1 : a - b;
        }),
      );
      rank = new Int32Array(n);
      for (let k = 0; k < n; k++) rank[order[k] as number] = k;
      this.combo = permuted(this.combo, order);
      this.interest = permuted(this.interest, order);
      this.origin = permuted(this.origin, order);
      this.ngo = permuted(this.ngo, order);
      for (const [code, planes] of this.languageLevels) {
        const words = planes[0].length;
        const copy: LevelPlanes = [new Int32Array(words), new Int32Array(words), new Int32Array(words)];
        for (let k = 0; k < n; k++) setLevel(copy, k, levelOf(planes, order[k] as number));
        this.languageLevels.set(code, copy);
      }
      const sortedIds = Array.from(order, (k) => ids[k] as string);
      ids.length = 0;
      this.ids = IdTable.from(sortedIds);
    } else {
      this.ids = IdTable.from(ids);
      ids.length = 0;
    }

    const words = (n + 31) >> 5;
    const isDense = (list: { ordinals: IntList; packed: ByteList }) => list.ordinals.length * 8 >= n && list.packed.data.subarray(0, list.packed.length).every((bits) => (bits & LEVEL_MASK) <= 7);
    let total = 0;
    for (const list of lists.values()) if (!isDense(list)) total += list.ordinals.length;
    this.postingOrdinals = new Int32Array(total);
    this.postingPacked = new Uint8Array(total);
    this.postingStarts = new Int32Array(lists.size + 1);
    this.slotHolders = new Int32Array(lists.size);
    this.dense = [];
    let at = 0;
    let slot = 0;
    for (const [uri, list] of lists) {
      this.slotOf.set(uri, slot);
      this.postingStarts[slot] = at;
      const length = list.ordinals.length;
      this.slotHolders[slot] = length;
      if (isDense(list)) {
        const bits = new Int32Array(5 * words);
        for (let k = 0; k < length; k++) {
          const ordinal = rank === null ? (list.ordinals.data[k] as number) : (rank[list.ordinals.data[k] as number] as number);
          const packed = list.packed.data[k] as number;
          const word = ordinal >> 5;
          const bit = 1 << (ordinal & 31);
          bits[word] = (bits[word] as number) | bit;
          if (packed & VERIFIED) bits[words + word] = (bits[words + word] as number) | bit;
          for (let plane = 0; plane < 3; plane++) if ((packed >> plane) & 1) bits[(2 + plane) * words + word] = (bits[(2 + plane) * words + word] as number) | bit;
        }
        this.dense.push(bits);
      } else {
        this.dense.push(null);
        if (rank === null) {
          this.postingOrdinals.set(list.ordinals.data.subarray(0, length), at);
          this.postingPacked.set(list.packed.data.subarray(0, length), at);
        } else {
          // New ordinals, ascending, with their byte: ordinal × 256 + byte sorts as numbers.
          const keyed = new Float64Array(length);
          for (let k = 0; k < length; k++) keyed[k] = (rank[list.ordinals.data[k] as number] as number) * 256 + (list.packed.data[k] as number);
          keyed.sort();
          for (let k = 0; k < length; k++) {
            const key = keyed[k] as number;
            this.postingOrdinals[at + k] = Math.floor(key / 256);
            this.postingPacked[at + k] = key % 256;
          }
        }
        at += length;
      }
      slot++;
      lists.delete(uri);
    }
    this.postingStarts[slot] = at;

    const childPostings = new Map<string, number>();
    for (const [uri, held] of this.slotOf) {
      for (const parent of this.taxonomy.broader(uri)) childPostings.set(parent, (childPostings.get(parent) ?? 0) + (this.slotHolders[held] as number));
    }
    for (const [parent, postings] of childPostings) {
      if (postings * HELD_UNDER_SHARE < n) continue;
      const bits = new Int32Array(words);
      for (const uri of [parent, ...this.taxonomy.narrower(parent)]) {
        const held = this.slotOf.get(uri);
        if (held !== undefined) this.markHolders(bits, held);
      }
      this.heldUnder.set(parent, bits);
    }

    this.score = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.passBits = new Int32Array(words);
    this.touchedBits = new Int32Array(words);
    this.seenBits = new Int32Array(words);
    this.retiredBits = new Int32Array(words);
    this.interestBits = new Int32Array(words);
    const interest = this.interest;
    this.interestOrder = Int32Array.from({ length: n }, (_, k) => k).sort((a, b) => {
      const x = interest[a] as number;
      const y = interest[b] as number;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }

  /** Brings `interestBits` to the cutoff: only the candidates whose side of it changed since the last query are touched. */
  private updateInterest(cutoff: number): void {
    const { interest, interestOrder, interestBits } = this;
    const n = this.count;
    // The first position in interestOrder at or after the cutoff.
    let low = 0;
    let high = n;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((interest[interestOrder[middle] as number] as number) < cutoff) low = middle + 1;
      else high = middle;
    }
    let from = this.interestFrom;
    if (!this.interestKnown) {
      // Nobody yet: start from the end of the order and move back to `low`.
      interestBits.fill(0);
      from = n;
      this.interestKnown = true;
    }
    for (; from > low; from--) {
      const ordinal = interestOrder[from - 1] as number;
      interestBits[ordinal >> 5] = (interestBits[ordinal >> 5] as number) | (1 << (ordinal & 31));
    }
    for (; from < low; from++) {
      const ordinal = interestOrder[from] as number;
      interestBits[ordinal >> 5] = (interestBits[ordinal >> 5] as number) & ~(1 << (ordinal & 31));
    }
    this.interestFrom = from;
  }

  /** Sets `passBits` for every built candidate who passes the role's hard filters; prepares the fit points. */
  private computePass(role: RoleRequirements, now: number): void {
    const { combo, passBits, retiredBits } = this;
    const n = this.count;
    const cutoff = interestCutoff(now);
    const neededMinutes = role.minOverlapHours * 60;
    // Per offset class: passes the overlap filter; fit points.
    const offsetValues = this.offsets.values;
    const offsetPasses = new Uint8Array(offsetValues.length);
    const overlapPoints = new Int32Array(offsetValues.length);
    offsetValues.forEach((minutes, at) => {
      if (minutes === null) {
        offsetPasses[at] = neededMinutes <= 0 ? 1 : 0;
        return;
      }
      const overlap = overlapWithEmployer(minutes, role.utcOffsetMinutes);
      offsetPasses[at] = overlap >= neededMinutes ? 1 : 0;
      overlapPoints[at] = Math.floor((overlap * FIT_POINTS.perOverlapHour) / 60);
    });
    const countryPasses = new Uint8Array(this.countries.values.length).fill(role.countries.length === 0 ? 1 : 0);
    for (const code of role.countries) {
      const id = this.countries.find(code);
      if (id !== undefined) countryPasses[id] = 1;
    }
    // Per combination: passes the filters other than interest and languages; fit points other than languages.
    const comboCount = this.comboFlags.length;
    const comboPasses = new Uint8Array(comboCount);
    const comboFit = new Int32Array(comboCount);
    for (let at = 0; at < comboCount; at++) {
      const flags = this.comboFlags[at] as number;
      const offsetClass = this.comboOffsetClass[at] as number;
      const hours = this.comboHours[at] as number;
      const passes =
        (flags & (FLAG_CONSENT | FLAG_PLACED)) === FLAG_CONSENT &&
        offsetPasses[offsetClass] === 1 &&
        (hours === UNKNOWN_HOURS || hours >= role.hoursPerWeek) &&
        countryPasses[this.comboCountry[at] as number] === 1;
      comboPasses[at] = passes ? 1 : 0;
      comboFit[at] = (overlapPoints[offsetClass] as number) + (hours === UNKNOWN_HOURS ? 0 : FIT_POINTS.availability) + (flags & FLAG_COACH ? FIT_POINTS.coachRecommended : 0);
    }
    this.comboFit = comboFit;

    let maxFit = 0;
    for (let at = 0; at < comboCount; at++) if (comboPasses[at] === 1) maxFit = Math.max(maxFit, comboFit[at] as number);

    const languages: LevelPlanes[] = [];
    const mins: number[] = [];
    for (const { code, minLevel } of role.languages) {
      const planes = this.languageLevels.get(code);
      if (!planes) {
        // Nobody speaks it.
        passBits.fill(0);
        this.roleLanguages = [];
        this.roleLanguageMins = [];
        return;
      }
      languages.push(planes);
      mins.push(CEFR_LEVELS.indexOf(minLevel) + 1);
      maxFit += FIT_POINTS.languageLevelsCounted * FIT_POINTS.perLanguageLevelAbove;
    }
    this.roleLanguages = languages;
    this.roleLanguageMins = mins;
    this.maxFit = maxFit;
    this.updateInterest(cutoff);
    const { interestBits } = this;
    // Who passes consent, placement, overlap, hours and country depends only on built data, which
    // never changes (a changed candidate is retired and scored from the overlay): kept per filter
    // signature, so only an employer's first slate with new filters walks every candidate.
    const signature = `${neededMinutes} ${role.utcOffsetMinutes} ${role.hoursPerWeek} ${[...role.countries].sort().join(",")}`;
    let scalar = this.scalarPass.get(signature);
    if (!scalar) {
      scalar = new Int32Array(passBits.length);
      for (let word = 0, base = 0; base < n; word++, base += 32) {
        let bits = 0;
        const end = Math.min(n, base + 32);
        for (let ordinal = base; ordinal < end; ordinal++) bits |= (comboPasses[combo[ordinal] as number] as number) << (ordinal - base);
        scalar[word] = bits;
      }
      if (this.scalarPass.size >= SCALAR_PASS_SIGNATURES) this.scalarPass.delete(this.scalarPass.keys().next().value as string);
    } else this.scalarPass.delete(signature);
    this.scalarPass.set(signature, scalar); // most recently used last
    for (let word = 0, base = 0; base < n; word++, base += 32) {
      let bits = (scalar[word] as number) & (interestBits[word] as number) & ~(retiredBits[word] as number);
      for (let k = 0; k < languages.length && bits !== 0; k++) bits &= levelAtLeast(languages[k] as LevelPlanes, word, mins[k] as number);
      passBits[word] = bits;
    }
  }

  /** Fit points of an eligible built candidate (language levels above the minimum, overlap, hours known, coach). */
  private fitPoints(ordinal: number): number {
    let points = this.comboFit[this.combo[ordinal] as number] as number;
    const { roleLanguages, roleLanguageMins } = this;
    for (let k = 0; k < roleLanguages.length; k++) {
      points += Math.min(FIT_POINTS.languageLevelsCounted, levelOf(roleLanguages[k] as LevelPlanes, ordinal) - (roleLanguageMins[k] as number)) * FIT_POINTS.perLanguageLevelAbove;
    }
    return points;
  }

  private related(uri: string): { slots: Int32Array; unions: Int32Array[]; rest: Int32Array } {
    let related = this.relatedByUri.get(uri);
    if (!related) {
      const unions: Int32Array[] = [];
      const covered = new Set<string>();
      for (const parent of this.taxonomy.broader(uri)) {
        const bits = this.heldUnder.get(parent);
        if (!bits) continue;
        unions.push(bits);
        covered.add(parent);
        for (const sibling of this.taxonomy.narrower(parent)) covered.add(sibling);
      }
      const slots: number[] = [];
      const rest: number[] = [];
      for (const concept of relatedConcepts(uri, this.taxonomy)) {
        const slot = this.slotOf.get(concept);
        if (slot === undefined) continue;
        slots.push(slot);
        if (!covered.has(concept)) rest.push(slot);
      }
      this.relatedByUri.set(uri, (related = { slots: Int32Array.from(slots), unions, rest: Int32Array.from(rest) }));
    }
    return related;
  }

  /** Sets the bits of a slot's holders in `bits`. */
  private markHolders(bits: Int32Array, slot: number): void {
    const denseBits = this.dense[slot];
    if (denseBits) {
      for (let word = 0; word < bits.length; word++) bits[word] = (bits[word] as number) | (denseBits[word] as number);
      return;
    }
    const { postingOrdinals, postingStarts } = this;
    const end = postingStarts[slot + 1] as number;
    for (let i = postingStarts[slot] as number; i < end; i++) {
      const ordinal = postingOrdinals[i] as number;
      bits[ordinal >> 5] = (bits[ordinal >> 5] as number) | (1 << (ordinal & 31));
    }
  }

  /**
   * Adds every role skill's points into `score` for the candidates who pass the hard filters
   * (`computePass` first), fit points once at first touch; lists them in `touched`; returns how
   * many.
   */
  private accumulateSkills(role: RoleRequirements): number {
    const { score, touched, passBits, touchedBits, seenBits, postingOrdinals, postingPacked, postingStarts } = this;
    let count = 0;
    for (const skill of role.skills) {
      const related = this.related(skill.uri).slots;
      if (related.length > 0) seenBits.fill(0);
      const slot = this.slotOf.get(skill.uri);
      const denseBits = slot === undefined ? null : this.dense[slot];
      if (denseBits) count = this.exactDense(denseBits, skill, count);
      else if (slot !== undefined) {
        // Branch-free for the many who fail the filters: their points are masked to 0.
        const table = this.pointsTable(skill);
        const end = postingStarts[slot + 1] as number;
        for (let i = postingStarts[slot] as number; i < end; i++) {
          const ordinal = postingOrdinals[i] as number;
          const word = ordinal >> 5;
          const shift = ordinal & 31;
          const pass = (passBits[word] as number) & (1 << shift);
          seenBits[word] = (seenBits[word] as number) | pass;
          if ((pass & ~(touchedBits[word] as number)) !== 0) {
            touchedBits[word] = (touchedBits[word] as number) | pass;
            touched[count++] = ordinal;
            score[ordinal] = this.fitPoints(ordinal);
          }
          score[ordinal] = (score[ordinal] as number) + ((table[postingPacked[i] as number] as number) & -((pass >>> shift) & 1));
        }
      }
      if (related.length === 0) continue;
      const points = skillPoints(skill, "related");
      for (let r = 0; r < related.length; r++) {
        const from = related[r] as number;
        const relatedBits = this.dense[from];
        if (relatedBits) {
          count = this.relatedDense(relatedBits, points, count);
          continue;
        }
        const end = postingStarts[from + 1] as number;
        for (let i = postingStarts[from] as number; i < end; i++) {
          const ordinal = postingOrdinals[i] as number;
          const word = ordinal >> 5;
          const shift = ordinal & 31;
          const credit = (passBits[word] as number) & ~(seenBits[word] as number) & (1 << shift);
          seenBits[word] = (seenBits[word] as number) | credit;
          if ((credit & ~(touchedBits[word] as number)) !== 0) {
            touchedBits[word] = (touchedBits[word] as number) | credit;
            touched[count++] = ordinal;
            score[ordinal] = this.fitPoints(ordinal);
          }
          score[ordinal] = (score[ordinal] as number) + (points & -((credit >>> shift) & 1));
        }
      }
    }
    return count;
  }

  /**
   * A dense role skill's points for its eligible holders (`accumulateSkills`): 32 candidates at a
   * time, fit points at first touch; marks them in `seenBits`. Returns the new count.
   */
  private exactDense(bits: Int32Array, skill: RoleRequirements["skills"][number], count: number): number {
    const { score, touched, passBits, touchedBits, seenBits } = this;
    const words = passBits.length;
    const verified = skillPoints(skill, "verified");
    const declared = skillPoints(skill, "declared");
    const below = skillPoints(skill, "belowLevel");
    const min = Math.max(0, Math.min(8, Math.ceil(skill.minLevel)));
    for (let word = 0; word < words; word++) {
      const held = (bits[word] as number) & (passBits[word] as number);
      if (held === 0) continue;
      seenBits[word] = (seenBits[word] as number) | held;
      for (let fresh = held & ~(touchedBits[word] as number); fresh !== 0; fresh &= fresh - 1) {
        const ordinal = (word << 5) | (31 - Math.clz32(fresh & -fresh));
        touched[count++] = ordinal;
        score[ordinal] = this.fitPoints(ordinal);
      }
      touchedBits[word] = (touchedBits[word] as number) | held;
      const badge = held & (bits[words + word] as number);
      // Level at least min, bit-sliced over the three level planes.
      let greater = 0;
      let equal = -1;
      if (min > 7) equal = 0;
      else if (min > 0) {
        for (let plane = 2; plane >= 0; plane--) {
          const level = bits[(2 + plane) * words + word] as number;
          if ((min >> plane) & 1) equal &= level;
          else {
            greater |= equal & level;
            equal &= ~level;
          }
        }
      }
      const meets = held & ~badge & (greater | equal);
      const short = held & ~badge & ~meets;
      for (let rest = badge; rest !== 0; rest &= rest - 1) {
        const ordinal = (word << 5) | (31 - Math.clz32(rest & -rest));
        score[ordinal] = (score[ordinal] as number) + verified;
      }
      for (let rest = meets; rest !== 0; rest &= rest - 1) {
        const ordinal = (word << 5) | (31 - Math.clz32(rest & -rest));
        score[ordinal] = (score[ordinal] as number) + declared;
      }
      for (let rest = short; rest !== 0; rest &= rest - 1) {
        const ordinal = (word << 5) | (31 - Math.clz32(rest & -rest));
        score[ordinal] = (score[ordinal] as number) + below;
      }
    }
    return count;
  }

  /** Related credit from a dense concept for eligible holders not yet credited for this role skill. Returns the new count. */
  private relatedDense(bits: Int32Array, points: number, count: number): number {
    const { score, touched, passBits, touchedBits, seenBits } = this;
    for (let word = 0; word < passBits.length; word++) {
      const credit = (bits[word] as number) & (passBits[word] as number) & ~(seenBits[word] as number);
      if (credit === 0) continue;
      seenBits[word] = (seenBits[word] as number) | credit;
      for (let fresh = credit & ~(touchedBits[word] as number); fresh !== 0; fresh &= fresh - 1) {
        const ordinal = (word << 5) | (31 - Math.clz32(fresh & -fresh));
        touched[count++] = ordinal;
        score[ordinal] = this.fitPoints(ordinal);
      }
      touchedBits[word] = (touchedBits[word] as number) | credit;
      for (let rest = credit; rest !== 0; rest &= rest - 1) {
        const ordinal = (word << 5) | (31 - Math.clz32(rest & -rest));
        score[ordinal] = (score[ordinal] as number) + points;
      }
    }
    return count;
  }

  /** Points of a role skill by posting byte (level and badge bit). */
  private pointsTable(skill: RoleRequirements["skills"][number]): Int32Array {
    const table = new Int32Array(256);
    const verified = skillPoints(skill, "verified");
    const declared = skillPoints(skill, "declared");
    const below = skillPoints(skill, "belowLevel");
    for (let bits = 0; bits < 256; bits++) table[bits] = bits & VERIFIED ? verified : (bits & LEVEL_MASK) >= skill.minLevel ? declared : below;
    return table;
  }

  /** Posting entries of the role's own skills and of their related concepts. */
  private postingCounts(role: RoleRequirements): { exact: number; related: number } {
    const length = (slot: number) => this.slotHolders[slot] as number;
    let exact = 0;
    let related = 0;
    for (const skill of role.skills) {
      const slot = this.slotOf.get(skill.uri);
      if (slot !== undefined) exact += length(slot);
      for (const other of this.related(skill.uri).slots) related += length(other);
    }
    return { exact, related };
  }

  /**
   * Pruned scoring, for roles whose related concepts hold far more people than their own skills
   * (most roles: a group's common skills are someone's siblings). Scores the eligible candidates
   * who hold a role skill itself (related credit for the other skills included); of everyone
   * else, records for each role skill who holds a related concept (`relatedBits`), without
   * scoring them. Those people's score is the related credit of the skills whose bits they have
   * plus fit points, so `expandPruned` can find and score exactly the few who might still rank.
   * Returns the eligible count.
   */
  private accumulatePruned(role: RoleRequirements): number {
    const { score, touched, passBits, touchedBits, seenBits, postingOrdinals, postingPacked, postingStarts } = this;
    let count = 0;
    for (const skill of role.skills) {
      const slot = this.slotOf.get(skill.uri);
      if (slot === undefined) continue;
      const denseBits = this.dense[slot];
      if (denseBits) {
        count = this.exactDense(denseBits, skill, count);
        continue;
      }
      const verified = skillPoints(skill, "verified");
      const declared = skillPoints(skill, "declared");
      const below = skillPoints(skill, "belowLevel");
      const minLevel = skill.minLevel;
      const end = postingStarts[slot + 1] as number;
      for (let i = postingStarts[slot] as number; i < end; i++) {
        const ordinal = postingOrdinals[i] as number;
        const word = ordinal >> 5;
        const bit = 1 << (ordinal & 31);
        if (((passBits[word] as number) & bit) === 0) continue;
        const bits = postingPacked[i] as number;
        const points = bits & VERIFIED ? verified : (bits & LEVEL_MASK) >= minLevel ? declared : below;
        if (((touchedBits[word] as number) & bit) === 0) {
          touchedBits[word] = (touchedBits[word] as number) | bit;
          touched[count++] = ordinal;
          score[ordinal] = this.fitPoints(ordinal) + points;
        } else score[ordinal] = (score[ordinal] as number) + points;
      }
    }
    this.exactCount = count;
    this.scored = count;

    const words = passBits.length;
    // Per role skill with related concepts, who holds one, or the skill itself: its own holders
    // are scored already, so `set` only has to be exact for everyone else.
    const sets: Int32Array[] = [];
    const points: number[] = [];
    let scratchUsed = 0;
    for (const skill of role.skills) {
      const { slots, unions, rest } = this.related(skill.uri);
      if (slots.length === 0) continue;
      let set = unions[0];
      if (set === undefined || unions.length > 1 || rest.length > 0) {
        if (this.relatedBits.length === scratchUsed) this.relatedBits.push(new Int32Array(words));
        const scratch = this.relatedBits[scratchUsed++] as Int32Array;
        if (set === undefined) scratch.fill(0);
        else scratch.set(set);
        for (let u = 1; u < unions.length; u++) {
          const union = unions[u] as Int32Array;
          for (let word = 0; word < words; word++) scratch[word] = (scratch[word] as number) | (union[word] as number);
        }
        for (let r = 0; r < rest.length; r++) this.markHolders(scratch, rest[r] as number);
        set = scratch;
      }
      sets.push(set);
      const credit = skillPoints(skill, "related");
      points.push(credit);
      // Related credit for the scored, unless they hold this skill itself.
      seenBits.fill(0);
      const slot = this.slotOf.get(skill.uri);
      if (slot !== undefined) this.markHolders(seenBits, slot);
      for (let i = 0; i < count; i++) {
        const ordinal = touched[i] as number;
        if (((set[ordinal >> 5] as number) & ~(seenBits[ordinal >> 5] as number) & (1 << (ordinal & 31))) !== 0) score[ordinal] = (score[ordinal] as number) + credit;
      }
    }
    this.roleSets = sets;
    this.roleSetPoints = points;

    let eligible = 0;
    for (let word = 0; word < words; word++) {
      let any = touchedBits[word] as number;
      for (let k = 0; k < sets.length; k++) any |= (sets[k] as Int32Array)[word] as number;
      eligible += popcount(any & (passBits[word] as number));
    }
    return eligible;
  }

  /**
   * Scores, of the eligible who hold no role skill itself, everyone who might rank among the
   * `window` best: with the window's lowest score T among those already scored, someone in fewer
   * than t of the related sets scores at most the t - 1 largest related credits plus the best fit,
   * below T. Returns true when that left nobody out (everyone eligible is scored).
   */
  private expandPruned(window: number): boolean {
    const { score, touched, passBits, touchedBits, roleSets: sets, roleSetPoints } = this;
    const top = this.exactCount >= window ? this.topOrdinals(this.exactCount, window) : null;
    const threshold = top ? this.lowestScore(top) : -Infinity;
    const largest = [...roleSetPoints].sort((a, b) => b - a);
    let least = 0;
    let credit = 0;
    while (least < largest.length && credit + this.maxFit < threshold) credit += largest[least++] as number;
    if (credit + this.maxFit < threshold) return false; // nobody else can reach the window
    // Counting to four in registers is about twice as fast as counting to `least` in an array;
    // past four, everyone in four or more sets is scored (more than needed, still exact).
    least = Math.min(4, Math.max(1, least));
    for (let word = 0; word < passBits.length; word++) {
      const open = (passBits[word] as number) & ~(touchedBits[word] as number);
      if (open === 0) continue;
      // inJ: in at least J of the sets (bit-sliced, 32 candidates at a time).
      let in1 = 0;
      let in2 = 0;
      let in3 = 0;
      let in4 = 0;
      for (let k = 0; k < sets.length; k++) {
        const bits = ((sets[k] as Int32Array)[word] as number) & open;
        in4 |= in3 & bits;
        in3 |= in2 & bits;
        in2 |= in1 & bits;
        in1 |= bits;
      }
      let found = least === 1 ? in1 : least === 2 ? in2 : least === 3 ? in3 : in4;
      if (found === 0) continue;
      touchedBits[word] = (touchedBits[word] as number) | found;
      for (; found !== 0; found &= found - 1) {
        const bit = found & -found;
        const ordinal = (word << 5) | (31 - Math.clz32(bit));
        let total = this.fitPoints(ordinal);
        for (let k = 0; k < sets.length; k++) if (((sets[k] as Int32Array)[word] as number) & bit) total += roleSetPoints[k] as number;
        score[ordinal] = total;
        touched[this.scored++] = ordinal;
      }
    }
    return least === 1;
  }

  /** Clears what the accumulation left in the scratch arrays. */
  private resetScratch(): void {
    const { score, touched } = this;
    for (let i = 0; i < this.scored; i++) score[touched[i] as number] = 0;
    this.scored = 0;
    this.touchedBits.fill(0);
  }

  /** Scores the role's candidates, pruned when that pays; returns whether pruned and the eligible count. */
  private collect(role: RoleRequirements): { pruned: boolean; eligible: number } {
    const { exact, related } = this.postingCounts(role);
    if (exact * 4 <= related) return { pruned: true, eligible: this.accumulatePruned(role) };
    this.scored = this.accumulateSkills(role);
    return { pruned: false, eligible: this.scored };
  }

  /** The role's slate from the whole pool: the same entries as `rankCandidates` would give. */
  query(role: RoleRequirements, options: SlateOptions): SlateResult {
    this.computePass(role, options.now);
    const { pruned, eligible: builtEligible } = this.collect(role);
    try {
      const overlayRanked: Ranked[] = [];
      for (const candidate of this.overlay.values()) {
        const evaluation = evaluateCandidate(role, candidate, this.taxonomy, options.now);
        if (evaluation.eligible) overlayRanked.push({ candidateId: candidate.id, score: evaluation.score, groups: balanceGroups(candidate) });
      }
      const eligible = builtEligible + overlayRanked.length;
      // Rank only the best few: enough for the slate, more when balance holds people back.
      for (let window = Math.max(1, options.size) * 4; ; window *= 4) {
        const complete = pruned ? this.expandPruned(window) : true;
        const top = this.topOrdinals(this.scored, window);
        const ranked = [...Array.from(top, (ordinal) => this.ranked(ordinal)), ...overlayRanked].sort(compareRanked);
        const { entries, heldBack } = fillSlate(ranked, options.size, options.balanceShare);
        if (entries.length >= options.size || (complete && top.length === this.scored)) {
          return { entries: entries.map(({ candidateId, score: points }) => ({ candidateId, score: points })), eligible, heldBackForBalance: heldBack };
        }
      }
    } finally {
      this.resetScratch();
    }
  }

  private lowestScore(ordinals: Int32Array): number {
    let lowest = Infinity;
    for (const ordinal of ordinals) lowest = Math.min(lowest, this.score[ordinal] as number);
    return lowest;
  }

  private ranked(ordinal: number): Ranked {
    return {
      candidateId: this.ids.get(ordinal),
      score: this.score[ordinal] as number,
      groups: [this.ngos.values[this.ngo[ordinal] as number] ?? null, this.countries.values[this.origin[ordinal] as number] ?? null],
    };
  }

  /** Ordinals of the `limit` best touched candidates (higher score, then lower ordinal = lower id), by a bounded min-heap. */
  private topOrdinals(count: number, limit: number): Int32Array {
    const { score, touched } = this;
    if (count <= limit) return touched.slice(0, count);
    // "worse" in heap order: lower score, or equal score and larger ordinal.
    const worse = (a: number, b: number) => (score[a] as number) < (score[b] as number) || ((score[a] as number) === (score[b] as number) && a > b);
    const heap = new Int32Array(limit);
    let size = 0;
    for (let i = 0; i < count; i++) {
      const ordinal = touched[i] as number;
      if (size < limit) {
        let child = size++;
        while (child > 0) {
          const parent = (child - 1) >> 1;
          if (!worse(ordinal, heap[parent] as number)) break;
          heap[child] = heap[parent] as number;
          child = parent;
        }
        heap[child] = ordinal;
        continue;
      }
      const root = heap[0] as number;
      if ((score[ordinal] as number) < (score[root] as number) || !worse(root, ordinal)) continue;
      // Replace the root and sift down.
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= limit) break;
        const right = left + 1;
        const smaller = right < limit && worse(heap[right] as number, heap[left] as number) ? right : left;
        if (!worse(heap[smaller] as number, ordinal)) break;
        heap[at] = heap[smaller] as number;
        at = smaller;
      }
      heap[at] = ordinal;
    }
    return heap;
  }
}
