import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
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
  // busy timeout: wait up to 5 s for a lock instead of failing at once.
  const sqlite = new PrismaBetterSQLite3({ url: target.file, timeout: 5000 });
  const adapter: SqlDriverAdapterFactory = {
    provider: sqlite.provider,
    adapterName: sqlite.adapterName,
    async connect() {
      const connection = await sqlite.connect();
      // WAL lets readers run beside the writer, and with synchronous=NORMAL a commit does not wait
      // for a disk flush (still crash-safe in WAL mode; a power cut can lose the last commits,
      // never corrupt the file). Without them every small write costs a flush: ~14 ms per
      // invitation on these machines.
      await connection.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
      return connection;
    },
  };
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = createClient();

/** True once the database answers a trivial query. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
