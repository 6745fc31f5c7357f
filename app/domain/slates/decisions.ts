// What employers can decide on a slate entry, and when. Client-safe: the review page uses the same
// table to offer only the decisions the server will accept.

export const ROLE_STATUSES = ["draft", "open", "closed"] as const;
export type RoleStatus = (typeof ROLE_STATUSES)[number];
export const ROLE_STATUS_KEYS: Record<RoleStatus, string> = { draft: "slates:roles.status.draft", open: "slates:roles.status.open", closed: "slates:roles.status.closed" };

export const ENTRY_STATUSES = ["new", "shortlisted", "rejected", "introduction_requested", "introduced", "introduction_declined", "offered"] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const ENTRY_STATUS_KEYS: Record<EntryStatus, string> = {
  new: "slates:slate.status.new",
  shortlisted: "slates:slate.status.shortlisted",
  rejected: "slates:slate.status.rejected",
  introduction_requested: "slates:slate.status.introduction_requested",
  introduced: "slates:slate.status.introduced",
  introduction_declined: "slates:slate.status.introduction_declined",
  offered: "slates:slate.status.offered",
};

export const REJECT_REASONS = ["skills_gap", "experience", "language", "availability", "budget", "contract_country", "other"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
export const REJECT_REASON_KEYS: Record<RejectReason, string> = {
  skills_gap: "slates:slate.reject_reasons.skills_gap",
  experience: "slates:slate.reject_reasons.experience",
  language: "slates:slate.reject_reasons.language",
  availability: "slates:slate.reject_reasons.availability",
  budget: "slates:slate.reject_reasons.budget",
  contract_country: "slates:slate.reject_reasons.contract_country",
  other: "slates:slate.reject_reasons.other",
};

export const ENTRY_DECISIONS = ["shortlist", "reject", "request_introduction", "offer"] as const;
export type EntryDecision = (typeof ENTRY_DECISIONS)[number];

/** Entry statuses each decision may be taken from, and the status it leads to. */
export const TRANSITIONS: Record<EntryDecision, { from: readonly EntryStatus[]; to: EntryStatus }> = {
  shortlist: { from: ["new", "rejected"], to: "shortlisted" },
  reject: { from: ["new", "shortlisted", "introduction_declined", "introduced"], to: "rejected" },
  request_introduction: { from: ["new", "shortlisted"], to: "introduction_requested" },
  offer: { from: ["introduced"], to: "offered" },
};

export function availableDecisions(status: string): EntryDecision[] {
  return ENTRY_DECISIONS.filter((decision) => (TRANSITIONS[decision].from as readonly string[]).includes(status));
}

export function isEntryStatus(value: unknown): value is EntryStatus {
  return typeof value === "string" && (ENTRY_STATUSES as readonly string[]).includes(value);
}

export const INTRODUCTION_STATUS_KEYS: Record<string, string> = {
  pending: "slates:introductions.status.pending",
  accepted: "slates:introductions.status.accepted",
  declined: "slates:introductions.status.declined",
};

/** A slate reason as a translation key and its values; skill and badge names are already in the reader's language. */
export interface SlateReasonText {
  code: string;
  label: string;
  required?: boolean;
  via?: string;
  viaLabel?: string;
  badgeNames?: string[];
  level?: number | string;
  minLevel?: number | string;
  language?: string;
  hours?: number;
  needed?: number;
}

export function describeSlateReason(reason: SlateReasonText, languageName: (code: string) => string): { key: string; values: Record<string, string | number> } {
  const skill = reason.label;
  switch (reason.code) {
    case "skill_verified":
      return { key: "slates:slate.reasons.skill_verified", values: { skill, badges: (reason.badgeNames ?? []).join(", ") } };
    case "skill_declared":
      return { key: "slates:slate.reasons.skill_declared", values: { skill, level: reason.level ?? "", min: reason.minLevel ?? "" } };
    case "skill_below_level":
      return { key: "slates:slate.reasons.skill_below_level", values: { skill, level: reason.level ?? "", min: reason.minLevel ?? "" } };
    case "skill_related":
      return { key: "slates:slate.reasons.skill_related", values: { skill, via: reason.viaLabel ?? reason.via ?? "" } };
    case "skill_missing":
      return { key: "slates:slate.reasons.skill_missing", values: { skill } };
    case "language_fit":
      return { key: "slates:slate.reasons.language_fit", values: { language: languageName(reason.language ?? ""), level: reason.level ?? "", min: reason.minLevel ?? "" } };
    case "timezone_overlap":
      return { key: "slates:slate.reasons.timezone_overlap", values: { hours: Math.round((reason.hours ?? 0) * 10) / 10 } };
    case "availability_fit":
      return { key: "slates:slate.reasons.availability_fit", values: { hours: reason.hours ?? 0, needed: reason.needed ?? 0 } };
    case "availability_unknown":
      return { key: "slates:slate.reasons.availability_unknown", values: {} };
    default:
      return { key: "slates:slate.reasons.coach_recommended", values: {} };
  }
}

export function reasonGroup(code: string): "matched" | "missing" | "fit" {
  return code === "skill_missing" ? "missing" : code.startsWith("skill_") ? "matched" : "fit";
}
