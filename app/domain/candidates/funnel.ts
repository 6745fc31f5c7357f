// The program funnel: how many people reached each stage, the conversion from the stage before,
// and how long people spend in a stage before moving on. Pure; the model gathers the people.
import { PIPELINE_STAGES, type PipelineStage } from "./pipeline";

export const FUNNEL_DIMENSIONS = ["ngo", "language", "origin", "area"] as const;
export type FunnelDimension = (typeof FUNNEL_DIMENSIONS)[number];

export interface FunnelPerson {
  stage: PipelineStage;
  /** Epoch ms at which the person reached each stage we know of. */
  reachedAt: Partial<Record<PipelineStage, number>>;
  groups: Record<FunnelDimension, string | null>;
}

export interface FunnelStageRow {
  stage: PipelineStage;
  /** People at this stage or beyond. Everyone counts as "referred": self-registered people entered there too. */
  reached: number;
  /** reached ÷ reached at the stage before; null for the first stage or when nobody was there. */
  conversion: number | null;
  /** Median days between reaching this stage and the next one reached, over people who moved on. */
  medianDays: number | null;
  /** How many durations the median is taken over. */
  movedOn: number;
}

const DAY_MS = 86_400_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function funnel(people: readonly FunnelPerson[]): FunnelStageRow[] {
  const rank = (stage: PipelineStage) => PIPELINE_STAGES.indexOf(stage);
  return PIPELINE_STAGES.map((stage, index) => {
    const reached = people.filter((p) => rank(p.stage) >= index).length;
    const before = index === 0 ? null : people.filter((p) => rank(p.stage) >= index - 1).length;
    const durations: number[] = [];
    for (const person of people) {
      const from = person.reachedAt[stage];
      if (from === undefined) continue;
      const next = PIPELINE_STAGES.slice(index + 1)
        .map((later) => person.reachedAt[later])
        .find((at): at is number => at !== undefined);
      if (next !== undefined && next >= from) durations.push((next - from) / DAY_MS);
    }
    const days = median(durations);
    return { stage, reached, conversion: before ? reached / before : null, medianDays: days === null ? null : Math.round(days * 10) / 10, movedOn: durations.length };
  });
}

/** The funnel of each group of a dimension (people without a value form one "unknown" group), largest first. */
export function funnelBy(people: readonly FunnelPerson[], dimension: FunnelDimension): Array<{ group: string | null; stages: FunnelStageRow[] }> {
  const groups = new Map<string | null, FunnelPerson[]>();
  for (const person of people) {
    const key = person.groups[dimension];
    groups.set(key, [...(groups.get(key) ?? []), person]);
  }
  return [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length || String(a[0]).localeCompare(String(b[0])))
    .map(([group, members]) => ({ group, stages: funnel(members) }));
}
