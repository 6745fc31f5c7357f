import { redirect } from "@remix-run/node";
import { decide, type Permission } from "~/domain/auth/permissions";
import { audit } from "~/models/audit.server";
import { findOrganisationBySlug } from "~/models/organisation.server";
import { findSessionUser, type SessionUser } from "~/models/session.server";

/** The signed-in user, or a redirect to /login that brings them back afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await findSessionUser(request);
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname })}`);
}

/**
 * The one authorisation gate: every loader and action calls it first. Denials are written to
 * the audit log and answered 403 (401 → /login when nobody is signed in).
 */
export async function requirePermission(
  request: Request,
  permission: Permission,
  organisationId?: string,
): Promise<SessionUser> {
  const user = await requireUser(request);
  const decision = decide(user, permission, organisationId);
  if (decision.allowed) return user;
  await audit({
    action: "access.denied",
    outcome: "denied",
    actorUserId: user.userId,
    organisationId,
    detail: { permission, reason: decision.reason, path: new URL(request.url).pathname },
  });
  throw new Response("Forbidden", { status: 403 });
}

/**
 * For routes under /org/<slug>: the signed-in user must hold the permission for that
 * organisation (404 for an unknown slug, only after sign-in so slugs cannot be probed anonymously;
 * 404 too when the organisation is not of the kind the route serves).
 */
export async function requireOrganisationPermission(
  request: Request,
  slug: string | undefined,
  permission: Permission,
  kind?: "ngo" | "employer",
) {
  await requireUser(request);
  const organisation = slug ? await findOrganisationBySlug(slug) : null;
  if (!organisation || (kind && organisation.kind !== kind)) throw new Response("Not found", { status: 404 });
  const user = await requirePermission(request, permission, organisation.id);
  return { user, organisation };
}

/** Where a signed-in user lands. */
export function homePath(): string {
  return "/dashboard";
}

/**
 * Only same-site paths may be redirect targets; anything else (//evil, https://…) falls back.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = homePath()): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
