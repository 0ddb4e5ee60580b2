import { z } from "zod";
import { idSchema } from "./common";
import { formatOzgField, ozgFields, type OzgField, type OzgFieldValues } from "./ozg-fields";

/**
 * The monthly import's limits and the shape of its dry run, shared by the upload route, the services
 * and the pages. Client-safe.
 */

/** The real file of 557 services is about 100 KB; 20 MB leaves room for 5,000 rows and any spreadsheet's overhead. */
export const OZG_IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const OZG_IMPORT_MAX_MB = OZG_IMPORT_MAX_BYTES / 1024 / 1024;
/** More broken rows than this share refuses the whole file: it is probably the wrong file or a broken export. */
export const OZG_IMPORT_MAX_ERROR_SHARE = 0.1;
/** A claim on applying older than this belongs to a process that died. */
export const OZG_IMPORT_CLAIM_TTL_MS = 10 * 60_000;

export const ozgImportIdSchema = z.object({ importId: idSchema });
export type OzgImportIdInput = z.input<typeof ozgImportIdSchema>;

/** One field's change as the dry run shows and the apply writes it: values as the export writes them. */
export interface OzgPlanFieldChange {
  field: OzgField;
  oldValue: string | null;
  newValue: string | null;
}

/** The stored values of a row's fields that the file sets (what apply writes). */
export type OzgPlanValues = Partial<{
  name: string;
  lage: string;
  themenfeld: string;
  ressort: string | null;
  priority: number | null;
  phase: string;
  implementationModel: string | null;
  leadState: string | null;
  isFocus: boolean;
  availability: string;
}>;

export interface OzgPlanNew {
  line: number;
  ozgId: string;
  name: string;
  /** every field of the new service (the file's values, defaults for the columns it lacks) */
  values: OzgPlanValues;
}

/** A new service's fields as the export writes them: its history rows and the dry run's list. */
export const newServiceFields = (service: Pick<OzgPlanNew, "values">): OzgPlanFieldChange[] =>
  ozgFields.map((field) => ({ field, oldValue: null, newValue: formatOzgField(field, service.values as OzgFieldValues) }));

export interface OzgPlanChanged {
  line: number;
  ozgId: string;
  name: string;
  values: OzgPlanValues;
  changes: OzgPlanFieldChange[];
}

export interface OzgPlanError {
  line: number;
  ozgId: string | null;
  message: string;
}

/** The dry run as stored in OzgImport.plan. Seeded demo imports have `{}`: every key is optional to readers. */
export interface OzgImportPlan {
  /** the file's columns and which field each was read as (null: ignored) */
  columns: { header: string; field: OzgField | "ozgId" | null }[];
  newServices: OzgPlanNew[];
  changed: OzgPlanChanged[];
  /** services of the catalogue the file does not name: listed, never deleted */
  missing: { ozgId: string; name: string }[];
  errors: OzgPlanError[];
  /** data rows (non-empty lines after the header) */
  rowCount: number;
  /** rows with at least one error */
  errorRowCount: number;
  unchangedCount: number;
  /** more than OZG_IMPORT_MAX_ERROR_SHARE of the rows are broken: nothing can be applied */
  isRefused: boolean;
}
