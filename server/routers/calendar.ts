import { getCalendarFeedAddress, renewCalendarFeedAddress } from "../services/impulse-talks/calendar-token";
import { authedProcedure, commitAndPublish, router } from "../trpc";

export const calendarRouter = router({
  feedAddress: authedProcedure.query(({ ctx }) => getCalendarFeedAddress(ctx.actor)),
  renew: authedProcedure.mutation(({ ctx }) => commitAndPublish(renewCalendarFeedAddress(ctx.actor))),
});
