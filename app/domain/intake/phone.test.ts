import { describe, expect, it } from "vitest";
import { normalisePhone } from "./phone";

describe("normalisePhone", () => {
  it("writes common formats as E.164", () => {
    expect(normalisePhone("+380 50 123 4567")).toBe("+380501234567");
    expect(normalisePhone("00380-50-123-45-67")).toBe("+380501234567");
    expect(normalisePhone("(050) 123-45-67", "UA")).toBe("+380501234567");
    expect(normalisePhone("+963 944 567 890")).toBe("+963944567890");
  });
  it("returns null for what is not a phone number", () => {
    expect(normalisePhone("12")).toBeNull();
    expect(normalisePhone("call me")).toBeNull();
    expect(normalisePhone("050 123 4567")).toBeNull(); // no country to read it in
  });
});
