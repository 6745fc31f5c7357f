import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectiveCapacity, overlapMinutes, scoreCoachMatch, utcWindow } from "./score";
import { resolveMatchOptions, type MatchCandidate, type MatchCoach, type TaxonomyNode } from "./types";

const s1: TaxonomyNode = { uri: "s1", ancestors: ["g1", "a1"] };
const s2: TaxonomyNode = { uri: "s2", ancestors: ["g1", "a1"] };
const s3: TaxonomyNode = { uri: "s3", ancestors: ["g2", "a1"] };
const s5: TaxonomyNode = { uri: "s5", ancestors: ["g3", "a2"] };
const g1: TaxonomyNode = { uri: "g1", ancestors: ["a1"] };

function candidate(overrides: Partial<MatchCandidate> = {}): MatchCandidate {
  return {
    id: "cand",
    languages: [
      { code: "uk", level: "C2" },
      { code: "en", level: "B2" },
    ],
    targetSkills: [],
    utcOffsetMinutes: 0,
    workingHours: { startHour: 9, endHour: 17 },
    consentsToCoaching: true,
    excludedCoachIds: [],
    preferenceTags: [],
    referringOrganisationId: null,
    ...overrides,
  };
}

function coach(overrides: Partial<MatchCoach> = {}): MatchCoach {
  return {
    id: "coach",
    languages: [{ code: "en", level: "C1" }],
    expertise: [],
    capacity: 2,
    utcOffsetMinutes: 0,
    workingHours: { startHour: 9, endHour: 17 },
    paused: false,
    tags: [],
    caseworkerOrganisationIds: [],
    ...overrides,
  };
}

/** The score of an eligible pair (fails the test when the pair is ruled out). */
function scoreOf(c: MatchCandidate, k: MatchCoach, options?: Parameters<typeof scoreCoachMatch>[2]): number {
  const evaluation = scoreCoachMatch(c, k, options);
  if (!evaluation.eligible) throw new Error(`expected an eligible pair, got ${JSON.stringify(evaluation.reasons)}`);
  return evaluation.score;
}

// Both work 9–17 UTC: 8 shared hours × 4 points.
const FULL_DAY = 32;

describe("scoreCoachMatch: languages", () => {
  it("pairs people who share a language at working level (B2), listing both levels", () => {
    expect(scoreCoachMatch(candidate(), coach())).toEqual({
      eligible: true,
      score: FULL_DAY,
      reasons: [
        { code: "language_shared", language: "en", candidateLevel: "B2", coachLevel: "C1" },
        { code: "timezone_overlap", hours: 8, points: FULL_DAY },
      ],
    });
  });

  it("rules a pair out when the shared language is below working level for one of them", () => {
    const evaluation = scoreCoachMatch(candidate({ languages: [{ code: "uk", level: "C2" }, { code: "en", level: "B1" }] }), coach());
    expect(evaluation).toEqual({ eligible: false, reasons: [{ code: "no_shared_language" }] });
    expect(scoreCoachMatch(candidate(), coach({ languages: [{ code: "en", level: "B1" }] })).eligible).toBe(false);
  });

  it("honours another working level", () => {
    const c = candidate({ languages: [{ code: "en", level: "B1" }] });
    const k = coach({ languages: [{ code: "en", level: "B1" }] });
    expect(scoreCoachMatch(c, k).eligible).toBe(false);
    expect(scoreOf(c, k, { workingLevel: "B1" })).toBe(FULL_DAY);
  });

  it("gives the strength bonus once, for a language both speak at C1 or above", () => {
    const c = candidate({ languages: [{ code: "uk", level: "C2" }, { code: "en", level: "C1" }] });
    const k = coach({ languages: [{ code: "en", level: "C2" }, { code: "uk", level: "C1" }] });
    const evaluation = scoreCoachMatch(c, k);
    expect(evaluation.eligible && evaluation.score).toBe(FULL_DAY + 10);
    expect(evaluation.reasons.filter((reason) => reason.code === "language_strong")).toEqual([{ code: "language_strong", language: "uk", points: 10 }]);
  });

  it("takes the highest level when a language is listed twice", () => {
    const c = candidate({ languages: [{ code: "en", level: "A2" }, { code: "en", level: "B2" }] });
    expect(scoreCoachMatch(c, coach()).reasons[0]).toEqual({ code: "language_shared", language: "en", candidateLevel: "B2", coachLevel: "C1" });
  });
});

describe("scoreCoachMatch: hard rules", () => {
  it("never pairs a candidate who did not consent", () => {
    expect(scoreCoachMatch(candidate({ consentsToCoaching: false }), coach())).toEqual({ eligible: false, reasons: [{ code: "no_consent" }] });
  });

  it("rules out paused coaches and coaches without a slot", () => {
    expect(scoreCoachMatch(candidate(), coach({ paused: true })).reasons).toEqual([{ code: "coach_paused" }]);
    for (const capacity of [0, -1, 0.5, Number.NaN]) expect(scoreCoachMatch(candidate(), coach({ capacity })).reasons).toEqual([{ code: "coach_full" }]);
    expect(scoreCoachMatch(candidate(), coach({ capacity: 1.9 })).eligible).toBe(true);
  });

  it("counts whole slots only", () => {
    expect([2.7, 1, 0.99, -3, Number.NaN, Infinity].map((capacity) => effectiveCapacity(coach({ capacity })))).toEqual([2, 1, 0, 0, 0, Infinity]);
  });

  it("never pairs a candidate with a coach they excluded", () => {
    expect(scoreCoachMatch(candidate({ excludedCoachIds: ["other", "coach"] }), coach()).reasons).toEqual([{ code: "excluded" }]);
  });

  it("keeps caseworkers away from candidates their own NGO referred, unless the program allows it", () => {
    const c = candidate({ referringOrganisationId: "ngo-1" });
    expect(scoreCoachMatch(c, coach({ caseworkerOrganisationIds: ["ngo-1"] })).reasons).toEqual([{ code: "conflict_of_interest", organisationId: "ngo-1" }]);
    expect(scoreOf(c, coach({ caseworkerOrganisationIds: ["ngo-1"] }), { forbidOwnNgo: false })).toBe(FULL_DAY);
    expect(scoreOf(c, coach({ caseworkerOrganisationIds: ["ngo-2"] }))).toBe(FULL_DAY);
  });

  it("lists every rule a pair breaks, in a fixed order", () => {
    const c = candidate({ consentsToCoaching: false, excludedCoachIds: ["coach"], referringOrganisationId: "ngo-1", languages: [{ code: "ar", level: "C2" }] });
    const k = coach({ paused: true, capacity: 0, caseworkerOrganisationIds: ["ngo-1"] });
    expect(scoreCoachMatch(c, k).reasons.map((reason) => reason.code)).toEqual(["no_consent", "coach_paused", "coach_full", "excluded", "conflict_of_interest", "no_shared_language"]);
  });
});

describe("scoreCoachMatch: expertise through the taxonomy", () => {
  const targeting = (...targetSkills: TaxonomyNode[]) => candidate({ targetSkills });

  it("gives full credit for the skill itself", () => {
    const evaluation = scoreCoachMatch(targeting(s1), coach({ expertise: [s1] }));
    expect(evaluation.eligible && evaluation.score).toBe(FULL_DAY + 100);
    expect(evaluation.reasons).toContainEqual({ code: "expertise_exact", uri: "s1", points: 100 });
  });

  it("gives partial credit through the nearest shared group, and none across areas", () => {
    expect(scoreCoachMatch(targeting(s1), coach({ expertise: [s2] })).reasons).toContainEqual({ code: "expertise_related", uri: "s1", via: "g1", distance: 1, points: 40 });
    expect(scoreOf(targeting(s1), coach({ expertise: [s2] }))).toBe(FULL_DAY + 40);
    expect(scoreCoachMatch(targeting(s1), coach({ expertise: [s3] })).reasons).toContainEqual({ code: "expertise_related", uri: "s1", via: "a1", distance: 2, points: 15 });
    expect(scoreOf(targeting(s1), coach({ expertise: [s3] }))).toBe(FULL_DAY + 15);
    expect(scoreOf(targeting(s1), coach({ expertise: [s5] }))).toBe(FULL_DAY);
    expect(scoreOf(targeting(s1), coach({ expertise: [g1] }))).toBe(FULL_DAY + 40);
  });

  it("counts a coach listing something narrower than the target as covering it", () => {
    expect(scoreCoachMatch(targeting(g1), coach({ expertise: [s2] })).reasons).toContainEqual({ code: "expertise_exact", uri: "g1", points: 100 });
  });

  it("sums over distinct targets", () => {
    expect(scoreOf(targeting(s1, s3), coach({ expertise: [s1] }))).toBe(FULL_DAY + 100 + 15);
    expect(scoreOf(targeting(s1, s1), coach({ expertise: [s1] }))).toBe(FULL_DAY + 100);
  });

  it("reaches only as far as there are related weights", () => {
    expect(scoreOf(targeting(s1), coach({ expertise: [s3] }), { weights: { expertiseRelated: [40] } })).toBe(FULL_DAY);
    expect(scoreOf(targeting(s1), coach({ expertise: [s2] }), { weights: { expertiseRelated: [25, 5] } })).toBe(FULL_DAY + 25);
  });
});

describe("scoreCoachMatch: working time", () => {
  it("places a night shift in UTC across midnight", () => {
    expect(utcWindow({ startHour: 22, endHour: 6 }, 120)).toEqual({ start: 20 * 60, length: 8 * 60 });
    expect(utcWindow({ startHour: 1, endHour: 3 }, 180)).toEqual({ start: 22 * 60, length: 2 * 60 });
  });

  it("counts hours shared past midnight", () => {
    // Kyiv 22–6 is 20:00–04:00 UTC; New York 17–21 (UTC−5) is 22:00–02:00 UTC: four hours.
    const kyivNights = candidate({ utcOffsetMinutes: 120, workingHours: { startHour: 22, endHour: 6 } });
    const newYork = coach({ utcOffsetMinutes: -300, workingHours: { startHour: 17, endHour: 21 } });
    expect(scoreCoachMatch(kyivNights, newYork).reasons).toContainEqual({ code: "timezone_overlap", hours: 4, points: 16 });
    expect(scoreOf(kyivNights, coach({ workingHours: { startHour: 3, endHour: 5 } }))).toBe(4);
  });

  it("gives nothing for windows that never meet, and rounds partial hours down", () => {
    const evening = coach({ workingHours: { startHour: 18, endHour: 21 } });
    expect(scoreCoachMatch(candidate(), evening)).toEqual({ eligible: true, score: 0, reasons: [{ code: "language_shared", language: "en", candidateLevel: "B2", coachLevel: "C1" }] });
    const shortMorning = candidate({ workingHours: { startHour: 8.25, endHour: 9.75 } });
    expect(scoreCoachMatch(shortMorning, coach()).reasons).toContainEqual({ code: "timezone_overlap", hours: 0.75, points: 3 });
  });

  it("treats hours that are not numbers as no time, and clamps hours outside the day", () => {
    expect(utcWindow({ startHour: Number.NaN, endHour: 17 }, 0)).toEqual({ start: 0, length: 0 });
    expect(utcWindow({ startHour: 9, endHour: 17 }, Number.NaN)).toEqual({ start: 0, length: 0 });
    expect(utcWindow({ startHour: -3, endHour: 30 }, 60)).toEqual({ start: 23 * 60, length: 24 * 60 });
    expect(scoreOf(candidate({ workingHours: { startHour: Number.NaN, endHour: 17 } }), coach())).toBe(0);
  });

  it("agrees with counting shared minutes one by one", () => {
    const window = fc.record({ startHour: fc.integer({ min: 0, max: 96 }).map((q) => q / 4), endHour: fc.integer({ min: 0, max: 96 }).map((q) => q / 4), offset: fc.integer({ min: -720, max: 840 }) });
    fc.assert(
      fc.property(window, window, (a, b) => {
        const wa = utcWindow(a, a.offset);
        const wb = utcWindow(b, b.offset);
        const inside = (w: { start: number; length: number }, minute: number) => (minute - w.start + 1440) % 1440 < w.length;
        let shared = 0;
        for (let minute = 0; minute < 1440; minute++) if (inside(wa, minute) && inside(wb, minute)) shared++;
        expect(overlapMinutes(wa, wb)).toBe(shared);
        expect(overlapMinutes(wb, wa)).toBe(shared);
      }),
      { numRuns: 300 },
    );
  });
});

describe("scoreCoachMatch: preferences", () => {
  it("credits each distinct preference the coach offers", () => {
    const c = candidate({ preferenceTags: ["gender:female", "format:video", "gender:female"] });
    const evaluation = scoreCoachMatch(c, coach({ tags: ["format:chat", "gender:female"] }));
    expect(evaluation.eligible && evaluation.score).toBe(FULL_DAY + 15);
    expect(evaluation.reasons.filter((reason) => reason.code === "preference")).toEqual([{ code: "preference", tag: "gender:female", points: 15 }]);
  });
});

describe("resolveMatchOptions", () => {
  it("fills in defaults, ignoring entries set to undefined", () => {
    const options = resolveMatchOptions({ edgesPerCandidate: undefined, weights: { preference: 20, expertiseExact: undefined } });
    expect(options.edgesPerCandidate).toBe(8);
    expect(options.weights).toMatchObject({ preference: 20, expertiseExact: 100 });
  });

  it("refuses options it would have to guess at", () => {
    expect(() => resolveMatchOptions({ weights: { preference: -1 } })).toThrow(RangeError);
    expect(() => resolveMatchOptions({ weights: { timezonePerHour: 2.5 } })).toThrow(RangeError);
    expect(() => resolveMatchOptions({ weights: { expertiseRelated: [40, Number.NaN] } })).toThrow(RangeError);
    expect(() => resolveMatchOptions({ workingLevel: "B3" as never })).toThrow(RangeError);
    expect(() => resolveMatchOptions({ edgesPerCandidate: 0 })).toThrow(RangeError);
    expect(() => resolveMatchOptions({ gapShare: -0.1 })).toThrow(RangeError);
  });
});
