import path from "node:path";

export type DatabaseTarget =
  | { provider: "sqlite"; file: string }
  | { provider: "postgres"; url: string };

/** The embedded default: a SQLite file in the git-ignored data/ folder. */
export const DEFAULT_SQLITE_FILE = "data/harbor.db";

/**
 * Which database a DATABASE_URL selects. Unset → the SQLite file under data/;
 * `file:` → that SQLite file; `postgres(ql)://` → PostgreSQL.
 */
export function resolveDatabaseTarget(
  databaseUrl: string | undefined,
  cwd: string = process.cwd(),
): DatabaseTarget {
  const url = databaseUrl?.trim();
  if (!url) return { provider: "sqlite", file: path.resolve(cwd, DEFAULT_SQLITE_FILE) };
  if (/^postgres(ql)?:\/\//i.test(url)) return { provider: "postgres", url };
  if (url.startsWith("file:")) {
    return { provider: "sqlite", file: path.resolve(cwd, url.slice("file:".length)) };
  }
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL); got "${url.split(":")[0]}:…"`,
  );
}
