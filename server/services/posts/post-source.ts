import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import { postIdSchema } from "../../schemas/post";

/** The Markdown source of a post, for whoever may edit it: the author or moderation. */
export async function getPostSource(actor: Actor | null, rawInput: unknown): Promise<{ postId: string; body: string }> {
  assertCan(actor, "post.edit");
  const { postId } = postIdSchema.parse(rawInput);
  const post = await db().post.findUnique({
    where: { id: postId },
    select: { body: true, authorId: true, thread: { select: { isLocked: true } } },
  });
  if (!post) throw new AppError("NOT_FOUND", "Diesen Beitrag gibt es nicht (mehr).");
  assertCan(actor, "post.edit", post);
  return { postId, body: post.body };
}
