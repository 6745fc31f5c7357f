import { CONSENT_COLUMNS, CONSENT_COLUMNS_SELECT, CONSENT_PURPOSES, CONSENT_TEXT_VERSION, type ConsentPurpose, type ConsentState } from "~/domain/consent/consent";
import type { Db } from "~/utils/db.server";
import { db } from "~/utils/db.server";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Records the person's choices: one history row per purpose whose value changed (or all, the
 * first time), with the text version and language they saw, and the mirror columns on the
 * profile that sharing queries filter on — both in one transaction.
 */
export async function recordConsents(
  input: { userId: string; profileId: string; choices: ConsentState; language: string },
  tx?: Tx,
): Promise<void> {
  const run = async (client: Tx) => {
    const current = await client.candidateProfile.findUniqueOrThrow({
      where: { id: input.profileId },
      select: CONSENT_COLUMNS_SELECT,
    });
    const existing = await client.consent.count({ where: { userId: input.userId } });
    const changed = CONSENT_PURPOSES.filter((p) => existing === 0 || current[CONSENT_COLUMNS[p]] !== input.choices[p]);
    if (changed.length === 0) return;
    await client.consent.createMany({
      data: changed.map((purpose) => ({
        userId: input.userId,
        purpose,
        granted: input.choices[purpose],
        textVersion: CONSENT_TEXT_VERSION,
        language: input.language,
      })),
    });
    await client.candidateProfile.update({
      where: { id: input.profileId },
      data: Object.fromEntries(CONSENT_PURPOSES.map((p) => [CONSENT_COLUMNS[p], input.choices[p]])),
    });
  };
  if (tx) await run(tx);
  else await db.$transaction(run);
}

export async function consentHistory(userId: string) {
  return db.consent.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { purpose: true, granted: true, textVersion: true, language: true, createdAt: true },
  });
}

/** Prisma filter: candidates who currently consent to a purpose. */
export function consentedTo(purpose: ConsentPurpose) {
  return { [CONSENT_COLUMNS[purpose]]: true } as Partial<Record<(typeof CONSENT_COLUMNS)[ConsentPurpose], true>>;
}
