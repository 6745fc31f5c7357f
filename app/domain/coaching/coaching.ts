// The coaching vocabulary shared by the pages and the models: meeting formats, where a match
// stands, offer deadlines, and the engine's reasons as translation keys with their values.
import type { MatchReason, RejectionCode, UnassignedReason } from "~/domain/matching/types";

/** How coach and candidate meet. Chat and phone matter to people on a weak connection. */
export const COACHING_FORMATS = ["video", "phone", "chat"] as const;
export type CoachingFormat = (typeof COACHING_FORMATS)[number];

export const FORMAT_LABEL_KEYS: Record<CoachingFormat, string> = {
  video: "coaching:formats.video",
  phone: "coaching:formats.phone",
  chat: "coaching:formats.chat",
};

export function isCoachingFormat(value: unknown): value is CoachingFormat {
  return typeof value === "string" && (COACHING_FORMATS as readonly string[]).includes(value);
}

/** Stored JSON → known formats only (anything else is dropped, never trusted). */
export function parseFormats(json: string): CoachingFormat[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? [...new Set(value.filter(isCoachingFormat))] : [];
  } catch {
    return [];
  }
}

/** Whole hours a person can pick for the start or end of their meeting hours (24 = midnight). */
export const HOURS = Array.from({ length: 25 }, (_, hour) => hour);
export const hourLabel = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

/** A preference tag as the engine matches it: the candidate's wish against what the coach offers. */
export const formatTag = (format: CoachingFormat) => `format:${format}`;

/**
 * unassigned: the run found nobody · proposed: in a draft run · offered: published, waiting for the
 * coach · accepted · declined · expired: the coach let the deadline pass.
 */
export const MATCH_STATUSES = ["unassigned", "proposed", "offered", "accepted", "declined", "expired"] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** A candidate with a match in one of these is not waiting for a coach. */
export const ACTIVE_MATCH_STATUSES: readonly MatchStatus[] = ["offered", "accepted"];
/** Coaches a candidate had in one of these are not proposed to them again. */
export const EXCLUDING_MATCH_STATUSES: readonly MatchStatus[] = ["declined", "expired"];

export const MATCH_STATUS_KEYS: Record<MatchStatus, string> = {
  unassigned: "coaching:status.unassigned",
  proposed: "coaching:status.proposed",
  offered: "coaching:status.offered",
  accepted: "coaching:status.accepted",
  declined: "coaching:status.declined",
  expired: "coaching:status.expired",
};

const DAY_MS = 86_400_000;

/** When a coach must have answered an offer published at `publishedAt`. */
export function respondBy(publishedAt: Date, days: number): Date {
  return new Date(publishedAt.getTime() + days * DAY_MS);
}

/** Whether a coach may still answer: only an offer, and only until its deadline. */
export function offerAnswerable(match: { status: string; respondBy: Date | null }, now: Date): "ok" | "not_offered" | "expired" {
  if (match.status !== "offered") return "not_offered";
  return match.respondBy && match.respondBy.getTime() <= now.getTime() ? "expired" : "ok";
}

/**
 * A run's proven bound on the total score and the share of it a proposal's total reaches, rounded
 * down to 0.01 % so that it never overstates, and at most 1: the bound holds for as many people
 * coached as possible, so an adjusted proposal that coaches fewer may score more. Null without a
 * bound to compare with.
 */
export function proposalBound(totalScore: number, scoreBound: number | null): { score: number; share: number } | null {
  if (scoreBound === null || scoreBound <= 0) return null;
  return { score: scoreBound, share: Math.min(1, Math.floor((totalScore / scoreBound) * 10_000) / 10_000) };
}

/** A time zone's offset from UTC in minutes at `at` (+120 for Kyiv in summer); 0 for unknown zones. */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(at);
    const name = parts.find((part) => part.type === "timeZoneName")?.value ?? "GMT";
    const match = /^GMT([+-])(\d{2}):?(\d{2})?$/.exec(name);
    if (!match) return 0;
    const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
    return match[1] === "-" ? -minutes : minutes;
  } catch {
    return 0;
  }
}

/** A message for the reader: a translation key and its values. URIs are replaced by labels later. */
export interface ReasonMessage {
  key: string;
  values: Record<string, string | number>;
  /** Taxonomy concepts the message names, to be looked up as labels in the reader's language. */
  concepts?: { skill?: string; via?: string };
  /** A message key translated into the value `reason` (a rule named inside a count). */
  nested?: string;
}

export function describeMatchReason(reason: MatchReason): ReasonMessage {
  switch (reason.code) {
    case "language_shared":
      return { key: "coaching:reasons.language_shared", values: { language: reason.language, candidateLevel: reason.candidateLevel, coachLevel: reason.coachLevel } };
    case "language_strong":
      return { key: "coaching:reasons.language_strong", values: { language: reason.language, points: reason.points } };
    case "expertise_exact":
      return { key: "coaching:reasons.expertise_exact", values: { points: reason.points }, concepts: { skill: reason.uri } };
    case "expertise_related":
      return { key: "coaching:reasons.expertise_related", values: { points: reason.points }, concepts: { skill: reason.uri, via: reason.via } };
    case "timezone_overlap":
      return { key: "coaching:reasons.timezone_overlap", values: { hours: Math.round(reason.hours * 10) / 10, points: reason.points } };
    case "preference":
      return { key: "coaching:reasons.preference", values: { format: reason.tag.replace(/^format:/, ""), points: reason.points } };
  }
}

export const REJECTION_KEYS: Record<RejectionCode, string> = {
  no_consent: "coaching:rejections.no_consent",
  coach_paused: "coaching:rejections.coach_paused",
  coach_full: "coaching:rejections.coach_full",
  excluded: "coaching:rejections.excluded",
  conflict_of_interest: "coaching:rejections.conflict_of_interest",
  no_shared_language: "coaching:rejections.no_shared_language",
};

/** Why a run (or an admin) left someone without a coach. */
export type StoredUnassignedReason = UnassignedReason | { code: "removed_by_admin" };

export function describeUnassigned(reason: StoredUnassignedReason): ReasonMessage[] {
  switch (reason.code) {
    case "removed_by_admin":
      return [{ key: "coaching:unassigned.removed_by_admin", values: {} }];
    case "eligible_coaches_full":
      return [{ key: "coaching:unassigned.eligible_coaches_full", values: { count: reason.eligibleCoaches } }];
    case "no_eligible_coach":
      return [
        { key: "coaching:unassigned.no_eligible_coach", values: {} },
        ...reason.rejections.map(({ code, coaches }) => ({ key: "coaching:unassigned.ruled_out", values: { count: coaches }, nested: REJECTION_KEYS[code] })),
      ];
  }
}
