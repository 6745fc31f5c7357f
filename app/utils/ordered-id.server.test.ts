import { describe, expect, it } from "vitest";
import { orderedId } from "./ordered-id.server";

describe("orderedId", () => {
  it("gives distinct version-7 UUIDs that sort in the order they were made", () => {
    const ids = Array.from({ length: 10_000 }, () => orderedId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it("carries the current time in its first 48 bits", () => {
    const before = Date.now();
    const id = orderedId();
    const msecs = Number.parseInt(id.replace("-", "").slice(0, 12), 16);
    expect(msecs).toBeGreaterThanOrEqual(before);
    expect(msecs).toBeLessThanOrEqual(Date.now() + 1);
  });
});
