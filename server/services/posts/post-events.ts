import { event, rooms, type RealtimeEvent } from "../../realtime/events";
import { toActivityItem, activitySelect } from "../activity/dto";
import { threadListSelect, toThreadListItem } from "../threads/dto";
import type { Tx } from "../../db";
import type { PostDto } from "./dto";

/** What the thread, its group's thread list and the home page's activity see of a new post. */
export async function postCreatedEvents(tx: Tx, post: PostDto, seq: number, postCount: number): Promise<RealtimeEvent[]> {
  const [thread, activity] = await Promise.all([
    tx.thread.findUniqueOrThrow({ where: { id: post.threadId }, select: { ...threadListSelect, groupId: true } }),
    tx.post.findUniqueOrThrow({ where: { id: post.id }, select: activitySelect }),
  ]);
  const { groupId, ...listRow } = thread;
  return [
    event(rooms.thread(post.threadId), "post.created", { post, seq, postCount }),
    event(rooms.group(groupId), "group.thread", { groupId, thread: toThreadListItem(listRow) }),
    event(rooms.activity, "activity.created", { item: toActivityItem(activity) }),
  ];
}
