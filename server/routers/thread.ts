import { markThreadReadSchema } from "../schemas/read";
import { createThreadSchema, moderateThreadSchema, moveThreadSchema, renameThreadSchema, threadIdSchema } from "../schemas/thread";
import { markThreadRead } from "../services/reads/mark-thread-read";
import { createThread } from "../services/threads/create-thread";
import { getThread } from "../services/threads/get-thread";
import { moderateThread } from "../services/threads/moderate-thread";
import { moveThread } from "../services/threads/move-thread";
import { renameThread } from "../services/threads/rename-thread";
import { authedProcedure, commitAndPublish, router } from "../trpc";

export const threadRouter = router({
  byId: authedProcedure.input(threadIdSchema).query(({ ctx, input }) => getThread(ctx.actor, input.threadId)),
  create: authedProcedure.input(createThreadSchema).mutation(({ ctx, input }) => commitAndPublish(createThread(ctx.actor, input))),
  markRead: authedProcedure.input(markThreadReadSchema).mutation(({ ctx, input }) => commitAndPublish(markThreadRead(ctx.actor, input))),
  moderate: authedProcedure.input(moderateThreadSchema).mutation(({ ctx, input }) => commitAndPublish(moderateThread(ctx.actor, input))),
  rename: authedProcedure.input(renameThreadSchema).mutation(({ ctx, input }) => commitAndPublish(renameThread(ctx.actor, input))),
  move: authedProcedure.input(moveThreadSchema).mutation(({ ctx, input }) => commitAndPublish(moveThread(ctx.actor, input))),
});
