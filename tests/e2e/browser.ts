import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

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
