import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("passwordProblem", () => {
  it("refuses passwords outside 8–128 characters", () => {
    expect(passwordProblem("short1!")).toBe("too_short");
    expect(passwordProblem("x".repeat(129))).toBe("too_long");
  });

  it("counts characters, not bytes, so non-Latin passwords are judged fairly", () => {
    expect(passwordProblem("пароль-к")).not.toBe("too_short");
  });

  it("refuses common passwords whatever their case", () => {
    expect(passwordProblem("password")).toBe("common");
    expect(passwordProblem("PassWord1")).toBe("common");
    expect(passwordProblem("12345678")).toBe("common");
  });

  it("accepts a long unusual passphrase", () => {
    expect(passwordProblem("harbor tide lantern 42")).toBeNull();
  });
});
