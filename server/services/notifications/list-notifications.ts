import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { listNotificationsSchema, NOTIFICATIONS_PER_PAGE } from "../../schemas/notification";
import { notificationSelect, toNotificationDto, type NotificationDto } from "./dto";

export interface NotificationPage {
  notifications: NotificationDto[];
  page: number;
  pageCount: number;
  unreadCount: number;
}

/** The actor's own notifications, newest first; nobody sees another person's. */
export async function listNotifications(actor: Actor | null, rawInput: unknown): Promise<NotificationPage> {
  assertCan(actor, "notification.use");
  const { page: requestedPage } = listNotificationsSchema.parse(rawInput);
  const where = { recipientId: actor.id };
  const [total, unreadCount] = await Promise.all([
    db().notification.count({ where }),
    db().notification.count({ where: { ...where, readAt: null } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / NOTIFICATIONS_PER_PAGE));
  const page = Math.min(requestedPage, pageCount);
  const rows = await db().notification.findMany({
    where,
    select: notificationSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * NOTIFICATIONS_PER_PAGE,
    take: NOTIFICATIONS_PER_PAGE,
  });
  return { notifications: rows.map(toNotificationDto), page, pageCount, unreadCount };
}

/** For the bell in the header, rendered with every signed-in page. */
export async function countUnreadNotifications(actor: Actor | null): Promise<number> {
  assertCan(actor, "notification.use");
  return db().notification.count({ where: { recipientId: actor.id, readAt: null } });
}
