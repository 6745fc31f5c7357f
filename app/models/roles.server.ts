// Employers' roles: what the slate engine ranks candidates against.
import { utcOffsetMinutes } from "~/domain/coaching/coaching";
import { parseStringList } from "~/domain/profile/entries";
import { isCefrLevel, type CefrLevel } from "~/domain/profile/languages";
import type { RoleStatus } from "~/domain/slates/decisions";
import type { RoleRequirements } from "~/domain/slates/types";
import type { Prisma } from "~/generated/sqlite/client";
import { db } from "~/utils/db.server";
import { audit } from "./audit.server";
import { labelsFor } from "./taxonomy.server";

export const MAX_ROLE_SKILLS = 30;

export interface RoleBasics {
  title: string;
  description: string;
  language: string;
  status: RoleStatus;
  timeZone: string;
  minOverlapHours: number;
  hoursPerWeek: number;
  durationWeeks: number | null;
  budgetPerHour: number | null;
  currency: string;
  countries: string[];
}

const roleSelect = {
  id: true,
  organisationId: true,
  title: true,
  description: true,
  language: true,
  status: true,
  timeZone: true,
  minOverlapHours: true,
  hoursPerWeek: true,
  durationWeeks: true,
  budgetPerHour: true,
  currency: true,
  countries: true,
  updatedAt: true,
  skills: { select: { conceptUri: true, weight: true, minLevel: true, required: true }, orderBy: [{ required: "desc" as const }, { weight: "desc" as const }, { conceptUri: "asc" as const }] },
  languages: { select: { code: true, minLevel: true }, orderBy: { code: "asc" as const } },
} satisfies Prisma.RoleSelect;

export async function listRoles(organisationId: string) {
  return db.role.findMany({
    where: { organisationId },
    orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
    select: { id: true, title: true, status: true, hoursPerWeek: true, updatedAt: true, _count: { select: { slates: true, skills: true } } },
  });
}

/** A role of the organisation, with its skills' labels in the reader's language; null if not theirs. */
export async function findRole(organisationId: string, roleId: string, language: string) {
  const role = await db.role.findFirst({ where: { id: roleId, organisationId }, select: roleSelect });
  if (!role) return null;
  const labels = await labelsFor(role.skills.map((s) => s.conceptUri), language);
  return {
    ...role,
    countries: parseStringList(role.countries),
    skills: role.skills.map((skill) => ({ ...skill, label: labels.get(skill.conceptUri)?.label ?? skill.conceptUri, harbor: labels.get(skill.conceptUri)?.provenance === "harbor" })),
  };
}

export async function createRole(organisationId: string, actorUserId: string, input: RoleBasics): Promise<string> {
  const role = await db.role.create({ data: { ...input, countries: JSON.stringify(input.countries), organisationId, createdById: actorUserId }, select: { id: true } });
  await audit({ action: "role.created", outcome: "success", actorUserId, targetType: "role", targetId: role.id });
  return role.id;
}

export async function updateRole(organisationId: string, roleId: string, actorUserId: string, input: RoleBasics): Promise<boolean> {
  const { count } = await db.role.updateMany({ where: { id: roleId, organisationId }, data: { ...input, countries: JSON.stringify(input.countries) } });
  if (count === 1) await audit({ action: "role.updated", outcome: "success", actorUserId, targetType: "role", targetId: roleId, detail: { status: input.status } });
  return count === 1;
}

export type RoleSkillResult = { status: "ok" } | { status: "not_found" } | { status: "unknown_skill" } | { status: "too_many" };

export async function saveRoleSkill(organisationId: string, roleId: string, input: { uri: string; weight: number; minLevel: number; required: boolean }): Promise<RoleSkillResult> {
  const [role, concept] = await Promise.all([
    db.role.findFirst({ where: { id: roleId, organisationId }, select: { id: true, _count: { select: { skills: true } }, skills: { where: { conceptUri: input.uri }, select: { id: true } } } }),
    db.taxonomyConcept.findUnique({ where: { uri: input.uri }, select: { kind: true } }),
  ]);
  if (!role) return { status: "not_found" };
  if (concept?.kind !== "skill" && concept?.kind !== "skill_group") return { status: "unknown_skill" };
  if (role.skills.length === 0 && role._count.skills >= MAX_ROLE_SKILLS) return { status: "too_many" };
  const values = { weight: input.weight, minLevel: input.minLevel, required: input.required };
  await db.roleSkill.upsert({ where: { roleId_conceptUri: { roleId, conceptUri: input.uri } }, create: { roleId, conceptUri: input.uri, ...values }, update: values });
  return { status: "ok" };
}

export async function removeRoleSkill(organisationId: string, roleId: string, uri: string): Promise<void> {
  await db.roleSkill.deleteMany({ where: { roleId, conceptUri: uri, role: { organisationId } } });
}

export async function saveRoleLanguage(organisationId: string, roleId: string, input: { code: string; minLevel: CefrLevel }): Promise<boolean> {
  const role = await db.role.findFirst({ where: { id: roleId, organisationId }, select: { id: true } });
  if (!role) return false;
  await db.roleLanguage.upsert({ where: { roleId_code: { roleId, code: input.code } }, create: { roleId, ...input }, update: { minLevel: input.minLevel } });
  return true;
}

export async function removeRoleLanguage(organisationId: string, roleId: string, code: string): Promise<void> {
  await db.roleLanguage.deleteMany({ where: { roleId, code, role: { organisationId } } });
}

/** What the engine ranks against, with the employer's UTC offset as of `now`. */
export function roleRequirements(
  role: { timeZone: string; minOverlapHours: number; hoursPerWeek: number; countries: readonly string[]; skills: ReadonlyArray<{ conceptUri: string; weight: number; minLevel: number; required: boolean }>; languages: ReadonlyArray<{ code: string; minLevel: string }> },
  now: Date,
): RoleRequirements {
  return {
    skills: role.skills.map((s) => ({ uri: s.conceptUri, weight: s.weight, minLevel: s.minLevel, required: s.required })),
    languages: role.languages.filter((l): l is { code: string; minLevel: CefrLevel } => isCefrLevel(l.minLevel)),
    utcOffsetMinutes: utcOffsetMinutes(role.timeZone, now),
    minOverlapHours: role.minOverlapHours,
    hoursPerWeek: role.hoursPerWeek,
    countries: [...role.countries],
  };
}
