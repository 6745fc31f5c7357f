// The coach-matching engine: who gets which coach. Optimal means the most candidates assigned
// first, then the highest total score, subject to every coach's capacity and the hard rules of
// score.ts. Pure and deterministic: the same input gives the same result.
//
//   1. compile the pool into typed arrays (compile.ts);
//   2. every candidate's exact top K coaches by score become the sparse edge set (edges.ts), plus
//      alternatives for candidates whose favourites are crowded, each candidate's coach under
//      first come (and under first come from the end of the list), and edges that make
//      over-demanded coaches contested (so that the edge set allows
//      as many assignments as the pool, with the same coaches over-demanded);
//   3. solve on those edges (auction.ts), which also prices every coach;
//   4. re-pricing: for each candidate, look over the whole pool for coaches whose score − price
//      beats the candidate's current value; add the best few as edges and solve again. The same
//      pass adds up an LP dual bound over every eligible pair, so it proves how close the result
//      is to the optimum; the engine stops once that is within `gapShare` (types.ts).
// Why this design: docs/decisions/008-coach-matching-engine.md.
import { Auction, EPSILON_FACTOR, type AuctionStats } from "./auction";
import { compilePool, type CompiledPool } from "./compile";
import { appendEdges, bestCoaches, EdgeAdditions, buildTopEdges, closeCoach, createCoachSearch, createSearchOutput, setPrices, type CoachSearch, type EdgeSet } from "./edges";
import { greedyAssignment, type GreedyAssignment } from "./greedy";
import { overDemandedCoaches } from "./pricing";
import { coachProfile, evaluatePair, type CoachProfile } from "./score";
import { resolveMatchOptions, type Assignment, type MatchCandidate, type MatchCoach, type MatchOptions, type MatchOptionsInput, type MatchTotals, type MatchingResult, type Unassigned } from "./types";
import { UnassignedExplainer } from "./unassigned";

export interface OptimalAssignment {
  /** Per candidate: coach index, or -1. */
  coach: Int32Array;
  /**
   * Proven over every eligible pair: the most candidates assigned, and a total score less than
   * max(1, gapShare × its own total) below the optimum (below 1: optimal).
   */
  proven: boolean;
  /**
   * How much higher M × assigned + total score could be at best, M being larger than any total
   * score (with the most assigned, the score gap). Larger than the tolerance only when the
   * re-pricing rounds ran out.
   */
  gap: number;
  /** Re-pricing rounds that added edges, edges they added, and the final edge count. */
  rounds: number;
  addedEdges: number;
  edges: number;
  auction: AuctionStats;
  /** Wall time in milliseconds of the last search over the pool: the one that proves the bound. */
  certificateMs: number;
}

/**
 * The edges plus each candidate's coach under first come, first served with the waiting list served
 * from its end (`lastCome`), where not listed yet: a spread of candidates over every coach with a
 * slot that differs from first come's (withCover adds that one). With it, the first solve needs
 * half as many alternatives per candidate, and the auction 11–13 % fewer bids (ADR 008).
 */
function withLastCome(edges: EdgeSet, lastCome: GreedyAssignment): EdgeSet {
  const added = new EdgeAdditions();
  for (let i = 0; i < lastCome.coach.length; i++) {
    const j = lastCome.coach[i]!;
    if (j < 0) continue;
    let listed = false;
    for (let e = edges.start[i]!; e < edges.start[i + 1]! && !listed; e++) listed = edges.coach[e] === j;
    if (!listed) added.add(i, j, lastCome.score[i]!);
  }
  return appendEdges(edges, added);
}

/**
 * The edges plus, for candidates whose edges include a crowded coach, up to k more to their best
 * other coaches: where they would go if they lost out there. Crowded: over-demanded by language
 * (pricing.ts), or listed by at least twice as many candidates as it has slots.
 */
function withAlternatives(search: CoachSearch, edges: EdgeSet, overDemanded: Uint8Array, k: number): EdgeSet {
  const { pool } = search;
  const demand = new Int32Array(pool.coachCount);
  for (const j of edges.coach) demand[j]!++;
  const crowded = Uint8Array.from(demand, (listed, j) => (overDemanded[j] === 1 || listed >= 2 * pool.coachCapacity[j]! ? 1 : 0));
  setPrices(
    search,
    Float64Array.from(crowded, (isCrowded) => (isCrowded === 1 ? Infinity : 0)),
    1,
  );
  const out = createSearchOutput(k);
  const added = new EdgeAdditions();
  for (let i = 0; i < pool.candidateCount; i++) {
    const from = edges.start[i]!;
    const to = edges.start[i + 1]!;
    let any = false;
    for (let e = from; e < to && !any; e++) any = crowded[edges.coach[e]!] === 1;
    if (!any) continue;
    const found = bestCoaches(search, i, k, -1, out, { coach: edges.coach, from, to, scoreCap: Infinity });
    for (let f = 0; f < found; f++) {
      added.add(i, out.coach[f]!, out.score[f]!);
    }
  }
  return appendEdges(edges, added);
}

/**
 * Edges that give the edge set the whole pool's shape as far as the number assigned goes. Without
 * them the first solve prices coaches at about M that the pool as a whole does not (the next
 * solve then has to move those prices by M, from the cold ε):
 *
 * - each candidate's first-come coach (`firstCome`): top-K lists crowd the popular coaches and
 *   leave others with few candidates or none; first come, first served spreads candidates over
 *   every coach with a slot;
 * - over-demanded coaches (pricing.ts) that fewer than 2 × capacity candidates with nowhere else
 *   to go (every edge to an over-demanded coach) list: such candidates each add their best such
 *   coach, until it has that many. Then these coaches are contested, and priced about M, in the
 *   first solve too; otherwise candidates who could go elsewhere fill them at price 0.
 */
function withCover(search: CoachSearch, edges: EdgeSet, overDemanded: Uint8Array, firstCome: GreedyAssignment, k: number): EdgeSet {
  const { pool } = search;
  const n = pool.candidateCount;
  const added = new EdgeAdditions();
  const cornered = new Uint8Array(n);
  const contest = new Int32Array(pool.coachCount);
  for (let i = 0; i < n; i++) {
    const from = edges.start[i]!;
    const to = edges.start[i + 1]!;
    let listed = false;
    let elsewhere = false;
    for (let e = from; e < to; e++) {
      listed ||= edges.coach[e] === firstCome.coach[i];
      elsewhere ||= overDemanded[edges.coach[e]!] === 0;
    }
    if (firstCome.coach[i]! >= 0 && !listed) {
      added.add(i, firstCome.coach[i]!, firstCome.score[i]!);
    }
    if (elsewhere || from === to) continue;
    cornered[i] = 1;
    for (let e = from; e < to; e++) contest[edges.coach[e]!]!++;
  }
  const wanted = (j: number): boolean => overDemanded[j] === 1 && contest[j]! < 2 * pool.coachCapacity[j]!;
  setPrices(
    search,
    Float64Array.from(contest, (_, j) => (wanted(j) ? 0 : Infinity)),
    1,
  );
  const out = createSearchOutput(1);
  for (let i = 0; i < n; i++) {
    // With fewer than K edges, every eligible coach is an edge already.
    if (cornered[i] === 0 || edges.top[i]! < k) continue;
    if (bestCoaches(search, i, 1, -1, out, { coach: edges.coach, from: edges.start[i]!, to: edges.start[i + 1]!, scoreCap: Infinity }) === 0) continue;
    const j = out.coach[0]!;
    added.add(i, j, out.score[0]!);
    contest[j]!++;
    if (!wanted(j)) closeCoach(search, j);
  }
  return appendEdges(edges, added);
}

/**
 * Steps 3–4 above. `topEdges` must be buildTopEdges(search, options.edgesPerCandidate), and
 * `firstCome` greedyAssignment on them.
 */
export function solveOptimal(search: CoachSearch, topEdges: EdgeSet, firstCome: GreedyAssignment, options: MatchOptions): OptimalAssignment {
  const { pool } = search;
  const n = pool.candidateCount;
  const k = options.edgesPerCandidate;
  let totalBest = 0;
  let maxScore = 0;
  for (let i = 0; i < n; i++) {
    if (topEdges.top[i] === 0) continue;
    const best = topEdges.score[topEdges.start[i]!]!;
    totalBest += best;
    maxScore = Math.max(maxScore, best);
  }
  const overDemanded = overDemandedCoaches(pool);
  const lastCome = greedyAssignment(search, topEdges, k, true);
  let edges = withCover(search, withAlternatives(search, withLastCome(topEdges, lastCome), overDemanded, Math.ceil(k / 2)), overDemanded, firstCome, k);
  // Any M above the largest total score puts cardinality first; this one also exceeds the largest
  // gap ever tolerated, so a result within it always has the most candidates assigned.
  const auction = new Auction(n, pool.coachCapacity, totalBest + Math.ceil(options.gapShare * totalBest) + 2);
  // The dual bound's excess (in scaled units) that proves a result with this total score good
  // enough: gapShare of that total, at least one point. With the most candidates assigned, the
  // result's total is at most the optimum's, so the gap is within gapShare of the optimum too.
  const enoughSlackFor = (totalScore: number): number => auction.scale * Math.max(1, options.gapShare * totalScore);
  // Before the first solve, the first-come total stands in for the result's.
  let enoughSlack = enoughSlackFor(firstCome.totals.totalScore);
  // Values W − p = base + scale × score − p: the search's values leave out the base.
  const base = auction.weight(0);
  // Over-demanded coaches start at M: only a candidate with nowhere else to go still wants them.
  for (let j = 0; j < pool.coachCount; j++) if (overDemanded[j] === 1) auction.setPrice(j, base);
  // A solve that another re-pricing round (`nextRound`) may follow stops after three phases even if
  // its slack is above the target: the edges that round adds move prices by about the gains it
  // finds, and the next solve starts from half of those, so finer phases would mostly be undone
  // (bench: 11 % fewer bids, a quarter fewer reverse bids, same rounds).
  const lastEpsilon = (firstEpsilon: number, nextRound: number): number => (nextRound < options.repricingRounds ? firstEpsilon / EPSILON_FACTOR ** 2 : 1);
  // With those edges and prices, no price should have to move by about M: ε starts on the scale
  // of the scores (if one has to after all, the auction notices the price war and raises ε).
  let firstEpsilon = auction.scoreEpsilon(maxScore);
  let stats = auction.solve(edges, firstEpsilon, enoughSlack, lastEpsilon(firstEpsilon, 0));
  const out = createSearchOutput(options.repricingEdgesPerCandidate);
  let rounds = 0;
  let addedEdges = 0;
  for (let round = 0; ; round++) {
    const searchStarted = performance.now();
    setPrices(search, auction.price, auction.scale);
    // slack = Σ over candidates of (best option's value − own value), best over the whole pool:
    // exactly how far the dual bound is above the result. Below scale (one score point) proves
    // the result optimal, since totals are whole points.
    let slack = 0;
    let totalScore = 0;
    let largestGain = 0;
    const added = new EdgeAdditions();
    for (let i = 0; i < n; i++) {
      const from = edges.start[i]!;
      const to = edges.start[i + 1]!;
      const value = auction.value(i);
      if (auction.ownCoach[i]! >= 0) totalScore += auction.ownScore[i]!;
      // Staying unassigned (worth 0) is an option too.
      let best = Math.max(0, value);
      for (let e = from; e < to; e++) best = Math.max(best, auction.weight(edges.score[e]!) - auction.price[edges.coach[e]!]!);
      // With fewer than K, every eligible coach is an edge already; beyond the top K nobody scores
      // more than the K-th.
      if (edges.top[i]! === k) {
        const found = bestCoaches(search, i, options.repricingEdgesPerCandidate, best - base, out, { coach: edges.coach, from, to, scoreCap: edges.score[from + k - 1]! });
        if (found > 0) {
          best = base + out.value[0]!;
          largestGain = Math.max(largestGain, best - value);
        }
        // Only pairs beyond the solver's own tolerance (ε = 1) are worth another solve.
        for (let f = 0; f < found && base + out.value[f]! > value + 1; f++) {
          added.add(i, out.coach[f]!, out.score[f]!);
        }
      }
      slack += best - value;
    }
    enoughSlack = enoughSlackFor(totalScore);
    const proven = slack < enoughSlack;
    // Nothing to add, and the last solve went down to ε = 1: as good as this edge set allows.
    const exhausted = added.length === 0 && auction.epsilon === 1;
    if (proven || exhausted || round === options.repricingRounds) {
      return {
        coach: Int32Array.from(auction.ownCoach),
        proven,
        gap: slack / auction.scale,
        rounds,
        addedEdges,
        edges: edges.coach.length,
        auction: stats,
        certificateMs: performance.now() - searchStarted,
      };
    }
    // Prices and assignments carry over. With new edges, ε starts at half the largest gain: gains
    // of a whole M mean more candidates can be assigned, and prices elsewhere may have to move by
    // as much (from a small ε, a long price war), so those restart from the top of the scale.
    // Without, the last solve stopped above ε = 1: it goes on from there, and the pool is
    // searched again for the bound.
    firstEpsilon = auction.epsilon / EPSILON_FACTOR;
    if (added.length > 0) {
      rounds++;
      addedEdges += added.length;
      edges = appendEdges(edges, added);
      firstEpsilon = Math.min(auction.coldEpsilon(maxScore), largestGain / 2);
    }
    stats = auction.solve(edges, firstEpsilon, enoughSlack, lastEpsilon(firstEpsilon, round + 1));
  }
}

/** The first occurrence of each id; later repeats are left out of the run entirely. */
function distinctById<T extends { id: string }>(items: readonly T[]): readonly T[] {
  const seen = new Set<string>();
  const distinct = items.filter((item) => !seen.has(item.id) && seen.add(item.id) !== undefined);
  return distinct.length === items.length ? items : distinct;
}

function describe(pool: CompiledPool, edges: EdgeSet, coach: Int32Array): MatchingResult {
  const { candidates, coaches, options } = pool;
  const assignments: Assignment[] = [];
  const unassigned: Unassigned[] = [];
  const explainer = new UnassignedExplainer(pool);
  const profiles = new Array<CoachProfile | undefined>(coaches.length);
  let totalScore = 0;
  candidates.forEach((candidate, i) => {
    const j = coach[i]!;
    if (j < 0) {
      unassigned.push({ candidateId: candidate.id, reason: explainer.explain(i, edges.top[i]! > 0) });
      return;
    }
    const evaluation = evaluatePair(candidate, coaches[j]!, options, (profiles[j] ??= coachProfile(coaches[j]!)));
    if (!evaluation.eligible) throw new Error(`matching engine paired ${candidate.id} with ineligible coach ${coaches[j]!.id}`);
    assignments.push({ candidateId: candidate.id, coachId: coaches[j]!.id, score: evaluation.score, reasons: evaluation.reasons });
    totalScore += evaluation.score;
  });
  const totals: MatchTotals = { candidates: candidates.length, assigned: assignments.length, unassigned: unassigned.length, totalScore };
  return { assignments, unassigned, totals };
}

/** `matchCoaches`'s answer. */
export type EngineResult = MatchingResult & {
  /** First come, first served on the same pool, for comparison. */
  greedy: MatchTotals;
  /**
   * Proven: no assignment of as many candidates scores more in total (null when the re-pricing
   * rounds ran out before a proof, which the default options do not let happen in practice).
   */
  scoreBound: number | null;
};

export interface MatchingRun {
  result: EngineResult;
  optimal: OptimalAssignment;
  /** Wall time per stage in milliseconds. */
  timings: { compile: number; edges: number; greedy: number; solve: number; describe: number };
}

/** `matchCoaches` with what the bench and tests look at: the optimality proof and stage timings. */
export function runMatching(candidates: readonly MatchCandidate[], coaches: readonly MatchCoach[], options?: MatchOptionsInput): MatchingRun {
  const resolved = resolveMatchOptions(options);
  let clock = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const elapsed = now - clock;
    clock = now;
    return elapsed;
  };
  const pool = compilePool(distinctById(candidates), distinctById(coaches), resolved);
  const compile = lap();
  const search = createCoachSearch(pool);
  const edges = buildTopEdges(search, resolved.edgesPerCandidate);
  const edgeTime = lap();
  const greedy = greedyAssignment(search, edges, resolved.edgesPerCandidate);
  const greedyTime = lap();
  const optimal = solveOptimal(search, edges, greedy, resolved);
  const solve = lap();
  const matching = describe(pool, edges, optimal.coach);
  // Totals are whole points, so the optimum is at most the result's total plus the gap rounded down.
  const scoreBound = optimal.proven ? matching.totals.totalScore + Math.floor(optimal.gap) : null;
  const result = { ...matching, greedy: greedy.totals, scoreBound };
  return { result, optimal, timings: { compile, edges: edgeTime, greedy: greedyTime, solve, describe: lap() } };
}

/**
 * Matches candidates with coaches: an optimal assignment (most candidates assigned, then highest
 * total score, within `gapShare` of the best possible: by default 0.1 %), the proven bound on
 * that best possible total, and, for comparison, the first-come greedy baseline's totals.
 *
 * - `assignments` follow the candidates' input order, with score and reasons from scoreCoachMatch.
 * - `unassigned` lists every other candidate: `no_eligible_coach` (with how many coaches each rule
 *   rules out) or `eligible_coaches_full`.
 * - Ids are expected to be unique. A repeated candidate or coach id is not an error: its first
 *   occurrence takes part, later ones are left out (and not counted in `totals.candidates`).
 * - Coach capacity is rounded down; negative or not a number means full. Hours and offsets that
 *   are not numbers mean no shared time (see types.ts). Invalid options throw a RangeError.
 */
export function matchCoaches(candidates: readonly MatchCandidate[], coaches: readonly MatchCoach[], options?: MatchOptionsInput): EngineResult {
  return runMatching(candidates, coaches, options).result;
}
