import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { calculateJwkThumbprint } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { buildOpenBadgeCredential } from "~/domain/badges/credential";
import { buildStatusListCredential, emptyStatusList, encodeStatusList } from "~/domain/badges/status-list";
import { createBadgeKeys } from "./badge-keys.server";

function newPrivateJwk(kid: string): string {
  const jwk = crypto.generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" });
  return JSON.stringify({ ...jwk, kid });
}

function publicPart(privateJwk: string): string {
  const { kty, crv, x, kid } = JSON.parse(privateJwk);
  return JSON.stringify({ kty, crv, x, kid });
}

const credential = buildOpenBadgeCredential({
  id: "https://harbor.example.org/badges/6d1f3c0a-8f0e-4a43-9a55-2b4f7c1e9d10",
  issuer: { id: "https://harbor.example.org/issuer", name: "Harbor", url: "https://harbor.example.org" },
  subjectId: "urn:uuid:0b7c4f4e-2d1a-4c7e-9a3b-5f6e7d8c9a0b",
  validFrom: new Date("2025-03-01T10:00:00Z"),
  language: "ar",
  achievement: {
    id: "https://harbor.example.org/badges/definitions/customer-service-1",
    name: "خدمة العملاء",
    description: "يتعامل مع طلبات العملاء وشكاواهم.",
    criteria: "مقابلة مع مقيّم.",
    imageUrl: "https://harbor.example.org/badges/definitions/customer-service-1/image.svg",
    skills: [{ name: "customer service", escoUri: "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000003" }],
  },
  evidence: [{ name: "مقابلة", narrative: "أجابت عن أسئلة الحالة." }],
  status: { listUrl: "https://harbor.example.org/badges/status/1", index: 7 },
});

/**
 * A verifier written from RFC 7515/8037 with node:crypto alone, so that a mistake in how we call
 * jose cannot hide in both signing and checking.
 */
function independentlyVerify(jwt: string, publicJwks: { keys: crypto.JsonWebKey[] }): { header: Record<string, unknown>; payload: unknown } | null {
  const parts = jwt.split(".");
  if (parts.length !== 3) return null;
  const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];
  const header = JSON.parse(Buffer.from(encodedHeader, "base64url").toString("utf8"));
  if (header.alg !== "EdDSA" || header.typ !== "vc+jwt" || header.cty !== "vc") return null;
  const jwk = publicJwks.keys.find((key) => key.kid === header.kid);
  if (!jwk) return null;
  const ok = crypto.verify(
    null,
    Buffer.from(`${encodedHeader}.${encodedPayload}`, "ascii"),
    crypto.createPublicKey({ key: jwk, format: "jwk" }),
    Buffer.from(encodedSignature, "base64url"),
  );
  return ok ? { header, payload: JSON.parse(Buffer.from(encodedPayload, "base64url").toString("utf8")) } : null;
}

const OLD = newPrivateJwk("harbor-2024");
const NEW = newPrivateJwk("harbor-2025");

describe("badge keys", () => {
  it("signs a VC-JWT that an independent verifier and our own both accept", async () => {
    const keys = createBadgeKeys({ signingKeyJwk: NEW });
    const jwt = await keys.signCredential(credential);

    const independent = independentlyVerify(jwt, keys.publicJwks());
    expect(independent?.header).toEqual({ alg: "EdDSA", kid: "harbor-2025", typ: "vc+jwt", cty: "vc" });
    // The payload is the credential itself, not wrapped in a "vc" claim.
    expect(independent?.payload).toEqual(credential);

    expect(await keys.verifyCredentialJwt(jwt)).toEqual({ valid: true, credential, kid: "harbor-2025" });
  });

  it("rejects a credential changed after signing", async () => {
    const keys = createBadgeKeys({ signingKeyJwk: NEW });
    const [header, , signature] = (await keys.signCredential(credential)).split(".");
    const forged = { ...credential, credentialSubject: { ...credential.credentialSubject, id: "urn:uuid:11111111-2222-4333-8444-555555555555" } };
    const tampered = [header, Buffer.from(JSON.stringify(forged)).toString("base64url"), signature].join(".");

    expect(independentlyVerify(tampered, keys.publicJwks())).toBeNull();
    expect(await keys.verifyCredentialJwt(tampered)).toEqual({ valid: false, reason: "bad_signature" });
  });

  it("rejects a credential signed by a key it does not know, even one that claims our kid", async () => {
    const ours = createBadgeKeys({ signingKeyJwk: NEW });
    const stranger = await createBadgeKeys({ signingKeyJwk: newPrivateJwk("someone-else") }).signCredential(credential);
    expect(await ours.verifyCredentialJwt(stranger)).toEqual({ valid: false, reason: "unknown_key" });

    const impostor = await createBadgeKeys({ signingKeyJwk: newPrivateJwk("harbor-2025") }).signCredential(credential);
    expect(independentlyVerify(impostor, ours.publicJwks())).toBeNull();
    expect(await ours.verifyCredentialJwt(impostor)).toEqual({ valid: false, reason: "bad_signature" });
  });

  it("keeps verifying old credentials after a rotation, and signs new ones with the new key", async () => {
    const before = createBadgeKeys({ signingKeyJwk: OLD });
    const oldJwt = await before.signCredential(credential);

    const after = createBadgeKeys({ signingKeyJwk: NEW, previousPublicKeys: JSON.stringify([JSON.parse(publicPart(OLD))]) });
    expect(await after.verifyCredentialJwt(oldJwt)).toEqual({ valid: true, credential, kid: "harbor-2024" });
    expect(independentlyVerify(oldJwt, after.publicJwks())).not.toBeNull();

    const newJwt = await after.signCredential(credential);
    expect(independentlyVerify(newJwt, after.publicJwks())?.header.kid).toBe("harbor-2025");
    expect(await after.verifyCredentialJwt(newJwt)).toMatchObject({ valid: true, kid: "harbor-2025" });
    // The old key alone cannot vouch for what the new key signed.
    expect(await before.verifyCredentialJwt(newJwt)).toEqual({ valid: false, reason: "unknown_key" });

    // Once the old key is no longer listed, its credentials no longer verify.
    expect(await createBadgeKeys({ signingKeyJwk: NEW }).verifyCredentialJwt(oldJwt)).toEqual({ valid: false, reason: "unknown_key" });
  });

  it("publishes public keys only, current first, marked for EdDSA signatures", () => {
    const keys = createBadgeKeys({
      signingKeyJwk: NEW,
      // Even a private key pasted into the previous list by mistake is published without "d".
      previousPublicKeys: JSON.stringify([JSON.parse(OLD)]),
    });
    const { keys: published } = keys.publicJwks();
    expect(published.map((key) => key.kid)).toEqual(["harbor-2025", "harbor-2024"]);
    for (const key of published) {
      expect(Object.keys(key).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x"]);
      expect(key).toMatchObject({ kty: "OKP", crv: "Ed25519", use: "sig", alg: "EdDSA" });
    }
  });

  it("tells malformed tokens and other credentials apart from bad signatures", async () => {
    const keys = createBadgeKeys({ signingKeyJwk: NEW });
    for (const jwt of ["", "abc", "not.a.jwt", "a.b.c.d.e"])
      expect(await keys.verifyCredentialJwt(jwt), jwt).toEqual({ valid: false, reason: "malformed" });

    const statusList = buildStatusListCredential({
      id: "https://harbor.example.org/badges/status/1",
      issuer: "https://harbor.example.org/issuer",
      validFrom: new Date(),
      encodedList: encodeStatusList(emptyStatusList()),
    });
    expect(await keys.verifyCredentialJwt(await keys.signCredential(statusList))).toEqual({ valid: false, reason: "wrong_type" });

    // A JWS of ours whose header says it is something else (e.g. a plain JWT).
    const [, payload, signature] = (await keys.signCredential(credential)).split(".");
    const header = Buffer.from(JSON.stringify({ alg: "EdDSA", kid: "harbor-2025", typ: "JWT" })).toString("base64url");
    expect(await keys.verifyCredentialJwt([header, payload, signature].join("."))).toEqual({ valid: false, reason: "wrong_type" });

    // An unsigned token naming our key.
    const none = Buffer.from(JSON.stringify({ alg: "none", kid: "harbor-2025", typ: "vc+jwt" })).toString("base64url");
    expect(await keys.verifyCredentialJwt(`${none}.${payload}.`)).toEqual({ valid: false, reason: "bad_signature" });
  });

  it("refuses configurations that would publish the wrong key or none", () => {
    expect(() => createBadgeKeys({})).toThrow(/BADGE_SIGNING_KEY is required in production/);
    expect(() => createBadgeKeys({ signingKeyJwk: "{not json" })).toThrow(/BADGE_SIGNING_KEY is not valid JSON/);
    const { kid: _kid, ...withoutKid } = JSON.parse(NEW);
    expect(() => createBadgeKeys({ signingKeyJwk: JSON.stringify(withoutKid) })).toThrow(/kid/);
    const mismatched = { ...JSON.parse(NEW), x: JSON.parse(OLD).x };
    expect(() => createBadgeKeys({ signingKeyJwk: JSON.stringify(mismatched) })).toThrow(/"x" is not the public key/);
    expect(() => createBadgeKeys({ signingKeyJwk: NEW, previousPublicKeys: `[${publicPart(NEW)}]` })).toThrow(/kid/);
    expect(() => createBadgeKeys({ signingKeyJwk: NEW, previousPublicKeys: "{}" })).toThrow(/BADGE_PREVIOUS_PUBLIC_KEYS/);
  });

  describe("development key", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-badge-key-"));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("is generated once into a private file, named by its RFC 7638 thumbprint, and reused", async () => {
      const file = path.join(dir, "data", "dev-badge-key.json");
      const first = createBadgeKeys({ developmentKeyFile: file });
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const [published] = first.publicJwks().keys;
      expect(published?.kid).toBe(await calculateJwkThumbprint({ kty: "OKP", crv: "Ed25519", x: published?.x }));

      const second = createBadgeKeys({ developmentKeyFile: file });
      expect(second.publicJwks()).toEqual(first.publicJwks());
      expect(await second.verifyCredentialJwt(await first.signCredential(credential))).toMatchObject({ valid: true });
    });

    it("is not used when a signing key is configured", () => {
      const file = path.join(dir, "unused.json");
      const keys = createBadgeKeys({ signingKeyJwk: NEW, developmentKeyFile: file });
      expect(keys.publicJwks().keys[0]?.kid).toBe("harbor-2025");
      expect(fs.existsSync(file)).toBe(false);
    });
  });
});
