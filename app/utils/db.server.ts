import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "~/generated/postgres/client";
import { PrismaClient } from "~/generated/sqlite/client";
import { resolveDatabaseTarget } from "./database-url";

export type { PrismaClient };
export type Db = PrismaClient;

/**
 * One Prisma client per process, over the SQLite file by default or PostgreSQL when DATABASE_URL
 * says so. Both clients are generated from the same models, so the SQLite client's types describe
 * both (docs/decisions/002-prisma-setup.md).
 */
function createClient(): PrismaClient {
  const target = resolveDatabaseTarget(process.env.DATABASE_URL);
  if (target.provider === "postgres") {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }) });
    return client as unknown as PrismaClient;
  }
  fs.mkdirSync(path.dirname(target.file), { recursive: true });
  // WAL lets readers run beside the writer; busy_timeout waits for a lock instead of failing.
  const adapter = new PrismaBetterSQLite3({ url: target.file, timeout: 5000 });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = createClient();

/** Pragmas that must be set per connection on SQLite. */
export async function prepareDatabase(): Promise<void> {
  if (resolveDatabaseTarget(process.env.DATABASE_URL).provider !== "sqlite") return;
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
}

/** True once the database answers a trivial query. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
