import { describe, expect, it } from "vitest";
import { compilePool } from "./compile";
import { overDemandedCoaches } from "./pricing";
import { resolveMatchOptions, type LanguageAbility, type MatchCandidate, type MatchCoach } from "./types";

const speaking = (...codes: string[]): LanguageAbility[] => codes.map((code) => ({ code, level: "C2" }));

function candidate(id: string, languages: LanguageAbility[]): MatchCandidate {
  return { id, languages, targetSkills: [], utcOffsetMinutes: 0, workingHours: { startHour: 9, endHour: 17 }, consentsToCoaching: true, excludedCoachIds: [], preferenceTags: [], referringOrganisationId: null };
}

function coach(id: string, languages: LanguageAbility[], capacity: number): MatchCoach {
  return { id, languages, expertise: [], capacity, utcOffsetMinutes: 0, workingHours: { startHour: 9, endHour: 17 }, paused: false, tags: [], caseworkerOrganisationIds: [] };
}

describe("overDemandedCoaches", () => {
  it("marks the coaches some candidate must lose out on, judged by language", () => {
    const candidates = [candidate("a1", speaking("ar")), candidate("a2", speaking("ar")), candidate("a3", speaking("ar", "fa")), candidate("e1", speaking("en")), candidate("e2", speaking("en", "ar"))];
    const coaches = [coach("arabic", speaking("ar"), 1), coach("farsi", speaking("fa", "en"), 1), coach("english", speaking("en"), 5)];
    // Three candidates need the Arabic or Farsi coach, one slot each: someone who can only speak
    // Arabic is left over, wanting the Arabic coach. The Farsi coach fills up too, but nobody left
    // over could take it; English has room to spare for e1 and e2.
    expect(Array.from(overDemandedCoaches(compilePool(candidates, coaches, resolveMatchOptions())))).toEqual([1, 0, 0]);
  });

  it("marks nothing when every candidate can be placed", () => {
    const candidates = [candidate("a1", speaking("ar")), candidate("e1", speaking("en", "ar"))];
    const coaches = [coach("arabic", speaking("ar"), 1), coach("english", speaking("en"), 1)];
    expect(Array.from(overDemandedCoaches(compilePool(candidates, coaches, resolveMatchOptions())))).toEqual([0, 0]);
  });
});
