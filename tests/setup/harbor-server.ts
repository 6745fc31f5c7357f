// Starts the built Harbor server (`node server/index.ts`, as in production) on 127.0.0.1.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { root, tmpDir } from "./paths";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export type RunningHarbor = { baseURL: string; log: () => string; stop: () => Promise<void> };

/** One instance on `databaseUrl`; resolves once /healthz answers. */
export async function startHarbor(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningHarbor> {
  fs.mkdirSync(tmpDir, { recursive: true });
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const uploadsDir = path.join(tmpDir, `uploads-${process.pid}-${port}`);
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
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: "e2e-session-secret-that-is-long-enough-0123456789",
      NOTES_ENCRYPTION_KEY: "e2e-notes-key-that-is-long-enough-0123456789abcd",
      RESEND_API_KEY: "",
      UPLOADS_DIR: uploadsDir,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise((r) => server.once("exit", r));
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(uploadsDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`Harbor exited early:\n${log}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Harbor did not become healthy:\n${log}`);
    }
    try {
      if ((await fetch(`${baseURL}/healthz`)).ok) return { baseURL, log: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
