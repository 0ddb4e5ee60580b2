import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { hideQuestionSchema, questionIdSchema } from "../../schemas/impulse-talk";
import { recordAudit } from "../audit/record-audit";
import type { ImpulseQuestionDto } from "./dto";
import { lockQuestionIn } from "./moderate-question";
import { questionChange } from "./question-events";

const NOT_HIDABLE = "Diese Frage ist bereits ausgeblendet oder zusammengeführt.";
const NOT_HIDDEN = "Diese Frage ist nicht ausgeblendet.";

/** Moderation hides a question with a reason, which only moderation sees; it leaves every other view. */
export async function hideQuestion(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ImpulseQuestionDto>> {
  assertCan(actor, "impulse.moderate");
  const input = hideQuestionSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const before = await lockQuestionIn(tx, input.questionId, ["OPEN", "ANSWERED"], () => new AppError("CONFLICT", NOT_HIDABLE));
    await tx.impulseQuestion.update({
      where: { id: input.questionId },
      data: { status: "HIDDEN", hiddenReason: input.reason, hiddenAt: new Date(), hiddenById: actor.id },
    });
    await recordAudit(tx, actor, "impulse.question.hide", { type: "impulseQuestion", id: input.questionId }, {
      talkId: before.talkId,
      question: before.body,
      reason: input.reason,
    });
    return questionChange(tx, input.questionId, before.status);
  });
}

/** Shows a hidden question again, as it was: answered if it had been answered, else open. */
export async function unhideQuestion(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ImpulseQuestionDto>> {
  assertCan(actor, "impulse.moderate");
  const { questionId } = questionIdSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const before = await lockQuestionIn(tx, questionId, ["HIDDEN"], () => new AppError("CONFLICT", NOT_HIDDEN));
    const { answeredAt } = await tx.impulseQuestion.findUniqueOrThrow({ where: { id: questionId }, select: { answeredAt: true } });
    await tx.impulseQuestion.update({
      where: { id: questionId },
      data: { status: answeredAt ? "ANSWERED" : "OPEN", hiddenReason: null, hiddenAt: null, hiddenById: null },
    });
    await recordAudit(tx, actor, "impulse.question.unhide", { type: "impulseQuestion", id: questionId }, { talkId: before.talkId, question: before.body });
    return questionChange(tx, questionId, before.status);
  });
}
