// The one module that talks to the freelance marketplace: POST /placements, signed with Standard
// Webhooks headers, one attempt per call. Retries and ordering are the outbox's (models/outbox.server.ts).
import type { AttemptOutcome } from "~/domain/placements/delivery";
import { signedHeaders, verify } from "~/domain/placements/webhooks";
import { env } from "~/utils/env.server";

/** Sends one request and answers like `fetch` would. */
export type Transport = (request: Request) => Promise<Response>;

/** The real marketplace over HTTP, each attempt cut off after `timeoutMs`. */
export function httpTransport(timeoutMs: number): Transport {
  return (request) => fetch(request, { signal: AbortSignal.timeout(timeoutMs) });
}

/** Delivery to MARKETPLACE_URL, or to the built-in sandbox when none is configured. */
export async function defaultMarketplace(): Promise<{ baseUrl: string; transport: Transport }> {
  const config = env();
  if (config.MARKETPLACE_URL) return { baseUrl: config.MARKETPLACE_URL.replace(/\/$/, ""), transport: httpTransport(config.MARKETPLACE_TIMEOUT_MS) };
  const { receiveSandboxPlacement } = await import("~/models/sandbox-marketplace.server");
  return { baseUrl: `${config.APP_URL}/sandbox/marketplace`, transport: receiveSandboxPlacement };
}

/**
 * One delivery attempt of a placement: the outcome, never a thrown error. The webhook-id is the
 * outbox entry's, the same on every retry; the timestamp is the moment of sending.
 */
export async function sendPlacement(marketplace: { baseUrl: string; transport: Transport }, entry: { id: string; idempotencyKey: string; payload: string }): Promise<AttemptOutcome> {
  const headers = {
    "Content-Type": "application/json",
    "Idempotency-Key": entry.idempotencyKey,
    ...signedHeaders(env().MARKETPLACE_SECRET, entry.id, Math.floor(Date.now() / 1000), entry.payload),
  };
  try {
    const response = await marketplace.transport(new Request(`${marketplace.baseUrl}/placements`, { method: "POST", headers, body: entry.payload }));
    const body = (await response.text().catch(() => "")).slice(0, 500);
    return { kind: "response", status: response.status, retryAfter: response.headers.get("Retry-After"), body };
  } catch (error) {
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return { kind: "timeout" };
    return { kind: "network_error", message: error instanceof Error ? error.message : String(error) };
  }
}

/** A request signed with the shared secret (Standard Webhooks), both ways: its body and whether the signature holds now. */
export async function readSignedRequest(request: Request): Promise<{ body: string; check: ReturnType<typeof verify> }> {
  const body = await request.text();
  const headers = { id: request.headers.get("webhook-id"), timestamp: request.headers.get("webhook-timestamp"), signature: request.headers.get("webhook-signature") };
  return { body, check: verify(env().MARKETPLACE_SECRET, headers, body, Math.floor(Date.now() / 1000)) };
}
