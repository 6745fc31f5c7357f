import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type Readable } from "node:stream";

/**
 * Uploaded referral files wait here between preview and confirmation (outside public/, in the
 * git-ignored data folder), named by organisation and content hash so a confirmation can only
 * import exactly the file that was previewed.
 */
function stagingDir(): string {
  return path.resolve(process.env.UPLOADS_DIR ?? path.join(process.cwd(), "data", "uploads"), "staging");
}

function stagedPath(organisationId: string, contentHash: string): string {
  if (!/^[a-f0-9]{64}$/.test(contentHash) || !/^[\w-]+$/.test(organisationId)) throw new Error("bad staging key");
  return path.join(stagingDir(), `${organisationId}-${contentHash}.csv`);
}

export async function stageUpload(organisationId: string, bytes: Uint8Array): Promise<string> {
  const contentHash = crypto.createHash("sha256").update(bytes).digest("hex");
  fs.mkdirSync(stagingDir(), { recursive: true });
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
