import type { Role } from "./roles";

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SessionLifetime {
  /** Seconds of inactivity that end the session. */
  idleSeconds: number;
  /** Seconds after sign-in that end the session whatever the activity. */
  absoluteSeconds: number;
}

/**
 * Staff see other people's data, so their sessions are short; candidates often share a phone
 * and sign in rarely, so theirs last 14 idle days (and they can sign out everywhere).
 */
export function sessionLifetime(roles: readonly Role[]): SessionLifetime {
  const staff = roles.some((role) => role !== "candidate");
  return staff
    ? { idleSeconds: 30 * MINUTE, absoluteSeconds: 12 * HOUR }
    : { idleSeconds: 14 * DAY, absoluteSeconds: 90 * DAY };
}

export type SessionState = "active" | "idle_expired" | "expired";

export function sessionState(
  session: { lastSeenAt: Date; expiresAt: Date; idleSeconds: number },
  now: Date,
): SessionState {
  if (now >= session.expiresAt) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= session.idleSeconds * 1000) return "idle_expired";
  return "active";
}

/** Writing lastSeenAt on every request would turn every read into a write; once a minute is enough. */
export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= MINUTE * 1000;
}
