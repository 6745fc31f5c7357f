// The in-app inbox and email preferences.
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from "~/domain/notifications/categories";
import { db } from "~/utils/db.server";

export async function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(userId: string) {
  return db.notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 50, select: { id: true, kind: true, title: true, link: true, readAt: true, createdAt: true } });
}

/** Marks one of the person's notifications read and returns where it points (null if not theirs). */
export async function openNotification(userId: string, id: string): Promise<string | null> {
  const notification = await db.notification.findFirst({ where: { id, userId }, select: { link: true, readAt: true } });
  if (!notification) return null;
  if (!notification.readAt) await db.notification.update({ where: { id }, data: { readAt: new Date() } });
  return notification.link;
}

export async function markAllRead(userId: string): Promise<void> {
  await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}

/** Email on or off for every category (on unless switched off). */
export async function emailPreferences(userId: string): Promise<Record<NotificationCategory, boolean>> {
  const saved = await db.notificationPreference.findMany({ where: { userId }, select: { category: true, email: true } });
  const off = new Set(saved.filter((p) => !p.email).map((p) => p.category));
  return Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, !off.has(c)])) as Record<NotificationCategory, boolean>;
}

export async function saveEmailPreferences(userId: string, emailOn: ReadonlySet<NotificationCategory>): Promise<void> {
  await db.$transaction(
    NOTIFICATION_CATEGORIES.map((category) =>
      db.notificationPreference.upsert({ where: { userId_category: { userId, category } }, create: { userId, category, email: emailOn.has(category) }, update: { email: emailOn.has(category) } }),
    ),
  );
}
