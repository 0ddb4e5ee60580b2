import type { Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import { idSchema } from "../../schemas/common";
import { attachmentSelect, toAttachmentDto, type AttachmentDto } from "./dto";
import { readableLinkedAttachments } from "./owners";
import { storagePath } from "./storage";

export interface StoredAttachment extends AttachmentDto {
  sha256: string;
  filePath: string;
}

const notFound = () => new AppError("NOT_FOUND", "Diese Datei gibt es nicht (mehr).");

/**
 * A file the actor may read: one linked to something they may read, or their own upload not linked
 * yet. Everything else, including ids that are not ids, is NOT_FOUND: a URL tells nobody whether a
 * file exists.
 */
export async function readAttachment(actor: Actor | null, rawId: unknown): Promise<StoredAttachment> {
  if (!actor) throw new AppError("UNAUTHORIZED");
  const id = idSchema.safeParse(rawId);
  if (!id.success) throw notFound();
  const row = await db().attachment.findFirst({
    where: { id: id.data, OR: [{ uploaderId: actor.id, attachedAt: null }, ...readableLinkedAttachments(actor)] },
    select: { ...attachmentSelect, sha256: true, storageKey: true },
  });
  if (!row) throw notFound();
  return { ...toAttachmentDto(row), sha256: row.sha256, filePath: storagePath(row.storageKey) };
}
