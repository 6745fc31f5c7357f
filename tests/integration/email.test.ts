import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startFakeResend, type FakeResend } from "../mocks/resend-server";

let resend: FakeResend;

beforeAll(async () => {
  resend = await startFakeResend();
});
afterAll(async () => {
  await resend.close();
});

/** A fresh module graph, so the environment is read again. */
async function emailModules(env: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  vi.resetModules();
  const [{ sendEmail }, { resetPasswordEmail }, { i18next }, { db }] = await Promise.all([
    import("~/services/email.server"),
    import("~/emails/account"),
    import("~/i18n/i18next.server"),
    import("~/utils/db.server"),
  ]);
  return { sendEmail, resetPasswordEmail, i18next, db };
}

async function resetEmail(modules: Awaited<ReturnType<typeof emailModules>>, locale: string) {
  const t = await modules.i18next.getFixedT(locale, "email");
  return modules.resetPasswordEmail(t, locale, { name: "Layla", url: "http://localhost:3000/reset-password?token=x", minutes: 60 });
}

describe("email service", () => {
  it("keeps every email in the local outbox when no provider key is set", async () => {
    const modules = await emailModules({ RESEND_API_KEY: undefined, RESEND_BASE_URL: undefined });
    const result = await modules.sendEmail({ to: "layla@example.org", template: "reset_password", locale: "ar", content: await resetEmail(modules, "ar") });
    expect(result.status).toBe("outbox");
    const stored = await modules.db.emailMessage.findUniqueOrThrow({ where: { id: result.id } });
    expect(stored.status).toBe("outbox");
    expect(stored.html).toContain('dir="rtl"');
    expect(stored.subject).toMatch(/[\u0600-\u06FF]/);
    expect(stored.text).toContain("http://localhost:3000/reset-password?token=x");
    expect(resend.sent).toHaveLength(0);
  });

  it("sends through Resend (the fake on 127.0.0.1) with HTML and text parts", async () => {
    const modules = await emailModules({ RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: resend.url });
    const result = await modules.sendEmail({ to: "olena@example.org", template: "reset_password", locale: "uk", content: await resetEmail(modules, "uk") });
    expect(result).toMatchObject({ status: "sent", providerMessageId: "fake-1" });
    expect(resend.sent[0]).toMatchObject({ to: "olena@example.org" });
    expect(resend.sent[0]?.subject).toMatch(/[\u0400-\u04FF]/);
    expect(resend.sent[0]?.text).toContain("reset-password?token=x");
    expect(resend.sent[0]?.html).toContain('lang="uk"');
  });

  it("returns the provider's failure instead of throwing, and records it", async () => {
    const modules = await emailModules({ RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: resend.url });
    resend.failNext(500);
    const result = await modules.sendEmail({ to: "omar@example.org", template: "reset_password", locale: "en", content: await resetEmail(modules, "en") });
    expect(result.status).toBe("failed");
    const stored = await modules.db.emailMessage.findUniqueOrThrow({ where: { id: result.id } });
    expect(stored).toMatchObject({ status: "failed", attempts: 1 });
    expect(stored.lastError).toBeTruthy();
  });

  it("retries a failed email through the outbox until the provider takes it, and shows it to admins meanwhile", async () => {
    const modules = await emailModules({ RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: resend.url });
    const { deliverDue, listUndelivered } = await import("~/models/outbox.server");
    resend.failNext(503);
    const result = await modules.sendEmail({ to: "karim@example.org", template: "reset_password", locale: "ar", content: await resetEmail(modules, "ar") });
    expect(result.status).toBe("failed");
    expect(await listUndelivered()).toContainEqual(expect.objectContaining({ kind: "email", idempotencyKey: result.id, status: "pending" }));
    resend.failNext(503);
    const unused = { baseUrl: "http://127.0.0.1:9", transport: () => Promise.reject(new Error("not for email")) };
    let clock = Date.now();
    for (let pass = 0; pass < 5; pass++) {
      await deliverDue(unused, { now: () => new Date(clock), random: () => 0.5 });
      clock += 60_000;
    }
    const stored = await modules.db.emailMessage.findUniqueOrThrow({ where: { id: result.id } });
    expect(stored).toMatchObject({ status: "sent", lastError: null });
    expect(stored.attempts).toBeGreaterThanOrEqual(2);
    expect(resend.sent.filter((m) => m.to === "karim@example.org")).toHaveLength(1);
    expect((await modules.db.outboxEntry.findFirstOrThrow({ where: { idempotencyKey: result.id } })).status).toBe("delivered");
  });
});
