import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { poolArbitrary } from "./arbitraries";
import { compilePool, markBlocked, pairScore } from "./compile";
import { scoreCoachMatch } from "./score";
import { resolveMatchOptions, type MatchOptionsInput } from "./types";

const optionsArbitrary: fc.Arbitrary<MatchOptionsInput> = fc.record({
  forbidOwnNgo: fc.boolean(),
  workingLevel: fc.constantFrom("B1", "B2", "C1"),
  strongLevel: fc.constantFrom("B2", "C1", "C2"),
  weights: fc.record({
    expertiseExact: fc.integer({ min: 0, max: 200 }),
    expertiseRelated: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 3 }),
    timezonePerHour: fc.integer({ min: 0, max: 9 }),
    preference: fc.integer({ min: 0, max: 30 }),
    languageStrength: fc.integer({ min: 0, max: 20 }),
  }),
});

describe("compilePool + pairScore", () => {
  it("scores every pair exactly as the reference does (-1 for a pair it rules out)", () => {
    fc.assert(
      fc.property(poolArbitrary({ min: 1, max: 6 }, { min: 1, max: 6 }), optionsArbitrary, ({ candidates, coaches }, input) => {
        const options = resolveMatchOptions(input);
        const pool = compilePool(candidates, coaches, options);
        const blocked = new Int32Array(coaches.length);
        candidates.forEach((candidate, i) => {
          markBlocked(pool, i, blocked, i + 1);
          coaches.forEach((coach, j) => {
            const reference = scoreCoachMatch(candidate, coach, input);
            // The fast path leaves consent to its caller.
            if (!candidate.consentsToCoaching) return expect(reference.eligible).toBe(false);
            expect(pairScore(pool, i, j, blocked, i + 1)).toBe(reference.eligible ? reference.score : -1);
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it("counts the coaches each rejection rule applies to", () => {
    const base = { languages: [{ code: "en", level: "C1" as const }], expertise: [], utcOffsetMinutes: 0, workingHours: { startHour: 9, endHour: 17 }, tags: [], caseworkerOrganisationIds: [] };
    const pool = compilePool(
      [],
      [
        { ...base, id: "a", capacity: 1, paused: true },
        { ...base, id: "b", capacity: 0, paused: true },
        { ...base, id: "c", capacity: Number.NaN, paused: false },
        { ...base, id: "d", capacity: 3.5, paused: false, languages: [{ code: "en", level: "B1" }] },
      ],
      resolveMatchOptions(),
    );
    expect([pool.pausedCoaches, pool.fullCoaches]).toEqual([2, 2]);
    expect(Array.from(pool.coachCapacity)).toEqual([0, 0, 0, 1]);
    expect(Array.from(pool.coachOpen)).toEqual([0, 0, 0, 1]);
    // "d" speaks English below working level: open, but in no language list.
    expect(Array.from(pool.languageCoaches)).toEqual([]);
    expect(Array.from(pool.languageSpeakers)).toEqual([0, 1, 2]);
  });
});
