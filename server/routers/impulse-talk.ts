import {
  answerQuestionSchema,
  askQuestionSchema,
  cancelImpulseTalkSchema,
  createImpulseTalkSchema,
  hideQuestionSchema,
  impulseTalkIdSchema,
  listImpulseTalksSchema,
  mergeQuestionSchema,
  questionIdSchema,
  updateImpulseTalkSchema,
} from "../schemas/impulse-talk";
import { cancelImpulseTalk } from "../services/impulse-talks/cancel-talk";
import { answerQuestion } from "../services/impulse-talks/answer-question";
import { askQuestion } from "../services/impulse-talks/ask-question";
import { hideQuestion, unhideQuestion } from "../services/impulse-talks/hide-question";
import { mergeQuestion } from "../services/impulse-talks/merge-question";
import { unvoteQuestion, voteQuestion } from "../services/impulse-talks/vote-question";
import { withdrawQuestion } from "../services/impulse-talks/withdraw-question";
import { createImpulseTalk } from "../services/impulse-talks/create-talk";
import { followImpulseTalk, unfollowImpulseTalk } from "../services/impulse-talks/follow-talk";
import { getImpulseTalkForEditing } from "../services/impulse-talks/get-talk-for-editing";
import { getImpulseTalk } from "../services/impulse-talks/get-talk";
import { listTalkQuestions, myQuestionVotes } from "../services/impulse-talks/list-questions";
import { listImpulseTalks } from "../services/impulse-talks/list-talks";
import { updateImpulseTalk } from "../services/impulse-talks/update-talk";
import { authedProcedure, commitAndPublish, router } from "../trpc";

export const impulseTalkRouter = router({
  byId: authedProcedure.input(impulseTalkIdSchema).query(({ ctx, input }) => getImpulseTalk(ctx.actor, input.talkId)),
  list: authedProcedure.input(listImpulseTalksSchema).query(({ ctx, input }) => listImpulseTalks(ctx.actor, input)),
  create: authedProcedure.input(createImpulseTalkSchema).mutation(({ ctx, input }) => commitAndPublish(createImpulseTalk(ctx.actor, input))),
  update: authedProcedure.input(updateImpulseTalkSchema).mutation(({ ctx, input }) => commitAndPublish(updateImpulseTalk(ctx.actor, input))),
  forEditing: authedProcedure.input(impulseTalkIdSchema).query(({ ctx, input }) => getImpulseTalkForEditing(ctx.actor, input.talkId)),
  cancel: authedProcedure.input(cancelImpulseTalkSchema).mutation(({ ctx, input }) => commitAndPublish(cancelImpulseTalk(ctx.actor, input))),
  follow: authedProcedure.input(impulseTalkIdSchema).mutation(({ ctx, input }) => followImpulseTalk(ctx.actor, input)),
  unfollow: authedProcedure.input(impulseTalkIdSchema).mutation(({ ctx, input }) => unfollowImpulseTalk(ctx.actor, input)),
  questions: authedProcedure.input(impulseTalkIdSchema).query(({ ctx, input }) => listTalkQuestions(ctx.actor, input.talkId)),
  myVotes: authedProcedure.input(impulseTalkIdSchema).query(({ ctx, input }) => myQuestionVotes(ctx.actor, input.talkId)),
  ask: authedProcedure.input(askQuestionSchema).mutation(({ ctx, input }) => commitAndPublish(askQuestion(ctx.actor, input))),
  vote: authedProcedure.input(questionIdSchema).mutation(({ ctx, input }) => commitAndPublish(voteQuestion(ctx.actor, input))),
  unvote: authedProcedure.input(questionIdSchema).mutation(({ ctx, input }) => commitAndPublish(unvoteQuestion(ctx.actor, input))),
  answer: authedProcedure.input(answerQuestionSchema).mutation(({ ctx, input }) => commitAndPublish(answerQuestion(ctx.actor, input))),
  hide: authedProcedure.input(hideQuestionSchema).mutation(({ ctx, input }) => commitAndPublish(hideQuestion(ctx.actor, input))),
  unhide: authedProcedure.input(questionIdSchema).mutation(({ ctx, input }) => commitAndPublish(unhideQuestion(ctx.actor, input))),
  withdraw: authedProcedure.input(questionIdSchema).mutation(({ ctx, input }) => commitAndPublish(withdrawQuestion(ctx.actor, input))),
  merge: authedProcedure.input(mergeQuestionSchema).mutation(({ ctx, input }) => commitAndPublish(mergeQuestion(ctx.actor, input))),
});
