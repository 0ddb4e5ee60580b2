import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { event, rooms, type RealtimeEvent, type WithEvents } from "../../realtime/events";
import { notificationIdSchema } from "../../schemas/notification";
import { unreadCounts } from "./notify";

export interface MarkReadResult {
  unreadCount: number;
}

/**
 * Marks one of the actor's notifications read (opening it does this). Another person's
 * notification is NOT_FOUND. Marking a read one again changes nothing and publishes nothing.
 */
export async function markNotificationRead(actor: Actor | null, rawInput: unknown): Promise<WithEvents<MarkReadResult>> {
  assertCan(actor, "notification.use");
  const { notificationId } = notificationIdSchema.parse(rawInput);
  const readAt = new Date();
  return db().$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({ where: { id: notificationId, recipientId: actor.id, readAt: null }, data: { readAt } });
    if (count === 0) {
      const own = await tx.notification.findFirst({ where: { id: notificationId, recipientId: actor.id }, select: { id: true } });
      if (!own) throw new AppError("NOT_FOUND", "Diese Benachrichtigung gibt es nicht.");
    }
    const unreadCount = (await unreadCounts(tx, [actor.id])).get(actor.id) ?? 0;
    return {
      result: { unreadCount },
      events: count ? [event(rooms.user(actor.id), "notification.read", { ids: [notificationId], readAt: readAt.toISOString(), unreadCount })] : [],
    };
  });
}

/** "Alle als gelesen markieren": every unread notification of the actor. */
export async function markAllNotificationsRead(actor: Actor | null): Promise<WithEvents<MarkReadResult>> {
  assertCan(actor, "notification.use");
  const readAt = new Date();
  const { count } = await db().notification.updateMany({ where: { recipientId: actor.id, readAt: null }, data: { readAt } });
  return {
    result: { unreadCount: 0 },
    events: count ? [event(rooms.user(actor.id), "notification.read", { ids: null, readAt: readAt.toISOString(), unreadCount: 0 })] : [],
  };
}

/**
 * The reader has now seen a thread's posts up to `lastReadNumber`: notifications about those posts
 * (and about the thread itself) are read too, as Discourse does, so the bell does not ask again
 * about what was just read on the page. Returns the event for the reader's tabs, if anything changed.
 */
export async function markNotificationsReadInThread(tx: Tx, userId: string, threadId: string, lastReadNumber: number): Promise<RealtimeEvent[]> {
  const unread = await tx.notification.findMany({
    where: { recipientId: userId, threadId, readAt: null, OR: [{ postId: null }, { post: { is: { number: { lte: lastReadNumber } } } }] },
    select: { id: true },
  });
  if (unread.length === 0) return [];
  const ids = unread.map((row) => row.id);
  const readAt = new Date();
  await tx.notification.updateMany({ where: { id: { in: ids }, readAt: null }, data: { readAt } });
  const unreadCount = (await unreadCounts(tx, [userId])).get(userId) ?? 0;
  return [event(rooms.user(userId), "notification.read", { ids, readAt: readAt.toISOString(), unreadCount })];
}
