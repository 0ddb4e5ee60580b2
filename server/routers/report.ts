import { closeReportSchema, listReportsSchema, reportPostSchema } from "../schemas/report";
import { closeReport } from "../services/reports/close-report";
import { listReports } from "../services/reports/list-reports";
import { openReportCount } from "../services/reports/open-report-count";
import { reportPost } from "../services/reports/report-post";
import { authedProcedure, commitAndPublish, router } from "../trpc";

export const reportRouter = router({
  create: authedProcedure.input(reportPostSchema).mutation(({ ctx, input }) => commitAndPublish(reportPost(ctx.actor, input))),
  list: authedProcedure.input(listReportsSchema).query(({ ctx, input }) => listReports(ctx.actor, input)),
  openCount: authedProcedure.query(({ ctx }) => openReportCount(ctx.actor)),
  close: authedProcedure.input(closeReportSchema).mutation(({ ctx, input }) => commitAndPublish(closeReport(ctx.actor, input))),
});
