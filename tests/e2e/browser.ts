import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

/** Debian's chromium; `npx playwright install` cannot download browsers on these machines. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export const DEMO_PASSWORD = "harbor-demo-password";

export async function signInThroughForm(page: Page, baseURL: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseURL}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([page.waitForURL(`${baseURL}/dashboard`), page.locator('main button[type="submit"]').click()]);
  // Signed in once the shell shows the sign-out form.
  await page.locator('form[action="/logout"]').waitFor();
}

/** Uncaught errors and failed hydration per page: a page that renders and then breaks must fail tests. */
const pageErrors = new WeakMap<Page, string[]>();

export async function newContext(browser: Browser, options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, locale: options.locale ?? "en-US" });
  context.on("page", (page) => {
    const errors: string[] = [];
    pageErrors.set(page, errors);
    // Only the current document counts: a page left mid-hydration may still report as it unloads.
    page.on("domcontentloaded", () => errors.splice(0));
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" && !/Failed to load resource/.test(message.text())) errors.push(`console: ${message.text().slice(0, 300)}`);
    });
  });
  return context;
}

/** One Chromium per test file: launched before its tests, closed after them. */
export function browserForThisFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("browser not launched yet");
    return browser;
  };
}

/**
 * axe-core's findings on the current page, one line each, plus any error the page raised (an
 * empty list is the goal).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Hydration waits for the translations to arrive; let it finish so its errors are seen here.
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).analyze();
  const errors = pageErrors.get(page)?.splice(0) ?? [];
  return [...results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), ...errors];
}

/**
 * axe on a page seen by a context that has JavaScript off (axe itself needs it): the same page,
 * opened with the same cookies in a JavaScript-enabled context.
 */
export async function axeViolationsAt(browser: Browser, signedIn: BrowserContext, url: string, locale = "en-US"): Promise<string[]> {
  const context = await newContext(browser, { locale });
  await context.addCookies((await signedIn.storageState()).cookies);
  const page = await context.newPage();
  await page.goto(url);
  const violations = await axeViolations(page);
  await context.close();
  return violations;
}

/** Submits a form with a full page load, as a browser without JavaScript does. */
export async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForEvent("load"), page.locator(button).click()]);
}
