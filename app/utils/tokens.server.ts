import crypto from "node:crypto";
import { env } from "./env.server";

/** A random, URL-safe secret (256 bits). */
export function randomToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** What the database stores of a token: a leak of the table does not yield usable tokens. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** A keyed hash for values that must be compared but never stored (emails, addresses in rate limits). */
export function keyedHash(purpose: string, value: string): string {
  return crypto.createHmac("sha256", env().SESSION_SECRET).update(`${purpose}:${value}`).digest("hex");
}
