// Baseline: csv-parse straight into better-sqlite3 with one prepared INSERT in one transaction,
// no validation and no duplicate detection — the fastest this machine can load the same file.
import Database from "better-sqlite3";
import { parse } from "csv-parse";
import fs from "node:fs";

const [file, dbFile] = process.argv.slice(2) as [string, string];
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const sqlite = new Database(dbFile);
sqlite.pragma("journal_mode = WAL");
sqlite.exec(`CREATE TABLE IF NOT EXISTS raw_referral (externalId TEXT, givenName TEXT, familyName TEXT, email TEXT, phone TEXT, countryOfOrigin TEXT, currentCountry TEXT, languages TEXT, skills TEXT)`);
const insert = sqlite.prepare(`INSERT INTO raw_referral VALUES (@externalId, @givenName, @familyName, @email, @phone, @countryOfOrigin, @currentCountry, @languages, @skills)`);
const started = performance.now();
let count = 0;
sqlite.exec("BEGIN");
for await (const record of fs.createReadStream(file).pipe(parse({ columns: true, bom: true }))) {
  insert.run(record);
  count++;
}
sqlite.exec("COMMIT");
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
console.log(JSON.stringify({ seconds, created: count, peakRssMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576) }));
sqlite.close();
