import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { mergeQuestionSchema } from "../../schemas/impulse-talk";
import { recordAudit } from "../audit/record-audit";
import type { ImpulseQuestionDto } from "./dto";
import { lockQuestionIn } from "./moderate-question";
import { questionChange } from "./question-events";

const NOT_MERGEABLE = "Diese Frage ist ausgeblendet oder bereits zusammengeführt und kann nicht zusammengeführt werden.";

/**
 * Folds a duplicate into the question kept (both of one talk, neither hidden nor merged): the duplicate
 * becomes MERGED beneath it, and whoever wanted to know the duplicate (its voters and its asker) now
 * counts as a voter of the kept one, once each and never its asker. Duplicates of the duplicate move too.
 * Answers with the kept question.
 */
export async function mergeQuestion(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ImpulseQuestionDto>> {
  assertCan(actor, "impulse.moderate");
  const input = mergeQuestionSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
    const refusal = () => new AppError("CONFLICT", NOT_MERGEABLE);
    // both rows locked, always in the same order, so two merges in opposite directions cannot deadlock
    const [firstId, secondId] = [input.questionId, input.intoQuestionId].sort();
    const first = await lockQuestionIn(tx, firstId!, ["OPEN", "ANSWERED"], refusal);
    const second = await lockQuestionIn(tx, secondId!, ["OPEN", "ANSWERED"], refusal);
    const [duplicate, kept] = firstId === input.questionId ? [first, second] : [second, first];
    if (duplicate.talkId !== kept.talkId) throw new AppError("BAD_INPUT", "Nur Fragen zum selben Impulsvortrag lassen sich zusammenführen.");

    const votes = await tx.impulseQuestionVote.findMany({ where: { questionId: input.questionId }, select: { userId: true } });
    const voterIds = new Set([duplicate.authorId, ...votes.map((vote) => vote.userId)]);
    voterIds.delete(kept.authorId);
    await tx.impulseQuestionVote.createMany({ data: [...voterIds].map((userId) => ({ questionId: input.intoQuestionId, userId })), skipDuplicates: true });
    await tx.impulseQuestionVote.deleteMany({ where: { questionId: input.questionId } });
    const earlierDuplicates = await tx.impulseQuestion.findMany({ where: { mergedIntoId: input.questionId }, select: { id: true } });
    await tx.impulseQuestion.updateMany({ where: { mergedIntoId: input.questionId }, data: { mergedIntoId: input.intoQuestionId } });
    await tx.impulseQuestion.update({ where: { id: input.questionId }, data: { status: "MERGED", mergedIntoId: input.intoQuestionId, voteCount: 0 } });
    const voteCount = await tx.impulseQuestionVote.count({ where: { questionId: input.intoQuestionId } });
    await tx.impulseQuestion.update({ where: { id: input.intoQuestionId }, data: { voteCount } });
    await recordAudit(tx, actor, "impulse.question.merge", { type: "impulseQuestion", id: input.questionId }, {
      talkId: kept.talkId,
      question: duplicate.body,
      into: input.intoQuestionId,
      intoQuestion: kept.body,
    });

    const removed = await questionChange(tx, input.questionId, duplicate.status);
    const moved = [];
    for (const { id } of earlierDuplicates) moved.push(await questionChange(tx, id, "MERGED"));
    const changed = await questionChange(tx, input.intoQuestionId, kept.status);
    return { result: changed.result, events: [...removed.events, ...moved.flatMap((m) => m.events), ...changed.events] };
  });
}
