// Brings a database up to this release: migrations (never `db push`), then the first-start data
// (the default taxonomy; demo data outside production). Each step is a no-op when already done.
// Run on start by a single instance, or once per release (`npm run db:migrate`) before several start.
import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export async function prepareDatabase(production: boolean): Promise<void> {
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  await (await import("../app/models/taxonomy-import.server")).loadDefaultTaxonomyIfEmpty();
  if (!production) await (await import("../prisma/seed")).seedDemoWorldIfEmpty();
}
