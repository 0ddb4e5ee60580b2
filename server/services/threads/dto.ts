import type { Prisma } from "../../db";
import { authorSelect, type AuthorDto } from "../users/dto";

export const threadListSelect = {
  id: true,
  title: true,
  isPinned: true,
  isLocked: true,
  postCount: true,
  lastActivityAt: true,
  createdAt: true,
  author: { select: authorSelect },
  lastPostAuthor: { select: authorSelect },
} satisfies Prisma.ThreadSelect;

type ThreadListRow = Prisma.ThreadGetPayload<{ select: typeof threadListSelect }>;

export interface ThreadListItem {
  id: string;
  title: string;
  isPinned: boolean;
  isLocked: boolean;
  postCount: number;
  lastActivityAt: string;
  createdAt: string;
  author: AuthorDto;
  lastPostAuthor: AuthorDto | null;
}

export const toThreadListItem = (row: ThreadListRow): ThreadListItem => ({
  ...row,
  lastActivityAt: row.lastActivityAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
});

export const threadDetailSelect = {
  ...threadListSelect,
  seq: true,
  group: { select: { id: true, slug: true, name: true } },
} satisfies Prisma.ThreadSelect;

type ThreadDetailRow = Prisma.ThreadGetPayload<{ select: typeof threadDetailSelect }>;

export interface ThreadDetail extends ThreadListItem {
  seq: number;
  group: { id: string; slug: string; name: string };
}

export const toThreadDetail = (row: ThreadDetailRow): ThreadDetail => ({
  ...toThreadListItem(row),
  seq: row.seq,
  group: row.group,
});
