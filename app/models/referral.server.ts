import crypto from "node:crypto";
import { compareForDuplicate, duplicateKeys, type PersonRecord } from "~/domain/intake/duplicates";
import type { ReferralStatus } from "~/domain/intake/referral-messages";
import type { ReferralInput } from "~/domain/intake/referral-input";
import type { Actor } from "~/domain/auth/permissions";
import { CONSENT_COLUMNS_SELECT, mayAccessProfile, subjectOf } from "~/domain/consent/consent";
import { audit } from "~/models/audit.server";
import { findSkillByLabel } from "~/models/taxonomy.server";
import { BatchAlreadyImported, withImportStore, type ImportStore } from "~/models/import-store.server";
import { db } from "~/utils/db.server";

export type ReferralRowResult =
  | { row: number; status: "created"; referralId: string; reasons?: undefined }
  | { row: number; status: "duplicate"; referralId: string; duplicateOf: string; reasons: string[] };

export type ImportOutcome =
  | { status: "imported"; summary: { created: number; duplicate: number } }
  | { status: "already_imported"; summary: { created: number; duplicate: number } };

/** Rows written per statement: large enough to amortise round trips, small enough for SQLite's variable limit. */
const CHUNK = 400;
/** Records compared per blocking key (the most recent ones). */
const MAX_MATCHES_PER_KEY = 20;

interface ExistingPerson extends PersonRecord {
  /** What a flag points at: an earlier referral, or a registered candidate. */
  match: { referralId: string } | { userId: string };
}

const matchId = (p: ExistingPerson) => ("referralId" in p.match ? p.match.referralId : p.match.userId);

/**
 * Imports validated referrals for one organisation, all or nothing: every row is written in one
 * transaction, or none is. Rows stream through in chunks, so memory stays bounded whatever the
 * file size. Duplicates are looked for across the whole program (through PersonKey, which also
 * holds the rows already written by this import) and recorded with a flag for review — never
 * dropped or merged. The same externalId from the same organisation never creates a second
 * referral. With a contentHash (CSV batches), importing the same file again creates nothing.
 */
export async function importReferrals(input: {
  organisationId: string;
  actorUserId: string | null;
  rows: AsyncIterable<{ row: number; value: ReferralInput }> | Iterable<{ row: number; value: ReferralInput }>;
  contentHash?: string;
  onResult?: (result: ReferralRowResult) => void;
}): Promise<ImportOutcome> {
  const summary = { created: 0, duplicate: 0 };
  try {
    await withImportStore(async (store, now) => {
      // Claimed first: a concurrent import of the same file fails here and creates nothing.
      if (input.contentHash) await store.claimBatch(input.organisationId, input.contentHash, input.actorUserId ?? "api");
      let chunk: Array<{ row: number; value: ReferralInput }> = [];
      for await (const item of input.rows) {
        chunk.push(item);
        if (chunk.length === CHUNK) {
          await writeChunk(store, now, input.organisationId, input.actorUserId, chunk, summary, input.onResult);
          chunk = [];
        }
      }
      if (chunk.length) await writeChunk(store, now, input.organisationId, input.actorUserId, chunk, summary, input.onResult);
      if (input.contentHash) await store.finishBatch(input.organisationId, input.contentHash, summary.created + summary.duplicate);
    });
  } catch (error) {
    if (error instanceof BatchAlreadyImported) return { status: "already_imported", summary: { created: 0, duplicate: 0 } };
    throw error;
  }
  await audit({
    action: "referral.import",
    outcome: "success",
    actorUserId: input.actorUserId,
    organisationId: input.organisationId,
    detail: { created: summary.created, duplicate: summary.duplicate },
  });
  return { status: "imported", summary };
}

const REFERRAL_COLUMNS = ["id", "organisationId", "externalId", "createdById", "status", "givenName", "familyName", "latinName", "email", "phone", "dateOfBirth", "countryOfOrigin", "currentCountry", "preferredLanguage", "languages", "skills", "note", "createdAt", "updatedAt"] as const;
const KEY_COLUMNS = ["key", "referralId"] as const;
const FLAG_COLUMNS = ["id", "referralId", "matchReferralId", "matchUserId", "reasons", "status", "createdAt"] as const;
/** Multi-row INSERTs stay under SQLite's 32,766-parameter limit. */
const rowsPerInsert = (columns: number) => Math.floor(30_000 / columns);

async function insertAll(store: ImportStore, table: "Referral" | "PersonKey" | "DuplicateFlag", columns: readonly string[], rows: unknown[][]) {
  const size = rowsPerInsert(columns.length);
  for (let i = 0; i < rows.length; i += size) await store.insert(table, columns, rows.slice(i, i + size));
}

async function writeChunk(
  store: ImportStore,
  now: () => unknown,
  organisationId: string,
  actorUserId: string | null,
  chunk: Array<{ row: number; value: ReferralInput }>,
  summary: { created: number; duplicate: number },
  onResult?: (result: ReferralRowResult) => void,
) {
  // Same externalId from the same organisation: the existing referral answers, nothing is created.
  const externalIds = [...new Set(chunk.flatMap((c) => (c.value.externalId ? [c.value.externalId] : [])))];
  const known = new Map((externalIds.length ? await store.referralIdsByExternalId(organisationId, externalIds) : []).map((r) => [r.externalId, r.id]));

  const fresh: Array<{ row: number; value: ReferralInput; id: string; keys: string[] }> = [];
  for (const item of chunk) {
    const externalId = item.value.externalId;
    const existing = externalId ? known.get(externalId) : undefined;
    if (existing) {
      summary.duplicate++;
      onResult?.({ row: item.row, status: "duplicate", referralId: existing, duplicateOf: existing, reasons: ["external_id"] });
      continue;
    }
    const id = crypto.randomUUID();
    if (externalId) known.set(externalId, id);
    fresh.push({ ...item, id, keys: duplicateKeys(person(item.value)) });
  }
  if (fresh.length === 0) return;

  // Candidates for duplicates: the most recent records sharing a blocking key, already in the
  // program — a very common name must not turn every row into thousands of comparisons.
  const allKeys = [...new Set(fresh.flatMap((f) => f.keys))];
  const matches = new Map<string, string[]>(); // key → record keys ("r:<referralId>" or "u:<userId>")
  for (let i = 0; i < allKeys.length; i += CHUNK) {
    for (const r of await store.keyMatches(allKeys.slice(i, i + CHUNK), MAX_MATCHES_PER_KEY)) {
      const ref = r.referralId ? `r:${r.referralId}` : r.userId ? `u:${r.userId}` : null;
      if (ref) (matches.get(r.key) ?? matches.set(r.key, []).get(r.key))?.push(ref);
    }
  }
  const refs = [...new Set([...matches.values()].flat())];
  const referralIds = refs.filter((r) => r.startsWith("r:")).map((r) => r.slice(2));
  const userIds = refs.filter((r) => r.startsWith("u:")).map((r) => r.slice(2));
  const existingPeople = new Map<string, ExistingPerson>();
  for (let i = 0; i < referralIds.length; i += CHUNK)
    for (const r of await store.people(referralIds.slice(i, i + CHUNK))) existingPeople.set(`r:${r.id}`, { ...r, match: { referralId: r.id } });
  // People who registered on their own have no referral, only an account and a profile.
  for (let i = 0; i < userIds.length; i += CHUNK)
    for (const c of await store.candidates(userIds.slice(i, i + CHUNK))) {
      const [givenName = "", ...family] = c.nativeName.split(/\s+/);
      existingPeople.set(`u:${c.id}`, { givenName, familyName: family.join(" "), latinName: c.latinName, email: c.email, phone: c.phone, dateOfBirth: c.dateOfBirth, match: { userId: c.id } });
    }

  const timestamp = now();
  const referralRows: unknown[][] = [];
  const keyRows: unknown[][] = [];
  const flagRows: unknown[][] = [];
  // Rows earlier in this chunk count as existing for rows later in it (later chunks find them
  // through PersonKey).
  const chunkIndex = new Map<string, ExistingPerson[]>();
  for (const item of fresh) {
    const me = person(item.value);
    let best: { other: ExistingPerson; reasons: string[]; strong: boolean } | null = null;
    const seen = new Set<string>();
    const consider = (other: ExistingPerson | undefined) => {
      if (!other || seen.has(matchId(other))) return;
      seen.add(matchId(other));
      const result = compareForDuplicate(me, other);
      if (!result.likely) return;
      const strong = result.strength === "strong";
      if (!best || (strong && !best.strong)) best = { other, reasons: result.reasons, strong };
    };
    for (const key of item.keys) {
      for (const id of matches.get(key) ?? []) consider(existingPeople.get(id));
      for (const other of chunkIndex.get(key) ?? []) consider(other);
    }
    for (const key of item.keys) {
      const bucket = chunkIndex.get(key) ?? chunkIndex.set(key, []).get(key);
      if (bucket && bucket.length < MAX_MATCHES_PER_KEY) bucket.push({ ...me, match: { referralId: item.id } });
    }

    const v = item.value;
    referralRows.push([
      item.id, organisationId, v.externalId ?? null, actorUserId, "referred", v.givenName, v.familyName, v.latinName ?? null,
      v.email ?? null, v.phone ?? null, v.dateOfBirth ?? null, v.countryOfOrigin ?? null, v.currentCountry ?? null,
      v.preferredLanguage ?? null, JSON.stringify(v.languages ?? []), JSON.stringify(v.skills ?? []), v.note ?? null, timestamp, timestamp,
    ]);
    for (const key of item.keys) keyRows.push([key, item.id]);
    const found = best as { other: ExistingPerson; reasons: string[] } | null;
    if (found) {
      const target = found.other.match;
      flagRows.push([crypto.randomUUID(), item.id, "referralId" in target ? target.referralId : null, "userId" in target ? target.userId : null, JSON.stringify(found.reasons), "open", timestamp]);
      summary.duplicate++;
      onResult?.({ row: item.row, status: "duplicate", referralId: item.id, duplicateOf: matchId(found.other), reasons: found.reasons });
    } else {
      summary.created++;
      onResult?.({ row: item.row, status: "created", referralId: item.id });
    }
  }
  await insertAll(store, "Referral", REFERRAL_COLUMNS, referralRows);
  await insertAll(store, "PersonKey", KEY_COLUMNS, keyRows);
  if (flagRows.length) await insertAll(store, "DuplicateFlag", FLAG_COLUMNS, flagRows);
}

function person(v: ReferralInput): PersonRecord {
  return { givenName: v.givenName, familyName: v.familyName, latinName: v.latinName ?? null, email: v.email ?? null, phone: v.phone ?? null, dateOfBirth: v.dateOfBirth ?? null };
}


/**
 * One organisation's referrals, newest first, with what an NGO needs to track them: who (as the
 * NGO wrote it), status and stage. Nothing from the candidate's profile.
 */
export async function listReferrals(input: { organisationId: string; status?: ReferralStatus; search?: string; take?: number; cursor?: string | null }) {
  const take = input.take ?? 50;
  const search = input.search?.trim().normalize("NFC");
  const rows = await db.referral.findMany({
    where: {
      organisationId: input.organisationId,
      ...(input.status ? { status: input.status } : {}),
      ...(search
        ? { OR: ["givenName", "familyName", "latinName", "externalId", "email"].map((field) => ({ [field]: { contains: search } })) }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: { id: true, externalId: true, givenName: true, familyName: true, status: true, createdAt: true, updatedAt: true, candidateUserId: true },
  });
  const stages = await db.candidateProfile.findMany({
    where: { userId: { in: rows.flatMap((r) => (r.candidateUserId ? [r.candidateUserId] : [])) } },
    select: { userId: true, stage: true },
  });
  const stageOf = new Map(stages.map((s) => [s.userId, s.stage]));
  const items = rows.slice(0, take).map(({ candidateUserId, ...r }) => ({
    ...r,
    stage: r.status === "registered" && candidateUserId ? (stageOf.get(candidateUserId) ?? "registered") : r.status === "referred" ? "referred" : null,
  }));
  return { items, nextCursor: rows.length > take ? (items.at(-1)?.id ?? null) : null };
}

/** A referral of one organisation, for the page that shows its invite link. */
export async function findReferral(organisationId: string, referralId: string) {
  return db.referral.findFirst({
    where: { id: referralId, organisationId },
    select: { id: true, givenName: true, familyName: true, email: true, phone: true, status: true },
  });
}

const ESCO_URI = /^http:\/\/data\.europa\.eu\/esco\//;

/**
 * Turns free-text skills ("accounting", "comptabilité", "бухгалтерський облік") into taxonomy
 * URIs where a label matches; labels that match nothing are kept as written for the program team.
 * Caches lookups, since files repeat the same skills on many rows.
 */
export function createSkillResolver(): (value: ReferralInput) => Promise<ReferralInput> {
  const cache = new Map<string, string>();
  return async (value) => {
    if (!value.skills?.length) return value;
    const skills: string[] = [];
    for (const skill of value.skills) {
      if (ESCO_URI.test(skill)) {
        skills.push(skill);
        continue;
      }
      let resolved = cache.get(skill);
      if (resolved === undefined) {
        resolved = (await findSkillByLabel(skill)) ?? skill;
        if (cache.size < 10_000) cache.set(skill, resolved);
      }
      skills.push(resolved);
    }
    return { ...value, skills: [...new Set(skills)] };
  };
}

export const resolveSkillLabels = (value: ReferralInput) => createSkillResolver()(value);

/**
 * One referral as its NGO may see it: what the NGO itself sent and the status always; the
 * candidate's profile only while they consent to share it with the referring NGO (decided by
 * mayAccessProfile). Every view is written to the audit log.
 */
export async function viewReferral(viewer: Actor, organisationId: string, referralId: string) {
  const referral = await db.referral.findFirst({
    where: { id: referralId, organisationId },
    select: { id: true, externalId: true, givenName: true, familyName: true, latinName: true, email: true, phone: true, status: true, createdAt: true, candidateUserId: true },
  });
  if (!referral) return null;
  const profile = referral.candidateUserId
    ? await db.candidateProfile.findUnique({
        where: { userId: referral.candidateUserId },
        select: {
          userId: true,
          referringOrganisationId: true,
          stage: true,
          nativeName: true,
          latinName: true,
          currentCountry: true,
          availabilityHours: true,
          coachingRequestedAt: true,
          ...CONSENT_COLUMNS_SELECT,
          languages: { select: { code: true, level: true } },
          skills: { select: { conceptUri: true, level: true } },
        },
      })
    : null;
  const decision = profile
    ? mayAccessProfile(viewer, subjectOf(profile), "referring_ngo")
    : null;
  await audit({
    action: "profile.view",
    outcome: decision && !decision.allowed ? "denied" : "success",
    actorUserId: viewer.userId,
    organisationId,
    targetType: profile ? "candidate" : "referral",
    targetId: profile?.userId ?? referral.id,
    detail: { purpose: "referring_ngo", ...(decision && !decision.allowed ? { reason: decision.reason } : {}) },
  });
  const { candidateUserId: _c, ...base } = referral;
  return {
    referral: base,
    stage: profile?.stage ?? null,
    profile:
      profile && decision?.allowed
        ? {
            nativeName: profile.nativeName,
            latinName: profile.latinName,
            currentCountry: profile.currentCountry,
            availabilityHours: profile.availabilityHours,
            languages: profile.languages,
            skills: profile.skills,
            coachingRequested: profile.coachingRequestedAt !== null,
          }
        : null,
    consentWithheld: !!profile && !decision?.allowed,
  };
}
