import { duplicateKeys } from "~/domain/intake/duplicates";
import { db, type Db } from "~/utils/db.server";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Rewrites a candidate's duplicate-detection keys from what their account and profile say now,
 * so new referrals are compared with the person as they are (after a name or contact change).
 */
export async function refreshPersonKeys(userId: string, tx: Tx | Db = db): Promise<void> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { email: true, phone: true },
  });
  const profile = await tx.candidateProfile.findUnique({
    where: { userId },
    select: { nativeName: true, latinName: true, dateOfBirth: true },
  });
  await tx.personKey.deleteMany({ where: { userId } });
  if (!user || !profile) return;
  const [givenName = "", ...family] = profile.nativeName.split(/\s+/);
  const keys = duplicateKeys({
    givenName,
    familyName: family.join(" "),
    latinName: profile.latinName,
    email: user.email,
    phone: user.phone,
    dateOfBirth: profile.dateOfBirth,
  });
  if (keys.length) await tx.personKey.createMany({ data: keys.map((key) => ({ key, userId })) });
}
