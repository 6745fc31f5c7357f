// Imports ESCO's official CSV export into Harbor's taxonomy (re-runnable: a second run changes nothing).
//   npx tsx scripts/import-esco.ts <file.csv|export.zip>... [--language xx] [--version v1.x.y] [--labels-only]
//   npx tsx scripts/import-esco.ts --default            Harbor's default set from prisma/data
//   npx tsx scripts/import-esco.ts --harbor-labels      only prisma/data/harbor-skill-labels.json
// The database is the one DATABASE_URL names (the SQLite file under data/ when unset).
// Language and version default to what the file names say (skills_uk.csv, esco-v1.2.0-…zip).
import path from "node:path";
import { parseArgs } from "node:util";
import { importDefaultTaxonomy, importEscoFile, importHarborLabels, taxonomySize } from "~/models/taxonomy-import.server";
import { db } from "~/utils/db.server";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    language: { type: "string" },
    version: { type: "string" },
    "labels-only": { type: "boolean", default: false },
    default: { type: "boolean", default: false },
    "harbor-labels": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

const USAGE = `Usage:
  npx tsx scripts/import-esco.ts <file.csv|export.zip>... [--language xx] [--version v1.x.y] [--labels-only]
  npx tsx scripts/import-esco.ts --default
  npx tsx scripts/import-esco.ts --harbor-labels

  --language      language of the labels (default: from the file name, e.g. skills_uk.csv → uk)
  --version       ESCO version (default: from the file name, e.g. esco-v1.2.0-…zip → v1.2.0)
  --labels-only   add labels to concepts already loaded; create no concepts
  --default       load Harbor's default set (ESCO collections and branches, en/fr/es, Harbor labels)
  --harbor-labels re-import prisma/data/harbor-skill-labels.json after editing it`;

async function main(): Promise<number> {
  if (values.help || (!values.default && !values["harbor-labels"] && positionals.length === 0)) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (values.default) {
    const report = await importDefaultTaxonomy();
    console.log(`default taxonomy loaded in ${report.milliseconds} ms`);
  }
  for (const file of positionals) {
    const started = performance.now();
    const total = await importEscoFile(path.resolve(file), {
      language: values.language,
      version: values.version,
      labelsOnly: values["labels-only"],
      onFile: (name, stats) => console.log(stats === "ignored" ? `  ${name}: skipped (not imported by Harbor)` : `  ${name}: ${JSON.stringify(stats)}`),
    });
    console.log(`${file}: ${JSON.stringify(total)} in ${Math.round(performance.now() - started)} ms`);
  }
  if (values["harbor-labels"] || positionals.length > 0) {
    // Harbor's labels go on last, so that concepts a new file brought in get theirs too.
    console.log(`Harbor labels: ${JSON.stringify(await importHarborLabels())}`);
  }
  console.log(JSON.stringify(await taxonomySize()));
  return 0;
}

main()
  .then(async (code) => {
    await db.$disconnect();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await db.$disconnect();
    process.exit(1);
  });
