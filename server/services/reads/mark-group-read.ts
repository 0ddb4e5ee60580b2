import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { markGroupReadSchema } from "../../schemas/read";
import type { ThreadReadDto } from "./dto";
import { readsUpdatedEvent } from "./mark-thread-read";

/** "Alle als gelesen markieren": every thread of the group read up to its last post, in one statement. */
export async function markGroupRead(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ThreadReadDto[]>> {
  assertCan(actor, "internal.read");
  const { groupId } = markGroupReadSchema.parse(rawInput);
  const group = await db().workingGroup.findUnique({ where: { id: groupId }, select: { id: true } });
  if (!group) throw new AppError("NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
  const now = new Date().toISOString();
  const reads = await db().$queryRaw<ThreadReadDto[]>`
    INSERT INTO "ThreadRead" ("userId", "threadId", "lastReadNumber", "updatedAt")
    SELECT ${actor.id}, t."id", t."postCount", ${now}::timestamp(3)
    FROM "Thread" t WHERE t."groupId" = ${groupId}
    ON CONFLICT ("userId", "threadId") DO UPDATE
      SET "lastReadNumber" = EXCLUDED."lastReadNumber", "updatedAt" = EXCLUDED."updatedAt"
      WHERE "ThreadRead"."lastReadNumber" < EXCLUDED."lastReadNumber"
    RETURNING "threadId", "lastReadNumber"`;
  return { result: reads, events: reads.length ? [readsUpdatedEvent(actor.id, reads)] : [] };
}
