import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { createPostSchema, type CreatePostInput } from "../../schemas/post";
import { postColumnsSelect, postSelect, toPostDto, type PostDto } from "./dto";
import { renderForStorage } from "./markdown";
import { postCreatedEvents } from "./post-events";
import { bumpThreadForPost } from "../threads/bump-thread";
import { authorOf } from "../users/dto";

/** The stored post for a repeated id; someone else's id, or one from another thread, is a conflict. */
async function existingPost(tx: Tx, actor: Actor, input: CreatePostInput): Promise<PostDto | null> {
  const row = await tx.post.findUnique({ where: { id: input.id }, select: postSelect });
  if (!row) return null;
  if (row.author.id !== actor.id || row.threadId !== input.threadId) throw new AppError("CONFLICT");
  return toPostDto(row);
}

/**
 * Appends a post to a thread. Idempotent on the client-generated id: a retried send returns the
 * stored post and publishes nothing. Bumping the thread's seq first row-locks the thread, so numbers
 * and sequence values are gap-free and ordered even with several processes writing; a refusal
 * after the bump rolls it back.
 */
export async function createPost(actor: Actor | null, rawInput: unknown): Promise<WithEvents<PostDto>> {
  assertCan(actor, "post.create");
  const input = createPostSchema.parse(rawInput);
  try {
    return await db().$transaction(async (tx) => {
      const now = new Date();
      const thread = await bumpThreadForPost(tx, input.threadId, actor, now);
      if (!thread) throw new AppError("NOT_FOUND", "Dieses Thema gibt es nicht (mehr).");
      assertCan(actor, "post.create", thread);
      const row = await tx.post.create({
        data: { id: input.id, threadId: input.threadId, authorId: actor.id, body: input.body, ...renderForStorage(input.body), number: thread.postCount, changeSeq: thread.seq, createdAt: now },
        select: postColumnsSelect,
      });
      // the author is the actor: no query for what the session already says
      const post = toPostDto({ ...row, author: authorOf(actor) });
      return { result: post, events: postCreatedEvents(post, thread) };
    });
  } catch (error) {
    // the id exists: a retry of a send that already succeeded, or two copies of one send racing
    if ((error as { code?: string }).code === "P2002") {
      const existing = await existingPost(db(), actor, input);
      if (existing) return { result: existing, events: [] };
    }
    throw error;
  }
}
