// One candidate–coach pair: may they be matched, and how well. This is the readable reference; the
// engine's compiled fast path (compile.ts) must agree with it pair for pair (compile.test.ts).
import { CEFR_LEVELS, type CefrLevel } from "../profile/languages";
import {
  resolveMatchOptions,
  type LanguageAbility,
  type MatchCandidate,
  type MatchCoach,
  type MatchOptions,
  type MatchOptionsInput,
  type MatchReason,
  type PairEvaluation,
  type RejectionReason,
  type WorkingHours,
} from "./types";

const MINUTES_PER_DAY = 1440;

export function cefrRank(level: CefrLevel): number {
  return CEFR_LEVELS.indexOf(level);
}

/**
 * A working window as [start, start + length) in UTC minutes of the day, start in [0, 1440),
 * length in [0, 1440]. Hours are clamped to [0, 24]; a non-number hour or offset means no time.
 */
export function utcWindow(hours: WorkingHours, utcOffsetMinutes: number): { start: number; length: number } {
  if (!Number.isFinite(hours.startHour) || !Number.isFinite(hours.endHour) || !Number.isFinite(utcOffsetMinutes)) return { start: 0, length: 0 };
  const startHour = Math.min(24, Math.max(0, hours.startHour));
  const endHour = Math.min(24, Math.max(0, hours.endHour));
  const spanHours = endHour > startHour ? endHour - startHour : endHour < startHour ? endHour + 24 - startHour : 0;
  const length = Math.min(MINUTES_PER_DAY, Math.round(spanHours * 60));
  const start = ((Math.round(startHour * 60 - utcOffsetMinutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return { start, length };
}

/** Slots a coach can still take: `capacity` rounded down, and 0 when negative or not a number. */
export function effectiveCapacity(coach: MatchCoach): number {
  const { capacity } = coach;
  return capacity >= 1 ? Math.floor(capacity) : 0;
}

/**
 * Minutes per day both windows share. The day is a circle, so a window crossing UTC midnight is
 * compared against the other shifted a day either way (the three copies of `b` are disjoint, as
 * neither window is longer than a day, so nothing is counted twice). Weekdays are not modelled: a coach at
 * UTC−5 working 18–21 meets a Kyiv candidate after midnight Kyiv time, which only counts if the
 * candidate's own window says so.
 */
export function overlapMinutes(a: { start: number; length: number }, b: { start: number; length: number }): number {
  let total = 0;
  for (const shift of [-MINUTES_PER_DAY, 0, MINUTES_PER_DAY]) {
    const from = Math.max(a.start, b.start + shift);
    const to = Math.min(a.start + a.length, b.start + shift + b.length);
    if (to > from) total += to - from;
  }
  return total;
}

export function timezonePoints(minutes: number, perHour: number): number {
  return Math.floor((minutes * perHour) / 60);
}

/** The highest level per language (a profile might list one twice). */
function levelsByLanguage(languages: readonly LanguageAbility[]): Map<string, number> {
  const levels = new Map<string, number>();
  for (const { code, level } of languages) levels.set(code, Math.max(levels.get(code) ?? -1, cefrRank(level)));
  return levels;
}

/** Everything a coach's expertise covers: the nodes listed and all their broader groups. */
function coveredNodes(coach: MatchCoach): Set<string> {
  const covered = new Set<string>();
  for (const node of coach.expertise) {
    covered.add(node.uri);
    for (const ancestor of node.ancestors) covered.add(ancestor);
  }
  return covered;
}

/** What scoring needs from a coach alone; the engine computes it once per coach, not per pair. */
export interface CoachProfile {
  levels: Map<string, number>;
  covered: Set<string>;
  tags: Set<string>;
  window: { start: number; length: number };
}

export function coachProfile(coach: MatchCoach): CoachProfile {
  return { levels: levelsByLanguage(coach.languages), covered: coveredNodes(coach), tags: new Set(coach.tags), window: utcWindow(coach.workingHours, coach.utcOffsetMinutes) };
}

/** Every hard rule the pair breaks; empty when they may be matched. */
export function rejectionReasons(candidate: MatchCandidate, coach: MatchCoach, options: MatchOptions): RejectionReason[] {
  return rulesBroken(candidate, coach, options, sharedLanguages(candidate, levelsByLanguage(coach.languages), options));
}

function rulesBroken(candidate: MatchCandidate, coach: MatchCoach, options: MatchOptions, shared: readonly SharedLanguage[]): RejectionReason[] {
  const reasons: RejectionReason[] = [];
  if (!candidate.consentsToCoaching) reasons.push({ code: "no_consent" });
  if (coach.paused) reasons.push({ code: "coach_paused" });
  if (effectiveCapacity(coach) === 0) reasons.push({ code: "coach_full" });
  if (candidate.excludedCoachIds.includes(coach.id)) reasons.push({ code: "excluded" });
  const organisationId = candidate.referringOrganisationId;
  if (options.forbidOwnNgo && organisationId !== null && coach.caseworkerOrganisationIds.includes(organisationId)) {
    reasons.push({ code: "conflict_of_interest", organisationId });
  }
  if (shared.length === 0) reasons.push({ code: "no_shared_language" });
  return reasons;
}

interface SharedLanguage {
  language: string;
  candidate: number;
  coach: number;
}

/** Languages both speak at working level, in the candidate's order, with both levels (CEFR ranks). */
function sharedLanguages(candidate: MatchCandidate, coachLevels: Map<string, number>, options: MatchOptions): SharedLanguage[] {
  const working = cefrRank(options.workingLevel);
  const shared: SharedLanguage[] = [];
  for (const [language, level] of levelsByLanguage(candidate.languages)) {
    const coachLevel = coachLevels.get(language) ?? -1;
    if (level >= working && coachLevel >= working) shared.push({ language, candidate: level, coach: coachLevel });
  }
  return shared;
}

/**
 * Scores a pair, or says why it cannot be matched.
 *
 * Expertise: for each distinct target skill, the nearest point where its chain (the skill, then
 * its groups) meets what the coach covers. At the skill itself — the coach lists it, or lists
 * something narrower inside it — full credit; at a group, the credit for that distance
 * (`expertiseRelated`), nothing beyond. Summed over targets, so a coach covering more of what
 * the candidate aims for ranks higher.
 */
export function scoreCoachMatch(candidate: MatchCandidate, coach: MatchCoach, optionsInput?: MatchOptionsInput): PairEvaluation {
  return evaluatePair(candidate, coach, resolveMatchOptions(optionsInput));
}

/**
 * `scoreCoachMatch` with options already resolved (the engine calls it once per assignment, with
 * each coach's profile computed once).
 */
export function evaluatePair(candidate: MatchCandidate, coach: MatchCoach, options: MatchOptions, profile: CoachProfile = coachProfile(coach)): PairEvaluation {
  const shared = sharedLanguages(candidate, profile.levels, options);
  const rejections = rulesBroken(candidate, coach, options, shared);
  if (rejections.length > 0) return { eligible: false, reasons: rejections };

  const { weights } = options;
  const reasons: MatchReason[] = [];
  let score = 0;

  for (const { language, candidate: candidateLevel, coach: coachLevel } of shared) {
    reasons.push({ code: "language_shared", language, candidateLevel: CEFR_LEVELS[candidateLevel] as CefrLevel, coachLevel: CEFR_LEVELS[coachLevel] as CefrLevel });
  }
  const strong = cefrRank(options.strongLevel);
  const strongShared = shared.find((language) => language.candidate >= strong && language.coach >= strong);
  if (strongShared && weights.languageStrength > 0) {
    reasons.push({ code: "language_strong", language: strongShared.language, points: weights.languageStrength });
    score += weights.languageStrength;
  }

  const { covered } = profile;
  const seenTargets = new Set<string>();
  for (const target of candidate.targetSkills) {
    if (seenTargets.has(target.uri)) continue;
    seenTargets.add(target.uri);
    if (covered.has(target.uri)) {
      reasons.push({ code: "expertise_exact", uri: target.uri, points: weights.expertiseExact });
      score += weights.expertiseExact;
      continue;
    }
    const reach = Math.min(target.ancestors.length, weights.expertiseRelated.length);
    for (let distance = 1; distance <= reach; distance++) {
      const via = target.ancestors[distance - 1] as string;
      if (!covered.has(via)) continue;
      const points = weights.expertiseRelated[distance - 1] as number;
      if (points > 0) {
        reasons.push({ code: "expertise_related", uri: target.uri, via, distance, points });
        score += points;
      }
      break;
    }
  }

  const minutes = overlapMinutes(utcWindow(candidate.workingHours, candidate.utcOffsetMinutes), profile.window);
  if (minutes > 0) {
    const points = timezonePoints(minutes, weights.timezonePerHour);
    reasons.push({ code: "timezone_overlap", hours: minutes / 60, points });
    score += points;
  }

  for (const tag of new Set(candidate.preferenceTags)) {
    if (!profile.tags.has(tag)) continue;
    reasons.push({ code: "preference", tag, points: weights.preference });
    score += weights.preference;
  }

  return { eligible: true, score, reasons };
}
