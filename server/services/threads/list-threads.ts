import { assertCan, type Actor } from "../../auth/policy";
import type { RoleName } from "../../auth/roles";
import { db } from "../../db";
import { AppError } from "../../errors";
import { listThreadsSchema, THREADS_PER_PAGE } from "../../schemas/thread";
import type { AuthorDto } from "../users/dto";
import type { ThreadListItem } from "./dto";

export interface ThreadPage {
  threads: ThreadListItem[];
  /** thread id → the highest post number the caller has seen; threads they never opened are missing */
  readUpTo: Record<string, number>;
  page: number;
  pageCount: number;
  /** all threads of the group, on every page */
  total: number;
}

interface ThreadListRow {
  id: string;
  title: string;
  isPinned: boolean;
  isLocked: boolean;
  postCount: number;
  lastActivityAt: Date | string;
  createdAt: Date | string;
  authorId: string;
  authorName: string;
  authorOrganisation: string;
  authorRole: RoleName;
  lastAuthorId: string | null;
  lastAuthorName: string | null;
  lastAuthorOrganisation: string | null;
  lastAuthorRole: RoleName | null;
  lastReadNumber: number | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function toItem(row: ThreadListRow): ThreadListItem {
  const lastPostAuthor: AuthorDto | null = row.lastAuthorId
    ? { id: row.lastAuthorId, name: row.lastAuthorName!, organisation: row.lastAuthorOrganisation!, role: row.lastAuthorRole! }
    : null;
  return {
    id: row.id,
    title: row.title,
    isPinned: row.isPinned,
    isLocked: row.isLocked,
    postCount: Number(row.postCount),
    lastActivityAt: iso(row.lastActivityAt),
    createdAt: iso(row.createdAt),
    author: { id: row.authorId, name: row.authorName, organisation: row.authorOrganisation, role: row.authorRole },
    lastPostAuthor,
  };
}

/**
 * One page of a group's threads: pinned first, then by last activity, what a group is talking about
 * now. One statement with the authors and the caller's read marks joined in, so unread counts cost
 * no extra round trip.
 */
export async function listThreads(actor: Actor | null, rawInput: unknown): Promise<ThreadPage> {
  assertCan(actor, "internal.read");
  const { groupId, page: requestedPage } = listThreadsSchema.parse(rawInput);
  const [group, total] = await Promise.all([
    db().workingGroup.findUnique({ where: { id: groupId }, select: { id: true } }),
    db().thread.count({ where: { groupId } }),
  ]);
  if (!group) throw new AppError("NOT_FOUND", "Diese Arbeitsgruppe gibt es nicht.");
  const pageCount = Math.max(1, Math.ceil(total / THREADS_PER_PAGE));
  const page = Math.min(requestedPage, pageCount);
  const rows = await db().$queryRaw<ThreadListRow[]>`
    SELECT t."id", t."title", t."isPinned", t."isLocked", t."postCount", t."lastActivityAt", t."createdAt",
      a."id" AS "authorId", a."name" AS "authorName", a."organisation" AS "authorOrganisation", a."role"::text AS "authorRole",
      l."id" AS "lastAuthorId", l."name" AS "lastAuthorName", l."organisation" AS "lastAuthorOrganisation", l."role"::text AS "lastAuthorRole",
      r."lastReadNumber"
    FROM "Thread" t
    JOIN "User" a ON a."id" = t."authorId"
    LEFT JOIN "User" l ON l."id" = t."lastPostAuthorId"
    LEFT JOIN "ThreadRead" r ON r."threadId" = t."id" AND r."userId" = ${actor.id}
    WHERE t."groupId" = ${groupId}
    ORDER BY t."isPinned" DESC, t."lastActivityAt" DESC, t."id" ASC
    OFFSET ${(page - 1) * THREADS_PER_PAGE}::integer LIMIT ${THREADS_PER_PAGE}::integer`;
  const readUpTo: Record<string, number> = {};
  for (const row of rows) if (row.lastReadNumber !== null) readUpTo[row.id] = Number(row.lastReadNumber);
  return { threads: rows.map(toItem), readUpTo, page, pageCount, total };
}
