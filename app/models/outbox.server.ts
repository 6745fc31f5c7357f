// The outbox: entries written in the same transaction as the change they announce, delivered at
// least once by a worker, in creation order per order key. Any number of workers (in one process
// or several instances) may run: an entry is taken with a conditional update that sets a lease,
// so two workers never deliver it at once, and a worker killed mid-delivery only delays it until
// its lease lapses. The receiver's idempotency key turns "at least once" into "once".
import { nextStep } from "~/domain/placements/delivery";
import { sendPlacement, type Transport } from "~/services/marketplace.server";
import { handoffFailedEmail } from "~/emails/placements";
import { notifyPerson, recipientSelect, redeliverEmail } from "~/services/email.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { audit } from "./audit.server";

/** How long a worker owns an entry it took: longer than any attempt can last. */
export const LEASE_MS = 2 * 60 * 1000;
const BATCH = 20;

type Marketplace = { baseUrl: string; transport: Transport };

/**
 * The first pending entry of each order key, if due and not leased: a later entry of the same
 * employer waits while an earlier one is still being retried. A dead-lettered entry no longer
 * holds the line (an admin may replay it; it then goes after what was delivered meanwhile).
 */
async function dueHeads(now: Date): Promise<Array<{ id: string }>> {
  const heads = await db.outboxEntry.findMany({
    where: { status: "pending" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    distinct: ["orderKey"],
    select: { id: true, nextAttemptAt: true, lockedUntil: true },
    take: BATCH,
  });
  return heads.filter((h) => h.nextAttemptAt <= now && (!h.lockedUntil || h.lockedUntil <= now));
}

/** Takes an entry for this worker, or null if another worker was first. */
async function claim(id: string, now: Date) {
  const { count } = await db.outboxEntry.updateMany({
    where: { id, status: "pending", nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { lockedUntil: new Date(now.getTime() + LEASE_MS), attempts: { increment: 1 } },
  });
  if (count === 0) return null;
  return db.outboxEntry.findUniqueOrThrow({ where: { id }, select: { id: true, kind: true, idempotencyKey: true, payload: true, attempts: true } });
}

/**
 * Delivers what is due once: each order key's head, one attempt each. Returns how many entries it
 * attempted. `now` and `random` are parameters so tests can move time and fix the jitter.
 */
export async function deliverDue(marketplace: Marketplace, options: { now?: () => Date; random?: () => number } = {}): Promise<number> {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  let attempted = 0;
  for (const head of await dueHeads(now())) {
    const entry = await claim(head.id, now());
    if (!entry) continue;
    attempted++;
    const outcome = entry.kind === "email" ? await redeliverEmail(entry.idempotencyKey) : await sendPlacement(marketplace, entry);
    const step = nextStep(outcome, entry.attempts, now().getTime(), random());
    if (step.action === "delivered") {
      await db.$transaction([
        db.outboxEntry.update({ where: { id: entry.id }, data: { status: "delivered", deliveredAt: now(), lockedUntil: null, lastError: null } }),
        db.placement.updateMany({ where: { id: entry.idempotencyKey, status: "handoff_pending" }, data: { status: "handed_off" } }),
      ]);
    } else if (step.action === "retry") {
      await db.outboxEntry.update({ where: { id: entry.id }, data: { nextAttemptAt: new Date(now().getTime() + step.delayMs), lockedUntil: null, lastError: step.error } });
    } else {
      await db.outboxEntry.update({ where: { id: entry.id }, data: { status: "dead", lockedUntil: null, lastError: step.error } });
      await audit({ action: "outbox.dead_lettered", outcome: "failure", targetType: "outbox_entry", targetId: entry.id, detail: { kind: entry.kind, attempts: entry.attempts } });
      if (entry.kind === "marketplace_placement") await tellAdmins(step.error);
    }
  }
  return attempted;
}

/** Every program admin hears of a dead-lettered handoff, in the inbox and (unless switched off) by email. */
async function tellAdmins(error: string) {
  const admins = await db.user.findMany({ where: { status: "active", memberships: { some: { role: "admin" } } }, select: recipientSelect });
  for (const admin of admins) {
    await notifyPerson(admin, "handoff_failed", "/admin/placements", (t, locale, name) => handoffFailedEmail(t, locale, { name, error, url: `${env().APP_URL}/admin/placements` }));
  }
}

/** Entries an admin should see: everything not yet delivered, newest first, with the last error. */
export async function listUndelivered() {
  return db.outboxEntry.findMany({
    where: { status: { in: ["pending", "dead"] } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, kind: true, idempotencyKey: true, status: true, attempts: true, nextAttemptAt: true, lastError: true, createdAt: true },
  });
}

/** Puts a dead-lettered entry back in line, with a fresh count of attempts. */
export async function replayEntry(actorUserId: string, id: string): Promise<boolean> {
  const { count } = await db.outboxEntry.updateMany({ where: { id, status: "dead" }, data: { status: "pending", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null } });
  if (count === 1) await audit({ action: "outbox.replayed", outcome: "success", actorUserId, targetType: "outbox_entry", targetId: id });
  return count === 1;
}
