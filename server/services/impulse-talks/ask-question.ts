import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError, isUniqueViolation } from "../../errors";
import type { WithEvents } from "../../realtime/events";
import { askQuestionSchema } from "../../schemas/impulse-talk";
import { assertWithinRateLimit, rateLimits } from "../rate-limit/rate-limit";
import { impulseQuestionSelect, toImpulseQuestionDto, type ImpulseQuestionDto } from "./dto";
import { TALK_NOT_FOUND } from "./get-talk";
import { followTalkIn } from "./follow-talk";
import { questionChange } from "./question-events";
import { questionViewOf } from "./visibility";

/**
 * Asks a question about a talk, before or during it (not after its end, not on a cancelled talk).
 * Asking follows the talk, so a move or cancellation reaches the asker. Idempotent on the client's id.
 */
export async function askQuestion(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ImpulseQuestionDto>> {
  assertCan(actor, "impulse.ask");
  const input = askQuestionSchema.parse(rawInput);
  // a retried send is answered with what the first one stored, without spending the budget again
  const earlier = await replay(actor, input.id);
  if (earlier) return earlier;
  // a question is a short post: the same budget
  await assertWithinRateLimit(rateLimits.post, actor.id);
  return db()
    .$transaction(async (tx) => {
      await assertQuestionsOpen(tx, actor, input.talkId);
      await tx.impulseQuestion.create({ data: { id: input.id, talkId: input.talkId, authorId: actor.id, body: input.body } });
      await followTalkIn(tx, input.talkId, actor.id);
      return questionChange(tx, input.id, null, questionViewOf(actor));
    })
    .catch(async (error: unknown) => {
      // the retry raced the first send: the first one won
      const raced = isUniqueViolation(error) ? await replay(actor, input.id) : null;
      if (raced) return raced;
      throw error;
    });
}

async function assertQuestionsOpen(tx: Tx, actor: Actor, talkId: string): Promise<void> {
  const talk = await tx.impulseTalk.findUnique({ where: { id: talkId }, select: { cancelledAt: true, endsAt: true } });
  if (!talk) throw new AppError("NOT_FOUND", TALK_NOT_FOUND);
  assertCan(actor, "impulse.ask", talk);
}

/** The question stored under this client id by this asker, if any; someone else's id is a CONFLICT. */
async function replay(actor: Actor, questionId: string): Promise<WithEvents<ImpulseQuestionDto> | null> {
  const existing = await db().impulseQuestion.findUnique({ where: { id: questionId }, select: impulseQuestionSelect });
  if (!existing) return null;
  if (existing.author.id !== actor.id) throw new AppError("CONFLICT");
  return { result: toImpulseQuestionDto(existing, questionViewOf(actor)), events: [] };
}
