import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { answerQuestionSchema } from "../../schemas/impulse-talk";
import { recordAudit } from "../audit/record-audit";
import { notify } from "../notifications/notify";
import type { ImpulseQuestionDto } from "./dto";
import { lockQuestionIn } from "./moderate-question";
import { questionChange } from "./question-events";
import { talkLink } from "./render-talk";

/**
 * "Beantwortet": moderation marks an open question answered, with an optional written answer (or
 * changes the answer of an answered one). The first answer notifies the asker and the askers of the
 * duplicates merged into it.
 */
export async function answerQuestion(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ImpulseQuestionDto>> {
  assertCan(actor, "impulse.moderate");
  const input = answerQuestionSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const before = await lockQuestionIn(tx, input.questionId, ["OPEN", "ANSWERED"], () => new AppError("QUESTION_NOT_OPEN"));
    await tx.impulseQuestion.update({
      where: { id: input.questionId },
      data: { status: "ANSWERED", answer: input.answer, answeredById: actor.id, ...(before.status === "OPEN" ? { answeredAt: new Date() } : {}) },
    });
    await recordAudit(tx, actor, "impulse.question.answer", { type: "impulseQuestion", id: input.questionId }, {
      talkId: before.talkId,
      question: before.body,
      answer: input.answer,
    });
    const changed = await questionChange(tx, input.questionId, before.status);
    if (before.status !== "OPEN") return changed;
    const duplicates = await tx.impulseQuestion.findMany({ where: { mergedIntoId: input.questionId }, select: { authorId: true } });
    const notified = await notify(tx, [
      {
        kind: "IMPULSE_QUESTION_ANSWERED",
        recipientIds: [...new Set([before.authorId, ...duplicates.map((duplicate) => duplicate.authorId)])],
        actorId: actor.id,
        title: before.talk.title,
        excerpt: input.answer ? `${before.body} – ${input.answer}` : before.body,
        link: `${talkLink(before.talkId)}#frage-${input.questionId}`,
        // answered questions are for every role, readers too
        readAction: "impulse.read",
      },
    ]);
    return { result: changed.result, events: [...changed.events, ...notified] };
  });
}
