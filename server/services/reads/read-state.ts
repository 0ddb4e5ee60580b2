import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";

/** How far the actor has read a thread; null when they never opened it. */
export async function lastReadNumber(actor: Actor | null, threadId: string): Promise<number | null> {
  assertCan(actor, "internal.read");
  const row = await db().threadRead.findUnique({ where: { userId_threadId: { userId: actor.id, threadId } }, select: { lastReadNumber: true } });
  return row?.lastReadNumber ?? null;
}

/** Per group, how many threads have posts the actor has not seen (never opened ones included): the home page's cards. */
export async function unreadThreadsByGroup(actor: Actor | null): Promise<Record<string, number>> {
  assertCan(actor, "internal.read");
  const rows = await db().$queryRaw<{ groupId: string; count: number }[]>`
    SELECT t."groupId", count(*)::integer AS "count"
    FROM "Thread" t
    LEFT JOIN "ThreadRead" r ON r."threadId" = t."id" AND r."userId" = ${actor.id}
    WHERE r."lastReadNumber" IS NULL OR r."lastReadNumber" < t."postCount"
    GROUP BY t."groupId"`;
  return Object.fromEntries(rows.map((row) => [row.groupId, Number(row.count)]));
}
