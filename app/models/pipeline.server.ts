// Moving a person along the pipeline: forward only, with the moment recorded for the funnel.
import { isPipelineStage, PIPELINE_STAGES, type PipelineStage } from "~/domain/candidates/pipeline";
import type { Db } from "~/utils/db.server";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Moves the person to `stage` if they are not there or beyond yet, inside the caller's transaction.
 * Returns whether they moved. Every later step (badge, coach, slate, placement) calls this.
 */
export async function advanceStage(tx: Tx, profileId: string, stage: PipelineStage, at = new Date()): Promise<boolean> {
  const profile = await tx.candidateProfile.findUnique({ where: { id: profileId }, select: { stage: true } });
  if (!profile || (isPipelineStage(profile.stage) && PIPELINE_STAGES.indexOf(profile.stage) >= PIPELINE_STAGES.indexOf(stage))) return false;
  await tx.candidateProfile.update({ where: { id: profileId }, data: { stage } });
  await tx.candidateStageEvent.upsert({ where: { profileId_stage: { profileId, stage } }, create: { profileId, stage, at }, update: {} });
  return true;
}
