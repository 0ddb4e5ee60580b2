import type { Tx } from "../../db";
import { event, rooms, type RealtimeEvent, type WithEvents } from "../../realtime/events";
import { impulseQuestionSelect, toImpulseQuestionDto, type ImpulseQuestionDto, type ImpulseQuestionStatus, type QuestionView } from "./dto";
import { isQuestionVisibleIn } from "./visibility";

const views: readonly QuestionView[] = ["moderation", "participant", "reader"];

export const QUESTION_NOT_FOUND = "Diese Frage gibt es nicht.";

/**
 * A question as it is now, read once inside the writing transaction: the writer's view, which the
 * write use case answers with, and per view of the talk's Q&A either the question in that view (if the
 * view sees it) or its removal (if the view saw it before: `previousStatus`; null for a new question).
 */
export async function questionChange(
  tx: Tx,
  questionId: string,
  previousStatus: ImpulseQuestionStatus | null,
  resultView: QuestionView = "moderation",
): Promise<WithEvents<ImpulseQuestionDto>> {
  const row = await tx.impulseQuestion.findUniqueOrThrow({ where: { id: questionId }, select: impulseQuestionSelect });
  const events: RealtimeEvent[] = [];
  for (const view of views) {
    const room = rooms.impulseQuestions(row.talkId, view);
    if (isQuestionVisibleIn(view, row.status)) {
      events.push(event(room, "impulse.question", { question: toImpulseQuestionDto(row, view) }));
    } else if (previousStatus && isQuestionVisibleIn(view, previousStatus)) {
      events.push(event(room, "impulse.questionRemoved", { talkId: row.talkId, questionId }));
    }
  }
  return { result: toImpulseQuestionDto(row, resultView), events };
}
