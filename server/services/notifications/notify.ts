import { randomUUID } from "node:crypto";
import { can, type Action } from "../../auth/policy";
import type { Tx } from "../../db";
import { event, rooms, type RealtimeEvent } from "../../realtime/events";
import { normaliseText } from "../../schemas/text";
import type { RoleName } from "../../auth/roles";
import { authorOf, type AuthorDto } from "../users/dto";
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

/** A candidate recipient (or an actor) with what decides whether they hear of it. */
interface PersonRow {
  id: string;
  name: string;
  email: string;
  organisation: string;
  role: RoleName;
  /** a candidate still active (an actor is read for their name only) */
  isCandidate: boolean;
  disabledKinds: string[];
  /** of the inputs' threads, those this person muted */
  mutedThreadIds: string[];
  /** of the inputs' posts, those this person was already notified about */
  notifiedPostIds: string[];
}

interface NotificationRow {
  id: string;
  recipientId: string;
  kind: NotificationKind;
  actorId: string | null;
  threadId: string | null;
  postId: string | null;
  title: string;
  excerpt: string;
  link: string;
}

/**
 * Inserts the rows and answers each recipient's unread count with them, in one statement (a post
 * notifies its thread's followers on the hottest write path: every round trip counts). The count
 * reads the table as it was before the insert and adds the inserted rows.
 */
async function insertNotifications(tx: Tx, rows: NotificationRow[], now: Date): Promise<Map<string, number>> {
  const column = <K extends keyof NotificationRow>(key: K) => rows.map((row) => row[key]);
  const recipientIds = [...new Set(column("recipientId"))];
  const counts = await tx.$queryRaw<{ recipientId: string; unread: number }[]>`
    WITH inserted AS (
      INSERT INTO "Notification" ("id", "recipientId", "kind", "actorId", "threadId", "postId", "title", "excerpt", "link", "createdAt")
      SELECT r."id", r."recipientId", r."kind"::"NotificationKind", r."actorId", r."threadId", r."postId", r."title", r."excerpt", r."link", ${now.toISOString()}::timestamp(3)
      FROM unnest(
        ${column("id")}::text[], ${column("recipientId")}::text[], ${column("kind")}::text[], ${column("actorId")}::text[],
        ${column("threadId")}::text[], ${column("postId")}::text[], ${column("title")}::text[], ${column("excerpt")}::text[], ${column("link")}::text[]
      ) AS r("id", "recipientId", "kind", "actorId", "threadId", "postId", "title", "excerpt", "link")
      RETURNING "recipientId"
    )
    SELECT r."recipientId",
      ((SELECT count(*) FROM "Notification" n WHERE n."recipientId" = r."recipientId" AND n."readAt" IS NULL)
        + (SELECT count(*) FROM inserted i WHERE i."recipientId" = r."recipientId"))::int AS "unread"
    FROM unnest(${recipientIds}::text[]) AS r("recipientId")`;
  return new Map(counts.map((row) => [row.recipientId, Number(row.unread)]));
}

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

  const actorIds = [...new Set(inputs.map((input) => input.actorId).filter((id): id is string => !!id))];
  const people = await tx.$queryRaw<PersonRow[]>`
    SELECT u."id", u."name", u."email", u."organisation", u."role"::text AS "role",
      (u."id" = ANY(${candidateIds}::text[]) AND u."deactivatedAt" IS NULL) AS "isCandidate",
      COALESCE(s."disabledKinds"::text[], ARRAY[]::text[]) AS "disabledKinds",
      ARRAY(
        SELECT ts."threadId" FROM "ThreadSubscription" ts
        WHERE ts."userId" = u."id" AND ts."level" = 'MUTED' AND ts."threadId" = ANY(${threadIds}::text[])
      ) AS "mutedThreadIds",
      ARRAY(
        SELECT n."postId" FROM "Notification" n
        WHERE n."recipientId" = u."id" AND n."postId" = ANY(${postIds}::text[])
      ) AS "notifiedPostIds"
    FROM "User" u
    LEFT JOIN "NotificationSettings" s ON s."userId" = u."id"
    WHERE (u."id" = ANY(${candidateIds}::text[]) AND u."deactivatedAt" IS NULL) OR u."id" = ANY(${actorIds}::text[])`;
  const userById = new Map(people.filter((person) => person.isCandidate).map((person) => [person.id, person]));
  const actorById = new Map(people.map((person): [string, AuthorDto] => [person.id, authorOf(person)]));
  const muted = new Set(people.flatMap((person) => person.mutedThreadIds.map((threadId) => `${person.id}:${threadId}`)));
  const notifiedForPost = new Set(people.flatMap((person) => person.notifiedPostIds.map((postId) => `${person.id}:${postId}`)));

  const now = new Date();
  const rows: NotificationRow[] = [];
  const ordered = inputs.map((input, index) => ({ input, index })).sort((a, b) => kindPriority[a.input.kind] - kindPriority[b.input.kind] || a.index - b.index);
  for (const { input } of ordered) {
    const readAction = input.readAction === undefined ? "internal.read" : input.readAction;
    const title = clip(input.title, TITLE_MAX);
    const excerpt = clip(input.excerpt, EXCERPT_MAX);
    for (const recipientId of new Set(input.recipientIds)) {
      const user = userById.get(recipientId);
      if (!user || recipientId === input.actorId) continue;
      if (user.disabledKinds.includes(input.kind)) continue;
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
      });
    }
  }
  if (rows.length === 0) return [];

  const counts = await insertNotifications(tx, rows, now);
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
