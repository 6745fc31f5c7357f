// One candidate against one role: may they be on its slate, and how well do they fit. This is the
// readable reference; the index (slate-index.ts) must rank exactly as it does (slate-index.test.ts).
import { overlapMinutes, utcWindow } from "../matching/score";
import { CEFR_LEVELS } from "../profile/languages";
import { DAY_MS, INTEREST_VALID_DAYS, type CandidateEvaluation, type RoleRequirements, type RoleSkill, type SlateCandidate, type SlateReason, type SlateRejection, type SlateTaxonomy } from "./types";

/** Points per unit of a skill's weight, doubled for a required skill. */
export const SKILL_POINTS = { verified: 10, declared: 6, belowLevel: 3, related: 2, requiredFactor: 2 } as const;
export const FIT_POINTS = { perLanguageLevelAbove: 2, languageLevelsCounted: 2, perOverlapHour: 2, availability: 5, coachRecommended: 15 } as const;

/** Both sides' day is taken as 9:00–17:00 local time; the overlap is what those two windows share. */
export const WORKING_DAY = { startHour: 9, endHour: 17 } as const;

export function skillPoints(skill: RoleSkill, kind: "verified" | "declared" | "belowLevel" | "related"): number {
  return SKILL_POINTS[kind] * skill.weight * (skill.required ? SKILL_POINTS.requiredFactor : 1);
}

export function overlapWithEmployer(candidateOffset: number, employerOffset: number): number {
  return overlapMinutes(utcWindow(WORKING_DAY, candidateOffset), utcWindow(WORKING_DAY, employerOffset));
}

export function interestCutoff(now: number): number {
  return now - INTEREST_VALID_DAYS * DAY_MS;
}

/**
 * Concepts that earn partial credit for a role skill: the skills narrower than it, its broader
 * concepts, and its siblings under those (the same skill group). Sorted, so "via" is stable.
 */
export function relatedConcepts(uri: string, taxonomy: SlateTaxonomy): string[] {
  const related = new Set<string>(taxonomy.narrower(uri));
  for (const parent of taxonomy.broader(uri)) {
    related.add(parent);
    for (const sibling of taxonomy.narrower(parent)) related.add(sibling);
  }
  related.delete(uri);
  return [...related].sort();
}

/** A candidate's skills by concept: the highest level and every badge, however often listed. */
function skillsByUri(candidate: SlateCandidate): Map<string, { level: number; badges: string[] }> {
  const skills = new Map<string, { level: number; badges: string[] }>();
  for (const { uri, level, badges } of candidate.skills) {
    const seen = skills.get(uri);
    if (seen) {
      seen.level = Math.max(seen.level, level);
      seen.badges.push(...badges.filter((badge) => !seen.badges.includes(badge)));
    } else skills.set(uri, { level, badges: [...badges] });
  }
  return skills;
}

function cefrRank(level: string): number {
  return (CEFR_LEVELS as readonly string[]).indexOf(level);
}

/** Every hard filter the candidate fails for the role, skills aside. */
export function hardFilterRejections(role: RoleRequirements, candidate: SlateCandidate, now: number): SlateRejection[] {
  const rejections: SlateRejection[] = [];
  if (!candidate.consentsToEmployers) rejections.push({ code: "no_consent" });
  if (candidate.placed) rejections.push({ code: "placed" });
  if (candidate.interestConfirmedAt === null || candidate.interestConfirmedAt < interestCutoff(now)) rejections.push({ code: "interest_stale" });
  for (const { code, minLevel } of role.languages) {
    const best = Math.max(-1, ...candidate.languages.filter((l) => l.code === code).map((l) => cefrRank(l.level)));
    if (best < cefrRank(minLevel)) rejections.push({ code: "language_missing", language: code, minLevel });
  }
  if (role.minOverlapHours > 0) {
    const minutes = candidate.utcOffsetMinutes === null ? 0 : overlapWithEmployer(candidate.utcOffsetMinutes, role.utcOffsetMinutes);
    if (minutes < role.minOverlapHours * 60) rejections.push({ code: "timezone", hours: minutes / 60, needed: role.minOverlapHours });
  }
  if (candidate.availabilityHours !== null && candidate.availabilityHours < role.hoursPerWeek) {
    rejections.push({ code: "availability", hours: candidate.availabilityHours, needed: role.hoursPerWeek });
  }
  if (role.countries.length > 0 && (candidate.currentCountry === null || !role.countries.includes(candidate.currentCountry))) rejections.push({ code: "country" });
  return rejections;
}

/**
 * Scores a candidate for a role, with the reasons the slate shows, or says why they are not
 * eligible. Each role skill earns points once, from the best way the candidate meets it: a badge
 * proving it, the declared skill at or below the level asked, or else a related concept.
 */
export function evaluateCandidate(role: RoleRequirements, candidate: SlateCandidate, taxonomy: SlateTaxonomy, now: number): CandidateEvaluation {
  const rejections = hardFilterRejections(role, candidate, now);
  const held = skillsByUri(candidate);
  const reasons: SlateReason[] = [];
  let score = 0;
  let matched = 0;

  for (const skill of role.skills) {
    const own = held.get(skill.uri);
    if (own && own.badges.length > 0) {
      const points = skillPoints(skill, "verified");
      reasons.push({ code: "skill_verified", uri: skill.uri, badges: own.badges, required: skill.required, points });
      score += points;
    } else if (own) {
      const meets = own.level >= skill.minLevel;
      const points = skillPoints(skill, meets ? "declared" : "belowLevel");
      reasons.push({ code: meets ? "skill_declared" : "skill_below_level", uri: skill.uri, level: own.level, minLevel: skill.minLevel, required: skill.required, points });
      score += points;
    } else {
      const via = relatedConcepts(skill.uri, taxonomy).find((uri) => held.has(uri));
      if (via === undefined) {
        reasons.push({ code: "skill_missing", uri: skill.uri, required: skill.required });
        continue;
      }
      const points = skillPoints(skill, "related");
      reasons.push({ code: "skill_related", uri: skill.uri, via, required: skill.required, points });
      score += points;
    }
    matched++;
  }
  if (matched === 0) rejections.push({ code: "no_skill_match" });
  if (rejections.length > 0) return { eligible: false, rejections };

  for (const { code, minLevel } of role.languages) {
    const best = Math.max(...candidate.languages.filter((l) => l.code === code).map((l) => cefrRank(l.level)));
    const points = Math.min(FIT_POINTS.languageLevelsCounted, best - cefrRank(minLevel)) * FIT_POINTS.perLanguageLevelAbove;
    reasons.push({ code: "language_fit", language: code, level: CEFR_LEVELS[best] as (typeof CEFR_LEVELS)[number], minLevel, points });
    score += points;
  }
  if (candidate.utcOffsetMinutes !== null) {
    const minutes = overlapWithEmployer(candidate.utcOffsetMinutes, role.utcOffsetMinutes);
    const points = Math.floor((minutes * FIT_POINTS.perOverlapHour) / 60);
    reasons.push({ code: "timezone_overlap", hours: minutes / 60, points });
    score += points;
  }
  if (candidate.availabilityHours === null) reasons.push({ code: "availability_unknown" });
  else {
    reasons.push({ code: "availability_fit", hours: candidate.availabilityHours, needed: role.hoursPerWeek, points: FIT_POINTS.availability });
    score += FIT_POINTS.availability;
  }
  if (candidate.coachRecommended) {
    reasons.push({ code: "coach_recommended", points: FIT_POINTS.coachRecommended });
    score += FIT_POINTS.coachRecommended;
  }
  return { eligible: true, score, reasons };
}
