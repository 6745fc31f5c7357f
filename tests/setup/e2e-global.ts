// Once per e2e run: build Harbor, start the real server on 127.0.0.1 with a fresh database.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { root, tmpDir } from "./paths";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    databaseFile: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForHealth(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Harbor exited early:\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Harbor did not become healthy:\n${output()}`);
}

export default async function setup(project: TestProject) {
  execFileSync(path.join(root, "node_modules/.bin/remix"), ["build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  fs.mkdirSync(tmpDir, { recursive: true });
  const databaseFile = path.join(tmpDir, `e2e-${process.pid}.db`);
  const uploadsDir = path.join(tmpDir, `e2e-uploads-${process.pid}`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(databaseFile + suffix, { force: true });
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let log = "";
  // node directly (not npx): killing a wrapper would leave the server running.
  const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: baseURL,
      DATABASE_URL: `file:${databaseFile}`,
      SESSION_SECRET: "e2e-session-secret-that-is-long-enough-0123456789",
      NOTES_ENCRYPTION_KEY: "e2e-notes-key-that-is-long-enough-0123456789abcd",
      RESEND_API_KEY: "",
      UPLOADS_DIR: uploadsDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  await waitForHealth(baseURL, server, () => log);
  project.provide("baseURL", baseURL);
  project.provide("databaseFile", databaseFile);

  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(databaseFile + suffix, { force: true });
    fs.rmSync(uploadsDir, { recursive: true, force: true });
  };
}
