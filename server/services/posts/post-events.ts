import { event, rooms, type RealtimeEvent } from "../../realtime/events";
import { excerptOfHtml } from "../activity/dto";
import type { ThreadDetail } from "../threads/dto";
import { toPostDto, type PostDto, type PostRow, type ReactionSummary } from "./dto";

/**
 * What the thread, its group's thread list and the home page's activity see of a new post.
 * Built from what the write already returned: no extra queries on the hot path.
 */
export function postCreatedEvents(post: PostDto, thread: ThreadDetail): RealtimeEvent[] {
  const { seq, group, ...listItem } = thread;
  return [
    event(rooms.thread(post.threadId), "post.created", { post, seq, postCount: thread.postCount }),
    event(rooms.group(group.id), "group.thread", { groupId: group.id, thread: listItem }),
    event(rooms.activity, "activity.created", {
      item: {
        postId: post.id,
        number: post.number,
        excerpt: excerptOfHtml(post.html),
        createdAt: post.createdAt,
        author: post.author,
        thread: { id: thread.id, title: thread.title },
        group,
      },
    }),
  ];
}

/**
 * A changed post as each side sees it: the thread room gets the participant view (never the text
 * of a deleted or hidden post), moderation's sockets, also in that room, get the original instead.
 */
export function postUpdatedEvents(row: PostRow, reactions: ReactionSummary[], seq: number): RealtimeEvent[] {
  const moderationRoom = rooms.threadModeration(row.threadId);
  return [
    event(rooms.thread(row.threadId), "post.updated", { post: toPostDto(row, "participant", reactions), seq }, moderationRoom),
    event(moderationRoom, "post.updated", { post: toPostDto(row, "moderation", reactions), seq }),
  ];
}
