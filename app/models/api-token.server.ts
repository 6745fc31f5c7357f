import crypto from "node:crypto";
import { audit } from "~/models/audit.server";
import { db } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";

/** Partner API tokens look like `hbr_<8-char prefix>_<secret>`; only the hash is stored. */
export function newTokenValue(): { token: string; prefix: string } {
  const prefix = crypto.randomBytes(6).toString("base64url").slice(0, 8);
  return { token: `hbr_${prefix}_${crypto.randomBytes(24).toString("base64url")}`, prefix };
}

export async function createApiToken(input: { organisationId: string; name: string; actorUserId: string | null; token?: string }) {
  const value = input.token ? { token: input.token, prefix: input.token.split("_")[1] ?? "" } : newTokenValue();
  const row = await db.apiToken.create({
    data: { organisationId: input.organisationId, name: input.name, prefix: value.prefix, tokenHash: hashToken(value.token), createdById: input.actorUserId },
    select: { id: true },
  });
  await audit({ action: "api_token.create", outcome: "success", actorUserId: input.actorUserId, organisationId: input.organisationId, targetType: "api_token", targetId: row.id });
  return { id: row.id, token: value.token };
}

export async function listApiTokens(organisationId: string) {
  return db.apiToken.findMany({
    where: { organisationId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export async function revokeApiToken(input: { organisationId: string; tokenId: string; actorUserId: string }): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({
    where: { id: input.tokenId, organisationId: input.organisationId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count) await audit({ action: "api_token.revoke", outcome: "success", actorUserId: input.actorUserId, organisationId: input.organisationId, targetType: "api_token", targetId: input.tokenId });
  return count === 1;
}

/** The organisation of the kind asked for that a bearer token speaks for, or null (unknown, revoked, another kind's). */
export async function authenticateApiToken(authorization: string | null, kind: "ngo" | "employer" = "ngo"): Promise<{ organisationId: string } | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match?.[1]) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]) },
    select: { id: true, organisationId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!token || token.revokedAt) return null;
  const organisation = await db.organisation.findUnique({ where: { id: token.organisationId }, select: { kind: true } });
  if (organisation?.kind !== kind) return null;
  // Written at most once a minute, like session activity.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000)
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  return { organisationId: token.organisationId };
}

export type IdempotencyClaim =
  | { status: "new"; recordId: string }
  | { status: "replay"; httpStatus: number; body: string }
  | { status: "conflict" }
  | { status: "in_progress" };

/**
 * Claims an Idempotency-Key for a request body. The first request claims it; the same key with
 * the same body later gets the stored response; with a different body, a conflict (422).
 */
export async function claimIdempotencyKey(organisationId: string, key: string, body: string): Promise<IdempotencyClaim> {
  const requestHash = crypto.createHash("sha256").update(body).digest("hex");
  try {
    const record = await db.idempotencyRecord.create({ data: { organisationId, key, requestHash, status: 0, body: "" }, select: { id: true } });
    return { status: "new", recordId: record.id };
  } catch {
    const existing = await db.idempotencyRecord.findUnique({ where: { organisationId_key: { organisationId, key } }, select: { requestHash: true, status: true, body: true } });
    if (!existing) throw new Error("idempotency record vanished");
    if (existing.requestHash !== requestHash) return { status: "conflict" };
    if (existing.status === 0) return { status: "in_progress" };
    return { status: "replay", httpStatus: existing.status, body: existing.body };
  }
}

export async function storeIdempotentResponse(recordId: string, httpStatus: number, body: string): Promise<void> {
  await db.idempotencyRecord.update({ where: { id: recordId }, data: { status: httpStatus, body } });
}

/** A failed request releases its key, so the client can retry with the same one. */
export async function releaseIdempotencyKey(recordId: string): Promise<void> {
  await db.idempotencyRecord.deleteMany({ where: { id: recordId, status: 0 } });
}
