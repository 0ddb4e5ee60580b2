import type { Tx } from "../../db";
import type { RealtimeEvent } from "../../realtime/events";
import { notificationExcerpt } from "./post-excerpt";
import type { PostDto } from "../posts/dto";
import type { ThreadDetail } from "../threads/dto";
import { postLink } from "./kinds";
import { notify, type NotificationInput } from "./notify";
import { followAutomatically } from "./thread-subscription";

interface NewPost {
  post: PostDto;
  thread: Pick<ThreadDetail, "id" | "title" | "group">;
}

const inputFor = ({ post, thread }: NewPost, kind: NotificationInput["kind"], recipientIds: string[]): NotificationInput => ({
  kind,
  recipientIds,
  actorId: post.author.id,
  threadId: thread.id,
  postId: post.id,
  title: thread.title,
  excerpt: notificationExcerpt(post.html),
  link: postLink(post.id),
});

/**
 * A new thread: its author follows it, and the members of its working group hear of it (NEW_THREAD).
 * `more` are other notifications about the first post (mentions): passed here so that one notify()
 * call keeps the most specific per person.
 */
export async function notifyNewThread(tx: Tx, created: NewPost, more: NotificationInput[] = []): Promise<RealtimeEvent[]> {
  await followAutomatically(tx, created.post.author.id, created.thread.id);
  const members = await tx.groupMembership.findMany({ where: { groupId: created.thread.group.id }, select: { userId: true } });
  return notify(tx, [...more, inputFor(created, "NEW_THREAD", members.map((m) => m.userId))]);
}

/**
 * A new post: the thread's followers hear of it (THREAD_POST). appendPost() made the author follow
 * the thread and read its followers in the same statement. `more` are the post's mentions and
 * replies, for one notify() call (see notify()).
 */
export async function notifyNewPost(tx: Tx, created: NewPost & { followerIds: string[] }, more: NotificationInput[] = []): Promise<RealtimeEvent[]> {
  return notify(tx, [...more, inputFor(created, "THREAD_POST", created.followerIds)]);
}
