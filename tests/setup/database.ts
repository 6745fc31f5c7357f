// Test databases on either engine: SQLite files by default, PostgreSQL databases on the cluster
// that TEST_POSTGRES_URL points at (scripts/test.sh starts one). Same tests, a switch of DATABASE_URL.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { tmpDir } from "./paths";

/** The PostgreSQL cluster to test against (a role with CREATEDB), or undefined for SQLite. */
export const postgresUrl = process.env.TEST_POSTGRES_URL || undefined;

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function onCluster(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A database name no other run or file uses, saying what it is for. */
const uniqueName = (label: string) => `${label}_${process.pid}_${crypto.randomUUID().slice(0, 8)}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase();

/** A new empty database, named after what it is for. Returns its DATABASE_URL. */
export async function createDatabase(label: string): Promise<string> {
  const name = uniqueName(label);
  if (postgresUrl) {
    await onCluster(`CREATE DATABASE "${name}"`);
    return withDatabase(postgresUrl, name);
  }
  fs.mkdirSync(tmpDir, { recursive: true });
  return `file:${path.join(tmpDir, `${name}.db`)}`;
}

/** A private copy of a (disconnected) database. Returns its DATABASE_URL. */
export async function copyDatabase(sourceUrl: string, label: string): Promise<string> {
  if (postgresUrl) {
    const name = uniqueName(label);
    await onCluster(`CREATE DATABASE "${name}" TEMPLATE "${new URL(sourceUrl).pathname.slice(1)}"`);
    return withDatabase(postgresUrl, name);
  }
  const target = await createDatabase(label);
  fs.copyFileSync(sourceUrl.slice("file:".length), target.slice("file:".length));
  return target;
}

export async function dropDatabase(url: string): Promise<void> {
  if (url.startsWith("file:")) {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(url.slice("file:".length) + suffix, { force: true });
    return;
  }
  await onCluster(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
}

/**
 * Reads a test's database directly, with `?` placeholders on both engines (for checks a page does
 * not show, such as an emailed link).
 */
export async function queryDatabase<T>(url: string, sql: string, ...params: unknown[]): Promise<T[]> {
  if (url.startsWith("file:")) {
    const sqlite = new Database(url.slice("file:".length), { readonly: true });
    try {
      return sqlite.prepare(sql).all(...params) as T[];
    } finally {
      sqlite.close();
    }
  }
  let n = 0;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
  } finally {
    await client.end();
  }
}
