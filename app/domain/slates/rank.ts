// Ordering and balance, shared by the index and the reference ranking so that both pick the same
// slate from the same scores.
import { evaluateCandidate } from "./score";
import type { RoleRequirements, SlateCandidate, SlateOptions, SlateResult, SlateTaxonomy } from "./types";

export interface Ranked {
  candidateId: string;
  score: number;
  /** The NGO that referred the person and their country of origin: the groups balance caps. */
  groups: readonly (string | null)[];
}

/** Higher score first; equal scores by id, so a slate never depends on the order rows were read. */
export function compareRanked(a: { candidateId: string; score: number }, b: { candidateId: string; score: number }): number {
  return b.score - a.score || (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0);
}

/** How many entries one group may take: the share of the slate size, rounded down, at least one. */
function balanceCap(size: number, share: number): number {
  return Math.max(1, Math.floor(size * share));
}

/**
 * Takes candidates in rank order until the slate is full, skipping anyone whose NGO or country
 * of origin already has its share (a person with neither is never held back). The cap is strict:
 * a slate may come out shorter than asked rather than exceed it.
 */
export function fillSlate(ranked: Iterable<Ranked>, size: number, share: number | null): { entries: Ranked[]; heldBack: number } {
  const entries: Ranked[] = [];
  const cap = share === null ? Infinity : balanceCap(size, share);
  const taken = new Map<string, number>();
  let heldBack = 0;
  for (const candidate of ranked) {
    if (entries.length >= size) break;
    const keys = candidate.groups.map((group, kind) => (group === null ? null : `${kind}:${group}`)).filter((key): key is string => key !== null);
    if (keys.some((key) => (taken.get(key) ?? 0) >= cap)) {
      heldBack++;
      continue;
    }
    for (const key of keys) taken.set(key, (taken.get(key) ?? 0) + 1);
    entries.push(candidate);
  }
  return { entries, heldBack };
}

export function balanceGroups(candidate: Pick<SlateCandidate, "referringOrganisationId" | "countryOfOrigin">): [string | null, string | null] {
  return [candidate.referringOrganisationId, candidate.countryOfOrigin];
}

/** The slate by brute force: every candidate scored by the reference, sorted, filled. */
export function rankCandidates(role: RoleRequirements, candidates: readonly SlateCandidate[], taxonomy: SlateTaxonomy, options: SlateOptions): SlateResult {
  const ranked: Ranked[] = [];
  for (const candidate of candidates) {
    const evaluation = evaluateCandidate(role, candidate, taxonomy, options.now);
    if (evaluation.eligible) ranked.push({ candidateId: candidate.id, score: evaluation.score, groups: balanceGroups(candidate) });
  }
  ranked.sort(compareRanked);
  const { entries, heldBack } = fillSlate(ranked, options.size, options.balanceShare);
  return { entries: entries.map(({ candidateId, score }) => ({ candidateId, score })), eligible: ranked.length, heldBackForBalance: heldBack };
}
