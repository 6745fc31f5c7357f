import { describe, expect, it } from "vitest";
import { signInLimit } from "./sign-in-limit";

describe("signInLimit", () => {
  it("allows the tenth failed attempt and refuses the eleventh", () => {
    expect(signInLimit({ accountFailures: 9, clientAttempts: 9 })).toEqual({ limited: false });
    expect(signInLimit({ accountFailures: 10, clientAttempts: 10 })).toMatchObject({ limited: true, reason: "account" });
  });
  it("limits one client spraying many accounts", () => {
    expect(signInLimit({ accountFailures: 0, clientAttempts: 50 })).toMatchObject({ limited: true, reason: "client" });
  });
});
