import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Auction } from "./auction";
import type { EdgeSet } from "./edges";
import { solveFlow } from "./flow";

interface Instance {
  capacity: Int32Array;
  edges: EdgeSet;
}

/** Random candidates × coaches, each candidate with edges to some coaches (scores 0–60). */
function instances(maxCandidates: number, maxCoaches: number): fc.Arbitrary<Instance> {
  return fc.integer({ min: 1, max: maxCoaches }).chain((m) =>
    fc
      .record({
        capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }),
        lists: fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: m - 1 }), fc.integer({ min: 0, max: 60 })), { maxLength: m }), { maxLength: maxCandidates }),
      })
      .map(({ capacity, lists }) => {
        const start = [0];
        const coach: number[] = [];
        const score: number[] = [];
        for (const list of lists) {
          const seen = new Set<number>();
          for (const [j, s] of list) {
            if (seen.has(j)) continue;
            seen.add(j);
            coach.push(j);
            score.push(s);
          }
          start.push(coach.length);
        }
        const top = Int32Array.from(lists, (_, i) => start[i + 1]! - start[i]!);
        return { capacity: Int32Array.from(capacity), edges: { start: Int32Array.from(start), coach: Int32Array.from(coach), score: Int32Array.from(score), top } };
      }),
  );
}

/** [assigned, total score] of the best assignment: most assigned, then highest score. */
function bruteForce({ capacity, edges }: Instance): [number, number] {
  const n = edges.start.length - 1;
  const room = Array.from(capacity);
  let best: [number, number] = [0, 0];
  const visit = (i: number, assigned: number, total: number): void => {
    if (i === n) {
      if (assigned > best[0] || (assigned === best[0] && total > best[1])) best = [assigned, total];
      return;
    }
    visit(i + 1, assigned, total);
    for (let e = edges.start[i]!; e < edges.start[i + 1]!; e++) {
      const j = edges.coach[e]!;
      if (room[j]! === 0) continue;
      room[j]!--;
      visit(i + 1, assigned + 1, total + edges.score[e]!);
      room[j]!++;
    }
  };
  visit(0, 0, 0);
  return best;
}

function flowTotals(instance: Instance): [number, number] {
  const { assignedEdge } = solveFlow(instance.edges, instance.capacity);
  let assigned = 0;
  let total = 0;
  for (const e of assignedEdge) {
    if (e < 0) continue;
    assigned++;
    total += instance.edges.score[e]!;
  }
  return [assigned, total];
}

describe("solveFlow", () => {
  it("finds the assignment with the most candidates, then the highest score", () => {
    fc.assert(
      fc.property(instances(7, 4), (instance) => {
        expect(flowTotals(instance)).toEqual(bruteForce(instance));
      }),
      { numRuns: 300 },
    );
  });

  it("returns coach prices that prove it: a dual solution of equal value", () => {
    fc.assert(
      fc.property(instances(25, 6), ({ capacity, edges }) => {
        const { assignedEdge, price, bigM } = solveFlow(edges, capacity);
        const load = new Int32Array(capacity.length);
        let dual = 0;
        let primal = 0;
        for (let i = 0; i + 1 < edges.start.length; i++) {
          let margin = 0;
          for (let e = edges.start[i]!; e < edges.start[i + 1]!; e++) margin = Math.max(margin, bigM + edges.score[e]! - price[edges.coach[e]!]!);
          dual += margin;
          const e = assignedEdge[i]!;
          if (e < 0) continue;
          primal += bigM + edges.score[e]!;
          load[edges.coach[e]!]!++;
        }
        capacity.forEach((slots, j) => {
          expect(load[j]).toBeLessThanOrEqual(slots);
          dual += slots * price[j]!;
        });
        expect(dual).toBe(primal);
      }),
      { numRuns: 300 },
    );
  });
});

describe("Auction", () => {
  it("agrees with the exact flow, and leaves every coach within capacity and priced 0 if it has room", () => {
    fc.assert(
      fc.property(instances(30, 6), (instance) => {
        const n = instance.edges.start.length - 1;
        const totalBest = Array.from(instance.edges.score).reduce((sum, s) => sum + s, 0);
        const auction = new Auction(n, instance.capacity, totalBest + 1);
        auction.solve(instance.edges, auction.coldEpsilon(60), auction.scale);
        let assigned = 0;
        let total = 0;
        for (let i = 0; i < n; i++) {
          if (auction.ownCoach[i]! < 0) continue;
          assigned++;
          total += auction.ownScore[i]!;
        }
        expect([assigned, total]).toEqual(flowTotals(instance));
        instance.capacity.forEach((slots, j) => {
          expect(auction.load[j]).toBeLessThanOrEqual(slots);
          if (auction.load[j]! < slots) expect(auction.price[j]).toBe(0);
        });
        // The slack is the LP dual bound at these prices minus the assignment's weight.
        const { start, coach, score } = instance.edges;
        let gap = 0;
        for (let i = 0; i < n; i++) {
          let best = 0;
          for (let e = start[i]!; e < start[i + 1]!; e++) best = Math.max(best, auction.weight(score[e]!) - auction.price[coach[e]!]!);
          gap += best - auction.value(i);
        }
        instance.capacity.forEach((slots, j) => {
          if (slots > 0) gap += (slots - auction.load[j]!) * auction.price[j]!;
        });
        expect(auction.slack()).toBe(gap);
        expect(gap).toBeLessThan(auction.scale);
      }),
      { numRuns: 300 },
    );
  });

  it("ends a price war begun with a small ε in a bounded number of bids", () => {
    // Three candidates want the same two coaches and nothing else: with ε = 1, the one left over
    // would raise a price a point or two per bid, up to M (a million points), before giving up.
    const edges = { start: Int32Array.from([0, 2, 4, 6]), coach: Int32Array.from([0, 1, 0, 1, 0, 1]), score: Int32Array.from([5, 5, 5, 5, 5, 5]), top: Int32Array.from([2, 2, 2]) };
    const auction = new Auction(3, Int32Array.from([1, 1]), 1_000_000);
    const stats = auction.solve(edges, 1, auction.scale);
    expect(Array.from(auction.load)).toEqual([1, 1]);
    expect(auction.slack()).toBeLessThan(auction.scale);
    expect(stats.bids).toBeLessThan(1_000);
  });

  it("repairs a solved assignment when edges are added, from the prices it had", () => {
    fc.assert(
      fc.property(instances(30, 6), fc.integer({ min: 1, max: 4 }), (instance, kept) => {
        const n = instance.edges.start.length - 1;
        const { start, coach, score } = instance.edges;
        // First only each candidate's first `kept` edges, then all of them.
        const partStart = Int32Array.from(start, (_, i) => (i === 0 ? 0 : 0));
        const partCoach: number[] = [];
        const partScore: number[] = [];
        for (let i = 0; i < n; i++) {
          for (let e = start[i]!; e < Math.min(start[i + 1]!, start[i]! + kept); e++) {
            partCoach.push(coach[e]!);
            partScore.push(score[e]!);
          }
          partStart[i + 1] = partCoach.length;
        }
        const part = { start: partStart, coach: Int32Array.from(partCoach), score: Int32Array.from(partScore), top: instance.edges.top };
        const auction = new Auction(n, instance.capacity, Array.from(score).reduce((sum, s) => sum + s, 0) + 1);
        auction.solve(part, auction.coldEpsilon(60), auction.scale);
        auction.solve(instance.edges, 1, auction.scale);
        let assigned = 0;
        let total = 0;
        for (let i = 0; i < n; i++) {
          if (auction.ownCoach[i]! < 0) continue;
          assigned++;
          total += auction.ownScore[i]!;
        }
        expect([assigned, total]).toEqual(flowTotals(instance));
      }),
      { numRuns: 200 },
    );
  });
});
