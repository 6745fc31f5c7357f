// Random pools for the matching engine's property tests (fast-check). Small on purpose: few
// languages, a two-area taxonomy, two NGOs and a handful of tags, so that rules collide often.
import fc from "fast-check";
import { CEFR_LEVELS } from "../profile/languages";
import type { MatchCandidate, MatchCoach, TaxonomyNode } from "./types";

const AREAS = ["a1", "a2"];
const GROUPS: ReadonlyArray<readonly [string, string]> = [
  ["g1", "a1"],
  ["g2", "a1"],
  ["g3", "a2"],
];
/** Skills s1…s6, two per group, with their groups and areas as ancestors. */
const TAXONOMY: readonly TaxonomyNode[] = [
  ...AREAS.map((uri) => ({ uri, ancestors: [] })),
  ...GROUPS.map(([uri, area]) => ({ uri, ancestors: [area] })),
  ...GROUPS.flatMap(([group, area], g) => [1, 2].map((k) => ({ uri: `s${2 * g + k}`, ancestors: [group, area] }))),
];
const LANGUAGES = ["uk", "en", "ar"];
const TAGS = ["gender:female", "gender:male", "format:video", "format:chat"];
const ORGANISATIONS = ["ngo-1", "ngo-2"];

const node = fc.constantFrom(...TAXONOMY);
const languages = (minLength: number) => fc.array(fc.record({ code: fc.constantFrom(...LANGUAGES), level: fc.constantFrom(...CEFR_LEVELS) }), { minLength, maxLength: 3 });
const hours = fc.record({ startHour: fc.integer({ min: 0, max: 48 }).map((h) => h / 2), endHour: fc.integer({ min: 0, max: 48 }).map((h) => h / 2) });
const offset = fc.integer({ min: -24, max: 28 }).map((half) => half * 30);

function coachArbitrary(id: string): fc.Arbitrary<MatchCoach> {
  return fc.record({
    id: fc.constant(id),
    languages: languages(1),
    expertise: fc.array(node, { maxLength: 3 }),
    capacity: fc.integer({ min: 0, max: 3 }),
    utcOffsetMinutes: offset,
    workingHours: hours,
    paused: fc.integer({ min: 0, max: 9 }).map((roll) => roll === 0),
    tags: fc.subarray(TAGS),
    caseworkerOrganisationIds: fc.subarray(ORGANISATIONS),
  });
}

function candidateArbitrary(id: string, coachIds: readonly string[]): fc.Arbitrary<MatchCandidate> {
  return fc.record({
    id: fc.constant(id),
    languages: languages(0),
    targetSkills: fc.array(node, { maxLength: 3 }),
    utcOffsetMinutes: offset,
    workingHours: hours,
    consentsToCoaching: fc.integer({ min: 0, max: 9 }).map((roll) => roll !== 0),
    excludedCoachIds: fc.subarray([...coachIds, "coach-gone"], { maxLength: 2 }),
    preferenceTags: fc.array(fc.constantFrom(...TAGS), { maxLength: 2 }),
    referringOrganisationId: fc.constantFrom(null, ...ORGANISATIONS),
  });
}

/** A pool of `candidates` × `coaches` (ranges inclusive), ids unique. */
export function poolArbitrary(candidates: { min: number; max: number }, coaches: { min: number; max: number }): fc.Arbitrary<{ candidates: MatchCandidate[]; coaches: MatchCoach[] }> {
  return fc
    .tuple(fc.integer(candidates), fc.integer(coaches))
    .chain(([candidateCount, coachCount]) => {
      const coachIds = Array.from({ length: coachCount }, (_, j) => `coach-${j}`);
      return fc.record({
        candidates: fc.tuple(...Array.from({ length: candidateCount }, (_, i) => candidateArbitrary(`cand-${i}`, coachIds))),
        coaches: fc.tuple(...coachIds.map(coachArbitrary)),
      });
    })
    .map(({ candidates, coaches }) => ({ candidates: [...candidates], coaches: [...coaches] }));
}
