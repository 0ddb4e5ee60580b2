import { event, rooms, type RealtimeEvent } from "../../realtime/events";
import type { ThreadDetail } from "./dto";

/**
 * What everyone watching sees of a renamed or moved thread: the thread page gets the new state, the
 * group it is in now lists it, a group it left drops it, and feed items take the new title and group.
 */
export function threadChangedEvents(thread: ThreadDetail, leftGroupId?: string): RealtimeEvent[] {
  const { seq, group, ...listItem } = thread;
  return [
    event(rooms.thread(thread.id), "thread.updated", { thread, seq }),
    ...(leftGroupId ? [event(rooms.group(leftGroupId), "group.threadRemoved", { groupId: leftGroupId, threadId: thread.id })] : []),
    event(rooms.group(group.id), "group.thread", { groupId: group.id, thread: listItem }),
    event(rooms.activity, "activity.thread", { thread: { id: thread.id, title: thread.title }, group }),
  ];
}
