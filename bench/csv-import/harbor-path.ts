// The real import path: streaming parse + validation (readReferralCsv), skill resolution,
// duplicate detection and the all-or-nothing transaction (importReferrals). Run in its own
// process so its heap limit and peak memory are its own. Prints one JSON line.
import fs from "node:fs";
import { readReferralCsv } from "../../app/domain/intake/referral-csv";
import type { ReferralInput } from "../../app/domain/intake/referral-input";
import { createSkillResolver, importReferrals } from "../../app/models/referral.server";
import { db } from "../../app/utils/db.server";

const [file] = process.argv.slice(2) as [string];
const { id: organisationId } = await db.organisation.upsert({
  where: { slug: "bench" },
  create: { slug: "bench", name: "Bench NGO", kind: "ngo" },
  update: {},
  select: { id: true },
});
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const resolve = createSkillResolver();
let invalid = 0;
async function* rows(): AsyncGenerator<{ row: number; value: ReferralInput }> {
  for await (const { row, result } of readReferralCsv(fs.createReadStream(file), { maxBytes: Number.MAX_SAFE_INTEGER, maxRows: Number.MAX_SAFE_INTEGER })) {
    if (result.ok) yield { row, value: await resolve(result.value) };
    else invalid++;
  }
}
const started = performance.now();
const outcome = await importReferrals({ organisationId, actorUserId: null, rows: rows() });
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(JSON.stringify({ seconds, ...outcome.summary, invalid, peakRssMb: Math.round(peak / 1048576) }));
await db.$disconnect();
