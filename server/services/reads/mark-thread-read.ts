import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import { event, rooms, type WithEvents } from "../../realtime/events";
import { markThreadReadSchema } from "../../schemas/read";
import { markNotificationsReadInThread } from "../notifications/mark-read";
import type { ThreadReadDto } from "./dto";

/** Tells the reader's other tabs how far they have read. */
export const readsUpdatedEvent = (userId: string, reads: ThreadReadDto[]) => event(rooms.user(userId), "reads.updated", { reads });

/**
 * Records that the reader was shown the thread's posts up to `readUpTo` (capped at the thread's last
 * post). The mark only moves forward: an older tab showing an earlier page never makes posts new again.
 * Result null: nothing changed, nothing is published.
 */
export async function markThreadRead(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ThreadReadDto | null>> {
  assertCan(actor, "internal.read");
  const { threadId, readUpTo } = markThreadReadSchema.parse(rawInput);
  const now = new Date().toISOString();
  const [row] = await db().$queryRaw<ThreadReadDto[]>`
    INSERT INTO "ThreadRead" ("userId", "threadId", "lastReadNumber", "updatedAt")
    SELECT ${actor.id}, t."id", LEAST(${readUpTo}::integer, t."postCount"), ${now}::timestamp(3)
    FROM "Thread" t WHERE t."id" = ${threadId}
    ON CONFLICT ("userId", "threadId") DO UPDATE
      SET "lastReadNumber" = EXCLUDED."lastReadNumber", "updatedAt" = EXCLUDED."updatedAt"
      WHERE "ThreadRead"."lastReadNumber" < EXCLUDED."lastReadNumber"
    RETURNING "threadId", "lastReadNumber"`;
  if (row) {
    const notificationsRead = await markNotificationsReadInThread(db(), actor.id, row.threadId, Number(row.lastReadNumber));
    return { result: row, events: [readsUpdatedEvent(actor.id, [row]), ...notificationsRead] };
  }
  const exists = await db().thread.findUnique({ where: { id: threadId }, select: { id: true } });
  if (!exists) throw new AppError("NOT_FOUND", "Dieses Thema gibt es nicht (mehr).");
  return { result: null, events: [] };
}
