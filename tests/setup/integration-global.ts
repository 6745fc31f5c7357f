// Once per run: one migrated, seeded database that every test file copies (never shares).
import type { TestProject } from "vitest/node";
import { createDatabase, dropDatabase } from "./database";
import { migrate } from "./migrate";

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const url = await createDatabase("integration_base");
  migrate(url);
  process.env.DATABASE_URL = url;
  const { seedDemoWorld } = await import("../../prisma/seed");
  const { db } = await import("../../app/utils/db.server");
  await (await import("../../app/models/taxonomy-import.server")).loadDefaultTaxonomyIfEmpty();
  await seedDemoWorld();
  await db.$disconnect();
  project.provide("baseDatabaseUrl", url);
  return () => dropDatabase(url);
}
