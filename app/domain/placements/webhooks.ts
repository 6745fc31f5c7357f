// Standard Webhooks (standardwebhooks.com) signing and verification, for the marketplace handoff
// and its callbacks: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` with a `whsec_<base64>` secret.
import crypto from "node:crypto";

/** How far a callback's timestamp may be from our clock. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

export function secretBytes(secret: string): Buffer {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
}

export function sign(secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${crypto.createHmac("sha256", secretBytes(secret)).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

export function signedHeaders(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
  return { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": sign(secret, id, timestamp, body) };
}

export type Verification = { ok: true; id: string } | { ok: false; reason: "missing_headers" | "stale_timestamp" | "bad_signature" };

/**
 * Checks a received webhook: headers present, timestamp within tolerance of `nowSeconds`, and one
 * of the (space-separated) signatures matching, compared in constant time.
 */
export function verify(secret: string, headers: { id: string | null; timestamp: string | null; signature: string | null }, body: string, nowSeconds: number): Verification {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "missing_headers" };
  if (Math.abs(nowSeconds - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) return { ok: false, reason: "stale_timestamp" };
  const expected = Buffer.from(sign(secret, id, Number(timestamp), body).slice(3), "base64");
  for (const candidate of signature.split(" ")) {
    const [version, value] = candidate.split(",", 2);
    if (version !== "v1" || !value) continue;
    const given = Buffer.from(value, "base64");
    if (given.length === expected.length && crypto.timingSafeEqual(given, expected)) return { ok: true, id };
  }
  return { ok: false, reason: "bad_signature" };
}
