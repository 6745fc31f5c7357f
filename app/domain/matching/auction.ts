// Maximum-weight b-matching on the sparse edge set by an auction (Bertsekas): candidates bid for
// coaches, coaches with room that are priced too high bid back for candidates ("reverse"), and the
// bid increment ε shrinks phase by phase ("ε-scaling").
//
// Weights: a pair is worth W = scale × (M + score), M larger than any total score, so one more
// assignment outweighs every score difference: the optimum has maximum cardinality first, then
// maximum total score. Staying unassigned is worth 0.
//
// Prices: each coach has one price p_j. A full coach's price is the lowest bid among its holders;
// a coach with room keeps the price it had ("reserve") until the reverse step lowers it. A
// candidate's value is W − p of its coach, or 0 unassigned.
//
// At the end of every phase (ε-complementary slackness):
//   (a) every assigned candidate's value is within ε of its best option (any coach, or 0),
//   (b) every unassigned candidate's best option is worth at most ε,
//   (c) every coach with room has price 0.
// Then the LP dual Σ b_j p_j + Σ_i max(0, max_j (W_ij − p_j)) exceeds the assignment's weight by
// exactly the slack Σ_i (best option − value), at most n·ε. Weights are multiples of scale = n + 1,
// so a slack below scale (reached at the latest in the phase with ε = 1) proves the assignment
// exactly optimal on this edge set; solving stops once the slack is below the caller's bound.
// assign.ts extends the same check to every eligible pair.
//
// All quantities are integers below 2^53, so double arithmetic is exact.
import type { EdgeSet } from "./edges";

/** ε shrinks by this factor per phase. */
export const EPSILON_FACTOR = 8;

/**
 * A phase with more bids than this per candidate is taken for a price war (prices that must rise
 * by about M, by ε at a time): it goes on with ε = M / EPSILON_FACTOR.
 */
const PRICE_WAR_BIDS = 8;

export interface AuctionStats {
  phases: number;
  bids: number;
  reverseBids: number;
}

export class Auction {
  readonly scale: number;
  /** Per candidate: its coach, or -1; and that pair's score. */
  readonly ownCoach: Int32Array;
  readonly ownScore: Int32Array;
  /** Per coach: price in scaled units (0 for coaches with room after `solve`). */
  readonly price: Float64Array;
  readonly load: Int32Array;
  private readonly base: number;
  private readonly ownSlot: Int32Array;
  private edges: EdgeSet | null = null;
  private slotStart = new Int32Array(0);
  private slotHolder = new Int32Array(0);
  private slotBid = new Float64Array(0);
  private adjacencyStart = new Int32Array(0);
  private adjacencyCandidate = new Int32Array(0);
  private adjacencyScore = new Int32Array(0);
  private queue: Int32Array;
  private queueHead = 0;
  private queueSize = 0;
  private readonly stats: AuctionStats = { phases: 0, bids: 0, reverseBids: 0 };
  /** ε of the last phase run. */
  epsilon = 0;

  /**
   * @param capacity slots per coach (edges to a coach with none are never used)
   * @param bigM larger than the largest total score any assignment can reach
   */
  constructor(
    readonly candidateCount: number,
    readonly capacity: Int32Array,
    readonly bigM: number,
  ) {
    this.scale = candidateCount + 1;
    this.base = this.scale * bigM;
    if (!Number.isSafeInteger(this.scale * (bigM + bigM) * 2)) throw new RangeError("pool too large for exact matching arithmetic");
    const m = capacity.length;
    this.ownCoach = new Int32Array(candidateCount).fill(-1);
    this.ownScore = new Int32Array(candidateCount);
    this.ownSlot = new Int32Array(candidateCount).fill(-1);
    this.price = new Float64Array(m);
    this.load = new Int32Array(m);
    // A coach without a slot is priced out of every bid.
    capacity.forEach((slots, j) => (this.price[j] = slots > 0 ? 0 : Infinity));
    this.queue = new Int32Array(Math.max(1, candidateCount));
  }

  /** Scaled weight of a pair with this score. */
  weight(score: number): number {
    return this.base + this.scale * score;
  }

  /** Candidate i's value at current prices: W − p of its coach, 0 when unassigned. */
  value(i: number): number {
    const j = this.ownCoach[i]!;
    return j < 0 ? 0 : this.base + this.scale * this.ownScore[i]! - this.price[j]!;
  }

  /** Sets coach j's price (its holders' values follow). */
  setPrice(j: number, price: number): void {
    this.price[j] = price;
  }

  /**
   * Solves on `edges` (which must contain every edge of earlier calls, in any order), until the
   * slack is below `enoughSlack` (scaled; `scale` or less means exactly optimal) or, before that,
   * a phase with ε at most `lastEpsilon` has run. Current prices and assignments are the starting
   * point.
   */
  solve(edges: EdgeSet, firstEpsilon: number, enoughSlack: number, lastEpsilon = 1): AuctionStats {
    this.setEdges(edges);
    for (let epsilon = Math.max(1, Math.floor(firstEpsilon)); ; epsilon = Math.max(1, Math.floor(epsilon / EPSILON_FACTOR))) {
      this.stats.phases++;
      this.releaseViolators(epsilon);
      epsilon = this.forward(epsilon);
      this.reverse(epsilon);
      this.epsilon = epsilon;
      // Counting the slack costs a pass over the edges: only once ε is below the target.
      if (epsilon <= Math.max(1, lastEpsilon) || (epsilon < enoughSlack && this.slack() < enoughSlack)) break;
    }
    return { ...this.stats };
  }

  /**
   * Σ over candidates of (best option on the edges, staying unassigned at 0 included, − value):
   * how far the LP dual bound at these prices is above the assignment's weight.
   */
  slack(): number {
    const { start, coach, score } = this.edges!;
    const { price, base, scale } = this;
    let slack = 0;
    for (let i = 0; i < this.candidateCount; i++) {
      const value = this.value(i);
      let best = Math.max(0, value);
      for (let e = start[i]!, end = start[i + 1]!; e < end; e++) best = Math.max(best, base + scale * score[e]! - price[coach[e]!]!);
      slack += best - value;
    }
    return slack;
  }

  /** ε for a solve from scratch: an eighth of the largest weight. */
  coldEpsilon(maxScore: number): number {
    return Math.floor(this.weight(maxScore) / EPSILON_FACTOR);
  }

  /** ε for a solve whose prices are already right on the scale of M: an eighth of the largest score. */
  scoreEpsilon(maxScore: number): number {
    return Math.floor((this.scale * maxScore) / EPSILON_FACTOR);
  }

  /** Indexes the edges: coach → candidates (for reverse bids) and slots sized by who could come. */
  private setEdges(edges: EdgeSet): void {
    this.edges = edges;
    const m = this.capacity.length;
    const n = this.candidateCount;
    const { start, coach, score } = edges;
    const degree = new Int32Array(m + 1);
    for (let e = 0; e < coach.length; e++) degree[coach[e]! + 1]!++;
    const slotStart = new Int32Array(m + 1);
    for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j]! + Math.min(this.capacity[j]!, degree[j + 1]!);
    for (let j = 0; j < m; j++) degree[j + 1]! += degree[j]!;
    const adjacencyStart = degree;
    const fill = adjacencyStart.slice(0, m);
    const adjacencyCandidate = new Int32Array(coach.length);
    const adjacencyScore = new Int32Array(coach.length);
    for (let i = 0; i < n; i++) {
      for (let e = start[i]!; e < start[i + 1]!; e++) {
        const at = fill[coach[e]!]!++;
        adjacencyCandidate[at] = i;
        adjacencyScore[at] = score[e]!;
      }
    }
    // Holders keep their bids; slots move to the new layout (a coach never has fewer).
    const slotHolder = new Int32Array(slotStart[m]!);
    const slotBid = new Float64Array(slotStart[m]!);
    for (let j = 0; j < m; j++) {
      for (let k = 0; k < this.load[j]!; k++) {
        const from = this.slotStart[j]! + k;
        const to = slotStart[j]! + k;
        slotHolder[to] = this.slotHolder[from]!;
        slotBid[to] = this.slotBid[from]!;
        this.ownSlot[slotHolder[to]!] = to;
      }
    }
    this.slotStart = slotStart;
    this.slotHolder = slotHolder;
    this.slotBid = slotBid;
    this.adjacencyStart = adjacencyStart;
    this.adjacencyCandidate = adjacencyCandidate;
    this.adjacencyScore = adjacencyScore;
  }

  private enqueue(i: number): void {
    const n = this.queue.length;
    this.queue[(this.queueHead + this.queueSize) % n] = i;
    this.queueSize++;
  }

  /** Takes candidate i out of its coach; the coach keeps its price (a reserve, until reverse). */
  private leave(i: number): void {
    const j = this.ownCoach[i]!;
    const slot = this.ownSlot[i]!;
    const last = this.slotStart[j]! + --this.load[j]!;
    const moved = this.slotHolder[last]!;
    this.slotHolder[slot] = moved;
    this.slotBid[slot] = this.slotBid[last]!;
    this.ownSlot[moved] = slot;
    this.ownCoach[i] = -1;
    this.ownSlot[i] = -1;
  }

  /** Puts candidate i in a new slot of coach j. */
  private join(i: number, j: number, score: number, bid: number): void {
    this.occupy(i, j, this.slotStart[j]! + this.load[j]!++, score, bid);
  }

  /** Puts candidate i in `slot` of coach j (a new slot, or one just taken from its holder). */
  private occupy(i: number, j: number, slot: number, score: number, bid: number): void {
    this.slotHolder[slot] = i;
    this.slotBid[slot] = bid;
    this.ownCoach[i] = j;
    this.ownScore[i] = score;
    this.ownSlot[i] = slot;
  }

  private lowestBidSlot(j: number): number {
    const from = this.slotStart[j]!;
    let lowest = from;
    for (let s = from + 1; s < from + this.load[j]!; s++) if (this.slotBid[s]! < this.slotBid[lowest]!) lowest = s;
    return lowest;
  }

  /**
   * Starts a phase: everyone not within ε of their best option bids again. Everyone else stays,
   * with their bid lowered to what they would bid now (never below the price, as they are within
   * ε): the coach's price may rise up to their bid, and a bid from a phase with a larger ε would
   * let their value fall more than ε below their best option.
   */
  private releaseViolators(epsilon: number): void {
    const { start, coach, score } = this.edges!;
    const { price, ownCoach, base, scale } = this;
    for (let i = 0; i < this.candidateCount; i++) {
      if (start[i] === start[i + 1]) continue;
      const own = ownCoach[i]!;
      let best = 0;
      for (let e = start[i]!, end = start[i + 1]!; e < end; e++) {
        const j = coach[e]!;
        if (j !== own) best = Math.max(best, base + scale * score[e]! - price[j]!);
      }
      if (this.value(i) >= best - epsilon) {
        if (own >= 0) {
          const slot = this.ownSlot[i]!;
          this.slotBid[slot] = Math.min(this.slotBid[slot]!, this.weight(this.ownScore[i]!) - best + epsilon);
        }
        continue;
      }
      if (own >= 0) this.leave(i);
      this.enqueue(i);
    }
  }

  /**
   * Candidates bid until each holds a coach or has no option worth more than 0. Returns the ε the
   * phase ended with (larger after a price war).
   */
  private forward(epsilon: number): number {
    const { start, coach, score } = this.edges!;
    const { price, capacity, load, queue, base, scale, ownCoach, ownSlot, slotHolder, slotBid } = this;
    const size = queue.length;
    let bidsLeft = PRICE_WAR_BIDS * size;
    while (this.queueSize > 0) {
      const i = queue[this.queueHead]!;
      if (++this.queueHead === size) this.queueHead = 0;
      this.queueSize--;
      if (--bidsLeft === 0) epsilon = Math.max(epsilon, Math.floor(base / EPSILON_FACTOR));
      let first = -Infinity;
      let second = 0; // staying unassigned
      let chosen = -1;
      for (let e = start[i]!, end = start[i + 1]!; e < end; e++) {
        const value = base + scale * score[e]! - price[coach[e]!]!;
        if (value > first) {
          second = first > second ? first : second;
          first = value;
          chosen = e;
        } else if (value > second) second = value;
      }
      if (first <= 0) continue;
      const j = coach[chosen]!;
      const bid = base + scale * score[chosen]! - second + epsilon;
      if (load[j] === capacity[j]) {
        // i takes the slot of the lowest bid.
        const slot = this.lowestBidSlot(j);
        const displaced = slotHolder[slot]!;
        ownCoach[displaced] = -1;
        ownSlot[displaced] = -1;
        this.enqueue(displaced);
        this.occupy(i, j, slot, score[chosen]!, bid);
      } else this.join(i, j, score[chosen]!, bid);
      if (load[j] === capacity[j]) price[j] = slotBid[this.lowestBidSlot(j)]!;
    }
    this.stats.bids += PRICE_WAR_BIDS * size - bidsLeft;
    return epsilon;
  }

  /**
   * Every coach with room and a price above 0 takes the candidates who gain most by coming (each
   * gains at least ε) and lowers its price so that nobody else would gain more than ε — to 0 if it
   * still has room. Those who came leave room elsewhere, which is handled the same way.
   */
  private reverse(epsilon: number): void {
    const { price, capacity, load, ownCoach, ownScore, adjacencyStart, adjacencyCandidate, adjacencyScore, base, scale } = this;
    const pending: number[] = [];
    let most = 0;
    for (let j = 0; j < capacity.length; j++) {
      most = Math.max(most, capacity[j]!);
      if (load[j]! < capacity[j]! && price[j]! > 0) pending.push(j);
    }
    // The room + 1 largest gains W − value among candidates not at j, largest first.
    const takeCandidate = new Int32Array(most + 1);
    const takeGain = new Float64Array(most + 1);
    const takeScore = new Int32Array(most + 1);
    while (pending.length > 0) {
      const j = pending.pop()!;
      if (load[j]! >= capacity[j]! || price[j] === 0) continue;
      this.stats.reverseBids++;
      const room = capacity[j]! - load[j]!;
      let kept = 0;
      for (let a = adjacencyStart[j]!, end = adjacencyStart[j + 1]!; a < end; a++) {
        const i = adjacencyCandidate[a]!;
        const own = ownCoach[i]!;
        if (own === j) continue;
        // W − value, value being W − price of its own coach, or 0 unassigned.
        const gain = own < 0 ? base + scale * adjacencyScore[a]! : scale * (adjacencyScore[a]! - ownScore[i]!) + price[own]!;
        if (kept > room && gain <= takeGain[room]!) continue;
        let at = kept > room ? room : kept++;
        for (; at > 0 && takeGain[at - 1]! < gain; at--) {
          takeCandidate[at] = takeCandidate[at - 1]!;
          takeGain[at] = takeGain[at - 1]!;
          takeScore[at] = takeScore[at - 1]!;
        }
        takeCandidate[at] = i;
        takeGain[at] = gain;
        takeScore[at] = adjacencyScore[a]!;
      }
      let taken = 0;
      while (taken < Math.min(room, kept) && takeGain[taken]! > epsilon) taken++;
      const newPrice = taken < kept ? Math.max(0, takeGain[taken]! - epsilon) : 0;
      this.setPrice(j, newPrice);
      for (let k = 0; k < taken; k++) {
        const i = takeCandidate[k]!;
        const from = ownCoach[i]!;
        if (from >= 0) {
          this.leave(i);
          if (price[from]! > 0) pending.push(from);
        }
        this.join(i, j, takeScore[k]!, newPrice);
      }
    }
  }
}
