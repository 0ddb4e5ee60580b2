import { getGroupBySlug, listGroups } from "../services/groups/list-groups";
import { setMembership } from "../services/groups/membership";
import { markGroupRead } from "../services/reads/mark-group-read";
import { listThreads } from "../services/threads/list-threads";
import { groupIdSchema, groupSlugSchema } from "../schemas/group";
import { listThreadsSchema } from "../schemas/thread";
import { markGroupReadSchema } from "../schemas/read";
import { authedProcedure, commitAndPublish, router } from "../trpc";

export const groupRouter = router({
  list: authedProcedure.query(({ ctx }) => listGroups(ctx.actor)),
  bySlug: authedProcedure.input(groupSlugSchema).query(({ ctx, input }) => getGroupBySlug(ctx.actor, input)),
  threads: authedProcedure.input(listThreadsSchema).query(({ ctx, input }) => listThreads(ctx.actor, input)),
  join: authedProcedure.input(groupIdSchema).mutation(({ ctx, input }) => setMembership(ctx.actor, input, true)),
  leave: authedProcedure.input(groupIdSchema).mutation(({ ctx, input }) => setMembership(ctx.actor, input, false)),
  markRead: authedProcedure.input(markGroupReadSchema).mutation(({ ctx, input }) => commitAndPublish(markGroupRead(ctx.actor, input))),
});
