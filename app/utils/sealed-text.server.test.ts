import { describe, expect, it } from "vitest";
import { createSealer } from "./sealed-text.server";

const OLD = "old-notes-key-that-is-long-enough-0123456789";
const NEW = "new-notes-key-that-is-long-enough-0123456789";

describe("sealed text", () => {
  it("opens what it sealed, and the sealed form does not contain the text", () => {
    const sealer = createSealer(NEW);
    const sealed = sealer.seal("Прийшла вчасно, резюме готове", "session-1");
    expect(sealed).not.toContain("резюме");
    expect(sealer.open(sealed, "session-1")).toBe("Прийшла вчасно, резюме готове");
    // A fresh IV each time: the same note seals differently.
    expect(sealer.seal("same", "a")).not.toBe(sealer.seal("same", "a"));
  });

  it("refuses a changed byte, another row's value and an unknown key", () => {
    const sealer = createSealer(NEW);
    const sealed = sealer.seal("private", "session-1");
    const parts = sealed.split(".");
    const body = Buffer.from(parts[4]!, "base64url");
    body[0] = body[0]! ^ 1;
    expect(sealer.open([...parts.slice(0, 4), body.toString("base64url")].join("."), "session-1")).toBeNull();
    expect(sealer.open(sealed, "session-2")).toBeNull();
    expect(createSealer(OLD).open(sealed, "session-1")).toBeNull();
    expect(sealer.open("not sealed at all", "session-1")).toBeNull();
  });

  it("keeps values sealed under a rotated-out key readable while it is listed as previous", () => {
    const sealed = createSealer(OLD).seal("from last year", "s");
    expect(createSealer(NEW, [OLD]).open(sealed, "s")).toBe("from last year");
    expect(createSealer(NEW).open(sealed, "s")).toBeNull();
    // New values are sealed under the new key only.
    expect(createSealer(OLD).open(createSealer(NEW, [OLD]).seal("new", "s"), "s")).toBeNull();
  });
});
