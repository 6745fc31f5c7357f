// A coach's own profile: what the matching engine needs to know about them.
import { parseFormats, type CoachingFormat } from "~/domain/coaching/coaching";
import { db } from "~/utils/db.server";
import { labelsFor } from "./taxonomy.server";

export const MAX_EXPERTISE = 50;

/** The coach's profile, created with defaults on first visit, with expertise labels for the reader. */
export async function findCoachProfile(userId: string, language: string) {
  const profile = await db.coachProfile.upsert({
    where: { userId },
    create: { userId },
    update: {},
    select: { id: true, capacity: true, timeZone: true, hoursStart: true, hoursEnd: true, formats: true, paused: true, languages: { orderBy: { code: "asc" } }, expertise: { orderBy: { conceptUri: "asc" } } },
  });
  const labels = await labelsFor(profile.expertise.map((e) => e.conceptUri), language);
  return {
    ...profile,
    formats: parseFormats(profile.formats),
    expertise: profile.expertise.map((e) => ({ conceptUri: e.conceptUri, label: labels.get(e.conceptUri) ?? null })),
  };
}

async function profileIdOf(userId: string): Promise<string> {
  const profile = await db.coachProfile.upsert({ where: { userId }, create: { userId }, update: {}, select: { id: true } });
  return profile.id;
}

export async function saveCoachBasics(userId: string, input: { capacity: number; timeZone: string; hoursStart: number; hoursEnd: number; formats: CoachingFormat[] }): Promise<void> {
  const data = { ...input, formats: JSON.stringify(input.formats) };
  await db.coachProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

/** Paused coaches get no new candidates; the ones they coach stay with them. */
export async function setCoachPaused(userId: string, paused: boolean): Promise<void> {
  await db.coachProfile.upsert({ where: { userId }, create: { userId, paused }, update: { paused } });
}

export async function saveCoachLanguage(userId: string, input: { code: string; level: string }): Promise<void> {
  const coachProfileId = await profileIdOf(userId);
  await db.coachLanguage.upsert({
    where: { coachProfileId_code: { coachProfileId, code: input.code } },
    create: { coachProfileId, ...input },
    update: { level: input.level },
  });
}

export async function removeCoachLanguage(userId: string, code: string): Promise<void> {
  const coachProfileId = await profileIdOf(userId);
  await db.coachLanguage.deleteMany({ where: { coachProfileId, code } });
}

export type ExpertiseResult = { status: "ok" } | { status: "unknown_skill" } | { status: "too_many" };

/** A skill or a whole skill group the coach can coach (a group covers everything under it). */
export async function addCoachExpertise(userId: string, conceptUri: string): Promise<ExpertiseResult> {
  const coachProfileId = await profileIdOf(userId);
  const [concept, count] = await Promise.all([
    db.taxonomyConcept.findUnique({ where: { uri: conceptUri }, select: { kind: true } }),
    db.coachExpertise.count({ where: { coachProfileId } }),
  ]);
  if (concept?.kind !== "skill" && concept?.kind !== "skill_group") return { status: "unknown_skill" };
  if (count >= MAX_EXPERTISE) return { status: "too_many" };
  await db.coachExpertise.upsert({ where: { coachProfileId_conceptUri: { coachProfileId, conceptUri } }, create: { coachProfileId, conceptUri }, update: {} });
  return { status: "ok" };
}

export async function removeCoachExpertise(userId: string, conceptUri: string): Promise<void> {
  const coachProfileId = await profileIdOf(userId);
  await db.coachExpertise.deleteMany({ where: { coachProfileId, conceptUri } });
}
