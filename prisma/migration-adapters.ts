// Workarounds for the early-access JS schema engine of Prisma 6.19 (used only by the Prisma CLI,
// never by the app). Each wraps one known engine/adapter bug; see docs/decisions/002-prisma-setup.md.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
} from "@prisma/driver-adapter-utils";

type Patch = (adapter: SqlDriverAdapter) => SqlDriverAdapter;

function patchedFactory(
  inner: SqlMigrationAwareDriverAdapterFactory,
  patch: Patch,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => patch(await inner.connect()),
    connectToShadowDb: async () => patch(await inner.connectToShadowDb()),
  };
}

function override(adapter: SqlDriverAdapter, methods: Partial<SqlDriverAdapter>): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, key, receiver) {
      if (key in methods) return methods[key as keyof SqlDriverAdapter];
      const value = Reflect.get(target, key, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const EMPTY_RESULT = { columnNames: [], columnTypes: [], rows: [] };

export function sqliteMigrationAdapter(file: string): SqlMigrationAwareDriverAdapterFactory {
  return patchedFactory(new PrismaBetterSQLite3({ url: file }), (adapter) =>
    override(adapter, {
      // A fresh database has no _prisma_migrations yet; the engine expects "no rows" (else P1014).
      async queryRaw(query: SqlQuery) {
        try {
          return await adapter.queryRaw(query);
        } catch (error) {
          if (/no such table: _prisma_migrations/.test(String((error as Error)?.message ?? error)))
            return EMPTY_RESULT;
          throw error;
        }
      },
    }),
  );
}

export function postgresMigrationAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const pool = new pg.Pool({ connectionString: url, Client: NameAsTextClient });
  return patchedFactory(new PrismaPg(pool), (adapter) =>
    override(adapter, {
      // The engine splits scripts on every ";" (breaking function bodies); send it whole.
      async executeScript(script: string) {
        await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
      },
    }),
  );
}

const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;

/** Catalog columns of type `name` cannot be deserialised by the adapter (prisma/orm#27403). */
class NameAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's overloads cannot be re-declared
  override query(...args: any[]): any {
    const fix = (res: pg.QueryResult | undefined) => {
      for (const field of res?.fields ?? [])
        if (field.dataTypeID === PG_NAME_OID) field.dataTypeID = PG_TEXT_OID;
      return res;
    };
    const last = args.length - 1;
    const callback = args[last];
    // pg.Pool calls query with a callback; direct callers get a promise.
    if (typeof callback === "function")
      args[last] = (error: Error | null, res: pg.QueryResult) => callback(error, fix(res));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as (...a: any[]) => any)(...args);
    return result && typeof result.then === "function" ? result.then(fix) : result;
  }
}
