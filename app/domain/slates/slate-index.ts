// An in-memory index of every candidate's skills, so that a slate ranks the whole pool without a
// query per candidate. Scores are exactly those of score.ts (slate-index.test.ts proves it on
// random pools).
//
// Layout: candidates are numbered (ordinals) in id order, so comparing ordinals breaks score ties
// the way `compareRanked` does; the ids themselves sit sorted in one flat character array
// (id-table.ts), found by binary search. Each skill has a posting list of ordinals (ascending)
// with one byte beside each (self-rated level in the low bits, "proven by a badge" in the high
// bit), all lists in one pair of arrays; the hard-filter fields sit in typed arrays by ordinal.
//
// A query first computes which candidates pass the role's hard filters, as a bitset, in one pass
// over those arrays; then it adds up skill points posting list by posting list, skipping anyone who
// failed the filters (most of the pool for common skills), so only eligible candidates are scored
// and ranked; a bounded heap picks the best few.
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
const MINUTE_MS = 60_000;
/** Interest minutes are clamped to ±2^29, so that differences stay within 32 bits. */
const MINUTE_LIMIT = 2 ** 29;
const interestMinute = (ms: number) => Math.max(-MINUTE_LIMIT, Math.min(MINUTE_LIMIT, Math.floor(ms / MINUTE_MS)));

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

/** Language levels, 4 bits per candidate (CEFR rank + 1; 0: does not speak it). */
const nibble = (levels: Uint8Array, ordinal: number) => ((levels[ordinal >> 1] as number) >> ((ordinal & 1) << 2)) & 15;

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
  /** The same in whole minutes, clamped: compared first, the exact value only on a tie. */
  private interestMinutes: Int32Array;
  /** Bitset by ordinal: the built data no longer counts (changed or removed since the build). */
  private retiredBits = new Int32Array(0);
  private origin: Uint16Array | Uint32Array;
  private ngo: Uint16Array | Uint32Array;
  private readonly offsets = new Dictionary<number>();
  private readonly countries = new Dictionary<string>();
  private readonly ngos = new Dictionary<string>();
  /** Per language, 4 bits per ordinal: CEFR rank + 1 (0: does not speak it). */
  private readonly languageLevels = new Map<string, Uint8Array>();
  /** Posting lists, one after another: skill slot s holds entries [starts[s], starts[s + 1]). */
  private readonly slotOf = new Map<string, number>();
  private postingOrdinals = new Int32Array(0);
  private postingPacked = new Uint8Array(0);
  private postingStarts = new Int32Array(1);
  /** Per role skill uri, the slots of its related concepts (the taxonomy never changes). */
  private readonly relatedSlots = new Map<string, Int32Array>();
  private readonly overlay = new Map<string, SlateCandidate>();
  private aliveCount = 0;
  // Query scratch: skill points (+ fit points) by ordinal, the eligible candidates touched, and
  // bitsets by ordinal: passes the hard filters, touched, credited for the current role skill.
  private score = new Int32Array(0);
  private touched = new Int32Array(0);
  private passBits = new Int32Array(0);
  private touchedBits = new Int32Array(0);
  private seenBits = new Int32Array(0);
  // Per query: fit points by offset class, and the role's language arrays and minimum levels.
  private comboFit = new Int32Array(0);
  private roleLanguages: Uint8Array[] = [];
  private roleLanguageMins: number[] = [];

  private constructor(
    private readonly taxonomy: SlateTaxonomy,
    size: number,
  ) {
    this.combo = new Uint16Array(size);
    this.interest = new Float64Array(size);
    this.interestMinutes = new Int32Array(size);
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
      postings: sum([this.postingOrdinals, this.postingPacked, this.postingStarts]),
      fields: sum([this.combo, this.interest, this.interestMinutes, this.retiredBits, this.origin, this.ngo]),
      languages: sum([...this.languageLevels.values()]),
      ids: this.ids.byteLength,
      scratch: sum([this.score, this.touched, this.passBits, this.touchedBits, this.seenBits, ...(this.noLanguageLevels ? [this.noLanguageLevels] : [])]),
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
    this.interestMinutes[ordinal] = interestMinute(interest);
    const origin = this.countries.idOf(candidate.countryOfOrigin);
    const ngo = this.ngos.idOf(candidate.referringOrganisationId);
    this.origin = widened(this.origin, origin);
    this.ngo = widened(this.ngo, ngo);
    this.origin[ordinal] = origin;
    this.ngo[ordinal] = ngo;
    for (const { code, level } of candidate.languages) {
      let levels = this.languageLevels.get(code);
      if (!levels) this.languageLevels.set(code, (levels = new Uint8Array((this.combo.length + 1) >> 1)));
      const rank = CEFR_LEVELS.indexOf(level) + 1;
      if (rank > nibble(levels, ordinal)) {
        const shift = (ordinal & 1) << 2;
        levels[ordinal >> 1] = ((levels[ordinal >> 1] as number) & ~(15 << shift)) | (rank << shift);
      }
    }
    return ordinal;
  }

  private grow(size: number) {
    this.combo = resized(this.combo, size);
    this.interest = resized(this.interest, size);
    this.interestMinutes = resized(this.interestMinutes, size);
    this.origin = resized(this.origin, size);
    this.ngo = resized(this.ngo, size);
    for (const [code, levels] of this.languageLevels) this.languageLevels.set(code, resized(levels, (size + 1) >> 1));
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
      this.interestMinutes = permuted(this.interestMinutes, order);
      this.origin = permuted(this.origin, order);
      this.ngo = permuted(this.ngo, order);
      for (const [code, levels] of this.languageLevels) {
        const copy = new Uint8Array(levels.length);
        for (let k = 0; k < n; k++) copy[k >> 1] = (copy[k >> 1] as number) | (nibble(levels, order[k] as number) << ((k & 1) << 2));
        this.languageLevels.set(code, copy);
      }
      const sortedIds = Array.from(order, (k) => ids[k] as string);
      ids.length = 0;
      this.ids = IdTable.from(sortedIds);
    } else {
      this.ids = IdTable.from(ids);
      ids.length = 0;
    }

    let total = 0;
    for (const list of lists.values()) total += list.ordinals.length;
    this.postingOrdinals = new Int32Array(total);
    this.postingPacked = new Uint8Array(total);
    this.postingStarts = new Int32Array(lists.size + 1);
    let at = 0;
    let slot = 0;
    for (const [uri, list] of lists) {
      this.slotOf.set(uri, slot);
      this.postingStarts[slot] = at;
      const length = list.ordinals.length;
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
      slot++;
      lists.delete(uri);
    }
    this.postingStarts[slot] = at;

    const words = (n + 31) >> 5;
    this.score = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.passBits = new Int32Array(words);
    this.touchedBits = new Int32Array(words);
    this.seenBits = new Int32Array(words);
    this.retiredBits = new Int32Array(words);
  }

  /** Sets `passBits` for every built candidate who passes the role's hard filters; prepares the fit points. */
  private computePass(role: RoleRequirements, now: number): void {
    const { combo, interest, interestMinutes, passBits, retiredBits } = this;
    const n = this.count;
    const cutoff = interestCutoff(now);
    const cutoffMinute = interestMinute(cutoff);
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

    const languages: Uint8Array[] = [];
    const mins: number[] = [];
    for (const { code, minLevel } of role.languages) {
      const levels = this.languageLevels.get(code);
      if (!levels) {
        // Nobody speaks it.
        passBits.fill(0);
        this.roleLanguages = [];
        this.roleLanguageMins = [];
        return;
      }
      languages.push(levels);
      mins.push(CEFR_LEVELS.indexOf(minLevel) + 1);
    }
    this.roleLanguages = languages;
    this.roleLanguageMins = mins;
    // The first language is checked in the loop by a table of the 16 possible levels.
    const first = languages[0] ?? this.noLanguages();
    const firstPasses = new Uint8Array(16).map((_, level) => (level >= (mins[0] ?? 0) ? 1 : 0));
    const more = languages.length > 1;
    for (let word = 0, base = 0; base < n; word++, base += 32) {
      let bits = 0;
      const end = Math.min(n, base + 32);
      for (let ordinal = base; ordinal < end; ordinal++) {
        // Branch-free but for an interest in the cutoff's very minute: (-d) >>> 31 is 1 when d > 0.
        const minutes = (interestMinutes[ordinal] as number) - cutoffMinute;
        let passes = (comboPasses[combo[ordinal] as number] as number) & (firstPasses[((first[ordinal >> 1] as number) >> ((ordinal & 1) << 2)) & 15] as number) & (-minutes >>> 31);
        if (minutes === 0 && (interest[ordinal] as number) >= cutoff) passes = (comboPasses[combo[ordinal] as number] as number) & (firstPasses[nibble(first, ordinal)] as number);
        bits |= passes << (ordinal - base);
      }
      passBits[word] = bits & ~(retiredBits[word] as number);
    }
    if (more) {
      for (let word = 0; word < passBits.length; word++) {
        let bits = passBits[word] as number;
        for (let rest = bits; rest !== 0; rest &= rest - 1) {
          const bit = rest & -rest;
          if (!this.speaksAll((word << 5) | (31 - Math.clz32(bit)))) bits &= ~bit;
        }
        passBits[word] = bits;
      }
    }
  }

  /** Zero levels for every ordinal: the first-language table when the role asks for none. */
  private noLanguageLevels: Uint8Array | null = null;
  private noLanguages(): Uint8Array {
    return (this.noLanguageLevels ??= new Uint8Array((this.count + 1) >> 1));
  }

  private speaksAll(ordinal: number): boolean {
    const { roleLanguages, roleLanguageMins } = this;
    for (let k = 0; k < roleLanguages.length; k++) if (nibble(roleLanguages[k] as Uint8Array, ordinal) < (roleLanguageMins[k] as number)) return false;
    return true;
  }

  /** Fit points of an eligible built candidate (language levels above the minimum, overlap, hours known, coach). */
  private fitPoints(ordinal: number): number {
    let points = this.comboFit[this.combo[ordinal] as number] as number;
    const { roleLanguages, roleLanguageMins } = this;
    for (let k = 0; k < roleLanguages.length; k++) {
      points += Math.min(FIT_POINTS.languageLevelsCounted, nibble(roleLanguages[k] as Uint8Array, ordinal) - (roleLanguageMins[k] as number)) * FIT_POINTS.perLanguageLevelAbove;
    }
    return points;
  }

  private slotsRelatedTo(uri: string): Int32Array {
    let slots = this.relatedSlots.get(uri);
    if (!slots) {
      const found: number[] = [];
      for (const related of relatedConcepts(uri, this.taxonomy)) {
        const slot = this.slotOf.get(related);
        if (slot !== undefined) found.push(slot);
      }
      this.relatedSlots.set(uri, (slots = Int32Array.from(found)));
    }
    return slots;
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
      const related = this.slotsRelatedTo(skill.uri);
      if (related.length > 0) seenBits.fill(0);
      const slot = this.slotOf.get(skill.uri);
      if (slot !== undefined) {
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
          seenBits[word] = (seenBits[word] as number) | bit;
          const bits = postingPacked[i] as number;
          const points = bits & VERIFIED ? verified : (bits & LEVEL_MASK) >= minLevel ? declared : below;
          if (((touchedBits[word] as number) & bit) === 0) {
            touchedBits[word] = (touchedBits[word] as number) | bit;
            touched[count++] = ordinal;
            score[ordinal] = this.fitPoints(ordinal) + points;
          } else score[ordinal] = (score[ordinal] as number) + points;
        }
      }
      if (related.length === 0) continue;
      const points = skillPoints(skill, "related");
      for (let r = 0; r < related.length; r++) {
        const from = related[r] as number;
        const end = postingStarts[from + 1] as number;
        for (let i = postingStarts[from] as number; i < end; i++) {
          const ordinal = postingOrdinals[i] as number;
          const word = ordinal >> 5;
          const bit = 1 << (ordinal & 31);
          if (((passBits[word] as number) & ~(seenBits[word] as number) & bit) === 0) continue;
          seenBits[word] = (seenBits[word] as number) | bit;
          if (((touchedBits[word] as number) & bit) === 0) {
            touchedBits[word] = (touchedBits[word] as number) | bit;
            touched[count++] = ordinal;
            score[ordinal] = this.fitPoints(ordinal) + points;
          } else score[ordinal] = (score[ordinal] as number) + points;
        }
      }
    }
    return count;
  }

  /** Clears what `accumulateSkills` left in the scratch arrays. */
  private resetScratch(count: number): void {
    const { score, touched } = this;
    for (let i = 0; i < count; i++) score[touched[i] as number] = 0;
    this.touchedBits.fill(0);
  }

  /** The role's slate from the whole pool: the same entries as `rankCandidates` would give. */
  query(role: RoleRequirements, options: SlateOptions): SlateResult {
    this.computePass(role, options.now);
    const count = this.accumulateSkills(role);
    try {
      const overlayRanked: Ranked[] = [];
      for (const candidate of this.overlay.values()) {
        const evaluation = evaluateCandidate(role, candidate, this.taxonomy, options.now);
        if (evaluation.eligible) overlayRanked.push({ candidateId: candidate.id, score: evaluation.score, groups: balanceGroups(candidate) });
      }
      const eligible = count + overlayRanked.length;
      // Rank only the best few: enough for the slate, more when balance holds people back.
      for (let window = Math.max(1, options.size) * 4; ; window *= 4) {
        const top = this.topOrdinals(count, window);
        const ranked = [...Array.from(top, (ordinal) => this.ranked(ordinal)), ...overlayRanked].sort(compareRanked);
        const { entries, heldBack } = fillSlate(ranked, options.size, options.balanceShare);
        if (entries.length >= options.size || top.length === count) {
          return { entries: entries.map(({ candidateId, score: points }) => ({ candidateId, score: points })), eligible, heldBackForBalance: heldBack };
        }
      }
    } finally {
      this.resetScratch(count);
    }
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
