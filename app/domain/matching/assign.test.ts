import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { poolArbitrary } from "./arbitraries";
import { matchCoaches, runMatching } from "./assign";
import { compilePool } from "./compile";
import { buildTopEdges, createCoachSearch, tieRank } from "./edges";
import { solveFlow } from "./flow";
import { greedyAssignment } from "./greedy";
import { cefrRank, effectiveCapacity, rejectionReasons, scoreCoachMatch } from "./score";
import { REJECTION_CODES, resolveMatchOptions, type MatchCandidate, type MatchCoach, type MatchOptionsInput, type MatchingResult } from "./types";

const optionsArbitrary: fc.Arbitrary<MatchOptionsInput> = fc.record({ forbidOwnNgo: fc.boolean(), workingLevel: fc.constantFrom("B1", "B2") });
const smallPools = poolArbitrary({ min: 0, max: 7 }, { min: 1, max: 4 });

/** Score of each pair by the reference, -1 when ruled out. */
function scoreTable(candidates: MatchCandidate[], coaches: MatchCoach[], options: MatchOptionsInput): number[][] {
  return candidates.map((c) => coaches.map((k) => scoreCoachMatch(c, k, options)).map((e) => (e.eligible ? e.score : -1)));
}

/** Exhaustive search: [most assigned, highest total score among those]. */
function bruteForce(candidates: MatchCandidate[], coaches: MatchCoach[], options: MatchOptionsInput): [number, number] {
  const scores = scoreTable(candidates, coaches, options);
  const room = coaches.map(effectiveCapacity);
  let best: [number, number] = [0, 0];
  const visit = (i: number, assigned: number, total: number): void => {
    if (i === candidates.length) {
      if (assigned > best[0] || (assigned === best[0] && total > best[1])) best = [assigned, total];
      return;
    }
    visit(i + 1, assigned, total);
    scores[i]!.forEach((score, j) => {
      if (score < 0 || room[j]! === 0) return;
      room[j]!--;
      visit(i + 1, assigned + 1, total + score);
      room[j]!++;
    });
  };
  visit(0, 0, 0);
  return best;
}

/** First come, first served (from the end of the list: `fromEnd`), written out directly: [assigned, total score]. */
function greedyByHand(candidates: MatchCandidate[], coaches: MatchCoach[], options: MatchOptionsInput, fromEnd = false): [number, number] {
  const scores = scoreTable(candidates, coaches, options);
  const room = coaches.map(effectiveCapacity);
  let assigned = 0;
  let total = 0;
  const order = scores.map((row, i) => [row, i] as const);
  if (fromEnd) order.reverse();
  order.forEach(([row, i]) => {
    let chosen = -1;
    row.forEach((score, j) => {
      if (score < 0 || room[j]! === 0) return;
      if (chosen < 0 || score > row[chosen]! || (score === row[chosen] && tieRank(i, j) < tieRank(i, chosen))) chosen = j;
    });
    if (chosen < 0) return;
    room[chosen]!--;
    assigned++;
    total += row[chosen]!;
  });
  return [assigned, total];
}

function loads(result: MatchingResult): Map<string, number> {
  const load = new Map<string, number>();
  for (const a of result.assignments) load.set(a.coachId, (load.get(a.coachId) ?? 0) + 1);
  return load;
}

describe("matchCoaches on small random pools", () => {
  it("keeps every coach within capacity and every hard rule", () => {
    fc.assert(
      fc.property(smallPools, optionsArbitrary, ({ candidates, coaches }, options) => {
        const result = matchCoaches(candidates, coaches, options);
        const byId = new Map(coaches.map((k) => [k.id, k]));
        for (const [coachId, load] of loads(result)) expect(load).toBeLessThanOrEqual(effectiveCapacity(byId.get(coachId)!));
        const working = cefrRank(resolveMatchOptions(options).workingLevel);
        for (const a of result.assignments) {
          const candidate = candidates.find((c) => c.id === a.candidateId)!;
          const coach = byId.get(a.coachId)!;
          expect(candidate.consentsToCoaching).toBe(true);
          expect(coach.paused).toBe(false);
          expect(candidate.excludedCoachIds).not.toContain(coach.id);
          if (resolveMatchOptions(options).forbidOwnNgo && candidate.referringOrganisationId) expect(coach.caseworkerOrganisationIds).not.toContain(candidate.referringOrganisationId);
          const shared = candidate.languages.some((l) => cefrRank(l.level) >= working && coach.languages.some((k) => k.code === l.code && cefrRank(k.level) >= working));
          expect(shared).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("assigns as many candidates, and scores as high, as an exhaustive search", () => {
    fc.assert(
      fc.property(smallPools, optionsArbitrary, ({ candidates, coaches }, options) => {
        const { result, optimal } = runMatching(candidates, coaches, options);
        expect([result.totals.assigned, result.totals.totalScore]).toEqual(bruteForce(candidates, coaches, options));
        expect(optimal.proven).toBe(true);
        expect(optimal.gap).toBeLessThan(1);
      }),
      { numRuns: 300 },
    );
  });

  it("never does worse than first come, first served, whose totals it reports", () => {
    fc.assert(
      fc.property(smallPools, optionsArbitrary, ({ candidates, coaches }, options) => {
        const result = matchCoaches(candidates, coaches, options);
        const [assigned, totalScore] = greedyByHand(candidates, coaches, options);
        expect(result.greedy).toEqual({ candidates: candidates.length, assigned, unassigned: candidates.length - assigned, totalScore });
        expect(result.totals.assigned).toBeGreaterThanOrEqual(assigned);
        if (result.totals.assigned === assigned) expect(result.totals.totalScore).toBeGreaterThanOrEqual(totalScore);
      }),
      { numRuns: 300 },
    );
  });

  it("can serve first come from the end of the list (a second spread the engine starts from)", () => {
    fc.assert(
      fc.property(smallPools, optionsArbitrary, ({ candidates, coaches }, options) => {
        const resolved = resolveMatchOptions(options);
        const search = createCoachSearch(compilePool(candidates, coaches, resolved));
        // K = 1: most candidates whose favourite is full fall back to searching the pool.
        const { totals } = greedyAssignment(search, buildTopEdges(search, 1), 1, true);
        const [assigned, totalScore] = greedyByHand(candidates, coaches, options, true);
        expect(totals).toEqual({ candidates: candidates.length, assigned, unassigned: candidates.length - assigned, totalScore });
      }),
      { numRuns: 300 },
    );
  });

  it("reports each candidate once, in input order, with the reference's score and reasons", () => {
    fc.assert(
      fc.property(smallPools, optionsArbitrary, ({ candidates, coaches }, options) => {
        const result = matchCoaches(candidates, coaches, options);
        const reported = [...result.assignments.map((a) => a.candidateId), ...result.unassigned.map((u) => u.candidateId)];
        expect(reported.sort()).toEqual(candidates.map((c) => c.id).sort());
        const order = result.assignments.map((a) => candidates.findIndex((c) => c.id === a.candidateId));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        for (const a of result.assignments) {
          const evaluation = scoreCoachMatch(candidates.find((c) => c.id === a.candidateId)!, coaches.find((k) => k.id === a.coachId)!, options);
          expect({ score: a.score, reasons: a.reasons }).toEqual(evaluation.eligible && { score: evaluation.score, reasons: evaluation.reasons });
        }
        expect(result.totals).toEqual({
          candidates: candidates.length,
          assigned: result.assignments.length,
          unassigned: result.unassigned.length,
          totalScore: result.assignments.reduce((sum, a) => sum + a.score, 0),
        });
      }),
      { numRuns: 300 },
    );
  });

  it("says truthfully why each candidate got nobody", () => {
    fc.assert(
      fc.property(smallPools, optionsArbitrary, ({ candidates, coaches }, options) => {
        const result = matchCoaches(candidates, coaches, options);
        const load = loads(result);
        for (const { candidateId, reason } of result.unassigned) {
          const candidate = candidates.find((c) => c.id === candidateId)!;
          const eligible = coaches.filter((k) => scoreCoachMatch(candidate, k, options).eligible);
          if (reason.code === "eligible_coaches_full") {
            expect(reason.eligibleCoaches).toBe(eligible.length);
            expect(eligible.length).toBeGreaterThan(0);
            for (const k of eligible) expect(load.get(k.id) ?? 0).toBe(effectiveCapacity(k));
          } else {
            expect(eligible).toEqual([]);
            const counts = new Map<string, number>();
            for (const k of coaches) for (const r of rejectionReasons(candidate, k, resolveMatchOptions(options))) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
            const expected = REJECTION_CODES.filter((code) => counts.has(code))
              .map((code) => ({ code, coaches: counts.get(code)! }))
              .sort((a, b) => b.coaches - a.coaches);
            expect(reason.rejections).toEqual(expected);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same result for the same input, and the same totals whatever the coaches' order", () => {
    fc.assert(
      fc.property(smallPools, optionsArbitrary, fc.integer(), ({ candidates, coaches }, options, seed) => {
        const result = matchCoaches(candidates, coaches, options);
        expect(matchCoaches(candidates, coaches, options)).toEqual(result);
        const shuffled = [...coaches].sort((a, b) => tieRank(seed, Number(a.id.slice(6))) - tieRank(seed, Number(b.id.slice(6))));
        expect(matchCoaches(candidates, shuffled, options).totals).toEqual(result.totals);
      }),
      { numRuns: 200 },
    );
  });
});

describe("matchCoaches on larger random pools", () => {
  /** The exact optimum: the flow solver on every eligible pair. */
  function exact(candidates: MatchCandidate[], coaches: MatchCoach[]): [number, number] {
    const pool = compilePool(candidates, coaches, resolveMatchOptions());
    const complete = buildTopEdges(createCoachSearch(pool), Math.max(1, coaches.length));
    const { assignedEdge } = solveFlow(complete, pool.coachCapacity);
    let assigned = 0;
    let total = 0;
    for (const e of assignedEdge) {
      if (e < 0) continue;
      assigned++;
      total += complete.score[e]!;
    }
    return [assigned, total];
  }

  // Few edges per candidate, so that re-pricing has work to do (and rounds enough to finish it).
  const sparse = { edgesPerCandidate: 1, repricingEdgesPerCandidate: 2, repricingRounds: 100 };
  const pools = poolArbitrary({ min: 20, max: 60 }, { min: 4, max: 12 });

  it("is exactly optimal with no gap allowed", () => {
    fc.assert(
      fc.property(pools, ({ candidates, coaches }) => {
        const { result, optimal } = runMatching(candidates, coaches, { ...sparse, gapShare: 0 });
        const [assigned, total] = exact(candidates, coaches);
        expect([result.totals.assigned, result.totals.totalScore]).toEqual([assigned, total]);
        expect(optimal.proven).toBe(true);
        expect(result.scoreBound).toBe(total);
      }),
      { numRuns: 60 },
    );
  });

  it("stays within the allowed gap, with the most candidates assigned", () => {
    fc.assert(
      fc.property(pools, ({ candidates, coaches }) => {
        const { result, optimal } = runMatching(candidates, coaches, { ...sparse, gapShare: 0.05 });
        const [assigned, total] = exact(candidates, coaches);
        expect(result.totals.assigned).toBe(assigned);
        expect(total - result.totals.totalScore).toBeLessThanOrEqual(optimal.gap);
        expect(optimal.proven).toBe(true);
        expect(optimal.gap).toBeLessThan(Math.max(1, 0.05 * result.totals.totalScore));
        expect(total - result.totals.totalScore).toBeLessThanOrEqual(0.05 * total);
        expect(result.scoreBound).toBeGreaterThanOrEqual(total);
        expect(result.scoreBound! - result.totals.totalScore).toBeLessThan(Math.max(1, 0.05 * result.totals.totalScore));
      }),
      { numRuns: 60 },
    );
  });

  it("never claims more than it can prove when re-pricing may not run", () => {
    fc.assert(
      fc.property(pools, ({ candidates, coaches }) => {
        const { result, optimal } = runMatching(candidates, coaches, { ...sparse, gapShare: 0, repricingRounds: 0 });
        const [assigned, total] = exact(candidates, coaches);
        if (result.totals.assigned !== assigned || result.totals.totalScore !== total) {
          expect(optimal.proven).toBe(false);
          expect(optimal.gap).toBeGreaterThanOrEqual(1);
        }
        if (result.totals.assigned === assigned) expect(total - result.totals.totalScore).toBeLessThanOrEqual(optimal.gap);
        if (optimal.proven) expect(result.scoreBound).toBeGreaterThanOrEqual(total);
        else expect(result.scoreBound).toBeNull();
      }),
      { numRuns: 60 },
    );
  });
});

describe("matchCoaches on odd input", () => {
  const candidate = (id: string, overrides: Partial<MatchCandidate> = {}): MatchCandidate => ({
    id,
    languages: [{ code: "en", level: "C1" }],
    targetSkills: [],
    utcOffsetMinutes: 0,
    workingHours: { startHour: 9, endHour: 17 },
    consentsToCoaching: true,
    excludedCoachIds: [],
    preferenceTags: [],
    referringOrganisationId: null,
    ...overrides,
  });
  const coach = (id: string, overrides: Partial<MatchCoach> = {}): MatchCoach => ({
    id,
    languages: [{ code: "en", level: "C1" }],
    expertise: [],
    capacity: 1,
    utcOffsetMinutes: 0,
    workingHours: { startHour: 9, endHour: 17 },
    paused: false,
    tags: [],
    caseworkerOrganisationIds: [],
    ...overrides,
  });

  it("handles empty pools", () => {
    expect(matchCoaches([], [])).toEqual({ assignments: [], unassigned: [], totals: { candidates: 0, assigned: 0, unassigned: 0, totalScore: 0 }, greedy: { candidates: 0, assigned: 0, unassigned: 0, totalScore: 0 }, scoreBound: 0 });
    expect(matchCoaches([candidate("a")], []).unassigned).toEqual([{ candidateId: "a", reason: { code: "no_eligible_coach", rejections: [] } }]);
  });

  it("takes the first of repeated ids and leaves the rest out", () => {
    const result = matchCoaches([candidate("a"), candidate("a", { languages: [] }), candidate("b")], [coach("x", { capacity: 2 }), coach("x", { capacity: 5 })]);
    expect(result.totals).toMatchObject({ candidates: 2, assigned: 2 });
    expect(result.assignments.map((a) => [a.candidateId, a.coachId])).toEqual([
      ["a", "x"],
      ["b", "x"],
    ]);
  });

  it("treats broken capacities and hours as documented instead of failing", () => {
    const coaches = [coach("negative", { capacity: -2 }), coach("nan", { capacity: Number.NaN }), coach("half", { capacity: 1.5 }), coach("night", { workingHours: { startHour: Number.NaN, endHour: 4 } })];
    const result = matchCoaches([candidate("a"), candidate("b"), candidate("c")], coaches);
    expect(result.assignments.map((a) => a.coachId).sort()).toEqual(["half", "night"]);
    const night = result.assignments.find((a) => a.coachId === "night")!;
    expect(night.reasons.some((r) => r.code === "timezone_overlap")).toBe(false);
    expect(result.unassigned).toEqual([{ candidateId: expect.any(String), reason: { code: "eligible_coaches_full", eligibleCoaches: 2 } }]);
  });

  it("counts the rules that rule out every coach, most frequent first", () => {
    const coaches = [coach("paused", { paused: true }), coach("arabic", { languages: [{ code: "ar", level: "C2" }] }), coach("full", { capacity: 0, languages: [{ code: "ar", level: "C2" }] })];
    expect(matchCoaches([candidate("a")], coaches).unassigned[0]!.reason).toEqual({
      code: "no_eligible_coach",
      rejections: [
        { code: "no_shared_language", coaches: 2 },
        { code: "coach_paused", coaches: 1 },
        { code: "coach_full", coaches: 1 },
      ],
    });
  });

  it("refuses invalid options", () => {
    expect(() => matchCoaches([], [], { edgesPerCandidate: -1 })).toThrow(RangeError);
  });
});
