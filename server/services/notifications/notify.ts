import { randomUUID } from "node:crypto";
import { can, type Action } from "../../auth/policy";
import type { Tx } from "../../db";
import { event, rooms, type RealtimeEvent } from "../../realtime/events";
import { normaliseText } from "../../schemas/text";
import { authorSelect } from "../users/dto";
import type { NotificationDto } from "./dto";
import { kindPriority, type NotificationKind } from "./kinds";

export type { NotificationKind } from "./kinds";

export interface NotificationInput {
  kind: NotificationKind;
  /**
   * Candidates. notify() drops the actor, deactivated users, users who switched the kind off,
   * users who muted the thread, and users who may not read the subject.
   */
  recipientIds: string[];
  actorId: string | null;
  /** for mute and the read check */
  threadId?: string | null;
  postId?: string | null;
  /** e.g. the thread title */
  title: string;
  /** plain text, short */
  excerpt: string;
  /** where it leads: `postLink(postId)` or a page path */
  link: string;
  /**
   * What a recipient must be allowed to do to read the subject. Defaults to "internal.read"
   * (thread content: readers get none of it); null for a subject every signed-in user may read.
   */
  readAction?: Action | null;
}

export const TITLE_MAX = 200;
export const EXCERPT_MAX = 300;

const clip = (text: string, max: number) => {
  const chars = [...normaliseText(text, { singleLine: true })];
  return chars.length > max ? `${chars.slice(0, max - 1).join("").trimEnd()}…` : chars.join("");
};

/** Unread notifications per user, for the bell's count. */
export async function unreadCounts(tx: Tx, userIds: string[]): Promise<Map<string, number>> {
  const groups = await tx.notification.groupBy({
    by: ["recipientId"],
    where: { recipientId: { in: userIds }, readAt: null },
    _count: { _all: true },
  });
  const counts = new Map(userIds.map((id) => [id, 0]));
  for (const group of groups) counts.set(group.recipientId, group._count._all);
  return counts;
}

/**
 * Stores notifications and returns the `notification.created` events to publish after commit.
 *
 * Filtering: see `NotificationInput.recipientIds`. A muted thread silences every kind from that
 * thread, mentions included: whoever muted it asked for quiet there.
 *
 * One notification per person and post: when several inputs reach one person about the same
 * `postId`, only the most specific is kept (`kindPriority`: MENTION > REPLY > THREAD_POST >
 * NEW_THREAD), so a use case should pass all inputs for one post in one call. A post that already
 * notified the person in an earlier call (a retry, an edit adding a mention) is not notified again.
 */
export async function notify(tx: Tx, inputs: NotificationInput[]): Promise<RealtimeEvent[]> {
  const candidateIds = [...new Set(inputs.flatMap((input) => input.recipientIds))];
  if (candidateIds.length === 0) return [];
  const threadIds = [...new Set(inputs.map((input) => input.threadId).filter((id): id is string => !!id))];
  const postIds = [...new Set(inputs.map((input) => input.postId).filter((id): id is string => !!id))];

  const [users, mutes, earlier] = await Promise.all([
    tx.user.findMany({
      where: { id: { in: candidateIds }, deactivatedAt: null },
      select: { id: true, name: true, email: true, organisation: true, role: true, notificationSettings: { select: { disabledKinds: true } } },
    }),
    threadIds.length
      ? tx.threadSubscription.findMany({
          where: { threadId: { in: threadIds }, userId: { in: candidateIds }, level: "MUTED" },
          select: { userId: true, threadId: true },
        })
      : [],
    postIds.length
      ? tx.notification.findMany({ where: { postId: { in: postIds }, recipientId: { in: candidateIds } }, select: { recipientId: true, postId: true } })
      : [],
  ]);
  const userById = new Map(users.map((user) => [user.id, user]));
  const muted = new Set(mutes.map((mute) => `${mute.userId}:${mute.threadId}`));
  const notifiedForPost = new Set(earlier.map((row) => `${row.recipientId}:${row.postId}`));

  const now = new Date();
  const rows: { id: string; recipientId: string; kind: NotificationKind; actorId: string | null; threadId: string | null; postId: string | null; title: string; excerpt: string; link: string; createdAt: Date }[] = [];
  const ordered = inputs.map((input, index) => ({ input, index })).sort((a, b) => kindPriority[a.input.kind] - kindPriority[b.input.kind] || a.index - b.index);
  for (const { input } of ordered) {
    const readAction = input.readAction === undefined ? "internal.read" : input.readAction;
    const title = clip(input.title, TITLE_MAX);
    const excerpt = clip(input.excerpt, EXCERPT_MAX);
    for (const recipientId of new Set(input.recipientIds)) {
      const user = userById.get(recipientId);
      if (!user || recipientId === input.actorId) continue;
      if (user.notificationSettings?.disabledKinds.includes(input.kind)) continue;
      if (input.threadId && muted.has(`${recipientId}:${input.threadId}`)) continue;
      if (readAction && !can(user, readAction)) continue;
      if (input.postId) {
        const key = `${recipientId}:${input.postId}`;
        if (notifiedForPost.has(key)) continue;
        notifiedForPost.add(key);
      }
      rows.push({
        id: randomUUID(),
        recipientId,
        kind: input.kind,
        actorId: input.actorId,
        threadId: input.threadId ?? null,
        postId: input.postId ?? null,
        title,
        excerpt,
        link: input.link,
        createdAt: now,
      });
    }
  }
  if (rows.length === 0) return [];

  await tx.notification.createMany({ data: rows });
  const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => !!id))];
  const [actors, counts] = await Promise.all([
    tx.user.findMany({ where: { id: { in: actorIds } }, select: authorSelect }),
    unreadCounts(tx, [...new Set(rows.map((row) => row.recipientId))]),
  ]);
  const actorById = new Map(actors.map((actor) => [actor.id, actor]));
  return rows.map((row) => {
    const notification: NotificationDto = {
      id: row.id,
      kind: row.kind,
      actor: (row.actorId && actorById.get(row.actorId)) || null,
      threadId: row.threadId,
      postId: row.postId,
      title: row.title,
      excerpt: row.excerpt,
      link: row.link,
      readAt: null,
      createdAt: now.toISOString(),
    };
    return event(rooms.user(row.recipientId), "notification.created", { notification, unreadCount: counts.get(row.recipientId) ?? 0 });
  });
}
