import { describe, expect, it } from "vitest";
import { sessionLifetime, sessionState, shouldTouch } from "./session-policy";

const at = (iso: string) => new Date(iso);

describe("sessionLifetime", () => {
  it("gives staff 30 idle minutes within 12 hours", () => {
    expect(sessionLifetime(["ngo_staff"])).toEqual({ idleSeconds: 1800, absoluteSeconds: 43200 });
  });
  it("treats anyone holding a staff role as staff", () => {
    expect(sessionLifetime(["candidate", "coach"]).idleSeconds).toBe(1800);
  });
  it("gives candidates 14 idle days", () => {
    expect(sessionLifetime(["candidate"]).idleSeconds).toBe(14 * 86400);
  });
});

describe("sessionState", () => {
  const session = { lastSeenAt: at("2026-01-01T10:00:00Z"), expiresAt: at("2026-01-01T22:00:00Z"), idleSeconds: 1800 };
  it("is active within the idle window", () => {
    expect(sessionState(session, at("2026-01-01T10:29:59Z"))).toBe("active");
  });
  it("ends after 30 idle minutes", () => {
    expect(sessionState(session, at("2026-01-01T10:30:00Z"))).toBe("idle_expired");
  });
  it("ends at the absolute limit even when active", () => {
    expect(sessionState({ ...session, lastSeenAt: at("2026-01-01T21:59:00Z") }, at("2026-01-01T22:00:00Z"))).toBe(
      "expired",
    );
  });
});

describe("shouldTouch", () => {
  it("writes activity at most once a minute", () => {
    expect(shouldTouch(at("2026-01-01T10:00:00Z"), at("2026-01-01T10:00:30Z"))).toBe(false);
    expect(shouldTouch(at("2026-01-01T10:00:00Z"), at("2026-01-01T10:01:00Z"))).toBe(true);
  });
});
