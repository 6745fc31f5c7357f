/** Failed sign-ins allowed per account within the window; the next attempt is refused (429). */
export const MAX_FAILURES_PER_ACCOUNT = 10;
/** Attempts allowed per client (network address) within the window, whatever the account. */
export const MAX_ATTEMPTS_PER_CLIENT = 50;
export const SIGN_IN_WINDOW_SECONDS = 60;

export type SignInLimit = { limited: false } | { limited: true; reason: "account" | "client"; retryAfterSeconds: number };

export function signInLimit(recent: { accountFailures: number; clientAttempts: number }): SignInLimit {
  if (recent.accountFailures >= MAX_FAILURES_PER_ACCOUNT)
    return { limited: true, reason: "account", retryAfterSeconds: SIGN_IN_WINDOW_SECONDS };
  if (recent.clientAttempts >= MAX_ATTEMPTS_PER_CLIENT)
    return { limited: true, reason: "client", retryAfterSeconds: SIGN_IN_WINDOW_SECONDS };
  return { limited: false };
}
