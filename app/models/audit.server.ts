import { db } from "~/utils/db.server";

export interface AuditInput {
  action: string;
  outcome: "success" | "failure" | "denied";
  actorUserId?: string | null;
  targetType?: string;
  targetId?: string;
  organisationId?: string;
  /** Non-personal context only: route, permission, reason codes. */
  detail?: Record<string, string | number | boolean | null>;
}

/** Appends to the audit log. The log is append-only: nothing in Harbor updates or deletes it. */
export async function audit(event: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      action: event.action,
      outcome: event.outcome,
      actorUserId: event.actorUserId ?? null,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      organisationId: event.organisationId ?? null,
      detail: JSON.stringify(event.detail ?? {}),
    },
  });
}

export async function listAuditEvents({ take = 100 }: { take?: number } = {}) {
  return db.auditEvent.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, createdAt: true, actorUserId: true, action: true, outcome: true, targetType: true, targetId: true, detail: true },
  });
}
