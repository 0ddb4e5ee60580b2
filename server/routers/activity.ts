import { recentActivity } from "../services/activity/recent-activity";
import { authedProcedure, router } from "../trpc";

export const activityRouter = router({
  recent: authedProcedure.query(({ ctx }) => recentActivity(ctx.actor)),
});
