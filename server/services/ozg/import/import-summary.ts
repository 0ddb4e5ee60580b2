import type { Prisma } from "../../../db";
import { authorSelect } from "../../users/dto";

/** An import's columns as the list and the detail page read them (list-imports.ts, get-import.ts). */
export const importSelect = {
  id: true,
  fileName: true,
  sha256: true,
  sizeBytes: true,
  format: true,
  uploadedAt: true,
  status: true,
  baseVersion: true,
  rowCount: true,
  newCount: true,
  changedCount: true,
  unchangedCount: true,
  missingCount: true,
  errorCount: true,
  appliedAt: true,
  applyingSince: true,
  uploadedBy: { select: authorSelect },
  appliedBy: { select: authorSelect },
} as const satisfies Prisma.OzgImportSelect;

export type ImportRow = Prisma.OzgImportGetPayload<{ select: typeof importSelect }>;

export interface OzgImportSummary {
  id: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  format: string;
  uploadedAt: string;
  uploadedBy: string | null;
  status: ImportRow["status"];
  rowCount: number;
  newCount: number;
  changedCount: number;
  unchangedCount: number;
  missingCount: number;
  errorCount: number;
  appliedAt: string | null;
  appliedBy: string | null;
}

export const toSummary = (row: ImportRow): OzgImportSummary => ({
  id: row.id,
  fileName: row.fileName,
  sha256: row.sha256,
  sizeBytes: row.sizeBytes,
  format: row.format,
  uploadedAt: row.uploadedAt.toISOString(),
  uploadedBy: row.uploadedBy?.name ?? null,
  status: row.status,
  rowCount: row.rowCount,
  newCount: row.newCount,
  changedCount: row.changedCount,
  unchangedCount: row.unchangedCount,
  missingCount: row.missingCount,
  errorCount: row.errorCount,
  appliedAt: row.appliedAt?.toISOString() ?? null,
  appliedBy: row.appliedBy?.name ?? null,
});
