// A first guess at which coaches will be over-demanded: more candidates need them than they have
// slots, so some candidate must stay unassigned whoever gets them. It decides where the solver
// starts (prices and a few extra edges, assign.ts), never what it ends with: a wrong guess costs
// time, not optimality.
//
// Judged by languages alone (the rule that splits the pool; exclusions and conflicts of interest
// are left out): candidates with the same working languages are one supply, coaches with the same
// working languages one demand. A maximum flow between those groups gives a minimum cut, and the
// coach groups on the source side of it are over-demanded: in every assignment of the most
// candidates they are full, with candidates wanting them left over (König's theorem).
import type { CompiledPool } from "./compile";

interface Network {
  head: Int32Array;
  next: number[];
  to: number[];
  residual: number[];
}

function addArc(network: Network, from: number, to: number, capacity: number): void {
  for (const [a, b, c] of [
    [from, to, capacity],
    [to, from, 0],
  ] as const) {
    network.next.push(network.head[a]!);
    network.to.push(b);
    network.residual.push(c);
    network.head[a] = network.to.length - 1;
  }
}

/** Nodes reachable from `source` through arcs with residual capacity. */
function reachable(network: Network, source: number): Uint8Array {
  const seen = new Uint8Array(network.head.length);
  const stack = [source];
  seen[source] = 1;
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let a = network.head[v]!; a >= 0; a = network.next[a]!) {
      const w = network.to[a]!;
      if (network.residual[a]! > 0 && seen[w] === 0) {
        seen[w] = 1;
        stack.push(w);
      }
    }
  }
  return seen;
}

/** Maximum flow by shortest augmenting paths (Edmonds–Karp); the network has a few dozen nodes. */
function maxFlow(network: Network, source: number, sink: number): void {
  const via = new Int32Array(network.head.length);
  for (;;) {
    via.fill(-1);
    const queue = [source];
    for (let q = 0; q < queue.length && via[sink] === -1; q++) {
      const v = queue[q]!;
      for (let a = network.head[v]!; a >= 0; a = network.next[a]!) {
        const w = network.to[a]!;
        if (network.residual[a]! > 0 && via[w] === -1 && w !== source) {
          via[w] = a;
          queue.push(w);
        }
      }
    }
    if (via[sink] === -1) return;
    let push = Infinity;
    for (let v = sink; v !== source; v = network.to[via[v]! ^ 1]!) push = Math.min(push, network.residual[via[v]!]!);
    for (let v = sink; v !== source; v = network.to[via[v]! ^ 1]!) {
      network.residual[via[v]!]! -= push;
      network.residual[via[v]! ^ 1]! += push;
    }
  }
}

/** Per coach: 1 when its language group is over-demanded (see above), else 0. */
export function overDemandedCoaches(pool: CompiledPool): Uint8Array {
  const { candidateCount, coachCount, languageCount, candidateLanguageStart, candidateLanguages, coachLevel, workingRank } = pool;
  const candidateGroups = new Map<string, { languages: number[]; count: number }>();
  for (let i = 0; i < candidateCount; i++) {
    if (pool.candidateConsent[i] === 0 || candidateLanguageStart[i] === candidateLanguageStart[i + 1]) continue;
    const languages = Array.from(candidateLanguages.subarray(candidateLanguageStart[i]!, candidateLanguageStart[i + 1]!)).sort((a, b) => a - b);
    const key = languages.join(",");
    const group = candidateGroups.get(key);
    if (group) group.count++;
    else candidateGroups.set(key, { languages, count: 1 });
  }
  const coachGroupOf = new Int32Array(coachCount).fill(-1);
  const coachGroupIds = new Map<string, number>();
  const coachGroups: Array<{ speaks: Uint8Array; capacity: number }> = [];
  for (let j = 0; j < coachCount; j++) {
    if (pool.coachOpen[j] === 0) continue;
    const speaks = new Uint8Array(languageCount);
    for (let l = 0; l < languageCount; l++) speaks[l] = coachLevel[j * languageCount + l]! - 1 >= workingRank ? 1 : 0;
    const key = speaks.join("");
    let id = coachGroupIds.get(key);
    if (id === undefined) {
      id = coachGroups.length;
      coachGroupIds.set(key, id);
      coachGroups.push({ speaks, capacity: 0 });
    }
    coachGroupOf[j] = id;
    coachGroups[id]!.capacity += pool.coachCapacity[j]!;
  }

  // Nodes: source, candidate groups, coach groups, sink.
  const candidateList = [...candidateGroups.values()];
  const firstCoachNode = 1 + candidateList.length;
  const sink = firstCoachNode + coachGroups.length;
  const network: Network = { head: new Int32Array(sink + 1).fill(-1), next: [], to: [], residual: [] };
  candidateList.forEach((group, s) => {
    addArc(network, 0, 1 + s, group.count);
    coachGroups.forEach((coaches, t) => {
      if (group.languages.some((l) => coaches.speaks[l] === 1)) addArc(network, 1 + s, firstCoachNode + t, group.count);
    });
  });
  coachGroups.forEach((coaches, t) => addArc(network, firstCoachNode + t, sink, coaches.capacity));
  maxFlow(network, 0, sink);
  const sourceSide = reachable(network, 0);
  return Uint8Array.from(coachGroupOf, (group) => (group >= 0 && sourceSide[firstCoachNode + group] === 1 ? 1 : 0));
}
