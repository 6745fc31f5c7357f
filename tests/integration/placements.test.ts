import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedHeaders } from "~/domain/placements/webhooks";
import { deliverDue, LEASE_MS } from "~/models/outbox.server";
import { answerOffer, makeOffer } from "~/models/placements.server";
import { receiveSandboxPlacement } from "~/models/sandbox-marketplace.server";
import { answerIntroduction, decideEntry, generateSlate } from "~/models/slates.server";
import { action as eventsAction } from "~/routes/api.v1.marketplace.events";
import { action as placementsAction, loader as placementsLoader } from "~/routes/admin.placements";
import { action as introductionsAction, loader as introductionsLoader } from "~/routes/introductions";
import { action as slateAction } from "~/routes/org.$slug_.slates_.$slateId/route";
import { action as sandboxAction, loader as sandboxLoader } from "~/routes/sandbox.marketplace";
import { httpTransport } from "~/services/marketplace.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { startTestMarketplace, type TestMarketplace } from "../mocks/marketplace-server";
import { cookieFor, formRequest, getRequest, runRoute as run, type RouteArgs } from "./context";

const get = async (fn: (args: RouteArgs) => Promise<unknown>, email: string, path: string, params: Record<string, string> = {}) =>
  run(fn, getRequest(path, { cookie: await cookieFor(email) }), params);
const post = async (fn: (args: RouteArgs) => Promise<unknown>, email: string, path: string, fields: Record<string, string>, params: Record<string, string> = {}) =>
  run(fn, formRequest(path, fields, { cookie: await cookieFor(email) }), params);
const statusOf = (result: unknown) => (result instanceof Response ? result.status : ((result as { init?: { status: number } }).init?.status ?? 200));
const dataOf = <T>(result: unknown) => ((result as { data?: T }).data ?? result) as T;

const ADMIN = "admin@demo.harbor";
const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
const orgId = async (slug: string) => (await db.organisation.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
const TERMS = { rateAmount: "25.00", hoursPerWeek: 20, startDate: "2027-01-15", message: "Welcome aboard." };

/** Slate → introduction → accepted, through the models: entries ready for an offer. */
async function introducedEntries(slug: string, employerEmail: string, count: number): Promise<Array<{ userId: string; entryId: string; slateId: string }>> {
  const organisationId = await orgId(slug);
  const actorUserId = await userId(employerEmail);
  const role = await db.role.findFirstOrThrow({ where: { organisationId }, select: { id: true } });
  const slate = await generateSlate({ actorUserId, organisationId, roleId: role.id, size: 25, balanceShare: null });
  if (slate.status !== "ok") throw new Error(slate.status);
  const entries = await db.slateEntry.findMany({ where: { slateId: slate.slateId }, orderBy: { rank: "asc" }, take: count, select: { id: true, candidate: { select: { userId: true } } } });
  for (const entry of entries) {
    await decideEntry({ actorUserId, organisationId, entryId: entry.id, decision: "request_introduction", reasonCode: null });
    const introduction = await db.introduction.findUniqueOrThrow({ where: { entryId: entry.id }, select: { id: true } });
    await answerIntroduction(entry.candidate?.userId ?? "", introduction.id, true);
  }
  return entries.map((entry) => ({ userId: entry.candidate?.userId ?? "", entryId: entry.id, slateId: slate.slateId }));
}

/** The same, plus an offer on each: returns the pending offers. */
async function offersFor(slug: string, employerEmail: string, count: number): Promise<Array<{ offerId: string; userId: string }>> {
  const organisationId = await orgId(slug);
  const actorUserId = await userId(employerEmail);
  const offers = [];
  for (const entry of await introducedEntries(slug, employerEmail, count)) {
    expect(await makeOffer({ actorUserId, organisationId, entryId: entry.entryId, terms: TERMS })).toEqual({ status: "ok" });
    const offer = await db.offer.findUniqueOrThrow({ where: { entryId: entry.entryId }, select: { id: true } });
    offers.push({ offerId: offer.id, userId: entry.userId });
  }
  return offers;
}

function signedEvent(body: object, options: { id?: string; secret?: string; at?: number } = {}) {
  const text = JSON.stringify(body);
  const headers = signedHeaders(options.secret ?? env().MARKETPLACE_SECRET, options.id ?? `msg_${crypto.randomUUID()}`, options.at ?? Math.floor(Date.now() / 1000), text);
  return new Request("http://localhost:3000/api/v1/marketplace/events", { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: text });
}

describe("offers", () => {
  it("keeps offers to their employer and the person they are for, and refuses bad terms keeping what was typed", async () => {
    const [entry] = await introducedEntries("northwind-studio", "employer@demo.harbor", 1);
    if (!entry) throw new Error("no entry");
    const path = `/org/northwind-studio/slates/${entry.slateId}`;
    const params = { slug: "northwind-studio", slateId: entry.slateId };
    const bad = await post(slateAction, "employer@demo.harbor", path, { intent: "offer", entryId: entry.entryId, rateAmount: "-3", hoursPerWeek: "90", startDate: "2020-01-01", message: "Hello" }, params);
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ offerErrors: string[]; values: Record<string, string> }>(bad)).toMatchObject({
      offerErrors: ["placements:offer.errors.rate", "placements:offer.errors.hours", "placements:offer.errors.start_date"],
      values: { rateAmount: "-3", message: "Hello" },
    });
    // Another employer cannot make an offer on this entry.
    expect(statusOf(await post(slateAction, "employer2@demo.harbor", path, { intent: "offer", entryId: entry.entryId, rateAmount: "20", hoursPerWeek: "10", startDate: "2027-02-01" }, { slug: "atlas-ledger", slateId: entry.slateId }))).toBe(404);
    expect(await db.offer.count({ where: { entryId: entry.entryId } })).toBe(0);

    expect(statusOf(await post(slateAction, "employer@demo.harbor", path, { intent: "offer", entryId: entry.entryId, rateAmount: "25,5", hoursPerWeek: "20", startDate: "2027-01-15", message: "" }, params))).toBe(303);
    const offer = await db.offer.findUniqueOrThrow({ where: { entryId: entry.entryId }, select: { id: true, rateAmount: true, currency: true } });
    expect(offer).toMatchObject({ rateAmount: "25.50", currency: "EUR" });
    const email = await db.emailMessage.findFirstOrThrow({ where: { template: "offer_made", userId: entry.userId }, select: { subject: true } });
    expect(email.subject).toContain("Northwind Studio");

    // Only the person it is for sees and answers it.
    const mine = dataOf<{ offers: Array<{ id: string; rateAmount: string }> }>(await run(introductionsLoader, getRequest("/introductions", { cookie: await cookieFor((await db.user.findUniqueOrThrow({ where: { id: entry.userId } })).email ?? "") })));
    expect(mine.offers.map((o) => o.id)).toEqual([offer.id]);
    const other = (await db.user.findFirstOrThrow({ where: { email: { startsWith: "candidate" }, id: { not: entry.userId } }, select: { email: true } })).email ?? "";
    expect(dataOf<{ offers: unknown[] }>(await get(introductionsLoader, other, "/introductions")).offers).toEqual([]);
    expect(statusOf(await post(introductionsAction, other, "/introductions", { intent: "accept_offer", offerId: offer.id }))).toBe(404);
    expect(await db.placement.count({ where: { offerId: offer.id } })).toBe(0);
  });

  it("creates the placement and its outbox entry together, or neither", async () => {
    const [first, second] = await offersFor("northwind-studio", "employer@demo.harbor", 2);
    // The outbox table is unavailable: the transaction aborts, nothing is half done.
    await db.$executeRawUnsafe('ALTER TABLE "OutboxEntry" RENAME TO "OutboxEntryAway"');
    try {
      await expect(answerOffer(first?.userId ?? "", first?.offerId ?? "", true)).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe('ALTER TABLE "OutboxEntryAway" RENAME TO "OutboxEntry"');
    }
    expect(await db.offer.findUniqueOrThrow({ where: { id: first?.offerId ?? "" }, select: { status: true } })).toEqual({ status: "pending" });
    expect(await db.placement.count({ where: { offerId: first?.offerId ?? "" } })).toBe(0);

    // Through the page, as the person: one placement and one outbox entry.
    const person = (await db.user.findUniqueOrThrow({ where: { id: first?.userId ?? "" } })).email ?? "";
    expect(statusOf(await post(introductionsAction, person, "/introductions", { intent: "accept_offer", offerId: first?.offerId ?? "" }))).toBe(303);
    const placement = await db.placement.findUniqueOrThrow({ where: { offerId: first?.offerId ?? "" }, select: { id: true } });
    expect(await db.outboxEntry.count({ where: { idempotencyKey: placement.id } })).toBe(1);
    const accepted = await answerOffer(second?.userId ?? "", second?.offerId ?? "", true);
    expect(accepted.status).toBe("ok");
    const placementId = accepted.status === "ok" ? (accepted.placementId ?? "") : "";
    const entry = await db.outboxEntry.findFirstOrThrow({ where: { idempotencyKey: placementId } });
    expect(JSON.parse(entry.payload)).toMatchObject({ placementId, employer: { name: "Northwind Studio" }, rate: { amount: "25.00", currency: "EUR", unit: "hour" }, hoursPerWeek: 20, startDate: "2027-01-15" });
    expect(await answerOffer(second?.userId ?? "", second?.offerId ?? "", true)).toEqual({ status: "already_answered" });
    expect(await db.outboxEntry.count({ where: { idempotencyKey: placementId } })).toBe(1);
  });
});

describe("handoff to the marketplace", () => {
  let marketplace: TestMarketplace;
  beforeAll(async () => {
    marketplace = await startTestMarketplace(env().MARKETPLACE_SECRET);
  });
  afterAll(async () => {
    await marketplace.close();
  });

  async function drain(transportMs: number, from = Date.now()) {
    let clock = from;
    for (let pass = 0; pass < 60 && (await db.outboxEntry.count({ where: { status: "pending" } })) > 0; pass++) {
      await deliverDue({ baseUrl: marketplace.url, transport: httpTransport(transportMs) }, { now: () => new Date(clock), random: () => 0.5 });
      clock += 30_000;
    }
  }

  it("delivers every placement exactly once, in creation order per employer, through failures, a timeout and 429", async () => {
    await db.outboxEntry.updateMany({ where: { status: "pending" }, data: { status: "delivered" } });
    marketplace.attempts.length = 0;
    marketplace.applied.length = 0;
    const offers = [...(await offersFor("northwind-studio", "employer@demo.harbor", 3)), ...(await offersFor("atlas-ledger", "employer2@demo.harbor", 2))];
    expect(offers.length).toBe(5);
    for (const offer of offers) expect((await answerOffer(offer.userId, offer.offerId, true)).status).toBe("ok");
    const entries = await db.outboxEntry.findMany({ where: { status: "pending" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { idempotencyKey: true, orderKey: true } });
    expect(entries.length).toBe(5);

    const script: Array<{ status: number; retryAfter?: string; stallMs?: number }> = [{ status: 500 }, { status: 503 }, { status: 201, stallMs: 600 }, { status: 429, retryAfter: "1" }, { status: 502 }];
    marketplace.script = (attempt) => script[attempt];
    await drain(300);

    expect(await db.outboxEntry.count({ where: { status: { not: "delivered" } } })).toBe(0);
    const keys = marketplace.applied.map((a) => a.key);
    expect(new Set(keys).size).toBe(5);
    expect(keys.sort()).toEqual(entries.map((e) => e.idempotencyKey).sort());
    expect(marketplace.attempts.length).toBeGreaterThan(5);
    expect(marketplace.attempts.every((a) => a.signed)).toBe(true);
    for (const employer of new Set(entries.map((e) => e.orderKey))) {
      expect(marketplace.applied.filter((a) => a.employerId === employer).map((a) => a.key)).toEqual(entries.filter((e) => e.orderKey === employer).map((e) => e.idempotencyKey));
    }
    expect(await db.placement.count({ where: { id: { in: keys }, status: "handed_off" } })).toBe(5);
  });

  it("dead-letters a refused handoff for the admin, who can replay it", async () => {
    const [offer] = await offersFor("northwind-studio", "employer@demo.harbor", 1);
    const answer = await answerOffer(offer?.userId ?? "", offer?.offerId ?? "", true);
    const placementId = answer.status === "ok" ? (answer.placementId ?? "") : "";
    const before = marketplace.attempts.length;
    marketplace.script = (attempt) => (attempt === before ? { status: 422 } : undefined);
    await drain(1000);
    const dead = await db.outboxEntry.findFirstOrThrow({ where: { idempotencyKey: placementId }, select: { id: true, status: true, lastError: true } });
    expect(dead.status).toBe("dead");
    expect(dead.lastError).toMatch(/^HTTP 422/);

    for (const email of ["employer@demo.harbor", "ngo@demo.harbor", "candidate@demo.harbor"]) expect(statusOf(await get(placementsLoader, email, "/admin/placements"))).toBe(403);
    expect(statusOf(await post(placementsAction, "employer@demo.harbor", "/admin/placements", { intent: "replay", entryId: dead.id }))).toBe(403);
    const page = dataOf<{ undelivered: Array<{ id: string; status: string; lastError: string | null }> }>(await get(placementsLoader, ADMIN, "/admin/placements"));
    expect(page.undelivered).toContainEqual(expect.objectContaining({ id: dead.id, status: "dead" }));
    expect(statusOf(await post(placementsAction, ADMIN, "/admin/placements", { intent: "replay", entryId: dead.id }))).toBe(303);
    await drain(1000);
    expect((await db.outboxEntry.findUniqueOrThrow({ where: { id: dead.id } })).status).toBe("delivered");
    expect(marketplace.applied.filter((a) => a.key === placementId).length).toBe(1);
  });

  it("loses nothing when a worker is killed mid-delivery, and the receiver sees no second effect", async () => {
    const [offer] = await offersFor("atlas-ledger", "employer2@demo.harbor", 1);
    const answer = await answerOffer(offer?.userId ?? "", offer?.offerId ?? "", true);
    const placementId = answer.status === "ok" ? (answer.placementId ?? "") : "";
    const before = marketplace.attempts.length;
    // The marketplace applies it, but answers only after the worker is gone.
    marketplace.script = (attempt) => (attempt === before ? { status: 201, stallMs: 10_000 } : undefined);
    const worker = spawn(process.execPath, ["--import", "tsx", path.resolve(import.meta.dirname, "../mocks/outbox-worker.ts"), marketplace.url], { env: process.env, stdio: "ignore" });
    const deadline = Date.now() + 30_000;
    while (marketplace.attempts.length === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(marketplace.applied.some((a) => a.key === placementId)).toBe(true);
    worker.kill("SIGKILL");
    await new Promise((resolve) => worker.once("exit", resolve));
    const stuck = await db.outboxEntry.findFirstOrThrow({ where: { idempotencyKey: placementId }, select: { status: true, lockedUntil: true, attempts: true } });
    expect(stuck).toMatchObject({ status: "pending", attempts: 1 });

    // A restarted worker takes it once the dead one's lease lapses: delivered, applied once.
    await drain(1000, Date.now() + LEASE_MS + 1000);
    expect((await db.outboxEntry.findFirstOrThrow({ where: { idempotencyKey: placementId } })).status).toBe("delivered");
    expect(marketplace.applied.filter((a) => a.key === placementId).length).toBe(1);
    expect(marketplace.attempts.filter((a) => a.key === placementId).length).toBe(2);
  }, 60_000);
});

describe("marketplace callbacks", () => {
  let placementId: string;
  beforeAll(async () => {
    const [offer] = await offersFor("northwind-studio", "employer@demo.harbor", 1);
    const answer = await answerOffer(offer?.userId ?? "", offer?.offerId ?? "", true);
    placementId = answer.status === "ok" ? (answer.placementId ?? "") : "";
  });
  const call = (request: Request) => run(eventsAction, request) as Promise<Response>;
  const started = () => ({ type: "contract.started", placementId, occurredAt: new Date().toISOString() });

  it("rejects forged and stale callbacks, and logs them", async () => {
    const forged = await call(signedEvent(started(), { secret: `whsec_${Buffer.from("not the shared secret at all").toString("base64")}` }));
    expect(forged.status).toBe(401);
    const stale = await call(signedEvent(started(), { at: Math.floor(Date.now() / 1000) - 6 * 60 }));
    expect(stale.status).toBe(401);
    expect(await db.auditEvent.count({ where: { action: "marketplace.callback_rejected" } })).toBe(2);
    expect((await db.placement.findUniqueOrThrow({ where: { id: placementId } })).status).not.toBe("active");
    expect((await call(signedEvent({ ...started(), placementId: "no-such-placement" }))).status).toBe(404);
  });

  it("applies a valid callback once: a replay of the same webhook-id has no second effect", async () => {
    const emailsBefore = await db.emailMessage.count({ where: { template: "placement_status" } });
    const request = () => signedEvent(started(), { id: "msg_start_1" });
    expect((await call(request())).status).toBe(200);
    expect((await call(request())).status).toBe(200);
    const placement = await db.placement.findUniqueOrThrow({ where: { id: placementId }, select: { status: true, candidate: { select: { stage: true } } } });
    expect(placement).toEqual({ status: "active", candidate: { stage: "placed" } });
    expect(await db.marketplaceEvent.count({ where: { webhookId: "msg_start_1" } })).toBe(1);
    // Both sides are told once, in their own language.
    expect(await db.emailMessage.count({ where: { template: "placement_status" } })).toBe(emailsBefore + 2);
    expect((await call(signedEvent({ type: "contract.ended", placementId, occurredAt: new Date().toISOString() }))).status).toBe(200);
    expect((await db.placement.findUniqueOrThrow({ where: { id: placementId } })).status).toBe("ended");
  });
});

describe("the sandbox marketplace", () => {
  it("receives a handoff like the real one and starts the contract with a signed callback", async () => {
    const [offer] = await offersFor("atlas-ledger", "employer2@demo.harbor", 1);
    const answer = await answerOffer(offer?.userId ?? "", offer?.offerId ?? "", true);
    const placementId = answer.status === "ok" ? (answer.placementId ?? "") : "";
    for (let pass = 0; pass < 5; pass++) await deliverDue({ baseUrl: "http://localhost:3000/sandbox/marketplace", transport: receiveSandboxPlacement });
    expect(await db.sandboxPlacement.count({ where: { placementId } })).toBe(1);

    expect(statusOf(await get(sandboxLoader, "employer2@demo.harbor", "/sandbox/marketplace"))).toBe(403);
    const listed = dataOf<{ placements: Array<{ placementId: string; status: string }> }>(await get(sandboxLoader, ADMIN, "/sandbox/marketplace"));
    expect(listed.placements).toContainEqual(expect.objectContaining({ placementId, status: "received" }));
    expect(statusOf(await post(sandboxAction, ADMIN, "/sandbox/marketplace", { intent: "start", placementId }))).toBe(303);
    expect((await db.placement.findUniqueOrThrow({ where: { id: placementId } })).status).toBe("active");
    // An unsigned delivery to the sandbox is refused.
    expect((await receiveSandboxPlacement(new Request("http://x/placements", { method: "POST", body: "{}" }))).status).toBe(401);
  });
});
