import type { ActivityItem } from "../services/activity/dto";
import type { NotificationDto } from "../services/notifications/dto";
import type { PostDto } from "../services/posts/dto";
import type { ThreadDetail, ThreadListItem } from "../services/threads/dto";

/** Rooms a socket can be in. */
export const rooms = {
  thread: (threadId: string) => `thread:${threadId}` as const,
  /** moderation's sockets watching a thread: they get the moderation view of changed posts */
  threadModeration: (threadId: string) => `thread-moderation:${threadId}` as const,
  group: (groupId: string) => `group:${groupId}` as const,
  user: (userId: string) => `user:${userId}` as const,
  /** everyone who may read internal content: feeds the home page's latest activity */
  activity: "activity" as const,
};

/** Server → client events; each carries the new state, never "please refetch". */
export interface ServerEvents {
  "post.created": (payload: { post: PostDto; seq: number; postCount: number }) => void;
  "post.updated": (payload: { post: PostDto; seq: number }) => void;
  "thread.updated": (payload: { thread: ThreadDetail; seq: number }) => void;
  "group.thread": (payload: { groupId: string; thread: ThreadListItem }) => void;
  "activity.created": (payload: { item: ActivityItem }) => void;
  "session.ended": (payload: { reason: string }) => void;
  /** to the recipient's user room: the new notification and their unread count after it */
  "notification.created": (payload: { notification: NotificationDto; unreadCount: number }) => void;
  /** to the user's room when they marked notifications read (in any tab); `ids` null means all */
  "notification.read": (payload: { ids: string[] | null; readAt: string; unreadCount: number }) => void;
}

export type EventName = keyof ServerEvents;
export type EventPayload<E extends EventName> = Parameters<ServerEvents[E]>[0];

export interface RealtimeEvent<E extends EventName = EventName> {
  room: string;
  /** sockets in this room do not get the event (they get their own view through that room) */
  except?: string;
  name: E;
  payload: EventPayload<E>;
}

export const event = <E extends EventName>(room: string, name: E, payload: EventPayload<E>, except?: string): RealtimeEvent<E> => ({
  room,
  name,
  payload,
  ...(except ? { except } : {}),
});

type Ack<T> = (response: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }) => void;

/** Client → server events, each answered through an acknowledgement. */
export interface ClientEvents {
  /** join a thread's room and receive every post changed after `afterSeq` */
  "thread.watch": (
    input: { threadId: string; afterSeq: number },
    ack: Ack<{ posts: PostDto[]; seq: number; thread: ThreadDetail; isTruncated: boolean }>,
  ) => void;
  "thread.unwatch": (input: { threadId: string }) => void;
  /** join a group's room; answers the first page of its threads */
  "group.watch": (input: { groupId: string }, ack: Ack<{ threads: ThreadListItem[] }>) => void;
  "group.unwatch": (input: { groupId: string }) => void;
  "activity.watch": (input: Record<string, never>, ack: Ack<{ items: ActivityItem[] }>) => void;
  "post.create": (input: { id: string; threadId: string; body: string; replyToPostId?: string | null }, ack: Ack<{ post: PostDto }>) => void;
}

/** Every client event at runtime: the authorisation matrix test calls each one as every role. */
export const clientEventNames = [
  "thread.watch",
  "thread.unwatch",
  "group.watch",
  "group.unwatch",
  "activity.watch",
  "post.create",
] as const satisfies readonly (keyof ClientEvents)[];

type NoneMissing<Missing extends never> = Missing;
/** Fails typecheck, naming the event, when a key of ClientEvents is missing from clientEventNames. */
export type ClientEventNamesAreComplete = NoneMissing<Exclude<keyof ClientEvents, (typeof clientEventNames)[number]>>;

/** Every write use case returns its result and the events to publish once the transaction committed. */
export interface WithEvents<T> {
  result: T;
  events: RealtimeEvent[];
}
