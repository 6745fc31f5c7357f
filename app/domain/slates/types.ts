// The slate engine's inputs and outputs. Pure data: the engine never reads the database.
import type { CefrLevel } from "../profile/languages";

/** Bumped whenever scoring or eligibility changes meaning; stored with every slate. */
export const SLATE_ENGINE_VERSION = "slate/1";

/** A profile counts as current for this long after the person last confirmed their interest. */
export const INTEREST_VALID_DAYS = 90;
export const DAY_MS = 86_400_000;

export const SKILL_WEIGHTS = [1, 2, 3, 4, 5] as const;

export interface RoleSkill {
  uri: string;
  /** 1–5: how much the skill matters to the employer. */
  weight: number;
  /** 1–5: the self-rated level the employer expects; a badge always meets it. */
  minLevel: number;
  required: boolean;
}

export interface RoleRequirements {
  skills: readonly RoleSkill[];
  /** Hard filter: every language at least at its level. */
  languages: ReadonlyArray<{ code: string; minLevel: CefrLevel }>;
  /** The employer's offset from UTC when the slate is generated. */
  utcOffsetMinutes: number;
  /** Hard filter: hours a 9–17 working day in the candidate's zone shares with the employer's. */
  minOverlapHours: number;
  /** Hard filter when the candidate said how many hours they can work. */
  hoursPerWeek: number;
  /** ISO 3166 codes the employer can contract with; empty: anywhere. */
  countries: readonly string[];
}

export interface SlateCandidate {
  /** Profile id; also the tie-break, so equal scores always rank the same way. */
  id: string;
  /** Declared skills with self-rated level 1–5, and skills proven by valid badges (`badges` non-empty). */
  skills: ReadonlyArray<{ uri: string; level: number; badges: readonly string[] }>;
  languages: ReadonlyArray<{ code: string; level: CefrLevel }>;
  utcOffsetMinutes: number | null;
  availabilityHours: number | null;
  currentCountry: string | null;
  countryOfOrigin: string | null;
  referringOrganisationId: string | null;
  consentsToEmployers: boolean;
  placed: boolean;
  /** Epoch milliseconds of the person's last "still interested", or null if never. */
  interestConfirmedAt: number | null;
  /** A coach recommended the person for a badge. */
  coachRecommended: boolean;
}

/** What the engine knows of the taxonomy: each concept's broader concepts and narrower ones. */
export interface SlateTaxonomy {
  broader(uri: string): readonly string[];
  narrower(uri: string): readonly string[];
}

export interface SlateOptions {
  size: number;
  /** At most this share of the slate (0–1) from one NGO or one country of origin; null: no limit. */
  balanceShare: number | null;
  now: number;
}

export type SlateReason =
  | { code: "skill_verified"; uri: string; badges: readonly string[]; required: boolean; points: number }
  | { code: "skill_declared"; uri: string; level: number; minLevel: number; required: boolean; points: number }
  | { code: "skill_below_level"; uri: string; level: number; minLevel: number; required: boolean; points: number }
  | { code: "skill_related"; uri: string; via: string; required: boolean; points: number }
  | { code: "skill_missing"; uri: string; required: boolean }
  | { code: "language_fit"; language: string; level: CefrLevel; minLevel: CefrLevel; points: number }
  | { code: "timezone_overlap"; hours: number; points: number }
  | { code: "availability_fit"; hours: number; needed: number; points: number }
  | { code: "availability_unknown" }
  | { code: "coach_recommended"; points: number };

export type SlateRejection =
  | { code: "no_consent" }
  | { code: "placed" }
  | { code: "interest_stale" }
  | { code: "language_missing"; language: string; minLevel: CefrLevel }
  | { code: "timezone"; hours: number; needed: number }
  | { code: "availability"; hours: number; needed: number }
  | { code: "country" }
  | { code: "no_skill_match" };

export type CandidateEvaluation = { eligible: true; score: number; reasons: SlateReason[] } | { eligible: false; rejections: SlateRejection[] };

export interface SlateEntryResult {
  candidateId: string;
  score: number;
}

export interface SlateResult {
  entries: SlateEntryResult[];
  /** Candidates who passed every hard filter. */
  eligible: number;
  /** Eligible candidates left out only to keep the balance. */
  heldBackForBalance: number;
}
