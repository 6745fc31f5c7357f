import { isPipelineStage } from "~/domain/candidates/pipeline";
import { db } from "~/utils/db.server";
import { interestStatus } from "./slates.server";

/** What a candidate's dashboard shows of their profile: the pipeline stage and whether "still looking" lapses. */
export async function candidateDashboard(userId: string, now = new Date()) {
  const profile = await db.candidateProfile.findUnique({ where: { userId }, select: { stage: true, interestConfirmedAt: true } });
  if (!profile) return null;
  return { stage: isPipelineStage(profile.stage) ? profile.stage : null, interest: interestStatus(profile.interestConfirmedAt, now) };
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
