import type { Prisma } from "../../db";
import { authorSelect, type AuthorDto } from "../users/dto";
import { renderMarkdown } from "./markdown";

export const postSelect = {
  id: true,
  threadId: true,
  number: true,
  body: true,
  changeSeq: true,
  createdAt: true,
  editedAt: true,
  author: { select: authorSelect },
} satisfies Prisma.PostSelect;

type PostRow = Prisma.PostGetPayload<{ select: typeof postSelect }>;

export interface PostDto {
  id: string;
  threadId: string;
  number: number;
  /** the Markdown source, for editing */
  body: string;
  /** sanitised HTML rendered from `body` */
  html: string;
  changeSeq: number;
  createdAt: string;
  editedAt: string | null;
  author: AuthorDto;
}

export function toPostDto(row: PostRow): PostDto {
  return {
    ...row,
    html: renderMarkdown(row.body),
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}
