import { gunzipSync, gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  STATUS_LIST_BITS,
  buildStatusListCredential,
  decodeStatusList,
  emptyStatusList,
  encodeStatusList,
  isRevoked,
  setStatus,
} from "./status-list";

// Bitstring Status List v1.0, Examples 3/5/7: a 16 KB list with no bit set.
const SPEC_EMPTY_LIST = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA";
// Another implementation's test vector: the same list with only index 1 revoked (multibase prefix added).
const OTHER_IMPLEMENTATION_INDEX_1 = "uH4sIAAAAAAAA_-3AsQAAAAACsNDypwqjZ2sAAAAAAAAAAAAAAAAAAACAtwE3F1_NAEAAAA";

describe("status list", () => {
  it("is 131,072 bits (16 KB), the spec's minimum", () => {
    expect(STATUS_LIST_BITS).toBe(131_072);
    expect(emptyStatusList().length * 8).toBe(STATUS_LIST_BITS);
    expect(decodeStatusList(encodeStatusList(emptyStatusList())).length).toBe(16 * 1024);
  });

  it("encodes as multibase base64url (no padding) of a GZIP", () => {
    const bits = setStatus(emptyStatusList(), 94_567, true);
    const encoded = encodeStatusList(bits);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    // Read back with nothing but zlib: the bytes are the bitstring itself.
    expect(new Uint8Array(gunzipSync(Buffer.from(encoded.slice(1), "base64url")))).toEqual(bits);
    expect(decodeStatusList(encoded)).toEqual(bits);
  });

  it("puts index 0 at the left-most bit of the first byte", () => {
    const first = setStatus(emptyStatusList(), 0, true);
    expect(first[0]).toBe(0x80);
    expect(setStatus(emptyStatusList(), 7, true)[0]).toBe(0x01);
    expect(setStatus(emptyStatusList(), 8, true)[1]).toBe(0x80);
    expect(setStatus(emptyStatusList(), STATUS_LIST_BITS - 1, true)[STATUS_LIST_BITS / 8 - 1]).toBe(0x01);
    const decoded = decodeStatusList(encodeStatusList(first));
    expect(isRevoked(decoded, 0)).toBe(true);
    expect(isRevoked(decoded, 1)).toBe(false);
  });

  it("reads lists written by others", () => {
    const empty = decodeStatusList(SPEC_EMPTY_LIST);
    expect(empty.length * 8).toBe(STATUS_LIST_BITS);
    expect(empty.every((byte) => byte === 0)).toBe(true);

    const one = decodeStatusList(OTHER_IMPLEMENTATION_INDEX_1);
    expect(isRevoked(one, 1)).toBe(true);
    expect([0, 2, 7, 8, 94_567].map((index) => isRevoked(one, index))).toEqual([false, false, false, false, false]);
  });

  it("refuses lists below the minimum size and values that are not an encoded list", () => {
    expect(() => encodeStatusList(new Uint8Array(1024))).toThrow(RangeError);
    expect(() => decodeStatusList(`u${gzipSync(new Uint8Array(1024)).toString("base64url")}`)).toThrow(/fewer than/);
    expect(() => decodeStatusList(SPEC_EMPTY_LIST.slice(1))).toThrow(/"u"/);
    expect(() => decodeStatusList("u" + Buffer.from("not gzip").toString("base64url"))).toThrow();
    expect(() => decodeStatusList(`${SPEC_EMPTY_LIST}=`)).toThrow(/base64url/);
  });

  it("refuses indexes outside the list", () => {
    const bits = emptyStatusList();
    for (const index of [-1, STATUS_LIST_BITS, 1.5, Number.NaN])
      expect(() => isRevoked(bits, index), String(index)).toThrow(RangeError);
    expect(() => setStatus(bits, STATUS_LIST_BITS, true)).toThrow(RangeError);
  });

  it("returns a new list and leaves the one it was given unchanged", () => {
    const before = emptyStatusList();
    const after = setStatus(before, 3, true);
    expect(isRevoked(before, 3)).toBe(false);
    expect(isRevoked(after, 3)).toBe(true);
    expect(isRevoked(setStatus(after, 3, false), 3)).toBe(false);
  });

  it("reads back exactly the statuses that were set, after any sequence of changes", () => {
    const change = fc.record({ index: fc.integer({ min: 0, max: STATUS_LIST_BITS - 1 }), revoked: fc.boolean() });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), fc.integer({ min: 0, max: STATUS_LIST_BITS - 1 }), (changes, probe) => {
        let bits = emptyStatusList();
        const model = new Map<number, boolean>();
        for (const { index, revoked } of changes) {
          bits = setStatus(bits, index, revoked);
          model.set(index, revoked);
        }
        const decoded = decodeStatusList(encodeStatusList(bits));
        for (const index of [...model.keys(), probe]) expect(isRevoked(decoded, index)).toBe(model.get(index) ?? false);
        // Nothing else was set: the number of 1-bits is the number of revoked entries.
        const ones = decoded.reduce((sum, byte) => sum + byte.toString(2).replaceAll("0", "").length, 0);
        expect(ones).toBe([...model.values()].filter(Boolean).length);
      }),
      { numRuns: 60 },
    );
  });

  it("builds the list credential the entries point to", () => {
    const encodedList = encodeStatusList(emptyStatusList());
    expect(
      buildStatusListCredential({
        id: "https://harbor.example.org/badges/status/1",
        issuer: "https://harbor.example.org/issuer",
        validFrom: new Date("2025-03-01T10:00:00Z"),
        encodedList,
      }),
    ).toEqual({
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      id: "https://harbor.example.org/badges/status/1",
      type: ["VerifiableCredential", "BitstringStatusListCredential"],
      issuer: "https://harbor.example.org/issuer",
      validFrom: "2025-03-01T10:00:00.000Z",
      credentialSubject: {
        id: "https://harbor.example.org/badges/status/1#list",
        type: "BitstringStatusList",
        statusPurpose: "revocation",
        encodedList,
      },
    });
  });
});
