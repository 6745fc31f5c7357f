import { describe, expect, it } from "vitest";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password/route";
import { action as linkAction } from "~/routes/sign-in-link/route";
import { action as verifyAction } from "~/routes/verify-email";
import { action as orgAction, loader as orgLoader } from "~/routes/org.$slug/route";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { db } from "~/utils/db.server";
import { cookiesFrom, formRequest, getRequest, loadContext, settle, signIn } from "./context";

/** The link in the newest outbox email to an address. */
async function linkFromOutbox(to: string, template: string): Promise<string> {
  const message = await db.emailMessage.findFirstOrThrow({ where: { toAddress: to, template }, orderBy: { createdAt: "desc" } });
  const url = /https?:\/\/\S+token=[\w-]+/.exec(message.text)?.[0];
  if (!url) throw new Error("no link in email");
  return url;
}
const tokenOf = (url: string) => new URL(url).searchParams.get("token") ?? "";
const run = <T,>(fn: (args: { request: Request; params: Record<string, string>; context: ReturnType<typeof loadContext> }) => Promise<T>, request: Request, params: Record<string, string> = {}) =>
  settle(() => fn({ request, params, context: loadContext() }));

describe("password reset", () => {
  it("emails a single-use link in the person's language and sets the new password", async () => {
    await run(forgotAction, formRequest("/forgot-password", { email: "coach2@demo.harbor" }));
    const message = await db.emailMessage.findFirstOrThrow({ where: { toAddress: "coach2@demo.harbor" } });
    expect(message.locale).toBe("ar");
    expect(message.subject).toMatch(/[\u0600-\u06FF]/);
    const token = tokenOf(await linkFromOutbox("coach2@demo.harbor", "reset_password"));

    expect(await resetLoader({ request: getRequest(`/reset-password?token=${token}`), params: {}, context: loadContext() })).toMatchObject({ usable: true });
    const weak = (await run(resetAction, formRequest("/reset-password", { token, password: "password1", confirm: "password1" }))) as { init: { status: number }; data: { error: Record<string, string[]> } };
    expect(weak.init.status).toBe(400);
    expect(weak.data.error.password).toEqual(["validation:password_common"]);

    const done = (await run(resetAction, formRequest("/reset-password", { token, password: "a quiet harbour at dawn", confirm: "a quiet harbour at dawn" }))) as Response;
    expect(done.status).toBe(302);
    expect(((await signIn("coach2@demo.harbor", "a quiet harbour at dawn")) as Response).status).toBe(302);

    const reused = (await run(resetAction, formRequest("/reset-password", { token, password: "another long phrase", confirm: "another long phrase" }))) as { data: { error: Record<string, string[]> } };
    expect(reused.data.error[""]).toEqual(["auth:link_invalid"]);
  });

  it("says the same for unknown addresses and sends nothing", async () => {
    const result = (await run(forgotAction, formRequest("/forgot-password", { email: "nobody@example.org" }))) as { sent: boolean };
    expect(result.sent).toBe(true);
    expect(await db.emailMessage.count({ where: { toAddress: "nobody@example.org" } })).toBe(0);
  });

  it("rejects a malformed address with a translated key", async () => {
    const result = (await run(forgotAction, formRequest("/forgot-password", { email: "not-an-email" }))) as { init: { status: number }; data: { result: { error: Record<string, string[]> } } };
    expect(result.init.status).toBe(400);
    expect(result.data.result.error.email).toEqual(["validation:email_invalid"]);
  });
});

describe("magic link sign-in", () => {
  it("signs a candidate in once with an emailed link", async () => {
    await run(linkAction, formRequest("/sign-in-link", { intent: "request", email: "candidate4@demo.harbor" }));
    const token = tokenOf(await linkFromOutbox("candidate4@demo.harbor", "magic_link"));
    const response = (await run(linkAction, formRequest("/sign-in-link", { intent: "confirm", token }))) as Response;
    expect(response.status).toBe(302);
    const cookie = cookiesFrom(response);
    const dashboard = await dashboardLoader({ request: getRequest("/dashboard", { cookie }), params: {}, context: loadContext() });
    expect(dashboard.roles).toEqual(["candidate"]);
    const again = (await run(linkAction, formRequest("/sign-in-link", { intent: "confirm", token }))) as { init: { status: number } };
    expect(again.init.status).toBe(400);
  });

  it("does not send magic links to staff", async () => {
    await run(linkAction, formRequest("/sign-in-link", { intent: "request", email: "admin@demo.harbor" }));
    expect(await db.emailMessage.count({ where: { toAddress: "admin@demo.harbor", template: "magic_link" } })).toBe(0);
  });
});

describe("email verification", () => {
  it("verifies an address through the emailed link", async () => {
    const user = await db.user.update({ where: { email: "candidate5@demo.harbor" }, data: { emailVerifiedAt: null } });
    const cookie = cookiesFrom((await signIn("candidate5@demo.harbor")) as Response);
    await run(
      (args) => import("~/routes/dashboard").then((m) => m.action(args)),
      formRequest("/dashboard", {}, { cookie }),
    );
    const token = tokenOf(await linkFromOutbox("candidate5@demo.harbor", "verify_email"));
    const response = (await run(verifyAction, formRequest("/verify-email", { token }))) as Response;
    expect(response.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
  });
});

describe("organisation scope", () => {
  it("shows an NGO its own referrals' status and denies the other NGO's page", async () => {
    const cookie = cookiesFrom((await signIn("ngo2-staff@demo.harbor")) as Response);
    const own = (await orgLoader({ request: getRequest("/org/nour-relief", { cookie }), params: { slug: "nour-relief" }, context: loadContext() })) as { referrals: Array<Record<string, unknown>> };
    expect(own.referrals.length).toBeGreaterThan(0);
    // Status only: no contact details, origin or skills.
    expect(Object.keys(own.referrals[0] ?? {}).sort()).toEqual(["id", "latinName", "stage", "updatedAt"]);
    const other = (await run(orgLoader, getRequest("/org/open-doors", { cookie }), { slug: "open-doors" })) as Response;
    expect(other.status).toBe(403);
  });

  it("lets only an NGO admin disable staff, and disabling ends their sessions", async () => {
    const staffCookie = cookiesFrom((await signIn("ngo-staff@demo.harbor")) as Response);
    const adminCookie = cookiesFrom((await signIn("ngo@demo.harbor")) as Response);
    const staff = await db.membership.findFirstOrThrow({ where: { user: { email: "ngo-staff@demo.harbor" } } });

    const denied = (await run(orgAction, formRequest("/org/open-doors", { intent: "disable", membershipId: staff.id }, { cookie: staffCookie }), { slug: "open-doors" })) as Response;
    expect(denied.status).toBe(403);

    const otherNgoAdmin = cookiesFrom((await signIn("ngo2@demo.harbor")) as Response);
    const crossOrg = (await run(orgAction, formRequest("/org/open-doors", { intent: "disable", membershipId: staff.id }, { cookie: otherNgoAdmin }), { slug: "open-doors" })) as Response;
    expect(crossOrg.status).toBe(403);

    const ok = await run(orgAction, formRequest("/org/open-doors", { intent: "disable", membershipId: staff.id }, { cookie: adminCookie }), { slug: "open-doors" });
    expect(ok).toEqual({ error: null });
    const after = (await run(dashboardLoader, getRequest("/dashboard", { cookie: staffCookie }))) as Response;
    expect(after.headers.get("Location")).toMatch(/^\/login/);
    expect(((await signIn("ngo-staff@demo.harbor")) as { init: { status: number } }).init.status).toBe(400);
  });
});
