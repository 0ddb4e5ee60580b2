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
/**
 * Data rows a file may have: the real file has 557, so 20,000 is far beyond any real catalogue. It
 * bounds the memory of reading and planning (20 MB of `;;;;` would otherwise be millions of cells).
 */
export const OZG_IMPORT_MAX_ROWS = 20_000;
/** Row errors stored with the dry run and shown; the plan counts all of them (`errorCount`). */
export const OZG_IMPORT_MAX_ERRORS_SHOWN = 1_000;
/** More broken rows than this share refuses the whole file: it is probably the wrong file or a broken export. */
export const OZG_IMPORT_MAX_ERROR_SHARE = 0.1;
/** A claim on applying older than this belongs to a process that died. */
export const OZG_IMPORT_CLAIM_TTL_MS = 10 * 60_000;

const germanNumber = (value: number) => value.toLocaleString("de-DE");

/** The refusal of a file over OZG_IMPORT_MAX_BYTES: by the upload form before sending and by the server. */
export const importTooLargeMessage = `Die Datei ist größer als ${OZG_IMPORT_MAX_MB} MB. Die Nachnutzungsübersicht hat auch mit 5.000 Leistungen nur wenige MB: bitte prüfen Sie, ob es die richtige Datei ist.`;

/** The refusal of a file with more than OZG_IMPORT_MAX_ROWS data rows. */
export const importTooManyRowsMessage = `Die Datei hat mehr als ${germanNumber(OZG_IMPORT_MAX_ROWS)} Zeilen. Die Nachnutzungsübersicht hat einige hundert Leistungen: bitte prüfen Sie, ob es die richtige Datei ist.`;

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

/**
 * The dry run as check-import stores it in OzgImport.plan. The seed's demo imports store `{}` instead:
 * whoever reads the column reads a `StoredOzgImportPlan` and fills in what is missing (see get-import.ts).
 */
export interface OzgImportPlan {
  /** the file's columns and which field each was read as (null: ignored) */
  columns: { header: string; field: OzgField | "ozgId" | null }[];
  newServices: OzgPlanNew[];
  changed: OzgPlanChanged[];
  /** services of the catalogue the file does not name: listed, never deleted */
  missing: { ozgId: string; name: string }[];
  /** the first OZG_IMPORT_MAX_ERRORS_SHOWN row errors, by line */
  errors: OzgPlanError[];
  /** all row errors, also those not stored in `errors` */
  errorCount: number;
  /** data rows (non-empty lines after the header) */
  rowCount: number;
  /** rows with at least one error */
  errorRowCount: number;
  unchangedCount: number;
  /** more than OZG_IMPORT_MAX_ERROR_SHARE of the rows are broken: nothing can be applied */
  isRefused: boolean;
}

/** OzgImport.plan as read from the database: a seeded demo import's is `{}`. */
export type StoredOzgImportPlan = Partial<OzgImportPlan>;

/** The refusal of a file with too many broken rows, with its share. */
export function refusedMessage(plan: Pick<OzgImportPlan, "errorRowCount" | "rowCount">): string {
  const share = Math.round((plan.errorRowCount / Math.max(plan.rowCount, 1)) * 100);
  return `In dieser Datei sind ${share} % der Zeilen fehlerhaft (${germanNumber(plan.errorRowCount)} von ${germanNumber(plan.rowCount)}); erlaubt sind höchstens ${OZG_IMPORT_MAX_ERROR_SHARE * 100} %. Es kann nichts eingespielt werden: bitte korrigieren Sie die Datei und laden Sie sie erneut hoch.`;
}

/** The line under the shown errors when there are more than OZG_IMPORT_MAX_ERRORS_SHOWN: "… und 1.234 weitere Fehler". */
export function moreErrorsMessage(plan: Pick<OzgImportPlan, "errors" | "errorCount">): string | null {
  const more = plan.errorCount - plan.errors.length;
  return more > 0 ? `… und ${germanNumber(more)} weitere${more === 1 ? "r" : ""} Fehler` : null;
}
