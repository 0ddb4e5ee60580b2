import type { Prisma } from "../../db";
import { authorSelect, type AuthorDto } from "../users/dto";

export const activitySelect = {
  id: true,
  number: true,
  html: true,
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

const namedEntities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", nbsp: " " };

export const decodeEntities = (html: string) =>
  html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
    if (code[0] !== "#") return namedEntities[code.toLowerCase()] ?? entity;
    const codePoint = code[1].toLowerCase() === "x" ? parseInt(code.slice(2), 16) : Number(code.slice(1));
    // fromCodePoint throws beyond U+10FFFF; a browser shows U+FFFD for such a reference
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : "\uFFFD";
  });

/** Plain-text opening of a post, taken from its rendered HTML so Markdown syntax never shows. */
export function excerptOfHtml(html: string): string {
  const text = decodeEntities(html.replace(/<\/(p|li|h[1-6]|blockquote|pre|td|th)>|<br\s*\/?>/g, " ").replace(/<[^>]+>/g, ""))
    .replace(/\s+/g, " ")
    .trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : text;
}


export const toActivityItem = (row: ActivityRow): ActivityItem => ({
  postId: row.id,
  number: row.number,
  excerpt: excerptOfHtml(row.html),
  createdAt: row.createdAt.toISOString(),
  author: row.author,
  thread: { id: row.thread.id, title: row.thread.title },
  group: row.thread.group,
});
