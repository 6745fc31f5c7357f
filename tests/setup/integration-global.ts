// Once per run: one migrated, seeded SQLite file that every test file copies (never shares).
import fs from "node:fs";
import { migrate } from "./migrate";
import { baseDatabase, tmpDir } from "./paths";

export default async function setup() {
  fs.mkdirSync(tmpDir, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(baseDatabase + suffix, { force: true });
  const url = `file:${baseDatabase}`;
  migrate(url);
  process.env.DATABASE_URL = url;
  const { seedDemoWorld } = await import("../../prisma/seed");
  const { db } = await import("../../app/utils/db.server");
  await (await import("../../app/models/taxonomy-import.server")).loadDefaultTaxonomyIfEmpty();
  await seedDemoWorld();
  await db.$disconnect();
}
