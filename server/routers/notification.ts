import { listNotificationsSchema, notificationIdSchema, notificationSettingsSchema, setThreadSubscriptionSchema } from "../schemas/notification";
import { threadIdSchema } from "../schemas/thread";
import { listNotifications } from "../services/notifications/list-notifications";
import { markAllNotificationsRead, markNotificationRead } from "../services/notifications/mark-read";
import { getNotificationSettings, updateNotificationSettings } from "../services/notifications/settings";
import { getThreadSubscription, setThreadSubscription } from "../services/notifications/thread-subscription";
import { authedProcedure, commitAndPublish, router } from "../trpc";

export const notificationRouter = router({
  list: authedProcedure.input(listNotificationsSchema).query(({ ctx, input }) => listNotifications(ctx.actor, input)),
  markRead: authedProcedure.input(notificationIdSchema).mutation(({ ctx, input }) => commitAndPublish(markNotificationRead(ctx.actor, input))),
  markAllRead: authedProcedure.mutation(({ ctx }) => commitAndPublish(markAllNotificationsRead(ctx.actor))),
  settings: authedProcedure.query(({ ctx }) => getNotificationSettings(ctx.actor)),
  updateSettings: authedProcedure.input(notificationSettingsSchema).mutation(({ ctx, input }) => commitAndPublish(updateNotificationSettings(ctx.actor, input))),
  threadSubscription: authedProcedure.input(threadIdSchema).query(({ ctx, input }) => getThreadSubscription(ctx.actor, input)),
  setThreadSubscription: authedProcedure.input(setThreadSubscriptionSchema).mutation(({ ctx, input }) => commitAndPublish(setThreadSubscription(ctx.actor, input))),
});
