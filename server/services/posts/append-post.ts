import type { Actor } from "../../auth/policy";
import type { RoleName } from "../../auth/roles";
import { db, type Tx } from "../../db";
import type { ThreadDetail } from "../threads/dto";
import { authorOf } from "../users/dto";
import { toPostDto, type PostDto } from "./dto";
import { renderForStorage } from "./markdown";

interface AppendedRow {
  id: string;
  title: string;
  isPinned: boolean;
  isLocked: boolean;
  postCount: number;
  seq: number;
  lastActivityAt: Date;
  createdAt: Date;
  authorId: string;
  authorName: string;
  authorOrganisation: string;
  authorRole: RoleName;
  groupId: string;
  groupSlug: string;
  groupName: string;
  followerIds: string[];
}

const iso = (value: Date | string) => new Date(value).toISOString();

export interface AppendPostInput {
  id: string;
  threadId: string;
  body: string;
  /** checked by the caller: a post of the same thread */
  replyTo?: { id: string; number: number; authorName: string } | null;
  /** the policy's answer for a locked thread; the statement only applies it */
  mayPostWhenLocked: boolean;
}

export interface AppendedPost {
  post: PostDto;
  thread: ThreadDetail;
  /** who followed the thread before this post (the author now follows it too, unless they chose otherwise) */
  followerIds: string[];
}

/**
 * Appends a post in one statement: the thread's seq and postCount go up (row-locking it, so numbers
 * and sequence values are gap-free even with several processes writing), the post is inserted with
 * them, the author's read mark moves and the author follows the thread, and the thread comes back as
 * the live events show it, with the followers the post notifies. This is the hottest write: Prisma's
 * interactive transaction with the relations the events need took ten round trips; one statement is
 * atomic on its own. `now` is written as UTC wall time, as Prisma stores every DateTime.
 * Null: no such thread, or it is locked and the actor may not post there.
 */
export async function appendPost(
  actor: Actor,
  input: AppendPostInput,
  now = new Date(),
  tx: Tx = db(),
): Promise<AppendedPost | null> {
  const { html, renderVersion } = renderForStorage(input.body, input.id);
  const at = now.toISOString();
  const [row] = await tx.$queryRaw<AppendedRow[]>`
    WITH bumped AS (
      UPDATE "Thread"
      SET "seq" = "seq" + 1, "postCount" = "postCount" + 1, "lastActivityAt" = ${at}::timestamp(3), "lastPostAuthorId" = ${actor.id}
      WHERE "id" = ${input.threadId} AND (NOT "isLocked" OR ${input.mayPostWhenLocked}::boolean)
      RETURNING "id", "title", "isPinned", "isLocked", "postCount", "seq", "lastActivityAt", "createdAt", "authorId", "groupId"
    ), inserted AS (
      INSERT INTO "Post" ("id", "threadId", "authorId", "body", "html", "renderVersion", "number", "changeSeq", "createdAt", "replyToPostId")
      SELECT ${input.id}, bumped."id", ${actor.id}, ${input.body}, ${html}, ${renderVersion}::integer, bumped."postCount", bumped."seq", ${at}::timestamp(3), ${input.replyTo?.id ?? null}::text
      FROM bumped
      RETURNING "id"
    ), read AS (
      -- one's own post is never new to oneself; the composer sits below the newest posts
      INSERT INTO "ThreadRead" ("userId", "threadId", "lastReadNumber", "updatedAt")
      SELECT ${actor.id}, bumped."id", bumped."postCount", ${at}::timestamp(3) FROM bumped
      ON CONFLICT ("userId", "threadId") DO UPDATE
        SET "lastReadNumber" = GREATEST("ThreadRead"."lastReadNumber", EXCLUDED."lastReadNumber"), "updatedAt" = EXCLUDED."updatedAt"
    ), followed AS (
      -- posting follows the thread, unless the author already chose (followed, stopped following, muted)
      INSERT INTO "ThreadSubscription" ("userId", "threadId", "level", "createdAt", "updatedAt")
      SELECT ${actor.id}, bumped."id", 'FOLLOWING', ${at}::timestamp(3), ${at}::timestamp(3) FROM bumped
      ON CONFLICT ("userId", "threadId") DO NOTHING
    )
    SELECT bumped.*,
      author."name" AS "authorName", author."organisation" AS "authorOrganisation", author."role"::text AS "authorRole",
      g."slug" AS "groupSlug", g."name" AS "groupName",
      ARRAY(SELECT f."userId" FROM "ThreadSubscription" f WHERE f."threadId" = bumped."id" AND f."level" = 'FOLLOWING') AS "followerIds"
    FROM bumped
    JOIN inserted ON TRUE
    JOIN "User" author ON author."id" = bumped."authorId"
    JOIN "WorkingGroup" g ON g."id" = bumped."groupId"`;
  if (!row) return null;
  const author = authorOf(actor);
  const postCount = Number(row.postCount);
  const seq = Number(row.seq);
  const thread: ThreadDetail = {
    id: row.id,
    title: row.title,
    isPinned: row.isPinned,
    isLocked: row.isLocked,
    postCount,
    seq,
    lastActivityAt: iso(row.lastActivityAt),
    createdAt: iso(row.createdAt),
    author: { id: row.authorId, name: row.authorName, organisation: row.authorOrganisation, role: row.authorRole },
    lastPostAuthor: author,
    group: { id: row.groupId, slug: row.groupSlug, name: row.groupName },
  };
  const replyTo = input.replyTo ? { id: input.replyTo.id, number: input.replyTo.number, author: { name: input.replyTo.authorName } } : null;
  const row0 = { id: input.id, threadId: row.id, number: postCount, html, changeSeq: seq, createdAt: now, editedAt: null, author, replyTo, attachments: [] };
  // a new post is neither deleted nor hidden and has no reactions: both views are the same
  const post = toPostDto({ ...row0, deletedAt: null, hiddenAt: null, hiddenReason: null }, "participant");
  return { post, thread, followerIds: row.followerIds };
}
