import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdTable } from "./id-table";

describe("IdTable", () => {
  it("gives back every id and finds it by binary search, in `<` order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: "binary", maxLength: 4 }), fc.constant("c000000000000000000000001"))), fc.array(fc.string({ maxLength: 6 }), { maxLength: 5 }), (ids, probes) => {
        const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const table = IdTable.from(sorted);
        expect(sorted.map((_, ordinal) => table.get(ordinal))).toEqual(sorted);
        expect(sorted.map((id) => table.find(id))).toEqual(sorted.map((_, ordinal) => ordinal));
        expect(probes.map((probe) => table.find(probe))).toEqual(probes.map((probe) => sorted.indexOf(probe)));
      }),
      { numRuns: 200 },
    );
  });

  it("stores fixed-width one-byte ids in one byte each", () => {
    const table = IdTable.from(["c001", "c002", "c003"]);
    expect(table.byteLength).toBe(12);
    expect(table.find("c002")).toBe(1);
    expect(table.find("c004")).toBe(-1);
  });
});
