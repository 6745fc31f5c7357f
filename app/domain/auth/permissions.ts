import type { Role } from "./roles";

/** What a signed-in person is, as far as authorisation cares. */
export interface Actor {
  userId: string;
  memberships: ReadonlyArray<{ organisationId: string; role: Role }>;
}

/**
 * Every permission Harbor checks. Organisation-scoped permissions need the organisation the
 * resource belongs to; the rest are program-wide.
 */
export const PERMISSIONS = {
  "admin.view": { roles: ["admin"], scoped: false },
  "audit.view": { roles: ["admin"], scoped: false },
  "outbox.view": { roles: ["admin"], scoped: false },
  "organisation.view": { roles: ["ngo_staff", "ngo_admin", "employer"], scoped: true },
  "organisation.manage_staff": { roles: ["ngo_admin"], scoped: true },
  "referral.view": { roles: ["ngo_staff", "ngo_admin"], scoped: true },
  "referral.create": { roles: ["ngo_staff", "ngo_admin"], scoped: true },
  "api_token.manage": { roles: ["ngo_admin", "employer"], scoped: true },
  "role.manage": { roles: ["employer"], scoped: true },
  "duplicate.review": { roles: ["admin"], scoped: false },
  "coaching.manage": { roles: ["admin"], scoped: false },
  "badge.manage": { roles: ["admin"], scoped: false },
  "placement.manage": { roles: ["admin"], scoped: false },
  "funnel.view": { roles: ["admin"], scoped: false },
  "funnel.view_own": { roles: ["ngo_admin"], scoped: true },
  "candidate.self": { roles: ["candidate"], scoped: false },
  "coach.self": { roles: ["coach"], scoped: false },
  "assessor.self": { roles: ["assessor"], scoped: false },
} as const satisfies Record<string, { roles: readonly Role[]; scoped: boolean }>;

export type Permission = keyof typeof PERMISSIONS;

export type Decision =
  | { allowed: true }
  | { allowed: false; reason: "missing_role" | "other_organisation" | "missing_scope" };

/**
 * Whether an actor holds a permission, for one organisation when the permission is scoped.
 * Program admins see every organisation; everyone else only the ones they belong to.
 */
export function decide(actor: Actor, permission: Permission, organisationId?: string): Decision {
  const rule = PERMISSIONS[permission];
  const roles: readonly Role[] = rule.roles;
  const holding = actor.memberships.filter((m) => roles.includes(m.role));
  const isAdmin = actor.memberships.some((m) => m.role === "admin");

  if (!rule.scoped) return holding.length > 0 ? { allowed: true } : { allowed: false, reason: "missing_role" };
  if (isAdmin) return { allowed: true };
  if (holding.length === 0) return { allowed: false, reason: "missing_role" };
  if (!organisationId) return { allowed: false, reason: "missing_scope" };
  return holding.some((m) => m.organisationId === organisationId)
    ? { allowed: true }
    : { allowed: false, reason: "other_organisation" };
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.memberships.some((m) => m.role === role);
}
