import { rename, rm } from "node:fs/promises";
import type { Readable } from "node:stream";
import type { Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import { ATTACHMENT_MAX_BYTES, uploadTargetSchema } from "../../schemas/attachments";
import { detectAttachmentType } from "./detect-type";
import { attachmentSelect, toAttachmentDto, type AttachmentDto } from "./dto";
import { attachmentFileName } from "./file-name";
import { assertMayUploadFor } from "./owners";
import { newStorageKey, receiveCapped, storagePath } from "./storage";

export interface IncomingFile {
  /** the name the browser gave; only shown, never a path */
  name: string;
  content: Readable;
}

/**
 * Stores an upload, not yet linked to anything, for its uploader to attach when sending (see
 * link-attachments.ts); unlinked uploads are swept after a day. The permission is checked before
 * `openFile` is called, so nothing of a refused upload is read. The type is judged by content only.
 */
export async function uploadAttachment(actor: Actor | null, rawTarget: unknown, openFile: () => Promise<IncomingFile>): Promise<AttachmentDto> {
  const target = uploadTargetSchema.parse(rawTarget);
  const uploader = await assertMayUploadFor(actor, target);
  const file = await openFile();
  const received = await receiveCapped(file.content, ATTACHMENT_MAX_BYTES);
  try {
    if (received.size === 0) throw new AppError("FILE_TYPE_NOT_ALLOWED", "Die Datei ist leer.");
    const mimeType = await detectAttachmentType(received.tempPath);
    if (!mimeType) throw new AppError("FILE_TYPE_NOT_ALLOWED");
    const storageKey = newStorageKey();
    await rename(received.tempPath, storagePath(storageKey));
    try {
      const row = await db().attachment.create({
        data: {
          uploaderId: uploader.id,
          mimeType,
          size: received.size,
          sha256: received.sha256,
          storageKey,
          originalName: attachmentFileName(file.name, mimeType),
        },
        select: attachmentSelect,
      });
      return toAttachmentDto(row);
    } catch (error) {
      await rm(storagePath(storageKey), { force: true });
      throw error;
    }
  } finally {
    await rm(received.tempPath, { force: true });
  }
}
