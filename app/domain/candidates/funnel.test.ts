import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { funnel, funnelBy, type FunnelPerson } from "./funnel";
import { PIPELINE_STAGES } from "./pipeline";

const DAY = 86_400_000;
const groups = { ngo: "ngo-1", language: "uk", origin: "UA", area: null };
const person = (stage: FunnelPerson["stage"], reachedAt: FunnelPerson["reachedAt"], over: Partial<FunnelPerson["groups"]> = {}): FunnelPerson => ({ stage, reachedAt, groups: { ...groups, ...over } });

describe("funnel", () => {
  it("counts everyone at a stage or beyond, converts from the stage before, and times stages by who moved on", () => {
    const rows = funnel([
      person("referred", { referred: 0 }),
      person("registered", { referred: 0, registered: 2 * DAY }),
      person("certified", { referred: 0, registered: 4 * DAY, certified: 14 * DAY }),
      // Skipped coaching: the time in "certified" runs until the slate.
      person("slated", { registered: 0, certified: 6 * DAY, slated: 9 * DAY }),
    ]);
    expect(rows.map((r) => [r.stage, r.reached])).toEqual([
      ["referred", 4],
      ["registered", 3],
      ["certified", 2],
      ["coached", 1],
      ["slated", 1],
      ["placed", 0],
    ]);
    expect(rows[1]).toMatchObject({ conversion: 0.75, medianDays: 8, movedOn: 2 }); // 10 and 6 days
    expect(rows[0]).toMatchObject({ conversion: null, medianDays: 3, movedOn: 2 }); // 2 and 4 days
    expect(rows[2]).toMatchObject({ medianDays: 3, movedOn: 1 });
    expect(rows[5]).toMatchObject({ reached: 0, conversion: 0, medianDays: null });
  });

  it("never counts more people at a later stage, and the groups add up to the whole", () => {
    const stage = fc.constantFrom(...PIPELINE_STAGES);
    const people = fc.array(fc.record({ stage, ngo: fc.option(fc.constantFrom("a", "b"), { nil: null }) }).map(({ stage: s, ngo }) => person(s, {}, { ngo })), { maxLength: 40 });
    fc.assert(
      fc.property(people, (all) => {
        const rows = funnel(all);
        for (let i = 1; i < rows.length; i++) expect(rows[i]?.reached).toBeLessThanOrEqual(rows[i - 1]?.reached ?? 0);
        const parts = funnelBy(all, "ngo");
        for (let i = 0; i < rows.length; i++) expect(parts.reduce((sum, part) => sum + (part.stages[i]?.reached ?? 0), 0)).toBe(rows[i]?.reached);
      }),
    );
  });
});
