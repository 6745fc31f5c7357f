import { describe, expect, it } from "vitest";
import { action as uploadAction } from "~/routes/org.$slug_.referrals_.upload/route";
import { confirmReferralFile, previewReferralFile } from "~/models/referral-upload.server";
import { db } from "~/utils/db.server";
import { BASE_URL, cookiesFrom, loadContext, settle, signIn } from "./context";

function upload(cookie: string, fields: Record<string, string | File>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return new Request(`${BASE_URL}/org/open-doors/referrals/upload`, { method: "POST", headers: { Cookie: cookie }, body });
}
const csvFile = (text: string) => new File([text], "referrals.csv", { type: "text/csv" });

function generatedCsv(rows: number, prefix: string): string {
  const lines = ["externalId,givenName,familyName,email,phone,countryOfOrigin"];
  for (let i = 1; i <= rows; i++) lines.push(`${prefix}-${i},Given${i},Family${prefix}${i},${prefix}.${i}@example.org,,UA`);
  return lines.join("\n") + "\n";
}

describe("CSV referral upload", () => {
  it("previews per-row errors, imports nothing, then imports the fixed file once", async () => {
    const cookie = cookiesFrom((await signIn("ngo-staff@demo.harbor")) as Response);
    const broken = "givenName,familyName,email,phone\nLina,Haddad,lina.haddad@example.org,\nMark,,mark@example.org,\nZara,Amini,,12\n";
    const preview = (await settle(() => uploadAction({ request: upload(cookie, { intent: "preview", file: csvFile(broken) }), params: { slug: "open-doors" }, context: loadContext() }))) as {
      init: { status: number };
      data: { step: string; rowCount: number; errors: Array<{ row: number; field: string; code: string }> };
    };
    expect(preview.init.status).toBe(422);
    expect(preview.data.rowCount).toBe(3);
    expect(preview.data.errors).toEqual(
      expect.arrayContaining([
        { row: 2, field: "familyName", code: "required" },
        { row: 3, field: "phone", code: "invalid_phone" },
      ]),
    );
    expect(await db.referral.count({ where: { email: "lina.haddad@example.org" } })).toBe(0);

    const fixed = "givenName,familyName,email,phone\nLina,Haddad,lina.haddad@example.org,\nMark,Evans,mark@example.org,\nZara,Amini,,+93 70 555 1234\n";
    const ok = (await uploadAction({ request: upload(cookie, { intent: "preview", file: csvFile(fixed) }), params: { slug: "open-doors" }, context: loadContext() })) as {
      data: { step: string; contentHash: string; errors: unknown[] };
    };
    expect(ok.data.errors).toEqual([]);
    const done = (await uploadAction({ request: upload(cookie, { intent: "confirm", contentHash: ok.data.contentHash }), params: { slug: "open-doors" }, context: loadContext() })) as {
      step: string;
      status: string;
      summary: { created: number };
      invited: number;
    };
    expect(done).toMatchObject({ step: "done", status: "imported", summary: { created: 3 }, invited: 2 });

    // The same file again: previewed as already imported, and confirming creates nobody.
    const again = (await uploadAction({ request: upload(cookie, { intent: "preview", file: csvFile(fixed) }), params: { slug: "open-doors" }, context: loadContext() })) as {
      data: { contentHash: string; alreadyImported: boolean };
    };
    expect(again.data.alreadyImported).toBe(true);
    await uploadAction({ request: upload(cookie, { intent: "confirm", contentHash: again.data.contentHash }), params: { slug: "open-doors" }, context: loadContext() });
    expect(await db.referral.count({ where: { email: { in: ["lina.haddad@example.org", "mark@example.org"] } } })).toBe(2);
  });

  it("refuses a binary file with a clear error", async () => {
    const cookie = cookiesFrom((await signIn("ngo-staff@demo.harbor")) as Response);
    const binary = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x00])], "x.csv");
    const result = (await uploadAction({ request: upload(cookie, { intent: "preview", file: binary }), params: { slug: "open-doors" }, context: loadContext() })) as {
      init: { status: number };
      data: { fileError: string };
    };
    expect(result.init.status).toBe(400);
    expect(result.data.fileError).toBe("binary");
  });

  it("creates exactly 1,000 referrals from 10 concurrent confirmations of the same 1,000-row file", async () => {
    const organisation = await db.organisation.findUniqueOrThrow({ where: { slug: "open-doors" }, select: { id: true } });
    const actor = await db.user.findUniqueOrThrow({ where: { email: "ngo-staff@demo.harbor" }, select: { id: true } });
    const bytes = new TextEncoder().encode(generatedCsv(1000, "conc"));
    const previews = await Promise.all(Array.from({ length: 10 }, () => previewReferralFile({ organisationId: organisation.id, bytes })));
    const hash = previews[0]?.status === "ok" ? previews[0].contentHash : "";
    const outcomes = await Promise.all(previews.map(() => confirmReferralFile({ organisationId: organisation.id, actorUserId: actor.id, contentHash: hash })));
    expect(outcomes.filter((o) => o.status === "imported")).toHaveLength(1);
    expect(await db.referral.count({ where: { externalId: { startsWith: "conc-" } } })).toBe(1000);
  }, 120_000);
});
