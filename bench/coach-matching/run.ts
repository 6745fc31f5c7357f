// Coach-matching benchmark: Harbor's engine against the first-come greedy baseline on a synthetic
// pool, then the engine's gap to an exact solver on a small instance where capacity is scarce.
//
//   npx tsx bench/coach-matching/run.ts [candidates=100000] [coaches=5000] [capacity=20] [seed=42]
//
// Each algorithm runs in its own child process, so its peak RSS is its own (the pool-only child
// shows how much of that is the generated pool itself).
import { execFileSync } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { runMatching } from "../../app/domain/matching/assign";
import { compilePool } from "../../app/domain/matching/compile";
import { buildTopEdges, createCoachSearch } from "../../app/domain/matching/edges";
import { solveFlow } from "../../app/domain/matching/flow";
import { greedyAssignment } from "../../app/domain/matching/greedy";
import { resolveMatchOptions } from "../../app/domain/matching/types";
import { generatePool, type PoolSize } from "./generate";

type Mode = "pool" | "engine" | "greedy";

interface Measurement {
  mode: Mode;
  ms: number;
  peakRssMb: number;
  heapUsedMb: number;
  assigned: number;
  unassigned: number;
  /** Unassigned, though some coach was eligible (only full ones). */
  couldHaveBeenAssigned: number;
  totalScore: number;
  detail: Record<string, unknown>;
}

const MB = 1024 * 1024;

function measure(mode: Mode, size: PoolSize, seed: number): Measurement {
  const { candidates, coaches } = generatePool(size, seed);
  const started = performance.now();
  let outcome: Omit<Measurement, "mode" | "ms" | "peakRssMb" | "heapUsedMb">;
  if (mode === "engine") {
    const run = runMatching(candidates, coaches);
    const { result, optimal, timings } = run;
    outcome = {
      assigned: result.totals.assigned,
      unassigned: result.totals.unassigned,
      couldHaveBeenAssigned: result.unassigned.filter((u) => u.reason.code === "eligible_coaches_full").length,
      totalScore: result.totals.totalScore,
      detail: {
        proven: optimal.proven,
        gapPoints: Number(optimal.gap.toFixed(2)),
        rounds: optimal.rounds,
        edges: optimal.edges,
        addedEdges: optimal.addedEdges,
        ...optimal.auction,
        timingsMs: Object.fromEntries(Object.entries({ ...timings, certificate: optimal.certificateMs }).map(([stage, ms]) => [stage, Math.round(ms)])),
      },
    };
  } else if (mode === "greedy") {
    const options = resolveMatchOptions();
    const pool = compilePool(candidates, coaches, options);
    const search = createCoachSearch(pool);
    const edges = buildTopEdges(search, options.edgesPerCandidate);
    const greedy = greedyAssignment(search, edges, options.edgesPerCandidate);
    let couldHaveBeenAssigned = 0;
    for (let i = 0; i < pool.candidateCount; i++) if (greedy.coach[i]! < 0 && edges.top[i]! > 0) couldHaveBeenAssigned++;
    outcome = { ...greedy.totals, couldHaveBeenAssigned, detail: {} };
  } else {
    outcome = { assigned: 0, unassigned: 0, couldHaveBeenAssigned: 0, totalScore: 0, detail: { candidates: candidates.length, coaches: coaches.length } };
  }
  const ms = performance.now() - started;
  return { mode, ms, peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB, heapUsedMb: process.memoryUsage().heapUsed / MB, ...outcome };
}

function inChild(mode: Mode, size: PoolSize, seed: number): Measurement {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), "--child", mode, String(size.candidates), String(size.coaches), String(size.capacity), String(seed)];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8", maxBuffer: 16 * MB })) as Measurement;
}

/** Engine, greedy and the exact optimum (the flow solver on every eligible pair) on one pool. */
function smallInstance(size: PoolSize, seed: number) {
  const { candidates, coaches } = generatePool(size, seed);
  const options = resolveMatchOptions();
  const { result, optimal } = runMatching(candidates, coaches, options);
  const pool = compilePool(candidates, coaches, options);
  const search = createCoachSearch(pool);
  const complete = buildTopEdges(search, pool.coachCount);
  const started = performance.now();
  const flow = solveFlow(complete, pool.coachCapacity);
  const flowMs = performance.now() - started;
  let assigned = 0;
  let totalScore = 0;
  for (const e of flow.assignedEdge) {
    if (e < 0) continue;
    assigned++;
    totalScore += complete.score[e]!;
  }
  return { engine: result.totals, greedy: result.greedy, exact: { assigned, totalScore }, pairs: complete.coach.length, flowMs, proven: optimal.proven };
}

const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(3)} %`;
const int = (value: number): string => value.toLocaleString("en-US");

function main(): void {
  const [candidates = 100_000, coaches = 5_000, capacity = 20, seed = 42] = process.argv.slice(2).map(Number);
  const size = { candidates, coaches, capacity };
  console.log(`coach matching: ${int(candidates)} candidates × ${int(coaches)} coaches, capacity ${capacity}, seed ${seed}`);
  console.log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown cpu"}), load average ${os.loadavg()[0]!.toFixed(2)}`);
  const pool = inChild("pool", size, seed);
  const engine = inChild("engine", size, seed);
  const greedy = inChild("greedy", size, seed);
  console.log("engine detail:", JSON.stringify(engine.detail));

  // What every run does whatever the optimiser: the first-come baseline the admin compares against
  // (with the index and top-K lists any search starts from), the reasons for every assignment, and
  // the search over the pool that proves the bound.
  const timingsMs = engine.detail.timingsMs as Record<string, number>;
  const floorMs = greedy.ms + timingsMs.describe! + timingsMs.certificate!;
  console.log(
    `floor (first-come baseline ${(greedy.ms / 1000).toFixed(2)} s + reasons ${(timingsMs.describe! / 1000).toFixed(2)} s + proof search ${(timingsMs.certificate! / 1000).toFixed(2)} s): ${(floorMs / 1000).toFixed(2)} s; ` +
      `the engine's optimisation beyond it: ${((engine.ms - floorMs) / 1000).toFixed(2)} s`,
  );

  const small = smallInstance({ candidates: 2_000, coaches: 100, capacity: 20 }, seed);
  console.log(`2k instance: ${int(small.pairs)} eligible pairs, exact flow in ${small.flowMs.toFixed(0)} ms, engine proven within tolerance: ${small.proven}`);

  const row = (label: string, format: (m: Measurement) => string) => `| ${label} | ${format(engine)} | ${format(greedy)} |`;
  console.log(
    [
      "",
      `### ${int(candidates)} candidates × ${int(coaches)} coaches (capacity ${capacity})`,
      "",
      "| | Harbor engine | First-come greedy |",
      "|---|---:|---:|",
      row("wall time", (m) => `${(m.ms / 1000).toFixed(2)} s`),
      row("peak RSS (pool alone: " + pool.peakRssMb.toFixed(0) + " MB)", (m) => `${m.peakRssMb.toFixed(0)} MB`),
      row("heap used after", (m) => `${m.heapUsedMb.toFixed(0)} MB`),
      row("total score", (m) => int(m.totalScore)),
      row("assigned", (m) => int(m.assigned)),
      row("unassigned (could have been assigned at all)", (m) => `${int(m.unassigned)} (${int(m.couldHaveBeenAssigned)})`),
      "",
      "### 2,000 candidates × 100 coaches (capacity 20): gap to the exact optimum",
      "",
      "| | exact (flow, all pairs) | Harbor engine | First-come greedy |",
      "|---|---:|---:|---:|",
      `| assigned | ${int(small.exact.assigned)} | ${int(small.engine.assigned)} | ${int(small.greedy.assigned)} |`,
      `| total score | ${int(small.exact.totalScore)} | ${int(small.engine.totalScore)} | ${int(small.greedy.totalScore)} |`,
      `| score gap | – | ${pct(small.exact.totalScore - small.engine.totalScore, small.exact.totalScore)} | ${pct(small.exact.totalScore - small.greedy.totalScore, small.exact.totalScore)} |`,
    ].join("\n"),
  );
}

if (process.argv[2] === "--child") {
  const [mode, ...numbers] = process.argv.slice(3);
  const [candidates, coaches, capacity, seed] = numbers.map(Number);
  process.stdout.write(JSON.stringify(measure(mode as Mode, { candidates: candidates!, coaches: coaches!, capacity: capacity! }, seed!)));
} else {
  main();
}
