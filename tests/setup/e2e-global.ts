// Once per e2e run: build Harbor, start the real server on 127.0.0.1 with a fresh database.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDatabase, dropDatabase } from "./database";
import { startHarbor } from "./harbor-server";
import { root } from "./paths";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  execFileSync(path.join(root, "node_modules/.bin/remix"), ["build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  const databaseUrl = await createDatabase("e2e");
  const harbor = await startHarbor(databaseUrl);
  project.provide("baseURL", harbor.baseURL);
  project.provide("databaseUrl", databaseUrl);

  return async () => {
    await harbor.stop();
    await dropDatabase(databaseUrl);
  };
}
