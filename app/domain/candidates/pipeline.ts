/** Where a candidate is in the program, in order. */
export const PIPELINE_STAGES = ["referred", "registered", "certified", "coached", "slated", "placed"] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export const PIPELINE_STAGE_KEYS: Record<PipelineStage, string> = {
  referred: "common:stages.referred",
  registered: "common:stages.registered",
  certified: "common:stages.certified",
  coached: "common:stages.coached",
  slated: "common:stages.slated",
  placed: "common:stages.placed",
};

export function isPipelineStage(value: unknown): value is PipelineStage {
  return typeof value === "string" && (PIPELINE_STAGES as readonly string[]).includes(value);
}

/** Each stage marked done, current or to come, for a progress list. */
export function pipelineProgress(current: PipelineStage): Array<{ stage: PipelineStage; state: "done" | "current" | "next" }> {
  const at = PIPELINE_STAGES.indexOf(current);
  return PIPELINE_STAGES.map((stage, index) => ({
    stage,
    state: index < at ? "done" : index === at ? "current" : "next",
  }));
}
