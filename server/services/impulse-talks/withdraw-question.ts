import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import { event, rooms, type WithEvents } from "../../realtime/events";
import { questionIdSchema } from "../../schemas/impulse-talk";
import { QUESTION_NOT_FOUND } from "./question-events";
import { isQuestionVisibleIn } from "./visibility";

/**
 * The asker takes back an open question; its votes go with it. A question moderation merged others
 * into speaks for their askers too: it stays, and the asker is told to ask moderation.
 */
export async function withdrawQuestion(actor: Actor | null, rawInput: unknown): Promise<WithEvents<{ questionId: string }>> {
  assertCan(actor, "impulse.withdraw");
  const { questionId } = questionIdSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const question = await tx.impulseQuestion.findUnique({
      where: { id: questionId },
      select: { authorId: true, status: true, talkId: true, _count: { select: { duplicates: true } } },
    });
    // someone else's hidden or merged question is as unknown as one that never existed
    if (!question || (question.authorId !== actor.id && !isQuestionVisibleIn("participant", question.status))) {
      throw new AppError("NOT_FOUND", QUESTION_NOT_FOUND);
    }
    assertCan(actor, "impulse.withdraw", question);
    if (question._count.duplicates > 0) {
      throw new AppError("CONFLICT", "Die Moderation hat andere Fragen mit Ihrer zusammengeführt: sie steht jetzt auch für diese. Bitte wenden Sie sich an die Moderation.");
    }
    // only while still open: an answer or a merge committed meanwhile keeps it
    const { count } = await tx.impulseQuestion.deleteMany({ where: { id: questionId, status: "OPEN" } });
    if (count !== 1) throw new AppError("QUESTION_NOT_OPEN");
    const events = (["moderation", "participant"] as const).map((view) =>
      event(rooms.impulseQuestions(question.talkId, view), "impulse.questionRemoved", { talkId: question.talkId, questionId }),
    );
    return { result: { questionId }, events };
  });
}
