import type { Actor } from "../../auth/policy";
import type { Tx } from "../../db";
import type { RealtimeEvent } from "../../realtime/events";
import { mentionedUserIds } from "../../schemas/post";
import { notificationExcerpt } from "../notifications/post-excerpt";
import { postLink } from "../notifications/kinds";
import { notify, type NotificationInput } from "../notifications/notify";
import type { PostDto } from "./dto";

/**
 * Who a new or edited post notifies: the people it mentions (MENTION) and the author of the post it
 * answers (REPLY). notify() drops whoever may not read the thread (readers, deactivated users), so
 * no notification tells them about it; it also keeps one notification per person and post.
 */
export function postNotificationInputs(
  actor: Actor,
  post: PostDto,
  thread: { id: string; title: string },
  body: string,
  replyToAuthorId: string | null,
): NotificationInput[] {
  const common = { actorId: actor.id, threadId: thread.id, postId: post.id, title: thread.title, excerpt: notificationExcerpt(post.html), link: postLink(post.id) };
  const inputs: NotificationInput[] = [];
  const mentioned = mentionedUserIds(body);
  if (mentioned.length) inputs.push({ kind: "MENTION", recipientIds: mentioned, ...common });
  if (replyToAuthorId) inputs.push({ kind: "REPLY", recipientIds: [replyToAuthorId], ...common });
  return inputs;
}

/** Stores the notifications; the events are published with the post's own. */
export async function notifyAboutPost(tx: Tx, ...args: Parameters<typeof postNotificationInputs>): Promise<RealtimeEvent[]> {
  const inputs = postNotificationInputs(...args);
  return inputs.length ? notify(tx, inputs) : [];
}
