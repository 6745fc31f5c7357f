import crypto from "node:crypto";
import { consentStateFromProfile, type ConsentState } from "~/domain/consent/consent";
import {
  MAX_DESIRED_ROLES,
  MAX_HISTORY_ENTRIES,
  MAX_PORTFOLIO_LINKS,
  parseHistory,
  parseStringList,
  sortHistory,
  type HistoryEntry,
} from "~/domain/profile/entries";
import { CV_CONTENT_TYPES, type CvKind } from "~/domain/profile/file-type";
import { Prisma } from "~/generated/sqlite/client";
import type { User } from "~/generated/sqlite/client";
import { audit } from "~/models/audit.server";
import { consentHistory, recordConsents } from "~/models/consent.server";
import { labelsFor } from "~/models/taxonomy.server";
import { touchCandidate } from "~/models/slate-pool.server";
import { deleteFile, saveFile } from "~/services/file-storage.server";
import { db, type Db } from "~/utils/db.server";
import { refreshPersonKeys } from "~/models/person-keys.server";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type UserId = User["id"];

/** Most skills one person can declare: enough for anyone, bounded for the slate index. */
export const MAX_SKILLS = 100;

const profileSelect = {
  id: true,
  nativeName: true,
  latinName: true,
  countryOfOrigin: true,
  currentCountry: true,
  dateOfBirth: true,
  timeZone: true,
  availabilityHours: true,
  desiredRoles: true,
  workHistory: true,
  education: true,
  portfolioLinks: true,
  cvFileId: true,
  consentEmployers: true,
  consentCoaches: true,
  consentReferringNgo: true,
  consentEmail: true,
  consentPhone: true,
  stage: true,
  languages: { select: { code: true, level: true }, orderBy: { code: "asc" } },
  skills: { select: { conceptUri: true, level: true }, orderBy: { conceptUri: "asc" } },
} as const;

const fileSelect = { id: true, fileName: true, contentType: true, size: true, createdAt: true } as const;

/** Everything the person sees on their own profile page. Null if they have no profile. */
export async function findOwnProfile(userId: UserId, language: string) {
  const [user, profile] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, phone: true, emailVerifiedAt: true } }),
    db.candidateProfile.findUnique({ where: { userId }, select: profileSelect }),
  ]);
  if (!profile) return null;
  const [cv, history, labels] = await Promise.all([
    profile.cvFileId ? db.storedFile.findFirst({ where: { id: profile.cvFileId, ownerUserId: userId }, select: fileSelect }) : null,
    consentHistory(userId),
    labelsFor(
      profile.skills.map((s) => s.conceptUri),
      language,
    ),
  ]);
  return {
    user,
    profile: {
      id: profile.id,
      nativeName: profile.nativeName,
      latinName: profile.latinName,
      countryOfOrigin: profile.countryOfOrigin,
      currentCountry: profile.currentCountry,
      dateOfBirth: profile.dateOfBirth,
      timeZone: profile.timeZone,
      availabilityHours: profile.availabilityHours,
      desiredRoles: parseStringList(profile.desiredRoles),
      workHistory: sortHistory(parseHistory(profile.workHistory)),
      education: sortHistory(parseHistory(profile.education)),
      portfolioLinks: parseStringList(profile.portfolioLinks),
      stage: profile.stage,
    },
    languages: profile.languages,
    skills: profile.skills.map((skill) => {
      const label = labels.get(skill.conceptUri);
      return { ...skill, label: label?.label ?? null, provenance: label?.provenance ?? null, labelLanguage: label?.language ?? null };
    }),
    cv,
    consents: consentStateFromProfile(profile),
    consentHistory: history,
  };
}

/** The country a phone number without a country code is read in. */
export async function currentCountryOf(userId: UserId): Promise<string | null> {
  const profile = await db.candidateProfile.findUnique({ where: { userId }, select: { currentCountry: true } });
  return profile?.currentCountry ?? null;
}

async function logChange(userId: UserId, profileId: string, section: string) {
  await touchCandidate(profileId);
  await audit({ action: "profile.updated", outcome: "success", actorUserId: userId, targetType: "candidate_profile", targetId: profileId, detail: { section } });
}

export interface Basics {
  nativeName: string;
  latinName: string;
  countryOfOrigin?: string;
  currentCountry?: string;
  dateOfBirth?: string;
  timeZone?: string;
  availabilityHours?: number;
  desiredRoles: string[];
}

/** Saves the basics; the Latin name is also the account's display name (as at registration). */
export async function updateBasics(userId: UserId, input: Basics): Promise<void> {
  const profile = await db.$transaction(async (tx) => {
    const updated = await tx.candidateProfile.update({
      where: { userId },
      data: {
        nativeName: input.nativeName,
        latinName: input.latinName,
        countryOfOrigin: input.countryOfOrigin ?? null,
        currentCountry: input.currentCountry ?? null,
        dateOfBirth: input.dateOfBirth ?? null,
        timeZone: input.timeZone ?? null,
        availabilityHours: input.availabilityHours ?? null,
        desiredRoles: JSON.stringify(input.desiredRoles.slice(0, MAX_DESIRED_ROLES)),
      },
      select: { id: true },
    });
    await tx.user.update({ where: { id: userId }, data: { displayName: input.latinName } });
    await refreshPersonKeys(userId, tx);
    return updated;
  });
  await logChange(userId, profile.id, "basics");
}

export type ContactResult = { status: "ok"; emailChanged: boolean } | { status: "email_taken" } | { status: "phone_taken" };

/**
 * Changes the sign-in email and the phone (E.164). Both are unique across all accounts; a new
 * email address is unverified until the person confirms it.
 */
export async function updateContact(userId: UserId, input: { email: string | null; phone: string | null }): Promise<ContactResult> {
  const [current, emailOwner, phoneOwner] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } }),
    input.email ? db.user.findFirst({ where: { email: input.email, id: { not: userId } }, select: { id: true } }) : null,
    input.phone ? db.user.findFirst({ where: { phone: input.phone, id: { not: userId } }, select: { id: true } }) : null,
  ]);
  if (emailOwner) return { status: "email_taken" };
  if (phoneOwner) return { status: "phone_taken" };
  try {
    await db.user.update({
      where: { id: userId },
      data: { email: input.email, phone: input.phone, ...(input.email !== current.email ? { emailVerifiedAt: null } : {}) },
    });
  } catch (error) {
    // Someone took the address between the check and the write.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return JSON.stringify(error.meta ?? {}).includes("phone") ? { status: "phone_taken" } : { status: "email_taken" };
    throw error;
  }
  const emailChanged = input.email !== current.email;
  await refreshPersonKeys(userId);
  await audit({ action: "profile.contact_changed", outcome: "success", actorUserId: userId, targetType: "user", targetId: userId, detail: { emailChanged } });
  return { status: "ok", emailChanged };
}

async function profileIdOf(userId: UserId, tx: Tx | Db = db): Promise<string> {
  const profile = await tx.candidateProfile.findUniqueOrThrow({ where: { userId }, select: { id: true } });
  return profile.id;
}

/** Adds a language, or changes its level if the person already has it. */
export async function saveLanguage(userId: UserId, input: { code: string; level: string }): Promise<void> {
  const profileId = await profileIdOf(userId);
  await db.candidateLanguage.upsert({
    where: { profileId_code: { profileId, code: input.code } },
    create: { profileId, code: input.code, level: input.level },
    update: { level: input.level },
  });
  await logChange(userId, profileId, "languages");
}

export async function removeLanguage(userId: UserId, code: string): Promise<void> {
  const profileId = await profileIdOf(userId);
  await db.candidateLanguage.deleteMany({ where: { profileId, code } });
  await logChange(userId, profileId, "languages");
}

export type SkillResult = { status: "ok" } | { status: "unknown_skill" } | { status: "too_many" };

/** Adds a taxonomy skill with a self-rated level, or changes the level of one already there. */
export async function saveSkill(userId: UserId, input: { conceptUri: string; level: number }): Promise<SkillResult> {
  const profileId = await profileIdOf(userId);
  const [concept, count, existing] = await Promise.all([
    db.taxonomyConcept.findUnique({ where: { uri: input.conceptUri }, select: { kind: true } }),
    db.candidateSkill.count({ where: { profileId } }),
    db.candidateSkill.findUnique({ where: { profileId_conceptUri: { profileId, conceptUri: input.conceptUri } }, select: { id: true } }),
  ]);
  // Whatever the skill search offers: a skill, or a skill group for broad experience.
  if (concept?.kind !== "skill" && concept?.kind !== "skill_group") return { status: "unknown_skill" };
  if (!existing && count >= MAX_SKILLS) return { status: "too_many" };
  await db.candidateSkill.upsert({
    where: { profileId_conceptUri: { profileId, conceptUri: input.conceptUri } },
    create: { profileId, conceptUri: input.conceptUri, level: input.level },
    update: { level: input.level },
  });
  await logChange(userId, profileId, "skills");
  return { status: "ok" };
}

export async function removeSkill(userId: UserId, conceptUri: string): Promise<void> {
  const profileId = await profileIdOf(userId);
  await db.candidateSkill.deleteMany({ where: { profileId, conceptUri } });
  await logChange(userId, profileId, "skills");
}

export type HistoryKind = "workHistory" | "education";

/** Adds a job or a course. Read and written in one transaction, so two tabs cannot lose an entry. */
export async function addHistoryEntry(userId: UserId, kind: HistoryKind, entry: Omit<HistoryEntry, "id">): Promise<{ status: "ok" } | { status: "too_many" }> {
  const result = await db.$transaction(async (tx) => {
    const profile = await tx.candidateProfile.findUniqueOrThrow({ where: { userId }, select: { id: true, workHistory: true, education: true } });
    const entries = parseHistory(profile[kind]);
    if (entries.length >= MAX_HISTORY_ENTRIES) return { status: "too_many" as const, profileId: profile.id };
    entries.push({ id: crypto.randomUUID(), ...entry });
    await tx.candidateProfile.update({ where: { id: profile.id }, data: { [kind]: JSON.stringify(entries) } });
    return { status: "ok" as const, profileId: profile.id };
  });
  if (result.status === "ok") await logChange(userId, result.profileId, kind === "workHistory" ? "work_history" : "education");
  return { status: result.status };
}

export async function removeHistoryEntry(userId: UserId, kind: HistoryKind, entryId: string): Promise<void> {
  const profileId = await db.$transaction(async (tx) => {
    const profile = await tx.candidateProfile.findUniqueOrThrow({ where: { userId }, select: { id: true, workHistory: true, education: true } });
    const entries = parseHistory(profile[kind]).filter((e) => e.id !== entryId);
    await tx.candidateProfile.update({ where: { id: profile.id }, data: { [kind]: JSON.stringify(entries) } });
    return profile.id;
  });
  await logChange(userId, profileId, kind === "workHistory" ? "work_history" : "education");
}

export async function addPortfolioLink(userId: UserId, url: string): Promise<{ status: "ok" } | { status: "too_many" }> {
  const result = await db.$transaction(async (tx) => {
    const profile = await tx.candidateProfile.findUniqueOrThrow({ where: { userId }, select: { id: true, portfolioLinks: true } });
    const links = parseStringList(profile.portfolioLinks);
    if (links.includes(url)) return { status: "ok" as const, profileId: profile.id };
    if (links.length >= MAX_PORTFOLIO_LINKS) return { status: "too_many" as const, profileId: profile.id };
    await tx.candidateProfile.update({ where: { id: profile.id }, data: { portfolioLinks: JSON.stringify([...links, url]) } });
    return { status: "ok" as const, profileId: profile.id };
  });
  if (result.status === "ok") await logChange(userId, result.profileId, "portfolio");
  return { status: result.status };
}

export async function removePortfolioLink(userId: UserId, url: string): Promise<void> {
  const profileId = await db.$transaction(async (tx) => {
    const profile = await tx.candidateProfile.findUniqueOrThrow({ where: { userId }, select: { id: true, portfolioLinks: true } });
    const links = parseStringList(profile.portfolioLinks).filter((link) => link !== url);
    await tx.candidateProfile.update({ where: { id: profile.id }, data: { portfolioLinks: JSON.stringify(links) } });
    return profile.id;
  });
  await logChange(userId, profileId, "portfolio");
}

/** Records the person's consent choices (history row per change, mirror columns in step). */
export async function saveConsents(userId: UserId, choices: ConsentState, language: string): Promise<void> {
  const profileId = await profileIdOf(userId);
  await recordConsents({ userId, profileId, choices, language });
  await logChange(userId, profileId, "consents");
}

/**
 * Stores a new CV and makes it the current one; the previous CV's row goes in the same
 * transaction and its bytes right after the commit.
 */
export async function replaceCv(userId: UserId, upload: { fileName: string; kind: CvKind; bytes: Uint8Array }): Promise<void> {
  const profileId = await profileIdOf(userId);
  const stored = await saveFile({ ownerUserId: userId, purpose: "cv", fileName: upload.fileName, contentType: CV_CONTENT_TYPES[upload.kind], bytes: upload.bytes });
  let previousKey: string | null;
  try {
    previousKey = await db.$transaction(async (tx) => {
      const current = await tx.candidateProfile.findUniqueOrThrow({ where: { id: profileId }, select: { cvFileId: true } });
      await tx.candidateProfile.update({ where: { id: profileId }, data: { cvFileId: stored.id } });
      return current.cvFileId ? dropFileRow(tx, userId, current.cvFileId) : null;
    });
  } catch (error) {
    await db.storedFile.deleteMany({ where: { id: stored.id } });
    await deleteFile(stored.storageKey);
    throw error;
  }
  if (previousKey) await deleteFile(previousKey);
  await audit({ action: "profile.cv_uploaded", outcome: "success", actorUserId: userId, targetType: "stored_file", targetId: stored.id, detail: { kind: upload.kind, size: stored.size } });
}

export async function removeCv(userId: UserId): Promise<void> {
  const profileId = await profileIdOf(userId);
  const key = await db.$transaction(async (tx) => {
    const current = await tx.candidateProfile.findUniqueOrThrow({ where: { id: profileId }, select: { cvFileId: true } });
    if (!current.cvFileId) return null;
    await tx.candidateProfile.update({ where: { id: profileId }, data: { cvFileId: null } });
    return dropFileRow(tx, userId, current.cvFileId);
  });
  if (key) await deleteFile(key);
  await logChange(userId, profileId, "cv");
}

async function dropFileRow(tx: Tx, ownerUserId: UserId, fileId: string): Promise<string | null> {
  const row = await tx.storedFile.findFirst({ where: { id: fileId, ownerUserId }, select: { storageKey: true } });
  if (!row) return null;
  await tx.storedFile.delete({ where: { id: fileId } });
  return row.storageKey;
}

/** A stored file's record, for the download route to authorise against. */
export async function findStoredFile(fileId: string) {
  return db.storedFile.findUnique({ where: { id: fileId }, select: { id: true, ownerUserId: true, purpose: true, fileName: true, contentType: true, size: true, storageKey: true } });
}

/**
 * Everything Harbor holds about one person, for them to take away (GDPR art. 15 and 20):
 * account (never the password hash or token hashes), profile, consents, referrals, files,
 * emails and the audit events about them.
 */
export async function exportPersonData(userId: UserId, language: string) {
  const [user, profile, consents, referrals, files, emails, sessions] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        id: true,
        email: true,
        emailVerifiedAt: true,
        phone: true,
        displayName: true,
        locale: true,
        status: true,
        createdAt: true,
        updatedAt: true,
        memberships: { select: { role: true, createdAt: true, organisation: { select: { name: true, kind: true } } } },
      },
    }),
    db.candidateProfile.findUnique({
      where: { userId },
      select: { ...profileSelect, referringOrganisationId: true, coachingRequestedAt: true, coachingHoursStart: true, coachingHoursEnd: true, coachingFormats: true, createdAt: true, updatedAt: true },
    }),
    db.consent.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { purpose: true, granted: true, textVersion: true, language: true, createdAt: true } }),
    db.referral.findMany({
      where: { candidateUserId: userId },
      select: {
        id: true,
        status: true,
        givenName: true,
        familyName: true,
        latinName: true,
        email: true,
        phone: true,
        dateOfBirth: true,
        countryOfOrigin: true,
        currentCountry: true,
        preferredLanguage: true,
        languages: true,
        skills: true,
        note: true,
        createdAt: true,
        updatedAt: true,
        organisationId: true,
      },
    }),
    db.storedFile.findMany({ where: { ownerUserId: userId }, select: { id: true, purpose: true, fileName: true, contentType: true, size: true, sha256: true, createdAt: true } }),
    db.emailMessage.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { toAddress: true, template: true, locale: true, subject: true, text: true, status: true, createdAt: true, sentAt: true },
    }),
    db.session.findMany({ where: { userId }, select: { createdAt: true, lastSeenAt: true, expiresAt: true } }),
  ]);
  const targets = [userId, ...(profile ? [profile.id] : [])];
  // Coaching: the offers and coaches, and the action items. Session notes are the coach's working
  // notes; a person asks the program for them (ADR 008).
  const coachMatches = profile
    ? await db.coachMatch.findMany({
        where: { candidateProfileId: profile.id, status: { not: "unassigned" } },
        orderBy: { createdAt: "asc" },
        select: { status: true, createdAt: true, respondedAt: true, coach: { select: { displayName: true } }, sessions: { orderBy: { heldOn: "asc" }, select: { heldOn: true, actionItems: true } } },
      })
    : [];
  const [auditEvents, organisations, labels] = await Promise.all([
    db.auditEvent.findMany({
      where: { OR: [{ actorUserId: userId }, { targetId: { in: targets } }] },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, action: true, outcome: true, targetType: true, targetId: true, detail: true },
    }),
    db.organisation.findMany({
      where: { id: { in: [...referrals.map((r) => r.organisationId), ...(profile?.referringOrganisationId ? [profile.referringOrganisationId] : [])] } },
      select: { id: true, name: true },
    }),
    labelsFor(profile?.skills.map((s) => s.conceptUri) ?? [], language),
  ]);
  const organisationName = (id: string | null) => (id ? (organisations.find((o) => o.id === id)?.name ?? null) : null);
  return {
    format: "harbor-export/1",
    exportedAt: new Date().toISOString(),
    user,
    profile: profile && {
      nativeName: profile.nativeName,
      latinName: profile.latinName,
      countryOfOrigin: profile.countryOfOrigin,
      currentCountry: profile.currentCountry,
      dateOfBirth: profile.dateOfBirth,
      timeZone: profile.timeZone,
      availabilityHours: profile.availabilityHours,
      desiredRoles: parseStringList(profile.desiredRoles),
      workHistory: parseHistory(profile.workHistory),
      education: parseHistory(profile.education),
      portfolioLinks: parseStringList(profile.portfolioLinks),
      cvFileId: profile.cvFileId,
      stage: profile.stage,
      referringOrganisation: organisationName(profile.referringOrganisationId),
      consentsInForce: consentStateFromProfile(profile),
      createdAt: profile.createdAt,
      updatedAt: profile.updatedAt,
    },
    languages: profile?.languages ?? [],
    skills: (profile?.skills ?? []).map((skill) => ({ ...skill, label: labels.get(skill.conceptUri)?.label ?? null })),
    consents,
    referrals: referrals.map(({ organisationId, languages, skills, ...referral }) => ({
      ...referral,
      organisation: organisationName(organisationId),
      languages: safeJson(languages),
      skills: safeJson(skills),
    })),
    coaching: profile && {
      requestedAt: profile.coachingRequestedAt,
      hours: { from: profile.coachingHoursStart, to: profile.coachingHoursEnd },
      formats: safeJson(profile.coachingFormats),
      matches: coachMatches.map((m) => ({
        status: m.status,
        proposedAt: m.createdAt,
        answeredAt: m.respondedAt,
        coach: m.coach?.displayName ?? null,
        sessions: m.sessions.map((session) => ({ heldOn: session.heldOn, actionItems: safeJson(session.actionItems) })),
      })),
    },
    files,
    emails,
    sessions,
    auditEvents: auditEvents.map((event) => ({ ...event, detail: safeJson(event.detail) })),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
