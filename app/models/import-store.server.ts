import Database from "better-sqlite3";
import { Prisma } from "~/generated/sqlite/client";
import { resolveDatabaseTarget } from "~/utils/database-url";
import { db } from "~/utils/db.server";

/**
 * The few statements a bulk referral import needs, all or nothing. On SQLite they run through
 * better-sqlite3 directly (prepared statements, no query engine): the benchmark in
 * bench/csv-import measured Prisma's raw-query path at ~3,600 rows/s, far below the goal.
 * On PostgreSQL they run as raw queries in one Prisma transaction. Same SQL either way.
 */
export interface ImportStore {
  /** Records the batch; throws BatchAlreadyImported if this organisation imported this file. */
  claimBatch(organisationId: string, contentHash: string, createdById: string): Promise<void>;
  finishBatch(organisationId: string, contentHash: string, rowCount: number): Promise<void>;
  referralIdsByExternalId(organisationId: string, externalIds: string[]): Promise<Array<{ id: string; externalId: string }>>;
  /**
   * The most recent `perKey` records for each key, most recent first: referrals with what
   * duplicate detection compares (null when the referral is gone), or registered users (by id,
   * see `candidates`). Records staged by this import come before saved ones.
   */
  keyMatches(keys: string[], perKey: number): Promise<KeyMatch[]>;
  /** Registered candidates (by user id), for matching people who registered without a referral. */
  candidates(userIds: string[]): Promise<Array<{ id: string; nativeName: string; latinName: string; email: string | null; phone: string | null; dateOfBirth: string | null }>>;
  /** Rows given one after the other in `values`, `columns.length` values each. */
  insert(table: "Referral" | "PersonKey" | "DuplicateFlag", columns: readonly string[], values: unknown[]): Promise<void>;
}

export interface KeyMatch {
  key: string;
  referralId: string | null;
  userId: string | null;
  givenName: string | null;
  familyName: string | null;
  latinName: string | null;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
}

export class BatchAlreadyImported extends Error {}

/** Rows per multi-row INSERT: few statements, and far below the bound-parameter limits (SQLite 32,766, PostgreSQL 65,535). */
const ROWS_PER_STATEMENT = 256;

/** Prisma stores SQLite DateTimes as ISO text with an explicit offset; raw writes must match. */
export const sqliteTimestamp = (date: Date) => date.toISOString().replace("Z", "+00:00");

const q = (name: string) => `"${name}"`;
const placeholders = (n: number) => `(${Array.from({ length: n }, () => "?").join(", ")})`;

/** What duplicate detection compares of a referral ("r"). */
const PERSON = ["givenName", "familyName", "latinName", "email", "phone", "dateOfBirth"].map((column) => `"r".${q(column)}`).join(", ");

const SQL = {
  claim: `INSERT INTO "ReferralBatch" ("id", "organisationId", "createdById", "contentHash", "rowCount", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`,
  batchExists: `SELECT 1 FROM "ReferralBatch" WHERE "organisationId" = ? AND "contentHash" = ?`,
  /** The keys as one JSON array: their number changes with every chunk, the statement does not. */
  stagedKeys: `SELECT "recent"."key", "recent"."referralId", NULL AS "userId", ${PERSON} FROM (SELECT "key", "referralId", ROW_NUMBER() OVER (PARTITION BY "key" ORDER BY rowid DESC) AS "rank" FROM staging."PersonKey" WHERE "key" IN (SELECT "value" FROM json_each(?))) AS "recent" JOIN staging."Referral" AS "r" ON "r"."id" = "recent"."referralId" WHERE "rank" <= ? ORDER BY "rank"`,
  finish: `UPDATE "ReferralBatch" SET "rowCount" = ? WHERE "organisationId" = ? AND "contentHash" = ?`,
  external: (n: number) => `SELECT "id", "externalId" FROM "Referral" WHERE "organisationId" = ? AND "externalId" IN ${placeholders(n)}`,
  keys: (n: number) =>
    `SELECT "recent"."key", "recent"."referralId", "recent"."userId", ${PERSON} FROM (SELECT "key", "referralId", "userId", ROW_NUMBER() OVER (PARTITION BY "key" ORDER BY "id" DESC) AS "rank" FROM "PersonKey" WHERE "key" IN ${placeholders(n)}) AS "recent" LEFT JOIN "Referral" AS "r" ON "r"."id" = "recent"."referralId" WHERE "rank" <= ? ORDER BY "rank"`,
  candidates: (n: number) =>
    `SELECT "User"."id", "nativeName", "latinName", "email", "phone", "dateOfBirth" FROM "User" JOIN "CandidateProfile" ON "CandidateProfile"."userId" = "User"."id" WHERE "User"."id" IN ${placeholders(n)}`,
  insert: (table: string, columns: readonly string[], rows: number) =>
    `INSERT INTO ${q(table)} (${columns.map(q).join(", ")}) VALUES ${Array.from({ length: rows }, () => placeholders(columns.length)).join(", ")}`,
};

function isUniqueViolation(error: unknown): boolean {
  // better-sqlite3 directly, a Prisma model call, or a raw query through the PostgreSQL adapter (P2010).
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  return (
    e?.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    e?.code === "P2002" ||
    e?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation"
  );
}

/**
 * A Bloom filter of strings: `mayHave` is false only for strings never added. 2^24 bits (2 MiB,
 * outside the JavaScript heap) and 3 probes: about 3% false positives at 2 million strings, more
 * beyond, never a wrong "no".
 */
class KeyFilter {
  private readonly bits = new Int32Array(1 << 19);
  private h1 = 0;
  private h2 = 0;

  add(text: string): void {
    this.hash(text);
    for (let k = 0; k < 3; k++) {
      const bit = this.bit(k);
      this.bits[bit >>> 5] = (this.bits[bit >>> 5] ?? 0) | (1 << (bit & 31));
    }
  }

  mayHave(text: string): boolean {
    this.hash(text);
    for (let k = 0; k < 3; k++) {
      const bit = this.bit(k);
      if (((this.bits[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  /** Two FNV-1a style hashes of the text; probe k is h1 + k·h2 (Kirsch–Mitzenmacher). */
  private hash(text: string): void {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    this.h1 = h1;
    this.h2 = h2 | 1;
  }

  private bit(k: number): number {
    return (this.h1 + k * this.h2) & 0xffffff;
  }
}

/** Runs `work` in one transaction on the configured database; rolls back if it throws. */
export async function withImportStore<T>(work: (store: ImportStore, now: () => unknown) => Promise<T>): Promise<T> {
  const target = resolveDatabaseTarget(process.env.DATABASE_URL);
  if (target.provider === "sqlite") return withSqliteStore(target.file, work);
  return db.$transaction((tx) => work(prismaStore(tx), () => new Date()), { timeout: 30 * 60_000, maxWait: 60_000 });
}

/**
 * SQLite: the import writes into a private temporary database attached to its own connection,
 * reading the main database alongside (WAL readers take no lock). Only the final copy into the
 * main tables takes the write lock, in one synchronous step. better-sqlite3 waits for locks
 * synchronously, so a write lock held across awaits would stall every other writer in the
 * process (and two imports would deadlock); this way the lock is held for the copy alone.
 */
async function withSqliteStore<T>(file: string, work: (store: ImportStore, now: () => unknown) => Promise<T>): Promise<T> {
  // The same 5 s busy timeout as the app's own connection (app/utils/db.server.ts).
  const connection = new Database(file, { timeout: 5_000 });
  try {
    connection.pragma("journal_mode = WAL");
    connection.pragma("synchronous = NORMAL");
    // '' is a private on-disk temporary database, removed when the connection closes.
    connection.exec(`ATTACH DATABASE '' AS staging`);
    // A scratch database: no journal, no flushes, and a cache large enough for its indexes
    // (native memory, not the JavaScript heap).
    connection.exec(`PRAGMA staging.journal_mode = OFF; PRAGMA staging.synchronous = OFF; PRAGMA staging.cache_size = -65536;`);
    connection.pragma("main.cache_size = -65536");
    connection.exec(`
      CREATE TABLE staging."Referral" AS SELECT * FROM main."Referral" WHERE 0;
      CREATE TABLE staging."PersonKey" ("key" TEXT NOT NULL, "referralId" TEXT NOT NULL);
      CREATE INDEX staging."PersonKey_key" ON "PersonKey" ("key");
      CREATE TABLE staging."DuplicateFlag" AS SELECT * FROM main."DuplicateFlag" WHERE 0;
      CREATE INDEX staging."Referral_external" ON "Referral" ("organisationId", "externalId");
      CREATE UNIQUE INDEX staging."Referral_id" ON "Referral" ("id");
    `);
    const statements = new Map<string, Database.Statement>();
    const prepare = (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) {
        statement = connection.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    };
    const stagedKeys = new KeyFilter();
    let batch: { organisationId: string; contentHash: string; createdById: string; rowCount: number } | null = null;
    const both = (sql: string) => `${sql.replaceAll('FROM "', 'FROM main."')} UNION ALL ${sql.replaceAll('FROM "', 'FROM staging."')}`;
    const store: ImportStore = {
      async claimBatch(organisationId, contentHash, createdById) {
        if (prepare(SQL.batchExists).get(organisationId, contentHash)) throw new BatchAlreadyImported();
        batch = { organisationId, contentHash, createdById, rowCount: 0 };
      },
      async finishBatch(_organisationId, _contentHash, rowCount) {
        if (batch) batch.rowCount = rowCount;
      },
      async referralIdsByExternalId(organisationId, externalIds) {
        return prepare(both(SQL.external(externalIds.length))).all(organisationId, ...externalIds, organisationId, ...externalIds) as Array<{ id: string; externalId: string }>;
      },
      async keyMatches(keys, perKey) {
        const saved = prepare(SQL.keys(keys.length)).all(...keys, perKey) as KeyMatch[];
        // Most keys (every new email and phone) were never staged: the filter spares their lookups.
        const maybeStaged = keys.filter((key) => stagedKeys.mayHave(key));
        if (maybeStaged.length === 0) return saved;
        const staged = prepare(SQL.stagedKeys).all(JSON.stringify(maybeStaged), perKey) as KeyMatch[];
        return [...staged, ...saved];
      },
      async candidates(userIds) {
        return prepare(SQL.candidates(userIds.length)).all(...userIds) as Awaited<ReturnType<ImportStore["candidates"]>>;
      },
      async insert(table, columns, values) {
        // Fixed-size multi-row statements, prepared once, then single rows for the rest: with
        // better-sqlite3 that beats preparing a differently sized statement per call.
        const width = columns.length;
        const many = prepare(SQL.insert(`staging"."${table}`, columns, ROWS_PER_STATEMENT));
        const one = prepare(SQL.insert(`staging"."${table}`, columns, 1));
        let i = 0;
        for (const size = ROWS_PER_STATEMENT * width; i + size <= values.length; i += size) many.run(values.slice(i, i + size));
        for (; i < values.length; i += width) one.run(values.slice(i, i + width));
        if (table === "PersonKey") for (let k = columns.indexOf("key"); k < values.length; k += width) stagedKeys.add(String(values[k]));
      },
    };
    // One read transaction for the whole staging phase: it writes only the scratch database (no
    // lock on main) and spares a commit per chunk. Committed before the copy, which needs a fresh
    // snapshot to take the write lock.
    connection.exec("BEGIN");
    let result: T;
    try {
      result = await work(store, () => sqliteTimestamp(new Date()));
    } finally {
      if (connection.inTransaction) connection.exec("COMMIT");
    }
    const claimed = batch as { organisationId: string; contentHash: string; createdById: string; rowCount: number } | null;
    // The only moment the main database is locked: one synchronous copy, nothing awaited.
    connection.transaction(() => {
      if (claimed) {
        try {
          prepare(SQL.claim).run(crypto.randomUUID(), claimed.organisationId, claimed.createdById, claimed.contentHash, claimed.rowCount, sqliteTimestamp(new Date()));
        } catch (error) {
          if (isUniqueViolation(error)) throw new BatchAlreadyImported();
          throw error;
        }
      }
      connection.exec(`
        INSERT INTO main."Referral" SELECT * FROM staging."Referral";
        INSERT INTO main."PersonKey" ("key", "referralId") SELECT "key", "referralId" FROM staging."PersonKey";
        INSERT INTO main."DuplicateFlag" SELECT * FROM staging."DuplicateFlag";
      `);
    }).immediate();
    return result;
  } finally {
    connection.close();
  }
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

function prismaStore(tx: Tx): ImportStore {
  const raw = (sql: string, params: unknown[]) => {
    const parts = sql.split("?");
    return Prisma.sql(parts, ...params);
  };
  return {
    async claimBatch(organisationId, contentHash, createdById) {
      try {
        await tx.$executeRaw(raw(SQL.claim, [crypto.randomUUID(), organisationId, createdById, contentHash, 0, new Date()]));
      } catch (error) {
        if (isUniqueViolation(error)) throw new BatchAlreadyImported();
        throw error;
      }
    },
    async finishBatch(organisationId, contentHash, rowCount) {
      await tx.$executeRaw(raw(SQL.finish, [rowCount, organisationId, contentHash]));
    },
    referralIdsByExternalId: (organisationId, externalIds) => tx.$queryRaw(raw(SQL.external(externalIds.length), [organisationId, ...externalIds])),
    keyMatches: (keys, perKey) => tx.$queryRaw(raw(SQL.keys(keys.length), [...keys, perKey])),
    candidates: (userIds) => tx.$queryRaw(raw(SQL.candidates(userIds.length), userIds)),
    async insert(table, columns, values) {
      const size = ROWS_PER_STATEMENT * columns.length;
      for (let i = 0; i < values.length; i += size) {
        const part = values.slice(i, i + size);
        await tx.$executeRaw(raw(SQL.insert(table, columns, part.length / columns.length), part));
      }
    },
  };
}
