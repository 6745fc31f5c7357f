// The coach-matching engine's vocabulary. Pure data: callers (models, routes, the bench) build these
// from the database; the engine never looks anything up itself.
import { CEFR_LEVELS, type CefrLevel } from "../profile/languages";

export type { CefrLevel };

export interface LanguageAbility {
  /** BCP 47 code as stored on profiles ("uk", "ar", "prs"). */
  code: string;
  level: CefrLevel;
}

/**
 * A skill or skill group from the taxonomy with its broader groups, nearest first (as the
 * taxonomy model resolves them). Matching compares chains, so it needs no taxonomy access.
 */
export interface TaxonomyNode {
  uri: string;
  ancestors: readonly string[];
}

/**
 * A daily working window in the person's local time, whole or fractional hours in [0, 24]
 * (values outside are clamped, a non-number means no time). `endHour < startHour` wraps past
 * midnight (a night shift 22–6); equal hours mean no time.
 */
export interface WorkingHours {
  startHour: number;
  endHour: number;
}

export interface MatchCandidate {
  id: string;
  languages: readonly LanguageAbility[];
  targetSkills: readonly TaxonomyNode[];
  /** Offset from UTC in minutes (+120 for Kyiv in summer); the caller resolves IANA names. Not a number: no time. */
  utcOffsetMinutes: number;
  workingHours: WorkingHours;
  consentsToCoaching: boolean;
  /** Coaches who declined this candidate or let an offer time out. */
  excludedCoachIds: readonly string[];
  /** What the candidate asked for in a coach ("gender:female"), matched against coach tags. */
  preferenceTags: readonly string[];
  referringOrganisationId: string | null;
}

export interface MatchCoach {
  id: string;
  languages: readonly LanguageAbility[];
  expertise: readonly TaxonomyNode[];
  /**
   * Remaining slots (already net of current mentees). Rounded down; negative or not a number
   * counts as 0 (the coach is full), see `effectiveCapacity` in score.ts.
   */
  capacity: number;
  utcOffsetMinutes: number;
  workingHours: WorkingHours;
  paused: boolean;
  /** What the coach offers ("gender:female", "lang:uk"); a candidate's preference tag matches one. */
  tags: readonly string[];
  /** NGOs the coach is also a caseworker for. */
  caseworkerOrganisationIds: readonly string[];
}

/** Points per criterion. Integers, so totals compare exactly and the solvers' arithmetic stays exact. */
export interface MatchWeights {
  /** Per target skill the coach lists (or lists something narrower than). */
  expertiseExact: number;
  /** Per target skill matched only through a shared group; index 0 = parent group, 1 = grandparent… */
  expertiseRelated: readonly number[];
  /** Per hour of daily working-time overlap (rounded down to whole points). */
  timezonePerHour: number;
  /** Per candidate preference tag the coach carries. */
  preference: number;
  /** Once, when both speak a shared language at `strongLevel` or above. */
  languageStrength: number;
}

export interface MatchOptions {
  /** Both must speak one language at this level or above (hard constraint). */
  workingLevel: CefrLevel;
  /** Both at this level or above in a shared language earns `weights.languageStrength`. */
  strongLevel: CefrLevel;
  /** The program forbids a caseworker coaching a candidate their own NGO referred. */
  forbidOwnNgo: boolean;
  weights: MatchWeights;
  /** Edges the solver starts from, per candidate: its best-scoring eligible coaches. */
  edgesPerCandidate: number;
  /** At most this many edges a re-pricing round adds per candidate (its best by score − price). */
  repricingEdgesPerCandidate: number;
  /**
   * At most this many re-pricing rounds (each adds edges, or finishes a solve that stopped early,
   * and solves again). The engine stops as soon as the result is proven within the tolerance below
   * (docs/decisions/008-coach-matching-engine.md).
   */
  repricingRounds: number;
  /**
   * Share of the optimal total score the result may stay below it (0.001: 0.1 %): the engine
   * stops once an LP dual bound proves the gap smaller than this share of the result's own total
   * (at most the optimum's, as the result then has the most candidates assigned), or smaller than
   * 1 point, i.e. exactly optimal, whichever is larger.
   */
  gapShare: number;
}

export const DEFAULT_MATCH_WEIGHTS: MatchWeights = {
  expertiseExact: 100,
  expertiseRelated: [40, 15],
  timezonePerHour: 4,
  preference: 15,
  languageStrength: 10,
};

export const DEFAULT_MATCH_OPTIONS: MatchOptions = {
  workingLevel: "B2",
  strongLevel: "C1",
  // Safer default: a program that allows it says so explicitly.
  forbidOwnNgo: true,
  weights: DEFAULT_MATCH_WEIGHTS,
  edgesPerCandidate: 8,
  repricingEdgesPerCandidate: 8,
  repricingRounds: 8,
  // The product's goal: within 0.1 % of the optimum, proven on every run.
  gapShare: 0.001,
};

export type MatchOptionsInput = Partial<Omit<MatchOptions, "weights">> & { weights?: Partial<MatchWeights> };

/** Weights above this are refused: scores must stay far inside exact double arithmetic. */
export const MAX_WEIGHT = 10_000;

function definedEntries<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

function checkWeight(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_WEIGHT) throw new RangeError(`matching weight ${name} must be an integer in [0, ${MAX_WEIGHT}], got ${value}`);
}

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`matching option ${name} must be an integer ≥ ${min}, got ${value}`);
}

/**
 * Defaults filled in (an `undefined` entry counts as absent). Options are configuration, not data:
 * an unknown CEFR level, a negative or fractional weight, or a non-positive edge count throws a
 * RangeError instead of being guessed at.
 */
export function resolveMatchOptions(input: MatchOptionsInput = {}): MatchOptions {
  const options: MatchOptions = {
    ...DEFAULT_MATCH_OPTIONS,
    ...definedEntries(input),
    weights: { ...DEFAULT_MATCH_WEIGHTS, ...definedEntries(input.weights) },
  };
  for (const name of ["workingLevel", "strongLevel"] as const) {
    if (!(CEFR_LEVELS as readonly string[]).includes(options[name])) throw new RangeError(`matching option ${name} must be a CEFR level, got ${options[name]}`);
  }
  const { weights } = options;
  for (const name of ["expertiseExact", "timezonePerHour", "preference", "languageStrength"] as const) checkWeight(name, weights[name]);
  weights.expertiseRelated.forEach((points, distance) => checkWeight(`expertiseRelated[${distance}]`, points));
  checkCount("edgesPerCandidate", options.edgesPerCandidate, 1);
  checkCount("repricingEdgesPerCandidate", options.repricingEdgesPerCandidate, 1);
  checkCount("repricingRounds", options.repricingRounds, 0);
  if (!(options.gapShare >= 0 && options.gapShare <= 1)) throw new RangeError(`matching option gapShare must be in [0, 1], got ${options.gapShare}`);
  return options;
}

/** Why a pair scores what it scores; `code` is a translation key suffix, the rest its parameters. */
export type MatchReason =
  | { code: "language_shared"; language: string; candidateLevel: CefrLevel; coachLevel: CefrLevel }
  | { code: "language_strong"; language: string; points: number }
  | { code: "expertise_exact"; uri: string; points: number }
  | { code: "expertise_related"; uri: string; via: string; distance: number; points: number }
  | { code: "timezone_overlap"; hours: number; points: number }
  | { code: "preference"; tag: string; points: number };

/** Why a pair may not be matched at all (every failing rule is listed, in this order). */
export type RejectionReason =
  | { code: "no_consent" }
  | { code: "coach_paused" }
  | { code: "coach_full" }
  | { code: "excluded" }
  | { code: "conflict_of_interest"; organisationId: string }
  | { code: "no_shared_language" };

export type RejectionCode = RejectionReason["code"];

export const REJECTION_CODES: readonly RejectionCode[] = [
  "no_consent",
  "coach_paused",
  "coach_full",
  "excluded",
  "conflict_of_interest",
  "no_shared_language",
];

export type PairEvaluation = { eligible: true; score: number; reasons: MatchReason[] } | { eligible: false; reasons: RejectionReason[] };

export interface Assignment {
  candidateId: string;
  coachId: string;
  score: number;
  reasons: MatchReason[];
}

export type UnassignedReason =
  /** Every coach is ruled out; `rejections` counts coaches per rule, most frequent first. */
  | { code: "no_eligible_coach"; rejections: Array<{ code: RejectionCode; coaches: number }> }
  /** Some coaches qualify, but the pool's capacity went to others (the total could not be larger). */
  | { code: "eligible_coaches_full"; eligibleCoaches: number };

export interface Unassigned {
  candidateId: string;
  reason: UnassignedReason;
}

export interface MatchTotals {
  candidates: number;
  assigned: number;
  unassigned: number;
  totalScore: number;
}

export interface MatchingResult {
  assignments: Assignment[];
  unassigned: Unassigned[];
  totals: MatchTotals;
}
