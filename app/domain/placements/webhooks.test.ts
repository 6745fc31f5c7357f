import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { sign, signedHeaders, verify } from "./webhooks";

const secret = `whsec_${Buffer.from("a shared secret of thirty-two bytes").toString("base64")}`;
const body = '{"type":"contract.started","placementId":"p1","occurredAt":"2026-12-05T10:00:00Z"}';
const now = 1_765_000_000;

describe("Standard Webhooks signatures", () => {
  it("signs id.timestamp.body with HMAC-SHA256 of the decoded secret", () => {
    const expected = crypto.createHmac("sha256", Buffer.from("a shared secret of thirty-two bytes")).update(`msg_1.${now}.${body}`).digest("base64");
    expect(sign(secret, "msg_1", now, body)).toBe(`v1,${expected}`);
  });

  it("accepts a valid signature among several, within five minutes either way", () => {
    const headers = signedHeaders(secret, "msg_1", now, body);
    const signature = `v1,bm90IGl0 ${headers["webhook-signature"]}`;
    expect(verify(secret, { id: "msg_1", timestamp: String(now), signature }, body, now + 300)).toEqual({ ok: true, id: "msg_1" });
    expect(verify(secret, { id: "msg_1", timestamp: String(now), signature }, body, now - 300)).toEqual({ ok: true, id: "msg_1" });
  });

  it("refuses forged, altered, stale and incomplete messages", () => {
    const headers = signedHeaders(secret, "msg_1", now, body);
    const check = (over: Partial<{ id: string | null; timestamp: string | null; signature: string | null }>, text = body, at = now) =>
      verify(secret, { id: headers["webhook-id"] ?? null, timestamp: headers["webhook-timestamp"] ?? null, signature: headers["webhook-signature"] ?? null, ...over }, text, at);
    expect(check({ signature: sign("whsec_" + Buffer.from("another secret").toString("base64"), "msg_1", now, body) })).toEqual({ ok: false, reason: "bad_signature" });
    expect(check({}, body.replace("p1", "p2"))).toEqual({ ok: false, reason: "bad_signature" });
    expect(check({ id: "msg_2" })).toEqual({ ok: false, reason: "bad_signature" });
    expect(check({}, body, now + 301)).toEqual({ ok: false, reason: "stale_timestamp" });
    expect(check({ signature: null })).toEqual({ ok: false, reason: "missing_headers" });
    expect(check({ timestamp: "soon" })).toEqual({ ok: false, reason: "missing_headers" });
    expect(check({ signature: "v2,abc" })).toEqual({ ok: false, reason: "bad_signature" });
  });
});
