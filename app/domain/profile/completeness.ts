/**
 * What a profile needs before coaches and employers can work with it, in the order the person
 * is asked to fill it in. Education and portfolio links are not counted: many displaced people
 * cannot document them, and a profile without them is not incomplete.
 */
export const COMPLETENESS_ITEMS = [
  "name",
  "contact",
  "location",
  "time_zone",
  "availability",
  "desired_roles",
  "languages",
  "skills",
  "work_history",
  "cv",
] as const;
export type CompletenessItem = (typeof COMPLETENESS_ITEMS)[number];

/** Translation keys for what is missing (full literals, so the locale checks find them). */
export const COMPLETENESS_LABEL_KEYS: Record<CompletenessItem, string> = {
  name: "profile:completeness.missing.name",
  contact: "profile:completeness.missing.contact",
  location: "profile:completeness.missing.location",
  time_zone: "profile:completeness.missing.time_zone",
  availability: "profile:completeness.missing.availability",
  desired_roles: "profile:completeness.missing.desired_roles",
  languages: "profile:completeness.missing.languages",
  skills: "profile:completeness.missing.skills",
  work_history: "profile:completeness.missing.work_history",
  cv: "profile:completeness.missing.cv",
};

export interface CompletenessInput {
  nativeName: string;
  latinName: string;
  email: string | null;
  phone: string | null;
  currentCountry: string | null;
  timeZone: string | null;
  availabilityHours: number | null;
  desiredRoles: readonly string[];
  languages: readonly unknown[];
  skills: readonly unknown[];
  workHistory: readonly unknown[];
  cv: unknown;
}

export interface Completeness {
  /** 0–100, whole numbers; 100 only when nothing is missing. */
  percent: number;
  missing: CompletenessItem[];
}

const filled = (text: string | null) => !!text && text.trim().length > 0;

/** How complete a profile is, with the reasons (what is missing) so the page can say what to do next. */
export function completeness(profile: CompletenessInput): Completeness {
  const done: Record<CompletenessItem, boolean> = {
    name: filled(profile.nativeName) && filled(profile.latinName),
    contact: filled(profile.email) || filled(profile.phone),
    location: filled(profile.currentCountry),
    time_zone: filled(profile.timeZone),
    // 0 hours is an answer ("not available at the moment"); only no answer is missing.
    availability: profile.availabilityHours !== null,
    desired_roles: profile.desiredRoles.some((role) => filled(role)),
    languages: profile.languages.length > 0,
    skills: profile.skills.length > 0,
    work_history: profile.workHistory.length > 0,
    cv: profile.cv !== null && profile.cv !== undefined,
  };
  const missing = COMPLETENESS_ITEMS.filter((item) => !done[item]);
  const percent = Math.floor((100 * (COMPLETENESS_ITEMS.length - missing.length)) / COMPLETENESS_ITEMS.length);
  return { percent, missing };
}
