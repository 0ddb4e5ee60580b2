import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { event, rooms, type WithEvents } from "../../realtime/events";
import { closeReportSchema, reportOutcomeLabels, type CloseReport } from "../../schemas/report";
import { recordAudit } from "../audit/record-audit";
import { postLink } from "../notifications/kinds";
import { notify } from "../notifications/notify";
import { reportSelect, toReportDto, type ReportDto } from "./dto";

/** Moderation closes a report with an outcome; audited, the queue updates live and the reporter is told. */
export async function closeReport(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ReportDto>> {
  assertCan(actor, "report.moderate");
  const input = closeReportSchema.parse(rawInput);
  return db().$transaction((tx) => closeOpenReport(tx, actor, input));
}

/**
 * Closes one open report inside the caller's transaction: audited, the queue's count and the report go
 * to moderation live, the reporter is told. Also used when hiding a post settles its reports.
 */
export async function closeOpenReport(tx: Tx, actor: Actor, input: CloseReport): Promise<WithEvents<ReportDto>> {
  // only an open report is closed: the condition in the statement makes two moderators racing safe
  const { count } = await tx.report.updateMany({
    where: { id: input.reportId, closedAt: null },
    data: { closedAt: new Date(), closedById: actor.id, outcome: input.outcome, outcomeNote: input.outcomeNote, openKey: null },
  });
  if (count === 0) {
    const exists = await tx.report.findUnique({ where: { id: input.reportId }, select: { id: true } });
    throw exists ? new AppError("REPORT_CLOSED") : new AppError("NOT_FOUND", "Diese Meldung gibt es nicht.");
  }
  const row = await tx.report.findUniqueOrThrow({ where: { id: input.reportId }, select: reportSelect });
  const report = toReportDto(row);
  await recordAudit(tx, actor, "report.close", { type: "post", id: report.post.id }, {
    reportId: report.id,
    reason: report.reason,
    outcome: input.outcome,
    ...(input.outcomeNote ? { outcomeNote: input.outcomeNote } : {}),
  });
  const openCount = await tx.report.count({ where: { closedAt: null } });
  const outcome = reportOutcomeLabels[input.outcome];
  const notified = await notify(tx, [
    {
      kind: "REPORT_OUTCOME",
      recipientIds: [report.reporter.id],
      actorId: actor.id,
      // no thread or post: notify() keeps one notification per person and post and honours a muted
      // thread, and neither may swallow the answer to a report the person made
      threadId: null,
      postId: null,
      title: report.post.thread.title,
      excerpt: `Ergebnis: ${outcome}${input.outcomeNote ? ` – ${input.outcomeNote}` : ""}`,
      link: postLink(report.post.id),
    },
  ]);
  return { result: report, events: [event(rooms.moderation, "reports.changed", { openCount, report }), ...notified] };
}
