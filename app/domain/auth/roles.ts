export const ROLES = ["candidate", "ngo_staff", "ngo_admin", "coach", "assessor", "employer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ["ngo", "employer", "program"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The organisation kind each role belongs to: staff roles never cross into another kind. */
export const ROLE_ORGANISATION_KIND: Record<Role, OrganisationKind> = {
  candidate: "program",
  coach: "program",
  assessor: "program",
  admin: "program",
  ngo_staff: "ngo",
  ngo_admin: "ngo",
  employer: "employer",
};

/** Translation keys for role names (full literals so unused-key checks can find them). */
export const ROLE_LABEL_KEYS: Record<Role, string> = {
  candidate: "common:roles.candidate",
  ngo_staff: "common:roles.ngo_staff",
  ngo_admin: "common:roles.ngo_admin",
  coach: "common:roles.coach",
  assessor: "common:roles.assessor",
  employer: "common:roles.employer",
  admin: "common:roles.admin",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
