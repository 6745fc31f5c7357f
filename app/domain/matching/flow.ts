// Maximum-weight b-matching on a sparse bipartite graph, as min-cost flow solved by successive
// shortest paths with potentials (Dijkstra on reduced costs), one candidate at a time.
//
// The exact reference, not the engine's solver: the bench runs it on every eligible pair of a
// small pool to measure the engine's gap, and tests check the engine against it. At 100,000 ×
// 5,000 the searches cross most of a nearly full pool for each late candidate (minutes, not
// seconds), which is why the engine uses the auction in auction.ts (ADR 008).
//
// Network: candidate → coach (cost −(M + score), capacity 1), coach → T (cost 0, capacity =
// coach capacity), and candidate → T (cost 0): "stays unassigned". Every candidate ships its unit
// to T, so adding a candidate is one shortest path from it to T in the residual graph, which
// either reaches a coach with room (one more assignment), or ends at some candidate's
// "unassigned" arc (a swap: the newcomer displaces someone whose loss is smaller), or at its own.
// Each step keeps the flow optimal for the candidates added so far, so the end result is optimal
// whatever the order.
//
// M is larger than any total score, so one more assignment always outweighs every score
// difference: the result has maximum cardinality first, then maximum total score.
//
// Costs stay integers below 2^53, so doubles are exact and the optimum is exactly optimal.
import type { EdgeSet } from "./edges";

export interface FlowSolution {
  /** Per candidate: index into the edge set of its assignment, or -1. */
  assignedEdge: Int32Array;
  /**
   * Per coach: its dual price in the flow's units (score points plus M per assignment), 0 for
   * coaches with room. With u_i = max(0, max over i's edges of (M + score − price)), every edge
   * has u_i + price ≥ M + score, and Σ u_i + Σ capacity × price equals the optimum's weight.
   */
  price: Float64Array;
  /** The M used: larger than any total score. */
  bigM: number;
}

export function solveFlow(edges: EdgeSet, capacity: Int32Array): FlowSolution {
  const n = edges.start.length - 1;
  const m = capacity.length;
  const T = n + m;
  const { start, coach: edgeCoach, score: edgeScore } = edges;

  let totalBest = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let e = start[i]!; e < start[i + 1]!; e++) best = Math.max(best, edgeScore[e]!);
    totalBest += best;
  }
  // Any better total score is at most totalBest, so M > totalBest makes cardinality come first.
  const bigM = totalBest + 1;

  const h = new Float64Array(n + m + 1);
  const dist = new Float64Array(n + m + 1);
  const reached = new Int32Array(n + m + 1);
  const settledAt = new Int32Array(n + m + 1);
  const predEdge = new Int32Array(m); // edge through which a coach was reached
  const predCandidate = new Int32Array(m);
  let predT = -1;

  const assignedEdge = new Int32Array(n).fill(-1);
  const load = new Int32Array(m);
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j]! + Math.max(0, capacity[j]!);
  const slotCandidate = new Int32Array(slotStart[m]!);
  const candidateSlot = new Int32Array(n).fill(-1);

  // Lazy binary heap of (distance, node).
  let heapKey = new Float64Array(1024);
  let heapNode = new Int32Array(1024);
  let heapSize = 0;
  const push = (key: number, node: number): void => {
    if (heapSize === heapKey.length) {
      const keys = new Float64Array(heapSize * 2);
      keys.set(heapKey);
      heapKey = keys;
      const nodes = new Int32Array(heapSize * 2);
      nodes.set(heapNode);
      heapNode = nodes;
    }
    let at = heapSize++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (heapKey[parent]! <= key) break;
      heapKey[at] = heapKey[parent]!;
      heapNode[at] = heapNode[parent]!;
      at = parent;
    }
    heapKey[at] = key;
    heapNode[at] = node;
  };
  let popKey = 0;
  const pop = (): number => {
    const node = heapNode[0]!;
    popKey = heapKey[0]!;
    const lastKey = heapKey[--heapSize]!;
    const lastNode = heapNode[heapSize]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= heapSize) break;
      if (child + 1 < heapSize && heapKey[child + 1]! < heapKey[child]!) child++;
      if (heapKey[child]! >= lastKey) break;
      heapKey[at] = heapKey[child]!;
      heapNode[at] = heapNode[child]!;
      at = child;
    }
    heapKey[at] = lastKey;
    heapNode[at] = lastNode;
    return node;
  };

  let settledList = new Int32Array(1024);
  let settledCount = 0;
  let round = 0;

  for (let r = 0; r < n; r++) {
    if (start[r + 1] === start[r]) continue;
    round++;
    // A new source: the smallest potential that keeps all its arcs' reduced costs non-negative.
    let hr = h[T]!;
    for (let e = start[r]!; e < start[r + 1]!; e++) hr = Math.max(hr, bigM + edgeScore[e]! + h[n + edgeCoach[e]!]!);
    h[r] = hr;

    heapSize = 0;
    settledCount = 0;
    dist[r] = 0;
    reached[r] = round;
    push(0, r);
    let D = Infinity;
    while (heapSize > 0) {
      const v = pop();
      const d = popKey;
      if (settledAt[v] === round || d > dist[v]!) continue;
      // Every key left is at least d: once T is no farther, its distance is final.
      if (v === T || (reached[T] === round && dist[T]! <= d)) {
        D = dist[T]!;
        break;
      }
      settledAt[v] = round;
      if (settledCount === settledList.length) {
        const grown = new Int32Array(settledCount * 2);
        grown.set(settledList);
        settledList = grown;
      }
      settledList[settledCount++] = v;
      const hv = h[v]!;
      if (v < n) {
        const own = assignedEdge[v]!;
        for (let e = start[v]!; e < start[v + 1]!; e++) {
          if (e === own) continue;
          const k = n + edgeCoach[e]!;
          if (settledAt[k] === round) continue;
          const nd = d - bigM - edgeScore[e]! + hv - h[k]!;
          if (reached[k] !== round || nd < dist[k]!) {
            reached[k] = round;
            dist[k] = nd;
            predEdge[k - n] = e;
            predCandidate[k - n] = v;
            push(nd, k);
          }
        }
        const nd = d + hv - h[T]!;
        if (reached[T] !== round || nd < dist[T]!) {
          reached[T] = round;
          dist[T] = nd;
          predT = v;
          push(nd, T);
        }
      } else {
        const j = v - n;
        if (load[j]! < capacity[j]!) {
          const nd = d + hv - h[T]!;
          if (reached[T] !== round || nd < dist[T]!) {
            reached[T] = round;
            dist[T] = nd;
            predT = v;
            push(nd, T);
          }
        }
        for (let s = slotStart[j]!; s < slotStart[j]! + load[j]!; s++) {
          const c = slotCandidate[s]!;
          if (settledAt[c] === round) continue;
          const nd = d + bigM + edgeScore[assignedEdge[c]!]! + hv - h[c]!;
          if (reached[c] !== round || nd < dist[c]!) {
            reached[c] = round;
            dist[c] = nd;
            push(nd, c);
          }
        }
      }
    }
    // T is always reachable (r's own "unassigned" arc), so D is finite.
    for (let s = 0; s < settledCount; s++) {
      const v = settledList[s]!;
      h[v] = h[v]! - (D - dist[v]!);
    }

    // Augment along the path back from T.
    let freeSlot: number;
    let at: number; // coach node index (0-based coach) whose freeSlot the predecessor takes
    if (predT < n) {
      const c = predT;
      if (c === r) continue; // r stays unassigned
      at = edgeCoach[assignedEdge[c]!]!;
      freeSlot = candidateSlot[c]!;
      assignedEdge[c] = -1;
      candidateSlot[c] = -1;
    } else {
      at = predT - n;
      freeSlot = slotStart[at]! + load[at]!;
      load[at]!++;
    }
    for (;;) {
      const e = predEdge[at]!;
      const c = predCandidate[at]!;
      const previous = assignedEdge[c]!;
      const previousSlot = candidateSlot[c]!;
      slotCandidate[freeSlot] = c;
      candidateSlot[c] = freeSlot;
      assignedEdge[c] = e;
      if (c === r) break;
      at = edgeCoach[previous]!;
      freeSlot = previousSlot;
    }
  }

  const price = new Float64Array(m);
  for (let j = 0; j < m; j++) price[j] = Math.max(0, h[T]! - h[n + j]!);
  return { assignedEdge, price, bigM };
}
