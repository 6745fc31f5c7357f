// Floors: what any import into Harbor's schema must spend, measured the raw baseline's way (one
// prepared INSERT per row, one transaction, into the migrated tables with their indexes), with
// nothing of the import path's duplicate detection. Each adds one step:
//   schema     csv-parse rows into Referral (its 4 indexes), unvalidated
//   validated  Harbor's streaming reader and validation (readReferralCsv) into Referral
//   keys       as validated, plus each person's blocking keys into PersonKey (its 3 indexes),
//              sorted per 400 rows as the import writes them, never looked up
// Prints one JSON line.
import Database from "better-sqlite3";
import { parse } from "csv-parse";
import fs from "node:fs";
import { duplicateKeys } from "../../app/domain/intake/duplicates";
import { readReferralCsv } from "../../app/domain/intake/referral-csv";
import type { ReferralInput } from "../../app/domain/intake/referral-input";
import { sqliteTimestamp } from "../../app/models/import-store.server";
import { orderedId } from "../../app/utils/ordered-id.server";

const [mode, file, dbFile] = process.argv.slice(2) as ["schema" | "validated" | "keys", string, string];
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const sqlite = new Database(dbFile);
sqlite.pragma("journal_mode = WAL");
// The import's page cache (app/models/import-store.server.ts): indexes larger than the default 2 MB.
sqlite.pragma("cache_size = -65536");
const referral = sqlite.prepare(
  `INSERT INTO "Referral" ("id", "organisationId", "externalId", "status", "givenName", "familyName", "latinName", "email", "phone", "dateOfBirth", "countryOfOrigin", "currentCountry", "languages", "skills", "createdAt", "updatedAt") VALUES (?, 'bench', ?, 'referred', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const personKey = sqlite.prepare(`INSERT INTO "PersonKey" ("key", "referralId") VALUES (?, ?)`);
const now = sqliteTimestamp(new Date());
let keys: Array<[key: string, referralId: string]> = [];
let rows = 0;

function writeKeys(): void {
  keys.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, id] of keys) personKey.run(key, id);
  keys = [];
}

function write(v: ReferralInput): void {
  const id = orderedId();
  referral.run(id, v.externalId ?? null, v.givenName, v.familyName, v.latinName ?? null, v.email ?? null, v.phone ?? null, v.dateOfBirth ?? null, v.countryOfOrigin ?? null, v.currentCountry ?? null, JSON.stringify(v.languages ?? []), JSON.stringify(v.skills ?? []), now, now);
  if (mode === "keys") {
    const person = { givenName: v.givenName, familyName: v.familyName, latinName: v.latinName ?? null, email: v.email ?? null, phone: v.phone ?? null, dateOfBirth: v.dateOfBirth ?? null };
    for (const key of duplicateKeys(person)) keys.push([key, id]);
    if (++rows % 400 === 0) writeKeys();
  }
}

const started = performance.now();
let count = 0;
sqlite.exec("BEGIN");
if (mode === "schema") {
  for await (const record of fs.createReadStream(file).pipe(parse({ columns: true, bom: true }))) {
    const r = record as Record<string, string>;
    // Unvalidated: the file's text as it comes (languages and skills as one string each).
    write({ ...r, email: r.email || undefined, phone: r.phone || undefined } as unknown as ReferralInput);
    count++;
  }
} else {
  for await (const { result } of readReferralCsv(fs.createReadStream(file), { maxBytes: Number.MAX_SAFE_INTEGER, maxRows: Number.MAX_SAFE_INTEGER })) {
    if (!result.ok) continue;
    write(result.value);
    count++;
  }
}
writeKeys();
sqlite.exec("COMMIT");
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
console.log(JSON.stringify({ seconds, created: count, peakRssMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576) }));
sqlite.close();
