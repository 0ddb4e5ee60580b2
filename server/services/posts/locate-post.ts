import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import { pageOfPostNumber, postAnchor, postIdSchema, threadPathOf } from "../../schemas/post";

/** Where a post's permalink leads: its thread's page holding it, scrolled to it. */
export async function locatePost(actor: Actor | null, rawInput: unknown): Promise<{ url: string; threadId: string; number: number; page: number }> {
  assertCan(actor, "internal.read");
  const { postId } = postIdSchema.parse(rawInput);
  const post = await db().post.findUnique({
    where: { id: postId },
    select: { number: true, threadId: true, thread: { select: { group: { select: { slug: true } } } } },
  });
  if (!post) throw new AppError("NOT_FOUND", "Diesen Beitrag gibt es nicht (mehr).");
  const page = pageOfPostNumber(post.number);
  return {
    url: `${threadPathOf(post.thread.group.slug, post.threadId)}?seite=${page}#${postAnchor(post.number)}`,
    threadId: post.threadId,
    number: post.number,
    page,
  };
}
