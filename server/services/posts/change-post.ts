import type { Actor } from "../../auth/policy";
import type { Prisma, Tx } from "../../db";
import type { WithEvents } from "../../realtime/events";
import { postSelect, postViewOf, reactionsOf, toPostDto, type PostDto } from "./dto";
import { postUpdatedEvents } from "./post-events";

/**
 * Records a change to a post inside the use case's transaction: the thread's seq goes up and the post
 * takes it as its changeSeq (so a reconnecting client catches up on it), then the post is pushed to
 * the thread in each view.
 */
export async function commitPostChange(tx: Tx, actor: Actor, post: { id: string; threadId: string }, data: Prisma.PostUpdateInput = {}): Promise<WithEvents<PostDto>> {
  const { seq } = await tx.thread.update({ where: { id: post.threadId }, data: { seq: { increment: 1 } }, select: { seq: true } });
  const row = await tx.post.update({ where: { id: post.id }, data: { ...data, changeSeq: seq }, select: postSelect });
  const reactions = (await reactionsOf(tx, [post.id])).get(post.id) ?? [];
  return { result: toPostDto(row, postViewOf(actor), reactions), events: postUpdatedEvents(row, reactions, seq) };
}
