// bench/csv-import — the referral import path against a raw csv-parse + better-sqlite3 loop, and
// against floors: what writing the same rows into Harbor's own tables costs without the import
// path's duplicate detection (floor.ts).
//   npx tsx bench/csv-import/run.ts            100k rows every way, then 1M rows (64 MB heap)
//   npx tsx bench/csv-import/run.ts --quick    10k rows, for a smoke run
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeReferralCsv } from "./generate";

const root = path.resolve(import.meta.dirname, "../..");
const quick = process.argv.includes("--quick");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-bench-csv-"));

/** A migrated, empty SQLite file (the import path creates its organisation itself). */
function freshDatabase(name: string): string {
  const url = `file:${path.join(work, `${name}.db`)}`;
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  return url;
}

function runNode(args: string[], env: Record<string, string>): Record<string, number> {
  const out = execFileSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as Record<string, number>;
}

function harbor(rows: number, heapMb?: number) {
  const file = path.join(work, `referrals-${rows}.csv`);
  if (!fs.existsSync(file)) writeReferralCsv(file, rows);
  const url = freshDatabase(`harbor-${rows}`);
  const flags = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  return runNode([...flags, "--import", "tsx", "bench/csv-import/harbor-path.ts", file], { DATABASE_URL: url });
}

function floor(mode: "schema" | "validated" | "keys", rows: number, heapMb?: number) {
  const file = path.join(work, `referrals-${rows}.csv`);
  if (!fs.existsSync(file)) writeReferralCsv(file, rows);
  const url = freshDatabase(`floor-${mode}-${rows}`);
  const flags = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  return runNode([...flags, "--import", "tsx", "bench/csv-import/floor.ts", mode, file, url.slice("file:".length)], {});
}

function raw(rows: number) {
  const file = path.join(work, `referrals-${rows}.csv`);
  if (!fs.existsSync(file)) writeReferralCsv(file, rows);
  return runNode(["--import", "tsx", "bench/csv-import/raw-baseline.ts", file, path.join(work, `raw-${rows}.db`)], {});
}

const size = quick ? 10_000 : 100_000;
const base = raw(size);
const floors = { schema: floor("schema", size), validated: floor("validated", size), keys: floor("keys", size) };
const real = harbor(size);
const rate = (r: Record<string, number>) => Math.round(size / (r.seconds ?? 1));
const share = (r: Record<string, number>) => `${((rate(r) / rate(base)) * 100).toFixed(0)}% of raw`;
const line = (label: string, r: Record<string, number>) =>
  `  ${label.padEnd(44)} ${rate(r).toLocaleString("en").padStart(7)} rows/s, ${r.seconds?.toFixed(2)} s, peak RSS ${r.peakRssMb} MB`;
console.log(`\n${size.toLocaleString("en")} rows (same run, same machine)`);
console.log(line("raw csv-parse + better-sqlite3:", base));
console.log(`${line("floor schema (csv-parse into Referral):", floors.schema)}, ${share(floors.schema)}`);
console.log(`${line("floor validated (Harbor's reader, Referral):", floors.validated)}, ${share(floors.validated)}`);
console.log(`${line("floor keys (+ blocking keys into PersonKey):", floors.keys)}, ${share(floors.keys)}`);
console.log(`${line("Harbor import path:", real)}, ${share(real)} (goal ≥ 50%)`);
console.log(`  Harbor created ${real.created}, flagged ${real.duplicate} as likely duplicates; ${((real.seconds ?? 0) / (floors.keys.seconds ?? 1)).toFixed(2)}× the keys floor's time`);
if (!quick) {
  const keysFloor = floor("keys", 1_000_000, 64);
  const million = harbor(1_000_000, 64);
  console.log(`\n1,000,000 rows with --max-old-space-size=64`);
  console.log(`  floor keys:         ${keysFloor.seconds?.toFixed(1)} s, peak RSS ${keysFloor.peakRssMb} MB`);
  console.log(`  Harbor import path: ${million.seconds?.toFixed(1)} s (goal < 30 s), ${Math.round(1_000_000 / (million.seconds ?? 1)).toLocaleString("en")} rows/s, peak RSS ${million.peakRssMb} MB, created ${million.created}, duplicates ${million.duplicate}`);
}
fs.rmSync(work, { recursive: true, force: true });
