import type { Organisation } from "~/generated/sqlite/client";
import { audit } from "~/models/audit.server";
import { endAllSessions } from "~/models/session.server";
import { db } from "~/utils/db.server";

export async function findOrganisationBySlug(slug: Organisation["slug"]) {
  return db.organisation.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, kind: true } });
}

export async function listOrganisations() {
  return db.organisation.findMany({
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, kind: true, _count: { select: { memberships: true } } },
  });
}

/** Staff of one organisation: who they are and their role, nothing more. */
export async function listMembers(organisationId: Organisation["id"]) {
  return db.membership.findMany({
    where: { organisationId },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, user: { select: { id: true, displayName: true, email: true, status: true } } },
  });
}

/** Status of an organisation's referrals: no profile details, which the NGO does not need. */
export async function listReferralStatuses(organisationId: Organisation["id"]) {
  return db.candidateProfile.findMany({
    where: { referringOrganisationId: organisationId },
    orderBy: { createdAt: "desc" },
    select: { id: true, latinName: true, stage: true, updatedAt: true },
  });
}

export type MemberStatusResult = { status: "ok" } | { status: "not_found" } | { status: "self" };

/**
 * Enables or disables a member of an organisation. Disabling ends every session of that user at
 * once. Only memberships of this organisation can be changed, and nobody can disable themselves.
 */
export async function setMemberStatus(input: {
  organisationId: string;
  membershipId: string;
  actorUserId: string;
  status: "active" | "disabled";
}): Promise<MemberStatusResult> {
  const membership = await db.membership.findFirst({
    where: { id: input.membershipId, organisationId: input.organisationId },
    select: { userId: true },
  });
  if (!membership) return { status: "not_found" };
  if (membership.userId === input.actorUserId) return { status: "self" };
  await db.user.update({ where: { id: membership.userId }, data: { status: input.status } });
  if (input.status === "disabled") await endAllSessions(membership.userId);
  await audit({
    action: input.status === "disabled" ? "user.disabled" : "user.enabled",
    outcome: "success",
    actorUserId: input.actorUserId,
    targetType: "user",
    targetId: membership.userId,
    organisationId: input.organisationId,
  });
  return { status: "ok" };
}
