import type { Prisma } from "../../db";
import { attachmentTypes, isAttachmentMimeType } from "../../schemas/attachments";

export const attachmentSelect = {
  id: true,
  originalName: true,
  mimeType: true,
  size: true,
  altText: true,
} satisfies Prisma.AttachmentSelect;

type AttachmentRow = Prisma.AttachmentGetPayload<{ select: typeof attachmentSelect }>;

/** What a post (or any later owner) shows of a file; the file itself is at `attachmentUrl(id)`. */
export interface AttachmentDto {
  id: string;
  name: string;
  /** the MIME type detected from the content */
  type: string;
  size: number;
  /** the image's description; null for other files */
  alt: string | null;
  isImage: boolean;
}

export function toAttachmentDto(row: AttachmentRow): AttachmentDto {
  const isImage = isAttachmentMimeType(row.mimeType) && attachmentTypes[row.mimeType].isImage;
  return { id: row.id, name: row.originalName, type: row.mimeType, size: row.size, alt: row.altText, isImage };
}
