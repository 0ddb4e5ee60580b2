import { event, rooms, type RealtimeEvent } from "../../realtime/events";
import { excerptOfHtml } from "../activity/dto";
import type { ThreadDetail } from "../threads/dto";
import type { PostDto } from "./dto";

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
