import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { createThreadSchema, type CreateThreadInput } from "../../schemas/thread";
import { assertWithinRateLimit, rateLimits } from "../rate-limit/rate-limit";
import { postSelect, toPostDto } from "../posts/dto";
import { renderForStorage } from "../posts/markdown";
import { notifyNewThread } from "../notifications/post-notifications";
import { postCreatedEvents } from "../posts/post-events";
import { postNotificationInputs } from "../posts/post-notifications";
import { threadDetailSelect, toThreadDetail, type ThreadDetail } from "./dto";

/**
 * Opens a thread with its first post. Idempotent on the first post's client-generated id:
 * a retried send returns the thread created the first time.
 */
export async function createThread(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ThreadDetail>> {
  assertCan(actor, "thread.create");
  const input = createThreadSchema.parse(rawInput);
  // a new thread is a post too: one budget for both
  await assertWithinRateLimit(rateLimits.post, actor.id);
  return db().$transaction(async (tx) => {
    const existing = await tx.post.findUnique({ where: { id: input.firstPostId }, select: { authorId: true, threadId: true, number: true } });
    if (existing) {
      if (existing.authorId !== actor.id || existing.number !== 1) throw new AppError("CONFLICT");
      const thread = await tx.thread.findUniqueOrThrow({ where: { id: existing.threadId }, select: threadDetailSelect });
      return { result: toThreadDetail(thread), events: [] };
    }
    return insertThread(tx, actor, input);
  });
}

/**
 * Writes a new thread with its first post inside the caller's transaction, with the events and the
 * notifications a new thread brings. Also used by domains that open a thread of their own (a spotlight's
 * discussion). The input must already be parsed.
 */
export async function insertThread(tx: Tx, actor: Actor, input: CreateThreadInput): Promise<WithEvents<ThreadDetail>> {
  const group = await tx.workingGroup.findUnique({ where: { id: input.groupId }, select: { id: true } });
  if (!group) throw new AppError("NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");

  const now = new Date();
  const thread = await tx.thread.create({
    data: {
      groupId: group.id,
      title: input.title,
      authorId: actor.id,
      postCount: 1,
      seq: 1,
      lastActivityAt: now,
      lastPostAuthorId: actor.id,
      createdAt: now,
      reads: { create: { userId: actor.id, lastReadNumber: 1 } },
      posts: { create: { id: input.firstPostId, authorId: actor.id, body: input.body, ...renderForStorage(input.body, input.firstPostId), number: 1, changeSeq: 1, createdAt: now } },
    },
    select: threadDetailSelect,
  });
  const firstPost = toPostDto(await tx.post.findUniqueOrThrow({ where: { id: input.firstPostId }, select: postSelect }), "participant");
  const detail = toThreadDetail(thread);
  // mentions in the first post: one notify() call keeps the most specific notification per person
  const mentions = postNotificationInputs(actor, firstPost, detail, input.body, null);
  const notifications = await notifyNewThread(tx, { post: firstPost, thread: detail }, mentions);
  return { result: detail, events: [...postCreatedEvents(firstPost, detail), ...notifications] };
}
