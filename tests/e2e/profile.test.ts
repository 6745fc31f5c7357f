import { describe, expect, inject, it } from "vitest";
import { minimalPdf } from "../fixtures/files/cv-fixtures";
import { axeViolations, newContext, signInThroughForm, submit, browserForThisFile } from "./browser";

const baseURL = inject("baseURL");
const browser = browserForThisFile();



describe("the profile without JavaScript", () => {
  it("shows a translated error next to the field, keeps what was typed, then saves", async () => {
    const context = await newContext(browser(), { javaScriptEnabled: false, locale: "es-ES" });
    const page = await context.newPage();
    await signInThroughForm(page, baseURL, "candidate8@demo.harbor");
    await page.goto(`${baseURL}/profile`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("es");

    const hours = page.locator('#basics-form [name="availabilityHours"]');
    await hours.fill("99");
    await page.locator('#basics-form [name="desiredRoles"]').fill("Diseñadora, redactora");
    await submit(page, '#basics-form button[value="basics"]');

    await expect(hours.getAttribute("aria-invalid")).resolves.toBe("true");
    const describedBy = (await hours.getAttribute("aria-describedby")) ?? "";
    const errorId = describedBy.split(" ")[0] ?? "";
    await expect(page.locator(`[id="${errorId}"]`).textContent()).resolves.toMatch(/horas/);
    await expect(page.locator('#basics-form [name="desiredRoles"]').inputValue()).resolves.toBe("Diseñadora, redactora");

    await hours.fill("25");
    await submit(page, '#basics-form button[value="basics"]');
    expect(page.url()).toMatch(/saved=basics/);
    await expect(page.locator('#basics [role="status"]').textContent()).resolves.toBe("Guardado.");
    await expect(page.locator('#basics-form [name="availabilityHours"]').inputValue()).resolves.toBe("25");
    await context.close();
  });

  it("finds a skill with the search box and adds it, and uploads a CV only its owner can download", async () => {
    const context = await newContext(browser(), { javaScriptEnabled: false });
    const page = await context.newPage();
    await signInThroughForm(page, baseURL, "candidate8@demo.harbor");
    await page.goto(`${baseURL}/profile`);

    await page.locator("#skill-search").fill("python");
    await Promise.all([page.waitForURL(/q=python/), page.locator("#skill-search").press("Enter")]);
    const before = await page.locator('#skills > ul > li').count();
    // Result rows carry the query back, so the list stays open for the next skill.
    await submit(page, '#skills form:has(input[name="q"]) button[value="skill_save"] >> nth=0');
    expect(page.url()).toMatch(/q=python&saved=skills/);
    expect(await page.locator('#skills > ul > li').count()).toBe(before + 1);

    await page.locator("#cv-file").setInputFiles({ name: "mi-cv.pdf", mimeType: "application/pdf", buffer: Buffer.from(minimalPdf()) });
    await submit(page, '#cv button[value="cv_upload"]');
    expect(page.url()).toMatch(/saved=cv/);
    const href = (await page.locator('#cv a[href^="/profile/cv/"]').getAttribute("href")) ?? "";
    const own = await page.request.get(`${baseURL}${href}`);
    expect(own.status()).toBe(200);
    expect(own.headers()["content-disposition"]).toMatch(/^attachment;/);
    // The route sets it itself (helmet does too, for every response).
    expect(own.headers()["x-content-type-options"]).toMatch(/^nosniff/);

    const stranger = await newContext(browser(), { javaScriptEnabled: false });
    const other = await stranger.newPage();
    await signInThroughForm(other, baseURL, "candidate10@demo.harbor");
    expect((await other.request.get(`${baseURL}${href}`)).status()).toBe(403);
    await stranger.close();
    await context.close();
  });

  it("erases the account after the box is ticked, and signs the person out", async () => {
    const context = await newContext(browser(), { javaScriptEnabled: false });
    const page = await context.newPage();
    await signInThroughForm(page, baseURL, "candidate9@demo.harbor");
    await page.goto(`${baseURL}/profile/delete`);
    await submit(page, 'main button[type="submit"]');
    await expect(page.locator('main [role="alert"]').first().textContent()).resolves.toBeTruthy();
    await page.locator('input[name="confirm"]').check();
    await submit(page, 'main button[type="submit"]');
    expect(page.url()).toMatch(/\/profile\/deleted\?ref=/);
    await expect(page.locator('form[action="/logout"]').count()).resolves.toBe(0);
    await page.goto(`${baseURL}/profile`);
    expect(page.url()).toMatch(/\/login/);
    await context.close();
  });
});

describe("the profile's accessibility (axe)", () => {
  for (const lng of ["en", "ar"]) {
    it(`finds no violations in ${lng}`, async () => {
      const context = await newContext(browser(), { locale: lng });
      const page = await context.newPage();
      await signInThroughForm(page, baseURL, "candidate4@demo.harbor");
      for (const path of ["/profile?q=design", "/profile/delete"]) {
        await page.goto(`${baseURL}${path}${path.includes("?") ? "&" : "?"}lng=${lng}`);
        await expect(page.locator("html").getAttribute("dir")).resolves.toBe(lng === "ar" ? "rtl" : "ltr");
        expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
      }
      await context.close();
    });
  }
});
