import crypto from "node:crypto";
import { referralWithdrawnEmail } from "~/emails/profile";
import { isSupportedLanguage } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { deleteFile } from "~/services/file-storage.server";
import { sendEmail } from "~/services/email.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { keyedHash } from "~/utils/tokens.server";
import { forgetSlateCandidate } from "./slate-pool.server";

/** What a withdrawn referral keeps: that it existed, for whom, when, and its status. */
const BLANKED_REFERRAL = {
  status: "withdrawn",
  givenName: "—",
  familyName: "—",
  latinName: null,
  email: null,
  phone: null,
  dateOfBirth: null,
  countryOfOrigin: null,
  currentCountry: null,
  preferredLanguage: null,
  languages: "[]",
  skills: "[]",
  note: null,
  candidateUserId: null,
} as const;

export type ErasureResult = { status: "erased"; erasureId: string; referralsWithdrawn: number; organisationsNotified: number } | { status: "not_found" };

/**
 * Erases a candidate (GDPR art. 17) in one transaction: the account (memberships, sessions and
 * links go with it), profile (languages, skills), consent history, stored files, duplicate-
 * detection keys and flags, emails sent to them, and their sign-in attempts (found again through
 * the same keyed hash the rate limit uses). Referrals that led to them are kept as "withdrawn"
 * shells with every personal field blanked, so the referring NGO's numbers still add up.
 *
 * The audit log is append-only: earlier events keep the old user id, which no longer leads to
 * anyone. The erasure itself is logged without any id of the person — only a random erasure id,
 * so that an admin can answer "was this erasure carried out" for the id we show the person.
 *
 * After the commit: the files' bytes are removed and the referring organisations' admins are
 * told that a referral was withdrawn, without saying who.
 */
export async function eraseCandidate(userId: string): Promise<ErasureResult> {
  const erasureId = crypto.randomUUID();
  const outcome = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) return null;
    const profile = await tx.candidateProfile.findUnique({ where: { userId }, select: { id: true, referralId: true, referringOrganisationId: true } });
    const referrals = await tx.referral.findMany({
      where: { OR: [{ candidateUserId: userId }, ...(profile?.referralId ? [{ id: profile.referralId }] : [])] },
      select: { id: true, organisationId: true, email: true },
    });
    const referralIds = referrals.map((r) => r.id);
    const files = await tx.storedFile.findMany({ where: { ownerUserId: userId }, select: { storageKey: true } });
    const addresses = [...new Set([user.email, ...referrals.map((r) => r.email)].filter((a): a is string => !!a))];

    await tx.duplicateFlag.deleteMany({
      where: { OR: [{ matchUserId: userId }, { referralId: { in: referralIds } }, { matchReferralId: { in: referralIds } }] },
    });
    await tx.personKey.deleteMany({ where: { OR: [{ userId }, { referralId: { in: referralIds } }] } });
    await tx.emailMessage.deleteMany({ where: { OR: [{ userId }, { toAddress: { in: addresses } }] } });
    await tx.consent.deleteMany({ where: { userId } });
    await tx.storedFile.deleteMany({ where: { ownerUserId: userId } });
    // Issued badges are public credentials: they are revoked (the link to the person is cut when
    // the profile goes), so anyone checking one learns it no longer holds, and nothing more.
    await tx.badgeAward.updateMany({ where: { candidate: { userId }, revokedAt: null }, data: { revokedAt: new Date(), revocationReason: "withdrawn by the holder" } });
    await tx.candidateProfile.deleteMany({ where: { userId } });
    // Unused invite links of a withdrawn referral must not register anyone any more.
    await tx.invite.deleteMany({ where: { referralId: { in: referralIds } } });
    await tx.referral.updateMany({ where: { id: { in: referralIds } }, data: BLANKED_REFERRAL });
    if (user.email) await tx.loginAttempt.deleteMany({ where: { accountKey: keyedHash("sign-in-account", user.email) } });
    await tx.user.delete({ where: { id: userId } }); // cascades memberships, sessions, tokens
    await tx.auditEvent.create({
      data: {
        action: "candidate.erased",
        outcome: "success",
        actorUserId: null,
        targetType: "user",
        targetId: null,
        detail: JSON.stringify({ erasureId, referralsWithdrawn: referrals.length, files: files.length }),
      },
    });
    const organisationIds = new Set(referrals.map((r) => r.organisationId));
    if (profile?.referringOrganisationId) organisationIds.add(profile.referringOrganisationId);
    return { profileId: profile?.id ?? null, storageKeys: files.map((f) => f.storageKey), organisationIds: [...organisationIds], referralsWithdrawn: referrals.length };
  });
  if (!outcome) return { status: "not_found" };
  if (outcome.profileId) await forgetSlateCandidate(outcome.profileId);

  await Promise.allSettled(outcome.storageKeys.map((key) => deleteFile(key)));
  const notified = await notifyReferringOrganisations(outcome.organisationIds);
  return { status: "erased", erasureId, referralsWithdrawn: outcome.referralsWithdrawn, organisationsNotified: notified };
}

async function notifyReferringOrganisations(organisationIds: string[]): Promise<number> {
  if (organisationIds.length === 0) return 0;
  const organisations = await db.organisation.findMany({
    where: { id: { in: organisationIds }, kind: "ngo" },
    select: {
      name: true,
      slug: true,
      memberships: {
        where: { role: "ngo_admin", user: { status: "active", email: { not: null } } },
        select: { user: { select: { id: true, email: true, displayName: true, locale: true } } },
      },
    },
  });
  for (const organisation of organisations) {
    for (const { user } of organisation.memberships) {
      if (!user.email) continue;
      const locale = isSupportedLanguage(user.locale) ? user.locale : "en";
      const t = await i18next.getFixedT(locale);
      await sendEmail({
        to: user.email,
        userId: user.id,
        template: "referral_withdrawn",
        locale,
        content: referralWithdrawnEmail(t, locale, {
          name: user.displayName,
          organisation: organisation.name,
          url: `${env().APP_URL}/org/${organisation.slug}`,
        }),
      });
    }
  }
  return organisations.length;
}
