// What routes assessment requests to an assessor: the languages they assess in and their areas.
import { parseStringList } from "~/domain/profile/entries";
import { db } from "~/utils/db.server";
import { labelsFor } from "./taxonomy.server";

export const MAX_AREAS = 50;

export async function findAssessorProfile(userId: string, language: string) {
  const profile = await db.assessorProfile.upsert({ where: { userId }, create: { userId }, update: {}, select: { languages: true, areas: true } });
  const areas = parseStringList(profile.areas);
  const labels = await labelsFor(areas, language);
  return { languages: parseStringList(profile.languages), areas: areas.map((uri) => ({ uri, label: labels.get(uri)?.label ?? uri, harbor: labels.get(uri)?.provenance === "harbor" })) };
}

export async function saveAssessorLanguages(userId: string, languages: string[]): Promise<void> {
  const value = JSON.stringify([...new Set(languages)]);
  await db.assessorProfile.upsert({ where: { userId }, create: { userId, languages: value }, update: { languages: value } });
}

export type AreaResult = "ok" | "unknown_skill" | "too_many";

export async function addAssessorArea(userId: string, conceptUri: string): Promise<AreaResult> {
  const concept = await db.taxonomyConcept.findUnique({ where: { uri: conceptUri }, select: { kind: true } });
  if (concept?.kind !== "skill" && concept?.kind !== "skill_group") return "unknown_skill";
  const profile = await db.assessorProfile.upsert({ where: { userId }, create: { userId }, update: {}, select: { areas: true } });
  const areas = parseStringList(profile.areas);
  if (areas.includes(conceptUri)) return "ok";
  if (areas.length >= MAX_AREAS) return "too_many";
  await db.assessorProfile.update({ where: { userId }, data: { areas: JSON.stringify([...areas, conceptUri]) } });
  return "ok";
}

export async function removeAssessorArea(userId: string, conceptUri: string): Promise<void> {
  const profile = await db.assessorProfile.findUnique({ where: { userId }, select: { areas: true } });
  if (!profile) return;
  await db.assessorProfile.update({ where: { userId }, data: { areas: JSON.stringify(parseStringList(profile.areas).filter((uri) => uri !== conceptUri)) } });
}
