// Text encrypted at rest (coaching-session notes): AES-256-GCM with a random 96-bit IV per value.
// A sealed value names the key that sealed it, so a rotated key keeps older values readable:
// the current key seals, the current and previous keys open.
import crypto from "node:crypto";
import { env } from "./env.server";

const FORMAT = "v1";

interface Key {
  id: string;
  bytes: Buffer;
}

/** A configured secret (any string of ≥ 32 characters) as a 256-bit key and a short public id. */
function toKey(secret: string): Key {
  const bytes = Buffer.from(crypto.hkdfSync("sha256", secret, "harbor", "sealed-text", 32));
  return { id: crypto.createHash("sha256").update(bytes).digest("base64url").slice(0, 8), bytes };
}

export interface Sealer {
  /** `aad` binds the value to its row (a note moved to another session no longer opens). */
  seal(plaintext: string, aad: string): string;
  /** The plaintext, or null when the value was tampered with or its key is no longer configured. */
  open(sealed: string, aad: string): string | null;
}

/** Seals with `current`; opens what `current` or any of `previous` sealed. */
export function createSealer(current: string, previous: readonly string[] = []): Sealer {
  const sealing = toKey(current);
  const opening = new Map([sealing, ...previous.map(toKey)].map((key) => [key.id, key]));
  return {
    seal(plaintext, aad) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv("aes-256-gcm", sealing.bytes, iv);
      cipher.setAAD(Buffer.from(aad));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [FORMAT, sealing.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
    },
    open(sealed, aad) {
      const [format, keyId, iv, tag, body, ...rest] = sealed.split(".");
      const key = keyId ? opening.get(keyId) : undefined;
      if (format !== FORMAT || !key || iv === undefined || tag === undefined || body === undefined || rest.length > 0) return null;
      try {
        const decipher = crypto.createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
        decipher.setAAD(Buffer.from(aad));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        return null;
      }
    },
  };
}

let configured: Sealer | undefined;
/** The sealer for coaching notes, from NOTES_ENCRYPTION_KEY and NOTES_ENCRYPTION_PREVIOUS_KEYS. */
export function notesSealer(): Sealer {
  if (!configured) {
    const { NOTES_ENCRYPTION_KEY, NOTES_ENCRYPTION_PREVIOUS_KEYS } = env();
    configured = createSealer(NOTES_ENCRYPTION_KEY, NOTES_ENCRYPTION_PREVIOUS_KEYS.split(",").map((s) => s.trim()).filter(Boolean));
  }
  return configured;
}
