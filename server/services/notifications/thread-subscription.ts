import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { setThreadSubscriptionSchema, threadSubscriptionLevels, type ThreadSubscriptionLevel } from "../../schemas/notification";
import { threadIdSchema } from "../../schemas/thread";

export { threadSubscriptionLevels, type ThreadSubscriptionLevel };

export interface ThreadSubscriptionDto {
  threadId: string;
  level: ThreadSubscriptionLevel;
}

async function assertThreadExists(tx: Tx, threadId: string) {
  const thread = await tx.thread.findUnique({ where: { id: threadId }, select: { id: true } });
  if (!thread) throw new AppError("NOT_FOUND", "Dieses Thema gibt es nicht.");
}

/** Whether the actor follows, ignores (NORMAL: only mentions and replies) or muted the thread. */
export async function getThreadSubscription(actor: Actor | null, rawInput: unknown): Promise<ThreadSubscriptionDto> {
  assertCan(actor, "thread.subscribe");
  const { threadId } = threadIdSchema.parse(rawInput);
  await assertThreadExists(db(), threadId);
  const row = await db().threadSubscription.findUnique({ where: { userId_threadId: { userId: actor.id, threadId } }, select: { level: true } });
  return { threadId, level: row?.level ?? "NORMAL" };
}

/** "Folgen", "Nicht mehr folgen", "Stummschalten": an explicit choice, which posting later never overrides. */
export async function setThreadSubscription(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ThreadSubscriptionDto>> {
  assertCan(actor, "thread.subscribe");
  const { threadId, level } = setThreadSubscriptionSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    await assertThreadExists(tx, threadId);
    await tx.threadSubscription.upsert({
      where: { userId_threadId: { userId: actor.id, threadId } },
      create: { userId: actor.id, threadId, level },
      update: { level },
    });
    return { result: { threadId, level }, events: [] };
  });
}

/**
 * Opening a thread or posting in it follows it, as in Discourse, unless the person already chose
 * (followed, stopped following or muted): that choice stays.
 */
export async function followAutomatically(tx: Tx, userId: string, threadId: string): Promise<void> {
  await tx.threadSubscription.createMany({ data: [{ userId, threadId, level: "FOLLOWING" }], skipDuplicates: true });
}
