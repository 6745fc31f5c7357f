// Random pools and roles for the slate engine's property tests (fast-check). Small on purpose: a
// two-group taxonomy, three languages, two NGOs and countries, so that rules and ties collide.
import fc from "fast-check";
import { CEFR_LEVELS } from "../profile/languages";
import type { RoleRequirements, SlateCandidate, SlateTaxonomy } from "./types";

const GROUPS: Record<string, string[]> = { g1: ["s1", "s2", "s3"], g2: ["s4", "s5"] };
/** s6 is narrower than s1, the way ESCO nests some skills. */
const NARROWER: Record<string, string[]> = { ...GROUPS, s1: ["s6"] };
const BROADER: Record<string, string[]> = { s1: ["g1"], s2: ["g1"], s3: ["g1"], s4: ["g2"], s5: ["g2"], s6: ["s1"] };
export const CONCEPTS = ["g1", "g2", "s1", "s2", "s3", "s4", "s5", "s6"];

export const smallTaxonomy: SlateTaxonomy = {
  broader: (uri) => BROADER[uri] ?? [],
  narrower: (uri) => NARROWER[uri] ?? [],
};

export const NOW = Date.UTC(2026, 11, 5);
const DAY = 86_400_000;

const languages = fc.array(fc.record({ code: fc.constantFrom("uk", "en", "ar"), level: fc.constantFrom(...CEFR_LEVELS) }), { minLength: 1, maxLength: 3 });
/** Mostly true, so that most candidates pass most filters and slates are rarely empty. */
const usually = fc.integer({ min: 0, max: 5 }).map((n) => n > 0);
const offset = fc.constantFrom(-300, 0, 60, 120, 180, 270, 480);
const country = fc.constantFrom("PL", "DE", "UA");

export function candidateArbitrary(id: string): fc.Arbitrary<SlateCandidate> {
  return fc.record({
    id: fc.constant(id),
    skills: fc.array(fc.record({ uri: fc.constantFrom(...CONCEPTS), level: fc.integer({ min: 1, max: 5 }), badges: fc.constantFrom([], ["award-1"]) }), { maxLength: 4 }),
    languages,
    utcOffsetMinutes: fc.option(offset, { nil: null }),
    availabilityHours: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 4 }),
    currentCountry: fc.option(country, { nil: null, freq: 6 }),
    countryOfOrigin: fc.option(fc.constantFrom("UA", "SY", "AF"), { nil: null }),
    referringOrganisationId: fc.option(fc.constantFrom("ngo-1", "ngo-2"), { nil: null }),
    consentsToEmployers: usually,
    placed: usually.map((b) => !b),
    interestConfirmedAt: fc.option(fc.integer({ min: -100, max: 0 }).map((days) => NOW + days * DAY), { nil: null, freq: 8 }),
    coachRecommended: fc.boolean(),
  });
}

export const poolArbitrary = (maxLength: number) =>
  fc.integer({ min: 0, max: maxLength }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => candidateArbitrary(`c${String(i).padStart(3, "0")}`))));

export const roleArbitrary: fc.Arbitrary<RoleRequirements> = fc.record({
  skills: fc.uniqueArray(
    fc.record({ uri: fc.constantFrom(...CONCEPTS), weight: fc.integer({ min: 1, max: 5 }), minLevel: fc.integer({ min: 1, max: 5 }), required: fc.boolean() }),
    { minLength: 1, maxLength: 4, selector: (skill) => skill.uri },
  ),
  languages: fc.uniqueArray(fc.record({ code: fc.constantFrom("uk", "en", "ar"), minLevel: fc.constantFrom(...CEFR_LEVELS) }), { maxLength: 1, selector: (l) => l.code }),
  utcOffsetMinutes: offset,
  minOverlapHours: fc.integer({ min: 0, max: 12 }).map((hours) => (hours > 8 ? 0 : hours)),
  hoursPerWeek: fc.integer({ min: 0, max: 30 }),
  countries: fc.oneof(fc.constant([]), fc.uniqueArray(country, { minLength: 1, maxLength: 2 })),
});
