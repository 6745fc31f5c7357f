// W3C Bitstring Status List v1.0: one bit per issued credential, 1 = revoked. The list is
// published as a credential whose `encodedList` is the GZIP-compressed bitstring, base64url
// without padding, behind the multibase prefix "u". Index 0 is the left-most (most significant)
// bit of the first byte.
import { gunzipSync, gzipSync } from "node:zlib";

/** 16 KB of bits: the spec's minimum, so that one revocation hides among 131,072 entries. */
export const STATUS_LIST_BITS = 131_072;

/** A list published by someone else could be a small GZIP that expands enormously. */
const MAX_DECODED_BYTES = 16 * 1024 * 1024;

const MULTIBASE_BASE64URL = "u";

/** A list with every credential valid. */
export function emptyStatusList(): Uint8Array {
  return new Uint8Array(STATUS_LIST_BITS / 8);
}

export function encodeStatusList(bits: Uint8Array): string {
  if (bits.length * 8 < STATUS_LIST_BITS)
    throw new RangeError(`a status list holds at least ${STATUS_LIST_BITS} bits, got ${bits.length * 8}`);
  return MULTIBASE_BASE64URL + gzipSync(bits).toString("base64url");
}

/** Throws when the value is not a multibase base64url GZIP of at least the minimum size. */
export function decodeStatusList(encoded: string): Uint8Array {
  if (!encoded.startsWith(MULTIBASE_BASE64URL) || !/^[A-Za-z0-9_-]+$/.test(encoded.slice(1)))
    throw new Error('encodedList must be "u" followed by base64url');
  const bits = new Uint8Array(
    gunzipSync(Buffer.from(encoded.slice(1), "base64url"), { maxOutputLength: MAX_DECODED_BYTES }),
  );
  if (bits.length * 8 < STATUS_LIST_BITS)
    throw new Error(`encodedList holds ${bits.length * 8} bits, fewer than the minimum ${STATUS_LIST_BITS}`);
  return bits;
}

function position(bits: Uint8Array, index: number): { byte: number; mask: number } {
  if (!Number.isSafeInteger(index) || index < 0 || index >= bits.length * 8)
    throw new RangeError(`status list index ${index} is outside 0..${bits.length * 8 - 1}`);
  return { byte: index >> 3, mask: 0x80 >> (index & 7) };
}

/** A copy of `bits` with the entry at `index` set (revoked) or cleared; `bits` is left as it was. */
export function setStatus(bits: Uint8Array, index: number, revoked: boolean): Uint8Array {
  const { byte, mask } = position(bits, index);
  const next = bits.slice();
  next[byte] = revoked ? next[byte]! | mask : next[byte]! & ~mask;
  return next;
}

export function isRevoked(bits: Uint8Array, index: number): boolean {
  const { byte, mask } = position(bits, index);
  return (bits[byte]! & mask) !== 0;
}

export interface BitstringStatusListCredential {
  "@context": ["https://www.w3.org/ns/credentials/v2"];
  id: string;
  type: ["VerifiableCredential", "BitstringStatusListCredential"];
  issuer: string;
  validFrom: string;
  credentialSubject: {
    id: string;
    type: "BitstringStatusList";
    statusPurpose: "revocation";
    encodedList: string;
  };
}

/** The unsigned list credential; `issuer` is the issuer's id, the same as in the badges it covers. */
export function buildStatusListCredential(input: {
  id: string;
  issuer: string;
  validFrom: Date;
  encodedList: string;
}): BitstringStatusListCredential {
  return {
    // VC 2.0's own context defines the Bitstring Status List terms.
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    id: input.id,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: input.issuer,
    validFrom: input.validFrom.toISOString(),
    credentialSubject: {
      id: `${input.id}#list`,
      type: "BitstringStatusList",
      statusPurpose: "revocation",
      encodedList: input.encodedList,
    },
  };
}
