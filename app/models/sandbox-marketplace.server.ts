// The built-in sandbox marketplace (embedded default, no MARKETPLACE_URL): receives placements as
// the real one would — signature checked, idempotent by key — and sends signed contract callbacks
// when an admin clicks. Its records are its own; Harbor's placements learn only through callbacks.
import { signedHeaders } from "~/domain/placements/webhooks";
import { readSignedRequest } from "~/services/marketplace.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

/** The sandbox's POST /placements: 201 the first time, 409 for a key it already has, 401 unsigned. */
export async function receiveSandboxPlacement(request: Request): Promise<Response> {
  const { body, check } = await readSignedRequest(request);
  if (!check.ok) return Response.json({ error: check.reason }, { status: 401 });
  const key = request.headers.get("Idempotency-Key");
  if (!key) return Response.json({ error: "missing Idempotency-Key" }, { status: 400 });
  const { count } = await db.sandboxPlacement.updateMany({ where: { placementId: key }, data: { deliveries: { increment: 1 } } });
  if (count === 1) return Response.json({ error: "already received" }, { status: 409 });
  await db.sandboxPlacement.create({ data: { placementId: key, body } });
  return Response.json({ received: key }, { status: 201 });
}

export async function listSandboxPlacements() {
  const rows = await db.sandboxPlacement.findMany({ orderBy: { receivedAt: "desc" }, take: 100 });
  return rows.map((row) => {
    const body = JSON.parse(row.body) as { employer?: { name?: string }; freelancer?: { name?: string }; role?: { title?: string }; startDate?: string };
    return { placementId: row.placementId, status: row.status, deliveries: row.deliveries, receivedAt: row.receivedAt, employer: body.employer?.name ?? "", freelancer: body.freelancer?.name ?? "", role: body.role?.title ?? "", startDate: body.startDate ?? "" };
  });
}

export const SANDBOX_EVENTS = { start: "contract.started", end: "contract.ended", cancel: "contract.cancelled" } as const;
const NEXT_STATUS = { start: "started", end: "ended", cancel: "cancelled" } as const;

/** Sends Harbor a signed contract callback, as the marketplace would, and returns Harbor's answer. */
export async function sendSandboxEvent(placementId: string, event: keyof typeof SANDBOX_EVENTS, deliver: (request: Request) => Promise<Response>): Promise<number> {
  const placement = await db.sandboxPlacement.findUnique({ where: { placementId }, select: { placementId: true } });
  if (!placement) return 404;
  const body = JSON.stringify({ type: SANDBOX_EVENTS[event], placementId, occurredAt: new Date().toISOString() });
  const id = `sandbox_${crypto.randomUUID()}`;
  const headers = { "Content-Type": "application/json", ...signedHeaders(env().MARKETPLACE_SECRET, id, Math.floor(Date.now() / 1000), body) };
  const response = await deliver(new Request(`${env().APP_URL}/api/v1/marketplace/events`, { method: "POST", headers, body }));
  if (response.ok) await db.sandboxPlacement.update({ where: { placementId }, data: { status: NEXT_STATUS[event] } });
  return response.status;
}
