import { assertCan, type Actor } from "../../../auth/policy";
import { db } from "../../../db";
import { AppError } from "../../../errors";
import { OZG_IMPORT_CLAIM_TTL_MS, ozgImportIdSchema, type OzgImportPlan, type StoredOzgImportPlan } from "../../../schemas/ozg-import";
import { importSelect, toSummary, type ImportRow, type OzgImportSummary } from "./import-summary";

export interface OzgImportHistoryRow {
  ozgId: string;
  serviceName: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface OzgImportDetail extends OzgImportSummary {
  baseVersion: number;
  /** the catalogue's version now: a CHECKED import with an older base can no longer be applied */
  catalogVersion: number;
  isApplying: boolean;
  /** the dry run; empty parts for the seed's demo imports, which stored `{}` */
  plan: OzgImportPlan;
  /** an earlier APPLIED import of the same file (same SHA-256) */
  sameFileApplied: { id: string; appliedAt: string } | null;
  /** for an applied import: the history rows it wrote (at most HISTORY_LIMIT) */
  history: OzgImportHistoryRow[];
  historyTotal: number;
}

const HISTORY_LIMIT = 2_000;

const emptyPlan = (row: ImportRow): OzgImportPlan => ({
  columns: [],
  newServices: [],
  changed: [],
  missing: [],
  errors: [],
  // plans stored before errors were capped lack the total: then `errors` holds all of them
  errorCount: 0,
  rowCount: row.rowCount,
  errorRowCount: row.errorCount,
  unchangedCount: row.unchangedCount,
  isRefused: false,
});

/** One import with its dry run, and for an applied one the history rows it wrote. */
export async function getOzgImport(actor: Actor | null, rawInput: unknown): Promise<OzgImportDetail> {
  assertCan(actor, "ozg.import");
  const { importId } = ozgImportIdSchema.parse(rawInput);
  const row = await db().ozgImport.findUnique({ where: { id: importId }, select: { ...importSelect, plan: true } });
  if (!row) throw new AppError("NOT_FOUND", "Diesen Import gibt es nicht.");
  const [settings, sameFile, history, historyTotal] = await Promise.all([
    db().ozgSettings.findUnique({ where: { id: 1 }, select: { catalogVersion: true } }),
    db().ozgImport.findFirst({
      where: { sha256: row.sha256, status: "APPLIED", id: { not: row.id } },
      select: { id: true, appliedAt: true },
      orderBy: { appliedAt: "desc" },
    }),
    row.status === "APPLIED"
      ? db().ozgFieldChange.findMany({
          where: { importId },
          select: { ozgId: true, field: true, oldValue: true, newValue: true, service: { select: { name: true } } },
          orderBy: [{ ozgId: "asc" }, { field: "asc" }],
          take: HISTORY_LIMIT,
        })
      : [],
    row.status === "APPLIED" ? db().ozgFieldChange.count({ where: { importId } }) : 0,
  ]);
  const stored = (row.plan ?? {}) as StoredOzgImportPlan;
  return {
    ...toSummary(row),
    baseVersion: row.baseVersion,
    catalogVersion: settings?.catalogVersion ?? 0,
    isApplying: row.applyingSince !== null && row.applyingSince.getTime() > Date.now() - OZG_IMPORT_CLAIM_TTL_MS,
    plan: { ...emptyPlan(row), ...stored },
    sameFileApplied: sameFile?.appliedAt ? { id: sameFile.id, appliedAt: sameFile.appliedAt.toISOString() } : null,
    history: history.map((change) => ({ ozgId: change.ozgId, serviceName: change.service.name, field: change.field, oldValue: change.oldValue, newValue: change.newValue })),
    historyTotal,
  };
}
