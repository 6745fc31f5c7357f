import { describe, expect, inject, it } from "vitest";
import { axeViolations, browserForThisFile, newContext, signInThroughForm } from "./browser";

const baseURL = inject("baseURL");
const browser = browserForThisFile();


const ROLES = [
  { email: "admin@demo.harbor", sees: "/admin/audit" },
  { email: "ngo@demo.harbor", sees: "/org/open-doors" },
  { email: "coach@demo.harbor", sees: null },
  { email: "assessor@demo.harbor", sees: null },
  { email: "employer@demo.harbor", sees: "/org/northwind-studio" },
  { email: "candidate@demo.harbor", sees: null },
];

describe("signing in", () => {
  it.each(ROLES)("signs in $email through the form and shows their navigation", async ({ email, sees }) => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await signInThroughForm(page, baseURL, email);
    await expect(page.locator("h1").textContent()).resolves.toBeTruthy();
    if (sees) await expect(page.locator(`nav a[href="${sees}"]`).count()).resolves.toBe(1);
    await context.close();
  });

  it("works with JavaScript turned off, including a translated error", async () => {
    const context = await newContext(browser(), { javaScriptEnabled: false, locale: "uk-UA" });
    const page = await context.newPage();
    await page.goto(`${baseURL}/login`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("uk");
    await page.locator('input[name="email"]').fill("candidate@demo.harbor");
    await page.locator('input[name="password"]').fill("not-my-password");
    await page.locator('main button[type="submit"]').click();
    await page.waitForLoadState("load");
    const alert = await page.locator('[role="alert"]').first().textContent();
    expect(alert).toMatch(/[\u0400-\u04FF]/);
    // The email survives the failed attempt; the password does not.
    await expect(page.locator('input[name="email"]').inputValue()).resolves.toBe("candidate@demo.harbor");
    await expect(page.locator('input[name="password"]').inputValue()).resolves.toBe("");

    await signInThroughForm(page, baseURL, "candidate@demo.harbor");
    await expect(page.locator('[aria-current="step"]').count()).resolves.toBe(1);
    await context.close();
  });
});

describe("languages", () => {
  it("switches language from the switcher and keeps it on the next page", async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto(`${baseURL}/login`);
    await page.locator('a[hreflang="uk"]').click();
    await page.waitForURL(/lng=uk/);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("uk");
    await page.goto(`${baseURL}/forgot-password`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("uk");
    await expect(page.locator("h1").textContent()).resolves.toMatch(/[\u0400-\u04FF]/);
    await context.close();
  });

  it("renders Arabic right to left", async () => {
    const context = await newContext(browser(), { locale: "ar" });
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    await expect(page.locator("html").getAttribute("dir")).resolves.toBe("rtl");
    const direction = await page.locator("main h1").evaluate((el) => getComputedStyle(el).direction);
    expect(direction).toBe("rtl");
    await context.close();
  });
});

describe("accessibility (axe)", () => {
  const publicPages = ["/", "/login", "/forgot-password", "/sign-in-link", "/reset-password?token=unknown"];
  const signedInPages: Array<{ email: string; paths: string[] }> = [
    { email: "admin@demo.harbor", paths: ["/dashboard", "/admin/organisations", "/admin/audit", "/admin/outbox", "/admin/matching", "/admin/badges"] },
    { email: "admin@demo.harbor", paths: ["/admin/badges/frontend-development", "/org/open-doors", "/admin/placements", "/admin/funnel", "/sandbox/marketplace", "/inbox"] },
    { email: "ngo@demo.harbor", paths: ["/dashboard", "/org/open-doors", "/org/open-doors/funnel"] },
    { email: "coach@demo.harbor", paths: ["/coach", "/coach/profile?q=accounting"] },
    { email: "assessor@demo.harbor", paths: ["/assess", "/assess/profile?q=accounting"] },
    { email: "candidate@demo.harbor", paths: ["/dashboard", "/coaching", "/certification", "/certification/accounting-fundamentals", "/introductions", "/interest"] },
    { email: "employer@demo.harbor", paths: ["/org/northwind-studio/roles", "/org/northwind-studio/roles/new", "/org/northwind-studio/tokens"] },
  ];

  for (const lng of ["en", "ar"]) {
    it(`finds no violations on public pages in ${lng}`, async () => {
      const context = await newContext(browser(), { locale: lng });
      const page = await context.newPage();
      for (const path of publicPages) {
        await page.goto(`${baseURL}${path}`);
        await expect(page.locator("html").getAttribute("lang")).resolves.toBe(lng);
        expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
      }
      await context.close();
    });

    it.each(signedInPages)(`finds no violations on $email's pages in ${lng}`, async ({ email, paths }) => {
      const context = await newContext(browser(), { locale: lng });
      const page = await context.newPage();
      await signInThroughForm(page, baseURL, email);
      for (const path of paths) {
        await page.goto(`${baseURL}${path}${path.includes("?") ? "&" : "?"}lng=${lng}`);
        expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
      }
      await context.close();
    });
  }
});
