import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { reactSchema } from "../../schemas/post";
import { assertWithinRateLimit, rateLimits } from "../rate-limit/rate-limit";
import { commitPostChange } from "./change-post";
import { postViewOf, type PostDto } from "./dto";

/**
 * Adds or takes back one reaction of the caller. One per kind and person: adding one that exists,
 * or taking back one that does not, is refused and changes nothing.
 */
export async function reactToPost(actor: Actor | null, rawInput: unknown): Promise<WithEvents<PostDto>> {
  assertCan(actor, "post.react");
  const input = reactSchema.parse(rawInput);
  await assertWithinRateLimit(rateLimits.reaction, actor.id);
  return db().$transaction(async (tx) => {
    const post = await tx.post.findUnique({ where: { id: input.postId }, select: { id: true, threadId: true, deletedAt: true, hiddenAt: true } });
    if (!post || (post.hiddenAt && postViewOf(actor) !== "moderation")) throw new AppError("NOT_FOUND", "Diesen Beitrag gibt es nicht (mehr).");
    if (post.deletedAt || post.hiddenAt) throw new AppError("POST_DELETED", "Auf gelöschte oder ausgeblendete Beiträge kann nicht reagiert werden.");
    const key = { postId_userId_kind: { postId: post.id, userId: actor.id, kind: input.kind } };
    const existing = await tx.postReaction.findUnique({ where: key, select: { kind: true } });
    if (input.active && existing) throw new AppError("CONFLICT", `Sie haben bereits mit ${input.kind} reagiert.`);
    if (!input.active && !existing) throw new AppError("CONFLICT", `Sie haben nicht mit ${input.kind} reagiert.`);
    if (input.active) await tx.postReaction.create({ data: { postId: post.id, userId: actor.id, kind: input.kind } });
    else await tx.postReaction.delete({ where: key });
    return commitPostChange(tx, actor, post);
  });
}
