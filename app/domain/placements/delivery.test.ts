import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffMs, MAX_ATTEMPTS, MAX_DELAY_MS, nextStep, retryAfterMs } from "./delivery";

const now = Date.UTC(2026, 11, 5, 12);
const response = (status: number, retryAfter: string | null = null) => ({ kind: "response" as const, status, retryAfter, body: "nope" });

describe("nextStep", () => {
  it("counts 2xx and 409 (already have it) as delivered", () => {
    for (const status of [200, 201, 202, 204, 409]) expect(nextStep(response(status), 1, now, 0.5)).toEqual({ action: "delivered" });
  });

  it("retries 429, 5xx, timeouts and network errors, and dead-letters other 4xx with the response", () => {
    for (const outcome of [response(429), response(500), response(503), { kind: "timeout" as const }, { kind: "network_error" as const, message: "ECONNREFUSED" }]) {
      expect(nextStep(outcome, 1, now, 0.5).action).toBe("retry");
    }
    expect(nextStep(response(422), 1, now, 0.5)).toEqual({ action: "dead", error: "HTTP 422: nope" });
    expect(nextStep(response(500), MAX_ATTEMPTS, now, 0.5)).toEqual({ action: "dead", error: `HTTP 500: nope (after ${MAX_ATTEMPTS} attempts)` });
  });

  it("never retries sooner than Retry-After, in seconds or as a date", () => {
    expect(nextStep(response(429, "30"), 1, now, 0)).toMatchObject({ action: "retry", delayMs: 30_000 });
    expect(nextStep(response(503, new Date(now + 90_000).toUTCString()), 1, now, 0)).toMatchObject({ action: "retry", delayMs: 90_000 });
    expect(retryAfterMs("soon", now)).toBeNull();
  });

  it("backs off exponentially with jitter, within the cap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, random) => {
        const delay = backoffMs(attempt, random);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.min(MAX_DELAY_MS, 1000 * 2 ** (attempt - 1)));
      }),
    );
    expect(backoffMs(4, 0.999)).toBeGreaterThan(backoffMs(1, 0.999));
  });
});
