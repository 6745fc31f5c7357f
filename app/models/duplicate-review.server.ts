import { db } from "~/utils/db.server";

const personSelect = {
  id: true,
  givenName: true,
  familyName: true,
  latinName: true,
  email: true,
  phone: true,
  dateOfBirth: true,
  status: true,
  createdAt: true,
  organisationId: true,
} as const;

/** Open duplicate flags with both records, oldest first, for the program admin's review queue. */
export async function listOpenDuplicates(take = 50) {
  const flags = await db.duplicateFlag.findMany({
    where: { status: "open" },
    orderBy: { createdAt: "asc" },
    take,
    select: { id: true, referralId: true, matchReferralId: true, matchUserId: true, reasons: true, createdAt: true },
  });
  const ids = [...new Set(flags.flatMap((f) => [f.referralId, ...(f.matchReferralId ? [f.matchReferralId] : [])]))];
  const userIds = [...new Set(flags.flatMap((f) => (f.matchUserId ? [f.matchUserId] : [])))];
  const [people, users, profiles, organisations] = await Promise.all([
    db.referral.findMany({ where: { id: { in: ids } }, select: personSelect }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, phone: true } }),
    db.candidateProfile.findMany({ where: { userId: { in: userIds } }, select: { userId: true, nativeName: true, latinName: true, dateOfBirth: true } }),
    db.organisation.findMany({ where: { kind: "ngo" }, select: { id: true, name: true } }),
  ]);
  const profileOf = new Map(profiles.map((p) => [p.userId, p]));
  const byId = new Map(people.map((p) => [p.id, p]));
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  type Shown = { id: string; givenName: string; familyName: string; latinName: string | null; email: string | null; phone: string | null; dateOfBirth: string | null; organisation: string | null };
  const shownCandidates = new Map<string, Shown>(
    users.map((u) => [
      u.id,
      { id: u.id, givenName: profileOf.get(u.id)?.nativeName ?? "", familyName: "", latinName: profileOf.get(u.id)?.latinName ?? null, email: u.email, phone: u.phone, dateOfBirth: profileOf.get(u.id)?.dateOfBirth ?? null, organisation: null },
    ]),
  );
  const shownReferral = (p: (typeof people)[number]): Shown => ({ ...p, organisation: orgName.get(p.organisationId) ?? "" });
  return flags.flatMap((flag) => {
    const record = byId.get(flag.referralId);
    const referralMatch = flag.matchReferralId ? byId.get(flag.matchReferralId) : undefined;
    const match = referralMatch ? shownReferral(referralMatch) : flag.matchUserId ? shownCandidates.get(flag.matchUserId) : undefined;
    if (!record || !match) return [];
    return [{ id: flag.id, reasons: JSON.parse(flag.reasons) as string[], createdAt: flag.createdAt, record: shownReferral(record), match }];
  });
}

/**
 * Resolves a flag. "merge": the newer referral is folded into the older one (it is marked
 * merged and its unused invites are revoked); "keep_separate": both stay. Either way the
 * decision and who made it are recorded.
 */
export async function resolveDuplicate(input: { flagId: string; decision: "merge" | "keep_separate"; actorUserId: string }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const flag = await tx.duplicateFlag.findUnique({ where: { id: input.flagId }, select: { status: true, referralId: true } });
    if (!flag || flag.status !== "open") return false;
    await tx.duplicateFlag.update({
      where: { id: input.flagId },
      data: { status: input.decision === "merge" ? "merged" : "kept_separate", resolvedById: input.actorUserId, resolvedAt: new Date() },
    });
    if (input.decision === "merge") {
      await tx.referral.update({ where: { id: flag.referralId }, data: { status: "merged" } });
      await tx.invite.deleteMany({ where: { referralId: flag.referralId, usedAt: null } });
    }
    await tx.auditEvent.create({
      data: { action: "duplicate.resolve", outcome: "success", actorUserId: input.actorUserId, targetType: "duplicate_flag", targetId: input.flagId, detail: JSON.stringify({ decision: input.decision }) },
    });
    return true;
  });
}

