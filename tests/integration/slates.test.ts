import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "~/models/api-token.server";
import { eraseCandidate } from "~/models/erasure.server";
import { touchCandidate } from "~/models/slate-pool.server";
import { EMPLOYER_ENTRY_KEYS, sendInterestReminders, type SlateView } from "~/models/slates.server";
import { loader as apiLoader } from "~/routes/api.v1.slates.$slateId";
import { action as interestAction, loader as interestLoader } from "~/routes/interest";
import { action as introductionsAction, loader as introductionsLoader } from "~/routes/introductions";
import { loader as rolesLoader } from "~/routes/org.$slug_.roles/route";
import { action as roleAction, loader as roleLoader } from "~/routes/org.$slug_.roles_.$roleId/route";
import { action as slateAction, loader as slateLoader } from "~/routes/org.$slug_.slates_.$slateId/route";
import { loader as csvLoader } from "~/routes/org.$slug_.slates_.$slateId[.]csv";
import { db } from "~/utils/db.server";
import { DEMO_API_TOKEN } from "../../prisma/seed";
import { BASE_URL, cookieFor, formRequest, getRequest, runRoute as run, type RouteArgs } from "./context";

const get = async (fn: (args: RouteArgs) => Promise<unknown>, email: string, path: string, params: Record<string, string> = {}) =>
  run(fn, getRequest(path, { cookie: await cookieFor(email) }), params);
const post = async (fn: (args: RouteArgs) => Promise<unknown>, email: string, path: string, fields: Record<string, string>, params: Record<string, string> = {}) =>
  run(fn, formRequest(path, fields, { cookie: await cookieFor(email) }), params);
const statusOf = (result: unknown) => (result instanceof Response ? result.status : ((result as { init?: { status: number } }).init?.status ?? 200));
const locationOf = (result: unknown) => (result as Response).headers.get("Location") ?? "";
const dataOf = <T>(result: unknown) => ((result as { data?: T }).data ?? result) as T;

const EMPLOYER = "employer@demo.harbor";
const EMPLOYER2 = "employer2@demo.harbor";
const NORTHWIND = "northwind-studio";
const CANDIDATE = "candidate@demo.harbor"; // Oleksandr: JavaScript, web development, English B2
const OFFER_TERMS = { rateAmount: "30", hoursPerWeek: "20", startDate: "2027-03-01", message: "" };
const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
const profileOf = async (email: string) => db.candidateProfile.findUniqueOrThrow({ where: { userId: await userId(email) }, select: { id: true, nativeName: true, latinName: true } });
const frontendRole = async () => (await db.role.findFirstOrThrow({ where: { title: { startsWith: "Frontend" } }, select: { id: true } })).id;

async function generate(roleId: string, fields: Record<string, string> = {}): Promise<string> {
  const response = await post(roleAction, EMPLOYER, `/org/${NORTHWIND}/roles/${roleId}`, { intent: "generate", size: "25", balance: "none", ...fields }, { slug: NORTHWIND, roleId });
  expect(statusOf(response)).toBe(303);
  return locationOf(response).split("/").pop() as string;
}

async function viewAs(email: string, slateId: string, slug = NORTHWIND): Promise<SlateView> {
  const result = await get(slateLoader, email, `/org/${slug}/slates/${slateId}`, { slug, slateId });
  expect(statusOf(result)).toBe(200);
  return (result as { slate: SlateView }).slate;
}

async function candidateIdsOn(slateId: string): Promise<Array<string | null>> {
  return (await db.slateEntry.findMany({ where: { slateId }, orderBy: { rank: "asc" }, select: { candidateProfileId: true } })).map((e) => e.candidateProfileId);
}

describe("who may use roles and slates", () => {
  it("keeps roles to their employer's members", async () => {
    for (const email of [CANDIDATE, "ngo@demo.harbor", "coach@demo.harbor", EMPLOYER2]) {
      expect(statusOf(await get(rolesLoader, email, `/org/${NORTHWIND}/roles`, { slug: NORTHWIND }))).toBe(403);
    }
    expect(statusOf(await get(rolesLoader, EMPLOYER, `/org/${NORTHWIND}/roles`, { slug: NORTHWIND }))).toBe(200);
    // An NGO has no roles page even for its own staff.
    expect(statusOf(await get(rolesLoader, "ngo@demo.harbor", "/org/open-doors/roles", { slug: "open-doors" }))).toBe(404);
  });

  it("hides another employer's role and slates even through the employer's own organisation", async () => {
    const roleId = await frontendRole();
    expect(statusOf(await get(roleLoader, EMPLOYER2, `/org/atlas-ledger/roles/${roleId}`, { slug: "atlas-ledger", roleId }))).toBe(404);
    const slateId = await generate(roleId);
    expect(statusOf(await get(slateLoader, EMPLOYER2, `/org/atlas-ledger/slates/${slateId}`, { slug: "atlas-ledger", slateId }))).toBe(404);
    const entry = await db.slateEntry.findFirstOrThrow({ where: { slateId }, select: { id: true, status: true } });
    expect(statusOf(await post(slateAction, EMPLOYER2, `/org/atlas-ledger/slates/${slateId}`, { intent: "shortlist", entryId: entry.id }, { slug: "atlas-ledger", slateId }))).toBe(404);
    expect((await db.slateEntry.findUniqueOrThrow({ where: { id: entry.id } })).status).toBe(entry.status);
    expect(statusOf(await post(roleAction, EMPLOYER2, `/org/atlas-ledger/roles/${roleId}`, { intent: "generate", size: "25", balance: "none" }, { slug: "atlas-ledger", roleId }))).toBe(404);
  });
});

describe("roles", () => {
  it("refuses bad input with translated field errors and keeps what was typed", async () => {
    const result = await post(roleAction, EMPLOYER, `/org/${NORTHWIND}/roles/new`, { intent: "basics", title: "Data analyst", description: "", language: "en", status: "open", timeZone: "Europe/Berlin", minOverlapHours: "12", hoursPerWeek: "abc", currency: "EUR", countries: "Poland" }, { slug: NORTHWIND, roleId: "new" });
    expect(statusOf(result)).toBe(400);
    const reply = dataOf<{ result: { error: Record<string, string[]>; initialValue: Record<string, string> } }>(result).result;
    expect(reply.error.description).toEqual(["validation:required"]);
    expect(reply.error.minOverlapHours).toEqual(["slates:role.invalid_value"]);
    expect(reply.error.hoursPerWeek).toEqual(["slates:role.invalid_value"]);
    expect(reply.error.countries).toEqual(["slates:role.countries_invalid"]);
    expect(reply.initialValue.title).toBe("Data analyst");
    expect(await db.role.count({ where: { title: "Data analyst" } })).toBe(0);
    // A browser leaves empty fields out: every message is still one the page can translate.
    const empty = dataOf<{ result: { error: Record<string, string[]> } }>(await post(roleAction, EMPLOYER, `/org/${NORTHWIND}/roles/new`, { intent: "basics" }, { slug: NORTHWIND, roleId: "new" })).result;
    expect(Object.keys(empty.error).sort()).toEqual(["currency", "description", "hoursPerWeek", "language", "minOverlapHours", "status", "timeZone", "title"]);
    for (const messages of Object.values(empty.error)) for (const message of messages) expect(message).toMatch(/^(validation|slates):[\w.]+$/);
  });

  it("creates a role, adds skills and a language, and will not generate before it is open", async () => {
    const created = await post(roleAction, EMPLOYER, `/org/${NORTHWIND}/roles/new`, { intent: "basics", title: "Data analyst", description: "Dashboards and SQL.", language: "en", status: "draft", timeZone: "Europe/Warsaw", minOverlapHours: "2", hoursPerWeek: "10", durationWeeks: "", budgetPerHour: "", currency: "eur", countries: "pl de" }, { slug: NORTHWIND, roleId: "new" });
    expect(statusOf(created)).toBe(303);
    const roleId = locationOf(created).split("/").pop()?.split("?")[0] as string;
    const sql = await db.taxonomyLabel.findFirstOrThrow({ where: { label: "SQL", language: "en" }, select: { conceptUri: true } });
    expect(statusOf(await post(roleAction, EMPLOYER, "/", { intent: "skill_add", uri: sql.conceptUri, weight: "5", minLevel: "3", required: "yes" }, { slug: NORTHWIND, roleId }))).toBe(303);
    expect(statusOf(await post(roleAction, EMPLOYER, "/", { intent: "skill_add", uri: "http://example.org/not-a-skill", weight: "5", minLevel: "3", required: "yes" }, { slug: NORTHWIND, roleId }))).toBe(400);
    expect(statusOf(await post(roleAction, EMPLOYER, "/", { intent: "language_add", code: "en", minLevel: "B1" }, { slug: NORTHWIND, roleId }))).toBe(303);
    const role = await db.role.findUniqueOrThrow({ where: { id: roleId }, select: { currency: true, countries: true, skills: true, languages: true } });
    expect(role).toMatchObject({ currency: "EUR", countries: '["PL","DE"]', skills: [{ conceptUri: sql.conceptUri, weight: 5, minLevel: 3, required: true }], languages: [{ code: "en", minLevel: "B1" }] });
    const draft = await post(roleAction, EMPLOYER, "/", { intent: "generate", size: "25", balance: "none" }, { slug: NORTHWIND, roleId });
    expect(statusOf(draft)).toBe(400);
    expect(dataOf<{ error: string }>(draft).error).toBe("slates:role.not_open");
    expect(await db.slate.count({ where: { roleId } })).toBe(0);
  });
});

describe("slates", () => {
  let slateId: string;
  let view: SlateView;
  beforeAll(async () => {
    slateId = await generate(await frontendRole());
    view = await viewAs(EMPLOYER, slateId);
  });

  it("ranks the pool with reasons and stores the slate as generated", async () => {
    const oleksandr = await profileOf(CANDIDATE);
    const ids = await candidateIdsOn(slateId);
    expect(ids[0]).toBe(oleksandr.id);
    const first = view.entries[0];
    expect(first?.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(["skill_declared", "language_fit", "timezone_overlap", "availability_fit"]));
    expect(first?.reasons.find((r) => r.code === "skill_declared")?.label).toBe("JavaScript");
    // Andrés speaks English at A2: the role asks B1.
    expect(ids).not.toContain((await profileOf("candidate9@demo.harbor")).id);
    const stored = await db.slate.findUniqueOrThrow({ where: { id: slateId }, select: { engineVersion: true, inputs: true, eligibleCount: true } });
    expect(stored.engineVersion).toBe("slate/1");
    expect(JSON.parse(stored.inputs).requirements.languages).toEqual([{ code: "en", minLevel: "B1" }]);
    expect(stored.eligibleCount).toBe(view.entries.length);
  });

  it("shows employers only the allowed fields before an introduction, on the page and through the API", async () => {
    const people = await db.candidateProfile.findMany({ select: { nativeName: true, latinName: true, userId: true, countryOfOrigin: true } });
    const emails = (await db.user.findMany({ where: { id: { in: people.map((p) => p.userId) } }, select: { email: true } })).map((u) => u.email as string);
    const token = await createApiToken({ organisationId: (await db.organisation.findUniqueOrThrow({ where: { slug: NORTHWIND } })).id, name: "ATS", actorUserId: null });
    const api = (await run(apiLoader, getRequest(`/api/v1/slates/${slateId}`, { headers: { Authorization: `Bearer ${token.token}` } }), { slateId })) as Response;
    expect(api.status).toBe(200);
    const json = (await api.json()) as { slate: SlateView };
    for (const payload of [view, json.slate]) {
      for (const entry of payload.entries) {
        expect(Object.keys(entry).sort()).toEqual([...EMPLOYER_ENTRY_KEYS].sort());
        expect(entry.introduced).toBeNull();
      }
      const text = JSON.stringify(payload);
      for (const value of [...people.flatMap((p) => [p.nativeName, p.latinName]), ...emails]) expect(text).not.toContain(value);
    }
  });

  it("refuses the API without an employer's token for this slate", async () => {
    const call = (authorization?: string) => run(apiLoader, getRequest(`/api/v1/slates/${slateId}`, { headers: authorization ? { Authorization: authorization } : {} }), { slateId }) as Promise<Response>;
    expect((await call()).status).toBe(401);
    expect((await call(`Bearer ${DEMO_API_TOKEN}`)).status).toBe(401); // an NGO's token
    const other = await createApiToken({ organisationId: (await db.organisation.findUniqueOrThrow({ where: { slug: "atlas-ledger" } })).id, name: "ATS", actorUserId: null });
    expect((await call(`Bearer ${other.token}`)).status).toBe(404);
  });

  it("exports the slate as formula-safe CSV in the reader's language", async () => {
    const oleksandr = await profileOf(CANDIDATE);
    await db.candidateProfile.update({ where: { id: oleksandr.id }, data: { workHistory: JSON.stringify([{ id: "w1", title: "=HYPERLINK(\"http://evil\")", organisation: "Kyiv Soft", from: "2019-01", to: null, description: "" }]) } });
    const fresh = await generate(await frontendRole());
    const response = (await run(csvLoader, getRequest(`/org/${NORTHWIND}/slates/${fresh}.csv?lng=es`, { cookie: await cookieFor(EMPLOYER) }), { slug: NORTHWIND, slateId: fresh })) as Response;
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, for spreadsheets
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split("\r\n")[0]).toBe("rank,reference,score,status,matched_skills,missing_skills,fit,badges,experience,name,email");
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).not.toContain("Kyiv Soft");
    expect(csv).toContain("horas de trabajo al día en común");
  });

  it("leaves out anyone who withdrew consent, is placed or has not confirmed their interest for 90 days", async () => {
    const roleId = await frontendRole();
    const before = await candidateIdsOn(await generate(roleId));
    const [withdrawn, placed, stale] = before.slice(0, 3) as string[];
    await db.candidateProfile.update({ where: { id: withdrawn }, data: { consentEmployers: false } });
    await db.candidateProfile.update({ where: { id: placed }, data: { stage: "placed" } });
    await db.candidateProfile.update({ where: { id: stale }, data: { interestConfirmedAt: new Date(Date.now() - 91 * 86_400_000) } });
    const after = await candidateIdsOn(await generate(roleId));
    expect(after).not.toContain(withdrawn);
    expect(after).not.toContain(placed);
    expect(after).not.toContain(stale);
    expect(after.length).toBe(before.length - 3);
    await db.candidateProfile.update({ where: { id: withdrawn }, data: { consentEmployers: true } });
    await db.candidateProfile.update({ where: { id: placed }, data: { stage: "registered" } });
    await db.candidateProfile.update({ where: { id: stale }, data: { interestConfirmedAt: new Date() } });
    expect((await candidateIdsOn(await generate(roleId))).sort()).toEqual([...before].sort());
  });

  it("weighs a skill proven by a badge above the same skill declared", async () => {
    const roleId = await frontendRole();
    const sara = await profileOf("candidate6@demo.harbor"); // software testing, declared
    const entryOf = async (slate: string) => db.slateEntry.findFirstOrThrow({ where: { slateId: slate, candidateProfileId: sara.id }, select: { id: true, score: true } });
    const before = await entryOf(await generate(roleId));
    const testing = await db.roleSkill.findFirstOrThrow({ where: { roleId, required: false }, select: { conceptUri: true } });
    const badge = await db.badgeDefinition.create({ data: { slug: "testing-demo", level: "foundation", texts: JSON.stringify({ en: { name: "Software testing", description: "d", criteria: "c" } }), rubric: "[]", skills: { create: [{ conceptUri: testing.conceptUri }] } }, select: { id: true } });
    await db.badgeAward.create({ data: { badgeId: badge.id, candidateProfileId: sara.id, statusIndex: 424242, credential: "test", language: "en", issuedAt: new Date() } });
    await touchCandidate(sara.id);
    const slate = await generate(roleId);
    const after = await entryOf(slate);
    expect(after.score).toBeGreaterThan(before.score);
    const shown = (await viewAs(EMPLOYER, slate)).entries.find((e) => e.id === after.id);
    expect(shown?.reasons.find((r) => r.code === "skill_verified")?.badgeNames).toEqual(["Software testing"]);
    expect(shown?.badges).toEqual(["Software testing"]);
  });
});

describe("decisions and introductions", () => {
  let slateId: string;
  let entryId: string;
  beforeAll(async () => {
    slateId = await generate(await frontendRole());
    const oleksandr = await profileOf(CANDIDATE);
    entryId = (await db.slateEntry.findFirstOrThrow({ where: { slateId, candidateProfileId: oleksandr.id }, select: { id: true } })).id;
  });
  const decide = (fields: Record<string, string>) => post(slateAction, EMPLOYER, `/org/${NORTHWIND}/slates/${slateId}`, fields, { slug: NORTHWIND, slateId });

  it("records each decision and refuses those the entry's state does not allow", async () => {
    expect(statusOf(await decide({ intent: "offer", entryId, ...OFFER_TERMS }))).toBe(409); // not introduced yet
    expect(statusOf(await decide({ intent: "reject", entryId }))).toBe(400); // no reason code
    expect(statusOf(await decide({ intent: "shortlist", entryId }))).toBe(303);
    expect(statusOf(await decide({ intent: "shortlist", entryId }))).toBe(409);
    const entry = await db.slateEntry.findUniqueOrThrow({ where: { id: entryId }, select: { status: true, candidate: { select: { stage: true } }, decisions: { select: { decision: true } } } });
    expect(entry).toMatchObject({ status: "shortlisted", candidate: { stage: "slated" }, decisions: [{ decision: "shortlist" }] });
  });

  it("asks the person in their language, once, and reveals them only when they accept", async () => {
    expect(statusOf(await decide({ intent: "request_introduction", entryId }))).toBe(303);
    expect(statusOf(await decide({ intent: "request_introduction", entryId }))).toBe(409);
    expect(await db.introduction.count({ where: { entryId } })).toBe(1);
    const email = await db.emailMessage.findFirstOrThrow({ where: { template: "introduction_requested", toAddress: CANDIDATE } });
    expect(email.locale).toBe("uk");
    expect(email.subject).toContain("Northwind Studio");

    const mine = dataOf<{ introductions: Array<{ id: string; status: string; role: { title: string; organisation: { name: string } } }> }>(await get(introductionsLoader, CANDIDATE, "/introductions"));
    const introduction = mine.introductions[0];
    expect(introduction).toMatchObject({ status: "pending", role: { title: "Frontend developer (React)", organisation: { name: "Northwind Studio" } } });
    const theirs = dataOf<{ introductions: unknown[] }>(await get(introductionsLoader, "candidate2@demo.harbor", "/introductions"));
    expect(theirs.introductions).toEqual([]);
    // Someone else cannot answer it for them; employers and NGOs have no introductions page.
    expect(statusOf(await post(introductionsAction, "candidate2@demo.harbor", "/introductions", { intent: "accept", introductionId: introduction?.id ?? "" }))).toBe(404);
    expect(statusOf(await get(introductionsLoader, EMPLOYER, "/introductions"))).toBe(403);
    expect((await viewAs(EMPLOYER, slateId)).entries.find((e) => e.id === entryId)?.introduced).toBeNull();

    expect(statusOf(await post(introductionsAction, CANDIDATE, "/introductions", { intent: "accept", introductionId: introduction?.id ?? "" }))).toBe(303);
    expect(statusOf(await post(introductionsAction, CANDIDATE, "/introductions", { intent: "decline", introductionId: introduction?.id ?? "" }))).toBe(409);
    const revealed = (await viewAs(EMPLOYER, slateId)).entries.find((e) => e.id === entryId);
    expect(revealed?.status).toBe("introduced");
    expect(revealed?.introduced).toEqual({ name: "Олександр Коваленко (Oleksandr Kovalenko)", email: CANDIDATE });
    expect(await db.emailMessage.count({ where: { template: "introduction_accepted", toAddress: EMPLOYER } })).toBe(1);
    expect(statusOf(await decide({ intent: "offer", entryId, ...OFFER_TERMS }))).toBe(303);
  });

  it("keeps the entry, without the person, after they erase their account", async () => {
    const person = await profileOf("candidate11@demo.harbor");
    const entry = await db.slateEntry.findFirstOrThrow({ where: { slateId, candidateProfileId: person.id }, select: { id: true, reference: true } });
    await eraseCandidate(await userId("candidate11@demo.harbor"));
    const kept = await db.slateEntry.findUniqueOrThrow({ where: { id: entry.id }, select: { reference: true, candidateProfileId: true } });
    expect(kept).toEqual({ reference: entry.reference, candidateProfileId: null });
    expect(statusOf(await decide({ intent: "shortlist", entryId: entry.id }))).toBe(409);
    expect(await candidateIdsOn(await generate(await frontendRole()))).not.toContain(person.id);
  });
});

describe("still looking", () => {
  it("reminds once a week before it lapses, and one click from the email renews it", async () => {
    const person = await db.candidateProfile.findUniqueOrThrow({ where: { userId: await userId("candidate3@demo.harbor") }, select: { id: true } });
    await db.candidateProfile.update({ where: { id: person.id }, data: { interestConfirmedAt: new Date(Date.now() - 85 * 86_400_000) } });
    expect(await sendInterestReminders()).toBe(1);
    expect(await sendInterestReminders()).toBe(0);
    const email = await db.emailMessage.findFirstOrThrow({ where: { template: "interest_reminder", toAddress: "candidate3@demo.harbor" } });
    expect(email.locale).toBe("ru");
    const token = new URL(/https?:\/\/\S+\/interest\?token=[\w-]+/.exec(email.text)?.[0] ?? "http://x").searchParams.get("token") ?? "";
    expect(token).not.toBe("");

    // The page needs no sign-in, and only a POST spends the token.
    expect(dataOf<{ usable: boolean }>(await run(interestLoader, getRequest(`/interest?token=${token}`)))).toMatchObject({ usable: true });
    expect(statusOf(await run(interestAction, formRequest("/interest", { token })))).toBe(200);
    const renewed = await db.candidateProfile.findUniqueOrThrow({ where: { id: person.id }, select: { interestConfirmedAt: true } });
    expect(Date.now() - (renewed.interestConfirmedAt?.getTime() ?? 0)).toBeLessThan(60_000);
    expect(statusOf(await run(interestAction, formRequest("/interest", { token })))).toBe(400);
    // Confirming re-arms the reminder for when this confirmation lapses in turn.
    await db.candidateProfile.update({ where: { id: person.id }, data: { interestConfirmedAt: new Date(Date.now() - 85 * 86_400_000) } });
    expect(await sendInterestReminders()).toBe(1);
    // Without a token, only a signed-in candidate can confirm.
    expect(statusOf(await run(interestAction, formRequest("/interest", {})))).toBe(302);
    expect(statusOf(await post(interestAction, EMPLOYER, "/interest", {}))).toBe(403);
    expect(BASE_URL).toContain("http");
  });
});
