import { decide, hasRole, type Actor } from "~/domain/auth/permissions";

/** What a candidate can agree to, each on its own. */
export const CONSENT_PURPOSES = [
  "share_employers",
  "share_coaches",
  "share_referring_ngo",
  "contact_email",
  "contact_phone",
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Bumped whenever the consent texts in locales/<lng>/intake.json change meaning. */
export const CONSENT_TEXT_VERSION = "2026-11-23";

export const CONSENT_LABEL_KEYS: Record<ConsentPurpose, string> = {
  share_employers: "intake:consent.share_employers",
  share_coaches: "intake:consent.share_coaches",
  share_referring_ngo: "intake:consent.share_referring_ngo",
  contact_email: "intake:consent.contact_email",
  contact_phone: "intake:consent.contact_phone",
};

export type ConsentState = Record<ConsentPurpose, boolean>;

/** Why someone looks at a candidate's profile. */
export type AccessPurpose = "self" | "program" | "referring_ngo" | "coaching" | "employer_review";

export interface Subject {
  userId: string;
  referringOrganisationId: string | null;
  consents: ConsentState;
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: "no_consent" | "not_related" | "missing_role" };

const PURPOSE_CONSENT: Partial<Record<AccessPurpose, ConsentPurpose>> = {
  referring_ngo: "share_referring_ngo",
  coaching: "share_coaches",
  employer_review: "share_employers",
};

/**
 * The one answer to "may this person see this candidate's profile for this purpose". Every
 * query that shares a candidate's data goes through it (or through the matching query filter
 * in models/consent.server.ts, which encodes the same rule).
 */
export function mayAccessProfile(viewer: Actor, subject: Subject, purpose: AccessPurpose): AccessDecision {
  if (purpose === "self") return viewer.userId === subject.userId ? { allowed: true } : { allowed: false, reason: "not_related" };
  if (purpose === "program") return hasRole(viewer, "admin") ? { allowed: true } : { allowed: false, reason: "missing_role" };

  if (purpose === "referring_ngo") {
    if (!subject.referringOrganisationId) return { allowed: false, reason: "not_related" };
    const decision = decide(viewer, "organisation.view", subject.referringOrganisationId);
    if (!decision.allowed || !viewer.memberships.some((m) => m.organisationId === subject.referringOrganisationId))
      return { allowed: false, reason: decision.allowed ? "not_related" : "missing_role" };
  } else if (purpose === "coaching") {
    if (!hasRole(viewer, "coach")) return { allowed: false, reason: "missing_role" };
  } else if (purpose === "employer_review") {
    if (!hasRole(viewer, "employer")) return { allowed: false, reason: "missing_role" };
  }
  const consent = PURPOSE_CONSENT[purpose];
  return consent && subject.consents[consent] ? { allowed: true } : { allowed: false, reason: "no_consent" };
}

/** Maps consent purposes to the profile columns that mirror them. */
export const CONSENT_COLUMNS = {
  share_employers: "consentEmployers",
  share_coaches: "consentCoaches",
  share_referring_ngo: "consentReferringNgo",
  contact_email: "consentEmail",
  contact_phone: "consentPhone",
} as const satisfies Record<ConsentPurpose, string>;

export function consentStateFromProfile(profile: Record<(typeof CONSENT_COLUMNS)[ConsentPurpose], boolean>): ConsentState {
  return Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, profile[CONSENT_COLUMNS[p]]])) as ConsentState;
}

type ConsentColumns = Record<(typeof CONSENT_COLUMNS)[ConsentPurpose], boolean>;

/** Prisma `select` for the consent mirror columns (what `subjectOf` and the consent rules read). */
export const CONSENT_COLUMNS_SELECT = {
  consentEmployers: true,
  consentCoaches: true,
  consentReferringNgo: true,
  consentEmail: true,
  consentPhone: true,
} as const satisfies Record<(typeof CONSENT_COLUMNS)[ConsentPurpose], true>;

/** A candidate profile row as the subject `mayAccessProfile` decides about. */
export function subjectOf(profile: { userId: string; referringOrganisationId: string | null } & ConsentColumns): Subject {
  return { userId: profile.userId, referringOrganisationId: profile.referringOrganisationId, consents: consentStateFromProfile(profile) };
}
