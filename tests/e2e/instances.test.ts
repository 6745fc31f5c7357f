// Two Harbor instances on one database (PostgreSQL in CI's second pass), as behind a load
// balancer: people accept offers on either instance, both outbox workers run, and the marketplace
// receives every placement exactly once, in order per employer. Sessions live in the database, so
// a cookie issued once works on both.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestMarketplace, type TestMarketplace } from "../mocks/marketplace-server";
import { createDatabase, dropDatabase } from "../setup/database";
import { startHarbor, type RunningHarbor } from "../setup/harbor-server";
import { root } from "../setup/paths";

const PLACEMENTS = 500;
const EMPLOYERS = 5;
const SECRET = `whsec_${Buffer.from("instances-test-secret-0123456789").toString("base64")}`;

let databaseUrl = "";
let marketplace: TestMarketplace;
let instances: RunningHarbor[] = [];
/** Per person: their session cookie, their pending offer and its employer. */
let people: Array<{ cookie: string; offerId: string; organisationId: string }> = [];
/** Session cookies of demo users, issued once, valid on both instances. */
const cookies: Record<string, string> = {};
const DEMO_USERS = ["employer@demo.harbor", "candidate@demo.harbor"];

/** 500 people with a pending offer each, from five employers, written straight to the database. */
async function seedOffers() {
  process.env.DATABASE_URL = databaseUrl;
  const { db } = await import("~/utils/db.server");
  const { createSession } = await import("~/models/session.server");
  const program = await db.organisation.findUniqueOrThrow({ where: { slug: "harbor-program" }, select: { id: true } });
  const seeded: typeof people = [];
  for (let e = 0; e < EMPLOYERS; e++) {
    const organisation = await db.organisation.create({ data: { slug: `scale-employer-${e}`, name: `Scale Employer ${e}`, kind: "employer" } });
    const role = await db.role.create({ data: { organisationId: organisation.id, title: `Role ${e}`, description: "Synthetic", language: "en", status: "open", timeZone: "UTC", hoursPerWeek: 20 } });
    const slate = await db.slate.create({ data: { roleId: role.id, inputs: "{}", engineVersion: "test", size: PLACEMENTS / EMPLOYERS, eligibleCount: PLACEMENTS / EMPLOYERS } });
    for (let i = 0; i < PLACEMENTS / EMPLOYERS; i++) {
      const n = e * (PLACEMENTS / EMPLOYERS) + i;
      const user = await db.user.create({
        data: {
          email: `scale-${n}@example.org`,
          displayName: `Scale Person ${n}`,
          memberships: { create: { organisationId: program.id, role: "candidate" } },
        },
        select: { id: true },
      });
      const { id: profileId } = await db.candidateProfile.create({ data: { userId: user.id, nativeName: `Scale Person ${n}`, latinName: `Scale Person ${n}`, consentEmployers: true }, select: { id: true } });
      const entry = await db.slateEntry.create({ data: { slateId: slate.id, rank: i + 1, reference: `C-${n}`, candidateProfileId: profileId, score: 1, reasons: "[]", summary: "{}", status: "introduction_accepted" } });
      const offer = await db.offer.create({
        data: { entryId: entry.id, organisationId: organisation.id, roleId: role.id, candidateProfileId: profileId, rateAmount: "30.00", currency: "EUR", hoursPerWeek: 20, startDate: "2027-01-04", message: "" },
      });
      const cookie = (await createSession(new Request("http://harbor.test/"), user.id, ["candidate"])).split(";")[0] as string;
      seeded.push({ cookie, offerId: offer.id, organisationId: organisation.id });
    }
  }
  for (const email of DEMO_USERS) {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, memberships: { select: { role: true } } } });
    cookies[email] = (await createSession(new Request("http://harbor.test/"), user.id, user.memberships.map((m) => m.role as never))).split(";")[0] as string;
  }
  await db.$disconnect();
  return seeded;
}

async function post(instance: RunningHarbor, path: string, cookie: string, fields: Record<string, string>): Promise<Response> {
  return fetch(instance.baseURL + path, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
}

beforeAll(async () => {
  databaseUrl = await createDatabase("instances");
  // The release step, once; the instances then start without migrating.
  execFileSync(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "ignore", "inherit"] });
  people = await seedOffers();
  marketplace = await startTestMarketplace(SECRET);
  // Slow answers widen the window in which both workers look at the same entries.
  marketplace.script = () => ({ status: 201, stallMs: 5 });
  const env = { MIGRATE_ON_START: "false", MARKETPLACE_URL: marketplace.url, MARKETPLACE_SECRET: SECRET, SESSION_SECRET: process.env.SESSION_SECRET ?? "" };
  instances = await Promise.all([startHarbor(databaseUrl, env), startHarbor(databaseUrl, env)]);
}, 300_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await marketplace?.close();
  if (databaseUrl) await dropDatabase(databaseUrl);
});

describe("two instances on one database", () => {
  it(`creates ${PLACEMENTS} placements across both and the marketplace receives each exactly once, in order per employer`, async () => {
    const statuses: number[] = [];
    // Ten people at a time, alternating instances, as a round-robin proxy would.
    for (let start = 0; start < people.length; start += 10) {
      await Promise.all(
        people.slice(start, start + 10).map(async (person, i) => {
          const instance = instances[(start + i) % 2]!;
          const response = await post(instance, "/introductions", person.cookie, { intent: "accept_offer", offerId: person.offerId });
          statuses.push(response.status);
        }),
      );
    }
    expect(statuses.filter((s) => s >= 400), "every acceptance went through").toEqual([]);

    const deadline = Date.now() + 180_000;
    while (marketplace.applied.length < PLACEMENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    // A little longer: a second delivery of anything would show up now.
    await new Promise((r) => setTimeout(r, 2000));

    expect(marketplace.applied).toHaveLength(PLACEMENTS);
    expect(marketplace.attempts, "no placement was sent twice").toHaveLength(PLACEMENTS);
    expect(new Set(marketplace.attempts.map((a) => a.key)).size).toBe(PLACEMENTS);
    expect(marketplace.attempts.every((a) => a.signed)).toBe(true);

    // In creation order per employer: the placements' own creation order in the database.
    process.env.DATABASE_URL = databaseUrl;
    const { db } = await import("~/utils/db.server");
    const placements = await db.placement.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, organisationId: true, status: true } });
    expect(placements).toHaveLength(PLACEMENTS);
    expect(placements.every((p) => p.status === "handed_off")).toBe(true);
    const entries = await db.outboxEntry.findMany({ where: { kind: "marketplace_placement" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { idempotencyKey: true, orderKey: true, attempts: true, status: true } });
    expect(entries.every((entry) => entry.status === "delivered" && entry.attempts === 1)).toBe(true);
    for (let e = 0; e < EMPLOYERS; e++) {
      const organisationId = people[e * (PLACEMENTS / EMPLOYERS)]!.organisationId;
      const created = entries.filter((entry) => entry.orderKey === organisationId).map((entry) => entry.idempotencyKey);
      const received = marketplace.applied.filter((a) => a.employerId === organisationId).map((a) => a.key);
      expect(received).toEqual(created);
    }
    await db.$disconnect();
  }, 300_000);

  it("keeps each instance's slate index current with changes made through the other", async () => {
    const [a, b] = instances as [RunningHarbor, RunningHarbor];
    process.env.DATABASE_URL = databaseUrl;
    const { db } = await import("~/utils/db.server");
    const role = await db.role.findFirstOrThrow({ where: { organisation: { slug: "northwind-studio" } }, select: { id: true } });
    const user = await db.user.findUniqueOrThrow({ where: { email: "candidate@demo.harbor" }, select: { id: true } });
    const oleksandr = await db.candidateProfile.findUniqueOrThrow({ where: { userId: user.id }, select: { id: true } });
    const slateOnA = async () => {
      const response = await post(a, `/org/northwind-studio/roles/${role.id}`, cookies["employer@demo.harbor"]!, { intent: "generate", size: "25", balance: "none" });
      expect(response.status).toBe(303);
      const slateId = response.headers.get("location")!.split("/").pop()!;
      return (await db.slateEntry.findMany({ where: { slateId }, select: { candidateProfileId: true } })).map((e) => e.candidateProfileId);
    };
    const consentOnB = async (employers: boolean) => {
      const fields: Record<string, string> = { intent: "consents", consent_share_coaches: "on" };
      if (employers) fields.consent_share_employers = "on";
      expect((await post(b, "/profile", cookies["candidate@demo.harbor"]!, fields)).status).toBe(303);
    };

    expect(await slateOnA(), "on the slate at first (A's index now holds him)").toContain(oleksandr.id);
    await consentOnB(false);
    expect(await slateOnA(), "gone once he withdrew consent on B").not.toContain(oleksandr.id);
    await consentOnB(true);
    // Only A's own index can bring him back: the database check removes people, it never adds them.
    expect(await slateOnA(), "back once he consented again on B").toContain(oleksandr.id);
    await db.$disconnect();
  }, 60_000);
});
