import { describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/login/route";
import { action as logoutAction } from "~/routes/logout";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { loader as auditLoader } from "~/routes/admin.audit";
import { db } from "~/utils/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { cookiesFrom, formRequest, getRequest, loadContext, settle, signIn } from "./context";

const DEMO_ACCOUNTS = [
  "admin@demo.harbor",
  "ngo@demo.harbor",
  "coach@demo.harbor",
  "assessor@demo.harbor",
  "employer@demo.harbor",
  "candidate@demo.harbor",
];

describe("sign-in", () => {
  it.each(DEMO_ACCOUNTS)("signs in %s and opens their dashboard", async (email) => {
    const response = await signIn(email);
    expect(response).toBeInstanceOf(Response);
    const redirect = response as Response;
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("Location")).toBe("/dashboard");
    const cookie = cookiesFrom(redirect);
    expect(cookie).toMatch(/harbor_session=/);

    const data = await dashboardLoader({ request: getRequest("/dashboard", { cookie }), params: {}, context: loadContext() });
    expect(data.roles.length).toBeGreaterThan(0);
  });

  it("shows a candidate their stage, the email check and a lapsing \"still looking\" from their own records", async () => {
    const cookie = cookiesFrom((await signIn("candidate3@demo.harbor")) as Response);
    const user = await db.user.findUniqueOrThrow({ where: { email: "candidate3@demo.harbor" }, select: { id: true } });
    const open = () => dashboardLoader({ request: getRequest("/dashboard", { cookie }), params: {}, context: loadContext() });

    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: null } });
    await db.candidateProfile.update({ where: { userId: user.id }, data: { stage: "certified", interestConfirmedAt: new Date() } });
    expect(await open()).toMatchObject({ verified: false, stage: "certified", interest: null });

    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    await db.candidateProfile.update({ where: { userId: user.id }, data: { interestConfirmedAt: new Date(Date.now() - 85 * 86_400_000) } });
    expect(await open()).toMatchObject({ verified: true, stage: "certified", interest: { dueSoon: true, lapsed: false } });
  });

  it("refuses a wrong password with a translated error key, keeping the email", async () => {
    const response = (await signIn("admin@demo.harbor", "not-the-password")) as { data: { error: Record<string, string[]>; initialValue: Record<string, string> }; init: { status: number } };
    expect(response.init.status).toBe(400);
    expect(response.data.error[""]).toEqual(["auth:login.invalid"]);
    expect(response.data.initialValue.email).toBe("admin@demo.harbor");
    expect(response.data.initialValue.password).toBeUndefined();
  });

  it("answers 429 to the 11th failed sign-in for one account within a minute", async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 11; attempt++) {
      // From different addresses: the account limit holds whoever tries.
      const response = (await signIn("coach@demo.harbor", "wrong-password", `10.0.0.${attempt}`)) as { init: { status: number } };
      statuses.push(response.init.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses[10]).toBe(429);
    // Even the right password is refused while limited.
    expect(((await signIn("coach@demo.harbor")) as { init: { status: number } }).init.status).toBe(429);
  });

  it("stores no email address in the rate-limit table or the audit log", async () => {
    await signIn("assessor@demo.harbor", "wrong-password");
    const attempts = await db.loginAttempt.findMany();
    expect(JSON.stringify(attempts)).not.toContain("@");
    const events = await db.auditEvent.findMany();
    expect(JSON.stringify(events)).not.toContain("@demo.harbor");
    expect(JSON.stringify(events)).not.toContain("wrong-password");
  });

  it("rotates the session at sign-in: the old token stops working", async () => {
    const first = cookiesFrom((await signIn("candidate@demo.harbor")) as Response);
    const second = (await settle(() =>
      loginAction({
        request: new Request("http://localhost:3000/login", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: first },
          body: new URLSearchParams({ email: "candidate@demo.harbor", password: DEMO_PASSWORD }),
        }),
        params: {},
        context: loadContext(),
      }),
    )) as Response;
    expect(cookiesFrom(second)).not.toBe(first);
    const stale = await settle(() => dashboardLoader({ request: getRequest("/dashboard", { cookie: first }), params: {}, context: loadContext() }));
    expect((stale as Response).status).toBe(302);
    expect((stale as Response).headers.get("Location")).toMatch(/^\/login/);
  });

  it("signs out: the session ends and it is audited", async () => {
    const cookie = cookiesFrom((await signIn("employer@demo.harbor")) as Response);
    const out = (await settle(() => logoutAction({ request: formRequest("/logout", {}, { cookie }), params: {}, context: loadContext() }))) as Response;
    expect(out.status).toBe(302);
    const after = (await settle(() => dashboardLoader({ request: getRequest("/dashboard", { cookie }), params: {}, context: loadContext() }))) as Response;
    expect(after.headers.get("Location")).toMatch(/^\/login/);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_out" } })).toBe(1);
  });
});

describe("authorisation", () => {
  it("gives a candidate 403 on an admin page and audits the denial", async () => {
    const cookie = cookiesFrom((await signIn("candidate@demo.harbor")) as Response);
    const response = (await settle(() => auditLoader({ request: getRequest("/admin/audit", { cookie }), params: {}, context: loadContext() }))) as Response;
    expect(response.status).toBe(403);
    const denial = await db.auditEvent.findFirst({ where: { action: "access.denied" }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(denial?.detail ?? "{}")).toMatchObject({ permission: "audit.view", path: "/admin/audit" });
  });

  it("lets the admin read the audit log", async () => {
    const cookie = cookiesFrom((await signIn("admin@demo.harbor")) as Response);
    const data = await auditLoader({ request: getRequest("/admin/audit", { cookie }), params: {}, context: loadContext() });
    expect(data.events.some((event) => event.action === "auth.sign_in")).toBe(true);
  });

  it("sends anonymous visitors to /login", async () => {
    const response = (await settle(() => auditLoader({ request: getRequest("/admin/audit"), params: {}, context: loadContext() }))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Faudit");
  });
});
