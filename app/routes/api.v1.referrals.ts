import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Readable } from "node:stream";
import type { ReferralInput } from "~/domain/intake/referral-input";
import { ReferralCsvError, readReferralCsv } from "~/domain/intake/referral-csv";
import { validateReferralInput } from "~/domain/intake/referral-input";
import { REFERRAL_ERROR_KEYS, REFERRAL_FILE_ERROR_KEYS, REFERRAL_STATUSES } from "~/domain/intake/referral-messages";
import { i18next } from "~/i18n/i18next.server";
import { authenticateApiToken, claimIdempotencyKey, releaseIdempotencyKey, storeIdempotentResponse } from "~/models/api-token.server";
import { audit } from "~/models/audit.server";
import { inviteReferral } from "~/models/invite.server";
import { createSkillResolver, importReferrals, listReferrals, type ReferralRowResult } from "~/models/referral.server";

const MAX_BYTES = 10 * 1024 * 1024;

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** Partner systems authenticate with their NGO's bearer token; anything else is 401, with no detail. */
async function authorise(request: Request) {
  const caller = await authenticateApiToken(request.headers.get("Authorization"));
  if (!caller) {
    await audit({ action: "api.denied", outcome: "denied", detail: { path: new URL(request.url).pathname } });
    throw json({ error: "unauthorized" }, 401);
  }
  return caller;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisationId } = await authorise(request);
  const url = new URL(request.url);
  const status = REFERRAL_STATUSES.find((s) => s === url.searchParams.get("status"));
  const page = await listReferrals({ organisationId, status, cursor: url.searchParams.get("cursor"), take: 100 });
  return json({
    items: page.items.map((r) => ({ referralId: r.id, externalId: r.externalId, status: r.status, createdAt: r.createdAt, updatedAt: r.updatedAt })),
    nextCursor: page.nextCursor,
  });
}

async function readBody(request: Request): Promise<Buffer | null> {
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BYTES) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
    size += next.value.length;
    if (size > MAX_BYTES) {
      await reader?.cancel();
      return null;
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}

type RowOutcome =
  | ReferralRowResult
  | { row: number; status: "invalid"; errors: Array<{ field: string; code: string; message: string }> };

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ error: "method_not_allowed" }, 405);
  const { organisationId } = await authorise(request);
  const t = await i18next.getFixedT(request, "intake");
  const key = request.headers.get("Idempotency-Key");
  if (key !== null && (key.length === 0 || key.length > 255)) return json({ error: "invalid_idempotency_key", message: t("intake:api.invalid_idempotency_key") }, 400);
  const body = await readBody(request);
  if (body === null) return json({ error: "too_large", message: t("intake:file_errors.too_large") }, 413);

  let claim: Awaited<ReturnType<typeof claimIdempotencyKey>> | null = null;
  if (key) {
    claim = await claimIdempotencyKey(organisationId, key, body.toString("base64"));
    if (claim.status === "replay") return new Response(claim.body, { status: claim.httpStatus, headers: { "Content-Type": "application/json", "Idempotent-Replayed": "true" } });
    if (claim.status === "conflict") return json({ error: "idempotency_key_reused", message: t("intake:api.idempotency_conflict") }, 422);
    if (claim.status === "in_progress") return json({ error: "in_progress", message: t("intake:api.in_progress") }, 409);
  }

  try {
    const response = await handleReferrals(request, body, organisationId, t);
    if (claim?.status === "new") await storeIdempotentResponse(claim.recordId, response.status, JSON.stringify(response.body));
    return json(response.body, response.status);
  } catch (error) {
    if (claim?.status === "new") await releaseIdempotencyKey(claim.recordId);
    throw error;
  }
}

async function handleReferrals(
  request: Request,
  body: Buffer,
  organisationId: string,
  t: Awaited<ReturnType<typeof i18next.getFixedT>>,
): Promise<{ status: number; body: unknown }> {
  const contentType = request.headers.get("Content-Type") ?? "";
  const parsed: Array<{ row: number; result: ReturnType<typeof validateReferralInput> }> = [];
  if (/^text\/csv/i.test(contentType)) {
    try {
      // Raw bytes, so a file that is not UTF-8 is refused as such instead of read as garbage.
      for await (const item of readReferralCsv(Readable.from([body]), { maxBytes: MAX_BYTES })) parsed.push(item);
    } catch (error) {
      if (error instanceof ReferralCsvError) return { status: 400, body: { error: error.code, message: t(REFERRAL_FILE_ERROR_KEYS[error.code] ?? "intake:file_errors.unreadable") } };
      throw error;
    }
  } else if (/^application\/json/i.test(contentType)) {
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
    } catch {
      return { status: 400, body: { error: "invalid_json", message: t("intake:api.invalid_json") } };
    }
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, index) => parsed.push({ row: index + 1, result: validateReferralInput(item) }));
  } else {
    return { status: 415, body: { error: "unsupported_media_type", message: t("intake:api.unsupported_media_type") } };
  }

  const results: RowOutcome[] = [];
  const resolve = createSkillResolver();
  const valid: Array<{ row: number; value: ReferralInput }> = [];
  for (const { row, result } of parsed) {
    if (result.ok) valid.push({ row, value: await resolve(result.value) });
    else
      results.push({
        row,
        status: "invalid",
        errors: result.errors.map((e) => ({ ...e, message: t(REFERRAL_ERROR_KEYS[e.code] ?? "intake:errors.invalid") })),
      });
  }
  await importReferrals({ organisationId, actorUserId: null, rows: valid, onResult: (r) => results.push(r) });
  for (const r of results) if (r.status !== "invalid" && !r.reasons?.includes("external_id")) await inviteReferral(r.referralId);
  results.sort((a, b) => a.row - b.row);
  const summary = {
    created: results.filter((r) => r.status === "created").length,
    duplicate: results.filter((r) => r.status === "duplicate").length,
    invalid: results.filter((r) => r.status === "invalid").length,
  };
  return { status: summary.created > 0 ? 201 : 200, body: { summary, results } };
}
