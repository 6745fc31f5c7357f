import { isPipelineStage, type PipelineStage } from "~/domain/candidates/pipeline";
import { db } from "~/utils/db.server";

export async function candidateStage(userId: string): Promise<PipelineStage | null> {
  const profile = await db.candidateProfile.findUnique({ where: { userId }, select: { stage: true } });
  return profile && isPipelineStage(profile.stage) ? profile.stage : null;
}

export async function programCounts() {
  const [organisations, users, candidates, emails] = await Promise.all([
    db.organisation.count(),
    db.user.count(),
    db.candidateProfile.count(),
    db.emailMessage.count(),
  ]);
  return { organisations, users, candidates, emails };
}

export async function isEmailVerified(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  return !!user?.emailVerifiedAt;
}
