import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { uploadsDir } from "~/services/file-storage.server";

/**
 * Uploaded referral files wait here between preview and confirmation (outside public/, in the
 * git-ignored data folder), named by organisation and content hash so a confirmation can only
 * import exactly the file that was previewed.
 */
function stagingDir(): string {
  return path.join(uploadsDir(), "staging");
}

/** Previews nobody confirmed hold personal data too: they are removed after a day. */
const STAGED_LIFETIME_MS = 24 * 60 * 60 * 1000;

async function removeExpired(): Promise<void> {
  const dir = stagingDir();
  for (const name of await fs.promises.readdir(dir).catch(() => [])) {
    const file = path.join(dir, name);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (stat && Date.now() - stat.mtimeMs > STAGED_LIFETIME_MS) await fs.promises.rm(file, { force: true });
  }
}

function stagedPath(organisationId: string, contentHash: string): string {
  if (!/^[a-f0-9]{64}$/.test(contentHash) || !/^[\w-]+$/.test(organisationId)) throw new Error("bad staging key");
  return path.join(stagingDir(), `${organisationId}-${contentHash}.csv`);
}

export async function stageUpload(organisationId: string, bytes: Uint8Array): Promise<string> {
  const contentHash = crypto.createHash("sha256").update(bytes).digest("hex");
  fs.mkdirSync(stagingDir(), { recursive: true });
  await removeExpired();
  await fs.promises.writeFile(stagedPath(organisationId, contentHash), bytes, { mode: 0o600 });
  return contentHash;
}

export function readStagedUpload(organisationId: string, contentHash: string): Readable | null {
  const file = stagedPath(organisationId, contentHash);
  return fs.existsSync(file) ? fs.createReadStream(file) : null;
}

export async function discardStagedUpload(organisationId: string, contentHash: string): Promise<void> {
  await fs.promises.rm(stagedPath(organisationId, contentHash), { force: true });
}
