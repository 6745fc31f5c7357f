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
  emailVerified: boolean;
  displayName: string;
  locale: string;
  roles: Role[];
  organisations: Array<{ id: string; slug: string; name: string; kind: string; role: Role }>;
}

/** One row per membership (or one with null membership columns) of the session's user. */
type SessionRow = {
  sessionId: string;
  lastSeenAt: Date | string | number;
  expiresAt: Date | string | number;
  idleSeconds: number | bigint;
  userId: string;
  email: string | null;
  emailVerifiedAt: Date | string | number | null;
  displayName: string;
  locale: string;
  status: string;
  role: string | null;
  organisationId: string | null;
  slug: string | null;
  name: string | null;
  kind: string | null;
};

/**
 * The session, its user and their organisations in one query (the same SQL on SQLite and
 * PostgreSQL): every page asks for it, and Prisma's nested select takes four (bench/http).
 */
function readSession(tokenHash: string): Promise<SessionRow[]> {
  return db.$queryRaw<SessionRow[]>`
    SELECT s."id" AS "sessionId", s."lastSeenAt", s."expiresAt", s."idleSeconds",
           u."id" AS "userId", u."email", u."emailVerifiedAt", u."displayName", u."locale", u."status",
           m."role", o."id" AS "organisationId", o."slug", o."name", o."kind"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Membership" m ON m."userId" = u."id"
    LEFT JOIN "Organisation" o ON o."id" = m."organisationId"
    WHERE s."tokenHash" = ${tokenHash}
    ORDER BY o."slug", m."role"`;
}

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
  const rows = await readSession(hashToken(token));
  const first = rows[0];
  if (!first) return null;
  const now = new Date();
  const session = { lastSeenAt: new Date(first.lastSeenAt), expiresAt: new Date(first.expiresAt), idleSeconds: Number(first.idleSeconds) };
  if (first.status !== "active" || sessionState(session, now) !== "active") {
    await db.session.deleteMany({ where: { id: first.sessionId } });
    return null;
  }
  if (shouldTouch(session.lastSeenAt, now)) {
    await db.session.updateMany({ where: { id: first.sessionId }, data: { lastSeenAt: now } });
  }
  const organisations = rows.flatMap(({ role, organisationId, slug, name, kind }) =>
    isRole(role) && organisationId && slug && name && kind ? [{ id: organisationId, slug, name, kind, role }] : [],
  );
  return {
    sessionId: first.sessionId,
    userId: first.userId,
    email: first.email,
    emailVerified: first.emailVerifiedAt !== null,
    displayName: first.displayName,
    locale: first.locale,
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
