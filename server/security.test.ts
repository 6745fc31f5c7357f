import { describe, expect, it } from "vitest";
import { isCrossOriginWrite } from "./security";

const host = "harbor.example.org";

describe("isCrossOriginWrite", () => {
  it("refuses a POST from another origin", () => {
    expect(isCrossOriginWrite("POST", { origin: "https://evil.example", host })).toBe(true);
  });
  it("refuses a cross-site POST announced by Sec-Fetch-Site alone", () => {
    expect(isCrossOriginWrite("POST", { secFetchSite: "cross-site", host })).toBe(true);
    expect(isCrossOriginWrite("POST", { secFetchSite: "same-site", host })).toBe(true);
  });
  it("accepts a same-origin POST", () => {
    expect(isCrossOriginWrite("POST", { origin: "https://harbor.example.org", secFetchSite: "same-origin", host })).toBe(false);
    expect(isCrossOriginWrite("POST", { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" })).toBe(false);
  });
  it("refuses an origin on another port of the same machine", () => {
    expect(isCrossOriginWrite("POST", { origin: "http://127.0.0.1:4000", host: "127.0.0.1:3000" })).toBe(true);
  });
  it("refuses the opaque origin of sandboxed documents", () => {
    expect(isCrossOriginWrite("POST", { origin: "null", host })).toBe(true);
  });
  it("lets non-browser clients without Origin through (they carry no cookies of ours)", () => {
    expect(isCrossOriginWrite("POST", { host })).toBe(false);
  });
  it("never blocks reads", () => {
    expect(isCrossOriginWrite("GET", { origin: "https://evil.example", secFetchSite: "cross-site", host })).toBe(false);
  });
});
