// Offers, placements and the marketplace's callbacks. Accepting an offer writes the placement and
// its outbox entry in one transaction: both or neither.
import crypto from "node:crypto";
import { z } from "zod";
import { MARKETPLACE_EVENTS, placementAfter, type PlacementPayload } from "~/domain/placements/offers";
import { offerAnsweredEmail, offerMadeEmail, placementStatusEmail } from "~/emails/placements";
import { Prisma } from "~/generated/sqlite/client";
import { notifyPerson, recipientSelect } from "~/services/email.server";
import { readSignedRequest } from "~/services/marketplace.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { audit } from "./audit.server";
import { advanceStage } from "./pipeline.server";

export interface OfferTerms {
  rateAmount: string;
  hoursPerWeek: number;
  startDate: string;
  message: string;
}

export type MakeOfferResult = { status: "ok" } | { status: "not_found" } | { status: "not_allowed" } | { status: "gone" };

/** An employer's offer to a person who accepted their introduction; the entry moves to "offered". */
export async function makeOffer(input: { actorUserId: string; organisationId: string; entryId: string; terms: OfferTerms }): Promise<MakeOfferResult> {
  const entry = await db.slateEntry.findFirst({
    where: { id: input.entryId, slate: { role: { organisationId: input.organisationId } } },
    select: { id: true, status: true, candidateProfileId: true, candidate: { select: { userId: true } }, slate: { select: { role: { select: { id: true, title: true, currency: true, organisation: { select: { name: true } } } } } } },
  });
  if (!entry) return { status: "not_found" };
  if (!entry.candidateProfileId || !entry.candidate) return { status: "gone" };
  const { role } = entry.slate;
  const made = await db.$transaction(async (tx) => {
    const { count } = await tx.slateEntry.updateMany({ where: { id: entry.id, status: "introduced" }, data: { status: "offered" } });
    if (count === 0) return false;
    await tx.slateDecision.create({ data: { entryId: entry.id, actorUserId: input.actorUserId, decision: "offer" } });
    await tx.offer.create({
      data: { entryId: entry.id, organisationId: input.organisationId, roleId: role.id, candidateProfileId: entry.candidateProfileId, currency: role.currency, createdById: input.actorUserId, ...input.terms },
    });
    return true;
  });
  if (!made) return { status: "not_allowed" };
  await audit({ action: "offer.made", outcome: "success", actorUserId: input.actorUserId, targetType: "slate_entry", targetId: entry.id });
  const person = await db.user.findUnique({ where: { id: entry.candidate.userId }, select: recipientSelect });
  await notifyPerson(person, "offer_made", "/introductions", (t, locale, name) => offerMadeEmail(t, locale, { name, employer: role.organisation.name, role: role.title, url: `${env().APP_URL}/introductions` }));
  return { status: "ok" };
}

/** The person's offers, with who offers what. */
export async function candidateOffers(userId: string) {
  return db.offer.findMany({
    where: { candidate: { userId } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      rateAmount: true,
      currency: true,
      hoursPerWeek: true,
      startDate: true,
      message: true,
      createdAt: true,
      entry: { select: { slate: { select: { role: { select: { title: true, organisation: { select: { name: true } } } } } } } },
      placement: { select: { status: true } },
    },
  });
}

export type AnswerOfferResult = { status: "ok"; placementId: string | null } | { status: "not_found" } | { status: "already_answered" };

/**
 * The person accepts or declines. Accepting creates the placement and, in the same transaction,
 * the outbox entry that hands it to the marketplace (its body fixed now, keyed by the placement).
 */
export async function answerOffer(userId: string, offerId: string, accept: boolean): Promise<AnswerOfferResult> {
  const offer = await db.offer.findFirst({
    where: { id: offerId, candidate: { userId } },
    select: {
      id: true,
      entryId: true,
      organisationId: true,
      rateAmount: true,
      currency: true,
      hoursPerWeek: true,
      startDate: true,
      createdById: true,
      candidate: { select: { id: true, nativeName: true, latinName: true } },
      entry: { select: { slateId: true, slate: { select: { role: { select: { id: true, title: true, skills: { select: { conceptUri: true } }, organisation: { select: { id: true, name: true, slug: true } } } } } } } },
    },
  });
  if (!offer?.candidate) return { status: "not_found" };
  const person = await db.user.findUniqueOrThrow({ where: { id: userId }, select: recipientSelect });
  const { role } = offer.entry.slate;
  const placementId = accept ? crypto.randomUUID() : null;
  const payload: PlacementPayload | null = placementId
    ? {
        placementId,
        employer: { id: role.organisation.id, name: role.organisation.name },
        freelancer: { harborId: offer.candidate.id, name: offer.candidate.latinName, email: person.email, preferredLanguage: person.locale },
        role: { id: role.id, title: role.title, skills: role.skills.map((s) => s.conceptUri) },
        rate: { amount: offer.rateAmount, currency: offer.currency, unit: "hour" },
        hoursPerWeek: offer.hoursPerWeek,
        startDate: offer.startDate,
      }
    : null;
  const answered = await db.$transaction(async (tx) => {
    const { count } = await tx.offer.updateMany({ where: { id: offer.id, status: "pending" }, data: { status: accept ? "accepted" : "declined", respondedAt: new Date() } });
    if (count === 0) return false;
    if (placementId && payload) {
      await tx.placement.create({ data: { id: placementId, offerId: offer.id, organisationId: offer.organisationId, candidateProfileId: offer.candidate?.id ?? null } });
      await tx.outboxEntry.create({ data: { kind: "marketplace_placement", orderKey: offer.organisationId, idempotencyKey: placementId, payload: JSON.stringify(payload) } });
    }
    return true;
  });
  if (!answered) return { status: "already_answered" };
  await audit({ action: accept ? "offer.accepted" : "offer.declined", outcome: "success", actorUserId: userId, targetType: "offer", targetId: offer.id, detail: placementId ? { placementId } : undefined });
  const employer = offer.createdById ? await db.user.findUnique({ where: { id: offer.createdById }, select: recipientSelect }) : null;
  await notifyPerson(employer, accept ? "offer_accepted" : "offer_declined", `/org/${role.organisation.slug}/slates/${offer.entry.slateId}`, (t, locale, name) =>
    offerAnsweredEmail(t, locale, { name, candidate: `${offer.candidate?.nativeName} (${offer.candidate?.latinName})`, role: role.title, accepted: accept, url: `${env().APP_URL}/org/${role.organisation.slug}/slates/${offer.entry.slateId}` }),
  );
  return { status: "ok", placementId };
}

const EventBody = z.object({ type: z.enum(MARKETPLACE_EVENTS), placementId: z.string().min(1).max(100), occurredAt: z.iso.datetime({ offset: true }) });

/**
 * POST /api/v1/marketplace/events: signature and timestamp first (401, logged), then each
 * `webhook-id` applied at most once (a replay answers 200 with no effect), unknown placement 404.
 */
export async function receiveMarketplaceEvent(request: Request): Promise<Response> {
  const { body, check } = await readSignedRequest(request);
  if (!check.ok) {
    await audit({ action: "marketplace.callback_rejected", outcome: "denied", detail: { reason: check.reason } });
    return Response.json({ error: "unauthorized" }, { status: 401 });
  }
  let event: z.infer<typeof EventBody>;
  try {
    event = EventBody.parse(JSON.parse(body));
  } catch {
    return Response.json({ error: "invalid body" }, { status: 400 });
  }
  if (await db.marketplaceEvent.findUnique({ where: { webhookId: check.id }, select: { webhookId: true } })) return Response.json({ duplicate: true });
  const placement = await db.placement.findUnique({ where: { id: event.placementId }, select: { id: true, status: true, candidateProfileId: true } });
  if (!placement) return Response.json({ error: "unknown placement" }, { status: 404 });
  const next = placementAfter(placement.status, event.type);
  try {
    await db.$transaction(async (tx) => {
      await tx.marketplaceEvent.create({ data: { webhookId: check.id, placementId: placement.id, type: event.type } });
      if (!next) return;
      await tx.placement.updateMany({ where: { id: placement.id, status: placement.status }, data: { status: next } });
      if (next === "active" && placement.candidateProfileId) await advanceStage(tx, placement.candidateProfileId, "placed");
    });
  } catch (error) {
    // The same webhook-id applied by a concurrent delivery: that one had the effect.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return Response.json({ duplicate: true });
    throw error;
  }
  await audit({ action: "marketplace.callback", outcome: "success", targetType: "placement", targetId: placement.id, detail: { type: event.type, applied: next !== null } });
  if (next === "active" || next === "ended" || next === "cancelled") await notifyPlacementStatus(placement.id, next);
  return Response.json({ applied: next !== null });
}

async function notifyPlacementStatus(placementId: string, status: "active" | "ended" | "cancelled") {
  const placement = await db.placement.findUniqueOrThrow({
    where: { id: placementId },
    select: { candidate: { select: { userId: true } }, offer: { select: { createdById: true, entry: { select: { slateId: true, slate: { select: { role: { select: { title: true, organisation: { select: { slug: true } } } } } } } } } } },
  });
  const { role } = placement.offer.entry.slate;
  const [person, employer] = await Promise.all([
    placement.candidate ? db.user.findUnique({ where: { id: placement.candidate.userId }, select: recipientSelect }) : null,
    placement.offer.createdById ? db.user.findUnique({ where: { id: placement.offer.createdById }, select: recipientSelect }) : null,
  ]);
  await notifyPerson(person, "placement_status", "/dashboard", (t, locale, name) => placementStatusEmail(t, locale, { name, role: role.title, status, url: `${env().APP_URL}/dashboard` }));
  await notifyPerson(employer, "placement_status", `/org/${role.organisation.slug}/slates/${placement.offer.entry.slateId}`, (t, locale, name) =>
    placementStatusEmail(t, locale, { name, role: role.title, status, url: `${env().APP_URL}/org/${role.organisation.slug}/slates/${placement.offer.entry.slateId}` }),
  );
}

/** Every placement for the program admin, newest first, with its handoff state. */
export async function listPlacements() {
  return db.placement.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, status: true, createdAt: true, offer: { select: { startDate: true, entry: { select: { reference: true, slate: { select: { role: { select: { title: true, organisation: { select: { name: true } } } } } } } } } } },
  });
}
