// The Ed25519 key that signs badge credentials, and the public keys that verify them.
// Credentials are VC-JWTs per W3C VC-JOSE-COSE: a compact JWS whose payload is the credential
// JSON itself (docs/decisions/010-open-badges-credentials.md). Each JWS names its key by `kid`,
// so after a rotation the retired public key, kept in BADGE_PREVIOUS_PUBLIC_KEYS, still verifies
// every badge it signed.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { CompactSign, compactVerify, decodeProtectedHeader, errors, type JWK } from "jose";
import { z } from "zod";
import { type OpenBadgeCredential, OpenBadgeCredentialSchema } from "~/domain/badges/credential";
import { env } from "./env.server";

export const CREDENTIAL_MEDIA_TYPE = "application/vc+jwt";

const Base64Url = z.string().regex(/^[A-Za-z0-9_-]+$/);
const PublicJwkSchema = z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: Base64Url, kid: z.string().min(1) });
const PrivateJwkSchema = PublicJwkSchema.extend({ d: Base64Url });
type PublicJwk = z.infer<typeof PublicJwkSchema>;
type PrivateJwk = z.infer<typeof PrivateJwkSchema>;

export type CredentialVerification =
  | { valid: true; credential: OpenBadgeCredential; kid: string }
  | { valid: false; reason: "malformed" | "unknown_key" | "bad_signature" | "wrong_type" };

export interface BadgeKeys {
  /** A compact JWS over the credential JSON, signed with the current key. */
  signCredential(credential: object): Promise<string>;
  /** The current and previous public keys, for a JWKS document. */
  publicJwks(): { keys: JWK[] };
  verifyCredentialJwt(jwt: string): Promise<CredentialVerification>;
}

function parseJson<T>(schema: z.ZodType<T>, text: string, name: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${name} is not valid JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new Error(`${name} is not what Harbor expects: ${problems.join("; ")}`);
  }
  return parsed.data;
}

/** The public key that really belongs to `d`, so a mistyped `x` cannot publish a key that verifies nothing. */
function checkedPrivateJwk(jwk: PrivateJwk, name: string): PrivateJwk {
  const publicKey = crypto.createPublicKey(crypto.createPrivateKey({ key: jwk, format: "jwk" }));
  const { x } = publicKey.export({ format: "jwk" });
  if (x !== jwk.x) throw new Error(`${name}: "x" is not the public key of "d"`);
  return jwk;
}

/** RFC 7638 JWK thumbprint: a key id that anyone can recompute from the public key. */
function thumbprint(x: string): string {
  return crypto.createHash("sha256").update(JSON.stringify({ crv: "Ed25519", kty: "OKP", x })).digest("base64url");
}

/** Outside production a key is generated once and kept in the git-ignored data/ folder. */
function developmentKey(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const jwk = PrivateJwkSchema.omit({ kid: true }).parse(
      crypto.generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" }),
    );
    const text = JSON.stringify({ ...jwk, kid: thumbprint(jwk.x) });
    try {
      fs.writeFileSync(file, text, { mode: 0o600, flag: "wx" });
      return text;
    } catch {
      // Another process started at the same moment and wrote it first: use theirs.
      return fs.readFileSync(file, "utf8");
    }
  }
}

export function createBadgeKeys(config: {
  /** An Ed25519 private JWK with a `kid` (BADGE_SIGNING_KEY). */
  signingKeyJwk?: string;
  /** A JSON array of retired Ed25519 public JWKs, each with its `kid` (BADGE_PREVIOUS_PUBLIC_KEYS). */
  previousPublicKeys?: string;
  /** Where to keep a generated key when no signing key is configured; none in production. */
  developmentKeyFile?: string;
}): BadgeKeys {
  let signing: PrivateJwk;
  if (config.signingKeyJwk) {
    signing = checkedPrivateJwk(parseJson(PrivateJwkSchema, config.signingKeyJwk, "BADGE_SIGNING_KEY"), "BADGE_SIGNING_KEY");
  } else if (config.developmentKeyFile) {
    const file = config.developmentKeyFile;
    signing = checkedPrivateJwk(parseJson(PrivateJwkSchema, developmentKey(file), file), file);
  } else {
    throw new Error("BADGE_SIGNING_KEY is required in production: an Ed25519 private JWK with a kid");
  }
  const previous = config.previousPublicKeys
    ? parseJson(z.array(PublicJwkSchema), config.previousPublicKeys, "BADGE_PREVIOUS_PUBLIC_KEYS")
    : [];

  // Only the public members: a private key pasted into the previous list is never published.
  const publicKeys: PublicJwk[] = [signing, ...previous].map(({ kty, crv, x, kid }) => ({ kty, crv, x, kid }));
  const verifying = new Map(publicKeys.map((key) => [key.kid, key]));
  if (verifying.size !== publicKeys.length)
    throw new Error("BADGE_SIGNING_KEY and BADGE_PREVIOUS_PUBLIC_KEYS must not share a kid");

  return {
    signCredential(credential) {
      return new CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
        .setProtectedHeader({ alg: "EdDSA", kid: signing.kid, typ: "vc+jwt", cty: "vc" })
        .sign(signing);
    },

    publicJwks() {
      return { keys: publicKeys.map((key) => ({ ...key, use: "sig", alg: "EdDSA" })) };
    },

    async verifyCredentialJwt(jwt) {
      let header;
      try {
        header = decodeProtectedHeader(jwt);
      } catch {
        return { valid: false, reason: "malformed" };
      }
      if (header.typ !== "vc+jwt" || (header.cty !== undefined && header.cty !== "vc"))
        return { valid: false, reason: "wrong_type" };
      const key = header.kid === undefined ? undefined : verifying.get(header.kid);
      if (!key) return { valid: false, reason: "unknown_key" };

      let payload: Uint8Array;
      try {
        ({ payload } = await compactVerify(jwt, key, { algorithms: ["EdDSA"] }));
      } catch (error) {
        if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JOSEAlgNotAllowed)
          return { valid: false, reason: "bad_signature" };
        if (error instanceof errors.JOSEError) return { valid: false, reason: "malformed" };
        throw error;
      }

      let body: unknown;
      try {
        body = JSON.parse(new TextDecoder().decode(payload));
      } catch {
        return { valid: false, reason: "malformed" };
      }
      const credential = OpenBadgeCredentialSchema.safeParse(body);
      if (!credential.success) return { valid: false, reason: "wrong_type" };
      return { valid: true, credential: credential.data, kid: key.kid };
    },
  };
}

let configured: BadgeKeys | undefined;
/** The keys from BADGE_SIGNING_KEY and BADGE_PREVIOUS_PUBLIC_KEYS (validated at boot by env.server.ts). */
export function badgeKeys(): BadgeKeys {
  const { NODE_ENV, BADGE_SIGNING_KEY, BADGE_PREVIOUS_PUBLIC_KEYS } = env();
  configured ??= createBadgeKeys({
    signingKeyJwk: BADGE_SIGNING_KEY,
    previousPublicKeys: BADGE_PREVIOUS_PUBLIC_KEYS,
    developmentKeyFile: NODE_ENV === "production" ? undefined : path.resolve(process.cwd(), "data", "dev-badge-key.json"),
  });
  return configured;
}
