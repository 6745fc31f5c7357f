import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations, newContext, signInThroughForm, submit, browserForThisFile } from "./browser";
import { queryDatabase } from "../setup/database";

const baseURL = inject("baseURL");
const databaseUrl = inject("databaseUrl");
const browser = browserForThisFile();


/** The invitation link in the local outbox (what the person would receive by email). */
async function inviteLinkFor(email: string): Promise<string> {
  const [row] = await queryDatabase<{ text: string }>(databaseUrl, `SELECT "text" FROM "EmailMessage" WHERE "toAddress" = ? AND "template" = 'invite' ORDER BY "createdAt" DESC LIMIT 1`, email);
  const url = /https?:\/\/\S+\/register\?invite=[\w-]+/.exec(row?.text ?? "")?.[0];
  if (!url) throw new Error(`no invitation for ${email}`);
  return url;
}

const BROKEN = "givenName;familyName;email;preferredLanguage\nОксана;Ткаченко;oksana.tkachenko@example.org;uk\nПетро;;petro@example.org;uk\n";
const FIXED = "givenName;familyName;email;preferredLanguage\nОксана;Ткаченко;oksana.tkachenko@example.org;uk\nПетро;Лисенко;petro.lysenko@example.org;uk\n";

describe("bulk referral and registration, without JavaScript", () => {
  it("an NGO uploads a CSV, fixes an error, confirms; the invited person registers in Ukrainian and picks skills by Ukrainian labels", async () => {
    const staff = await newContext(browser(), { javaScriptEnabled: false });
    const ngo = await staff.newPage();
    await signInThroughForm(ngo, baseURL, "ngo-staff@demo.harbor");
    await ngo.goto(`${baseURL}/org/open-doors/referrals/upload?lng=en`);

    await ngo.locator("#file").setInputFiles({ name: "referrals.csv", mimeType: "text/csv", buffer: Buffer.from(BROKEN) });
    await submit(ngo, 'main button[value="preview"]');
    const errorRow = ngo.locator("main table tbody tr").first();
    await expect(errorRow.locator("td").first().textContent()).resolves.toBe("2");
    await expect(errorRow.textContent()).resolves.toMatch(/Family name/);
    await expect(ngo.locator('main button[value="confirm"]').count()).resolves.toBe(0);

    await ngo.locator("#file").setInputFiles({ name: "referrals.csv", mimeType: "text/csv", buffer: Buffer.from(FIXED) });
    await submit(ngo, 'main button[value="preview"]');
    await submit(ngo, 'main button[value="confirm"]');
    await expect(ngo.locator("main h1").textContent()).resolves.toBeTruthy();
    await expect(ngo.locator('main [role="status"]').textContent()).resolves.toMatch(/2/);
    await staff.close();

    const person = await newContext(browser(), { javaScriptEnabled: false, locale: "uk-UA" });
    const page = await person.newPage();
    await page.goto(await inviteLinkFor("oksana.tkachenko@example.org"));
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("uk");
    await expect(page.locator('input[name="nativeName"]').inputValue()).resolves.toBe("Оксана Ткаченко");
    await page.locator('input[name="latinName"]').fill("Oksana Tkachenko");
    await page.locator('input[name="password"]').fill("soniashnyk u poli 7");
    await page.locator('input[name="consent_share_employers"]').check();
    await page.locator('input[name="consent_contact_email"]').check();
    await submit(page, 'main button[type="submit"]');
    expect(page.url()).toBe(`${baseURL}/dashboard`);

    await page.goto(`${baseURL}/profile`);
    await page.locator("#skill-search").fill("бухгалтер");
    await Promise.all([page.waitForEvent("load"), page.locator("#skill-search").press("Enter")]);
    const results = page.locator('#skills form:has(input[name="q"])');
    await expect(results.first().textContent()).resolves.toMatch(/[Бб]ухгалтер/);
    await submit(page, '#skills form:has(input[name="q"]) button[value="skill_save"] >> nth=0');
    await expect(page.locator("#skills > ul > li").first().textContent()).resolves.toMatch(/[Бб]ухгалтер/);
    await person.close();
  });

  // One test per language: each stays well inside the timeout on a loaded machine.
  it.each(["en", "ar"])("has no accessibility violations on the intake pages in %s", async (lng) => {
    const check = async (page: Page, path: string) => {
      await page.goto(`${baseURL}${path}`);
      const violations = await axeViolations(page);
      expect({ path, violations }).toEqual({ path, violations: [] });
    };
    const anonymous = await newContext(browser(), { locale: lng });
    await check(await anonymous.newPage(), `/register?lng=${lng}`);
    await anonymous.close();
    for (const [email, paths] of [
      ["ngo@demo.harbor", ["/org/open-doors/referrals", "/org/open-doors/referrals/new", "/org/open-doors/referrals/upload", "/org/open-doors/tokens"]],
      ["admin@demo.harbor", ["/admin/duplicates"]],
    ] as const) {
      const context = await newContext(browser(), { locale: lng });
      const page = await context.newPage();
      await signInThroughForm(page, baseURL, email);
      for (const path of paths) await check(page, `${path}?lng=${lng}`);
      await context.close();
    }
  });
});
