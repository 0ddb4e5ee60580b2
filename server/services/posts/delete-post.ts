import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { postIdSchema } from "../../schemas/post";
import { commitPostChange } from "./change-post";
import type { PostDto } from "./dto";

/**
 * Deletes one's own post softly: it keeps its number, author and time, participants see "Beitrag
 * gelöscht", moderation still sees the original; replies and quotes stay as they are.
 */
export async function deletePost(actor: Actor | null, rawInput: unknown): Promise<WithEvents<PostDto>> {
  assertCan(actor, "post.delete");
  const { postId } = postIdSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const post = await tx.post.findUnique({
      where: { id: postId },
      select: { id: true, threadId: true, authorId: true, deletedAt: true, thread: { select: { isLocked: true } } },
    });
    if (!post) throw new AppError("NOT_FOUND", "Diesen Beitrag gibt es nicht (mehr).");
    assertCan(actor, "post.delete", post);
    if (post.deletedAt) throw new AppError("POST_DELETED", "Dieser Beitrag ist bereits gelöscht.");
    return commitPostChange(tx, actor, post, { deletedAt: new Date(), deletedBy: { connect: { id: actor.id } } });
  });
}
