import { inviteEmail } from "~/emails/intake";
import { emailT } from "~/i18n/email-t.server";
import { isSupportedLanguage } from "~/i18n/config";
import { sendEmail } from "~/services/email.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { hashToken, randomToken } from "~/utils/tokens.server";

export const INVITE_DAYS = 14;

/** A single-use registration link for a referral, valid 14 days. Older unused links are revoked. */
export async function createInvite(referralId: string): Promise<string> {
  const token = randomToken();
  // Two plain statements, not a transaction: Prisma's transactions add ~10 ms of waiting each,
  // which a batch of a thousand invitations feels; a crash in between only leaves no open link.
  await db.invite.deleteMany({ where: { referralId, usedAt: null } });
  await db.invite.create({
    data: { referralId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000) },
  });
  return `${env().APP_URL}/register?${new URLSearchParams({ invite: token })}`;
}

/** Creates a link and, when the referral has an email address, sends it in the person's language. */
export async function inviteReferral(referralId: string): Promise<{ url: string; emailed: boolean }> {
  const referral = await db.referral.findUniqueOrThrow({
    where: { id: referralId },
    select: { email: true, givenName: true, preferredLanguage: true, organisationId: true },
  });
  const url = await createInvite(referralId);
  if (!referral.email) return { url, emailed: false };
  const language = referral.preferredLanguage?.split("-")[0];
  const locale = isSupportedLanguage(language) ? language : "en";
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: referral.organisationId }, select: { name: true } });
  const t = await emailT(locale);
  await sendEmail({
    to: referral.email,
    template: "invite",
    locale,
    content: inviteEmail(t, locale, { name: referral.givenName, organisation: organisation.name, url, days: INVITE_DAYS }),
  });
  return { url, emailed: true };
}

export type InviteLookup =
  | { status: "valid"; inviteId: string; referral: { id: string; organisationId: string; givenName: string; familyName: string; latinName: string | null; email: string | null; phone: string | null; countryOfOrigin: string | null; currentCountry: string | null; dateOfBirth: string | null; languages: string; skills: string } }
  | { status: "invalid" };

/** What an invite link pre-fills, if it is still usable. */
export async function findUsableInvite(token: string): Promise<InviteLookup> {
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      usedAt: true,
      expiresAt: true,
      referral: {
        select: { id: true, status: true, organisationId: true, givenName: true, familyName: true, latinName: true, email: true, phone: true, countryOfOrigin: true, currentCountry: true, dateOfBirth: true, languages: true, skills: true },
      },
    },
  });
  if (!invite || invite.usedAt || invite.expiresAt <= new Date() || invite.referral.status !== "referred") return { status: "invalid" };
  const { status: _status, ...referral } = invite.referral;
  return { status: "valid", inviteId: invite.id, referral };
}
