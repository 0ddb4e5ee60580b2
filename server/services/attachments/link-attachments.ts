import type { Actor } from "../../auth/policy";
import type { Tx } from "../../db";
import { AppError } from "../../errors";
import { postAttachmentsSchema } from "../../schemas/attachments";
import { attachmentSelect, toAttachmentDto, type AttachmentDto } from "./dto";
import { ownerLink, type OwnerRef } from "./owners";

/**
 * Checks that uploads may be linked to `owner`, inside the owner's write transaction and before the
 * owner is written: each is the actor's own upload and linked nowhere else, and each image has a
 * description. An upload already linked to this very owner passes, so that a retried send reaches the
 * owner's own idempotency check (the post exists) instead of failing here.
 */
export async function checkAttachable(tx: Tx, actor: Actor, owner: OwnerRef, rawItems: unknown): Promise<CheckedAttachment[]> {
  const items = postAttachmentsSchema.parse(rawItems);
  if (!items.length) return [];
  const rows = await tx.attachment.findMany({
    where: { id: { in: items.map((item) => item.id) } },
    select: { ...attachmentSelect, uploaderId: true, attachedAt: true, postId: true, spotlightId: true, impulseTalkId: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const link = ownerLink(owner);
  return items.map((item) => {
    const row = byId.get(item.id);
    // someone else's upload is as unknown as one that never existed
    if (!row || row.uploaderId !== actor.id) {
      throw new AppError("NOT_FOUND", "Eine angehängte Datei gibt es nicht (mehr). Bitte hängen Sie sie erneut an.");
    }
    const isLinkedHere = Object.entries(link).every(([column, id]) => row[column as keyof typeof row] === id);
    if (row.attachedAt && !isLinkedHere) {
      throw new AppError("CONFLICT", `Die Datei „${row.originalName}“ ist bereits an anderer Stelle angehängt.`);
    }
    const { isImage } = toAttachmentDto(row);
    if (isImage && !item.alt) {
      throw new AppError("BAD_INPUT", `Bitte beschreiben Sie das Bild „${row.originalName}“ (Alternativtext).`);
    }
    // a description sent along for a document is not kept: only images have alternative text
    return { id: item.id, altText: isImage ? (item.alt ?? null) : null };
  });
}

export interface CheckedAttachment {
  id: string;
  altText: string | null;
}

/**
 * Links checked uploads to `owner` (which exists now), in the given order, with the images'
 * descriptions. An upload linked elsewhere in the meantime (a concurrent send) fails the transaction.
 */
export async function linkAttachments(tx: Tx, actor: Actor, owner: OwnerRef, items: CheckedAttachment[], now = new Date()): Promise<AttachmentDto[]> {
  const linked: AttachmentDto[] = [];
  for (const [position, item] of items.entries()) {
    const [row] = await tx.attachment.updateManyAndReturn({
      where: { id: item.id, uploaderId: actor.id, attachedAt: null },
      data: { ...ownerLink(owner), attachedAt: now, position, altText: item.altText },
      select: attachmentSelect,
    });
    if (!row) throw new AppError("CONFLICT", "Eine Datei wurde gerade an anderer Stelle angehängt. Bitte versuchen Sie es erneut.");
    linked.push(toAttachmentDto(row));
  }
  return linked;
}
