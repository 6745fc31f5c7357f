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

export async function newContext(browser: Browser, options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, locale: options.locale ?? "en-US" });
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

/** axe-core's findings on the current page, one line each (an empty list is the goal). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Submits a form with a full page load, as a browser without JavaScript does. */
export async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForEvent("load"), page.locator(button).click()]);
}
