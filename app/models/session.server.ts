import { createCookie } from "@remix-run/node";
import type { Actor } from "~/domain/auth/permissions";
import { isRole, type Role } from "~/domain/auth/roles";
import { sessionLifetime, sessionState, shouldTouch } from "~/domain/auth/session-policy";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { hashToken, randomToken } from "~/utils/tokens.server";

function sessionCookie() {
  const production = env().NODE_ENV === "production";
  // __Host- binds the cookie to this exact origin over HTTPS (no Domain, Path=/, Secure).
  return createCookie(production ? "__Host-harbor_session" : "harbor_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: production,
    path: "/",
    secrets: [env().SESSION_SECRET],
  });
}

export interface SessionUser extends Actor {
  sessionId: string;
  email: string | null;
  displayName: string;
  locale: string;
  roles: Role[];
  organisations: Array<{ id: string; slug: string; name: string; kind: string; role: Role }>;
}

const sessionSelect = {
  id: true,
  userId: true,
  lastSeenAt: true,
  expiresAt: true,
  idleSeconds: true,
  user: {
    select: {
      id: true,
      email: true,
      displayName: true,
      locale: true,
      status: true,
      memberships: {
        select: { role: true, organisation: { select: { id: true, slug: true, name: true, kind: true } } },
      },
    },
  },
} as const;

const lookups = new WeakMap<Request, Promise<SessionUser | null>>();

/** The signed-in user of a request, or null. Looked up once per request. */
export function findSessionUser(request: Request): Promise<SessionUser | null> {
  let lookup = lookups.get(request);
  if (!lookup) {
    lookup = lookUp(request);
    lookups.set(request, lookup);
  }
  return lookup;
}

async function lookUp(request: Request): Promise<SessionUser | null> {
  const token: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  if (typeof token !== "string" || !token) return null;
  const session = await db.session.findUnique({ where: { tokenHash: hashToken(token) }, select: sessionSelect });
  if (!session) return null;
  const now = new Date();
  if (session.user.status !== "active" || sessionState(session, now) !== "active") {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (shouldTouch(session.lastSeenAt, now)) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const organisations = session.user.memberships.flatMap((m) =>
    isRole(m.role) ? [{ ...m.organisation, role: m.role }] : [],
  );
  return {
    sessionId: session.id,
    userId: session.user.id,
    email: session.user.email,
    displayName: session.user.displayName,
    locale: session.user.locale,
    roles: [...new Set(organisations.map((o) => o.role))],
    memberships: organisations.map((o) => ({ organisationId: o.id, role: o.role })),
    organisations,
  };
}

/**
 * Starts a session for a user and returns the Set-Cookie header. Any session the request already
 * had is ended first, so a fresh token is issued at every sign-in (no session fixation).
 */
export async function createSession(request: Request, userId: string, roles: readonly Role[]): Promise<string> {
  await destroySessionOf(request);
  const token = randomToken();
  const { idleSeconds, absoluteSeconds } = sessionLifetime(roles);
  await db.session.create({
    data: {
      userId,
      tokenHash: hashToken(token),
      idleSeconds,
      expiresAt: new Date(Date.now() + absoluteSeconds * 1000),
    },
  });
  // The cookie itself lives as long as the session could: the database decides when it ends.
  return sessionCookie().serialize(token, { maxAge: absoluteSeconds });
}

async function destroySessionOf(request: Request): Promise<void> {
  const token: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  if (typeof token === "string" && token) await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** Ends the request's session; returns the Set-Cookie header that clears the cookie. */
export async function destroySession(request: Request): Promise<string> {
  await destroySessionOf(request);
  return sessionCookie().serialize("", { maxAge: 0 });
}

export async function endAllSessions(userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}
