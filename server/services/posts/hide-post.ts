import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { hidePostSchema, postIdSchema } from "../../schemas/post";
import { recordAudit } from "../audit/record-audit";
import { closeOpenReport } from "../reports/close-report";
import { commitPostChange } from "./change-post";
import type { PostDto } from "./dto";

/**
 * Moderation hides a post with a reason: participants see that it was hidden, moderation the original
 * greyed. Audited. Open reports about the post are closed as "Beitrag ausgeblendet" with that reason.
 */
export async function hidePost(actor: Actor | null, rawInput: unknown): Promise<WithEvents<PostDto>> {
  assertCan(actor, "post.moderate");
  const { postId, reason } = hidePostSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const post = await tx.post.findUnique({ where: { id: postId }, select: { id: true, threadId: true, hiddenAt: true } });
    if (!post) throw new AppError("NOT_FOUND", "Diesen Beitrag gibt es nicht (mehr).");
    if (post.hiddenAt) throw new AppError("CONFLICT", "Dieser Beitrag ist bereits ausgeblendet.");
    await recordAudit(tx, actor, "post.hide", { type: "post", id: postId }, { reason });
    const hidden = await commitPostChange(tx, actor, post, { hiddenAt: new Date(), hiddenBy: { connect: { id: actor.id } }, hiddenReason: reason });
    // hiding settles what was reported about the post: the queue empties and the reporters hear why
    const openReports = await tx.report.findMany({ where: { postId, closedAt: null }, select: { id: true }, orderBy: { createdAt: "asc" } });
    const closed = [];
    for (const report of openReports) closed.push(await closeOpenReport(tx, actor, { reportId: report.id, outcome: "POST_HIDDEN", outcomeNote: reason }));
    return { result: hidden.result, events: [...hidden.events, ...closed.flatMap((close) => close.events)] };
  });
}

/** Moderation shows a hidden post again. Audited. */
export async function unhidePost(actor: Actor | null, rawInput: unknown): Promise<WithEvents<PostDto>> {
  assertCan(actor, "post.moderate");
  const { postId } = postIdSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const post = await tx.post.findUnique({ where: { id: postId }, select: { id: true, threadId: true, hiddenAt: true, hiddenReason: true } });
    if (!post) throw new AppError("NOT_FOUND", "Diesen Beitrag gibt es nicht (mehr).");
    if (!post.hiddenAt) throw new AppError("CONFLICT", "Dieser Beitrag ist nicht ausgeblendet.");
    await recordAudit(tx, actor, "post.unhide", { type: "post", id: postId }, { previousReason: post.hiddenReason });
    return commitPostChange(tx, actor, post, { hiddenAt: null, hiddenBy: { disconnect: true }, hiddenReason: null });
  });
}
