import { describe, expect, it } from "vitest";
import { experienceSummary, REFERENCE_ALPHABET, slateReference } from "./summary";

const entry = (title: string, from: string, to: string | null) => ({ id: title, title, organisation: "Secret Employer, Kharkiv", from, to, description: "" });

describe("experienceSummary", () => {
  it("gives titles and inclusive months, newest first, and never the organisation", () => {
    const lines = experienceSummary([entry("Accountant", "2015-03", "2019-02"), entry("Chief accountant", "2019-03", null)], new Date("2026-12-05"));
    expect(lines).toEqual([
      { title: "Chief accountant", months: 12 * 7 + 10 },
      { title: "Accountant", months: 48 },
    ]);
    expect(JSON.stringify(lines)).not.toContain("Kharkiv");
  });

  it("reads bare years and gives no length for dates it cannot read or that run backwards", () => {
    expect(experienceSummary([entry("Teacher", "2010", "2010")], new Date("2026-01-01"))).toEqual([{ title: "Teacher", months: 1 }]);
    expect(experienceSummary([entry("A", "spring 2010", null), entry("B", "2012-05", "2011-01")], new Date("2026-01-01")).map((l) => l.months)).toEqual([null, null]);
  });
});

describe("slateReference", () => {
  it("uses four unambiguous characters", () => {
    const reference = slateReference(new Uint8Array([0, 31, 32, 255]));
    expect(reference).toMatch(/^C-[2-9A-HJ-NP-Z]{4}$/);
    expect(reference).toBe(`C-${REFERENCE_ALPHABET[0]}${REFERENCE_ALPHABET[31]}${REFERENCE_ALPHABET[0]}${REFERENCE_ALPHABET[31]}`);
  });
});
