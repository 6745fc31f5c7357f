// Before each test file: a private copy of the seeded database, so files never share state.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { baseDatabase, tmpDir } from "./paths";

const file = path.join(tmpDir, `integration-${process.pid}-${crypto.randomUUID()}.db`);
fs.copyFileSync(baseDatabase, file);
process.env.DATABASE_URL = `file:${file}`;

afterAll(async () => {
  const { db } = await import("~/utils/db.server");
  await db.$disconnect();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
