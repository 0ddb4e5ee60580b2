import type { Actor } from "../../auth/policy";
import type { Tx } from "../../db";
import type { RoleName } from "../../auth/roles";
import { authorOf } from "../users/dto";
import type { ThreadDetail } from "./dto";

interface BumpedThreadRow {
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
}

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * Counts a new post into its thread: seq and postCount up, last activity now and by `actor`, in one
 * statement that also returns the thread as the live events show it. Prisma would need six queries
 * for the update and its relations; this is the hottest write. The update row-locks the thread, so
 * numbers and sequence values are gap-free even with several processes writing.
 * `now` is written as UTC wall time, as Prisma stores every DateTime. Null: no such thread.
 */
export async function bumpThreadForPost(tx: Tx, threadId: string, actor: Actor, now: Date): Promise<ThreadDetail | null> {
  const [row] = await tx.$queryRaw<BumpedThreadRow[]>`
    WITH bumped AS (
      UPDATE "Thread"
      SET "seq" = "seq" + 1, "postCount" = "postCount" + 1, "lastActivityAt" = ${now.toISOString()}::timestamp(3), "lastPostAuthorId" = ${actor.id}
      WHERE "id" = ${threadId}
      RETURNING "id", "title", "isPinned", "isLocked", "postCount", "seq", "lastActivityAt", "createdAt", "authorId", "groupId"
    )
    SELECT bumped.*,
      author."name" AS "authorName", author."organisation" AS "authorOrganisation", author."role"::text AS "authorRole",
      g."slug" AS "groupSlug", g."name" AS "groupName"
    FROM bumped
    JOIN "User" author ON author."id" = bumped."authorId"
    JOIN "WorkingGroup" g ON g."id" = bumped."groupId"`;
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    isPinned: row.isPinned,
    isLocked: row.isLocked,
    postCount: Number(row.postCount),
    seq: Number(row.seq),
    lastActivityAt: iso(row.lastActivityAt),
    createdAt: iso(row.createdAt),
    author: { id: row.authorId, name: row.authorName, organisation: row.authorOrganisation, role: row.authorRole },
    lastPostAuthor: authorOf(actor),
    group: { id: row.groupId, slug: row.groupSlug, name: row.groupName },
  };
}
