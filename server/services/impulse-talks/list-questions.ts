import type { Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { compareQuestions, impulseQuestionSelect, toImpulseQuestionDto, type ImpulseQuestionDto } from "./dto";
import { TALK_NOT_FOUND } from "./get-talk";
import { questionViewOf, visibleQuestions } from "./visibility";

/** A talk's questions in the actor's view, most votes first. */
export async function listTalkQuestions(actor: Actor | null, talkId: string, tx: Tx = db()): Promise<ImpulseQuestionDto[]> {
  const where = visibleQuestions(actor);
  const talk = await tx.impulseTalk.findUnique({ where: { id: talkId }, select: { id: true } });
  if (!talk) throw new AppError("NOT_FOUND", TALK_NOT_FOUND);
  const rows = await tx.impulseQuestion.findMany({ where: { AND: [where, { talkId }] }, select: impulseQuestionSelect });
  const view = questionViewOf(actor!);
  return rows.map((row) => toImpulseQuestionDto(row, view)).sort(compareQuestions);
}

/** The ids of this talk's questions the actor upvoted: the page marks them. */
export async function myQuestionVotes(actor: Actor, talkId: string, tx: Tx = db()): Promise<string[]> {
  const votes = await tx.impulseQuestionVote.findMany({ where: { userId: actor.id, question: { talkId } }, select: { questionId: true } });
  return votes.map((vote) => vote.questionId);
}
