import { describe, expect, it } from "vitest";
import { action as referAction, loader as referLoader } from "~/routes/org.$slug_.referrals_.new/route";
import { loader as referralLoader } from "~/routes/org.$slug_.referrals_.$id/route";
import { action as registerAction, loader as registerLoader } from "~/routes/register/route";
import { action as apiAction, loader as apiLoader } from "~/routes/api.v1.referrals";
import { action as duplicatesAction, loader as duplicatesLoader } from "~/routes/admin.duplicates";
import { db } from "~/utils/db.server";
import { DEMO_API_TOKEN } from "../../prisma/seed";
import { BASE_URL, cookiesFrom, formRequest, getRequest, loadContext, settle, signIn } from "./context";

type Args = { request: Request; params: Record<string, string>; context: ReturnType<typeof loadContext> };
const call = <T,>(fn: (args: Args) => Promise<T>, request: Request, params: Record<string, string> = {}) =>
  settle(() => fn({ request, params, context: loadContext() }));
const cookieOf = async (email: string) => cookiesFrom((await signIn(email)) as Response);
const openDoors = { slug: "open-doors" };

function api(body: unknown, init: { token?: string | null; key?: string; contentType?: string; language?: string } = {}) {
  const headers: Record<string, string> = { "Content-Type": init.contentType ?? "application/json" };
  if (init.token !== null) headers.Authorization = `Bearer ${init.token ?? DEMO_API_TOKEN}`;
  if (init.key) headers["Idempotency-Key"] = init.key;
  if (init.language) headers["Accept-Language"] = init.language;
  return new Request(`${BASE_URL}/api/v1/referrals`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

describe("referring one person by form", () => {
  it("records the referral, emails the invite in their language and shows the link and QR code", async () => {
    const cookie = await cookieOf("ngo-staff@demo.harbor");
    const result = (await call(
      referAction,
      formRequest("/org/open-doors/referrals/new", { givenName: "Ганна", familyName: "Савчук", latinName: "Hanna Savchuk", email: "hanna.savchuk@example.org", preferredLanguage: "uk", countryOfOrigin: "UA", currentCountry: "PL" }, { cookie }),
      openDoors,
    )) as { invite: { url: string; emailed: boolean; qrSvg: string } };
    expect(result.invite.emailed).toBe(true);
    expect(result.invite.url).toMatch(/\/register\?invite=/);
    expect(result.invite.qrSvg).toContain("<svg");
    const email = await db.emailMessage.findFirstOrThrow({ where: { toAddress: "hanna.savchuk@example.org", template: "invite" } });
    expect(email.locale).toBe("uk");
    expect(email.text).toContain(result.invite.url);
  });

  it("answers bad input with translated-key errors per field and keeps what was typed", async () => {
    const cookie = await cookieOf("ngo-staff@demo.harbor");
    const result = (await call(referAction, formRequest("/org/open-doors/referrals/new", { givenName: "Ali", familyName: "", email: "not-an-email" }, { cookie }), openDoors)) as {
      init: { status: number };
      data: { errors: Array<{ field: string; code: string }>; values: Record<string, string> };
    };
    expect(result.init.status).toBe(400);
    expect(result.data.errors).toEqual(expect.arrayContaining([{ field: "familyName", code: "required" }, { field: "email", code: "invalid_email" }]));
    expect(result.data.values.givenName).toBe("Ali");
  });

  it("keeps other organisations out", async () => {
    const otherNgo = await cookieOf("ngo2-staff@demo.harbor");
    expect(((await call(referLoader, getRequest("/org/open-doors/referrals/new", { cookie: otherNgo }), openDoors)) as Response).status).toBe(403);
    const employer = await cookieOf("employer@demo.harbor");
    expect(((await call(referAction, formRequest("/org/open-doors/referrals/new", { givenName: "A", familyName: "B", email: "a@example.org" }, { cookie: employer }), openDoors)) as Response).status).toBe(403);
  });
});

describe("registering from an invite", () => {
  it("pre-fills from the referral, records each consent with its text version, and spends the invite", async () => {
    const cookie = await cookieOf("ngo@demo.harbor");
    const { invite } = (await call(
      referAction,
      formRequest("/org/open-doors/referrals/new", { givenName: "Богдан", familyName: "Гнатюк", email: "bohdan@example.org", languages: "uk:C2;en:B1", currentCountry: "DE" }, { cookie }),
      openDoors,
    )) as { invite: { url: string } };
    const token = new URL(invite.url).searchParams.get("invite") ?? "";
    const page = (await registerLoader({ request: getRequest(`/register?invite=${token}&lng=uk`), params: {}, context: loadContext() })) as { prefill: { nativeName: string; email: string } };
    expect(page.prefill).toMatchObject({ nativeName: "Богдан Гнатюк", email: "bohdan@example.org" });

    const form = { invite: token, nativeName: "Богдан Гнатюк", latinName: "Bohdan Hnatiuk", email: "bohdan@example.org", password: "river stone lantern", currentCountry: "DE", consent_share_coaches: "on", consent_contact_email: "on" };
    const response = (await call(registerAction, formRequest("/register?lng=uk", form))) as Response;
    expect(response.status).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { email: "bohdan@example.org" }, select: { id: true, locale: true } });
    expect(user.locale).toBe("uk");
    const profile = await db.candidateProfile.findUniqueOrThrow({ where: { userId: user.id }, include: { languages: true } });
    expect(profile).toMatchObject({ consentCoaches: true, consentEmployers: false, consentEmail: true, stage: "registered" });
    expect(profile.languages.map((l) => `${l.code}:${l.level}`).sort()).toEqual(["en:B1", "uk:C2"]);
    const consents = await db.consent.findMany({ where: { userId: user.id } });
    expect(consents).toHaveLength(5);
    expect(consents.every((c) => c.textVersion && c.language === "uk")).toBe(true);
    expect((await db.referral.findFirstOrThrow({ where: { email: "bohdan@example.org" } })).status).toBe("registered");

    const again = (await call(registerAction, formRequest("/register", { ...form, email: "other@example.org" }))) as { data: { error: Record<string, string[]> } };
    expect(again.data.error[""]).toEqual(["intake:register.invite_invalid"]);
  });

  it("accepts a phone number instead of an email address", async () => {
    const response = (await call(registerAction, formRequest("/register", { nativeName: "Ahmad Wali", phone: "+93 70 123 9876", password: "mountain tea garden" }))) as Response;
    expect(response.status).toBe(302);
    expect(await db.user.count({ where: { phone: "+93701239876" } })).toBe(1);
  });

  it("refuses names with bidirectional override characters", async () => {
    const result = (await call(registerAction, formRequest("/register", { nativeName: "Ali\u202Egnp.exe", email: "bidi@example.org", password: "mountain tea garden" }))) as { data: { error: Record<string, string[]> } };
    expect(result.data.error.nativeName).toEqual(["validation:unsafe_characters"]);
  });
});

describe("partner API", () => {
  it("refuses missing, unknown and revoked tokens with 401", async () => {
    expect(((await call(apiAction, api({}, { token: null }))) as Response).status).toBe(401);
    expect(((await call(apiAction, api({}, { token: "hbr_nope_nope" }))) as Response).status).toBe(401);
    await db.apiToken.updateMany({ data: { revokedAt: new Date() } });
    const listed = (await call(apiLoader, new Request(`${BASE_URL}/api/v1/referrals`, { headers: { Authorization: `Bearer ${DEMO_API_TOKEN}` } }))) as Response;
    expect(listed.status).toBe(401);
    await db.apiToken.updateMany({ data: { revokedAt: null } });
  });

  it("creates, flags duplicates and reports invalid rows, with messages in the caller's language", async () => {
    const response = (await apiAction({
      request: api(
        [
          { externalId: "kobo-1", givenName: "Олена", familyName: "Мельник", email: "olena.melnyk@example.org", dateOfBirth: "1990-04-02" },
          { externalId: "kobo-2", givenName: "Olena", familyName: "Melnyk", email: "olena.melnyk@example.org" },
          { externalId: "kobo-3", givenName: "Ivan", familyName: "Petrenko", email: "broken" },
        ],
        { language: "fr" },
      ),
      params: {},
      context: loadContext(),
    })) as Response;
    expect(response.status).toBe(201);
    const body = (await response.json()) as { summary: Record<string, number>; results: Array<{ row: number; status: string; reasons?: string[]; errors?: Array<{ field: string; code: string; message: string }> }> };
    expect(body.summary).toEqual({ created: 1, duplicate: 1, invalid: 1 });
    expect(body.results[1]).toMatchObject({ row: 2, status: "duplicate", reasons: expect.arrayContaining(["email"]) });
    expect(body.results[2]?.errors?.[0]).toMatchObject({ field: "email", code: "invalid_email" });
    expect(body.results[2]?.errors?.[0]?.message).not.toBe("This is not a valid email address.");
  });

  it("never creates a second referral for the same externalId", async () => {
    const row = { externalId: "kobo-77", givenName: "Sami", familyName: "Haddad", phone: "+963944000777" };
    await apiAction({ request: api([row]), params: {}, context: loadContext() });
    const second = (await (await apiAction({ request: api([row]), params: {}, context: loadContext() })).json()) as { results: Array<{ status: string }> };
    expect(second.results[0]?.status).toBe("duplicate");
    expect(await db.referral.count({ where: { externalId: "kobo-77" } })).toBe(1);
  });

  it("replays the stored response for a repeated Idempotency-Key and refuses it with another body", async () => {
    const body = [{ givenName: "Nour", familyName: "Saleh", email: "nour.saleh@example.org" }];
    const first = await apiAction({ request: api(body, { key: "abc-1" }), params: {}, context: loadContext() });
    const second = await apiAction({ request: api(body, { key: "abc-1" }), params: {}, context: loadContext() });
    expect(second.status).toBe(first.status);
    expect(await second.text()).toBe(await first.text());
    expect(await db.referral.count({ where: { email: "nour.saleh@example.org" } })).toBe(1);
    const other = await apiAction({ request: api([{ ...body[0], familyName: "Other" }], { key: "abc-1" }), params: {}, context: loadContext() });
    expect(other.status).toBe(422);
  });

  it("accepts CSV with a BOM and semicolons", async () => {
    const csv = "\uFEFFgivenName;familyName;email;languages\nKarim;Mansour;karim.mansour@example.org;ar:C2;en:B1\n".replace("ar:C2;en:B1", '"ar:C2;en:B1"');
    const response = await apiAction({ request: api(csv, { contentType: "text/csv" }), params: {}, context: loadContext() });
    expect(response.status).toBe(201);
    expect(JSON.parse((await db.referral.findFirstOrThrow({ where: { email: "karim.mansour@example.org" } })).languages)).toEqual([{ code: "ar", level: "C2" }, { code: "en", level: "B1" }]);
  });

  it("lists only the calling organisation's referrals, without personal data", async () => {
    const response = (await apiLoader({ request: new Request(`${BASE_URL}/api/v1/referrals`, { headers: { Authorization: `Bearer ${DEMO_API_TOKEN}` } }), params: {}, context: loadContext() })) as Response;
    const body = (await response.json()) as { items: Array<Record<string, unknown>> };
    const ids = new Set((await db.referral.findMany({ where: { organisationId: (await db.organisation.findUniqueOrThrow({ where: { slug: "open-doors" } })).id }, select: { id: true } })).map((r) => r.id));
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i) => ids.has(i.referralId as string))).toBe(true);
    expect(Object.keys(body.items[0] ?? {}).sort()).toEqual(["createdAt", "externalId", "referralId", "status", "updatedAt"]);
  });
});

describe("duplicates across scripts and organisations", () => {
  it("flags Oleksandr Kovalenko referred by another NGO and lets the admin keep both", async () => {
    const ngo2 = await cookieOf("ngo2-staff@demo.harbor");
    const result = (await call(
      referAction,
      formRequest("/org/nour-relief/referrals/new", { givenName: "Oleksandr", familyName: "Kovalenko", phone: "+48 512 345 678" }, { cookie: ngo2 }),
      { slug: "nour-relief" },
    )) as { invite: { duplicate: boolean } };
    expect(result.invite.duplicate).toBe(true);
    const admin = await cookieOf("admin@demo.harbor");
    const queue = (await duplicatesLoader({ request: getRequest("/admin/duplicates", { cookie: admin }), params: {}, context: loadContext() })) as { flags: Array<{ id: string; record: { familyName: string } }> };
    const flag = queue.flags.find((f) => f.record.familyName === "Kovalenko");
    expect(flag).toBeDefined();
    expect(await duplicatesAction({ request: formRequest("/admin/duplicates", { flagId: flag?.id ?? "", decision: "keep_separate" }, { cookie: admin }), params: {}, context: loadContext() })).toEqual({ ok: true });
    const staff = await cookieOf("ngo-staff@demo.harbor");
    expect(((await call(duplicatesLoader, getRequest("/admin/duplicates", { cookie: staff }))) as Response).status).toBe(403);
  });
});

describe("duplicates of people who registered on their own", () => {
  it("flags a referral that matches a self-registered candidate, also after they change their phone", async () => {
    expect(((await call(registerAction, formRequest("/register", { nativeName: "Фаріда Юсупова", latinName: "Farida Yusupova", phone: "+380 67 111 2233", password: "quiet garden river" }))) as Response).status).toBe(302);
    const user = await db.user.findFirstOrThrow({ where: { phone: "+380671112233" } });
    // The person changes their number; the keys follow.
    await db.user.update({ where: { id: user.id }, data: { phone: "+380679998877" } });
    const { refreshPersonKeys } = await import("~/models/person-keys.server");
    await refreshPersonKeys(user.id);

    const body = (await (await apiAction({ request: api([{ givenName: "Farida", familyName: "Yusupova", phone: "+380679998877" }]), params: {}, context: loadContext() })).json()) as {
      results: Array<{ status: string; duplicateOf?: string; reasons?: string[] }>;
    };
    expect(body.results[0]).toMatchObject({ status: "duplicate", duplicateOf: user.id });
    expect(body.results[0]?.reasons).toEqual(expect.arrayContaining(["phone"]));
    const admin = await cookieOf("admin@demo.harbor");
    const queue = (await duplicatesLoader({ request: getRequest("/admin/duplicates", { cookie: admin }), params: {}, context: loadContext() })) as { flags: Array<{ match: { id: string; organisation: string | null } }> };
    expect(queue.flags.some((f) => f.match.id === user.id && f.match.organisation === null)).toBe(true);
  });
});

describe("what an NGO sees of its referrals", () => {
  it("shows the profile only while the person consents, and logs every view", async () => {
    const cookie = await cookieOf("ngo-staff@demo.harbor");
    const candidate = await db.user.findUniqueOrThrow({ where: { email: "candidate@demo.harbor" } });
    const referral = await db.referral.findFirstOrThrow({ where: { candidateUserId: candidate.id } });
    const load = () => referralLoader({ request: getRequest(`/org/open-doors/referrals/${referral.id}`, { cookie }), params: { slug: "open-doors", id: referral.id }, context: loadContext() });
    expect((await load()).profile).not.toBeNull();
    await db.candidateProfile.update({ where: { userId: candidate.id }, data: { consentReferringNgo: false } });
    const withheld = await load();
    expect(withheld.profile).toBeNull();
    expect(withheld.consentWithheld).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "profile.view", targetId: candidate.id } })).toBe(2);

    const otherNgo = await cookieOf("ngo2@demo.harbor");
    const denied = (await settle(() => referralLoader({ request: getRequest(`/org/open-doors/referrals/${referral.id}`, { cookie: otherNgo }), params: { slug: "open-doors", id: referral.id }, context: loadContext() }))) as Response;
    expect(denied.status).toBe(403);
  });
});

describe("the NGO's referral list", () => {
  it("filters by status and finds people by name in any script, only within the organisation", async () => {
    const { loader: listLoader } = await import("~/routes/org.$slug_.referrals/route");
    const cookie = await cookieOf("ngo-staff@demo.harbor");
    const list = (query: string) => listLoader({ request: getRequest(`/org/open-doors/referrals?${query}`, { cookie }), params: openDoors, context: loadContext() });
    const waiting = await list("status=referred");
    expect(waiting.items.length).toBeGreaterThan(0);
    expect(waiting.items.every((r) => r.status === "referred")).toBe(true);
    expect((await list(`q=${encodeURIComponent("Бойко")}`)).items.map((r) => r.familyName)).toEqual(["Бойко"]);
    // Nour Relief's Huda Al-Sayed is not Open Doors' to find.
    expect((await list("q=Huda")).items).toEqual([]);
  });
});
