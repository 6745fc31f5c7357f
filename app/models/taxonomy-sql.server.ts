// Small helpers for the taxonomy's raw SQL, which must run unchanged on SQLite and PostgreSQL.
import { resolveDatabaseTarget } from "~/utils/database-url";

let postgres: boolean | undefined;

/**
 * Raw SQL here is written with `?` placeholders (SQLite's); PostgreSQL wants them numbered
 * ($1, $2, …). The provider is read once, like the Prisma client in db.server.ts. The SQL
 * written in these modules never contains a literal question mark.
 */
export function dialect(sql: string): string {
  postgres ??= resolveDatabaseTarget(process.env.DATABASE_URL).provider === "postgres";
  if (!postgres) return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** `(?, ?, ?), (?, ?, ?)` for a multi-row VALUES list; `row` may hold literals between the `?`. */
export function valuesList(rows: number, row: string): string {
  return Array.from({ length: rows }, () => row).join(", ");
}

/** `?, ?, ?` for an IN list. */
export function inList(count: number): string {
  return Array.from({ length: count }, () => "?").join(", ");
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** SQLite answers counts as BigInt, PostgreSQL as strings or numbers. */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint" || typeof value === "string") return Number(value);
  return 0;
}

/** SQLite answers booleans as 0/1 unless Prisma knows the column; PostgreSQL as booleans. */
export function toBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === "1" || value === "t" || value === "true";
}
