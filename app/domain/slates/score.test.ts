import { describe, expect, it } from "vitest";
import { NOW, smallTaxonomy } from "./arbitraries";
import { availableDecisions, describeSlateReason, reasonGroup } from "./decisions";
import { evaluateCandidate, hardFilterRejections, relatedConcepts } from "./score";
import type { RoleRequirements, SlateCandidate } from "./types";

const DAY = 86_400_000;
const role: RoleRequirements = {
  skills: [
    { uri: "s1", weight: 5, minLevel: 3, required: true },
    { uri: "s4", weight: 2, minLevel: 4, required: false },
    { uri: "s5", weight: 1, minLevel: 1, required: false },
  ],
  languages: [{ code: "en", minLevel: "B1" }],
  utcOffsetMinutes: 60,
  minOverlapHours: 4,
  hoursPerWeek: 20,
  countries: [],
};
const person: SlateCandidate = {
  id: "c1",
  skills: [
    { uri: "s1", level: 2, badges: ["award-7"] },
    { uri: "s4", level: 3, badges: [] },
  ],
  languages: [{ code: "en", level: "C1" }],
  utcOffsetMinutes: 120,
  availabilityHours: 30,
  currentCountry: "PL",
  countryOfOrigin: "UA",
  referringOrganisationId: "ngo-1",
  consentsToEmployers: true,
  placed: false,
  interestConfirmedAt: NOW - 10 * DAY,
  coachRecommended: true,
};

describe("evaluateCandidate", () => {
  it("explains every role skill and every fit, with the points each earns", () => {
    const evaluation = evaluateCandidate(role, person, smallTaxonomy, NOW);
    expect(evaluation).toEqual({
      eligible: true,
      score: 100 + 6 + 2 + 4 + 14 + 5 + 15,
      reasons: [
        // A badge meets the level even though the declared level (2) is below the 3 asked; required doubles.
        { code: "skill_verified", uri: "s1", badges: ["award-7"], required: true, points: 10 * 5 * 2 },
        { code: "skill_below_level", uri: "s4", level: 3, minLevel: 4, required: false, points: 3 * 2 },
        // s5 is missing, but s4 is in the same group: partial credit.
        { code: "skill_related", uri: "s5", via: "s4", required: false, points: 2 * 1 },
        { code: "language_fit", language: "en", level: "C1", minLevel: "B1", points: 4 },
        { code: "timezone_overlap", hours: 7, points: 14 },
        { code: "availability_fit", hours: 30, needed: 20, points: 5 },
        { code: "coach_recommended", points: 15 },
      ],
    });
  });

  it("counts a declared skill at the level asked between a badge and a lower level", () => {
    const declared = evaluateCandidate(role, { ...person, skills: [{ uri: "s1", level: 3, badges: [] }] }, smallTaxonomy, NOW);
    const below = evaluateCandidate(role, { ...person, skills: [{ uri: "s1", level: 2, badges: [] }] }, smallTaxonomy, NOW);
    const proven = evaluateCandidate(role, { ...person, skills: [{ uri: "s1", level: 1, badges: ["b"] }] }, smallTaxonomy, NOW);
    const points = (e: typeof declared) => (e.eligible ? e.reasons.find((r) => r.code.startsWith("skill_") && "uri" in r && r.uri === "s1") : null);
    expect(points(proven)).toMatchObject({ code: "skill_verified", points: 100 });
    expect(points(declared)).toMatchObject({ code: "skill_declared", points: 60 });
    expect(points(below)).toMatchObject({ code: "skill_below_level", points: 30 });
  });

  it("lists missing skills and leaves out someone who matches none", () => {
    const partial = evaluateCandidate(role, { ...person, skills: [{ uri: "s6", level: 5, badges: [] }] }, smallTaxonomy, NOW);
    // s6 is narrower than s1: related; s4 and s5 are missing.
    expect(partial.eligible && partial.reasons.filter((r) => r.code.startsWith("skill_")).map((r) => r.code)).toEqual(["skill_related", "skill_missing", "skill_missing"]);
    expect(evaluateCandidate(role, { ...person, skills: [{ uri: "g3", level: 5, badges: [] }] }, smallTaxonomy, NOW)).toEqual({ eligible: false, rejections: [{ code: "no_skill_match" }] });
  });

  it("gives every hard filter its own reason", () => {
    const everything = hardFilterRejections(
      { ...role, countries: ["DE"] },
      { ...person, consentsToEmployers: false, placed: true, interestConfirmedAt: NOW - 91 * DAY, languages: [{ code: "en", level: "A2" }], utcOffsetMinutes: -300, availabilityHours: 10 },
      NOW,
    );
    expect(everything).toEqual([
      { code: "no_consent" },
      { code: "placed" },
      { code: "interest_stale" },
      { code: "language_missing", language: "en", minLevel: "B1" },
      { code: "timezone", hours: 2, needed: 4 },
      { code: "availability", hours: 10, needed: 20 },
      { code: "country" },
    ]);
    // Unknown hours never exclude; an unknown time zone does when the role needs overlap.
    expect(hardFilterRejections(role, { ...person, availabilityHours: null }, NOW)).toEqual([]);
    expect(hardFilterRejections(role, { ...person, utcOffsetMinutes: null }, NOW)).toEqual([{ code: "timezone", hours: 0, needed: 4 }]);
    expect(hardFilterRejections({ ...role, minOverlapHours: 0 }, { ...person, utcOffsetMinutes: null }, NOW)).toEqual([]);
    // Exactly 90 days ago still counts.
    expect(hardFilterRejections(role, { ...person, interestConfirmedAt: NOW - 90 * DAY }, NOW)).toEqual([]);
  });
});

describe("relatedConcepts", () => {
  it("takes narrower concepts, broader groups and their other members, never the skill itself", () => {
    expect(relatedConcepts("s1", smallTaxonomy)).toEqual(["g1", "s2", "s3", "s6"]);
    expect(relatedConcepts("s6", smallTaxonomy)).toEqual(["s1"]);
  });
});

describe("decisions", () => {
  it("offers only what the entry's state allows", () => {
    expect(availableDecisions("new")).toEqual(["shortlist", "reject", "request_introduction"]);
    expect(availableDecisions("introduction_requested")).toEqual([]);
    expect(availableDecisions("introduced")).toEqual(["reject", "offer"]);
    expect(availableDecisions("offered")).toEqual([]);
  });

  it("writes each reason as a key with its values, grouped as the page shows them", () => {
    const names = (code: string) => ({ en: "English" })[code] ?? code;
    expect(describeSlateReason({ code: "skill_related", label: "Python", via: "s4", viaLabel: "SQL" }, names)).toEqual({ key: "slates:slate.reasons.skill_related", values: { skill: "Python", via: "SQL" } });
    expect(describeSlateReason({ code: "language_fit", label: "", language: "en", level: "C1", minLevel: "B1" }, names)).toEqual({ key: "slates:slate.reasons.language_fit", values: { language: "English", level: "C1", min: "B1" } });
    expect(describeSlateReason({ code: "timezone_overlap", label: "", hours: 5.5 }, names).values).toEqual({ hours: 5.5 });
    expect(["skill_verified", "skill_missing", "language_fit"].map(reasonGroup)).toEqual(["matched", "missing", "fit"]);
  });
});
