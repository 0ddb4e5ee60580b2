import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { editPostSchema } from "../../schemas/post";
import { recordAudit } from "../audit/record-audit";
import { postSelect, postViewOf, reactionsOf, toPostDto, type PostDto } from "./dto";
import { postUpdatedEvents } from "./post-events";
import { notifyAboutPost } from "./post-notifications";
import { renderForStorage } from "./markdown";

/** Replaces a post's text, keeping the previous text as a revision. Moderation edits are audited. */
export async function editPost(actor: Actor | null, rawInput: unknown): Promise<WithEvents<PostDto>> {
  assertCan(actor, "post.edit");
  const input = editPostSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const current = await tx.post.findUnique({
      where: { id: input.postId },
      select: { body: true, authorId: true, threadId: true, deletedAt: true, hiddenAt: true, thread: { select: { isLocked: true, title: true } } },
    });
    if (!current) throw new AppError("NOT_FOUND", "Diesen Beitrag gibt es nicht (mehr).");
    assertCan(actor, "post.edit", current);
    if (current.deletedAt) throw new AppError("POST_DELETED", "Ein gelöschter Beitrag kann nicht mehr bearbeitet werden.");
    const view = postViewOf(actor);
    if (current.hiddenAt && view !== "moderation") throw new AppError("FORBIDDEN", "Ein von der Moderation ausgeblendeter Beitrag kann nicht bearbeitet werden.");

    if (current.body === input.body) {
      const unchanged = await tx.post.findUniqueOrThrow({ where: { id: input.postId }, select: postSelect });
      return { result: toPostDto(unchanged, view, (await reactionsOf(tx, [input.postId])).get(input.postId)), events: [] };
    }
    const { seq } = await tx.thread.update({
      where: { id: current.threadId },
      data: { seq: { increment: 1 } },
      select: { seq: true },
    });
    await tx.postRevision.create({ data: { postId: input.postId, body: current.body, editedById: actor.id } });
    const row = await tx.post.update({
      where: { id: input.postId },
      data: { body: input.body, ...renderForStorage(input.body, input.postId), editedAt: new Date(), changeSeq: seq },
      select: postSelect,
    });
    if (current.authorId !== actor.id) {
      await recordAudit(tx, actor, "post.edit", { type: "post", id: input.postId });
    }
    const reactions = (await reactionsOf(tx, [input.postId])).get(input.postId) ?? [];
    const post = toPostDto(row, view, reactions);
    // a mention added by the edit notifies; notify() never notifies one person twice about one post
    const notified = await notifyAboutPost(tx, actor, post, { id: current.threadId, title: current.thread.title }, input.body, null);
    return { result: post, events: [...postUpdatedEvents(row, reactions, seq), ...notified] };
  });
}
