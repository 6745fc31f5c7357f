import { CONSENT_PURPOSES, type ConsentState } from "~/domain/consent/consent";
import { normalisePhone } from "~/domain/intake/phone";
import { isCefrLevel } from "~/domain/profile/languages";
import { Prisma } from "~/generated/sqlite/client";
import { audit } from "~/models/audit.server";
import { recordConsents } from "~/models/consent.server";
import { refreshPersonKeys } from "~/models/person-keys.server";
import { db } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { hashToken } from "~/utils/tokens.server";

export interface RegistrationInput {
  inviteToken?: string;
  nativeName: string;
  latinName?: string;
  email?: string;
  phone?: string;
  password: string;
  countryOfOrigin?: string;
  currentCountry?: string;
  consents: ConsentState;
  locale: string;
}

export type RegistrationResult =
  | { status: "ok"; userId: string }
  | { status: "invite_invalid" }
  | { status: "email_taken" }
  | { status: "phone_taken" };

/**
 * Creates a candidate: account, profile, consents and (with an invite) the link to the referral,
 * in one transaction. The invite is spent inside it, so a double submit registers once.
 */
export async function registerCandidate(input: RegistrationInput): Promise<RegistrationResult> {
  const phone = input.phone ? normalisePhone(input.phone, input.currentCountry) : null;
  const passwordHash = await hashPassword(input.password);
  const program = await db.organisation.findFirstOrThrow({ where: { kind: "program" }, select: { id: true } });
  try {
    const result = await db.$transaction(async (tx) => {
      let referral: { id: string; organisationId: string; languages: string; skills: string; dateOfBirth: string | null } | null = null;
      if (input.inviteToken) {
        const invite = await tx.invite.findUnique({ where: { tokenHash: hashToken(input.inviteToken) }, select: { id: true, referralId: true } });
        const spent = invite
          ? await tx.invite.updateMany({ where: { id: invite.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } })
          : { count: 0 };
        if (!invite || spent.count !== 1) return { status: "invite_invalid" } as const;
        referral = await tx.referral.findUniqueOrThrow({
          where: { id: invite.referralId },
          select: { id: true, organisationId: true, languages: true, skills: true, dateOfBirth: true },
        });
      }
      const latinName = input.latinName ?? input.nativeName;
      const user = await tx.user.create({
        data: {
          email: input.email ?? null,
          phone,
          passwordHash,
          displayName: latinName,
          locale: input.locale,
          memberships: { create: { organisationId: program.id, role: "candidate" } },
        },
        select: { id: true },
      });
      const languages = referral ? parseLanguages(referral.languages) : [];
      const skills = referral ? parseSkillUris(referral.skills) : [];
      const profile = await tx.candidateProfile.create({
        data: {
          userId: user.id,
          referralId: referral?.id ?? null,
          referringOrganisationId: referral?.organisationId ?? null,
          nativeName: input.nativeName,
          latinName,
          countryOfOrigin: input.countryOfOrigin ?? null,
          currentCountry: input.currentCountry ?? null,
          dateOfBirth: referral?.dateOfBirth ?? null,
          stage: "registered",
          // Registering is saying "I am looking for work" for the next 90 days.
          interestConfirmedAt: new Date(),
          stageEvents: { create: { stage: "registered" } },
          languages: { create: languages },
          skills: { create: skills.map((conceptUri) => ({ conceptUri, level: 3 })) },
        },
        select: { id: true },
      });
      await recordConsents({ userId: user.id, profileId: profile.id, choices: input.consents, language: input.locale }, tx);
      if (referral) await tx.referral.update({ where: { id: referral.id }, data: { status: "registered", candidateUserId: user.id } });
      await refreshPersonKeys(user.id, tx);
      return { status: "ok", userId: user.id } as const;
    });
    if (result.status === "ok")
      await audit({ action: "candidate.register", outcome: "success", actorUserId: result.userId, detail: { invited: !!input.inviteToken } });
    return result;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = String(error.meta?.target ?? "");
      return target.includes("phone") ? { status: "phone_taken" } : { status: "email_taken" };
    }
    throw error;
  }
}

function parseLanguages(json: string): Array<{ code: string; level: string }> {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    const seen = new Set<string>();
    return value.flatMap((item: { code?: unknown; level?: unknown }) => {
      if (typeof item?.code !== "string" || typeof item.level !== "string" || !isCefrLevel(item.level) || seen.has(item.code)) return [];
      seen.add(item.code);
      return [{ code: item.code, level: item.level }];
    });
  } catch {
    return [];
  }
}

function parseSkillUris(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? [...new Set(value.filter((s): s is string => typeof s === "string" && s.startsWith("http://data.europa.eu/esco/")))] : [];
  } catch {
    return [];
  }
}

export const NO_CONSENT: ConsentState = Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, false])) as ConsentState;
