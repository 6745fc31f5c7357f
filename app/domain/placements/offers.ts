// Offers and placements: the shapes and rules, pure.

export const PLACEMENT_STATUSES = ["handoff_pending", "handed_off", "active", "ended", "cancelled"] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

export const PLACEMENT_STATUS_KEYS: Record<string, string> = {
  handoff_pending: "placements:status.handoff_pending",
  handed_off: "placements:status.handed_off",
  active: "placements:status.active",
  ended: "placements:status.ended",
  cancelled: "placements:status.cancelled",
};

export const OFFER_STATUS_KEYS: Record<string, string> = {
  pending: "placements:offers.status.pending",
  accepted: "placements:offers.status.accepted",
  declined: "placements:offers.status.declined",
};

export const MARKETPLACE_EVENTS = ["contract.started", "contract.ended", "contract.cancelled"] as const;
export type MarketplaceEventType = (typeof MARKETPLACE_EVENTS)[number];

/** Where a callback moves a placement from each status; absent: the event does not apply. */
const TRANSITIONS: Record<MarketplaceEventType, Partial<Record<PlacementStatus, PlacementStatus>>> = {
  "contract.started": { handoff_pending: "active", handed_off: "active" },
  "contract.ended": { active: "ended" },
  "contract.cancelled": { handoff_pending: "cancelled", handed_off: "cancelled", active: "cancelled" },
};

export function placementAfter(status: string, event: MarketplaceEventType): PlacementStatus | null {
  return TRANSITIONS[event][status as PlacementStatus] ?? null;
}

/** "25" or "25.5" → "25.00"/"25.50"; null if not a positive amount with at most two decimals. */
export function normaliseRate(text: string): string | null {
  const match = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const amount = `${Number(match[1])}.${(match[2] ?? "").padEnd(2, "0")}`;
  return Number(amount) > 0 ? amount : null;
}

/** The handoff body of the marketplace contract (shared/contracts: "Marketplace handoff"). */
export interface PlacementPayload {
  placementId: string;
  employer: { id: string; name: string };
  freelancer: { harborId: string; name: string; email: string | null; preferredLanguage: string };
  role: { id: string; title: string; skills: string[] };
  rate: { amount: string; currency: string; unit: "hour" };
  hoursPerWeek: number;
  startDate: string;
}
