// Slate benchmark: Harbor's in-memory slate index against one SQL GROUP BY scoring query over the
// same synthetic pool, in the same run (see README.md).
//
//   node --expose-gc --max-old-space-size=8192 --import tsx bench/slates/run.ts [--candidates 1000000]
//
// Flags: --candidates (1,000,000), --skills (14,000), --groups (300), --seed (42), --runs (30 timed
// index queries per role), --sql-runs (3 per role), --roles (10 typical roles), --no-sql, --keep-db.
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { CEFR_LEVELS } from "../../app/domain/profile/languages";
import { interestCutoff, overlapWithEmployer, relatedConcepts, SKILL_POINTS, FIT_POINTS, WORKING_DAY } from "../../app/domain/slates/score";
import { SlateIndex } from "../../app/domain/slates/slate-index";
import type { RoleRequirements, RoleSkill, SlateEntryResult, SlateResult } from "../../app/domain/slates/types";
import { buildTaxonomy, candidateId, createRandom, generateCandidates, NOW, type BenchTaxonomy } from "./generate";

const MB = 1024 * 1024;
const SLATE_SIZE = 50;
const GOALS = { typicalMs: 5, worstMs: 50, worstSpeedup: 20, indexMb: 200 } as const;

const { values: flags } = parseArgs({
  options: {
    candidates: { type: "string", default: "1000000" },
    skills: { type: "string", default: "14000" },
    groups: { type: "string", default: "300" },
    seed: { type: "string", default: "42" },
    runs: { type: "string", default: "30" },
    "sql-runs": { type: "string", default: "3" },
    roles: { type: "string", default: "10" },
    "no-sql": { type: "boolean", default: false },
    "keep-db": { type: "boolean", default: false },
  },
});
const N = Number(flags.candidates);
const SEED = Number(flags.seed);
const RUNS = Number(flags.runs);
const SQL_RUNS = Number(flags["sql-runs"]);
const ROLE_COUNT = Math.max(1, Number(flags.roles));

const int = (value: number): string => Math.round(value).toLocaleString("en-US");
const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : int(value)) + " ms";
const mb = (bytes: number): string => `${(bytes / MB).toFixed(0)} MB`;
const seconds = (millis: number): string => `${(millis / 1000).toFixed(1)} s`;
const gc = (globalThis as { gc?: () => void }).gc;

/** Heap plus off-heap memory (typed arrays live off-heap), after a full collection when allowed. */
function memory(): number {
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

interface Timing {
  median: number;
  p95: number;
  min: number;
}

function time<T>(runs: number, warmup: number, body: () => T): { timing: Timing; result: T } {
  let result = body();
  for (let i = 1; i < warmup; i++) result = body();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = body();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { timing: { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), min: samples[0]! }, result };
}

// ---------------------------------------------------------------------------------------------
// Roles

interface BenchRole {
  name: string;
  role: RoleRequirements;
  /** Posting entries of the role skills, and of their related concepts (siblings in the group). */
  exactPostings: number;
  relatedPostings: number;
}

/** Weight, level and required-ness of the 10 role skills: the same for every role, so roles differ only in which skills. */
function skillTemplate(seed: number): Omit<RoleSkill, "uri">[] {
  const random = createRandom(seed ^ 0x7e57);
  return Array.from({ length: 10 }, (_, k) => ({ weight: 1 + Math.floor(random() * 5), minLevel: 2 + Math.floor(random() * 3), required: k < 4 }));
}

function makeRole(name: string, ranks: readonly number[], taxonomy: BenchTaxonomy, template: readonly Omit<RoleSkill, "uri">[], postingsPerSkill: Int32Array): BenchRole {
  const skills = ranks.map((rank, k) => ({ uri: taxonomy.skillUris[taxonomy.rankToSkill[rank]!]!, ...template[k]! }));
  let exactPostings = 0;
  let relatedPostings = 0;
  for (const { uri } of skills) {
    exactPostings += postingsPerSkill[taxonomy.skillIdOf.get(uri)!]!;
    for (const related of relatedConcepts(uri, taxonomy)) {
      const id = taxonomy.skillIdOf.get(related);
      if (id !== undefined) relatedPostings += postingsPerSkill[id]!;
    }
  }
  return {
    name,
    exactPostings,
    relatedPostings,
    role: { skills, languages: [{ code: "en", minLevel: "B1" }], utcOffsetMinutes: 60, minOverlapHours: 2, hoursPerWeek: 20, countries: [] },
  };
}

/** Ten distinct ranks uniformly from [low, high). */
function midRanks(seed: number, low: number, high: number): number[] {
  const random = createRandom(seed);
  const ranks = new Set<number>();
  while (ranks.size < 10) ranks.add(low + Math.floor(random() * (high - low)));
  return [...ranks];
}

// ---------------------------------------------------------------------------------------------
// SQL baseline

function loadSqlite(file: string, taxonomy: BenchTaxonomy) {
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -2097152"); // 2 GiB page cache: the baseline gets all the memory it wants
  db.pragma("temp_store = MEMORY");
  db.exec(`
    CREATE TABLE skill (id INTEGER PRIMARY KEY, grp INTEGER NOT NULL);
    CREATE TABLE candidate (
      id INTEGER PRIMARY KEY, consent INTEGER NOT NULL, placed INTEGER NOT NULL, interest INTEGER, utc_offset INTEGER,
      availability INTEGER, country TEXT, origin TEXT, ngo TEXT, coach INTEGER NOT NULL);
    CREATE TABLE candidate_language (candidate INTEGER NOT NULL, code TEXT NOT NULL, level INTEGER NOT NULL, PRIMARY KEY (candidate, code)) WITHOUT ROWID;
    CREATE TABLE candidate_skill (candidate INTEGER NOT NULL, skill INTEGER NOT NULL, level INTEGER NOT NULL, verified INTEGER NOT NULL);
  `);
  const started = performance.now();
  const insertSkill = db.prepare("INSERT INTO skill VALUES (?, ?)");
  const insertCandidate = db.prepare("INSERT INTO candidate VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  const insertLanguage = db.prepare("INSERT INTO candidate_language VALUES (?, ?, ?)");
  const insertHeld = db.prepare("INSERT INTO candidate_skill VALUES (?, ?, ?, ?)");
  let rows = 0;
  db.exec("BEGIN");
  taxonomy.skillGroup.forEach((group, skill) => insertSkill.run(skill, group));
  for (const c of generateCandidates(N, taxonomy, SEED)) {
    const id = Number(c.id.slice(1));
    insertCandidate.run(id, c.consentsToEmployers ? 1 : 0, c.placed ? 1 : 0, c.interestConfirmedAt, c.utcOffsetMinutes, c.availabilityHours, c.currentCountry, c.countryOfOrigin, c.referringOrganisationId, c.coachRecommended ? 1 : 0);
    for (const { code, level } of c.languages) insertLanguage.run(id, code, CEFR_LEVELS.indexOf(level));
    // The generator never lists a skill twice, so one row per (candidate, skill) as the index keeps.
    for (const { uri, level, badges } of c.skills) insertHeld.run(id, taxonomy.skillIdOf.get(uri)!, level, badges.length > 0 ? 1 : 0);
    rows += c.skills.length;
  }
  db.exec("COMMIT");
  const loadMs = performance.now() - started;
  const indexStarted = performance.now();
  db.exec(`
    CREATE INDEX skill_by_group ON skill (grp, id);
    CREATE INDEX candidate_skill_by_skill ON candidate_skill (skill, candidate, level, verified);
    ANALYZE;
  `);
  const indexMs = performance.now() - indexStarted;
  db.pragma("mmap_size = 8589934592");
  return { db, loadMs, indexMs, rows, fileBytes: fs.statSync(file).size };
}

/**
 * One query that scores a role the way score.ts does: per (candidate, role skill) the best of a
 * badge (10), the declared level at or above the minimum (6), below it (3), or a sibling in the
 * skill's group (2), times the weight, doubled when required; summed per candidate; then the hard
 * filters and the fit points (language levels above the minimum, working-day overlap,
 * availability known, coach recommendation), best first, ties by id.
 */
function slateSql(role: RoleRequirements, limit: number | null): { sql: string; params: (number | string)[] } {
  const params: (number | string)[] = [];
  const roleRows = role.skills.map(() => "(?, ?, ?, ?, ?)").join(", ");
  role.skills.forEach((skill, idx) => params.push(idx, Number(skill.uri.slice(skill.uri.lastIndexOf("/") + 1)), skill.weight, skill.minLevel, skill.required ? SKILL_POINTS.requiredFactor : 1));
  const day = (WORKING_DAY.endHour - WORKING_DAY.startHour) * 60;
  // Both working days are `day` minutes long and start |Δoffset| apart on a 1440-minute circle.
  const overlap = `MAX(0, ${day} - MIN(ABS(${role.utcOffsetMinutes} - c.utc_offset) % 1440, 1440 - ABS(${role.utcOffsetMinutes} - c.utc_offset) % 1440))`;
  const languageJoins = role.languages.map((_, k) => `JOIN candidate_language l${k} ON l${k}.candidate = c.id AND l${k}.code = ? AND l${k}.level >= ?`).join("\n      ");
  const languageParams = role.languages.flatMap(({ code, minLevel }) => [code, CEFR_LEVELS.indexOf(minLevel)]);
  const languagePoints = role.languages.map(({ minLevel }, k) => ` + MIN(${FIT_POINTS.languageLevelsCounted}, l${k}.level - ${CEFR_LEVELS.indexOf(minLevel)}) * ${FIT_POINTS.perLanguageLevelAbove}`).join("");
  const where = ["c.consent = 1", "c.placed = 0", `c.interest >= ${interestCutoff(NOW)}`, `(c.availability IS NULL OR c.availability >= ${role.hoursPerWeek})`];
  if (role.minOverlapHours > 0) where.push(`c.utc_offset IS NOT NULL AND ${overlap} >= ${role.minOverlapHours * 60}`);
  if (role.countries.length > 0) where.push(`c.country IN (${role.countries.map((code) => `'${code.replace(/'/g, "''")}'`).join(", ")})`);
  const sql = `
    WITH role_skill (idx, skill, weight, min_level, factor) AS (VALUES ${roleRows}),
    target (idx, skill, exact, weight, min_level, factor) AS (
      SELECT idx, skill, 1, weight, min_level, factor FROM role_skill
      UNION ALL
      SELECT r.idx, s.id, 0, r.weight, r.min_level, r.factor
      FROM role_skill r JOIN skill g ON g.id = r.skill JOIN skill s ON s.grp = g.grp AND s.id <> g.id
    ),
    per_skill (candidate, points) AS (
      SELECT cs.candidate, MAX(t.weight * t.factor * CASE WHEN t.exact = 0 THEN ${SKILL_POINTS.related} WHEN cs.verified = 1 THEN ${SKILL_POINTS.verified} WHEN cs.level >= t.min_level THEN ${SKILL_POINTS.declared} ELSE ${SKILL_POINTS.belowLevel} END)
      FROM target t JOIN candidate_skill cs ON cs.skill = t.skill
      GROUP BY cs.candidate, t.idx
    ),
    skill_score (candidate, points) AS (SELECT candidate, SUM(points) FROM per_skill GROUP BY candidate)
    SELECT c.id AS id, s.points${languagePoints}
      + CASE WHEN c.utc_offset IS NULL THEN 0 ELSE ${overlap} * ${FIT_POINTS.perOverlapHour} / 60 END
      + CASE WHEN c.availability IS NULL THEN 0 ELSE ${FIT_POINTS.availability} END
      + CASE WHEN c.coach = 1 THEN ${FIT_POINTS.coachRecommended} ELSE 0 END AS score
    FROM skill_score s JOIN candidate c ON c.id = s.candidate
      ${languageJoins}
    WHERE ${where.join(" AND ")}
    ${limit === null ? "" : `ORDER BY score DESC, c.id LIMIT ${limit}`}`;
  return { sql, params: [...params, ...languageParams] };
}

/** The SQL's overlap formula must be overlapWithEmployer; checked on every offset pair the pool can have. */
function checkOverlapFormula(employerOffset: number): void {
  const day = (WORKING_DAY.endHour - WORKING_DAY.startHour) * 60;
  for (let offset = -720; offset <= 840; offset += 30) {
    const distance = Math.abs(employerOffset - offset) % 1440;
    const formula = Math.max(0, day - Math.min(distance, 1440 - distance));
    if (formula !== overlapWithEmployer(offset, employerOffset)) throw new Error(`SQL overlap formula wrong for offset ${offset}`);
  }
}

function sqlSlate(db: Database.Database, role: RoleRequirements): SlateEntryResult[] {
  const { sql, params } = slateSql(role, SLATE_SIZE);
  const rows = db.prepare(sql).all(...params) as { id: number; score: number }[];
  return rows.map(({ id, score }) => ({ candidateId: candidateId(id), score }));
}

function sqlEligible(db: Database.Database, role: RoleRequirements): number {
  const { sql, params } = slateSql(role, null);
  return (db.prepare(`SELECT COUNT(*) AS n FROM (${sql})`).get(...params) as { n: number }).n;
}

const agree = (a: readonly SlateEntryResult[], b: readonly SlateEntryResult[]) => a.length === b.length && a.every((entry, k) => entry.candidateId === b[k]!.candidateId && entry.score === b[k]!.score);

// ---------------------------------------------------------------------------------------------

/** Bench-only look inside the index, to split a query's time (the members are private). */
interface IndexInternals {
  computePass(role: RoleRequirements, now: number): void;
  collect(role: RoleRequirements): { pruned: boolean; eligible: number };
  resetScratch(): void;
  scored: number;
  exactCount: number;
  memoryParts(): { postings: number; fields: number; languages: number; ids: number; scratch: number };
}

/** The hard-filter bitset alone, then with the skill step (`collect`); the rest of a query is ranking. */
function breakdown(index: SlateIndex, role: RoleRequirements, runs: number) {
  const internals = index as unknown as IndexInternals;
  const filter = time(runs, 3, () => internals.computePass(role, NOW));
  const collect = () => {
    internals.computePass(role, NOW);
    const { pruned } = internals.collect(role);
    const scored = { pruned, scored: internals.scored, exact: internals.exactCount };
    internals.resetScratch();
    return scored;
  };
  const all = time(runs, 3, collect);
  return { filterMs: filter.timing.median, skillMs: all.timing.median - filter.timing.median, ...all.result };
}

function main(): void {
  const startedAt = performance.now();
  console.log(`slates: ${int(N)} candidates, ${int(Number(flags.skills))} skills in ${int(Number(flags.groups))} groups, seed ${SEED}, slate of ${SLATE_SIZE}`);
  console.log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown cpu"}), load average ${os.loadavg()[0]!.toFixed(2)}, gc ${gc ? "exposed" : "NOT exposed (run with --expose-gc for exact memory)"}`);
  const taxonomy = buildTaxonomy({ skills: Number(flags.skills), groups: Number(flags.groups), zipf: 1 }, SEED);

  // Pass 1: generation alone (its time is taken out of the build time), counting postings per skill.
  const postingsPerSkill = new Int32Array(taxonomy.skillUris.length);
  let generateMs = performance.now();
  let pairs = 0;
  const languageCodes = new Set<string>();
  for (const candidate of generateCandidates(N, taxonomy, SEED)) {
    for (const { uri } of candidate.skills) postingsPerSkill[taxonomy.skillIdOf.get(uri)!]!++;
    for (const { code } of candidate.languages) languageCodes.add(code);
    pairs += candidate.skills.length;
  }
  generateMs = performance.now() - generateMs;
  const byRank = Array.from(taxonomy.rankToSkill, (skill) => postingsPerSkill[skill]!);
  console.log(`pool: ${int(pairs)} candidate skills (${(pairs / N).toFixed(1)} each); most common skill held by ${int(byRank[0]!)}, rank 10 by ${int(byRank[9]!)}, rank 200 by ${int(byRank[199] ?? 0)}, rank 3000 by ${int(byRank[2999] ?? 0)}; generated in ${seconds(generateMs)}`);

  // Pass 2: the index, built straight from the generator.
  const before = memory();
  let buildMs = performance.now();
  const index = SlateIndex.build(generateCandidates(N, taxonomy, SEED), taxonomy, N);
  buildMs = performance.now() - buildMs;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const indexBytes = memory() - before;
  const arrayBytes = index.arrayBytes;
  const parts = (index as unknown as IndexInternals).memoryParts();
  console.log(
    `index: built in ${seconds(buildMs)} (${seconds(buildMs - generateMs)} without generation), ${mb(indexBytes)} retained (heap + typed arrays, after gc): ` +
      `arrays ${mb(arrayBytes)} (postings ${mb(parts.postings)}, candidate ids ${mb(parts.ids)}, per-candidate fields ${mb(parts.fields)}, language levels ${mb(parts.languages)} for ${languageCodes.size} codes, query scratch ${mb(parts.scratch)}), ` +
      `everything else ${mb(indexBytes - arrayBytes)}; peak RSS so far ${mb(peakRss)}`,
  );

  // Roles: a typical one (10 skills from mid-frequency ranks), more like it, and the worst one.
  const template = skillTemplate(SEED);
  const high = Math.min(3000, taxonomy.skillUris.length);
  const low = Math.min(200, Math.floor(high / 10));
  const typicalRoles = Array.from({ length: ROLE_COUNT }, (_, k) => makeRole(k === 0 ? "typical" : `typical #${k + 1}`, midRanks(SEED * 1000 + k, low, high), taxonomy, template, postingsPerSkill));
  const typical = typicalRoles[0]!;
  const worst = makeRole(
    "worst",
    Array.from({ length: 10 }, (_, rank) => rank),
    taxonomy,
    template,
    postingsPerSkill,
  );

  const query = (role: RoleRequirements, balanceShare: number | null = null) => index.query(role, { size: SLATE_SIZE, balanceShare, now: NOW });
  // Warm every code path (JIT) on every role before anything is timed.
  for (let round = 0; round < 3; round++) for (const role of [...typicalRoles, worst]) for (const share of [null, 0.2]) query(role.role, share);
  const indexResults = new Map<BenchRole, { timing: Timing; result: SlateResult }>();
  for (const role of [...typicalRoles, worst]) {
    gc?.();
    const measured = time(RUNS, 5, () => query(role.role));
    indexResults.set(role, measured);
    console.log(
      `  index ${role.name.padEnd(11)} median ${ms(measured.timing.median).padStart(9)}, p95 ${ms(measured.timing.p95).padStart(9)}; ` +
        `postings: of its skills ${int(role.exactPostings)}, of their related concepts ${int(role.relatedPostings)}; eligible ${int(measured.result.eligible)}`,
    );
  }
  const balanced = new Map<BenchRole, { timing: Timing; result: SlateResult }>();
  for (const role of [typical, worst]) balanced.set(role, time(RUNS, 5, () => query(role.role, 0.2)));
  const typicalMedians = typicalRoles.map((role) => indexResults.get(role)!.timing.median).sort((a, b) => a - b);
  const typicalMedian = quantile(typicalMedians, 0.5);

  const splits = new Map<BenchRole, ReturnType<typeof breakdown>>();
  for (const role of [typical, worst]) {
    const split = breakdown(index, role.role, Math.min(RUNS, 10));
    splits.set(role, split);
    const total = indexResults.get(role)!.timing.median;
    console.log(
      `  ${role.name} role, where the time goes: hard-filter bitset ${ms(split.filterMs)}, skill step ${ms(split.skillMs)} (${split.pruned ? `pruned: scored ${int(split.exact)} holders of a role skill itself` : `scored all ${int(split.scored)} eligible touched`}), ` +
        `then ranking ${ms(total - split.filterMs - split.skillMs)} (${split.pruned ? "incl. scoring the related-only people who might rank; " : ""}${int(indexResults.get(role)!.result.eligible)} eligible)`,
    );
  }

  // The SQL baseline, same data, same process.
  let sql: null | {
    loadMs: number;
    indexMs: number;
    rows: number;
    fileBytes: number;
    typical: Timing;
    worst: Timing;
    others: { role: BenchRole; ms: number; agree: boolean }[];
    agreeTypical: boolean;
    agreeWorst: boolean;
    eligibleTypical: number;
    eligibleWorst: number;
  } = null;
  const dbFile = path.join(os.tmpdir(), `harbor-bench-slates-${N}-${SEED}.db`);
  if (!flags["no-sql"]) {
    checkOverlapFormula(typical.role.utcOffsetMinutes);
    console.log(`sql: loading ${dbFile} …`);
    const { db, loadMs, indexMs, rows, fileBytes } = loadSqlite(dbFile, taxonomy);
    console.log(`sql: ${int(rows)} candidate_skill rows loaded in ${seconds(loadMs)} (generation included, ${seconds(generateMs)} of it), indexes + ANALYZE ${seconds(indexMs)}, file ${mb(fileBytes)}`);
    console.log("sql plan (typical role):\n" + (db.prepare(`EXPLAIN QUERY PLAN ${slateSql(typical.role, SLATE_SIZE).sql}`).all(...slateSql(typical.role, SLATE_SIZE).params) as { detail: string }[]).map((row) => `  ${row.detail}`).join("\n"));
    const measured = (role: BenchRole) => {
      const run = time(SQL_RUNS, 1, () => sqlSlate(db, role.role));
      const same = agree(run.result, indexResults.get(role)!.result.entries);
      console.log(`  sql ${role.name.padEnd(11)} median ${ms(run.timing.median).padStart(9)}, p95 ${ms(run.timing.p95).padStart(9)}; top ${SLATE_SIZE} agree with the index: ${same ? "yes" : "NO"}`);
      return { ...run, same };
    };
    const sqlTypical = measured(typical);
    const sqlWorst = measured(worst);
    const others = typicalRoles.slice(1).map((role) => {
      const started = performance.now();
      const entries = sqlSlate(db, role.role);
      const elapsed = performance.now() - started;
      const same = agree(entries, indexResults.get(role)!.result.entries);
      console.log(`  sql ${role.name.padEnd(11)} once ${ms(elapsed).padStart(9)}; top ${SLATE_SIZE} agree with the index: ${same ? "yes" : "NO"}`);
      return { role, ms: elapsed, agree: same };
    });
    const eligibleTypical = sqlEligible(db, typical.role);
    const eligibleWorst = sqlEligible(db, worst.role);
    console.log(`  eligible (sql / index): typical ${int(eligibleTypical)} / ${int(indexResults.get(typical)!.result.eligible)}, worst ${int(eligibleWorst)} / ${int(indexResults.get(worst)!.result.eligible)}`);
    db.close();
    if (!flags["keep-db"]) fs.rmSync(dbFile, { force: true });
    sql = { loadMs, indexMs, rows, fileBytes, typical: sqlTypical.timing, worst: sqlWorst.timing, others, agreeTypical: sqlTypical.same, agreeWorst: sqlWorst.same, eligibleTypical, eligibleWorst };
  }

  const t = indexResults.get(typical)!.timing;
  const w = indexResults.get(worst)!.timing;
  const yes = (ok: boolean) => (ok ? "yes" : "**no**");
  const ratio = (a: number, b: number) => `${(b / a).toFixed(0)}×`;
  const sqlOtherMedian = sql ? quantile([sql.typical.median, ...sql.others.map((o) => o.ms)].sort((a, b) => a - b), 0.5) : 0;
  const allAgree = sql ? sql.agreeTypical && sql.agreeWorst && sql.others.every((o) => o.agree) : false;
  const eligibleAgree = sql ? sql.eligibleTypical === indexResults.get(typical)!.result.eligible && sql.eligibleWorst === indexResults.get(worst)!.result.eligible : false;
  const row = (label: string, harbor: string, baseline: string, r: string) => `| ${label} | ${harbor} | ${baseline} | ${r} |`;
  console.log(
    [
      "",
      `### ${int(N)} candidates, ${int(pairs)} candidate skills, ${int(taxonomy.skillUris.length)} skills in ${int(taxonomy.groupUris.length)} groups`,
      "",
      "| metric | Harbor index | SQL baseline (SQLite) | ratio |",
      "|---|---:|---:|---:|",
      row(`slate of ${SLATE_SIZE}, typical role: median / p95`, `${ms(t.median)} / ${ms(t.p95)}`, sql ? `${ms(sql.typical.median)} / ${ms(sql.typical.p95)}` : "–", sql ? ratio(t.median, sql.typical.median) : "–"),
      row(`slate of ${SLATE_SIZE}, worst role (10 most common skills): median / p95`, `${ms(w.median)} / ${ms(w.p95)}`, sql ? `${ms(sql.worst.median)} / ${ms(sql.worst.p95)}` : "–", sql ? ratio(w.median, sql.worst.median) : "–"),
      row(
        `${typicalRoles.length} typical roles: median of medians (slowest)`,
        `${ms(typicalMedian)} (${ms(typicalMedians.at(-1)!)})`,
        sql ? `${ms(sqlOtherMedian)} (${ms(Math.max(sql.typical.median, ...sql.others.map((o) => o.ms)))})` : "–",
        sql ? ratio(typicalMedian, sqlOtherMedian) : "–",
      ),
      row("with balance share 0.2, typical / worst: median", `${ms(balanced.get(typical)!.timing.median)} / ${ms(balanced.get(worst)!.timing.median)}`, "–", "–"),
      row("build (generation excluded) / load", `${seconds(buildMs - generateMs)}`, sql ? `${seconds(sql.loadMs - generateMs)} + ${seconds(sql.indexMs)} indexes` : "–", "–"),
      row("memory: index retained / database file", `${mb(indexBytes)} (arrays ${mb(arrayBytes)})`, sql ? mb(sql.fileBytes) : "–", "–"),
      row(`top ${SLATE_SIZE} agree (all ${typicalRoles.length + 1} roles) / eligible count agrees`, sql ? `${yes(allAgree)} / ${yes(eligibleAgree)}` : "–", "", ""),
      "",
      "Goals:",
      `- typical role ≤ ${GOALS.typicalMs} ms: ${t.median <= GOALS.typicalMs ? "met" : "**not met**"} (${ms(t.median)} median; median of ${typicalRoles.length} typical roles ${ms(typicalMedian)})`,
      `- worst role ≤ ${GOALS.worstMs} ms: ${w.median <= GOALS.worstMs ? "met" : "**not met**"} (${ms(w.median)} median, ${ms(w.p95)} p95)`,
      `- ≥ ${GOALS.worstSpeedup}× faster than SQL on the worst role: ${sql ? `${w.median * GOALS.worstSpeedup <= sql.worst.median ? "met" : "**not met**"} (${ratio(w.median, sql.worst.median)})` : "not measured (--no-sql)"}`,
      `- index ≤ ${GOALS.indexMb} MB: ${indexBytes <= GOALS.indexMb * MB ? "met" : "**not met**"} (${mb(indexBytes)} retained${gc ? "" : ", without gc: approximate"})`,
      "",
      `total bench time ${seconds(performance.now() - startedAt)}, load average at the end ${os.loadavg()[0]!.toFixed(2)}`,
    ].join("\n"),
  );
}

main();
