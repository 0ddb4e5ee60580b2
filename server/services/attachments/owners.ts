import { assertCan, can, type Actor } from "../../auth/policy";
import { db, type Prisma, type Tx } from "../../db";
import type { UploadTarget } from "../../schemas/attachments";
import { AppError } from "../../errors";
import { visibleSpotlights } from "../spotlights/visibility";
import { getThread } from "../threads/get-thread";

/**
 * What an attachment can belong to. Each kind has one nullable column on Attachment, a check for
 * uploading towards it, and the condition under which its files may be read. A later domain (spotlight
 * answers, impulse talk materials, the results document) adds its column and a case in each of the
 * three below, and reuses upload, linking, serving and clean-up unchanged.
 */
export type OwnerKind = "post" | "spotlight" | "impulseTalk";
export interface OwnerRef {
  kind: OwnerKind;
  id: string;
}

/** The Attachment fields that link a file to its owner. */
export function ownerLink(owner: OwnerRef): Prisma.AttachmentUncheckedUpdateManyInput {
  switch (owner.kind) {
    case "post":
      return { postId: owner.id };
    case "spotlight":
      return { spotlightId: owner.id };
    case "impulseTalk":
      return { impulseTalkId: owner.id };
  }
}

/** The actor, when they may add files there; otherwise the policy's refusal (e.g. THREAD_LOCKED). */
export async function assertMayUploadFor(actor: Actor | null, target: UploadTarget, tx: Tx = db()): Promise<Actor> {
  switch (target.kind) {
    case "post":
      assertCan(actor, "post.create", await getThread(actor, target.threadId, tx));
      return actor;
    case "spotlight": {
      assertCan(actor, "spotlight.transition");
      const spotlight = await tx.spotlight.findUnique({ where: { id: target.spotlightId }, select: { status: true } });
      if (!spotlight) throw new AppError("NOT_FOUND", "Dieses Spotlight gibt es nicht.");
      // the files belong to the answer: only while an answer can be recorded
      assertCan(actor, "spotlight.transition", { from: spotlight.status, to: "ANSWERED" });
      return actor;
    }
    case "impulseTalk": {
      assertCan(actor, "impulse.manage");
      // the create form uploads before the talk exists (under the id it generated); an existing talk must still be editable
      const talk = await tx.impulseTalk.findUnique({ where: { id: target.talkId }, select: { cancelledAt: true } });
      if (talk) assertCan(actor, "impulse.manage", talk);
      return actor;
    }
  }
}

/** The linked attachments this actor may read, one condition per owner kind (OR-ed by the caller). */
export function readableLinkedAttachments(actor: Actor): Prisma.AttachmentWhereInput[] {
  const readable: Prisma.AttachmentWhereInput[] = [];
  // the files of a deleted or hidden post go with its text: to moderation only
  if (can(actor, "post.moderate")) readable.push({ post: { is: {} } });
  else if (can(actor, "internal.read")) readable.push({ post: { is: { deletedAt: null, hiddenAt: null } } });
  // an answer's files go with the answer: to whoever sees the spotlight, readers too once it is public
  readable.push({ spotlight: { is: visibleSpotlights(actor) } });
  // a talk's materials are for everyone who reads talks, readers included
  if (can(actor, "impulse.read")) readable.push({ impulseTalk: { is: {} } });
  return readable;
}
