import { assertCan, type Actor } from "../../auth/policy";
import { db } from "../../db";
import { listReportsSchema, REPORTS_PER_PAGE, type ReportStatus } from "../../schemas/report";
import { reportSelect, toReportDto, type ReportDto } from "./dto";

export interface ReportPage {
  status: ReportStatus;
  reports: ReportDto[];
  page: number;
  pageCount: number;
  total: number;
  /** open reports, whatever tab is shown: the tab's counter */
  openCount: number;
}

/** One page of the moderation queue: open reports oldest first (first come, first served), closed ones newest first. */
export async function listReports(actor: Actor | null, rawInput: unknown): Promise<ReportPage> {
  assertCan(actor, "report.moderate");
  const { status, page: requestedPage } = listReportsSchema.parse(rawInput);
  const where = status === "OPEN" ? { closedAt: null } : { closedAt: { not: null } };
  const [total, openCount] = await Promise.all([db().report.count({ where }), db().report.count({ where: { closedAt: null } })]);
  const pageCount = Math.max(1, Math.ceil(total / REPORTS_PER_PAGE));
  const page = Math.min(requestedPage, pageCount);
  const rows = await db().report.findMany({
    where,
    select: reportSelect,
    orderBy: status === "OPEN" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ closedAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * REPORTS_PER_PAGE,
    take: REPORTS_PER_PAGE,
  });
  return { status, reports: rows.map(toReportDto), page, pageCount, total, openCount };
}
