import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { createPostSchema, type CreatePostInput } from "../../schemas/post";
import { postSelect, toPostDto, type PostDto } from "./dto";
import { postCreatedEvents } from "./post-events";

/** A send that was retried after it already succeeded: hand back the first result, publish nothing. */
async function existingPost(tx: Tx, actor: Actor, input: CreatePostInput): Promise<PostDto | null> {
  const row = await tx.post.findUnique({ where: { id: input.id }, select: postSelect });
  if (!row) return null;
  if (row.author.id !== actor.id || row.threadId !== input.threadId) throw new AppError("CONFLICT");
  return toPostDto(row);
}

/**
 * Appends a post to a thread. Idempotent on the client-generated id: a retried send returns the
 * stored post and publishes nothing. Bumping the thread's seq row-locks the thread, so numbers and
 * sequence values are gap-free and ordered even with several processes writing.
 */
export async function createPost(actor: Actor | null, rawInput: unknown): Promise<WithEvents<PostDto>> {
  assertCan(actor, "post.create");
  const input = createPostSchema.parse(rawInput);
  try {
    return await db().$transaction(async (tx) => {
      const existing = await existingPost(tx, actor, input);
      if (existing) return { result: existing, events: [] };

      const thread = await tx.thread.findUnique({ where: { id: input.threadId }, select: { isLocked: true } });
      if (!thread) throw new AppError("NOT_FOUND", "Dieses Thema gibt es nicht (mehr).");
      assertCan(actor, "post.create", thread);

      const now = new Date();
      const { seq, postCount } = await tx.thread.update({
        where: { id: input.threadId },
        data: { seq: { increment: 1 }, postCount: { increment: 1 }, lastActivityAt: now, lastPostAuthorId: actor.id },
        select: { seq: true, postCount: true },
      });
      const row = await tx.post.create({
        data: { id: input.id, threadId: input.threadId, authorId: actor.id, body: input.body, number: postCount, changeSeq: seq, createdAt: now },
        select: postSelect,
      });
      const post = toPostDto(row);
      return { result: post, events: await postCreatedEvents(tx, post, seq, postCount) };
    });
  } catch (error) {
    // two copies of one send raced; the other committed first
    if ((error as { code?: string }).code === "P2002") {
      const existing = await existingPost(db(), actor, input);
      if (existing) return { result: existing, events: [] };
    }
    throw error;
  }
}
