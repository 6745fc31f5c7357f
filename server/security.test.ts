import { describe, expect, it } from "vitest";
import { isCrossOriginWrite } from "./security";

const allowed = ["https://harbor.example.org"];

describe("isCrossOriginWrite", () => {
  it("refuses a POST from another origin", () => {
    expect(isCrossOriginWrite("POST", { origin: "https://evil.example", host: "harbor.example.org" }, allowed)).toBe(true);
  });
  it("refuses a cross-site POST announced by Sec-Fetch-Site alone", () => {
    expect(isCrossOriginWrite("POST", { secFetchSite: "cross-site" }, allowed)).toBe(true);
    expect(isCrossOriginWrite("POST", { secFetchSite: "same-site" }, allowed)).toBe(true);
  });
  it("accepts same-origin POSTs and the configured origin", () => {
    expect(isCrossOriginWrite("POST", { origin: "https://harbor.example.org", secFetchSite: "same-origin" }, allowed)).toBe(false);
    expect(isCrossOriginWrite("POST", { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }, allowed)).toBe(false);
  });
  it("refuses the opaque origin of sandboxed documents", () => {
    expect(isCrossOriginWrite("POST", { origin: "null" }, allowed)).toBe(true);
  });
  it("never blocks reads", () => {
    expect(isCrossOriginWrite("GET", { origin: "https://evil.example", secFetchSite: "cross-site" }, allowed)).toBe(false);
  });
});

