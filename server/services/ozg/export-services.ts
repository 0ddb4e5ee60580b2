import ExcelJS from "exceljs";
import type { Actor } from "../../auth/policy";
import { berlinDay, formatGermanDay } from "../../schemas/calendar-day";
import { ozgListSchema } from "../../schemas/ozg";
import { formatOzgField, OZG_ID_HEADER, ozgFieldHeaders, ozgFields } from "../../schemas/ozg-fields";
import type { OzgTableParams } from "../../schemas/ozg-params";
import { defuseFormula, germanExcelCsv } from "../export/spreadsheet-cells";
import { allOzgServices } from "./list-services";
import { assertCanReadOzg } from "./read-access";

export type OzgExportFormat = "csv" | "xlsx";

/** The export's columns: the OZG ID, the tracked fields as the import reads them back, then the LeiKa keys and the last change. */
export const ozgExportHeaders = [OZG_ID_HEADER, ...ozgFields.map((field) => ozgFieldHeaders[field]), "LeiKa-Schlüssel", "Letzte Änderung"] as const;

/** Spreadsheet column widths (characters), in the order of ozgExportHeaders. */
const columnWidths = [10, 60, 40, 28, 10, 14, 28, 30, 22, 14, 26, 40, 16];

export interface OzgExport {
  fileName: string;
  contentType: string;
  body: Buffer | string;
}

/** Every service of the table's filters in the table's order (all pages), as rows of text. */
async function exportRows(actor: Actor | null, params: OzgTableParams): Promise<string[][]> {
  await assertCanReadOzg(actor);
  const filter = ozgListSchema.parse({ ...params, page: 1 });
  const services = await allOzgServices(filter);
  return services.map((service) => [
    service.ozgId,
    ...ozgFields.map((field) => formatOzgField(field, service) ?? ""),
    service.leikaKeys ?? "",
    formatGermanDay(berlinDay(new Date(service.updatedAt))),
  ]);
}

/**
 * The service table's filtered and sorted view as a download: CSV for German Excel or a real XLSX
 * workbook. Readable by whoever reads the table (signed out only while the overview is public).
 */
export async function exportOzgServices(actor: Actor | null, params: OzgTableParams, format: OzgExportFormat): Promise<OzgExport> {
  const rows = await exportRows(actor, params);
  const fileName = `ozg-leistungen-${berlinDay()}.${format}`;
  if (format === "csv") return { fileName, contentType: "text/csv; charset=utf-8", body: germanExcelCsv(ozgExportHeaders, rows) };
  return { fileName, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: await ozgWorkbook(rows) };
}

async function ozgWorkbook(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "GDST – Gemeinsam Digital für Sachsen-Anhalt";
  const sheet = workbook.addWorksheet("Leistungen", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = ozgExportHeaders.map((header, index) => ({ header, key: `c${index}`, width: columnWidths[index] }));
  sheet.getRow(1).font = { bold: true };
  // every value is written as a string cell (never a formula) and defused like the CSV's, so a
  // name starting with "=" stays text even after someone edits the cell
  for (const row of rows) sheet.addRow(row.map(defuseFormula));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ozgExportHeaders.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
