import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { AppError } from "../../errors";
import { event, rooms, type WithEvents } from "../../realtime/events";
import { closeReportSchema } from "../../schemas/report";
import { recordAudit } from "../audit/record-audit";
import { reportSelect, toReportDto, type ReportDto } from "./dto";

/** Moderation closes a report with an outcome; audited, the queue updates live and the reporter is told. */
export async function closeReport(actor: Actor | null, rawInput: unknown): Promise<WithEvents<ReportDto>> {
  assertCan(actor, "report.moderate");
  const input = closeReportSchema.parse(rawInput);
  return db().$transaction(async (tx) => {
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
    const events = [event(rooms.moderation, "reports.changed", { openCount, report })];
    return { result: report, events };
  });
}
