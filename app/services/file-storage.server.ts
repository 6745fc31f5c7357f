import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { attachmentDisposition } from "~/domain/profile/file-type";
import { db, type Db } from "~/utils/db.server";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * The one module that stores uploaded files. Files live under UPLOADS_DIR (default
 * data/uploads, git-ignored, outside public/ so nothing is ever served statically), named by a
 * random key that says nothing about the person or the file; the StoredFile row holds the
 * person's name for it, its type, size and SHA-256.
 */
export function uploadsDir(): string {
  return path.resolve(process.cwd(), process.env.UPLOADS_DIR || path.join("data", "uploads"));
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function pathOf(storageKey: string): string {
  // Keys are only ever ours, but a path is built from them: refuse anything that is not a key.
  if (!KEY_PATTERN.test(storageKey)) throw new Error("invalid storage key");
  return path.join(uploadsDir(), storageKey);
}

export interface NewFile {
  ownerUserId: string;
  purpose: "cv" | "evidence";
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface StoredFileRecord {
  id: string;
  storageKey: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

const storedFileSelect = { id: true, storageKey: true, fileName: true, contentType: true, size: true, sha256: true, createdAt: true } as const;

/**
 * Writes the bytes, then records them. If recording fails the bytes are removed again, so a
 * file on disk always has its row (the reverse — a row whose file was removed after a commit
 * failed midway — only ever leaves a download that answers 404).
 */
export async function saveFile(file: NewFile, tx?: Tx): Promise<StoredFileRecord> {
  const storageKey = crypto.randomBytes(32).toString("base64url");
  const sha256 = crypto.createHash("sha256").update(file.bytes).digest("hex");
  const target = pathOf(storageKey);
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  await fs.writeFile(target, file.bytes, { flag: "wx", mode: 0o600 });
  try {
    return await (tx ?? db).storedFile.create({
      data: {
        ownerUserId: file.ownerUserId,
        purpose: file.purpose,
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.bytes.byteLength,
        sha256,
        storageKey,
      },
      select: storedFileSelect,
    });
  } catch (error) {
    await deleteFile(storageKey);
    throw error;
  }
}

/** The bytes of a stored file, or null when they are gone. */
export async function readFile(storageKey: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(pathOf(storageKey));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * A stored file as a download, once the caller has authorised it: always an attachment, with the
 * type Harbor checked at upload and nosniff, so a browser never renders it; 404 when the bytes are gone.
 */
export async function downloadResponse(file: { storageKey: string; contentType: string; fileName: string }): Promise<Response> {
  const bytes = await readFile(file.storageKey);
  if (!bytes) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": attachmentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/** Removes the bytes (the caller deletes the row, usually in its own transaction first). */
export async function deleteFile(storageKey: string): Promise<void> {
  await fs.rm(pathOf(storageKey), { force: true });
}

/** Whether the bytes of a file are on disk (for tests and the erasure check). */
export async function fileExists(storageKey: string): Promise<boolean> {
  try {
    await fs.access(pathOf(storageKey));
    return true;
  } catch {
    return false;
  }
}
