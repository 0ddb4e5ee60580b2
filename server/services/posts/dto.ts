import type { Prisma } from "../../db";
import { attachmentSelect, toAttachmentDto, type AttachmentDto } from "../attachments/dto";
import { authorSelect, type AuthorDto } from "../users/dto";

export const postSelect = {
  id: true,
  threadId: true,
  number: true,
  html: true,
  changeSeq: true,
  createdAt: true,
  editedAt: true,
  author: { select: authorSelect },
  attachments: { select: attachmentSelect, orderBy: { position: "asc" } },
} satisfies Prisma.PostSelect;

type PostRow = Prisma.PostGetPayload<{ select: typeof postSelect }>;

export interface PostDto {
  id: string;
  threadId: string;
  number: number;
  /** sanitised HTML, rendered when the post was written; the Markdown source comes from `post.source` */
  html: string;
  changeSeq: number;
  createdAt: string;
  editedAt: string | null;
  author: AuthorDto;
  attachments: AttachmentDto[];
}

export function toPostDto(row: PostRow): PostDto {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    attachments: row.attachments.map(toAttachmentDto),
  };
}
