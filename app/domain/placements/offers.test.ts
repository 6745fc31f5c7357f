import { describe, expect, it } from "vitest";
import { normaliseRate, placementAfter } from "./offers";

describe("placementAfter", () => {
  it("follows contract started → ended, or cancelled, and ignores events out of order", () => {
    expect(placementAfter("handed_off", "contract.started")).toBe("active");
    expect(placementAfter("handoff_pending", "contract.started")).toBe("active");
    expect(placementAfter("active", "contract.ended")).toBe("ended");
    expect(placementAfter("active", "contract.cancelled")).toBe("cancelled");
    expect(placementAfter("handed_off", "contract.ended")).toBeNull();
    expect(placementAfter("ended", "contract.started")).toBeNull();
    expect(placementAfter("cancelled", "contract.cancelled")).toBeNull();
  });
});

describe("normaliseRate", () => {
  it("writes two decimals and refuses what is not a positive amount", () => {
    expect(normaliseRate("25")).toBe("25.00");
    expect(normaliseRate("25,5")).toBe("25.50");
    expect(normaliseRate(" 007.25 ")).toBe("7.25");
    for (const bad of ["0", "0.00", "-5", "1e3", "12.345", "", "abc", "1234567"]) expect(normaliseRate(bad)).toBeNull();
  });
});
