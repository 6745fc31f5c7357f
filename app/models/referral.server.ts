// Referral and flag ids are ordered (UUIDv7): random ids made filling their indexes 2–3× slower.
import { orderedId } from "~/utils/ordered-id.server";
import { compareIdentities, duplicateIdentity, identityKeys, type DuplicateIdentity, type PersonRecord } from "~/domain/intake/duplicates";
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

/**
 * Rows handled together: large enough to amortise round trips, small enough for SQLite's variable
 * limit (2,000 measured no faster, with more memory).
 */
const CHUNK = 400;
/** Records compared per blocking key (the most recent ones). */
const MAX_MATCHES_PER_KEY = 20;

interface ExistingPerson extends PersonRecord {
  /** What a flag points at: an earlier referral, or a registered candidate. */
  match: { referralId: string } | { userId: string };
  /** Computed at the first comparison: a person is often compared with many rows. */
  identity?: DuplicateIdentity;
}

const identityOf = (p: ExistingPerson) => (p.identity ??= duplicateIdentity(p));

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
  const externalIds = new Set<string>();
  for (const item of chunk) if (item.value.externalId) externalIds.add(item.value.externalId);
  const known = new Map<string, string>();
  if (externalIds.size) for (const r of await store.referralIdsByExternalId(organisationId, [...externalIds])) known.set(r.externalId, r.id);

  const fresh: Array<{ row: number; value: ReferralInput; id: string; me: ExistingPerson; keys: string[] }> = [];
  const allKeys = new Set<string>();
  for (const { row, value } of chunk) {
    const externalId = value.externalId;
    const existing = externalId ? known.get(externalId) : undefined;
    if (existing) {
      summary.duplicate++;
      onResult?.({ row, status: "duplicate", referralId: existing, duplicateOf: existing, reasons: ["external_id"] });
      continue;
    }
    const id = orderedId();
    if (externalId) known.set(externalId, id);
    const me = person(value, id);
    const keys = identityKeys(identityOf(me));
    for (const key of keys) allKeys.add(key);
    fresh.push({ row, value, id, me, keys });
  }
  if (fresh.length === 0) return;

  // Candidates for duplicates: the most recent records sharing a blocking key, already in the
  // program — a very common name must not turn every row into thousands of comparisons.
  const matches = new Map<string, ExistingPerson[]>();
  const add = (key: string, other: ExistingPerson) => (matches.get(key) ?? matches.set(key, []).get(key))?.push(other);
  const registered = new Map<string, string[]>(); // user id → the keys it was found by
  const referred = new Map<string, ExistingPerson>(); // one object per referral, found by any number of keys
  const keys = [...allKeys];
  for (let i = 0; i < keys.length; i += CHUNK) {
    for (const m of await store.keyMatches(keys.slice(i, i + CHUNK), MAX_MATCHES_PER_KEY)) {
      if (m.referralId !== null) {
        let other = referred.get(m.referralId);
        // givenName is null when the referral is gone and only its key is left.
        if (!other && m.givenName !== null) {
          other = { givenName: m.givenName, familyName: m.familyName ?? "", latinName: m.latinName, email: m.email, phone: m.phone, dateOfBirth: m.dateOfBirth, match: { referralId: m.referralId } };
          referred.set(m.referralId, other);
        }
        if (other) add(m.key, other);
      } else if (m.userId !== null) {
        (registered.get(m.userId) ?? registered.set(m.userId, []).get(m.userId))?.push(m.key);
      }
    }
  }
  // People who registered on their own have no referral, only an account and a profile.
  const userIds = [...registered.keys()];
  for (let i = 0; i < userIds.length; i += CHUNK)
    for (const c of await store.candidates(userIds.slice(i, i + CHUNK))) {
      const [givenName = "", ...family] = c.nativeName.split(/\s+/);
      const other = { givenName, familyName: family.join(" "), latinName: c.latinName, email: c.email, phone: c.phone, dateOfBirth: c.dateOfBirth, match: { userId: c.id } };
      for (const key of registered.get(c.id) ?? []) add(key, other);
    }

  const timestamp = now();
  // Rows one after the other, as store.insert takes them.
  const referralValues: unknown[] = [];
  const keyRows: Array<[key: string, referralId: string]> = [];
  const flagValues: unknown[] = [];
  // Rows earlier in this chunk count as existing for rows later in it, oldest first (later chunks
  // find them through PersonKey).
  const chunkIndex = new Map<string, ExistingPerson[]>();
  for (const item of fresh) {
    const { me, id } = item;
    let best: { other: ExistingPerson; reasons: string[]; strong: boolean } | null = null;
    const seen = new Set<string>();
    for (const key of item.keys) {
      // Most recent first, so that of equally likely matches a flag names the latest record,
      // wherever the chunks happen to be cut: this chunk's rows, then the store's.
      for (const others of [chunkIndex.get(key)?.toReversed(), matches.get(key)]) {
        for (const other of others ?? []) {
          if (seen.has(matchId(other))) continue;
          seen.add(matchId(other));
          const result = compareIdentities(identityOf(me), identityOf(other));
          if (!result.likely) continue;
          const strong = result.strength === "strong";
          if (!best || (strong && !best.strong)) best = { other, reasons: result.reasons, strong };
        }
      }
    }
    for (const key of item.keys) {
      const bucket = chunkIndex.get(key) ?? chunkIndex.set(key, []).get(key);
      if (bucket?.push(me) === MAX_MATCHES_PER_KEY + 1) bucket.shift(); // the most recent ones
      keyRows.push([key, id]);
    }

    const v = item.value;
    referralValues.push(
      id, organisationId, v.externalId ?? null, actorUserId, "referred", v.givenName, v.familyName, v.latinName ?? null,
      v.email ?? null, v.phone ?? null, v.dateOfBirth ?? null, v.countryOfOrigin ?? null, v.currentCountry ?? null,
      v.preferredLanguage ?? null, JSON.stringify(v.languages ?? []), JSON.stringify(v.skills ?? []), v.note ?? null, timestamp, timestamp,
    );
    if (best) {
      const target = best.other.match;
      flagValues.push(orderedId(), id, "referralId" in target ? target.referralId : null, "userId" in target ? target.userId : null, JSON.stringify(best.reasons), "open", timestamp);
      summary.duplicate++;
      onResult?.({ row: item.row, status: "duplicate", referralId: id, duplicateOf: matchId(best.other), reasons: best.reasons });
    } else {
      summary.created++;
      onResult?.({ row: item.row, status: "created", referralId: id });
    }
  }
  // Keys in order (a stable sort: one key's rows stay oldest first): the key index is then
  // filled in runs instead of at random places, about a third faster.
  keyRows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  await store.insert("Referral", REFERRAL_COLUMNS, referralValues);
  await store.insert("PersonKey", KEY_COLUMNS, keyRows.flat());
  if (flagValues.length) await store.insert("DuplicateFlag", FLAG_COLUMNS, flagValues);
}

/** A row being imported, as later rows compare with it. */
function person(v: ReferralInput, referralId: string): ExistingPerson {
  return { givenName: v.givenName, familyName: v.familyName, latinName: v.latinName ?? null, email: v.email ?? null, phone: v.phone ?? null, dateOfBirth: v.dateOfBirth ?? null, match: { referralId } };
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
