import { describe, expect, inject, it } from "vitest";

const baseURL = inject("baseURL");

async function signIn(email: string, password = "harbor-demo-password"): Promise<string> {
  const response = await fetch(`${baseURL}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL },
    body: new URLSearchParams({ email, password }),
  });
  expect(response.status).toBe(302);
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

describe("the running server", () => {
  it("answers /healthz once the database answers", async () => {
    const response = await fetch(`${baseURL}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("serves the home page in Arabic, right to left, from Accept-Language", async () => {
    const html = await (await fetch(`${baseURL}/`, { headers: { "Accept-Language": "ar,en;q=0.5" } })).text();
    expect(html).toMatch(/<html lang="ar" dir="rtl"/);
    expect(html).toMatch(/[\u0600-\u06FF]{4,}/);
  });

  it("serves the home page in Ukrainian from Accept-Language", async () => {
    const html = await (await fetch(`${baseURL}/`, { headers: { "Accept-Language": "uk-UA,uk;q=0.9" } })).text();
    expect(html).toMatch(/<html lang="uk" dir="ltr"/);
    expect(html).toMatch(/[\u0400-\u04FF]{4,}/);
  });

  it("remembers ?lng=fa in a cookie for the next request", async () => {
    const first = await fetch(`${baseURL}/?lng=fa`, { headers: { "Accept-Language": "en" } });
    const cookie = first.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    expect(cookie).toContain("lng=");
    const next = await (await fetch(`${baseURL}/`, { headers: { "Accept-Language": "en", Cookie: cookie } })).text();
    expect(next).toMatch(/<html lang="fa" dir="rtl"/);
  });

  it("sets the security headers with a per-response CSP nonce", async () => {
    const [a, b] = await Promise.all([fetch(`${baseURL}/`), fetch(`${baseURL}/`)]);
    const csp = a.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toBe(b.headers.get("content-security-policy"));
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("same-origin");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(await a.text()).toContain(`nonce="${nonce}"`);
  });

  it("refuses a sign-in posted from another origin", async () => {
    const response = await fetch(`${baseURL}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
      body: new URLSearchParams({ email: "admin@demo.harbor", password: "harbor-demo-password" }),
    });
    expect(response.status).toBe(403);
  });

  it("refuses request bodies over the cap", async () => {
    const response = await fetch(`${baseURL}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL },
      body: "email=" + "a".repeat(13 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
  });

  it("answers 429 to the 11th failed sign-in for one account within a minute", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await fetch(`${baseURL}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL },
        body: new URLSearchParams({ email: "employer2@demo.harbor", password: `wrong-${i}` }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("keeps one NGO's staff out of the other NGO's page", async () => {
    const cookie = await signIn("ngo-staff@demo.harbor");
    expect((await fetch(`${baseURL}/org/open-doors`, { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await fetch(`${baseURL}/org/nour-relief`, { headers: { Cookie: cookie } })).status).toBe(403);
  });

  it("gives a candidate 403 on an admin page", async () => {
    const cookie = await signIn("candidate@demo.harbor");
    expect((await fetch(`${baseURL}/admin/outbox`, { headers: { Cookie: cookie } })).status).toBe(403);
  });
});
