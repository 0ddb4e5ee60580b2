import type { ActivityItem } from "../services/activity/dto";
import type { ImpulseQuestionDto, ImpulseTalkDto, QuestionView } from "../services/impulse-talks/dto";
import type { NotificationDto } from "../services/notifications/dto";
import type { PostDto } from "../services/posts/dto";
import type { ReportDto } from "../services/reports/dto";
import type { ResultCommentDto, ResultSectionDto, ResultVersionSummaryDto } from "../services/results/dto";
import type { SpotlightDto } from "../services/spotlights/dto";
import type { ThreadReadDto } from "../services/reads/dto";
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
  /** whoever may work the report queue: the open count and the queue stay live */
  moderation: "moderation" as const,
  /** participants and moderation with a spotlight board or page open: the internal view */
  spotlights: "spotlights" as const,
  /** readers with a spotlight board or page open: the public view, promoted and later only */
  spotlightsPublic: "spotlights-public" as const,
  /** everyone with a talk's page open: the talk as it is now (one view for all roles) */
  impulseTalk: (talkId: string) => `impulse:${talkId}` as const,
  /** the talk's Q&A, one room per view (server/services/impulse-talks/visibility.ts) */
  impulseQuestions: (talkId: string, view: QuestionView) => `impulse-questions:${view}:${talkId}` as const,
  /** participants and moderation with the results document's draft open: sections and comments live */
  results: "results" as const,
};

/** Server → client events; each carries the new state, never "please refetch". */
export interface ServerEvents {
  "post.created": (payload: { post: PostDto; seq: number; postCount: number }) => void;
  "post.updated": (payload: { post: PostDto; seq: number }) => void;
  "thread.updated": (payload: { thread: ThreadDetail; seq: number }) => void;
  "group.thread": (payload: { groupId: string; thread: ThreadListItem }) => void;
  /** the thread left this group (moved elsewhere) */
  "group.threadRemoved": (payload: { groupId: string; threadId: string }) => void;
  "activity.created": (payload: { item: ActivityItem }) => void;
  /** a thread was renamed or moved: feed items pointing at it take the new title and group */
  "activity.thread": (payload: { thread: ActivityItem["thread"]; group: ActivityItem["group"] }) => void;
  /** a report was filed or closed: the new open count, and the report as it is now */
  "reports.changed": (payload: { openCount: number; report: ReportDto }) => void;
  "session.ended": (payload: { reason: string }) => void;
  /** to the recipient's user room: the new notification and their unread count after it */
  "notification.created": (payload: { notification: NotificationDto; unreadCount: number }) => void;
  /** to the user's room when they marked notifications read (in any tab); `ids` null means all */
  "notification.read": (payload: { ids: string[] | null; readAt: string; unreadCount: number }) => void;
  /** to the reader's own room: how far they have now read, so their other tabs update their counts */
  "reads.updated": (payload: { reads: ThreadReadDto[] }) => void;
  /** distinct people with the thread open right now, on every process */
  "thread.presence": (payload: { threadId: string; readerCount: number }) => void;
  /** a spotlight was proposed or changed (status, co-signatures, answer): the whole spotlight as it is now */
  "spotlight.changed": (payload: { spotlight: SpotlightDto }) => void;
  /** the spotlight left this audience's view (a reader's board when a promoted one is declined) */
  "spotlight.removed": (payload: { spotlightId: string }) => void;
  /** a talk was edited, moved, cancelled or got its recording: the whole talk as it is now */
  "impulse.talkChanged": (payload: { talk: ImpulseTalkDto }) => void;
  /** a question was asked, voted on, answered, merged (the kept one) or shown again: as this view sees it */
  "impulse.question": (payload: { question: ImpulseQuestionDto }) => void;
  /** the question left this view (hidden, or merged into another) */
  "impulse.questionRemoved": (payload: { talkId: string; questionId: string }) => void;
  /** someone is writing a reply; repeated while they type, ended by `stopped` */
  "thread.typing": (payload: { threadId: string; user: { id: string; name: string }; stopped: boolean }) => void;
  /** a draft section was saved: the section as it is now */
  "results.section": (payload: { section: ResultSectionDto }) => void;
  /** a section was added, renamed, moved or deleted: every section as it is now, in order */
  "results.sections": (payload: { sections: ResultSectionDto[] }) => void;
  /** a comment was written or resolved: as it is now */
  "results.comment": (payload: { comment: ResultCommentDto }) => void;
  /** a version was published */
  "results.published": (payload: { version: ResultVersionSummaryDto }) => void;
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
  "group.watch": (input: { groupId: string }, ack: Ack<{ threads: ThreadListItem[]; readUpTo: Record<string, number> }>) => void;
  "group.unwatch": (input: { groupId: string }) => void;
  "activity.watch": (input: Record<string, never>, ack: Ack<{ items: ActivityItem[] }>) => void;
  "post.create": (
    input: { id: string; threadId: string; body: string; replyToPostId?: string | null; attachments?: { id: string; alt?: string }[] },
    ack: Ack<{ post: PostDto }>,
  ) => void;
  /** moderation joins the report room; answers the open count as of the join */
  "reports.watch": (input: Record<string, never>, ack: Ack<{ openCount: number }>) => void;
  /** the composer has text typed into it (throttled by the client); `stopped` when it was cleared or sent */
  "thread.typing": (input: { threadId: string; stopped?: boolean }, ack: Ack<null>) => void;
  /** join the spotlight room of one's audience; a (re)connected page then reloads the state it shows */
  "spotlights.watch": (input: Record<string, never>, ack: Ack<null>) => void;
  "spotlights.unwatch": (input: Record<string, never>) => void;
  /** join a talk's room and its Q&A room of one's view; answers both as they are now (also after a reconnect) */
  "impulse.watch": (input: { talkId: string }, ack: Ack<{ talk: ImpulseTalkDto; questions: ImpulseQuestionDto[] }>) => void;
  "impulse.unwatch": (input: { talkId: string }) => void;
  /** join the draft's room (participants and moderation); a (re)connected page then reloads the draft */
  "results.watch": (input: Record<string, never>, ack: Ack<null>) => void;
  "results.unwatch": (input: Record<string, never>) => void;
}

/** Every client event at runtime: the authorisation matrix test calls each one as every role. */
export const clientEventNames = [
  "thread.watch",
  "thread.unwatch",
  "group.watch",
  "group.unwatch",
  "activity.watch",
  "post.create",
  "reports.watch",
  "thread.typing",
  "spotlights.watch",
  "spotlights.unwatch",
  "impulse.watch",
  "impulse.unwatch",
  "results.watch",
  "results.unwatch",
] as const satisfies readonly (keyof ClientEvents)[];

type NoneMissing<Missing extends never> = Missing;
/** Fails typecheck, naming the event, when a key of ClientEvents is missing from clientEventNames. */
export type ClientEventNamesAreComplete = NoneMissing<Exclude<keyof ClientEvents, (typeof clientEventNames)[number]>>;

/** Every write use case returns its result and the events to publish once the transaction committed. */
export interface WithEvents<T> {
  result: T;
  events: RealtimeEvent[];
}
