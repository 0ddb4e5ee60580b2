import type { Tx } from "../../db";
import { AppError } from "../../errors";
import type { ImpulseQuestionStatus } from "./dto";
import { QUESTION_NOT_FOUND } from "./question-events";

/**
 * Moves a question from one of `from` to a new state, in one conditional write that also locks its row:
 * of two moderators acting at once, the second sees the first one's result. Returns the state before.
 */
export async function lockQuestionIn(
  tx: Tx,
  questionId: string,
  from: readonly ImpulseQuestionStatus[],
  refusal: () => AppError,
): Promise<{ status: ImpulseQuestionStatus; talkId: string; authorId: string; body: string; talk: { title: string } }> {
  const { count } = await tx.impulseQuestion.updateMany({ where: { id: questionId, status: { in: [...from] } }, data: { updatedAt: new Date() } });
  const question = await tx.impulseQuestion.findUnique({
    where: { id: questionId },
    select: { status: true, talkId: true, authorId: true, body: true, talk: { select: { title: true } } },
  });
  if (!question) throw new AppError("NOT_FOUND", QUESTION_NOT_FOUND);
  if (count !== 1) throw refusal();
  return question;
}
