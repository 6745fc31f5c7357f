import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { candidateArbitrary, NOW, poolArbitrary, roleArbitrary, smallTaxonomy } from "./arbitraries";
import { rankCandidates } from "./rank";
import { evaluateCandidate, hardFilterRejections } from "./score";
import { SlateIndex } from "./slate-index";
import type { SlateCandidate } from "./types";

const options = fc.record({
  size: fc.integer({ min: 1, max: 8 }),
  balanceShare: fc.option(fc.constantFrom(0.2, 0.34, 0.5), { nil: null }),
  now: fc.constant(NOW),
});

describe("SlateIndex", () => {
  it("ranks exactly like the reference on random pools", () => {
    fc.assert(
      fc.property(poolArbitrary(30), roleArbitrary, options, (pool, role, opts) => {
        const index = SlateIndex.build(pool, smallTaxonomy, 4);
        expect(index.query(role, opts)).toEqual(rankCandidates(role, pool, smallTaxonomy, opts));
      }),
      { numRuns: 400 },
    );
  });

  it("stays exact after candidates change, arrive and leave", () => {
    const change = fc.record({ at: fc.nat(), replacement: candidateArbitrary("x"), remove: fc.boolean(), fresh: fc.boolean() });
    fc.assert(
      fc.property(poolArbitrary(20), fc.array(change, { maxLength: 8 }), roleArbitrary, options, (initial, changes, role, opts) => {
        const index = SlateIndex.build(initial, smallTaxonomy);
        const pool = new Map<string, SlateCandidate>(initial.map((c) => [c.id, c]));
        changes.forEach(({ at, replacement, remove, fresh }, step) => {
          const ids = [...pool.keys()];
          const id = fresh || ids.length === 0 ? `new-${step}` : (ids[at % ids.length] as string);
          if (remove && pool.has(id)) {
            pool.delete(id);
            index.remove(id);
          } else {
            const candidate = { ...replacement, id };
            pool.set(id, candidate);
            index.upsert(candidate);
          }
        });
        expect(index.size).toBe(pool.size);
        expect(index.query(role, opts)).toEqual(rankCandidates(role, [...pool.values()], smallTaxonomy, opts));
      }),
      { numRuns: 300 },
    );
  });

  it("never puts a candidate on a slate who fails a hard filter, has not consented, is placed or stale", () => {
    fc.assert(
      fc.property(poolArbitrary(30), roleArbitrary, options, (pool, role, opts) => {
        const byId = new Map(pool.map((c) => [c.id, c]));
        for (const entry of SlateIndex.build(pool, smallTaxonomy).query(role, opts).entries) {
          const candidate = byId.get(entry.candidateId) as SlateCandidate;
          expect(hardFilterRejections(role, candidate, NOW)).toEqual([]);
          expect(candidate.consentsToEmployers && !candidate.placed).toBe(true);
          expect(candidate.interestConfirmedAt).toBeGreaterThanOrEqual(NOW - 90 * 86_400_000);
          expect(evaluateCandidate(role, candidate, smallTaxonomy, NOW)).toMatchObject({ eligible: true, score: entry.score });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every NGO and country of origin within the balance share", () => {
    fc.assert(
      fc.property(poolArbitrary(30), roleArbitrary, fc.integer({ min: 2, max: 10 }), fc.constantFrom(0.2, 0.3, 0.5), (pool, role, size, share) => {
        const byId = new Map(pool.map((c) => [c.id, c]));
        const { entries } = SlateIndex.build(pool, smallTaxonomy).query(role, { size, balanceShare: share, now: NOW });
        const cap = Math.max(1, Math.floor(size * share));
        const counts = new Map<string, number>();
        for (const { candidateId } of entries) {
          const candidate = byId.get(candidateId) as SlateCandidate;
          for (const key of [`ngo:${candidate.referringOrganisationId}`, `origin:${candidate.countryOfOrigin}`]) {
            if (key.endsWith(":null")) continue;
            counts.set(key, (counts.get(key) ?? 0) + 1);
          }
        }
        for (const count of counts.values()) expect(count).toBeLessThanOrEqual(cap);
      }),
      { numRuns: 300 },
    );
  });
});
