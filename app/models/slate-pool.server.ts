// The slate index's life in the server: built from the database on first use, kept current by
// re-reading candidates whose profile changed since the last look, and checked against the database
// for every entry a slate takes (so a stale index can only cost a retry, never a wrong entry).
import { awardState } from "~/domain/badges/assessment";
import { utcOffsetMinutes } from "~/domain/coaching/coaching";
import { isCefrLevel, type CefrLevel } from "~/domain/profile/languages";
import { SlateIndex } from "~/domain/slates/slate-index";
import type { SlateCandidate, SlateTaxonomy } from "~/domain/slates/types";
import { db } from "~/utils/db.server";

/** Rebuild rather than keep scoring this many changed candidates one by one. */
const REBUILD_AFTER_CHANGES = 2000;
/** Re-read profiles changed this long before the last look too: clocks and commits are not instant. */
const SYNC_OVERLAP_MS = 5000;
const PAGE = 2000;

export const slateCandidateSelect = {
  id: true,
  userId: true,
  stage: true,
  consentEmployers: true,
  interestConfirmedAt: true,
  timeZone: true,
  availabilityHours: true,
  currentCountry: true,
  countryOfOrigin: true,
  referringOrganisationId: true,
  updatedAt: true,
  skills: { select: { conceptUri: true, level: true } },
  languages: { select: { code: true, level: true } },
  badgeAwards: { where: { revokedAt: null }, select: { id: true, validUntil: true, revokedAt: true, revocationReason: true, badge: { select: { skills: { select: { conceptUri: true } } } } } },
  assessments: { where: { requestedByUserId: { not: null } }, select: { requestedByUserId: true } },
} as const;

type SlateCandidateRow = Awaited<ReturnType<typeof db.candidateProfile.findMany<{ select: typeof slateCandidateSelect }>>>[number];

/** A profile as the engine sees it: declared skills plus skills proven by valid badges. */
export function toSlateCandidate(row: SlateCandidateRow, now: Date): SlateCandidate {
  const skills = new Map<string, { uri: string; level: number; badges: string[] }>();
  for (const { conceptUri, level } of row.skills) skills.set(conceptUri, { uri: conceptUri, level, badges: [] });
  for (const award of row.badgeAwards) {
    if (awardState(award, now).state !== "valid") continue;
    for (const { conceptUri } of award.badge.skills) {
      const skill = skills.get(conceptUri) ?? { uri: conceptUri, level: 0, badges: [] };
      skill.badges.push(award.id);
      skills.set(conceptUri, skill);
    }
  }
  return {
    id: row.id,
    skills: [...skills.values()],
    languages: row.languages.filter((l): l is { code: string; level: CefrLevel } => isCefrLevel(l.level)),
    utcOffsetMinutes: row.timeZone ? utcOffsetMinutes(row.timeZone, now) : null,
    availabilityHours: row.availabilityHours,
    currentCountry: row.currentCountry,
    countryOfOrigin: row.countryOfOrigin,
    referringOrganisationId: row.referringOrganisationId,
    consentsToEmployers: row.consentEmployers,
    placed: row.stage === "placed",
    interestConfirmedAt: row.interestConfirmedAt?.getTime() ?? null,
    coachRecommended: row.assessments.some((a) => a.requestedByUserId !== row.userId),
  };
}

/** The skills hierarchy as the engine reads it. */
export async function loadSlateTaxonomy(): Promise<SlateTaxonomy> {
  const links = await db.taxonomyBroader.findMany({ select: { narrowerUri: true, broaderUri: true } });
  const broader = new Map<string, string[]>();
  const narrower = new Map<string, string[]>();
  for (const { narrowerUri, broaderUri } of links) {
    (broader.get(narrowerUri) ?? broader.set(narrowerUri, []).get(narrowerUri))?.push(broaderUri);
    (narrower.get(broaderUri) ?? narrower.set(broaderUri, []).get(broaderUri))?.push(narrowerUri);
  }
  return { broader: (uri) => broader.get(uri) ?? [], narrower: (uri) => narrower.get(uri) ?? [] };
}

/** Candidates by id, read fresh from the database (missing ids: erased). */
export async function readSlateCandidates(ids: readonly string[], now: Date): Promise<Map<string, SlateCandidate>> {
  const rows = await db.candidateProfile.findMany({ where: { id: { in: [...ids] } }, select: slateCandidateSelect });
  return new Map(rows.map((row) => [row.id, toSlateCandidate(row, now)]));
}

async function* allCandidates(now: Date): AsyncGenerator<SlateCandidate[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.candidateProfile.findMany({
      select: slateCandidateSelect,
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) return;
    yield rows.map((row) => toSlateCandidate(row, now));
    cursor = rows[rows.length - 1]?.id;
  }
}

interface Pool {
  index: SlateIndex;
  taxonomy: SlateTaxonomy;
  /** Database time of the last look at changed profiles. */
  syncedAt: Date;
}

let pool: Promise<Pool> | null = null;

async function build(): Promise<Pool> {
  const startedAt = new Date();
  const taxonomy = await loadSlateTaxonomy();
  const candidates: SlateCandidate[] = [];
  for await (const page of allCandidates(startedAt)) candidates.push(...page);
  return { index: SlateIndex.build(candidates, taxonomy, candidates.length), taxonomy, syncedAt: startedAt };
}

/**
 * The index, current as of now: built on first use, then brought up to date by re-reading the
 * profiles changed since the last call (every change that matters to slates bumps the profile's
 * `updatedAt`: see touchCandidate). Works the same with several app instances on one database.
 */
export async function currentSlatePool(): Promise<Pool> {
  pool ??= build();
  let current: Pool;
  try {
    current = await pool;
  } catch (error) {
    pool = null;
    throw error;
  }
  if (current.index.pendingChanges > REBUILD_AFTER_CHANGES) {
    pool = build();
    return pool;
  }
  const now = new Date();
  const changed = await db.candidateProfile.findMany({
    where: { updatedAt: { gte: new Date(current.syncedAt.getTime() - SYNC_OVERLAP_MS) } },
    select: slateCandidateSelect,
  });
  for (const row of changed) current.index.upsert(toSlateCandidate(row, now));
  current.syncedAt = now;
  return current;
}

/** Marks a candidate changed for the slate index (badges and recommendations live in other tables). */
export async function touchCandidate(profileId: string): Promise<void> {
  await db.candidateProfile.updateMany({ where: { id: profileId }, data: { updatedAt: new Date() } });
}

/** Forgets an erased candidate in this instance's index (others drop them at their next check). */
export async function forgetSlateCandidate(profileId: string): Promise<void> {
  if (pool) (await pool).index.remove(profileId);
}
