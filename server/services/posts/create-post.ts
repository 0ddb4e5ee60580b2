import { assertCan, can, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError, isUniqueViolation } from "../../errors";
import { event, rooms, type WithEvents } from "../../realtime/events";
import { createPostSchema, type CreatePostInput } from "../../schemas/post";
import { log } from "../../log";
import { notifyNewPost } from "../notifications/post-notifications";
import { checkAttachable, linkAttachments } from "../attachments/link-attachments";
import { getThread } from "../threads/get-thread";
import { appendPost, type AppendPostInput } from "./append-post";
import { assertWithinRateLimit, rateLimits } from "../rate-limit/rate-limit";
import { postSelect, postViewOf, reactionsOf, toPostDto, type PostDto } from "./dto";
import { postCreatedEvents } from "./post-events";
import { postNotificationInputs } from "./post-notifications";
import type { NotificationInput } from "../notifications/notify";

/**
 * The stored post for a repeated id; someone else's id, or one from another thread, is a conflict.
 * Its creation is published again: the first attempt may have been stored by a process that was
 * killed before it could publish (clients merge posts by id, so a second delivery shows nothing twice).
 */
async function existingPost(tx: Tx, actor: Actor, input: CreatePostInput): Promise<WithEvents<PostDto> | null> {
  const row = await tx.post.findUnique({ where: { id: input.id }, select: postSelect });
  if (!row) return null;
  if (row.author.id !== actor.id || row.threadId !== input.threadId) throw new AppError("CONFLICT");
  const reactions = (await reactionsOf(tx, [row.id])).get(row.id);
  const participantView = toPostDto(row, "participant", reactions);
  return {
    result: toPostDto(row, postViewOf(actor), reactions),
    events: [event(rooms.thread(row.threadId), "post.created", { post: participantView, seq: row.changeSeq, postCount: row.number })],
  };
}

/** The post a reply answers: in the same thread, and one the writer can see (not hidden from them). */
async function replyTarget(actor: Actor, threadId: string, postId: string) {
  const row = await db().post.findUnique({
    where: { id: postId },
    select: { id: true, number: true, threadId: true, hiddenAt: true, authorId: true, author: { select: { name: true } } },
  });
  if (!row || row.threadId !== threadId || (row.hiddenAt && postViewOf(actor) !== "moderation")) {
    throw new AppError("NOT_FOUND", "Der Beitrag, auf den Sie antworten, ist in diesem Thema nicht (mehr) vorhanden.");
  }
  return { id: row.id, number: row.number, authorName: row.author.name, authorId: row.authorId };
}

/**
 * The post is stored by then (appendPost is one statement, outside a transaction): a failure to
 * notify is logged and must not report the post as failed.
 */
async function notificationsFor(appended: Parameters<typeof notifyNewPost>[1], mentionsAndReplies: NotificationInput[]) {
  try {
    return await notifyNewPost(db(), appended, mentionsAndReplies);
  } catch (error) {
    log().error({ err: error, postId: appended.post.id }, "Benachrichtigungen zu einem neuen Beitrag fehlgeschlagen");
    return [];
  }
}

/** Appends the post and links its attachments in one transaction: without the post, no file is linked. */
async function appendWithAttachments(actor: Actor, input: AppendPostInput & Pick<CreatePostInput, "attachments">) {
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
 * stored post and publishes its creation again (no notifications). Whether a locked thread takes the post is the policy's
 * decision, handed to the statement; when nothing was appended, the thread is read to say why.
 * Posts without attachments, the usual case, stay a single statement.
 */
export async function createPost(actor: Actor | null, rawInput: unknown): Promise<WithEvents<PostDto>> {
  assertCan(actor, "post.create");
  const input = createPostSchema.parse(rawInput);
  const mayPostWhenLocked = can(actor, "post.create", { isLocked: true });
  await assertWithinRateLimit(rateLimits.post, actor.id);
  const replyTo = input.replyToPostId ? await replyTarget(actor, input.threadId, input.replyToPostId) : null;
  // a second attempt only when the thread was unlocked between the statement and the read below
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const appended = input.attachments.length
        ? await appendWithAttachments(actor, { ...input, replyTo, mayPostWhenLocked })
        : await appendPost(actor, { ...input, replyTo, mayPostWhenLocked });
      if (appended) {
        const { post, thread } = appended;
        const notified = await notificationsFor(appended, postNotificationInputs(actor, post, thread, input.body, replyTo?.authorId ?? null));
        return { result: post, events: [...postCreatedEvents(post, thread), ...notified] };
      }
    } catch (error) {
      // the id exists: a retry of a send that already succeeded, or two copies of one send racing
      if (!isUniqueViolation(error)) throw error;
      const existing = await existingPost(db(), actor, input);
      if (existing) return existing;
      throw error;
    }
    assertCan(actor, "post.create", await getThread(actor, input.threadId));
  }
  throw new AppError("CONFLICT");
}
