import { execFileSync } from "node:child_process";
import path from "node:path";
import { root } from "./paths";

/** Applies the migrations to a database, exactly as the server does on start. */
export function migrate(databaseUrl: string): void {
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
