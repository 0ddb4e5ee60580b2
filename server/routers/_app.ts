import { router } from "../trpc";
import { activityRouter } from "./activity";
import { calendarRouter } from "./calendar";
import { groupRouter } from "./group";
import { impulseTalkRouter } from "./impulse-talk";
import { invitationRouter } from "./invitation";
import { notificationRouter } from "./notification";
import { ozgRouter } from "./ozg";
import { resultsRouter } from "./results";
import { postRouter } from "./post";
import { reportRouter } from "./report";
import { searchRouter } from "./search";
import { spotlightRouter } from "./spotlight";
import { threadRouter } from "./thread";
import { userRouter } from "./user";

export const appRouter = router({
  activity: activityRouter,
  calendar: calendarRouter,
  group: groupRouter,
  impulseTalk: impulseTalkRouter,
  invitation: invitationRouter,
  notification: notificationRouter,
  ozg: ozgRouter,
  results: resultsRouter,
  post: postRouter,
  report: reportRouter,
  search: searchRouter,
  spotlight: spotlightRouter,
  thread: threadRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
