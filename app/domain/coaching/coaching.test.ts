import { describe, expect, it } from "vitest";
import { proposalBound, describeMatchReason, describeUnassigned, offerAnswerable, parseFormats, respondBy, utcOffsetMinutes } from "./coaching";

describe("utcOffsetMinutes", () => {
  it("follows daylight saving time and half-hour zones", () => {
    expect(utcOffsetMinutes("Europe/Kyiv", new Date("2026-07-01T12:00:00Z"))).toBe(180);
    expect(utcOffsetMinutes("Europe/Kyiv", new Date("2026-12-01T12:00:00Z"))).toBe(120);
    expect(utcOffsetMinutes("Asia/Kabul", new Date("2026-12-01T12:00:00Z"))).toBe(270);
    expect(utcOffsetMinutes("America/Caracas", new Date("2026-12-01T12:00:00Z"))).toBe(-240);
    expect(utcOffsetMinutes("UTC", new Date())).toBe(0);
  });

  it("treats an unknown zone as UTC rather than failing", () => {
    expect(utcOffsetMinutes("Mars/Olympus", new Date())).toBe(0);
  });
});

describe("offers", () => {
  const published = new Date("2026-12-01T10:00:00Z");

  it("are due a whole number of days after publishing", () => {
    expect(respondBy(published, 3).toISOString()).toBe("2026-12-04T10:00:00.000Z");
  });

  it("can be answered only while open and before the deadline", () => {
    const due = respondBy(published, 3);
    expect(offerAnswerable({ status: "offered", respondBy: due }, new Date("2026-12-04T09:59:59Z"))).toBe("ok");
    expect(offerAnswerable({ status: "offered", respondBy: due }, due)).toBe("expired");
    expect(offerAnswerable({ status: "accepted", respondBy: due }, published)).toBe("not_offered");
    expect(offerAnswerable({ status: "proposed", respondBy: null }, published)).toBe("not_offered");
  });
});

describe("parseFormats", () => {
  it("keeps known formats once and drops anything else", () => {
    expect(parseFormats('["chat","video","chat","fax",3]')).toEqual(["chat", "video"]);
    expect(parseFormats("not json")).toEqual([]);
    expect(parseFormats('{"chat":true}')).toEqual([]);
  });
});

describe("reason messages", () => {
  it("name the concepts and values the translation needs", () => {
    expect(describeMatchReason({ code: "expertise_related", uri: "u:skill", via: "u:group", distance: 1, points: 40 })).toEqual({
      key: "coaching:reasons.expertise_related",
      values: { points: 40 },
      concepts: { skill: "u:skill", via: "u:group" },
    });
    expect(describeMatchReason({ code: "timezone_overlap", hours: 5.5833, points: 22 }).values).toEqual({ hours: 5.6, points: 22 });
    expect(describeMatchReason({ code: "preference", tag: "format:chat", points: 15 }).values).toEqual({ format: "chat", points: 15 });
  });

  it("list every rule that ruled coaches out, with how many", () => {
    const messages = describeUnassigned({ code: "no_eligible_coach", rejections: [{ code: "no_shared_language", coaches: 3 }, { code: "coach_full", coaches: 1 }] });
    expect(messages).toEqual([
      { key: "coaching:unassigned.no_eligible_coach", values: {} },
      { key: "coaching:unassigned.ruled_out", values: { count: 3 }, nested: "coaching:rejections.no_shared_language" },
      { key: "coaching:unassigned.ruled_out", values: { count: 1 }, nested: "coaching:rejections.coach_full" },
    ]);
  });
});

describe("proposalBound", () => {
  it("rounds the share down to 0.01 % so that a proposal below its bound never shows as reaching it", () => {
    expect(proposalBound(16_576_985, 16_583_920)).toEqual({ score: 16_583_920, share: 0.9995 });
    expect(proposalBound(99_999, 100_000)?.share).toBe(0.9999);
    expect(proposalBound(500, 500)?.share).toBe(1);
  });

  it("caps the share at 1, and is null without a bound", () => {
    // An adjustment that coaches fewer people can score more than the bound for as many as possible.
    expect(proposalBound(120, 100)?.share).toBe(1);
    expect(proposalBound(50, null)).toBeNull();
    expect(proposalBound(0, 0)).toBeNull();
  });
});
