import { magicLinkEmail, resetPasswordEmail, verifyEmailEmail } from "~/emails/account";
import { passwordProblem, type PasswordProblem } from "~/domain/auth/password-policy";
import { isRole, type Role } from "~/domain/auth/roles";
import { signInLimit, SIGN_IN_WINDOW_SECONDS } from "~/domain/auth/sign-in-limit";
import { emailT } from "~/i18n/email-t.server";
import { audit } from "~/models/audit.server";
import { endAllSessions } from "~/models/session.server";
import { sendEmail } from "~/services/email.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "~/utils/password.server";
import { hashToken, keyedHash, randomToken } from "~/utils/tokens.server";

export type TokenPurpose = "reset_password" | "verify_email" | "magic_link" | "confirm_interest";
const TOKEN_MINUTES: Record<TokenPurpose, number> = { reset_password: 60, verify_email: 60 * 24, magic_link: 15, confirm_interest: 60 * 24 * 30 };
const TOKEN_PATHS: Record<TokenPurpose, string> = {
  reset_password: "/reset-password",
  verify_email: "/verify-email",
  magic_link: "/login/magic/confirm",
  confirm_interest: "/interest",
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type SignInResult =
  | { status: "ok"; userId: string; roles: Role[]; locale: string }
  | { status: "invalid" }
  | { status: "limited"; retryAfterSeconds: number };

/**
 * Checks a password sign-in under the rate limits. Failures are counted per account (a keyed
 * hash of the email, never the email) and per client; the 11th failure within a minute is refused.
 */
export async function signInWithPassword(input: { email: string; password: string; clientAddress: string }): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const accountKey = keyedHash("sign-in-account", email);
  const clientKey = keyedHash("sign-in-client", input.clientAddress);
  const since = new Date(Date.now() - SIGN_IN_WINDOW_SECONDS * 1000);
  const [accountFailures, clientAttempts] = await Promise.all([
    db.loginAttempt.count({ where: { accountKey, succeeded: false, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { clientKey, createdAt: { gte: since } } }),
  ]);
  const limit = signInLimit({ accountFailures, clientAttempts });
  if (limit.limited) {
    await audit({ action: "auth.sign_in", outcome: "denied", detail: { reason: `rate_limited_${limit.reason}` } });
    return { status: "limited", retryAfterSeconds: limit.retryAfterSeconds };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, status: true, locale: true, memberships: { select: { role: true } } },
  });
  const valid =
    user?.passwordHash && user.status === "active"
      ? await verifyPassword(input.password, user.passwordHash)
      : await verifyAgainstDummy(input.password);
  await db.loginAttempt.create({ data: { accountKey, clientKey, succeeded: valid } });
  if (!user || !valid) {
    await audit({ action: "auth.sign_in", outcome: "failure", actorUserId: user?.id ?? null, detail: { method: "password" } });
    return { status: "invalid" };
  }
  await audit({ action: "auth.sign_in", outcome: "success", actorUserId: user.id, detail: { method: "password" } });
  return { status: "ok", userId: user.id, roles: user.memberships.map((m) => m.role).filter(isRole), locale: user.locale };
}

export async function issueToken(userId: string, purpose: TokenPurpose): Promise<{ url: string; minutes: number }> {
  const token = randomToken();
  const minutes = TOKEN_MINUTES[purpose];
  // A new link replaces older unused ones of the same kind.
  await db.verificationToken.deleteMany({ where: { userId, purpose, usedAt: null } });
  await db.verificationToken.create({
    data: { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + minutes * 60_000) },
  });
  // The token travels in the URL fragment-free query of an emailed link; the page only shows a
  // form, and the token is consumed by POST, so link scanners cannot use it up.
  return { url: `${env().APP_URL}${TOKEN_PATHS[purpose]}?${new URLSearchParams({ token })}`, minutes };
}

/** Marks a token used and returns its user, or null if unknown, used, expired or of another kind. */
export async function consumeToken(token: string, purpose: TokenPurpose): Promise<string | null> {
  const tokenHash = hashToken(token);
  const row = await db.verificationToken.findUnique({ where: { tokenHash }, select: { id: true, userId: true, purpose: true } });
  if (!row || row.purpose !== purpose) return null;
  // Conditional update: of two concurrent uses, exactly one wins.
  const { count } = await db.verificationToken.updateMany({
    where: { id: row.id, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  return count === 1 ? row.userId : null;
}

export async function isTokenUsable(token: string, purpose: TokenPurpose): Promise<boolean> {
  const row = await db.verificationToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true },
  });
  return !!row && row.purpose === purpose && !row.usedAt && row.expiresAt > new Date();
}

async function emailUser(user: { id: string; email: string | null; displayName: string; locale: string }, purpose: TokenPurpose) {
  if (!user.email) return; // phone-only accounts have no email channel
  const link = await issueToken(user.id, purpose);
  const t = await emailT(user.locale);
  const data = { name: user.displayName, url: link.url, minutes: link.minutes };
  const content =
    purpose === "reset_password"
      ? resetPasswordEmail(t, user.locale, data)
      : purpose === "verify_email"
        ? verifyEmailEmail(t, user.locale, data)
        : magicLinkEmail(t, user.locale, data);
  await sendEmail({ to: user.email, userId: user.id, template: purpose, locale: user.locale, content });
}

const emailUserSelect = { id: true, email: true, displayName: true, locale: true, status: true, memberships: { select: { role: true } } } as const;

/** Sends a reset link if the address belongs to an active account; the caller says the same either way. */
export async function requestPasswordReset(email: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) }, select: emailUserSelect });
  if (user?.status === "active") await emailUser(user, "reset_password");
}

export type ResetResult = { status: "ok" } | { status: "invalid_token" } | { status: "weak_password"; problem: PasswordProblem };

export async function resetPassword(token: string, password: string): Promise<ResetResult> {
  const problem = passwordProblem(password);
  if (problem) return { status: "weak_password", problem };
  const userId = await consumeToken(token, "reset_password");
  if (!userId) return { status: "invalid_token" };
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password), emailVerifiedAt: new Date() } });
  // Whoever had the old password loses their sessions too.
  await endAllSessions(userId);
  await audit({ action: "auth.password_reset", outcome: "success", actorUserId: userId });
  return { status: "ok" };
}

/** Magic links are for candidates (shared phones, no password manager); staff use passwords. */
export async function requestMagicLink(email: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) }, select: emailUserSelect });
  if (user?.status === "active" && user.memberships.every((m) => m.role === "candidate") && user.memberships.length > 0)
    await emailUser(user, "magic_link");
}

export async function signInWithMagicLink(token: string): Promise<SignInResult> {
  const userId = await consumeToken(token, "magic_link");
  const user = userId
    ? await db.user.findUnique({ where: { id: userId }, select: { id: true, status: true, locale: true, memberships: { select: { role: true } } } })
    : null;
  if (!user || user.status !== "active") {
    await audit({ action: "auth.sign_in", outcome: "failure", detail: { method: "magic_link" } });
    return { status: "invalid" };
  }
  // Receiving the link proves the address.
  await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  await audit({ action: "auth.sign_in", outcome: "success", actorUserId: user.id, detail: { method: "magic_link" } });
  return { status: "ok", userId: user.id, roles: user.memberships.map((m) => m.role).filter(isRole), locale: user.locale };
}

export async function sendEmailVerification(userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: emailUserSelect });
  if (user) await emailUser(user, "verify_email");
}

export async function verifyEmail(token: string): Promise<boolean> {
  const userId = await consumeToken(token, "verify_email");
  if (!userId) return false;
  await db.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
  await audit({ action: "auth.email_verified", outcome: "success", actorUserId: userId });
  return true;
}

export async function saveLanguagePreference(userId: string, locale: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
