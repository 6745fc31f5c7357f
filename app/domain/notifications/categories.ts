// Kinds of notification, grouped into the categories people switch email on or off for.

export const NOTIFICATION_CATEGORIES = ["coaching", "certification", "introductions", "offers", "placements", "reminders", "handoffs"] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** Each notification kind (its email template) and the category it belongs to. */
export const KIND_CATEGORY: Record<string, NotificationCategory> = {
  coach_offer: "coaching",
  coaching_proposed: "coaching",
  coaching_confirmed: "coaching",
  assessment_requested: "certification",
  assessment_passed: "certification",
  assessment_failed: "certification",
  badge_recommended: "certification",
  introduction_requested: "introductions",
  introduction_accepted: "introductions",
  introduction_declined: "introductions",
  offer_made: "offers",
  offer_accepted: "offers",
  offer_declined: "offers",
  placement_status: "placements",
  interest_reminder: "reminders",
  handoff_failed: "handoffs",
};

export const CATEGORY_LABEL_KEYS: Record<NotificationCategory, string> = {
  coaching: "common:inbox.categories.coaching",
  certification: "common:inbox.categories.certification",
  introductions: "common:inbox.categories.introductions",
  offers: "common:inbox.categories.offers",
  placements: "common:inbox.categories.placements",
  reminders: "common:inbox.categories.reminders",
  handoffs: "common:inbox.categories.handoffs",
};

export function categoryOf(kind: string): NotificationCategory | null {
  return KIND_CATEGORY[kind] ?? null;
}
