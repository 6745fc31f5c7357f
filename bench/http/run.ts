// HTTP throughput of the built Harbor server on 127.0.0.1, against a bare React page in the same run.
//   node --import tsx bench/http/run.ts [--duration 10] [--postgres <url> | --no-postgres]
// See README.md beside this file.
import { execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { exportJWK, generateKeyPair } from "jose";
import pg from "pg";
import { freePort, startHarbor } from "../../tests/setup/harbor-server";

const root = path.resolve(import.meta.dirname, "../..");
const { values: args } = parseArgs({
  options: { duration: { type: "string", default: "10" }, postgres: { type: "string" }, "no-postgres": { type: "boolean", default: false } },
});
const DURATION = Number(args.duration);
const CONNECTIONS = [10, 50];

type Measure = { reqPerSec: number; p50: number; p99: number; errors: number };
type Row = { database: string; page: string; connections: number } & Measure;

async function measure(url: string, connections: number, cookie?: string): Promise<Measure> {
  const headers = cookie ? { cookie } : undefined;
  await autocannon({ url, connections, duration: 2, headers }); // warm-up, not recorded
  const result = await autocannon({ url, connections, duration: DURATION, headers });
  return { reqPerSec: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx };
}

/** Production settings: what a deployment runs, with throwaway secrets. */
async function productionEnv(): Promise<Record<string, string>> {
  const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const secret = () => crypto.randomBytes(32).toString("base64url");
  return {
    NODE_ENV: "production",
    SESSION_SECRET: secret(),
    NOTES_ENCRYPTION_KEY: secret(),
    BADGE_SIGNING_KEY: JSON.stringify({ ...(await exportJWK(privateKey)), kid: "bench" }),
    APP_URL: "http://127.0.0.1",
  };
}

async function databases(): Promise<Array<{ name: string; url: string; drop: () => Promise<void> }>> {
  const sqliteFile = path.join(os.tmpdir(), `harbor-http-bench-${process.pid}.db`);
  const list = [
    { name: "SQLite", url: `file:${sqliteFile}`, drop: async () => ["", "-wal", "-shm"].forEach((s) => fs.rmSync(sqliteFile + s, { force: true })) },
  ];
  if (args["no-postgres"]) return list;
  const cluster = args.postgres ?? execFileSync("bash", [path.join(root, "scripts/postgres-cluster.sh")], { encoding: "utf8" }).trim();
  const name = `harbor_http_bench_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: cluster });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`DROP DATABASE IF EXISTS "${name}"`);
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(cluster);
  url.pathname = `/${name}`;
  list.push({ name: "PostgreSQL", url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) });
  return list;
}

/** Loads a server script that prints "listening" on a free port; returns its rows. */
async function baseline(script: string, page: string): Promise<Row[]> {
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, script), String(port)], { env: { ...process.env, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve) => server.stdout!.once("data", resolve));
  const rows: Row[] = [];
  for (const connections of CONNECTIONS) rows.push({ database: "—", page, connections, ...(await measure(`http://127.0.0.1:${port}/`, connections)) });
  server.kill();
  return rows;
}

const node = (script: string, env: Record<string, string>) =>
  execFileSync(process.execPath, ["--import", "tsx", script], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });

const remix = (...project: string[]) => execFileSync(path.join(root, "node_modules/.bin/remix"), ["build", ...project], { cwd: root, env: { ...process.env, NODE_ENV: "production" }, stdio: ["ignore", "ignore", "inherit"] });
remix();
remix("bench/http/floor");
const BARE = "bare renderToString page";
const FLOOR = "Remix floor (the same page from a loader)";
const rows: Row[] = [...(await baseline("bare-server.tsx", BARE)), ...(await baseline("floor/server.ts", FLOOR))];
for (const database of await databases()) {
  const env = { ...(await productionEnv()), DATABASE_URL: database.url };
  // The release step with the demo data (development), then the prepared pages.
  node("scripts/migrate.ts", { ...env, NODE_ENV: "development" });
  const { pages } = JSON.parse(node("bench/http/prepare.ts", env)) as { pages: Array<{ name: string; path: string; cookie: string }> };
  const harbor = await startHarbor(database.url, { ...env, MIGRATE_ON_START: "false" });
  try {
    for (const page of pages) {
      const check = await fetch(harbor.baseURL + page.path, { headers: { cookie: page.cookie }, redirect: "manual" });
      if (check.status !== 200) throw new Error(`${page.name}: ${check.status}`);
      for (const connections of CONNECTIONS) rows.push({ database: database.name, page: page.name, connections, ...(await measure(harbor.baseURL + page.path, connections, page.cookie)) });
    }
  } finally {
    await harbor.stop();
    await database.drop();
  }
}

const rate = (page: string) => new Map(rows.filter((r) => r.page === page).map((r) => [r.connections, r.reqPerSec]));
const bare = rate(BARE);
const floor = rate(FLOOR);
console.log(`\n${DURATION} s per line after a 2 s warm-up; ${os.cpus().length} cores, Node ${process.version}\n`);
console.log("| database | page | connections | req/s | × bare | × Remix floor | p50 ms | p99 ms | errors |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  const ratio = (to: Map<number, number>) => (r.reqPerSec / (to.get(r.connections) ?? NaN)).toFixed(2);
  console.log(`| ${r.database} | ${r.page} | ${r.connections} | ${Math.round(r.reqPerSec).toLocaleString("en")} | ${ratio(bare)} | ${ratio(floor)} | ${r.p50} | ${r.p99} | ${r.errors} |`);
}
const harborAt10 = rows.filter((r) => r.database !== "—" && r.connections === 10);
const throughputMet = harborAt10.every((r) => r.reqPerSec >= 0.35 * (bare.get(10) ?? Infinity));
const latencyMet = harborAt10.every((r) => r.p99 < 100);
const errorFree = rows.every((r) => r.errors === 0);
console.log(`\nGoal ≥ 0.35× the bare page at 10 connections: ${throughputMet ? "met" : "NOT met"}`);
console.log(`Goal p99 < 100 ms at 10 connections: ${latencyMet ? "met" : "NOT met"}`);
console.log(`Goal no errors: ${errorFree ? "met" : "NOT met"}`);
