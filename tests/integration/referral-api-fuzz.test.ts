import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { action as apiAction } from "~/routes/api.v1.referrals";
import { db } from "~/utils/db.server";
import { DEMO_API_TOKEN } from "../../prisma/seed";
import { BASE_URL, loadContext } from "./context";

const post = (input: Uint8Array | string) =>
  apiAction({
    request: new Request(`${BASE_URL}/api/v1/referrals`, {
      method: "POST",
      headers: { Authorization: `Bearer ${DEMO_API_TOKEN}`, "Content-Type": "text/csv" },
      body: typeof input === "string" ? input : new Uint8Array(input),
    }),
    params: {},
    context: loadContext(),
  });

/** CSV-ish text: a valid header, then rows made of the characters that break parsers. */
const csvish = fc
  .array(fc.array(fc.constantFrom("a", "Ю", "ع", ",", ";", '"', "\n", "\r", "\u0000", "=", "+", " ", "x@y.org", "+380501234567", "\u202E"), { maxLength: 12 }).map((cells) => cells.join("")), { maxLength: 6 })
  .map((rows) => `givenName,familyName,email,phone\n${rows.join("\n")}`);

describe("the partner API under malformed CSV", () => {
  it("answers 4xx or per-row results, never 500, and records exactly the rows it reports", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(csvish, fc.uint8Array({ maxLength: 200 }).map((bytes) => bytes)), async (body) => {
        const before = await db.referral.count();
        const response = await post(body);
        expect([200, 201, 400]).toContain(response.status);
        const json = (await response.json()) as { summary?: { created: number; duplicate: number; invalid: number }; results?: Array<{ row: number; status: string }> };
        const after = await db.referral.count();
        if (response.status === 400) {
          expect(after).toBe(before); // a file-level error imports nothing
          return;
        }
        // These rows carry no externalId, so every row reported created or duplicate is recorded.
        expect(after - before).toBe((json.summary?.created ?? 0) + (json.summary?.duplicate ?? 0));
        for (const result of json.results ?? []) expect(result.row).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
