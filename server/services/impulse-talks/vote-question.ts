import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError, isUniqueViolation } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { questionIdSchema } from "../../schemas/impulse-talk";
import { assertWithinRateLimit, rateLimits } from "../rate-limit/rate-limit";
import type { ImpulseQuestionDto } from "./dto";
import { QUESTION_NOT_FOUND, questionChange } from "./question-events";
import { isQuestionVisibleIn, questionViewOf } from "./visibility";

/**
 * Changes the question's count while it is open, which also locks its row: a vote, a withdrawal and a
 * merge or answer of moderation happen one after the other. Refused as the policy says otherwise.
 */
async function countWhileOpen(tx: Tx, actor: Actor, questionId: string, by: 1 | -1): Promise<void> {
  const { count } = await tx.impulseQuestion.updateMany({ where: { id: questionId, status: "OPEN" }, data: { voteCount: { increment: by }, updatedAt: new Date() } });
  const question = await tx.impulseQuestion.findUnique({
    where: { id: questionId },
    select: { authorId: true, status: true, talk: { select: { cancelledAt: true, endsAt: true } } },
  });
  if (!question || !isQuestionVisibleIn(questionViewOf(actor), question.status)) throw new AppError("NOT_FOUND", QUESTION_NOT_FOUND);
  assertCan(actor, "impulse.vote", question);
  if (count !== 1) throw new AppError("QUESTION_NOT_OPEN");
}

/** Upvotes a question: "I want to know this too". Once per person; not one's own question. */
export async function voteQuestion(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ImpulseQuestionDto>> {
  assertCan(actor, "impulse.vote");
  const { questionId } = questionIdSchema.parse(rawInput);
  // a toggle like a reaction: the same budget
  await assertWithinRateLimit(rateLimits.reaction, actor.id);
  return db()
    .$transaction(async (tx) => {
      await countWhileOpen(tx, actor, questionId, 1);
      const existing = await tx.impulseQuestionVote.findUnique({ where: { questionId_userId: { questionId, userId: actor.id } }, select: { userId: true } });
      if (existing) throw new AppError("ALREADY_VOTED");
      await tx.impulseQuestionVote.create({ data: { questionId, userId: actor.id } });
      return questionChange(tx, questionId, "OPEN", questionViewOf(actor));
    })
    .catch((error: unknown) => {
      // a second tab voting at the same moment: the unique vote row refuses it, the count rolls back
      throw isUniqueViolation(error) ? new AppError("ALREADY_VOTED") : error;
    });
}

/** Withdraws one's upvote while the question is still open. */
export async function unvoteQuestion(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ImpulseQuestionDto>> {
  assertCan(actor, "impulse.vote");
  const { questionId } = questionIdSchema.parse(rawInput);
  await assertWithinRateLimit(rateLimits.reaction, actor.id);
  return db().$transaction(async (tx) => {
    await countWhileOpen(tx, actor, questionId, -1);
    const { count } = await tx.impulseQuestionVote.deleteMany({ where: { questionId, userId: actor.id } });
    if (count === 0) throw new AppError("NOT_VOTED");
    return questionChange(tx, questionId, "OPEN", questionViewOf(actor));
  });
}
