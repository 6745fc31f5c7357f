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

  it("answers a run of roles on one index exactly, filters seen before or not, with changes between", () => {
    // More roles than the index keeps filter bits for, repeated, so kept bits are reused and evicted.
    const step = fc.record({ role: fc.nat(), replacement: candidateArbitrary("y"), at: fc.nat(), change: fc.boolean() });
    fc.assert(
      fc.property(poolArbitrary(25), fc.array(roleArbitrary, { minLength: 1, maxLength: 12 }), fc.array(step, { minLength: 1, maxLength: 30 }), options, (initial, roles, steps, opts) => {
        const index = SlateIndex.build(initial, smallTaxonomy);
        const pool = new Map<string, SlateCandidate>(initial.map((c) => [c.id, c]));
        for (const { role, replacement, at, change } of steps) {
          const ids = [...pool.keys()];
          if (change && ids.length > 0) {
            const candidate = { ...replacement, id: ids[at % ids.length] as string };
            pool.set(candidate.id, candidate);
            index.upsert(candidate);
          }
          const chosen = roles[role % roles.length] as (typeof roles)[number];
          expect(index.query(chosen, opts)).toEqual(rankCandidates(chosen, [...pool.values()], smallTaxonomy, opts));
        }
      }),
      { numRuns: 150 },
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

describe("SlateIndex on larger and unordered pools", () => {
  // Ids in any order and of any length (the index renumbers candidates in id order), roles with
  // up to two languages, and slates of 1–3 from up to 200 people so that the bounded heap, its
  // growing window under balance, and ties between equal scores are all exercised.
  const largePool = fc
    .tuple(
      fc.integer({ min: 0, max: 200 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => candidateArbitrary(`c${i}`)))),
      fc.array(fc.constantFrom("", "é", "z", "Ω", "a"), { maxLength: 200 }),
      fc.integer(),
    )
    .map(([pool, suffixes, seed]) => {
      const renamed = pool.map((candidate, i) => ({ ...candidate, id: `${(seed ^ (i * 2654435761)) >>> 20}-${i}${suffixes[i] ?? ""}` }));
      // A seeded shuffle, so the build sees ids out of order.
      let state = seed >>> 0;
      for (let i = renamed.length - 1; i > 0; i--) {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        const j = state % (i + 1);
        [renamed[i], renamed[j]] = [renamed[j] as SlateCandidate, renamed[i] as SlateCandidate];
      }
      return renamed;
    });
  const twoLanguageRole = fc.tuple(roleArbitrary, fc.uniqueArray(fc.record({ code: fc.constantFrom("uk", "en", "ar", "xx"), minLevel: fc.constantFrom("A1", "A2", "B1", "B2") as fc.Arbitrary<"A1" | "A2" | "B1" | "B2"> }), { maxLength: 2, selector: (l) => l.code })).map(([role, languages]) => ({ ...role, languages }));
  const smallSlates = fc.record({ size: fc.integer({ min: 1, max: 3 }), balanceShare: fc.option(fc.constantFrom(0.2, 0.34, 0.5), { nil: null, freq: 3 }), now: fc.constant(NOW) });

  it("ranks exactly like the reference", () => {
    fc.assert(
      fc.property(largePool, fc.oneof(roleArbitrary, twoLanguageRole), smallSlates, (pool, role, opts) => {
        const index = SlateIndex.build(pool, smallTaxonomy);
        expect(index.query(role, opts)).toEqual(rankCandidates(role, pool, smallTaxonomy, opts));
      }),
      { numRuns: 300 },
    );
  });

  it("breaks ties by id and grows its window under balance, on pools of many equal candidates", () => {
    // A few profiles, each cloned many times under ids in random order: long runs of equal scores
    // and of one NGO or country of origin, so the slate depends on the tie-break and balance.
    const clonedPool = fc.tuple(fc.array(candidateArbitrary("t"), { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 150 })).map(([templates, picks]) =>
      picks.map(([template, id], i) => ({ ...(templates[template % templates.length] as SlateCandidate), id: `${id % 1000}-${i}` })),
    );
    fc.assert(
      fc.property(clonedPool, roleArbitrary, smallSlates, (pool, role, opts) => {
        expect(SlateIndex.build(pool, smallTaxonomy).query(role, opts)).toEqual(rankCandidates(role, pool, smallTaxonomy, opts));
      }),
      { numRuns: 300 },
    );
  });

  it("prunes people with related credit alone exactly: rare role skills, common siblings", () => {
    // The index scores holders of a role skill itself first and skips related-only people who
    // cannot reach the slate; here few hold the role's skills and most hold their siblings, with
    // the weights and fit points deciding whether a sibling-only person can still make it.
    const commonUri = fc.oneof({ arbitrary: fc.constantFrom("s3", "s5"), weight: 1 }, { arbitrary: fc.constantFrom("s1", "s2", "s4", "s6", "g1"), weight: 10 });
    const skewed = (id: string) =>
      fc.tuple(candidateArbitrary(id), fc.array(fc.record({ uri: commonUri, level: fc.integer({ min: 1, max: 5 }), badges: fc.constantFrom([], ["award-1"]) }), { minLength: 1, maxLength: 3 })).map(([candidate, skills]) => ({ ...candidate, skills }));
    const skewedPool = fc.integer({ min: 20, max: 160 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => skewed(`p${String(i).padStart(3, "0")}`))));
    const rareRole = fc
      .tuple(roleArbitrary, fc.subarray(["s3", "s5"], { minLength: 1 }), fc.array(fc.record({ weight: fc.integer({ min: 1, max: 5 }), minLevel: fc.integer({ min: 1, max: 5 }), required: fc.boolean() }), { minLength: 2, maxLength: 2 }))
      .map(([role, uris, shapes]) => ({ ...role, skills: uris.map((uri, k) => ({ uri, ...(shapes[k] as { weight: number; minLevel: number; required: boolean }) })) }));
    fc.assert(
      fc.property(skewedPool, rareRole, smallSlates, (pool, role, opts) => {
        expect(SlateIndex.build(pool, smallTaxonomy).query(role, opts)).toEqual(rankCandidates(role, pool, smallTaxonomy, opts));
      }),
      { numRuns: 400 },
    );
  });

  it("stays exact as time moves on between queries of one index (interest cut-off forward and back)", () => {
    const days = fc.array(fc.integer({ min: -20, max: 120 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(largePool, roleArbitrary, days, (pool, role, shifts) => {
        const index = SlateIndex.build(pool, smallTaxonomy);
        for (const shift of shifts) {
          const opts = { size: 3, balanceShare: null, now: NOW + shift * 86_400_000 + (shift % 3) };
          expect(index.query(role, opts)).toEqual(rankCandidates(role, pool, smallTaxonomy, opts));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("stays exact after changes to an unordered pool", () => {
    fc.assert(
      fc.property(largePool, fc.array(fc.tuple(fc.nat(), fc.boolean(), candidateArbitrary("x")), { maxLength: 20 }), twoLanguageRole, smallSlates, (initial, changes, role, opts) => {
        const index = SlateIndex.build(initial, smallTaxonomy);
        const pool = new Map<string, SlateCandidate>(initial.map((c) => [c.id, c]));
        for (const [at, remove, replacement] of changes) {
          const ids = [...pool.keys()];
          if (ids.length === 0) break;
          const id = ids[at % ids.length] as string;
          if (remove) {
            pool.delete(id);
            index.remove(id);
          } else {
            pool.set(id, { ...replacement, id });
            index.upsert({ ...replacement, id });
          }
        }
        expect(index.size).toBe(pool.size);
        expect(index.query(role, opts)).toEqual(rankCandidates(role, [...pool.values()], smallTaxonomy, opts));
      }),
      { numRuns: 200 },
    );
  });
});
