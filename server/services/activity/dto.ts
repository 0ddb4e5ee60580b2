import type { Prisma } from "../../db";
import { authorSelect, type AuthorDto } from "../users/dto";

export const activitySelect = {
  id: true,
  number: true,
  body: true,
  createdAt: true,
  author: { select: authorSelect },
  thread: { select: { id: true, title: true, group: { select: { id: true, slug: true, name: true } } } },
} satisfies Prisma.PostSelect;

type ActivityRow = Prisma.PostGetPayload<{ select: typeof activitySelect }>;

/** A post as shown in the home page's "latest activity": where, who, when and the opening words. */
export interface ActivityItem {
  postId: string;
  number: number;
  excerpt: string;
  createdAt: string;
  author: AuthorDto;
  thread: { id: string; title: string };
  group: { id: string; slug: string; name: string };
}

const EXCERPT_LENGTH = 160;

/** Plain-text opening of a Markdown post: markup characters dropped, white space folded. */
export function excerptOf(markdown: string): string {
  const text = markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`~|-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : text;
}

export const toActivityItem = (row: ActivityRow): ActivityItem => ({
  postId: row.id,
  number: row.number,
  excerpt: excerptOf(row.body),
  createdAt: row.createdAt.toISOString(),
  author: row.author,
  thread: { id: row.thread.id, title: row.thread.title },
  group: row.thread.group,
});
