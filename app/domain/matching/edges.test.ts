import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { poolArbitrary } from "./arbitraries";
import { compilePool } from "./compile";
import { appendEdges, bestCoaches, EdgeAdditions, buildTopEdges, closeCoach, createCoachSearch, createSearchOutput, setPrices, tieRank } from "./edges";
import { scoreCoachMatch } from "./score";
import { resolveMatchOptions, type MatchCandidate, type MatchCoach } from "./types";

/** Every eligible coach of candidate i by the reference, best first by (value, tie rank). */
function ranked(candidates: MatchCandidate[], coaches: MatchCoach[], i: number, value: (j: number, score: number) => number) {
  const found: Array<{ coach: number; score: number; value: number }> = [];
  coaches.forEach((coach, j) => {
    const evaluation = scoreCoachMatch(candidates[i]!, coach);
    if (evaluation.eligible) found.push({ coach: j, score: evaluation.score, value: value(j, evaluation.score) });
  });
  return found.sort((a, b) => b.value - a.value || tieRank(i, a.coach) - tieRank(i, b.coach));
}

const pools = poolArbitrary({ min: 1, max: 8 }, { min: 1, max: 16 });

describe("buildTopEdges", () => {
  it("lists each candidate's top K eligible coaches by score, best first, ties by tieRank", () => {
    fc.assert(
      fc.property(pools, fc.integer({ min: 1, max: 5 }), ({ candidates, coaches }, k) => {
        const search = createCoachSearch(compilePool(candidates, coaches, resolveMatchOptions()));
        const edges = buildTopEdges(search, k);
        candidates.forEach((_, i) => {
          const expected = ranked(candidates, coaches, i, (_j, score) => score).slice(0, k);
          const from = edges.start[i]!;
          expect(edges.top[i]).toBe(expected.length);
          expect(Array.from(edges.coach.subarray(from, edges.start[i + 1]!))).toEqual(expected.map((e) => e.coach));
          expect(Array.from(edges.score.subarray(from, edges.start[i + 1]!))).toEqual(expected.map((e) => e.score));
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe("bestCoaches", () => {
  it("finds the best coaches by scale × score − price above a floor, leaving out the skipped ones", () => {
    const price = fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constant(Infinity));
    fc.assert(
      fc.property(
        pools.chain((pool) => fc.record({ pool: fc.constant(pool), prices: fc.array(price, { minLength: pool.coaches.length, maxLength: pool.coaches.length }), skipped: fc.subarray(pool.coaches.map((_, j) => j)) })),
        fc.constantFrom(1, 3),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: -50, max: 200 }),
        ({ pool: { candidates, coaches }, prices, skipped }, scale, limit, floor) => {
          const search = createCoachSearch(compilePool(candidates, coaches, resolveMatchOptions()));
          setPrices(search, Float64Array.from(prices), scale);
          const out = createSearchOutput(limit);
          const skip = Int32Array.from(skipped);
          candidates.forEach((_, i) => {
            const all = ranked(candidates, coaches, i, (j, score) => scale * score - prices[j]!);
            const rest = all.filter((e) => !skipped.includes(e.coach));
            // The caller's promise: nobody outside the skipped coaches scores more than this.
            const scoreCap = Math.max(0, ...rest.map((e) => e.score));
            const expected = rest.filter((e) => e.value > floor).slice(0, limit);
            const found = bestCoaches(search, i, limit, floor, out, { coach: skip, from: 0, to: skip.length, scoreCap });
            expect(Array.from(out.coach.subarray(0, found))).toEqual(expected.map((e) => e.coach));
            expect(Array.from(out.value.subarray(0, found))).toEqual(expected.map((e) => e.value));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("stops offering a closed coach, in lists that stay sorted", () => {
    fc.assert(
      fc.property(pools, fc.array(fc.nat(), { maxLength: 6 }), ({ candidates, coaches }, closing) => {
        const search = createCoachSearch(compilePool(candidates, coaches, resolveMatchOptions()));
        setPrices(search, new Float64Array(coaches.length), 1);
        const closed = new Set(closing.map((k) => k % coaches.length));
        for (const j of closed) closeCoach(search, j);
        const out = createSearchOutput(coaches.length);
        candidates.forEach((_, i) => {
          const expected = ranked(candidates, coaches, i, (_j, score) => score).filter((e) => !closed.has(e.coach));
          const found = bestCoaches(search, i, coaches.length, -1, out);
          expect(Array.from(out.coach.subarray(0, found))).toEqual(expected.map((e) => e.coach));
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe("appendEdges", () => {
  it("keeps every candidate's edges and puts the new ones after them", () => {
    const edges = { start: Int32Array.from([0, 2, 2, 3]), coach: Int32Array.from([4, 5, 6]), score: Int32Array.from([40, 30, 20]), top: Int32Array.from([2, 0, 1]) };
    const added = new EdgeAdditions();
    // More than the first buffer holds, so that growing is covered too.
    for (let k = 0; k < 2000; k++) added.add(1, 100 + k, k);
    [
      [2, 1, 9],
      [0, 2, 8],
      [0, 7, 6],
    ].forEach(([i, j, score]) => added.add(i!, j!, score!));
    const grown = appendEdges(edges, added);
    expect(Array.from(grown.start)).toEqual([0, 4, 2004, 2006]);
    expect(Array.from(grown.coach.subarray(0, 4))).toEqual([4, 5, 2, 7]);
    expect(Array.from(grown.coach.subarray(4, 2004))).toEqual(Array.from({ length: 2000 }, (_, k) => 100 + k));
    expect(Array.from(grown.score.subarray(4, 2004))).toEqual(Array.from({ length: 2000 }, (_, k) => k));
    expect(Array.from(grown.coach.subarray(2004))).toEqual([6, 1]);
    expect(Array.from(grown.score)).toEqual([40, 30, 8, 6, ...Array.from({ length: 2000 }, (_, k) => k), 20, 9]);
    expect(grown.top).toBe(edges.top);
  });
});
