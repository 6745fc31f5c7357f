// Before each test file: a private copy of the seeded database, so files never share state.
import { afterAll, inject } from "vitest";
import { copyDatabase, dropDatabase } from "./database";

const url = await copyDatabase(inject("baseDatabaseUrl"), "integration");
process.env.DATABASE_URL = url;

afterAll(async () => {
  const { db } = await import("~/utils/db.server");
  await db.$disconnect();
  await dropDatabase(url);
});
