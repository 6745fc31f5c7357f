// The baseline Harbor's engine is compared against: first come, first served. Candidates in input
// order (the waiting list) each take their best eligible coach with a slot left (ties broken by
// `tieRank`, like everywhere else); nobody is ever moved for someone who comes later.
import { bestCoaches, closeCoach, createSearchOutput, setPrices, type CoachSearch, type EdgeSet } from "./edges";
import type { MatchTotals } from "./types";

export interface GreedyAssignment {
  /** Per candidate: coach index, or -1; and that pair's score. */
  coach: Int32Array;
  score: Int32Array;
  totals: MatchTotals;
}

/**
 * @param edges each candidate's exact top `k` by score (buildTopEdges); when all of those are
 *   full, the rest of the pool is searched for the best coach with room.
 * @param fromEnd serve the waiting list from its end instead: not a baseline, but a second spread
 *   of candidates over the coaches with room, which the engine starts from (assign.ts).
 */
export function greedyAssignment(search: CoachSearch, edges: EdgeSet, k: number, fromEnd = false): GreedyAssignment {
  const { pool } = search;
  const n = pool.candidateCount;
  const room = pool.coachCapacity.slice();
  // Full coaches cost +Infinity, which takes them out of the search.
  const price = Float64Array.from(room, (slots) => (slots > 0 ? 0 : Infinity));
  setPrices(search, price, 1);
  const out = createSearchOutput(1);
  const coach = new Int32Array(n).fill(-1);
  const coachScore = new Int32Array(n);
  let assigned = 0;
  let totalScore = 0;
  for (let served = 0; served < n; served++) {
    const i = fromEnd ? n - 1 - served : served;
    const from = edges.start[i]!;
    let chosen = -1;
    let score = 0;
    for (let e = from; e < from + edges.top[i]!; e++) {
      if (room[edges.coach[e]!]! > 0) {
        chosen = edges.coach[e]!;
        score = edges.score[e]!;
        break;
      }
    }
    if (chosen < 0 && edges.top[i] === k && bestCoaches(search, i, 1, -1, out) === 1) {
      chosen = out.coach[0]!;
      score = out.score[0]!;
    }
    if (chosen < 0) continue;
    coach[i] = chosen;
    coachScore[i] = score;
    assigned++;
    totalScore += score;
    if (--room[chosen]! === 0) closeCoach(search, chosen);
  }
  return { coach, score: coachScore, totals: { candidates: n, assigned, unassigned: n - assigned, totalScore } };
}
