// What to do after each attempt to deliver an outbox entry: the retry policy, pure.

export const MAX_ATTEMPTS = 8;
export const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 10 * 60 * 1000;

export type AttemptOutcome = { kind: "response"; status: number; retryAfter: string | null; body: string } | { kind: "timeout" } | { kind: "network_error"; message: string };

export type NextStep = { action: "delivered" } | { action: "retry"; delayMs: number; error: string } | { action: "dead"; error: string };

/** Seconds or an HTTP date, as the Retry-After header allows; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Exponential backoff with full jitter (AWS architecture blog): random in [0, base × 2^(n−1)], capped. */
export function backoffMs(attempt: number, random: number): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random * ceiling);
}

/**
 * The contract: any 2xx is delivered; 409 means the receiver already has this key (delivered);
 * 429, 5xx, a timeout or a network error are retried, never sooner than Retry-After; any other
 * 4xx, or running out of attempts, dead-letters the entry for an admin.
 */
export function nextStep(outcome: AttemptOutcome, attempt: number, now: number, random: number): NextStep {
  if (outcome.kind === "response" && ((outcome.status >= 200 && outcome.status < 300) || outcome.status === 409)) return { action: "delivered" };
  const error =
    outcome.kind === "timeout" ? "timeout" : outcome.kind === "network_error" ? `network: ${outcome.message}`.slice(0, 300) : `HTTP ${outcome.status}: ${outcome.body}`.slice(0, 500);
  const retryable = outcome.kind !== "response" || outcome.status === 429 || outcome.status >= 500;
  if (!retryable) return { action: "dead", error };
  if (attempt >= MAX_ATTEMPTS) return { action: "dead", error: `${error} (after ${attempt} attempts)` };
  const asked = outcome.kind === "response" ? retryAfterMs(outcome.retryAfter, now) : null;
  return { action: "retry", delayMs: Math.max(backoffMs(attempt, random), Math.min(asked ?? 0, MAX_DELAY_MS)), error };
}
