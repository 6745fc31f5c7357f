import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { resolveDatabaseTarget } from "./app/utils/database-url";
import { postgresMigrationAdapter, sqliteMigrationAdapter } from "./prisma/migration-adapters";

// Prisma's CLI cannot download its native engines here, so it runs the JS schema engine over
// the same driver adapters the app uses (docs/decisions/002-prisma-setup.md).
const target = resolveDatabaseTarget(process.env.DATABASE_URL);
// The schema must load even when DATABASE_URL is unset, or the CLI tries to fetch an engine.
process.env.DATABASE_URL ??= `file:${target.provider === "sqlite" ? target.file : ""}`;

export default defineConfig(
  target.provider === "sqlite"
    ? {
        experimental: { adapter: true },
        engine: "js",
        schema: "prisma/schema.prisma",
        migrations: { path: "prisma/migrations" },
        async adapter() {
          fs.mkdirSync(path.dirname(target.file), { recursive: true });
          return sqliteMigrationAdapter(target.file);
        },
      }
    : {
        experimental: { adapter: true },
        engine: "js",
        schema: "prisma/postgres/schema.prisma",
        migrations: { path: "prisma/postgres/migrations" },
        async adapter() {
          return postgresMigrationAdapter(target.url);
        },
      },
);
