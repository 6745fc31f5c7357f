import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolationsAt, browserForThisFile, newContext, signInThroughForm, submit } from "./browser";
import { queryDatabase } from "../setup/database";

const baseURL = inject("baseURL");
const databaseUrl = inject("databaseUrl");
const browser = browserForThisFile();
const ukrainian = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../locales/uk/common.json"), "utf8")) as { stages: { placed: string } };

const query = <T>(sql: string, ...params: unknown[]) => queryDatabase<T>(databaseUrl, sql, ...params);

async function signedIn(email: string, locale: string): Promise<Page> {
  const context = await newContext(browser(), { javaScriptEnabled: false, locale });
  const page = await context.newPage();
  await signInThroughForm(page, baseURL, email);
  return page;
}

describe("placement handoff, without JavaScript", () => {
  it("offer → accepted in Ukrainian → the sandbox marketplace has it → admin starts the contract → the candidate is placed and both sides are told", async () => {
    const employer = await signedIn("employer2@demo.harbor", "en");
    const [role] = await query<{ id: string }>(`SELECT r."id" FROM "Role" r JOIN "Organisation" o ON o."id" = r."organisationId" WHERE o."slug" = 'atlas-ledger'`);
    await employer.goto(`${baseURL}/org/atlas-ledger/roles/${role?.id}?lng=en`);
    await submit(employer, 'main form:has(#slate-size) button[value="generate"]');
    const slateUrl = employer.url().split("#")[0] as string;
    const slateId = new URL(slateUrl).pathname.split("/").pop() as string;
    const [iryna] = await query<{ id: string }>(
      `SELECT e."id" FROM "SlateEntry" e JOIN "CandidateProfile" p ON p."id" = e."candidateProfileId" JOIN "User" u ON u."id" = p."userId" WHERE e."slateId" = ? AND u."email" = 'candidate2@demo.harbor'`,
      slateId,
    );
    expect(iryna, "Iryna is on the slate").toBeTruthy();
    const entry = `#entry-${iryna?.id}`;
    await submit(employer, `${entry} button[value="request_introduction"]`);

    const candidate = await signedIn("candidate2@demo.harbor", "uk");
    await candidate.goto(`${baseURL}/introductions?lng=uk`);
    await submit(candidate, 'main button[value="accept"]');

    await employer.goto(slateUrl);
    await employer.locator(`${entry} input[name="rateAmount"]`).fill("22");
    await employer.locator(`${entry} input[name="hoursPerWeek"]`).fill("15");
    await employer.locator(`${entry} input[name="startDate"]`).fill("2027-02-01");
    await submit(employer, `${entry} button[value="offer"]`);
    await expect(employer.locator(entry).textContent()).resolves.toContain("Offer made");

    await candidate.goto(`${baseURL}/introductions?lng=uk`);
    await expect(candidate.locator("html").getAttribute("lang")).resolves.toBe("uk");
    expect(await axeViolationsAt(browser(), candidate.context(), candidate.url(), "uk")).toEqual([]);
    await submit(candidate, 'main button[value="accept_offer"]');
    const [placement] = await query<{ id: string }>(`SELECT p."id" FROM "Placement" p JOIN "Offer" o ON o."id" = p."offerId" WHERE o."entryId" = ?`, iryna?.id);
    expect(placement, "a placement").toBeTruthy();

    // The server's outbox worker hands it to the sandbox marketplace within seconds.
    const admin = await signedIn("admin@demo.harbor", "en");
    const row = `#placement-${placement?.id}`;
    for (let tries = 0; tries < 30 && (await admin.locator(row).count()) === 0; tries++) {
      await admin.goto(`${baseURL}/sandbox/marketplace?lng=en`);
      if ((await admin.locator(row).count()) === 0) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await expect(admin.locator(row).textContent()).resolves.toContain("Iryna Shevchuk");
    expect(await axeViolationsAt(browser(), admin.context(), admin.url())).toEqual([]);
    await submit(admin, `${row} button[value="start"]`);
    await admin.goto(`${baseURL}/admin/placements?lng=en`);
    await expect(admin.locator("main").textContent()).resolves.toContain("Contract started");
    expect(await axeViolationsAt(browser(), admin.context(), admin.url())).toEqual([]);

    await candidate.goto(`${baseURL}/dashboard?lng=uk`);
    await expect(candidate.locator("main").textContent()).resolves.toContain(ukrainian.stages.placed);
    const told = await query<{ toAddress: string; locale: string }>(`SELECT "toAddress", "locale" FROM "EmailMessage" WHERE "template" = 'placement_status'`);
    expect(told).toEqual(expect.arrayContaining([{ toAddress: "candidate2@demo.harbor", locale: "uk" }, { toAddress: "employer2@demo.harbor", locale: "en" }]));
    for (const page of [employer, candidate, admin]) await page.context().close();
  });
});
