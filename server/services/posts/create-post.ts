import { assertCan, can, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError, isUniqueViolation } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { createPostSchema, type CreatePostInput } from "../../schemas/post";
import { checkAttachable, linkAttachments } from "../attachments/link-attachments";
import { getThread } from "../threads/get-thread";
import { appendPost } from "./append-post";
import { postSelect, toPostDto, type PostDto } from "./dto";
import { postCreatedEvents } from "./post-events";

/** The stored post for a repeated id; someone else's id, or one from another thread, is a conflict. */
async function existingPost(tx: Tx, actor: Actor, input: CreatePostInput): Promise<PostDto | null> {
  const row = await tx.post.findUnique({ where: { id: input.id }, select: postSelect });
  if (!row) return null;
  if (row.author.id !== actor.id || row.threadId !== input.threadId) throw new AppError("CONFLICT");
  return toPostDto(row);
}

/** Appends the post and links its attachments in one transaction: without the post, no file is linked. */
async function appendWithAttachments(actor: Actor, input: CreatePostInput & { mayPostWhenLocked: boolean }) {
  return db().$transaction(async (tx) => {
    const owner = { kind: "post", id: input.id } as const;
    const checked = await checkAttachable(tx, actor, owner, input.attachments);
    const appended = await appendPost(actor, input, new Date(), tx);
    if (!appended) return null;
    return { ...appended, post: { ...appended.post, attachments: await linkAttachments(tx, actor, owner, checked) } };
  });
}

/**
 * Appends a post to a thread. Idempotent on the client-generated id: a retried send returns the
 * stored post and publishes nothing. Whether a locked thread takes the post is the policy's
 * decision, handed to the statement; when nothing was appended, the thread is read to say why.
 * Posts without attachments, the usual case, stay a single statement.
 */
export async function createPost(actor: Actor | null, rawInput: unknown): Promise<WithEvents<PostDto>> {
  assertCan(actor, "post.create");
  const input = createPostSchema.parse(rawInput);
  const mayPostWhenLocked = can(actor, "post.create", { isLocked: true });
  // a second attempt only when the thread was unlocked between the statement and the read below
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const appended = input.attachments.length
        ? await appendWithAttachments(actor, { ...input, mayPostWhenLocked })
        : await appendPost(actor, { ...input, mayPostWhenLocked });
      if (appended) return { result: appended.post, events: postCreatedEvents(appended.post, appended.thread) };
    } catch (error) {
      // the id exists: a retry of a send that already succeeded, or two copies of one send racing
      if (!isUniqueViolation(error)) throw error;
      const existing = await existingPost(db(), actor, input);
      if (existing) return { result: existing, events: [] };
      throw error;
    }
    assertCan(actor, "post.create", await getThread(actor, input.threadId));
  }
  throw new AppError("CONFLICT");
}
